//! The evaluation page's data (RETEX), as the application layer builds it for one reader.

use serde::{Deserialize, Serialize};

use crate::domain::evaluation::EvaluationPart;

/// One participant's line: what it planned, and its part as its reader may read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartLine {
    pub participant_id: String,
    pub name: String,
    pub role: String,
    /// The most agents its deployments (those the reader may know of) have on site at once.
    pub planned_peak: u32,
    /// The part as written; for the reader's own part not written yet, the incidents its
    /// organisation wrote in the day's log, proposed (then `updated` is none).
    pub part: Option<EvaluationPart>,
    /// « mis à jour le … »
    pub updated: Option<String>,
    /// The version its next save is based on (0: none yet).
    pub version: i64,
    /// The reader writes this part.
    pub mine: bool,
    /// A State force's part, which this reader may not read (the State forces and the
    /// prefecture only): whether it is written is not shown either.
    pub withheld: bool,
}

/// The evaluation page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationPage {
    pub event_id: String,
    pub event_name: String,
    /// « en cours (contributions attendues au plus tard le 12/07/2027) »…
    pub state: String,
    /// `a_venir`, `en_cours`, `en_retard`, `cloturee`.
    pub state_code: String,
    /// The deadline as a date field's value (`YYYY-MM-DD`).
    pub deadline: String,
    pub lines: Vec<PartLine>,
    /// How many parts are written, out of how many participants are asked for one.
    pub written: usize,
    pub expected: usize,
    pub organiser_assessment: String,
    pub prefecture_assessment: String,
    pub version: i64,
    /// What the reader may do now.
    pub writes_organiser_assessment: bool,
    pub writes_prefecture_assessment: bool,
}
