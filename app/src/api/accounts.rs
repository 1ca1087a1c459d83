//! One's own password, and the platform administrators' list of accounts where they disable
//! and enable them again. `service::accounts` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::accounts::AccountSummary;

/// Every account, by name (platform administrators only).
#[server(endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountSummary>, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::accounts::list(&state, &user).await }).await
}

/// Disables an account (platform administrators only, not their own): it can no longer sign
/// in, its sessions end and its API tokens stop working at once.
#[server(endpoint = "disable_account")]
pub async fn disable_account(user_id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::accounts::disable(&state, &user, &user_id, now).await }).await
}

/// Enables a disabled account again (platform administrators only).
#[server(endpoint = "enable_account")]
pub async fn enable_account(user_id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::accounts::enable(&state, &user, &user_id, now).await }).await
}

/// Changes the signed-in person's password, given the current one; their other sessions end.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use super::context::{client_address, run, session_token};
    use crate::service::accounts::{change_password, PasswordChange};
    run(|state, user, now| async move {
        let form = PasswordChange {
            current: current_password,
            new: new_password,
            confirm: new_password_confirm,
            client_address: client_address(state.settings.trust_proxy),
            session_token: session_token(),
        };
        change_password(&state, &user, form, now).await
    })
    .await
}

/// The signed-in person's mobile number, as shown (empty without one).
#[server(endpoint = "get_mobile")]
pub async fn get_mobile() -> Result<String, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::mobile::mine(&state, &user).await }).await
}

/// Sets (or, empty, removes) the signed-in person's mobile number for the day's alerts by SMS.
#[server(endpoint = "set_mobile")]
pub async fn set_mobile(mobile: String) -> Result<String, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::mobile::set(&state, &user, &mobile, now).await }).await
}
