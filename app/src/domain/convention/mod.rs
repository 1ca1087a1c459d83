//! The event convention and its approval (issue 5), the pure part: the shared risk assessment
//! and its sizing (the circular's first axis), the prefecture's approval workflow, the opinions
//! it asks for, the legal lead times that give each file a due date, the append-only audit
//! chain, and the registry of conventions in force with the prefect's annual census.
//!
//! Nothing here reads the clock, a file or the database: `now` and `today` are arguments, and
//! every type that is stored or sent to the browser is serde-serialisable. See
//! `docs/convention.md` for the model, the decisions and the formulas with their references.

pub mod attachment;
pub mod audit;
pub mod census;
pub mod deadlines;
pub mod filing;
pub mod opinions;
pub mod provision;
pub mod risk;
pub mod sizing;
pub mod workflow;
pub mod worklist;

#[cfg(test)]
mod audit_tests;
#[cfg(test)]
mod census_tests;
#[cfg(test)]
mod deadlines_tests;
#[cfg(test)]
mod opinions_tests;
#[cfg(test)]
mod risk_tests;
#[cfg(test)]
mod workflow_props;
#[cfg(test)]
mod workflow_tests;

pub use audit::{append, hash_of, verify, AuditEntry, TamperReason, Tampered, GENESIS_HASH};
pub use census::{
    census, census_csv, overlapping, Census, CensusLine, ConventionKind, RegistryEntry, RegistryEntryDraft,
};
pub use deadlines::{
    dashboard_order, due_date, is_late, status as deadline_status, warning as deadline_warning, DeadlineStatus,
    DueDate, FileFacts, LeadTimeCase, LeadTimeRule, LeadTimes,
};
pub use opinions::{ConsultedBody, Opinion, OpinionAnswer, OpinionError, OpinionRequest, OpinionStatus, Verdict};
pub use provision::{compare, provided, Comparison, ComparisonLine, CoverageVerdict, Provided, ProvisionLine};
pub use risk::{
    BehaviourP2, ErpType, RiskAssessment, RiskAssessmentDraft, RiskField, RiskFieldError, RiskFormInput, SiteE1,
    ThreatLevel,
};
pub use sizing::{
    reference as sizing_reference, size, DpsCategory, Sizing, SizingKey, SizingOverrides, SizingParameters,
    SizingParametersError,
};
pub use workflow::{transition, Action, ActorRole, Dossier, DossierState, Status, WorkflowError};
pub use worklist::{tab_of, worklist_order, WorklistTab};
