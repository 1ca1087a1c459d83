//! Organisations: who manages one (its administrators and the platform's, the one check behind
//! inviting, removing members, délégations and the SIRET), the lists and the page a person may
//! read, and the platform administrators' creation of one.

use crate::domain::organisation::parse_siret;
use crate::domain::time::format_long_fr;
use crate::domain::{Email, Instant, MembershipRole, OrganisationProfile};
use crate::error::AppError;
use crate::read_models::organisations::{OrganisationPage, PendingInvitation};
use crate::read_models::{MyOrganisation, OrganisationSummary};
use crate::state::AppState;
use crate::store::users::UserRow;
use crate::store::{invitations, organisations, Db};

/// Ok when `user` manages `organisation_id`; anyone outside the organisation is told it does
/// not exist (404), a plain member is refused (403).
pub async fn require_manager(db: &Db, user: &UserRow, organisation_id: &str) -> Result<(), AppError> {
    if user.is_platform_admin {
        return Ok(());
    }
    match organisations::membership(db, &user.id, organisation_id).await? {
        None => Err(AppError::NotFound),
        Some(MembershipRole::Admin) => Ok(()),
        Some(_) => Err(AppError::Forbidden),
    }
}

/// Refuses (403) anyone but a platform administrator.
pub fn require_platform_admin(user: &UserRow) -> Result<(), AppError> {
    if user.is_platform_admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// The organisations `user` belongs to, with its role.
pub async fn mine(state: &AppState, user: &UserRow) -> Result<Vec<MyOrganisation>, AppError> {
    Ok(organisations::list_for_user(&state.db, &user.id).await?)
}

/// The directory of organisations (name and kind) any signed-in person may pick from.
/// Members and invitations stay private.
pub async fn directory(state: &AppState, _user: &UserRow) -> Result<Vec<OrganisationSummary>, AppError> {
    Ok(organisations::list_all(&state.db).await?)
}

/// Every organisation (platform administrators only).
pub async fn all(state: &AppState, user: &UserRow) -> Result<Vec<OrganisationSummary>, AppError> {
    require_platform_admin(user)?;
    Ok(organisations::list_all(&state.db).await?)
}

/// One organisation's page: its members see its members; its managers also see the pending
/// invitations. Anyone else is told it does not exist, whether or not it does.
pub async fn page(state: &AppState, user: &UserRow, id: &str, now: Instant) -> Result<OrganisationPage, AppError> {
    let my_role = organisations::membership(&state.db, &user.id, id).await?;
    if my_role.is_none() && !user.is_platform_admin {
        return Err(AppError::NotFound);
    }
    let organisation = organisations::get(&state.db, id).await?.ok_or(AppError::NotFound)?;
    let members = organisations::members(&state.db, id).await?;
    let may_manage = my_role == Some(MembershipRole::Admin) || user.is_platform_admin;
    let invitations = if may_manage {
        invitations::pending(&state.db, id, now)
            .await?
            .into_iter()
            .map(|i| PendingInvitation {
                id: i.id,
                email: i.email,
                role: i.role,
                expires: format_long_fr(i.expires_at, chrono_tz::Europe::Paris),
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(OrganisationPage { organisation, my_role, may_manage, members, invitations })
}

/// The « Créer une organisation » form.
#[derive(Debug, Clone, Default)]
pub struct NewOrganisation {
    pub name: String,
    pub kind: String,
    pub commune: String,
    pub cnaps: String,
    pub department: String,
    /// Optional: 14 digits.
    pub siret: String,
    /// Optional: the first administrator to invite.
    pub first_admin_email: String,
}

/// Creates an organisation (platform administrators only) and, if an address is given,
/// invites its first administrator. Returns the new organisation's id.
pub async fn create(state: &AppState, user: &UserRow, form: NewOrganisation, now: Instant) -> Result<String, AppError> {
    require_platform_admin(user)?;
    let profile = OrganisationProfile::parse(&form.name, &form.kind, &form.commune, &form.cnaps, &form.department)
        .and_then(|profile| profile.with_siret(&form.siret))
        .map_err(|e| AppError::invalid(e.field(), e))?;
    let first_admin = match form.first_admin_email.trim() {
        "" => None,
        raw => Some(Email::parse(raw).map_err(|e| AppError::invalid("first_admin_email", e))?),
    };
    let id = organisations::create(&state.db, &profile, now).await?;
    if let Some(email) = first_admin {
        super::invitations::send(state, user, &id, profile.name.as_str(), &email, MembershipRole::Admin, now).await?;
    }
    tracing::info!(organisation = %id, by = %user.id, "organisation created");
    Ok(id)
}

/// An organisation's SIRET as typed; blank removes it.
#[derive(Debug, Clone, Default)]
pub struct SiretChange {
    pub organisation_id: String,
    pub siret: String,
}

/// Records an organisation's SIRET (its administrators and the platform's).
pub async fn set_siret(state: &AppState, user: &UserRow, form: SiretChange, now: Instant) -> Result<(), AppError> {
    require_manager(&state.db, user, &form.organisation_id).await?;
    let siret = parse_siret(&form.siret).map_err(|e| AppError::invalid(e.field(), e))?;
    if !organisations::set_siret(&state.db, &form.organisation_id, siret.as_deref(), &user.id, now).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(organisation = %form.organisation_id, by = %user.id, "SIRET recorded");
    Ok(())
}
