//! Forgotten password: asking for a reset link by e-mail, then choosing a new password through
//! it. The answer to the request never tells whether an account exists; requests are throttled
//! per address typed and per client like sign-ins.

use super::accounts::{account_key, may_attempt, record_failure};
use super::security::{hash_password, hash_token, new_token};
use crate::domain::offboarding::reset_expiry_of;
use crate::domain::time::format_long_fr;
use crate::domain::{Email, Instant, InvitationState, Password};
use crate::error::AppError;
use crate::state::{AppState, OutgoingMail};
use crate::store::password_resets::{self, PasswordResetRow};
use crate::store::users::{self, UserRow};
use crate::store::{sessions, throttle};
use crate::text;

/// The « Mot de passe oublié » form, with the client's address (for the throttle).
#[derive(Debug, Clone, Default)]
pub struct ResetRequest {
    pub email: String,
    pub client_address: String,
}

/// Asks for a reset link: the same answer whether or not an active account has that address;
/// only then is the link mailed.
pub async fn request(state: &AppState, form: ResetRequest, now: Instant) -> Result<(), AppError> {
    let email = Email::parse(&form.email).map_err(|e| AppError::invalid("email", e))?;
    // Every request counts, whether or not the address has an account, so that the
    // throttle itself reveals nothing.
    let account_key = format!("reset-account:{}", email.as_str());
    let address_key = format!("reset-address:{}", form.client_address);
    if !may_attempt(&state.db, &account_key, &address_key, now).await? {
        return Err(AppError::Refused(text::FORGOT_RATE_LIMITED.into()));
    }
    record_failure(&state.db, &account_key, &address_key, now).await?;
    match users::find_by_email(&state.db, &email).await? {
        Some(user) if user.disabled_at.is_none() => send_link(state, user, now).await?,
        _ => tracing::info!("password reset asked for an address without an active account"),
    }
    Ok(())
}

/// Stores a new link and mails it in the background: the answer must not wait for the
/// mail server, or its timing would tell that the account exists. A failed send is logged.
async fn send_link(state: &AppState, user: UserRow, now: Instant) -> Result<(), AppError> {
    let token = new_token();
    password_resets::create(&state.db, &hash_token(&token), &user.id, now).await?;
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

/// The link behind `token` if it can still be used at `now`, else the French reason.
async fn usable(state: &AppState, token: &str, now: Instant) -> Result<PasswordResetRow, AppError> {
    let unknown = || AppError::Refused(text::RESET_UNKNOWN.into());
    let link = password_resets::find_by_token_hash(&state.db, &hash_token(token)).await?.ok_or_else(unknown)?;
    // A link of an account disabled since it was sent is no link at all.
    if !users::is_active(&state.db, &link.user_id).await? {
        return Err(unknown());
    }
    match InvitationState::at(now, link.expires_at, link.used_at) {
        InvitationState::Usable => Ok(link),
        InvitationState::Expired => Err(AppError::Refused(text::RESET_EXPIRED.into())),
        InvitationState::Used => Err(AppError::Refused(text::RESET_USED.into())),
    }
}

/// Whether the link behind `token` can still be used; if not, why (expired, used, unknown).
pub async fn check(state: &AppState, token: &str, now: Instant) -> Result<(), AppError> {
    usable(state, token, now).await.map(|_| ())
}

/// The « Choisir un nouveau mot de passe » form of a reset link.
#[derive(Debug, Clone, Default)]
pub struct NewPassword {
    pub token: String,
    pub password: String,
    pub confirm: String,
}

/// Sets a new password through a reset link: the link is consumed, the person's other links
/// die, every session of the person ends and its failed sign-ins are forgiven.
pub async fn reset(state: &AppState, form: NewPassword, now: Instant) -> Result<(), AppError> {
    let link = usable(state, &form.token, now).await?;
    let password = Password::parse(&form.password).map_err(|e| AppError::invalid("password", e))?;
    if password.expose() != form.confirm {
        return Err(AppError::invalid("password_confirm", text::PASSWORD_MISMATCH));
    }
    let hash = hash_password(&password).await.map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })?;
    if !password_resets::mark_used(&state.db, &link.id, now).await? {
        return Err(AppError::Refused(text::RESET_USED.into()));
    }
    users::set_password_hash(&state.db, &link.user_id, &hash).await?;
    password_resets::void_all_for_user(&state.db, &link.user_id, now).await?;
    let ended = sessions::delete_all_for_user(&state.db, &link.user_id).await?;
    if let Some(user) = users::find_by_id(&state.db, &link.user_id).await? {
        // The person proved they own the address: their failed sign-ins are forgiven.
        throttle::clear(&state.db, &account_key(&user.email)).await?;
    }
    tracing::info!(user = %link.user_id, sessions = ended, "password reset");
    Ok(())
}
