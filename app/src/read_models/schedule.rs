//! A shift proposal as the planner shows it, and what accepting it changed
//! (`service::schedule`).

use serde::{Deserialize, Serialize};

use crate::domain::schedule::proposal::Proposal;

/// Longest time the server searches for one proposal.
pub const PROPOSAL_SECONDS: u64 = 5;

/// A proposal as the planner shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProposalView {
    pub proposal: Proposal,
    /// Identifies this proposal: acceptance is refused if the plan now gives another one.
    pub fingerprint: String,
    /// How many search steps gave it: acceptance searches again for exactly as many, so that
    /// the same plan gives the same proposal however busy the server is.
    pub steps: u64,
}

/// What accepting changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AcceptedCounts {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
}
