//! What the scheduler proposes: shifts (an agent on a need from a start to an end) and the
//! parts of needs left uncovered, each with a reason code and a French explanation.

use serde::{Deserialize, Serialize};

use super::checker::HardRule;
use crate::domain::time::Instant;

/// The format tag of a solution file.
pub const SOLUTION_FORMAT: &str = "cordon-schedule-solution/1";

/// One agent on one need from `start` to `end` (half-open). Touching shifts of one agent
/// form one working shift for the working-time limits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shift {
    pub agent: String,
    pub need: String,
    pub start: Instant,
    pub end: Instant,
}

/// Why part of a need stays uncovered, the first cause found in this order (established by
/// `explain`: each is checked, none is a fallback).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UncoveredReason {
    /// Pat-downs without a legal basis, or the public road without L613-1 for every agent
    /// who could come.
    LegalRule,
    /// No agent holds the qualification (or is of the sex the pat-down post admits then).
    NoQualifiedAgent,
    /// Every qualified agent's CNAPS card is missing or expires before the end.
    CardExpired,
    /// No qualified agent is available then.
    NotAvailable,
    /// Every qualified available agent is already on another need then.
    AllBusy,
    /// Qualified free agents exist, but every shift that would put one of them there breaks
    /// a working-time rule (rest, daily, weekly, minimum or maximum shift length, split shifts,
    /// idle time); `Uncovered::rule` names the one that blocked most.
    WorkingTime,
    /// A qualified, free, available agent could have taken it without breaking any rule: the
    /// search stopped (its time limit) before it got there.
    NotReached,
}

impl UncoveredReason {
    /// The French explanation shown with the gap.
    pub fn explanation(self) -> &'static str {
        use crate::text::fr;
        match self {
            UncoveredReason::LegalRule => fr::SCHEDULE_REASON_LEGAL_RULE,
            UncoveredReason::NoQualifiedAgent => fr::SCHEDULE_REASON_NO_QUALIFIED_AGENT,
            UncoveredReason::CardExpired => fr::SCHEDULE_REASON_CARD_EXPIRED,
            UncoveredReason::NotAvailable => fr::SCHEDULE_REASON_NOT_AVAILABLE,
            UncoveredReason::AllBusy => fr::SCHEDULE_REASON_ALL_BUSY,
            UncoveredReason::WorkingTime => fr::SCHEDULE_REASON_WORKING_TIME,
            UncoveredReason::NotReached => fr::SCHEDULE_REASON_NOT_REACHED,
        }
    }
}

/// A part of a need with fewer agents than it asks for.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncovered {
    pub need: String,
    pub start: Instant,
    pub end: Instant,
    /// How many agents are missing over the whole part.
    pub missing: u32,
    pub reason: UncoveredReason,
    /// The hard rule that kept the free candidates out, when the reason is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<HardRule>,
    pub explanation: String,
}

impl Uncovered {
    /// A gap with its French explanation: the reason's, followed by the rule's when one is
    /// named.
    pub fn new(
        need: String,
        start: Instant,
        end: Instant,
        missing: u32,
        reason: UncoveredReason,
        rule: Option<HardRule>,
    ) -> Uncovered {
        Uncovered { need, start, end, missing, reason, rule, explanation: Uncovered::explanation_of(reason, rule) }
    }

    /// The French explanation of `reason` naming `rule`.
    pub fn explanation_of(reason: UncoveredReason, rule: Option<HardRule>) -> String {
        match rule {
            Some(rule) => crate::text::fr::schedule_reason_with_rule(reason.explanation(), rule.message()),
            None => reason.explanation().to_string(),
        }
    }
}

/// A proposed schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Solution {
    pub format: String,
    /// Sorted by agent, then start.
    pub shifts: Vec<Shift>,
    /// Sorted by need, then start.
    pub uncovered: Vec<Uncovered>,
}

impl Solution {
    /// A solution with these shifts (sorted) and gaps.
    pub fn new(mut shifts: Vec<Shift>, mut uncovered: Vec<Uncovered>) -> Self {
        shifts.sort_by(|a, b| (&a.agent, a.start, &a.need, a.end).cmp(&(&b.agent, b.start, &b.need, b.end)));
        uncovered.sort();
        Solution { format: SOLUTION_FORMAT.to_string(), shifts, uncovered }
    }
}
