//! Organisations: mine, one organisation's page, creating one, inviting people into one.

use leptos::prelude::*;

use super::types::{MyOrganisation, OrganisationPage, OrganisationSummary};
use crate::error::AppError;

/// The organisations the signed-in user belongs to, with their role.
#[server(endpoint = "list_my_organisations")]
pub async fn list_my_organisations() -> Result<Vec<MyOrganisation>, AppError> {
    use super::context::respond;
    respond(server::list_mine().await)
}

/// One organisation: members see its members; its admins also see pending invitations.
/// Anyone else gets "not found", whether or not it exists.
#[server(endpoint = "get_organisation")]
pub async fn get_organisation(id: String) -> Result<OrganisationPage, AppError> {
    use super::context::respond;
    respond(server::page(id).await)
}

/// The directory of organisations (name and kind) any signed-in person may pick from, e.g.
/// to associate one with an event. Members and invitations stay private.
#[server(endpoint = "list_organisation_directory")]
pub async fn list_organisation_directory() -> Result<Vec<OrganisationSummary>, AppError> {
    use super::context::respond;
    respond(server::directory().await)
}

/// Every organisation (platform administrators only).
#[server(endpoint = "list_all_organisations")]
pub async fn list_all_organisations() -> Result<Vec<OrganisationSummary>, AppError> {
    use super::context::respond;
    respond(server::list_all().await)
}

/// Creates an organisation (platform administrators only) and, if an address is given,
/// invites its first administrator. Returns the new organisation's id.
#[server(endpoint = "create_organisation")]
pub async fn create_organisation(
    name: String,
    kind: String,
    commune: String,
    cnaps: String,
    department: String,
    /// Optional: 14 digits.
    #[server(default)]
    siret: String,
    first_admin_email: String,
) -> Result<String, AppError> {
    use super::context::respond;
    respond(server::create(name, kind, commune, cnaps, department, siret, first_admin_email).await)
}

/// Records an organisation's SIRET (its administrators and the platform's); blank removes it.
#[server(endpoint = "set_organisation_siret")]
pub async fn set_organisation_siret(organisation_id: String, siret: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, _| async move {
        crate::service::organisations::require_manager(&state.db, &user, &organisation_id).await?;
        let siret = crate::domain::organisation::parse_siret(&siret).map_err(|e| AppError::invalid(e.field(), e))?;
        if !crate::store::organisations::set_siret(&state.db, &organisation_id, siret.as_deref()).await? {
            return Err(AppError::NotFound);
        }
        tracing::info!(organisation = %organisation_id, by = %user.id, "SIRET recorded");
        Ok(())
    })
    .await
}

/// Invites someone by e-mail into an organisation (its administrators only).
#[server(endpoint = "invite_member")]
pub async fn invite_member(organisation_id: String, email: String, role: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::invite(organisation_id, email, role).await)
}

#[cfg(feature = "ssr")]
pub(crate) mod server {
    use crate::api::context::{now, require_user, state};
    use crate::api::types::{MyOrganisation, OrganisationPage, OrganisationSummary, PendingInvitation};
    use crate::domain::time::format_long_fr;
    use crate::domain::{Email, MembershipRole, OrganisationProfile};
    use crate::error::AppError;
    use crate::service::security::{hash_token, new_token};
    use crate::state::{AppState, OutgoingMail};
    use crate::store::{self, users::UserRow};
    use crate::text;

    pub async fn list_mine() -> Result<Vec<MyOrganisation>, AppError> {
        let user = require_user().await?;
        Ok(store::organisations::list_for_user(&state()?.db, &user.id).await?)
    }

    pub async fn page(id: String) -> Result<OrganisationPage, AppError> {
        let user = require_user().await?;
        let state = state()?;
        let my_role = store::organisations::membership(&state.db, &user.id, &id).await?;
        if my_role.is_none() && !user.is_platform_admin {
            return Err(AppError::NotFound);
        }
        let organisation = store::organisations::get(&state.db, &id).await?.ok_or(AppError::NotFound)?;
        let members = store::organisations::members(&state.db, &id).await?;
        let may_manage = my_role == Some(MembershipRole::Admin) || user.is_platform_admin;
        let invitations = if may_manage {
            store::invitations::pending(&state.db, &id, now())
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

    pub async fn directory() -> Result<Vec<OrganisationSummary>, AppError> {
        require_user().await?;
        Ok(store::organisations::list_all(&state()?.db).await?)
    }

    pub async fn list_all() -> Result<Vec<OrganisationSummary>, AppError> {
        let user = require_user().await?;
        if !user.is_platform_admin {
            return Err(AppError::Forbidden);
        }
        Ok(store::organisations::list_all(&state()?.db).await?)
    }

    pub async fn create(
        name: String,
        kind: String,
        commune: String,
        cnaps: String,
        department: String,
        siret: String,
        first_admin_email: String,
    ) -> Result<String, AppError> {
        let user = require_user().await?;
        if !user.is_platform_admin {
            return Err(AppError::Forbidden);
        }
        let profile = OrganisationProfile::parse(&name, &kind, &commune, &cnaps, &department)
            .and_then(|profile| profile.with_siret(&siret))
            .map_err(|e| AppError::invalid(e.field(), e))?;
        let first_admin = match first_admin_email.trim() {
            "" => None,
            raw => Some(Email::parse(raw).map_err(|e| AppError::invalid("first_admin_email", e))?),
        };
        let state = state()?;
        let id = store::organisations::create(&state.db, &profile, now()).await?;
        if let Some(email) = first_admin {
            send_invitation(&state, &user, &id, profile.name.as_str(), &email, MembershipRole::Admin).await?;
        }
        tracing::info!(organisation = %id, by = %user.id, "organisation created");
        Ok(id)
    }

    pub async fn invite(organisation_id: String, email: String, role: String) -> Result<(), AppError> {
        let user = require_user().await?;
        let state = state()?;
        crate::service::organisations::require_manager(&state.db, &user, &organisation_id).await?;
        let email = Email::parse(&email).map_err(|e| AppError::invalid("email", e))?;
        let role = MembershipRole::from_code(&role).ok_or_else(|| AppError::invalid("role", text::ROLE_UNKNOWN))?;
        let organisation = store::organisations::get(&state.db, &organisation_id).await?.ok_or(AppError::NotFound)?;
        if let Some(existing) = store::users::find_by_email(&state.db, &email).await? {
            if store::organisations::membership(&state.db, &existing.id, &organisation_id).await?.is_some() {
                return Err(AppError::invalid("email", text::INVITATION_ALREADY_MEMBER));
            }
        }
        send_invitation(&state, &user, &organisation_id, &organisation.name, &email, role).await
    }

    /// Stores a new invitation and mails its link. The token exists only in the e-mail.
    pub async fn send_invitation(
        state: &AppState,
        inviter: &UserRow,
        organisation_id: &str,
        organisation_name: &str,
        email: &Email,
        role: MembershipRole,
    ) -> Result<(), AppError> {
        let token = new_token();
        let now = now();
        store::invitations::create(&state.db, &hash_token(&token), email, organisation_id, role, &inviter.id, now)
            .await?;
        let link = format!("{}/invitation/{token}", state.settings.base_url);
        let expires = format_long_fr(crate::domain::invitation::expiry_of(now), chrono_tz::Europe::Paris);
        let mail = OutgoingMail {
            to: email.as_str().to_string(),
            subject: text::invitation_subject(organisation_name),
            body: text::invitation_body(&inviter.name, organisation_name, &link, &expires),
            attachment: None,
        };
        state.mail.send(mail).await.map_err(|e| {
            tracing::error!(error = %e, "invitation e-mail could not be sent");
            AppError::Internal
        })?;
        tracing::info!(organisation = %organisation_id, by = %inviter.id, "invitation sent");
        Ok(())
    }
}
