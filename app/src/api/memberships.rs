//! Removing a member from an organisation, and a prefecture member's délégation de signature:
//! its administrators or a platform administrator. `service::memberships` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

/// Removes `user_id` from the organisation. Only an administrator of that organisation or a
/// platform administrator may; a plain member is refused (403), anyone outside the
/// organisation is told it does not exist (404). The last administrator is never removed.
#[server(endpoint = "remove_member")]
pub async fn remove_member(organisation_id: String, user_id: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::memberships::{remove, MemberOf};
    let member = MemberOf { organisation_id, user_id };
    run(|state, user, now| async move { remove(&state, &user, member, now).await }).await
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
    use super::context::run;
    use crate::service::memberships::{record_delegation, DelegationForm, MemberOf};
    let form = DelegationForm {
        member: MemberOf { organisation_id, user_id },
        arrete: delegation_arrete,
        date: delegation_date,
    };
    run(|state, user, now| async move { record_delegation(&state, &user, form, now).await }).await
}
