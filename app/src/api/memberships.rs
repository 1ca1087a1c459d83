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

/// Records (or, both fields blank, withdraws) a prefecture member's délégation de signature:
/// the prefect's arrêté number and date. Only the prefecture's administrators (or a platform
/// administrator) may; a délégation exists only in a prefecture.
#[server(endpoint = "record_delegation")]
pub async fn record_delegation(
    organisation_id: String,
    user_id: String,
    delegation_arrete: String,
    delegation_date: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::delegation(organisation_id, user_id, delegation_arrete, delegation_date).await)
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

    pub async fn delegation(
        organisation_id: String,
        user_id: String,
        arrete: String,
        date: String,
    ) -> Result<(), AppError> {
        use crate::domain::organisation::SignatureDelegation;
        use crate::domain::OrganisationKind;
        let actor = require_user().await?;
        let state = state()?;
        crate::service::organisations::require_manager(&state.db, &actor, &organisation_id).await?;
        let organisation = store::organisations::get(&state.db, &organisation_id).await?.ok_or(AppError::NotFound)?;
        if organisation.kind != OrganisationKind::Prefecture {
            return Err(AppError::Refused(crate::text::DELEGATION_PREFECTURE_ONLY.into()));
        }
        let delegation =
            SignatureDelegation::parse(&arrete, &date).map_err(|(field, message)| AppError::invalid(field, message))?;
        if !store::organisations::set_delegation(&state.db, &user_id, &organisation_id, delegation.as_ref()).await? {
            return Err(AppError::NotFound);
        }
        tracing::info!(organisation = %organisation_id, user = %user_id, by = %actor.id, "signature delegation recorded");
        Ok(())
    }
}
