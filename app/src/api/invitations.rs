//! Reading and accepting an invitation link. `service::invitations` decides and writes; this
//! door sets the session cookie and sends the browser on.

use leptos::prelude::*;

use super::types::InvitationPreview;
use crate::error::AppError;

/// What an invitation link leads to, or why it can no longer be used.
#[server(endpoint = "get_invitation")]
pub async fn get_invitation(token: String) -> Result<InvitationPreview, AppError> {
    use super::context::{now, respond, state};
    respond(async { crate::service::invitations::preview(&state()?, &token, now()).await }.await)
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
    use super::context::{now, respond, set_session_cookie, state};
    use crate::service::invitations::{accept, Acceptance};
    let form = Acceptance { token, name, password, password_confirm };
    respond(
        async {
            let state = state()?;
            let accepted = accept(&state, form, now()).await?;
            set_session_cookie(Some(&accepted.session_token), state.settings.secure_cookies);
            leptos_axum::redirect(&format!("/organisations/{}", accepted.organisation_id));
            Ok(())
        }
        .await,
    )
}
