//! Forgotten password: asking for a reset link by e-mail, then choosing a new password
//! through it. The answer to the request never tells whether an account exists.

use leptos::prelude::*;

use crate::error::AppError;

/// Asks for a reset link for `email`. The answer is the same whether or not an active account
/// has that address; only then is the link mailed. Requests are throttled per address typed
/// and per client like sign-ins.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::request(email).await)
}

/// Whether a reset link can still be used; if not, why (expired, used, unknown), in French.
#[server(endpoint = "check_password_reset")]
pub async fn check_password_reset(token: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::check(token).await)
}

/// Sets a new password through a reset link: the link is consumed and every session of the
/// person ends. Sends the browser to the sign-in page.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String, password_confirm: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::reset(token, password, password_confirm).await)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::context::{client_address, now, state};
    use crate::domain::offboarding::reset_expiry_of;
    use crate::domain::time::format_long_fr;
    use crate::domain::{rate_limit, Email, InvitationState, Password};
    use crate::error::AppError;
    use crate::service::security::{hash_password, hash_token, new_token};
    use crate::state::{AppState, OutgoingMail};
    use crate::store::{self, password_resets::PasswordResetRow, users::UserRow};
    use crate::text;

    pub async fn request(email: String) -> Result<(), AppError> {
        let email = Email::parse(&email).map_err(|e| AppError::invalid("email", e))?;
        let state = state()?;
        let now = now();
        // Every request counts, whether or not the address has an account, so that the
        // throttle itself reveals nothing.
        let account_key = format!("reset-account:{}", email.as_str());
        let address_key = format!("reset-address:{}", client_address(state.settings.trust_proxy));
        let since = now.minus(rate_limit::WINDOW);
        let account_requests = store::throttle::failures_since(&state.db, &account_key, since).await?;
        let address_requests = store::throttle::failures_since(&state.db, &address_key, since).await?;
        if !rate_limit::may_attempt(account_requests, address_requests) {
            return Err(AppError::Refused(text::FORGOT_RATE_LIMITED.into()));
        }
        store::throttle::record_failure(&state.db, &account_key, now).await?;
        store::throttle::record_failure(&state.db, &address_key, now).await?;
        match store::users::find_by_email(&state.db, &email).await? {
            Some(user) if user.disabled_at.is_none() => send_link(&state, user).await?,
            _ => tracing::info!("password reset asked for an address without an active account"),
        }
        // Without JavaScript too, the page comes back saying the link left.
        leptos_axum::redirect("/mot-de-passe-oublie?envoye=1");
        Ok(())
    }

    /// Stores a new link and mails it in the background: the answer must not wait for the
    /// mail server, or its timing would tell that the account exists. A failed send is logged.
    async fn send_link(state: &AppState, user: UserRow) -> Result<(), AppError> {
        let token = new_token();
        let now = now();
        store::password_resets::create(&state.db, &hash_token(&token), &user.id, now).await?;
        let link = format!("{}/reinitialisation/{token}", state.settings.base_url);
        let expires = format_long_fr(reset_expiry_of(now), chrono_tz::Europe::Paris);
        let mail = OutgoingMail {
            to: user.email.clone(),
            subject: text::RESET_SUBJECT.to_string(),
            body: text::reset_body(&user.name, &link, &expires),
            attachment: None,
        };
        let transport = state.mail.clone();
        tokio::spawn(async move {
            match transport.send(mail).await {
                Ok(()) => tracing::info!(user = %user.id, "password reset link sent"),
                Err(e) => tracing::error!(user = %user.id, error = %e, "password reset e-mail could not be sent"),
            }
        });
        Ok(())
    }

    /// The link behind `token` if it can still be used, else the French reason.
    async fn usable(state: &AppState, token: &str) -> Result<PasswordResetRow, AppError> {
        let unknown = || AppError::Refused(text::RESET_UNKNOWN.into());
        let link =
            store::password_resets::find_by_token_hash(&state.db, &hash_token(token)).await?.ok_or_else(unknown)?;
        // A link of an account disabled since it was sent is no link at all.
        if !store::users::is_active(&state.db, &link.user_id).await? {
            return Err(unknown());
        }
        match InvitationState::at(now(), link.expires_at, link.used_at) {
            InvitationState::Usable => Ok(link),
            InvitationState::Expired => Err(AppError::Refused(text::RESET_EXPIRED.into())),
            InvitationState::Used => Err(AppError::Refused(text::RESET_USED.into())),
        }
    }

    pub async fn check(token: String) -> Result<(), AppError> {
        usable(&state()?, &token).await.map(|_| ())
    }

    pub async fn reset(token: String, password: String, confirm: String) -> Result<(), AppError> {
        let state = state()?;
        let link = usable(&state, &token).await?;
        let password = Password::parse(&password).map_err(|e| AppError::invalid("password", e))?;
        if password.expose() != confirm {
            return Err(AppError::invalid("password_confirm", text::PASSWORD_MISMATCH));
        }
        let hash = hash_password(&password).await.map_err(|e| {
            tracing::error!(error = %e, "password hashing failed");
            AppError::Internal
        })?;
        let now = now();
        if !store::password_resets::mark_used(&state.db, &link.id, now).await? {
            return Err(AppError::Refused(text::RESET_USED.into()));
        }
        store::users::set_password_hash(&state.db, &link.user_id, &hash).await?;
        store::password_resets::void_all_for_user(&state.db, &link.user_id, now).await?;
        let ended = store::sessions::delete_all_for_user(&state.db, &link.user_id).await?;
        if let Some(user) = store::users::find_by_id(&state.db, &link.user_id).await? {
            // The person proved they own the address: their failed sign-ins are forgiven.
            store::throttle::clear(&state.db, &format!("account:{}", user.email)).await?;
        }
        tracing::info!(user = %link.user_id, sessions = ended, "password reset");
        leptos_axum::redirect("/connexion?reinitialise=1");
        Ok(())
    }
}
