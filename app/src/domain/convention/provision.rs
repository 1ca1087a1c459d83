//! What the plan actually provides, beside what the sizing suggests: first-aiders and
//! stewards on the ground during the public opening.
//!
//! How people are counted (each deployment counts once, in one column at most):
//! - **first-aiders**: the deployments of participants whose role is `secours`: only an
//!   approved civil-protection association provides a DPS (CSI L725-3);
//! - **stewards**: the other deployments of the organiser and of private security companies,
//!   command-post staffing (`pc`) aside;
//! - State forces, municipal police, the prefecture and "other" participants are neither:
//!   public forces are not stewards.
//!
//! A security agent qualified as secouriste, or a company's deployment on a `secours` mission,
//! is not a first-aider of the DPS: only the association's count. A `secours` mission of a
//! private actor is not a steward either. Counts are the
//! staffed headcount (stated headcount or named agents, whichever is larger) of the deployments
//! present at each instant of the public window; we report the lowest and the highest
//! simultaneous count over that window.

use serde::{Deserialize, Serialize};

use super::sizing::Sizing;
use crate::domain::plan::{Deployment, MissionCategory, ParticipantRole, Plan, TimeWindow};
use crate::domain::time::Instant;

/// What the plan puts on the ground during the public window, for one kind of staff.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProvisionLine {
    /// The fewest present at once: the weakest moment of the opening.
    pub lowest: u32,
    /// The most present at once: the peak of the deployment.
    pub highest: u32,
}

/// First-aiders and stewards the plan provides.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provided {
    pub first_aiders: ProvisionLine,
    pub stewards: ProvisionLine,
    /// The posts of the plan, taken as the static posts of the steward sizing.
    pub static_posts: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    FirstAid,
    Steward,
}

fn column(plan: &Plan, deployment: &Deployment) -> Option<Column> {
    let role = plan.participant(deployment.participant_id()).map(|p| p.role());
    if role == Some(ParticipantRole::Secours) {
        return Some(Column::FirstAid);
    }
    let private = matches!(role, Some(ParticipantRole::Organisateur | ParticipantRole::SecuritePrivee));
    let security = !matches!(deployment.category(), MissionCategory::Pc | MissionCategory::Secours);
    (private && security).then_some(Column::Steward)
}

/// The lowest and highest simultaneous count over `window`: the count can only change at the
/// window's start and at a deployment's start or end, so those instants are enough.
fn line(window: TimeWindow, deployments: &[&Deployment]) -> ProvisionLine {
    let mut instants: Vec<Instant> = vec![window.start()];
    for d in deployments {
        instants.extend([d.window().start(), d.window().end()].into_iter().filter(|t| window.contains(*t)));
    }
    instants.sort();
    instants.dedup();
    let counts = instants.iter().map(|&t| {
        deployments
            .iter()
            .filter(|d| d.window().contains(t))
            .fold(0u32, |sum, d| sum.saturating_add(d.staffed_headcount()))
    });
    let (lowest, highest) = counts.fold((u32::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    ProvisionLine { lowest: lowest.min(highest), highest }
}

/// What `plan` provides during its public window.
pub fn provided(plan: &Plan) -> Provided {
    let window = plan.event.window();
    let of = |wanted: Column| -> Vec<&Deployment> {
        plan.deployments.iter().filter(|d| column(plan, d) == Some(wanted)).collect()
    };
    Provided {
        first_aiders: line(window, &of(Column::FirstAid)),
        stewards: line(window, &of(Column::Steward)),
        static_posts: u32::try_from(plan.posts.len()).unwrap_or(u32::MAX),
    }
}

/// How the plan meets a suggested count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoverageVerdict {
    /// At least the suggested count at every instant of the opening.
    Covered,
    /// The suggested count at the peak of the deployment, not at its weakest moment.
    PartlyCovered,
    /// Never the suggested count.
    Short,
}

/// The suggestion beside the provision, for one kind of staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ComparisonLine {
    pub suggested: u32,
    pub provided: ProvisionLine,
    pub verdict: CoverageVerdict,
    /// How many are missing at the weakest moment (0 when covered).
    pub missing_at_weakest: u32,
}

/// First-aiders and stewards: suggested against provided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    pub first_aiders: ComparisonLine,
    pub stewards: ComparisonLine,
}

fn compare_line(suggested: u32, provided: ProvisionLine) -> ComparisonLine {
    let verdict = if provided.lowest >= suggested {
        CoverageVerdict::Covered
    } else if provided.highest >= suggested {
        CoverageVerdict::PartlyCovered
    } else {
        CoverageVerdict::Short
    };
    ComparisonLine { suggested, provided, verdict, missing_at_weakest: suggested.saturating_sub(provided.lowest) }
}

/// The sizing's suggestions against what the plan provides.
pub fn compare(sizing: &Sizing, provided: &Provided) -> Comparison {
    Comparison {
        first_aiders: compare_line(sizing.first_aiders, provided.first_aiders),
        stewards: compare_line(sizing.stewards, provided.stewards),
    }
}
