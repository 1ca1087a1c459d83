//! Signing in and out, and who is asking.

use leptos::prelude::*;

use super::types::SessionInfo;
use crate::error::AppError;

/// Who is signed in (no user for a visitor: never an error) and how to brand the site.
#[server(endpoint = "whoami")]
pub async fn whoami() -> Result<SessionInfo, AppError> {
    use super::context::{current_user, respond, state};
    respond(
        async {
            let user = current_user().await?.map(super::types::CurrentUser::from);
            Ok(SessionInfo { user, state_branding: state()?.settings.state_branding })
        }
        .await,
    )
}

/// Signs in with e-mail and password. Wrong password and unknown account get the same
/// answer, in the same time; repeated failures are throttled per account and per address.
#[server(endpoint = "sign_in")]
pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::sign_in(email, password, next).await)
}

/// Ends this session.
#[server(endpoint = "sign_out")]
pub async fn sign_out() -> Result<(), AppError> {
    use super::context::respond;
    respond(server::sign_out().await)
}

/// Ends every session of the signed-in user, on every device.
#[server(endpoint = "sign_out_everywhere")]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use super::context::respond;
    respond(server::sign_out_everywhere().await)
}

/// Where to go after signing in: only a path on this site, never another origin.
pub fn safe_next(next: Option<&str>) -> String {
    match next {
        Some(path) if path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') => path.to_string(),
        _ => "/".to_string(),
    }
}

#[cfg(feature = "ssr")]
mod server {
    use super::safe_next;
    use crate::api::context::{client_address, now, require_user, session_token, set_session_cookie, state};
    use crate::domain::{rate_limit, Email};
    use crate::error::AppError;
    use crate::service::security::{decoy_hash, hash_token, new_token, verify_password};
    use crate::store;
    use crate::text;

    pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
        let email = Email::parse(&email).map_err(|e| AppError::invalid("email", e))?;
        let state = state()?;
        let now = now();
        let account_key = format!("account:{}", email.as_str());
        let address_key = format!("address:{}", client_address(state.settings.trust_proxy));
        let since = now.minus(rate_limit::WINDOW);
        let account_failures = store::throttle::failures_since(&state.db, &account_key, since).await?;
        let address_failures = store::throttle::failures_since(&state.db, &address_key, since).await?;
        if !rate_limit::may_attempt(account_failures, address_failures) {
            tracing::warn!(account = %email.as_str(), "sign-in throttled");
            return Err(AppError::SignInRefused(text::SIGN_IN_RATE_LIMITED.into()));
        }
        let user = store::users::find_by_email(&state.db, &email).await?;
        let hash = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(decoy_hash);
        let matches = verify_password(hash, password).await;
        let Some(user) = user.filter(|_| matches) else {
            store::throttle::record_failure(&state.db, &account_key, now).await?;
            store::throttle::record_failure(&state.db, &address_key, now).await?;
            return Err(AppError::SignInRefused(text::SIGN_IN_FAILED.into()));
        };
        store::throttle::clear(&state.db, &account_key).await?;
        // Told only to whoever typed the right password: without it, a disabled account looks
        // like any failed sign-in, so the message reveals nothing to a stranger.
        if user.disabled_at.is_some() {
            tracing::info!(user = %user.id, "sign-in of a disabled account refused");
            return Err(AppError::SignInRefused(text::SIGN_IN_DISABLED.into()));
        }
        let token = new_token();
        store::sessions::create(&state.db, &hash_token(&token), &user.id, now).await?;
        set_session_cookie(Some(&token), state.settings.secure_cookies);
        tracing::info!(user = %user.id, "signed in");
        leptos_axum::redirect(&safe_next(next.as_deref()));
        Ok(())
    }

    pub async fn sign_out() -> Result<(), AppError> {
        let state = state()?;
        if let Some(token) = session_token() {
            store::sessions::delete(&state.db, &hash_token(&token)).await?;
        }
        set_session_cookie(None, state.settings.secure_cookies);
        leptos_axum::redirect("/connexion");
        Ok(())
    }

    pub async fn sign_out_everywhere() -> Result<(), AppError> {
        let state = state()?;
        let user = require_user().await?;
        let ended = store::sessions::delete_all_for_user(&state.db, &user.id).await?;
        tracing::info!(user = %user.id, sessions = ended, "signed out everywhere");
        set_session_cookie(None, state.settings.secure_cookies);
        leptos_axum::redirect("/connexion");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn after_sign_in_only_a_local_path_is_followed() {
        assert_eq!(safe_next(Some("/organisations/x")), "/organisations/x");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil.example")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
