//! Importing a participant's agents from a spreadsheet export (CSV): one agent a line, with
//! the name, the CNAPS card number and expiry, and the qualifications. Every line is checked
//! on its own, so that the preview shows the good lines and the errors of the others.

use std::collections::btree_map::Entry;
use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::csv::{records, Record};
use crate::domain::plan::{local_instant, Agent, AgentDraft, CnapsCard, Qualification};
use crate::domain::time::Instant;

/// The header line the file starts with (`,` may replace `;` throughout).
pub const AGENTS_CSV_HEADER: &str = "nom;carte_professionnelle;expiration;qualifications";

const COLUMNS: [&str; 4] = ["nom", "carte_professionnelle", "expiration", "qualifications"];

/// What a CSV file gave: problems with the file as a whole, and each data line's result.
#[derive(Debug, Clone, PartialEq)]
pub struct CsvImport {
    /// Problems that stop the whole file (missing or wrong header); `rows` is then empty.
    pub file_errors: Vec<String>,
    /// One entry per non-blank line after the header, in file order.
    pub rows: Vec<CsvRow>,
}

/// One data line: the agent it describes, or every problem found on it (in French, each
/// starting with the column's name).
#[derive(Debug, Clone, PartialEq)]
pub struct CsvRow {
    /// The line number in the file, the header being line 1.
    pub line: usize,
    pub result: Result<Agent, Vec<String>>,
}

impl CsvImport {
    /// The agents of the valid lines.
    pub fn agents(&self) -> impl Iterator<Item = &Agent> {
        self.rows.iter().filter_map(|row| row.result.as_ref().ok())
    }

    /// Whether the file and every line are valid.
    pub fn is_clean(&self) -> bool {
        self.file_errors.is_empty() && self.rows.iter().all(|row| row.result.is_ok())
    }
}

/// Reads agents of `participant_id` from CSV text. The separator (`;` or `,`) is the one the
/// header uses; a UTF-8 byte order mark and CRLF line ends are accepted. `expiration` is
/// `JJ/MM/AAAA` or `AAAA-MM-JJ`: the card is valid through that whole day in Paris.
/// `qualifications` lists codes or French labels of [`Qualification`], separated by `|`, in
/// any case. Each valid line gets a new agent id from `next_id`, called once per valid line.
pub fn parse_agents_csv(text: &str, participant_id: &str, next_id: &mut dyn FnMut() -> String) -> CsvImport {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let separator = if first_line.contains(';') || !first_line.contains(',') { ';' } else { ',' };
    let mut lines = records(text, separator).into_iter();
    let Some(header) = lines.next() else {
        return file_error(format!(
            "Le fichier est vide : la première ligne doit être l'en-tête « {AGENTS_CSV_HEADER} »."
        ));
    };
    let positions = match column_positions(&header) {
        Ok(positions) => positions,
        Err(errors) => return CsvImport { file_errors: errors, rows: Vec::new() },
    };
    if Agent::new(draft("00000000-0000-4000-8000-000000000000", participant_id, "x")).is_err() {
        return file_error("Identifiant de participant invalide : un UUID est attendu.".into());
    }
    let mut cards_seen = BTreeMap::new();
    let rows = lines
        .map(|record| CsvRow {
            line: record.line,
            result: parse_row(&record, &positions, header.fields.len(), participant_id, &mut cards_seen, next_id),
        })
        .collect();
    CsvImport { file_errors: Vec::new(), rows }
}

fn file_error(message: String) -> CsvImport {
    CsvImport { file_errors: vec![message], rows: Vec::new() }
}

fn draft(id: &str, participant_id: &str, name: &str) -> AgentDraft {
    AgentDraft {
        id: id.into(),
        participant_id: participant_id.into(),
        display_name: name.into(),
        qualifications: Default::default(),
        sex: None,
        cnaps_card: None,
        availability: Vec::new(),
    }
}

/// Where each of the four columns is, from the header's names (any order, any case).
fn column_positions(header: &Record) -> Result<[usize; 4], Vec<String>> {
    let mut errors = Vec::new();
    let mut positions = [None; 4];
    for (index, name) in header.fields.iter().enumerate() {
        let name = name.trim().to_lowercase();
        match COLUMNS.iter().position(|column| *column == name) {
            Some(column) if positions[column].is_some() => errors.push(format!("Colonne « {name} » en double.")),
            Some(column) => positions[column] = Some(index),
            None => {
                errors.push(format!("Colonne inconnue « {name} » : l'en-tête attendu est « {AGENTS_CSV_HEADER} »."))
            }
        }
    }
    for (column, position) in COLUMNS.iter().zip(positions) {
        if position.is_none() {
            errors.push(format!("Colonne « {column} » absente de l'en-tête « {AGENTS_CSV_HEADER} »."));
        }
    }
    match positions {
        [Some(a), Some(b), Some(c), Some(d)] if errors.is_empty() => Ok([a, b, c, d]),
        _ => Err(errors),
    }
}

fn parse_row(
    record: &Record,
    positions: &[usize; 4],
    width: usize,
    participant_id: &str,
    cards_seen: &mut BTreeMap<String, usize>,
    next_id: &mut dyn FnMut() -> String,
) -> Result<Agent, Vec<String>> {
    if record.unterminated {
        return Err(vec!["Guillemet ouvert mais jamais refermé : la ligne est mal formée.".into()]);
    }
    if record.fields.len() != width {
        return Err(vec![format!("La ligne compte {} champs au lieu de {width}.", record.fields.len())]);
    }
    let [name, card, expiration, qualifications] = positions.map(|i| record.fields[i].trim());
    let mut errors = Vec::new();
    if let Err(error) = Agent::new(draft("00000000-0000-4000-8000-000000000000", participant_id, name)) {
        errors.push(format!("nom : {error}"));
    }
    let cnaps_card = parse_card(card, expiration, &mut errors);
    if let Some(card) = &cnaps_card {
        match cards_seen.entry(card.number().to_string()) {
            Entry::Occupied(first) => {
                errors.push(format!("carte_professionnelle : même numéro de carte qu'à la ligne {}.", first.get()))
            }
            Entry::Vacant(slot) => {
                slot.insert(record.line);
            }
        }
    }
    let qualifications = parse_qualifications(qualifications, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let agent = AgentDraft { qualifications, cnaps_card, ..draft(&next_id(), participant_id, name) };
    Agent::new(agent).map_err(|error| vec![format!("identifiant : {error}")])
}

fn parse_card(number: &str, expiration: &str, errors: &mut Vec<String>) -> Option<CnapsCard> {
    match (number.is_empty(), expiration.is_empty()) {
        (true, true) => None,
        (true, false) => {
            errors.push("expiration : une date d'expiration est donnée sans carte professionnelle.".into());
            None
        }
        (false, true) => {
            errors.push("expiration : obligatoire quand une carte professionnelle est donnée.".into());
            CnapsCard::new(number, Instant(0)).map_err(|e| errors.push(format!("carte_professionnelle : {e}"))).ok();
            None
        }
        (false, false) => {
            let expires = end_of_day_in_paris(expiration)
                .ok_or_else(|| {
                    errors.push(format!(
                        "expiration : date invalide « {expiration} » (JJ/MM/AAAA ou AAAA-MM-JJ attendu)."
                    ))
                })
                .ok();
            let card = CnapsCard::new(number, expires.unwrap_or(Instant(0)));
            let card = card.map_err(|e| errors.push(format!("carte_professionnelle : {e}"))).ok();
            expires.and(card)
        }
    }
}

/// The first instant after the day `raw` (`JJ/MM/AAAA` or `AAAA-MM-JJ`) in Paris: the card
/// is valid through its expiry day.
pub fn end_of_day_in_paris(raw: &str) -> Option<Instant> {
    let bytes = raw.as_bytes();
    let shape = |separators: [usize; 2], mark: u8| {
        bytes.len() == 10
            && bytes
                .iter()
                .enumerate()
                .all(|(i, &b)| if separators.contains(&i) { b == mark } else { b.is_ascii_digit() })
    };
    let date = if shape([2, 5], b'/') {
        NaiveDate::parse_from_str(raw, "%d/%m/%Y").ok()?
    } else if shape([4, 7], b'-') {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()?
    } else {
        return None;
    };
    local_instant(chrono_tz::Europe::Paris, date.succ_opt()?.and_hms_opt(0, 0, 0)?).ok()
}

/// Lower-cases, turns typographic apostrophes into straight ones and drops French accents, so
/// that « CHEF D’ÉQUIPE » matches « Chef d'équipe ».
fn folded(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .chars()
        .map(|c| match c {
            '’' | 'ʼ' => '\'',
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            c => c,
        })
        .collect()
}

fn parse_qualifications(raw: &str, errors: &mut Vec<String>) -> BTreeSet<Qualification> {
    let mut found = BTreeSet::new();
    for name in raw.split('|').map(str::trim).filter(|name| !name.is_empty()) {
        let wanted = folded(name);
        let known =
            Qualification::ALL.iter().copied().find(|q| folded(q.code()) == wanted || folded(q.label()) == wanted);
        match known {
            Some(qualification) => {
                found.insert(qualification);
            }
            None => {
                let codes = Qualification::ALL.iter().map(|q| q.code()).collect::<Vec<_>>().join(", ");
                errors.push(format!("qualifications : qualification inconnue « {name} » (codes acceptés : {codes})."));
            }
        }
    }
    found
}
