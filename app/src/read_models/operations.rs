//! The « Opérations » page's data: the event's log (main courante) as one reader may read it.

use serde::{Deserialize, Serialize};

/// One entry of the log, as its reader reads it (times already in the event's zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogLine {
    /// « n° 12 », or « E-3 » in the State forces' register.
    pub reference: String,
    /// The form's value of the reference (`tous-12`, `etat-3`): also tells the register.
    pub code: String,
    /// « sam. 20/06 19:05 », in the event's zone.
    pub at: String,
    /// Who wrote it, when the reader may know (its own organisation, the State forces).
    pub author: Option<String>,
    pub organisation: String,
    pub zone_id: String,
    pub zone: String,
    pub category: String,
    /// `faible`, `moyenne`, `elevee`, `critique` (its label, filter and colour; the page reads
    /// the label from the domain's `Severity`: one field less to decode in the browser).
    pub severity_code: String,
    pub text: String,
    /// The reference of the entry it corrects, if any.
    pub corrects: Option<String>,
}

/// The « Opérations » page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OperationsPage {
    pub event_id: String,
    pub event_name: String,
    /// Whether entries may be written now (between the set-up and the tear-down).
    pub open: bool,
    /// When closed: when it opens or since when it is closed.
    pub status: String,
    /// The event's zones: (id, name).
    pub zones: Vec<(String, String)>,
    /// The reader writes in the State forces' register.
    pub writes_restricted: bool,
    /// The entries, oldest first.
    pub lines: Vec<LogLine>,
    /// Where the live stream takes over (`Last-Event-ID` of the last entry and alert here).
    pub cursor: String,
    /// The alerts the reader reads, oldest first.
    pub alerts: Vec<AlertLine>,
    /// The reader is the command post: the form « Envoyer une alerte » and its targets
    /// (code, label).
    pub alert_targets: Vec<(String, String)>,
}

/// An alert as its reader reads it (times already in the event's zone).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AlertLine {
    pub id: String,
    /// « sam. 20/06 19:05 », in the event's zone.
    pub at: String,
    /// The sending organisation.
    pub sender: String,
    /// Its recipients as the alert names them (« Zone Entrée Nord »).
    pub target: String,
    pub severity_code: String,
    pub text: String,
    /// For the State forces and the prefecture only.
    pub restricted: bool,
    /// Addressed to the reader's organisation.
    pub addressed: bool,
    /// The reader's organisation's acknowledgement (« Reçu par …, sam. 20/06 19:06 »).
    pub acknowledged: Option<String>,
    /// The command post's view: each recipient it may know of and its acknowledgement.
    pub recipients: Vec<AckLine>,
    /// Once closed or withdrawn: by whom and when (« Alerte close par …, sam. 20/06 19:40 »).
    #[serde(default)]
    pub closed: Option<String>,
    /// The reader may close it (« Clore l'alerte »): the command post, while open.
    #[serde(default)]
    pub may_close: bool,
    /// The reader may withdraw it (« Retirer »): its sender, while open.
    #[serde(default)]
    pub may_withdraw: bool,
}

/// One recipient of an alert and its acknowledgement, as the command post reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AckLine {
    pub name: String,
    pub acknowledged: Option<String>,
}
