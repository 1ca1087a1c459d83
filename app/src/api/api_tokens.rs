//! Personal API tokens, created, listed and revoked by their owner on the account page. A
//! token carries its owner's rights on the JSON API (`/api/v1`); it is shown once, when
//! created, and only its hash is kept. `service::api_tokens` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::domain::api_token::{parse_token_name, MAX_ACTIVE_TOKENS, MAX_TOKEN_NAME};
pub use crate::read_models::accounts::ApiTokenView;

/// Creates a token for the signed-in user and returns it: the only time it is ever shown.
#[server(endpoint = "create_api_token")]
pub async fn create_api_token(name: String) -> Result<String, AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        if server::plain_form_post() {
            return Err(AppError::Refused(crate::text::API_TOKEN_NEEDS_SCRIPT.into()));
        }
        crate::service::api_tokens::create(&state, &user, &name, now).await
    })
    .await
}

/// My tokens that are not revoked, newest first.
#[server(endpoint = "list_api_tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::api_tokens::list(&state, &user).await }).await
}

/// Revokes one of my tokens; it stops working at once. Anyone else's token is "not found".
#[server(endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::api_tokens::revoke(&state, &user, &id, now).await }).await
}

#[cfg(feature = "ssr")]
mod server {
    /// A form posted without the WebAssembly loaded: its answer becomes a redirect back to the
    /// page, so a token created now could never be shown.
    pub fn plain_form_post() -> bool {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.headers.get(axum::http::header::ACCEPT)?.to_str().ok().map(str::to_string))
            .is_some_and(|accept| accept.contains("text/html"))
    }
}
