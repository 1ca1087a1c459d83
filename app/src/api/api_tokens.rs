//! Personal API tokens, created, listed and revoked by their owner on the account page. A
//! token carries its owner's rights on the JSON API (`/api/v1`); it is shown once, when
//! created, and only its hash is kept.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;
use crate::text;

/// A token as its owner sees it listed: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: String,
    pub name: String,
    /// When it was created, in French, in Europe/Paris time.
    pub created: String,
    /// When it was last used (to the minute), if ever.
    pub last_used: Option<String>,
}

/// The most live tokens one person may hold.
pub const MAX_ACTIVE_TOKENS: usize = 20;

/// The longest token name, in characters.
pub const MAX_TOKEN_NAME: usize = 100;

/// A token's name, trimmed: required, at most [`MAX_TOKEN_NAME`] characters, no control
/// characters. Checked on the server, and in the browser while typing.
pub fn parse_token_name(raw: &str) -> Result<String, &'static str> {
    let name = raw.trim();
    if name.is_empty() {
        Err(text::API_TOKEN_NAME_REQUIRED)
    } else if name.chars().count() > MAX_TOKEN_NAME {
        Err(text::API_TOKEN_NAME_TOO_LONG)
    } else if name.chars().any(char::is_control) {
        Err(text::NAME_CONTROL_CHARS)
    } else {
        Ok(name.to_string())
    }
}

/// Creates a token for the signed-in user and returns it: the only time it is ever shown.
#[server(endpoint = "create_api_token")]
pub async fn create_api_token(name: String) -> Result<String, AppError> {
    use super::context::respond;
    respond(server::create(name).await)
}

/// My tokens that are not revoked, newest first.
#[server(endpoint = "list_api_tokens")]
pub async fn list_api_tokens() -> Result<Vec<ApiTokenView>, AppError> {
    use super::context::respond;
    respond(server::list().await)
}

/// Revokes one of my tokens; it stops working at once. Anyone else's token is "not found".
#[server(endpoint = "revoke_api_token")]
pub async fn revoke_api_token(id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::revoke(id).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::{parse_token_name, ApiTokenView, MAX_ACTIVE_TOKENS};
    use crate::api::context::{now, require_user, state};
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::service::security::{hash_token, new_token};
    use crate::store::api_tokens;
    use crate::text;

    pub async fn create(name: String) -> Result<String, AppError> {
        let user = require_user().await?;
        let state = state()?;
        if plain_form_post() {
            return Err(AppError::Refused(text::API_TOKEN_NEEDS_SCRIPT.into()));
        }
        let name = parse_token_name(&name).map_err(|e| AppError::invalid("name", e))?;
        if api_tokens::list_active(&state.db, &user.id).await?.len() >= MAX_ACTIVE_TOKENS {
            return Err(AppError::Refused(text::API_TOKENS_LIMIT.into()));
        }
        let token = new_token();
        let id = api_tokens::create(&state.db, &user.id, &name, &hash_token(&token), now()).await?;
        tracing::info!(user = %user.id, token = %id, "API token created");
        Ok(token)
    }

    /// A form posted without the WebAssembly loaded: its answer becomes a redirect back to the
    /// page, so a token created now could never be shown.
    fn plain_form_post() -> bool {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.headers.get(axum::http::header::ACCEPT)?.to_str().ok().map(str::to_string))
            .is_some_and(|accept| accept.contains("text/html"))
    }

    pub async fn list() -> Result<Vec<ApiTokenView>, AppError> {
        let user = require_user().await?;
        let paris = chrono_tz::Europe::Paris;
        Ok(api_tokens::list_active(&state()?.db, &user.id)
            .await?
            .into_iter()
            .map(|row| ApiTokenView {
                id: row.id,
                name: row.name,
                created: format_long_fr(row.created_at, paris),
                last_used: row.last_used_at.map(|at| format_long_fr(at, paris)),
            })
            .collect())
    }

    pub async fn revoke(id: String) -> Result<(), AppError> {
        let user = require_user().await?;
        if !api_tokens::revoke(&state()?.db, &user.id, id.trim(), now()).await? {
            return Err(AppError::NotFound);
        }
        tracing::info!(user = %user.id, token = %id.trim(), "API token revoked");
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_name_is_trimmed_and_must_be_short_and_printable() {
        assert_eq!(parse_token_name("  Export nocturne  "), Ok("Export nocturne".to_string()));
        assert_eq!(parse_token_name("   "), Err(text::API_TOKEN_NAME_REQUIRED));
        assert_eq!(parse_token_name(&"é".repeat(100)).map(|n| n.chars().count()), Ok(100));
        assert_eq!(parse_token_name(&"é".repeat(101)), Err(text::API_TOKEN_NAME_TOO_LONG));
        assert_eq!(parse_token_name("a\u{7}b"), Err(text::NAME_CONTROL_CHARS));
    }
}
