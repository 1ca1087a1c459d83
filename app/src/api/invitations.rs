//! Reading and accepting an invitation link.

use leptos::prelude::*;

use super::types::InvitationPreview;
use crate::error::AppError;

/// What an invitation link leads to, or why it can no longer be used.
#[server(endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    use super::context::respond;
    respond(server::preview(token).await)
}

/// Accepts an invitation: creates the account (or, for an existing account, checks its
/// password), joins the organisation, signs in. The link then stops working.
#[server(endpoint = "accept_invitation")]
pub async fn accept_invitation(
    token: String,
    name: String,
    password: String,
    password_confirm: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::accept(token, name, password, password_confirm).await)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::context::{now, set_session_cookie, state};
    use crate::api::types::InvitationPreview;
    use crate::domain::{Email, InvitationState, Password, PersonName};
    use crate::error::AppError;
    use crate::service::security::{hash_password, hash_token, new_token, verify_password};
    use crate::state::AppState;
    use crate::store::{self, invitations::InvitationRow};
    use crate::text;

    async fn usable(state: &AppState, token: &str) -> Result<InvitationRow, AppError> {
        let invitation = store::invitations::find_by_token_hash(&state.db, &hash_token(token))
            .await?
            .ok_or_else(|| AppError::Refused(text::INVITATION_UNKNOWN.into()))?;
        match InvitationState::at(now(), invitation.expires_at, invitation.used_at) {
            InvitationState::Usable => Ok(invitation),
            InvitationState::Expired => Err(AppError::Refused(text::INVITATION_EXPIRED.into())),
            InvitationState::Used => Err(AppError::Refused(text::INVITATION_USED.into())),
        }
    }

    pub async fn preview(token: String) -> Result<InvitationPreview, AppError> {
        let state = state()?;
        let invitation = usable(&state, &token).await?;
        let organisation =
            store::organisations::get(&state.db, &invitation.organisation_id).await?.ok_or(AppError::NotFound)?;
        let email = Email::parse(&invitation.email)
            .map_err(|e| AppError::internal("a stored invitation holds an unreadable address", e))?;
        let existing_account = store::users::find_by_email(&state.db, &email).await?.is_some();
        Ok(InvitationPreview { organisation_name: organisation.name, email: invitation.email, existing_account })
    }

    pub async fn accept(
        token: String,
        name: String,
        password: String,
        password_confirm: String,
    ) -> Result<(), AppError> {
        let state = state()?;
        let invitation = usable(&state, &token).await?;
        let email = Email::parse(&invitation.email)
            .map_err(|e| AppError::internal("a stored invitation holds an unreadable address", e))?;
        let now = now();
        let user_id = match store::users::find_by_email(&state.db, &email).await? {
            Some(existing) => {
                if !verify_password(existing.password_hash.clone(), password).await {
                    return Err(AppError::invalid("password", text::INVITATION_EXISTING_ACCOUNT_PASSWORD));
                }
                // A disabled account does not come back through an invitation.
                if existing.disabled_at.is_some() {
                    return Err(AppError::Refused(text::SIGN_IN_DISABLED.into()));
                }
                claim(&state, &invitation).await?;
                existing.id
            }
            None => {
                let name = PersonName::parse(&name).map_err(|e| AppError::invalid("name", e))?;
                let password = Password::parse(&password).map_err(|e| AppError::invalid("password", e))?;
                if password.expose() != password_confirm {
                    return Err(AppError::invalid("password_confirm", text::PASSWORD_MISMATCH));
                }
                let hash = hash_password(&password).await.map_err(|e| {
                    tracing::error!(error = %e, "password hashing failed");
                    AppError::Internal
                })?;
                claim(&state, &invitation).await?;
                store::users::create(&state.db, &email, &name, &hash, false, now).await?
            }
        };
        store::organisations::add_member(&state.db, &user_id, &invitation.organisation_id, invitation.role, now)
            .await?;
        let session = new_token();
        store::sessions::create(&state.db, &hash_token(&session), &user_id, now).await?;
        set_session_cookie(Some(&session), state.settings.secure_cookies);
        tracing::info!(user = %user_id, organisation = %invitation.organisation_id, "invitation accepted");
        leptos_axum::redirect(&format!("/organisations/{}", invitation.organisation_id));
        Ok(())
    }

    /// Marks the invitation used; if another request used it first, this one is refused.
    async fn claim(state: &AppState, invitation: &InvitationRow) -> Result<(), AppError> {
        if store::invitations::mark_used(&state.db, &invitation.id, now()).await? {
            Ok(())
        } else {
            Err(AppError::Refused(text::INVITATION_USED.into()))
        }
    }
}
