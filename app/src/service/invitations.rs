//! Invitations into an organisation: its managers invite someone by e-mail (the link's token
//! exists only in the e-mail); whoever holds the link reads it, and accepts it by creating an
//! account (or proving an existing one's password), joining the organisation and signing in.

use super::organisations::require_manager;
use super::security::{hash_password, hash_token, new_token, verify_password};
use crate::domain::time::format_long_fr;
use crate::domain::{Email, Instant, InvitationState, MembershipRole, Password, PersonName};
use crate::error::AppError;
use crate::read_models::organisations::InvitationPreview;
use crate::state::{AppState, OutgoingMail};
use crate::store::invitations::{self, InvitationRow};
use crate::store::users::{self, UserRow};
use crate::store::{organisations, sessions};
use crate::text;

/// Stores a new invitation and mails its link. The token exists only in the e-mail.
pub(crate) async fn send(
    state: &AppState,
    inviter: &UserRow,
    organisation_id: &str,
    organisation_name: &str,
    email: &Email,
    role: MembershipRole,
    now: Instant,
) -> Result<(), AppError> {
    let token = new_token();
    invitations::create(&state.db, &hash_token(&token), email, organisation_id, role, &inviter.id, now).await?;
    let link = format!("{}/invitation/{token}", state.settings.base_url);
    let expires = format_long_fr(crate::domain::invitation::expiry_of(now), chrono_tz::Europe::Paris);
    let mail = OutgoingMail {
        to: email.as_str().to_string(),
        subject: text::invitation_subject(organisation_name),
        body: text::invitation_body(&inviter.name, organisation_name, &link, &expires),
        attachment: None,
    };
    state.mail.send(mail).await.map_err(|e| {
        tracing::error!(error = %e, "invitation e-mail could not be sent");
        AppError::Internal
    })?;
    tracing::info!(organisation = %organisation_id, by = %inviter.id, "invitation sent");
    Ok(())
}

/// The « Inviter » form of an organisation's page.
#[derive(Debug, Clone, Default)]
pub struct InvitationForm {
    pub organisation_id: String,
    pub email: String,
    /// A [`MembershipRole`] code.
    pub role: String,
}

/// Invites someone by e-mail into an organisation (its administrators only); someone already
/// a member is refused.
pub async fn invite(state: &AppState, user: &UserRow, form: InvitationForm, now: Instant) -> Result<(), AppError> {
    require_manager(&state.db, user, &form.organisation_id).await?;
    let email = Email::parse(&form.email).map_err(|e| AppError::invalid("email", e))?;
    let role = MembershipRole::from_code(&form.role).ok_or_else(|| AppError::invalid("role", text::ROLE_UNKNOWN))?;
    let organisation = organisations::get(&state.db, &form.organisation_id).await?.ok_or(AppError::NotFound)?;
    if let Some(existing) = users::find_by_email(&state.db, &email).await? {
        if organisations::membership(&state.db, &existing.id, &form.organisation_id).await?.is_some() {
            return Err(AppError::invalid("email", text::INVITATION_ALREADY_MEMBER));
        }
    }
    send(state, user, &form.organisation_id, &organisation.name, &email, role, now).await
}

/// The invitation behind `token` if it can still be used, else the French reason.
async fn usable(state: &AppState, token: &str, now: Instant) -> Result<InvitationRow, AppError> {
    let invitation = invitations::find_by_token_hash(&state.db, &hash_token(token))
        .await?
        .ok_or_else(|| AppError::Refused(text::INVITATION_UNKNOWN.into()))?;
    match InvitationState::at(now, invitation.expires_at, invitation.used_at) {
        InvitationState::Usable => Ok(invitation),
        InvitationState::Expired => Err(AppError::Refused(text::INVITATION_EXPIRED.into())),
        InvitationState::Used => Err(AppError::Refused(text::INVITATION_USED.into())),
    }
}

fn address_of(invitation: &InvitationRow) -> Result<Email, AppError> {
    Email::parse(&invitation.email)
        .map_err(|e| AppError::internal("a stored invitation holds an unreadable address", e))
}

/// What the link behind `token` leads to, or why it can no longer be used.
pub async fn preview(state: &AppState, token: &str, now: Instant) -> Result<InvitationPreview, AppError> {
    let invitation = usable(state, token, now).await?;
    let organisation = organisations::get(&state.db, &invitation.organisation_id).await?.ok_or(AppError::NotFound)?;
    let email = address_of(&invitation)?;
    let existing_account = users::find_by_email(&state.db, &email).await?.is_some();
    Ok(InvitationPreview { organisation_name: organisation.name, email: invitation.email, existing_account })
}

/// The « Accepter l'invitation » form.
#[derive(Debug, Clone, Default)]
pub struct Acceptance {
    pub token: String,
    /// For a new account only.
    pub name: String,
    /// A new account's password, or the existing account's.
    pub password: String,
    pub password_confirm: String,
}

/// An accepted invitation: the new session's token (for the cookie) and the organisation
/// joined.
#[derive(Debug, Clone)]
pub struct Accepted {
    pub session_token: String,
    pub organisation_id: String,
}

/// Accepts an invitation: creates the account (or, for an existing account, checks its
/// password), joins the organisation and opens a session. The link then stops working; a
/// disabled account does not come back through it.
pub async fn accept(state: &AppState, form: Acceptance, now: Instant) -> Result<Accepted, AppError> {
    let invitation = usable(state, &form.token, now).await?;
    let email = address_of(&invitation)?;
    let user_id = match users::find_by_email(&state.db, &email).await? {
        Some(existing) => {
            if !verify_password(existing.password_hash.clone(), form.password).await {
                return Err(AppError::invalid("password", text::INVITATION_EXISTING_ACCOUNT_PASSWORD));
            }
            // A disabled account does not come back through an invitation.
            if existing.disabled_at.is_some() {
                return Err(AppError::Refused(text::SIGN_IN_DISABLED.into()));
            }
            claim(state, &invitation, now).await?;
            existing.id
        }
        None => {
            let name = PersonName::parse(&form.name).map_err(|e| AppError::invalid("name", e))?;
            let password = Password::parse(&form.password).map_err(|e| AppError::invalid("password", e))?;
            if password.expose() != form.password_confirm {
                return Err(AppError::invalid("password_confirm", text::PASSWORD_MISMATCH));
            }
            let hash = hash_password(&password).await.map_err(|e| {
                tracing::error!(error = %e, "password hashing failed");
                AppError::Internal
            })?;
            claim(state, &invitation, now).await?;
            users::create(&state.db, &email, &name, &hash, false, now).await?
        }
    };
    organisations::add_member(&state.db, &user_id, &invitation.organisation_id, invitation.role, now).await?;
    let session = new_token();
    sessions::create(&state.db, &hash_token(&session), &user_id, now).await?;
    tracing::info!(user = %user_id, organisation = %invitation.organisation_id, "invitation accepted");
    Ok(Accepted { session_token: session, organisation_id: invitation.organisation_id })
}

/// Marks the invitation used; if another request used it first, this one is refused.
async fn claim(state: &AppState, invitation: &InvitationRow, now: Instant) -> Result<(), AppError> {
    if invitations::mark_used(&state.db, &invitation.id, now).await? {
        Ok(())
    } else {
        Err(AppError::Refused(text::INVITATION_USED.into()))
    }
}
