//! Forgotten password: asking for a reset link by e-mail, then choosing a new password
//! through it. The answer to the request never tells whether an account exists.
//! `service::password_reset` decides and writes; this door reads the client's address and
//! sends the browser on.

use leptos::prelude::*;

use crate::error::AppError;

/// Asks for a reset link for `email`. The answer is the same whether or not an active account
/// has that address; only then is the link mailed. Requests are throttled per address typed
/// and per client like sign-ins.
#[server(endpoint = "request_password_reset")]
pub async fn request_password_reset(email: String) -> Result<(), AppError> {
    use super::context::{client_address, now, respond, state};
    use crate::service::password_reset::{request, ResetRequest};
    respond(
        async {
            let state = state()?;
            let form = ResetRequest { email, client_address: client_address(state.settings.trust_proxy) };
            request(&state, form, now()).await?;
            // Without JavaScript too, the page comes back saying the link left.
            leptos_axum::redirect("/mot-de-passe-oublie?envoye=1");
            Ok(())
        }
        .await,
    )
}

/// Whether a reset link can still be used; if not, why (expired, used, unknown), in French.
#[server(endpoint = "check_password_reset")]
pub async fn check_password_reset(token: String) -> Result<(), AppError> {
    use super::context::{now, respond, state};
    respond(async { crate::service::password_reset::check(&state()?, &token, now()).await }.await)
}

/// Sets a new password through a reset link: the link is consumed and every session of the
/// person ends. Sends the browser to the sign-in page.
#[server(endpoint = "reset_password")]
pub async fn reset_password(token: String, password: String, password_confirm: String) -> Result<(), AppError> {
    use super::context::{now, respond, state};
    use crate::service::password_reset::{reset, NewPassword};
    let form = NewPassword { token, password, confirm: password_confirm };
    respond(
        async {
            reset(&state()?, form, now()).await?;
            leptos_axum::redirect("/connexion?reinitialise=1");
            Ok(())
        }
        .await,
    )
}
