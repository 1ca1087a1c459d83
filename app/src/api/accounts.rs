//! One's own password, and the platform administrators' list of accounts where they disable
//! and enable them again.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// An account as the platform administration lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: String,
    pub name: String,
    pub email: String,
    pub is_platform_admin: bool,
    pub disabled: bool,
    /// The reader's own account, which it may not disable.
    pub is_you: bool,
}

/// Every account, by name (platform administrators only).
#[server(endpoint = "list_accounts")]
pub async fn list_accounts() -> Result<Vec<AccountSummary>, AppError> {
    use super::context::respond;
    respond(server::list().await)
}

/// Disables an account (platform administrators only, not their own): it can no longer sign
/// in, its sessions end and its API tokens stop working at once.
#[server(endpoint = "disable_account")]
pub async fn disable_account(user_id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::disable(user_id).await)
}

/// Enables a disabled account again (platform administrators only).
#[server(endpoint = "enable_account")]
pub async fn enable_account(user_id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::enable(user_id).await)
}

/// Changes the signed-in person's password, given the current one; their other sessions end.
#[server(endpoint = "change_password")]
pub async fn change_password(
    current_password: String,
    new_password: String,
    new_password_confirm: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::change_password(current_password, new_password, new_password_confirm).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::AccountSummary;
    use crate::api::context::{client_address, now, require_user, session_token, state};
    use crate::domain::{rate_limit, Password};
    use crate::error::AppError;
    use crate::service::security::{hash_password, hash_token, verify_password};
    use crate::store::{self, users::UserRow};
    use crate::text;

    async fn require_platform_admin() -> Result<UserRow, AppError> {
        let user = require_user().await?;
        if user.is_platform_admin {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub async fn list() -> Result<Vec<AccountSummary>, AppError> {
        let admin = require_platform_admin().await?;
        let rows = store::users::list_all(&state()?.db).await?;
        Ok(rows
            .into_iter()
            .map(|u| AccountSummary {
                disabled: u.disabled_at.is_some(),
                is_you: u.id == admin.id,
                id: u.id,
                name: u.name,
                email: u.email,
                is_platform_admin: u.is_platform_admin,
            })
            .collect())
    }

    pub async fn disable(user_id: String) -> Result<(), AppError> {
        let admin = require_platform_admin().await?;
        if admin.id == user_id {
            return Err(AppError::Refused(text::ACCOUNT_DISABLE_SELF.into()));
        }
        let state = state()?;
        if store::users::find_by_id(&state.db, &user_id).await?.is_none() {
            return Err(AppError::Refused(text::ACCOUNT_UNKNOWN.into()));
        }
        // Already disabled: nothing to change, and its sessions are already refused.
        store::users::disable(&state.db, &user_id, now()).await?;
        let ended = store::sessions::delete_all_for_user(&state.db, &user_id).await?;
        tracing::info!(user = %user_id, by = %admin.id, sessions = ended, "account disabled");
        Ok(())
    }

    pub async fn enable(user_id: String) -> Result<(), AppError> {
        let admin = require_platform_admin().await?;
        let state = state()?;
        if store::users::find_by_id(&state.db, &user_id).await?.is_none() {
            return Err(AppError::Refused(text::ACCOUNT_UNKNOWN.into()));
        }
        store::users::enable(&state.db, &user_id).await?;
        tracing::info!(user = %user_id, by = %admin.id, "account enabled");
        Ok(())
    }

    pub async fn change_password(current: String, new: String, confirm: String) -> Result<(), AppError> {
        let user = require_user().await?;
        let state = state()?;
        let now = now();
        // A stolen session must not become a way to guess the password: wrong current
        // passwords count with the account's failed sign-ins.
        let account_key = format!("account:{}", user.email);
        let address_key = format!("address:{}", client_address(state.settings.trust_proxy));
        let since = now.minus(rate_limit::WINDOW);
        let account_failures = store::throttle::failures_since(&state.db, &account_key, since).await?;
        let address_failures = store::throttle::failures_since(&state.db, &address_key, since).await?;
        if !rate_limit::may_attempt(account_failures, address_failures) {
            return Err(AppError::invalid("current_password", text::PASSWORD_ATTEMPTS_LIMITED));
        }
        if !verify_password(user.password_hash.clone(), current).await {
            store::throttle::record_failure(&state.db, &account_key, now).await?;
            store::throttle::record_failure(&state.db, &address_key, now).await?;
            return Err(AppError::invalid("current_password", text::CURRENT_PASSWORD_WRONG));
        }
        let password = Password::parse(&new).map_err(|e| AppError::invalid("new_password", e))?;
        if password.expose() != confirm {
            return Err(AppError::invalid("new_password_confirm", text::PASSWORD_MISMATCH));
        }
        let hash = hash_password(&password).await.map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })?;
        store::users::set_password_hash(&state.db, &user.id, &hash).await?;
        store::password_resets::void_all_for_user(&state.db, &user.id, now).await?;
        let kept = session_token().map(|t| hash_token(&t)).unwrap_or_default();
        let ended = store::sessions::delete_others_for_user(&state.db, &user.id, &kept).await?;
        tracing::info!(user = %user.id, other_sessions = ended, "password changed");
        Ok(())
    }
}
