//! The registry page of a prefecture, as `service::registry` builds it: the conventions in
//! force in its department and the census of one year.

use serde::{Deserialize, Serialize};

/// A convention of the registry as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryLine {
    pub id: String,
    pub commune_code: String,
    pub kind: String,
    pub reference: String,
    pub title: String,
    /// "04/03/2024"
    pub signed: String,
    pub start: String,
    /// "03/03/2029" or « sans terme ».
    pub end: String,
    /// In the census of the year shown: in force on 31 December, signed during the year.
    pub in_force_on_31_december: bool,
    pub signed_during_year: bool,
    /// An event's convention: where the event's evaluation stands.
    #[serde(default)]
    pub evaluation: Option<String>,
    /// The event's evaluation page, for an event's convention.
    #[serde(default)]
    pub evaluation_url: Option<String>,
}

/// An event of the department that has ended and whose convention is not in the registry (not
/// approved, or never submitted), with where its evaluation stands: the registry shows every
/// event's evaluation, not only those of conventions in force.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventEvaluationLine {
    pub name: String,
    /// "27/06/2026 → 28/06/2026", in the event's zone.
    pub dates: String,
    pub evaluation: String,
    pub evaluation_url: String,
}

/// The registry page of a prefecture, with the census of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryPage {
    pub department: String,
    pub year: i32,
    pub entries: Vec<RegistryLine>,
    pub in_force_count: usize,
    pub newly_signed_count: usize,
    pub csv_url: String,
    pub kinds: Vec<(String, String)>,
    /// The years offered: the five before the current one, it, and the next.
    pub years: Vec<i32>,
    /// The evaluations of the department's ended events that are not in the registry.
    #[serde(default)]
    pub other_evaluations: Vec<EventEvaluationLine>,
}
