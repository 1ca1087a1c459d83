//! A member of an organisation, as its administrators (or the platform's) manage it: removing
//! the member (never the last administrator) and recording a prefecture member's délégation
//! de signature.

use super::organisations::require_manager;
use crate::domain::organisation::SignatureDelegation;
use crate::domain::{Instant, OrganisationKind};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::users::UserRow;
use crate::store::{memberships, organisations};
use crate::text;

/// A member of an organisation.
#[derive(Debug, Clone, Default)]
pub struct MemberOf {
    pub organisation_id: String,
    pub user_id: String,
}

/// Removes a member. Only an administrator of that organisation or a platform administrator
/// may; a plain member is refused (403), anyone outside the organisation is told it does not
/// exist (404). The last administrator is never removed (`domain::offboarding::may_remove`).
pub async fn remove(state: &AppState, user: &UserRow, member: MemberOf, now: Instant) -> Result<(), AppError> {
    require_manager(&state.db, user, &member.organisation_id).await?;
    organisations::get(&state.db, &member.organisation_id).await?.ok_or(AppError::NotFound)?;
    memberships::remove(
        &state.db,
        &member.user_id,
        &member.organisation_id,
        user.id == member.user_id,
        (&user.id, now),
    )
    .await?
    .map_err(|refused| AppError::Refused(refused.message().into()))?;
    tracing::info!(organisation = %member.organisation_id, user = %member.user_id, by = %user.id, "member removed");
    Ok(())
}

/// A prefecture member's délégation de signature as typed: the prefect's arrêté number and
/// date (both blank: withdrawn).
#[derive(Debug, Clone, Default)]
pub struct DelegationForm {
    pub member: MemberOf,
    pub arrete: String,
    pub date: String,
}

/// Records (or withdraws) a délégation de signature. Only the prefecture's administrators (or
/// a platform administrator) may; a délégation exists only in a prefecture.
pub async fn record_delegation(
    state: &AppState,
    user: &UserRow,
    form: DelegationForm,
    now: Instant,
) -> Result<(), AppError> {
    let MemberOf { organisation_id, user_id } = &form.member;
    require_manager(&state.db, user, organisation_id).await?;
    let organisation = organisations::get(&state.db, organisation_id).await?.ok_or(AppError::NotFound)?;
    if organisation.kind != OrganisationKind::Prefecture {
        return Err(AppError::Refused(text::DELEGATION_PREFECTURE_ONLY.into()));
    }
    let delegation = SignatureDelegation::parse(&form.arrete, &form.date)
        .map_err(|(field, message)| AppError::invalid(field, message))?;
    if !organisations::set_delegation(&state.db, user_id, organisation_id, delegation.as_ref(), (&user.id, now)).await?
    {
        return Err(AppError::NotFound);
    }
    tracing::info!(organisation = %organisation_id, user = %user_id, by = %user.id, "signature delegation recorded");
    Ok(())
}
