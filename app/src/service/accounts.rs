//! Accounts: who is signed in, signing in and out, one's own password, and the platform
//! administrators' list of accounts where they disable and enable them again. Failed sign-ins
//! (and wrong current passwords) are throttled per account and per client address.

use super::organisations::require_platform_admin;
use super::security::{decoy_hash, hash_password, hash_token, new_token, verify_password};
use crate::domain::{rate_limit, Email, Instant, Password};
use crate::error::AppError;
use crate::read_models::accounts::AccountSummary;
use crate::state::AppState;
use crate::store::users::{self, UserRow};
use crate::store::{password_resets, sessions, throttle, Db};
use crate::text;

/// The throttle's key of an account's failed sign-ins (a reset link, once used, forgives them).
pub(crate) fn account_key(email: &str) -> String {
    format!("account:{email}")
}

fn address_key(client_address: &str) -> String {
    format!("address:{client_address}")
}

/// Whether one more attempt is allowed, from the failures of the account and of the address
/// within the throttle's window.
pub(crate) async fn may_attempt(db: &Db, account_key: &str, address_key: &str, now: Instant) -> Result<bool, AppError> {
    let since = now.minus(rate_limit::WINDOW);
    let account_failures = throttle::failures_since(db, account_key, since).await?;
    let address_failures = throttle::failures_since(db, address_key, since).await?;
    Ok(rate_limit::may_attempt(account_failures, address_failures))
}

/// Counts one failure against both keys.
pub(crate) async fn record_failure(
    db: &Db,
    account_key: &str,
    address_key: &str,
    now: Instant,
) -> Result<(), AppError> {
    throttle::record_failure(db, account_key, now).await?;
    throttle::record_failure(db, address_key, now).await?;
    Ok(())
}

/// The active person behind a session token (the cookie's), if the session is live; its idle
/// expiry slides forward.
pub async fn signed_in(db: &Db, session_token: &str, now: Instant) -> Result<Option<UserRow>, AppError> {
    Ok(sessions::user_of(db, &hash_token(session_token), now).await?)
}

/// The sign-in form, with the client's address (for the throttle).
#[derive(Debug, Clone, Default)]
pub struct SignIn {
    pub email: String,
    pub password: String,
    pub client_address: String,
}

/// Signs in: returns the new session's token. Wrong password and unknown account get the
/// same answer, in the same time; repeated failures are throttled per account and per
/// address. A disabled account is told so only after its right password.
pub async fn sign_in(state: &AppState, form: SignIn, now: Instant) -> Result<String, AppError> {
    let email = Email::parse(&form.email).map_err(|e| AppError::invalid("email", e))?;
    let account_key = account_key(email.as_str());
    let address_key = address_key(&form.client_address);
    if !may_attempt(&state.db, &account_key, &address_key, now).await? {
        tracing::warn!(account = %email.as_str(), "sign-in throttled");
        return Err(AppError::SignInRefused(text::SIGN_IN_RATE_LIMITED.into()));
    }
    let user = users::find_by_email(&state.db, &email).await?;
    let hash = user.as_ref().map(|u| u.password_hash.clone()).unwrap_or_else(decoy_hash);
    let matches = verify_password(hash, form.password).await;
    let Some(user) = user.filter(|_| matches) else {
        record_failure(&state.db, &account_key, &address_key, now).await?;
        return Err(AppError::SignInRefused(text::SIGN_IN_FAILED.into()));
    };
    throttle::clear(&state.db, &account_key).await?;
    // Told only to whoever typed the right password: without it, a disabled account looks
    // like any failed sign-in, so the message reveals nothing to a stranger.
    if user.disabled_at.is_some() {
        tracing::info!(user = %user.id, "sign-in of a disabled account refused");
        return Err(AppError::SignInRefused(text::SIGN_IN_DISABLED.into()));
    }
    let token = new_token();
    sessions::create(&state.db, &hash_token(&token), &user.id, now).await?;
    tracing::info!(user = %user.id, "signed in");
    Ok(token)
}

/// Ends the session behind `session_token`, if any.
pub async fn sign_out(state: &AppState, session_token: Option<&str>) -> Result<(), AppError> {
    if let Some(token) = session_token {
        sessions::delete(&state.db, &hash_token(token)).await?;
    }
    Ok(())
}

/// Ends every session of `user`, on every device.
pub async fn sign_out_everywhere(state: &AppState, user: &UserRow) -> Result<(), AppError> {
    let ended = sessions::delete_all_for_user(&state.db, &user.id).await?;
    tracing::info!(user = %user.id, sessions = ended, "signed out everywhere");
    Ok(())
}

/// Every account, by name (platform administrators only).
pub async fn list(state: &AppState, user: &UserRow) -> Result<Vec<AccountSummary>, AppError> {
    require_platform_admin(user)?;
    let rows = users::list_all(&state.db).await?;
    Ok(rows
        .into_iter()
        .map(|u| AccountSummary {
            disabled: u.disabled_at.is_some(),
            is_you: u.id == user.id,
            id: u.id,
            name: u.name,
            email: u.email,
            is_platform_admin: u.is_platform_admin,
        })
        .collect())
}

/// Disables an account (platform administrators only, not their own): it can no longer sign
/// in, its sessions end and its API tokens and calendar links stop working at once.
pub async fn disable(state: &AppState, user: &UserRow, account_id: &str, now: Instant) -> Result<(), AppError> {
    require_platform_admin(user)?;
    if user.id == account_id {
        return Err(AppError::Refused(text::ACCOUNT_DISABLE_SELF.into()));
    }
    if users::find_by_id(&state.db, account_id).await?.is_none() {
        return Err(AppError::Refused(text::ACCOUNT_UNKNOWN.into()));
    }
    // Already disabled: nothing to change, and its sessions are already refused.
    users::disable(&state.db, account_id, &user.id, now).await?;
    let ended = sessions::delete_all_for_user(&state.db, account_id).await?;
    tracing::info!(user = %account_id, by = %user.id, sessions = ended, "account disabled");
    Ok(())
}

/// Enables a disabled account again (platform administrators only).
pub async fn enable(state: &AppState, user: &UserRow, account_id: &str, now: Instant) -> Result<(), AppError> {
    require_platform_admin(user)?;
    if users::find_by_id(&state.db, account_id).await?.is_none() {
        return Err(AppError::Refused(text::ACCOUNT_UNKNOWN.into()));
    }
    users::enable(&state.db, account_id, &user.id, now).await?;
    tracing::info!(user = %account_id, by = %user.id, "account enabled");
    Ok(())
}

/// The « Changer de mot de passe » form, with what the request tells: the client's address
/// (for the throttle) and the session it came through (kept open).
#[derive(Debug, Clone, Default)]
pub struct PasswordChange {
    pub current: String,
    pub new: String,
    pub confirm: String,
    pub client_address: String,
    pub session_token: Option<String>,
}

/// Changes `user`'s password, given the current one; its reset links die and its other
/// sessions end.
pub async fn change_password(
    state: &AppState,
    user: &UserRow,
    form: PasswordChange,
    now: Instant,
) -> Result<(), AppError> {
    // A stolen session must not become a way to guess the password: wrong current
    // passwords count with the account's failed sign-ins.
    let account_key = account_key(&user.email);
    let address_key = address_key(&form.client_address);
    if !may_attempt(&state.db, &account_key, &address_key, now).await? {
        return Err(AppError::invalid("current_password", text::PASSWORD_ATTEMPTS_LIMITED));
    }
    if !verify_password(user.password_hash.clone(), form.current).await {
        record_failure(&state.db, &account_key, &address_key, now).await?;
        return Err(AppError::invalid("current_password", text::CURRENT_PASSWORD_WRONG));
    }
    let password = Password::parse(&form.new).map_err(|e| AppError::invalid("new_password", e))?;
    if password.expose() != form.confirm {
        return Err(AppError::invalid("new_password_confirm", text::PASSWORD_MISMATCH));
    }
    let hash = hash_password(&password).await.map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })?;
    users::set_password_hash(&state.db, &user.id, &hash).await?;
    password_resets::void_all_for_user(&state.db, &user.id, now).await?;
    let kept = form.session_token.map(|t| hash_token(&t)).unwrap_or_default();
    let ended = sessions::delete_others_for_user(&state.db, &user.id, &kept).await?;
    tracing::info!(user = %user.id, other_sessions = ended, "password changed");
    Ok(())
}

/// An account the operator creates from the command line (`cordon user add`), optionally a
/// member of the organisation named by `organisation` (its id or its exact name) in `role`.
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub organisation: Option<&'a str>,
    pub role: &'a str,
    pub platform_admin: bool,
    pub password: &'a str,
}

/// `cordon user add`: the operator's one way of creating an account (the first platform
/// administrator of a new installation): every field read by the domain, the address unique,
/// the password hashed. Returns the new account's id and, when it joined one, its organisation's
/// name and the role's label.
pub async fn create_by_operator(
    db: &Db,
    account: NewAccount<'_>,
    now: Instant,
) -> Result<(String, Option<(String, &'static str)>), AppError> {
    use crate::domain::{MembershipRole, PersonName};
    let email = Email::parse(account.email).map_err(|e| AppError::invalid("email", e.to_string()))?;
    let name = PersonName::parse(account.name).map_err(|e| AppError::invalid("name", e.to_string()))?;
    let role =
        MembershipRole::from_code(account.role).ok_or_else(|| AppError::invalid("role", text::ROLE_MEMBER_OR_ADMIN))?;
    let organisation = match account.organisation {
        None => None,
        Some(key) => Some(match crate::store::organisations::get(db, key).await? {
            Some(found) => found,
            None => crate::store::organisations::find_by_name(db, key)
                .await?
                .ok_or_else(|| AppError::invalid("org", text::no_organisation_named(key)))?,
        }),
    };
    if users::find_by_email(db, &email).await?.is_some() {
        return Err(AppError::Refused(text::account_exists(email.as_str())));
    }
    let password = Password::parse(account.password).map_err(|e| AppError::invalid("password", e.to_string()))?;
    let hash = hash_password(&password).await.map_err(|_| AppError::Internal)?;
    let id = users::create(db, &email, &name, &hash, account.platform_admin, now).await?;
    if let Some(organisation) = &organisation {
        crate::store::organisations::add_member(db, &id, &organisation.id, role, now).await?;
    }
    Ok((id, organisation.map(|o| (o.name, role.label()))))
}
