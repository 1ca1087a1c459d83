//! Organisations: mine, one organisation's page, creating one, inviting people into one.
//! `service::organisations` and `service::invitations` decide and write.

use leptos::prelude::*;

use super::types::{MyOrganisation, OrganisationPage, OrganisationSummary};
use crate::error::AppError;

/// The organisations the signed-in user belongs to, with their role.
#[server(endpoint = "list_my_organisations")]
pub async fn list_my_organisations() -> Result<Vec<MyOrganisation>, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::organisations::mine(&state, &user).await }).await
}

/// One organisation: members see its members; its admins also see pending invitations.
/// Anyone else gets "not found", whether or not it exists.
#[server(endpoint = "get_organisation")]
pub async fn get_organisation(id: String) -> Result<OrganisationPage, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::organisations::page(&state, &user, &id, now).await }).await
}

/// The directory of organisations (name and kind) any signed-in person may pick from, e.g.
/// to associate one with an event. Members and invitations stay private.
#[server(endpoint = "list_organisation_directory")]
pub async fn list_organisation_directory() -> Result<Vec<OrganisationSummary>, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::organisations::directory(&state, &user).await }).await
}

/// Every organisation (platform administrators only).
#[server(endpoint = "list_all_organisations")]
pub async fn list_all_organisations() -> Result<Vec<OrganisationSummary>, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::organisations::all(&state, &user).await }).await
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
    use super::context::run;
    use crate::service::organisations::{create, NewOrganisation};
    let form = NewOrganisation { name, kind, commune, cnaps, department, siret, first_admin_email };
    run(|state, user, now| async move { create(&state, &user, form, now).await }).await
}

/// Records an organisation's SIRET (its administrators and the platform's); blank removes it.
#[server(endpoint = "set_organisation_siret")]
pub async fn set_organisation_siret(organisation_id: String, siret: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::organisations::{set_siret, SiretChange};
    let form = SiretChange { organisation_id, siret };
    run(|state, user, now| async move { set_siret(&state, &user, form, now).await }).await
}

/// Invites someone by e-mail into an organisation (its administrators only).
#[server(endpoint = "invite_member")]
pub async fn invite_member(organisation_id: String, email: String, role: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::invitations::{invite, InvitationForm};
    let form = InvitationForm { organisation_id, email, role };
    run(|state, user, now| async move { invite(&state, &user, form, now).await }).await
}
