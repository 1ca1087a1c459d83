//! The coverage of a plan's needs by its deployments as one audience may know them (only the
//! deployments it reads count; the agents' qualifications and sex before they are reduced for
//! any reader): worked out once per revision of the plan and audience on this instance
//! (`store::plans::memo`).

use crate::domain::plan::{Audience, CoverageReport};
use crate::state::AppState;
use crate::store::plans::{memo, StoredPlan};

/// The coverage of the plan as read (`stored`) for `audience`.
pub fn of_plan(state: &AppState, stored: &StoredPlan, audience: Audience) -> CoverageReport {
    memo(&state.db, stored, &format!("coverage|{audience:?}"), || stored.plan.clone().for_audience(audience).coverage())
}
