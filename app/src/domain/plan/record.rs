//! The kinds of record a plan holds besides the event: one list, for the store (the
//! `plan_records.kind` column every write names), the rights ([`super::EventAccess::may_write`])
//! and removals.

/// A kind of plan record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum RecordKind {
    Zone,
    Post,
    Participant,
    Agent,
    Need,
    Deployment,
}

impl RecordKind {
    /// The code stored in `plan_records.kind` and written in audit entries.
    pub fn code(self) -> &'static str {
        match self {
            Self::Zone => "zone",
            Self::Post => "post",
            Self::Participant => "participant",
            Self::Agent => "agent",
            Self::Need => "need",
            Self::Deployment => "deployment",
        }
    }

    /// Agents and deployments belong to a participant, whose members alone write them; the
    /// organiser writes zones, posts, needs and participants.
    pub fn belongs_to_a_participant(self) -> bool {
        matches!(self, Self::Agent | Self::Deployment)
    }
}
