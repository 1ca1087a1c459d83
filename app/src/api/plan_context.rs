//! What the read-only server function that builds its answer here (the event's page) needs:
//! the caller, the state and the plan with the caller's access, loaded by the application
//! layer's [`open`]. Every write goes through `crate::service`.

use super::context::caller;
use crate::domain::plan::EventAccess;
use crate::error::AppError;
use crate::service::plan_edits::open;
use crate::state::AppState;
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;

/// The plan of `event_id` with the caller's access; "not found" for anyone without access.
pub async fn plan_with_access(event_id: &str) -> Result<(AppState, UserRow, StoredPlan, EventAccess), AppError> {
    let (state, user) = caller().await?;
    let (stored, access) = open(&state, &user, event_id).await?;
    Ok((state, user, stored, access))
}
