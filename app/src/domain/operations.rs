//! The event's log (main courante): what the command post and every actor write during
//! operations, the circular's fourth axis (exchange of information). It opens when the
//! set-up starts and closes when the tear-down ends. An entry is never changed or removed: a
//! correction is a new entry naming the one it corrects.
//!
//! Entries live in two registers, each an audit chain of its own: the shared register, read
//! by every participant, and the restricted one, read by the State forces and the prefecture
//! only (as restricted deployments are). Each register numbers its entries 1, 2, 3…, so that
//! the numbers a reader sees never tell how many entries it may not read. Pure: the caller
//! passes `now`.

use serde::{Deserialize, Serialize};

use crate::domain::plan::fields::parse_free_text;
use crate::domain::plan::input::FieldError;
use crate::domain::plan::{Audience, Event, Zone};
use crate::domain::time::{format_long_fr, Instant};
use crate::text;

/// The longest entry, in characters.
pub const MAX_LOG_TEXT: usize = 2_000;

/// What an entry reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum LogCategory {
    Incident,
    Information,
    /// A request for reinforcements (demande de renfort).
    Reinforcement,
    /// First aid or emergency services called (secours).
    Rescue,
    /// The end of an incident reported earlier.
    IncidentClosed,
}

impl LogCategory {
    pub const ALL: [LogCategory; 5] = [
        LogCategory::Incident,
        LogCategory::Information,
        LogCategory::Reinforcement,
        LogCategory::Rescue,
        LogCategory::IncidentClosed,
    ];

    /// A stable code, for forms, files and the stored entries.
    pub fn code(self) -> &'static str {
        match self {
            LogCategory::Incident => "incident",
            LogCategory::Information => "information",
            LogCategory::Reinforcement => "demande_renfort",
            LogCategory::Rescue => "secours",
            LogCategory::IncidentClosed => "fin_incident",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            LogCategory::Incident => text::LOG_CATEGORY_INCIDENT,
            LogCategory::Information => text::LOG_CATEGORY_INFORMATION,
            LogCategory::Reinforcement => text::LOG_CATEGORY_REINFORCEMENT,
            LogCategory::Rescue => text::LOG_CATEGORY_RESCUE,
            LogCategory::IncidentClosed => text::LOG_CATEGORY_CLOSED,
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// How serious what an entry reports is, from routine to a threat to life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 4] = [Severity::Low, Severity::Medium, Severity::High, Severity::Critical];

    pub fn code(self) -> &'static str {
        match self {
            Severity::Low => "faible",
            Severity::Medium => "moyenne",
            Severity::High => "elevee",
            Severity::Critical => "critique",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Low => text::LOG_SEVERITY_LOW,
            Severity::Medium => text::LOG_SEVERITY_MEDIUM,
            Severity::High => text::LOG_SEVERITY_HIGH,
            Severity::Critical => text::LOG_SEVERITY_CRITICAL,
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// The register an entry is written in, which decides who reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Register {
    /// Read by every participant of the event, the organiser and the prefecture.
    Shared,
    /// Read by the State forces and the prefecture only.
    Restricted,
}

impl Register {
    pub fn code(self) -> &'static str {
        match self {
            Register::Shared => "tous",
            Register::Restricted => "etat",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [Register::Shared, Register::Restricted].into_iter().find(|r| r.code() == code)
    }

    /// Whether `audience` reads this register: the one rule of the log's visibility.
    pub fn read_by(self, audience: Audience) -> bool {
        self == Register::Shared || audience == Audience::StateAndPrefecture
    }

    /// The name of its audit chain for `event_id`.
    pub fn chain(self, event_id: &str) -> String {
        match self {
            Register::Shared => format!("main-courante:{event_id}"),
            Register::Restricted => format!("main-courante-etat:{event_id}"),
        }
    }
}

/// An entry's reference: its register and its number there. Shown « n° 12 » in the shared
/// register and « E-3 » in the State forces' one; typed so in the form of a correction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct EntryRef {
    pub register: Register,
    pub number: u64,
}

impl EntryRef {
    pub fn label(self) -> String {
        match self.register {
            Register::Shared => format!("n° {}", self.number),
            Register::Restricted => format!("E-{}", self.number),
        }
    }

    /// The form's value: `tous-12`, `etat-3`.
    pub fn code(self) -> String {
        format!("{}-{}", self.register.code(), self.number)
    }

    pub fn from_code(code: &str) -> Option<Self> {
        let (register, number) = code.trim().split_once('-')?;
        let number = number.parse::<u64>().ok().filter(|n| *n > 0)?;
        Some(EntryRef { register: Register::from_code(register)?, number })
    }

    /// A reference as a person types it: its label (« n° 12 », « 12 », « E-3 », « e3 ») or its
    /// code (`tous-12`, `etat-3`).
    pub fn parse(typed: &str) -> Option<Self> {
        let typed = typed.trim();
        if let Some(code) = Self::from_code(typed) {
            return Some(code);
        }
        let number = |digits: &str| digits.trim().parse::<u64>().ok().filter(|n| *n > 0);
        if let Some(rest) = typed.strip_prefix(['E', 'e']) {
            let number = number(rest.trim_start_matches('-'))?;
            return Some(EntryRef { register: Register::Restricted, number });
        }
        let digits = typed.strip_prefix("n°").or_else(|| typed.strip_prefix("N°")).unwrap_or(typed);
        Some(EntryRef { register: Register::Shared, number: number(digits)? })
    }
}

/// What the writer says; the rest of an entry (when, who) is the server's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogContent {
    pub zone_id: Option<String>,
    /// The zone's name when written (a zone renamed later does not rewrite the log).
    pub zone_name: Option<String>,
    pub category: LogCategory,
    pub severity: Severity,
    pub text: String,
    pub corrects: Option<EntryRef>,
}

/// An entry as written: its place in its register, when, by whom, what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogEntry {
    pub reference: EntryRef,
    pub at: Instant,
    /// The writer's account id.
    pub author_id: String,
    pub author_name: String,
    pub organisation_id: String,
    pub organisation_name: String,
    pub content: LogContent,
}

/// The form, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogForm {
    pub zone_id: String,
    pub category: String,
    pub severity: String,
    pub register: String,
    pub text: String,
    pub corrects: String,
}

impl LogForm {
    /// Reads the form against the event's zones: a known zone or none, a category, a
    /// severity, a register, a text of 1 to [`MAX_LOG_TEXT`] characters, and the reference of
    /// the entry it corrects, if any (checked by [`may_write`]).
    pub fn parse(&self, zones: &[Zone]) -> Result<(Register, LogContent), FieldError> {
        let zone = match self.zone_id.trim() {
            "" => None,
            id => Some(
                zones
                    .iter()
                    .find(|z| z.id() == id)
                    .ok_or_else(|| FieldError::new("zone_id", text::LOG_ZONE_UNKNOWN))?,
            ),
        };
        let category = LogCategory::from_code(self.category.trim())
            .ok_or_else(|| FieldError::new("category", text::LOG_CATEGORY_INVALID))?;
        let severity = Severity::from_code(self.severity.trim())
            .ok_or_else(|| FieldError::new("severity", text::LOG_SEVERITY_INVALID))?;
        let register = Register::from_code(self.register.trim())
            .ok_or_else(|| FieldError::new("register", text::LOG_REGISTER_INVALID))?;
        let body = parse_free_text(&self.text, MAX_LOG_TEXT).map_err(|e| FieldError::new("text", e))?;
        if body.is_empty() {
            return Err(FieldError::new("text", text::LOG_TEXT_EMPTY));
        }
        let corrects = match self.corrects.trim() {
            "" => None,
            raw => Some(EntryRef::parse(raw).ok_or_else(|| FieldError::new("corrects", text::LOG_CORRECTS_UNKNOWN))?),
        };
        let content = LogContent {
            zone_id: zone.map(|z| z.id().to_string()),
            zone_name: zone.map(|z| z.name().to_string()),
            category,
            severity,
            text: body,
            corrects,
        };
        Ok((register, content))
    }
}

/// Whether the log of `event` is open at `now`: from the set-up's start to the tear-down's end.
pub fn is_open(event: &Event, now: Instant) -> bool {
    event.operations_start() <= now && now < event.operations_end()
}

/// Whether a reader of `audience` may write `content` in `register` at `now`: the one rule of
/// the log's doors. Anyone who reads the event writes in the shared register while the log is
/// open; only the State forces and the prefecture write in theirs. A correction names an entry
/// the writer reads (`corrected`, found in the reader's view: `None` when unknown to it) and,
/// for an entry of the State forces' register, stays in it.
pub fn may_write(
    event: &Event,
    audience: Audience,
    register: Register,
    content: &LogContent,
    corrected: Option<&LogEntry>,
    now: Instant,
) -> Result<(), FieldError> {
    if !is_open(event, now) {
        let zone = event.time_zone();
        let message = text::log_closed(
            &format_long_fr(event.operations_start(), zone),
            &format_long_fr(event.operations_end(), zone),
        );
        return Err(FieldError::new("text", message));
    }
    if !register.read_by(audience) {
        return Err(FieldError::new("register", text::LOG_REGISTER_STATE_ONLY));
    }
    if let Some(reference) = content.corrects {
        let Some(corrected) = corrected.filter(|c| c.reference == reference && c.reference.register.read_by(audience))
        else {
            return Err(FieldError::new("corrects", text::LOG_CORRECTS_UNKNOWN));
        };
        if corrected.reference.register == Register::Restricted && register == Register::Shared {
            return Err(FieldError::new("register", text::LOG_CORRECTION_STAYS_RESTRICTED));
        }
    }
    Ok(())
}

/// Where a reader stands in the log: the last number it received in each register it reads.
/// Sent as each streamed entry's id (`12` for a reader of the shared register only, `12.3`
/// for the State forces), so that a reconnecting browser gets what it missed and nothing twice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogCursor {
    pub shared: u64,
    pub restricted: u64,
}

impl LogCursor {
    /// Reads a `Last-Event-ID`; anything unreadable is the start of the log. What a reader of
    /// the shared register only sends for the restricted one is ignored.
    pub fn parse(raw: &str, audience: Audience) -> Self {
        let mut parts = raw.trim().split('.');
        let number = |part: Option<&str>| part.and_then(|p| p.parse::<u64>().ok()).unwrap_or(0);
        let shared = number(parts.next());
        let restricted = number(parts.next());
        LogCursor { shared, restricted: if Register::Restricted.read_by(audience) { restricted } else { 0 } }
    }

    /// The id of the stream's message that brings the reader here.
    pub fn id(self, audience: Audience) -> String {
        if Register::Restricted.read_by(audience) {
            format!("{}.{}", self.shared, self.restricted)
        } else {
            self.shared.to_string()
        }
    }

    /// Whether the reader has already received `reference`.
    pub fn has(self, reference: EntryRef) -> bool {
        match reference.register {
            Register::Shared => reference.number <= self.shared,
            Register::Restricted => reference.number <= self.restricted,
        }
    }

    /// The cursor once `reference` is received.
    pub fn after(self, reference: EntryRef) -> Self {
        match reference.register {
            Register::Shared => LogCursor { shared: self.shared.max(reference.number), ..self },
            Register::Restricted => LogCursor { restricted: self.restricted.max(reference.number), ..self },
        }
    }
}

/// Whether a reader sees who wrote an entry (the person, not only the organisation): the
/// writer's own organisation, the State forces and the prefecture. Others read the
/// organisation only, as they read only the qualifications of others' agents.
pub fn shows_author(audience: Audience, reader_organisation_ids: &[String], entry: &LogEntry) -> bool {
    audience == Audience::StateAndPrefecture || reader_organisation_ids.contains(&entry.organisation_id)
}

/// What a participant's evaluation proposes as its incidents, from the day's log: the entries
/// `organisation_id` wrote of an incident, a request for reinforcements or first aid, one line
/// each (« n° 3, 20/06 19:05, Entrée Nord : text »), oldest first, as many as fit in the
/// evaluation's text; empty when there are none. `entries` are those its reader may read.
pub fn incidents_of(entries: &[LogEntry], organisation_id: &str, zone: chrono_tz::Tz, limit: usize) -> String {
    let mut out = String::new();
    let wanted = |c: LogCategory| matches!(c, LogCategory::Incident | LogCategory::Reinforcement | LogCategory::Rescue);
    for entry in entries.iter().filter(|e| e.organisation_id == organisation_id && wanted(e.content.category)) {
        let at =
            entry.at.to_chrono().map(|t| t.with_timezone(&zone).format("%d/%m %H:%M").to_string()).unwrap_or_default();
        let place = entry.content.zone_name.as_deref().map(|z| format!(", {z}")).unwrap_or_default();
        let line = format!("{}, {at}{place} : {}", entry.reference.label(), entry.content.text);
        if out.chars().count() + line.chars().count() + 1 > limit {
            break;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&line);
    }
    out
}

/// One entry of the log as an export prints it (CSV and PDF alike), in its reader's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogRow {
    pub reference: String,
    /// « 20/06/2026 19:05:12 » in the event's zone.
    pub at: String,
    pub author: String,
    pub organisation: String,
    pub zone: String,
    pub category: String,
    pub severity: String,
    /// Who reads it: everyone, or the State forces and the prefecture.
    pub register: String,
    pub text: String,
    pub corrects: String,
}

impl LogRow {
    /// The fields in the export's order (`text::LOG_HEADER_CSV`).
    pub fn fields(&self) -> [&str; 10] {
        [
            &self.reference,
            &self.at,
            &self.author,
            &self.organisation,
            &self.zone,
            &self.category,
            &self.severity,
            &self.register,
            &self.text,
            &self.corrects,
        ]
    }
}

/// The log as CSV: the header, then one line per row, fields through `document::csv_field`
/// (quoted, formula-proof).
pub fn log_csv(rows: &[LogRow]) -> String {
    let mut out = String::from(text::LOG_HEADER_CSV);
    out.push_str("\r\n");
    for row in rows {
        let cells: Vec<String> = row.fields().iter().map(|f| crate::domain::document::csv_field(f)).collect();
        out.push_str(&cells.join(";"));
        out.push_str("\r\n");
    }
    out
}

/// The log as a Typst document for its PDF: A4 landscape, the event, who it is printed for and
/// when, then one table row per entry. Every text goes through the convention's escaping (it
/// prints as typed, never runs as Typst).
pub fn log_typst(event_name: &str, reader: &str, printed_at: &str, rows: &[LogRow]) -> String {
    use crate::domain::document::{escape_markup as m, escape_string};
    let mut out = String::with_capacity(4_096 + rows.len() * 256);
    out.push_str(&format!(
        "#set document(title: \"{} — {}\")\n",
        escape_string(text::LOG_TITLE),
        escape_string(event_name)
    ));
    out.push_str(
        "#set page(paper: \"a4\", flipped: true, margin: (x: 1.5cm, y: 1.6cm), numbering: \"1 / 1\")\n\
         #set text(font: \"Libertinus Serif\", lang: \"fr\", region: \"FR\", size: 8.5pt, hyphenate: false)\n\
         #set par(justify: false)\n\
         #set table(stroke: 0.4pt + luma(150), inset: 3.5pt, fill: (x, y) => if y == 0 { luma(228) })\n",
    );
    out.push_str(&format!(
        "#text(size: 14pt, weight: \"bold\", fill: rgb(\"#000091\"))[{} — {}]\n\n",
        m(text::LOG_TITLE),
        m(event_name)
    ));
    out.push_str(&format!("{}\n\n", m(&text::log_printed_for(reader, printed_at, rows.len()))));
    if rows.is_empty() {
        out.push_str(&m(text::LOG_EMPTY));
        out.push('\n');
        return out;
    }
    out.push_str("#table(columns: (auto, auto, 1fr, auto, auto, auto, 3fr, auto),\n  table.header(");
    let header: Vec<String> = text::LOG_PDF_HEADER.iter().map(|h| format!("[*{}*]", m(h))).collect();
    out.push_str(&header.join(", "));
    out.push_str("),\n");
    for row in rows {
        let who = match (row.author.is_empty(), row.organisation.is_empty()) {
            (true, _) => row.organisation.clone(),
            (false, true) => row.author.clone(),
            (false, false) => format!("{} ({})", row.author, row.organisation),
        };
        let what = if row.corrects.is_empty() {
            row.text.clone()
        } else {
            format!("{} {}", text::log_correction_of(&row.corrects), row.text)
        };
        let cells = [&row.reference, &row.at, &who, &row.zone, &row.category, &row.severity, &what, &row.register];
        let cells: Vec<String> = cells.iter().map(|c| format!("[{}]", m(c))).collect();
        out.push_str("  ");
        out.push_str(&cells.join(", "));
        out.push_str(",\n");
    }
    out.push_str(")\n");
    out
}

#[cfg(test)]
#[path = "operations_tests.rs"]
mod tests;
