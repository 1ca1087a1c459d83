//! Personal API tokens, created, listed and revoked by their owner. A token carries its
//! owner's rights on the JSON API (`/api/v1`); it is returned once, when created, and only its
//! hash is kept.

use super::security::{hash_token, new_token};
use crate::domain::api_token::{parse_token_name, MAX_ACTIVE_TOKENS};
use crate::domain::time::format_long_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::accounts::ApiTokenView;
use crate::state::AppState;
use crate::store::api_tokens;
use crate::store::users::UserRow;
use crate::text;

/// Creates a token named `name` for `user` and returns it: the only time it is ever known.
pub async fn create(state: &AppState, user: &UserRow, name: &str, now: Instant) -> Result<String, AppError> {
    let name = parse_token_name(name).map_err(|e| AppError::invalid("name", e))?;
    if api_tokens::list_active(&state.db, &user.id).await?.len() >= MAX_ACTIVE_TOKENS {
        return Err(AppError::Refused(text::API_TOKENS_LIMIT.into()));
    }
    let token = new_token();
    let id = api_tokens::create(&state.db, &user.id, &name, &hash_token(&token), now).await?;
    tracing::info!(user = %user.id, token = %id, "API token created");
    Ok(token)
}

/// `user`'s tokens that are not revoked, newest first.
pub async fn list(state: &AppState, user: &UserRow) -> Result<Vec<ApiTokenView>, AppError> {
    let paris = chrono_tz::Europe::Paris;
    Ok(api_tokens::list_active(&state.db, &user.id)
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

/// Revokes one of `user`'s tokens; it stops working at once. Anyone else's is "not found".
pub async fn revoke(state: &AppState, user: &UserRow, id: &str, now: Instant) -> Result<(), AppError> {
    if !api_tokens::revoke(&state.db, &user.id, id.trim(), now).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(user = %user.id, token = %id.trim(), "API token revoked");
    Ok(())
}
