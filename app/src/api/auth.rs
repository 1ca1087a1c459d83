//! Signing in and out, and who is asking. `service::accounts` decides and writes; this door
//! reads the request (cookie, client address) and sets the cookie and the next page.

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
    use crate::error::AppError;
    use crate::service::accounts::{self, SignIn};

    pub async fn sign_in(email: String, password: String, next: Option<String>) -> Result<(), AppError> {
        let state = state()?;
        let form = SignIn { email, password, client_address: client_address(state.settings.trust_proxy) };
        let token = accounts::sign_in(&state, form, now()).await?;
        set_session_cookie(Some(&token), state.settings.secure_cookies);
        leptos_axum::redirect(&safe_next(next.as_deref()));
        Ok(())
    }

    pub async fn sign_out() -> Result<(), AppError> {
        let state = state()?;
        accounts::sign_out(&state, session_token().as_deref()).await?;
        set_session_cookie(None, state.settings.secure_cookies);
        leptos_axum::redirect("/connexion");
        Ok(())
    }

    pub async fn sign_out_everywhere() -> Result<(), AppError> {
        let state = state()?;
        let user = require_user().await?;
        accounts::sign_out_everywhere(&state, &user).await?;
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
