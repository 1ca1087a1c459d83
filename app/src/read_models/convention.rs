//! What the convention file's page shows: the state, the moves the reader may make, the
//! thread, the opinions, the amendments and the risk form, as `service::convention` builds them.

use serde::{Deserialize, Serialize};

/// A move the caller may make now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowChoice {
    /// The action's stable code, sent back to [`act_on_convention`].
    pub code: String,
    pub label: String,
    /// The decision needs a message (corrections, refusal, classement).
    pub needs_message: bool,
}

/// A line of the file's thread: a message or a decision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ThreadLine {
    pub seq: u64,
    pub at: String,
    pub author: String,
    pub what: String,
    pub text: Option<String>,
}

/// An approved, stamped convention to download.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovedLink {
    pub label: String,
    pub url: String,
    pub sha256: String,
}

/// An opinion asked on the file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionLine {
    pub id: String,
    pub body: String,
    pub question: String,
    pub requested_at: String,
    pub deadline: String,
    /// « En attente », « Rendu », « En retard ».
    pub status: String,
    pub verdict: Option<String>,
    pub comment: Option<String>,
    pub answered_at: Option<String>,
    /// The caller answers it (a member of the consulted participant, or the instructor for a
    /// service outside Cordon).
    pub may_answer: bool,
}

/// A choice of a select: its value and label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub value: String,
    pub label: String,
}

/// The risk form's values (the saved assessment, or one pre-filled from the event).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RiskForm {
    /// The values shown (the saved assessment, or the event's own figures).
    pub values: crate::domain::convention::RiskFormInput,
    pub behaviours: Vec<Choice>,
    pub sites: Vec<Choice>,
    pub threats: Vec<Choice>,
}

/// An amendment to an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AmendmentLine {
    pub index: usize,
    pub article: String,
    pub author: String,
    pub text: String,
    pub may_remove: bool,
}

/// A piece attached to the file: « Plan du site — plan.pdf (245 Ko) » and where to read it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttachmentLine {
    pub id: String,
    pub label: String,
    pub file_name: String,
    pub url: String,
}

/// The convention section of an event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConventionPage {
    pub event_name: String,
    pub reference: String,
    /// The status code and its French label.
    pub status: String,
    pub status_label: String,
    /// What the last decision said (corrections asked, reasons of a refusal).
    pub state_message: Option<String>,
    /// The release the file is about ("Version v2 du plan"), if anything was published.
    pub release: Option<String>,
    pub cycle: String,
    /// A newer release than the file's exists and waits.
    pub newer_release: Option<String>,
    pub due: Option<String>,
    /// The deadline warning (at risk, late, filed late).
    pub warning: Option<String>,
    pub actions: Vec<WorkflowChoice>,
    pub may_comment: bool,
    pub thread: Vec<ThreadLine>,
    pub approved: Vec<ApprovedLink>,
    /// The current draft of the convention as a PDF, once a release exists.
    pub preview_url: Option<String>,
    /// False when the file's audit chain does not verify.
    pub chain_intact: bool,
    pub opinions: Vec<OpinionLine>,
    /// Whom the caller may ask for an opinion now (the instructor of a filed file).
    pub opinion_targets: Vec<Choice>,
    pub risk_form: RiskForm,
    /// Axis 1 as the convention prints it (empty until the assessment is filled in).
    pub risk_lines: Vec<String>,
    /// The organiser may change the assessment and its amendments now.
    pub may_edit_inputs: bool,
    /// The version of the assessment and amendments the page shows (0: none saved yet): every
    /// change of them is based on it.
    #[serde(default)]
    pub inputs_version: i64,
    pub amendments: Vec<AmendmentLine>,
    /// The caller may add an amendment now (organiser or instructor).
    pub may_amend: bool,
    pub articles: Vec<Choice>,
    /// The pieces attached to the file, for every reader of the file.
    #[serde(default)]
    pub attachments: Vec<AttachmentLine>,
    /// The organiser may attach and remove pieces now (as it changes the assessment).
    #[serde(default)]
    pub may_attach: bool,
    #[serde(default)]
    pub attachment_kinds: Vec<Choice>,
    /// The blocking compliance findings of the release the file is about: while there are
    /// any, the organiser cannot file it.
    pub blocking: Vec<String>,
    /// What filing needs, point by point, while the organiser may file (or file again).
    #[serde(default)]
    pub filing: Vec<crate::domain::convention::filing::FilingItem>,
}
