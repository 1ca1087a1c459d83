//! An account's own mobile number, for the day's alerts by SMS: read and set by its holder
//! only, on « Mon compte ».

use crate::domain::mobile::MobileNumber;
use crate::domain::Instant;
use crate::error::AppError;
use crate::state::AppState;
use crate::store;
use crate::store::users::UserRow;

/// The signed-in person's number as French people read it, or empty.
pub async fn mine(state: &AppState, user: &UserRow) -> Result<String, AppError> {
    Ok(store::mobiles::mobile(&state.db, &user.id).await?.map(|m| m.display()).unwrap_or_default())
}

/// Sets the signed-in person's number as typed (empty: removes it), with its audit entry; the
/// number as it will be shown, or empty. A number that is not a French mobile is refused
/// beside the field.
pub async fn set(state: &AppState, user: &UserRow, typed: &str, now: Instant) -> Result<String, AppError> {
    let mobile = MobileNumber::parse(typed)
        .map_err(|message| AppError::Invalid { field: "mobile".into(), message: message.into() })?;
    store::mobiles::set_mobile(&state.db, &user.id, mobile.as_ref(), now).await?;
    Ok(mobile.map(|m| m.display()).unwrap_or_default())
}
