//! Removing a member from an organisation: its administrators or a platform administrator.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes `user_id` from the organisation. Only an administrator of that organisation or a
/// platform administrator may; a plain member is refused (403), anyone outside the
/// organisation is told it does not exist (404). The last administrator is never removed.
#[server(endpoint = "remove_member")]
pub async fn remove_member(organisation_id: String, user_id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::remove(organisation_id, user_id).await)
}

#[cfg(feature = "ssr")]
mod server {
    use crate::api::context::{require_user, state};
    use crate::error::AppError;
    use crate::store;

    pub async fn remove(organisation_id: String, user_id: String) -> Result<(), AppError> {
        let actor = require_user().await?;
        let state = state()?;
        crate::service::organisations::require_manager(&state.db, &actor, &organisation_id).await?;
        store::organisations::get(&state.db, &organisation_id).await?.ok_or(AppError::NotFound)?;
        store::memberships::remove(&state.db, &user_id, &organisation_id, actor.id == user_id)
            .await?
            .map_err(|refused| AppError::Refused(refused.message().into()))?;
        tracing::info!(organisation = %organisation_id, user = %user_id, by = %actor.id, "member removed");
        Ok(())
    }
}
