//! The registry of conventions in force per commune, and the census the circular asks of
//! every prefect each year: the conventions in force on 31 December and those newly signed
//! during the year.
//!
//! Dates are calendar days and both ends are inclusive: a convention with `end` = 31 December
//! is in force on that whole day, hence counted in force on 31 December; one with no end is
//! open-ended. A convention is "newly signed" when its signature date falls in the year.

use crate::domain::document::csv_field;
use chrono::{Datelike, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::domain::geo::{CommuneCode, Department};
use crate::domain::plan::fields::{coded_enum, parse_label};
use crate::domain::plan::TimeWindow;
use crate::domain::time::Instant;
use crate::text;

coded_enum! {
    /// What kind of convention it is.
    pub enum ConventionKind {
        /// Municipal police / State forces coordination convention (CSI L512-4 to L512-7).
        Coordination => ("coordination", "Convention de coordination police municipale – forces de l’État"),
        /// Convention locale de coopération de sécurité (circular of 5 January 2016).
        Clcs => ("clcs", "Convention locale de coopération de sécurité"),
        /// A CLCS for one event.
        Evenement => ("evenement", "Convention d’événement"),
        /// Security of large commercial areas (the circular's other convention kind, after the
        /// circular of 23 May 2011).
        ZonesCommerciales => ("zones_commerciales", "Convention de sécurité des grandes zones commerciales"),
    }
}

/// A registry entry as typed or imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryEntryDraft {
    pub commune_code: String,
    pub kind: ConventionKind,
    pub signed: NaiveDate,
    pub start: NaiveDate,
    /// The last day in force; `None` for an open-ended convention.
    pub end: Option<NaiveDate>,
    /// How it is cited, e.g. "CC-13056-2025-01".
    pub reference: String,
    pub title: String,
}

/// A convention in force: a known commune, an end on or after its start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RegistryEntryDraft", into = "RegistryEntryDraft")]
pub struct RegistryEntry {
    commune: CommuneCode,
    department: Department,
    kind: ConventionKind,
    signed: NaiveDate,
    start: NaiveDate,
    end: Option<NaiveDate>,
    reference: String,
    title: String,
}

impl RegistryEntry {
    /// Checks the commune, the dates and the texts.
    pub fn new(draft: RegistryEntryDraft) -> Result<RegistryEntry, String> {
        let commune = CommuneCode::parse(&draft.commune_code).ok_or(text::COMMUNE_INVALID)?;
        let department = commune.department().ok_or(text::COMMUNE_INVALID)?;
        if draft.end.is_some_and(|end| end < draft.start) {
            return Err(text::CENSUS_END_BEFORE_START.to_string());
        }
        Ok(RegistryEntry {
            commune,
            department,
            kind: draft.kind,
            signed: draft.signed,
            start: draft.start,
            end: draft.end,
            reference: parse_label(&draft.reference, 120).map_err(|e| e.to_string())?,
            title: parse_label(&draft.title, 300).map_err(|e| e.to_string())?,
        })
    }
    pub fn commune(&self) -> &CommuneCode {
        &self.commune
    }
    pub fn department(&self) -> &Department {
        &self.department
    }
    pub fn kind(&self) -> ConventionKind {
        self.kind
    }
    pub fn signed(&self) -> NaiveDate {
        self.signed
    }
    pub fn start(&self) -> NaiveDate {
        self.start
    }
    pub fn end(&self) -> Option<NaiveDate> {
        self.end
    }
    pub fn reference(&self) -> &str {
        &self.reference
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    /// Whether it is in force on `day` (both ends included).
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.start <= day && self.end.is_none_or(|end| day <= end)
    }
    /// Whether it is in force on at least one day from `first` to `last` (both included).
    pub fn in_force_between(&self, first: NaiveDate, last: NaiveDate) -> bool {
        self.start <= last && self.end.is_none_or(|end| first <= end)
    }
}

impl TryFrom<RegistryEntryDraft> for RegistryEntry {
    type Error = String;
    fn try_from(draft: RegistryEntryDraft) -> Result<Self, String> {
        RegistryEntry::new(draft)
    }
}

impl From<RegistryEntry> for RegistryEntryDraft {
    fn from(e: RegistryEntry) -> Self {
        RegistryEntryDraft {
            commune_code: e.commune.as_str().to_string(),
            kind: e.kind,
            signed: e.signed,
            start: e.start,
            end: e.end,
            reference: e.reference,
            title: e.title,
        }
    }
}

/// The registry entry of an event convention approved in Cordon: kind « événement », signed
/// on the day of approval, in force from the first to the last local day of the operations
/// (set-up to tear-down), cited by the file's reference, its title naming the event and the
/// parties that sign it.
pub fn approved_event_entry(
    plan: &crate::domain::plan::Plan,
    reference: &str,
    approved_at: Instant,
) -> Result<RegistryEntry, String> {
    use crate::domain::plan::ParticipantRole;
    let event = &plan.event;
    let zone = event.time_zone();
    let mut parties = vec![format!("préfet, maire de {}", event.commune_name())];
    parties.extend(
        plan.participants
            .iter()
            .filter(|p| matches!(p.role(), ParticipantRole::Organisateur | ParticipantRole::SecuritePrivee))
            .map(|p| p.name().to_string()),
    );
    let title: String = format!("« {} » — parties : {}", event.name(), parties.join(", ")).chars().take(300).collect();
    RegistryEntry::new(RegistryEntryDraft {
        commune_code: event.commune().as_str().to_string(),
        kind: ConventionKind::Evenement,
        signed: local_day(approved_at, zone),
        start: local_day(event.operations_start(), zone),
        // The operations end at their first instant after: the last day is that of the instant before.
        end: Some(local_day(Instant(event.operations_end().0 - 1), zone)),
        reference: reference.to_string(),
        title,
    })
}

/// The calendar day of `instant` in `zone`.
pub fn local_day(instant: Instant, zone: Tz) -> NaiveDate {
    instant.to_chrono().map_or(NaiveDate::MIN, |utc| utc.with_timezone(&zone).date_naive())
}

/// The conventions of `commune` in force on at least one local day of the event `window` (its
/// last day is the day of its last instant: an event ending at midnight does not reach the
/// next day), for the non-redundancy clause: the event convention cites them.
pub fn overlapping<'e>(
    window: &TimeWindow,
    zone: Tz,
    commune: &CommuneCode,
    entries: &'e [RegistryEntry],
) -> Vec<&'e RegistryEntry> {
    let first = local_day(window.start(), zone);
    let last = local_day(Instant(window.end().millis().saturating_sub(1)), zone);
    entries.iter().filter(|e| e.commune == *commune && e.in_force_between(first, last)).collect()
}

/// One line of the census: a convention and why it is in it (possibly both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CensusLine {
    pub entry: RegistryEntry,
    pub in_force_on_31_december: bool,
    pub signed_during_year: bool,
    /// For an event's convention, where the event's evaluation stands (« clôturée le … »),
    /// as the application layer found it; `None` for other conventions.
    #[serde(default)]
    pub evaluation: Option<String>,
}

/// The census of a department for a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Census {
    pub year: i32,
    pub department: Department,
    /// Conventions in force on 31 December or signed during the year, by commune, start and
    /// reference.
    pub lines: Vec<CensusLine>,
}

impl Census {
    /// How many are in force on 31 December.
    pub fn in_force_count(&self) -> usize {
        self.lines.iter().filter(|l| l.in_force_on_31_december).count()
    }
    /// How many were signed during the year.
    pub fn newly_signed_count(&self) -> usize {
        self.lines.iter().filter(|l| l.signed_during_year).count()
    }
}

/// The census of `department` for `year`. A year chrono cannot represent gives an empty census.
pub fn census(year: i32, department: &Department, entries: &[RegistryEntry]) -> Census {
    let mut lines: Vec<CensusLine> = match NaiveDate::from_ymd_opt(year, 12, 31) {
        None => Vec::new(),
        Some(last_day) => entries
            .iter()
            .filter(|e| e.department == *department)
            .map(|e| CensusLine {
                entry: e.clone(),
                in_force_on_31_december: e.in_force_on(last_day),
                signed_during_year: e.signed.year() == year,
                evaluation: None,
            })
            .filter(|l| l.in_force_on_31_december || l.signed_during_year)
            .collect(),
    };
    lines.sort_by(|a, b| {
        (a.entry.commune.as_str(), a.entry.start, &a.entry.reference).cmp(&(
            b.entry.commune.as_str(),
            b.entry.start,
            &b.entry.reference,
        ))
    });
    Census { year, department: department.clone(), lines }
}

/// The number of columns of every CSV record.
const CSV_COLUMNS: usize = 10;

/// One CSV record: the fields padded to [`CSV_COLUMNS`], `;`-separated, CRLF-terminated.
fn csv_record(out: &mut String, fields: &[&str]) {
    let mut cells: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
    cells.resize(CSV_COLUMNS.max(cells.len()), String::new());
    out.push_str(&cells.join(";"));
    out.push_str("\r\n");
}

/// The census as CSV for a French spreadsheet: UTF-8 with a byte-order mark, `;` separators,
/// CRLF line ends, RFC 4180 quoting, every record with the same 10 fields (the last: an event's
/// evaluation, blank for other conventions). Two header records
/// (title, recipient) and a blank one come before the column names.
pub fn census_csv(census: &Census, recipient: &str) -> String {
    let recipient = match recipient.trim() {
        "" => text::CENSUS_DEFAULT_RECIPIENT,
        name => name,
    };
    let day = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    let yes_no = |b: bool| if b { text::CENSUS_YES } else { text::CENSUS_NO };
    let mut out = String::from("\u{feff}");
    let title = text::census_title(census.year, census.department.as_str());
    csv_record(&mut out, &[&title]);
    csv_record(&mut out, &[text::CENSUS_RECIPIENT, recipient]);
    csv_record(&mut out, &[]);
    let in_force = text::census_in_force_column(census.year);
    let signed = text::census_signed_column(census.year);
    let mut header: Vec<&str> = text::CENSUS_COLUMNS.to_vec();
    header.extend([in_force.as_str(), signed.as_str(), text::EVALUATION_CSV_COLUMN]);
    csv_record(&mut out, &header);
    for line in &census.lines {
        let e = &line.entry;
        let (signed_on, start) = (day(e.signed), day(e.start));
        let end = e.end.map_or(text::CENSUS_OPEN_ENDED.to_string(), day);
        csv_record(
            &mut out,
            &[
                e.commune.as_str(),
                e.kind.label(),
                &e.reference,
                &e.title,
                &signed_on,
                &start,
                &end,
                yes_no(line.in_force_on_31_december),
                yes_no(line.signed_during_year),
                line.evaluation.as_deref().unwrap_or_default(),
            ],
        );
    }
    out
}
