//! The approval workflow of an event's convention file (dossier), modelled on
//! démarches-simplifiées:
//!
//! ```text
//! brouillon ──submit──▶ déposée ──take_up──▶ en instruction ──approve──▶ approuvée
//!     ▲                    │                   │   ▲      ├──refuse──▶ refusée
//!     │                    │    request_corr.  ▼   │submit└──close───▶ classée sans suite
//!     │                    │          corrections demandées
//!     │                    └── withdraw (organiser, before a decision) ──▶ retirée
//!     └──────── new_release (organiser, from approuvée: a new cycle) ────────┘
//! ```
//!
//! [`transition`] is the only way to move: it checks who acts ([`ActorRole`]) before what the
//! state allows, so an illegal move is an error, never a state. Refusée, classée sans suite
//! and retirée are terminal: they accept only comments. Approuvée accepts only a new release,
//! which opens a new cycle in brouillon and keeps the approved release on record.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::geo::Department;
use crate::domain::plan::fields::{coded_enum, parse_label};
use crate::domain::release::ReleaseNumber;
use crate::text;

/// The longest message, reason or comment carried by an action, in characters.
pub const MAX_MESSAGE: usize = 4_000;

coded_enum! {
    /// The state of a file without its data: what is stored in a column and filtered on.
    pub enum Status {
        Brouillon => ("brouillon", "Brouillon"),
        Deposee => ("deposee", "Déposée"),
        EnInstruction => ("en_instruction", "En instruction"),
        CorrectionsDemandees => ("corrections_demandees", "Corrections demandées"),
        Approuvee => ("approuvee", "Approuvée"),
        Refusee => ("refusee", "Refusée"),
        ClasseeSansSuite => ("classee_sans_suite", "Classée sans suite"),
        Retiree => ("retiree", "Retirée"),
    }
}

impl Status {
    /// Whether the file is closed for good: only comments are accepted. A withdrawn file is
    /// not: its organiser may file it again, as a new cycle.
    pub fn is_terminal(self) -> bool {
        matches!(self, Status::Refusee | Status::ClasseeSansSuite)
    }
}

/// The state of a file with what the last decision said.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DossierState {
    Brouillon,
    Deposee,
    EnInstruction,
    /// Sent back to the organiser with the instructor's message.
    CorrectionsDemandees {
        message: String,
    },
    Approuvee,
    Refusee {
        reasons: String,
    },
    ClasseeSansSuite {
        reason: String,
    },
    Retiree,
}

impl DossierState {
    /// The state without its data.
    pub fn status(&self) -> Status {
        match self {
            DossierState::Brouillon => Status::Brouillon,
            DossierState::Deposee => Status::Deposee,
            DossierState::EnInstruction => Status::EnInstruction,
            DossierState::CorrectionsDemandees { .. } => Status::CorrectionsDemandees,
            DossierState::Approuvee => Status::Approuvee,
            DossierState::Refusee { .. } => Status::Refusee,
            DossierState::ClasseeSansSuite { .. } => Status::ClasseeSansSuite,
            DossierState::Retiree => Status::Retiree,
        }
    }
}

/// An event's convention file: the release under review, its state, and the last release
/// approved in an earlier cycle (its stamped PDF stays downloadable).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dossier {
    pub release: ReleaseNumber,
    pub state: DossierState,
    pub approved_release: Option<ReleaseNumber>,
    /// 1 for the first approval cycle, one more for each new release after an approval.
    pub cycle: u32,
}

impl Dossier {
    /// A new file in brouillon for a release.
    pub fn new(release: ReleaseNumber) -> Dossier {
        Dossier { release, state: DossierState::Brouillon, approved_release: None, cycle: 1 }
    }
}

/// Who acts, as far as the workflow cares. The caller decides it with [`ActorRole::of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorRole {
    /// A member of the event's organiser (the donneur d'ordre).
    Organiser,
    /// A member of the prefecture of the event's department.
    PrefectureInstructor,
    /// A member of another participant (forces, municipal police, private security, …).
    Participant,
    /// Anyone else, including a prefecture of another department.
    Other,
}

impl ActorRole {
    /// The role of a person: organiser first (so that an organiser that also holds a prefecture
    /// membership can never instruct its own file), then the prefecture of the event's
    /// department only, then participants.
    pub fn of(
        is_organiser: bool,
        prefecture_of: Option<&Department>,
        is_participant: bool,
        event_department: &Department,
    ) -> ActorRole {
        if is_organiser {
            ActorRole::Organiser
        } else if prefecture_of == Some(event_department) {
            ActorRole::PrefectureInstructor
        } else if is_participant {
            ActorRole::Participant
        } else {
            ActorRole::Other
        }
    }
}

/// What someone asks the file to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum Action {
    /// The organiser files the draft, or sends the corrected file back.
    Submit,
    /// An instructor takes the filed file.
    TakeUp,
    RequestCorrections {
        message: String,
    },
    Approve,
    Refuse {
        reasons: String,
    },
    /// Classer sans suite: the file is closed without a decision on the merits.
    Close {
        reason: String,
    },
    /// The organiser withdraws the file before a decision.
    Withdraw,
    /// The plan got a new release: the draft or the file under correction follows it; an
    /// approved file starts a new cycle.
    NewRelease {
        release: ReleaseNumber,
    },
    /// A message in the file's thread: never a change of state.
    Comment {
        text: String,
    },
}

impl Action {
    /// The stable code of the action, for the audit trail and messages.
    pub fn code(&self) -> &'static str {
        match self {
            Action::Submit => "submit",
            Action::TakeUp => "take_up",
            Action::RequestCorrections { .. } => "request_corrections",
            Action::Approve => "approve",
            Action::Refuse { .. } => "refuse",
            Action::Close { .. } => "close",
            Action::Withdraw => "withdraw",
            Action::NewRelease { .. } => "new_release",
            Action::Comment { .. } => "comment",
        }
    }

    /// Who may ask for it.
    fn allowed(&self, role: ActorRole) -> bool {
        use ActorRole::*;
        match self {
            Action::Submit | Action::Withdraw | Action::NewRelease { .. } => role == Organiser,
            Action::TakeUp
            | Action::RequestCorrections { .. }
            | Action::Approve
            | Action::Refuse { .. }
            | Action::Close { .. } => role == PrefectureInstructor,
            Action::Comment { .. } => role != Other,
        }
    }
}

/// Why a move was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum WorkflowError {
    #[error("{}", text::workflow_forbidden(.action))]
    Forbidden { action: &'static str, role: ActorRole },
    #[error("{}", text::workflow_not_now(.action, .status.label()))]
    NotInThisState { action: &'static str, status: Status },
    #[error("{}", text::WORKFLOW_MESSAGE_REQUIRED)]
    MessageRequired,
    #[error("{}", text::workflow_message_invalid(MAX_MESSAGE))]
    MessageInvalid,
    #[error("{}", text::WORKFLOW_RELEASE_NOT_NEWER)]
    ReleaseNotNewer,
}

fn message(raw: &str) -> Result<String, WorkflowError> {
    if raw.trim().is_empty() {
        return Err(WorkflowError::MessageRequired);
    }
    parse_label(raw, MAX_MESSAGE).map_err(|_| WorkflowError::MessageInvalid)
}

/// The file after `action` by someone in `role`, or why not. The file is never changed in
/// place: a refused move leaves the caller's value as it was.
pub fn transition(dossier: &Dossier, action: &Action, role: ActorRole) -> Result<Dossier, WorkflowError> {
    if !action.allowed(role) {
        return Err(WorkflowError::Forbidden { action: action.code(), role });
    }
    use DossierState as S;
    let status = dossier.state.status();
    let not_now = || WorkflowError::NotInThisState { action: action.code(), status };
    let with = |state: DossierState| Ok(Dossier { state, ..dossier.clone() });
    match (action, &dossier.state) {
        (Action::Comment { text }, _) => message(text).map(|_| dossier.clone()),
        (Action::Submit, S::Brouillon) => with(S::Deposee),
        (Action::Submit, S::CorrectionsDemandees { .. }) => with(S::EnInstruction),
        // Filed again after a withdrawal: a new cycle of instruction.
        (Action::Submit, S::Retiree) => {
            Ok(Dossier { state: S::Deposee, cycle: dossier.cycle.saturating_add(1), ..dossier.clone() })
        }
        (Action::TakeUp, S::Deposee) => with(S::EnInstruction),
        (Action::RequestCorrections { message: m }, S::EnInstruction) => {
            with(S::CorrectionsDemandees { message: message(m)? })
        }
        (Action::Approve, S::EnInstruction) => {
            Ok(Dossier { state: S::Approuvee, approved_release: Some(dossier.release), ..dossier.clone() })
        }
        (Action::Refuse { reasons }, S::EnInstruction) => with(S::Refusee { reasons: message(reasons)? }),
        (Action::Close { reason }, S::Deposee | S::EnInstruction | S::CorrectionsDemandees { .. }) => {
            with(S::ClasseeSansSuite { reason: message(reason)? })
        }
        (Action::Withdraw, S::Deposee | S::EnInstruction | S::CorrectionsDemandees { .. }) => with(S::Retiree),
        (Action::NewRelease { release }, S::Brouillon | S::CorrectionsDemandees { .. } | S::Approuvee | S::Retiree) => {
            new_release(dossier, *release)
        }
        _ => Err(not_now()),
    }
}

/// A draft or a file under correction follows the newer release; an approved or withdrawn
/// file starts a new cycle in brouillon, keeping the approved release.
fn new_release(dossier: &Dossier, release: ReleaseNumber) -> Result<Dossier, WorkflowError> {
    if release <= dossier.release {
        return Err(WorkflowError::ReleaseNotNewer);
    }
    if matches!(dossier.state, DossierState::Approuvee | DossierState::Retiree) {
        return Ok(Dossier {
            release,
            state: DossierState::Brouillon,
            approved_release: dossier.approved_release,
            cycle: dossier.cycle.saturating_add(1),
        });
    }
    Ok(Dossier { release, ..dossier.clone() })
}
