//! Server-side helpers shared by the planning server functions: loading a plan with the
//! caller's access; the form parsers and the rights' rule, re-exported from their one place.

use super::context::{require_user, state};
use crate::domain::plan::EventAccess;
use crate::error::AppError;
use crate::service::access::plan_for;
use crate::state::AppState;
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;

/// The plan of `event_id` with the caller's access; "not found" for anyone without access.
pub async fn plan_with_access(event_id: &str) -> Result<(AppState, UserRow, StoredPlan, EventAccess), AppError> {
    let user = require_user().await?;
    let state = state()?;
    let (stored, access) = plan_for(&state.db, &user.id, event_id).await?.ok_or(AppError::NotFound)?;
    Ok((state, user, stored, access))
}

// The rights' one rule and the version's, from the application layer.
pub use crate::service::plan_edits::{based_on, require_organiser};
// The form parsers live once in the domain, compiled for the browser's preview too.
pub use crate::domain::plan::input::{
    choice, field_of, local_datetime, local_window, number, optional_number, refused, ticked,
};
