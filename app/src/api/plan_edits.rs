//! Editing a plan: zones and needs (the organiser), deployments (each participant its own),
//! participants (the organiser). Every save of an existing record names the version it was
//! based on; a save based on an outdated version is refused with the newer values.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use super::context::run;
use crate::error::AppError;
#[cfg(feature = "ssr")]
use crate::service::plan_edits::{self, Edit};

/// Creates (`id` empty) or updates a zone.
#[server(endpoint = "save_zone")]
pub async fn save_zone(
    event_id: String,
    id: String,
    version: String,
    name: String,
    kind: String,
    public_road: Option<String>,
    /// The zone gives access to an enclosed venue (L613-3).
    acces_enceinte: Option<String>,
    address: String,
) -> Result<(), AppError> {
    use crate::domain::plan::input::{ticked, ZoneInput};
    let form =
        ZoneInput { name, kind, public_road: ticked(&public_road), acces_enceinte: ticked(&acces_enceinte), address };
    run(|state, user, now| async move {
        let edit = Edit { id, version, form };
        plan_edits::save_organiser_record(&state, &user, &event_id, edit, now).await
    })
    .await
}

/// Creates or updates a post (a named position inside a zone).
#[server(endpoint = "save_post")]
pub async fn save_post(
    event_id: String,
    id: String,
    version: String,
    zone_id: String,
    name: String,
) -> Result<(), AppError> {
    let form = crate::domain::plan::input::PostInput { zone_id, name };
    run(|state, user, now| async move {
        plan_edits::save_organiser_record(&state, &user, &event_id, Edit { id, version, form }, now).await
    })
    .await
}

/// Creates or updates a need.
#[server(endpoint = "save_need")]
pub async fn save_need(
    event_id: String,
    id: String,
    version: String,
    zone_id: String,
    post_id: Option<String>,
    start: String,
    end: String,
    qualification: String,
    min: String,
    max: String,
    priority: String,
    min_women: String,
    min_men: String,
) -> Result<(), AppError> {
    let form = crate::domain::plan::input::NeedInput {
        zone_id,
        post_id,
        start,
        end,
        qualification,
        min,
        max,
        priority,
        min_women,
        min_men,
    };
    run(|state, user, now| async move {
        plan_edits::save_organiser_record(&state, &user, &event_id, Edit { id, version, form }, now).await
    })
    .await
}

/// What `save_deployment` answers: the deployment as the server saved it — the authority, not
/// the browser's reading of its form — as its saver reads it on the plan page (its own: whole),
/// and its new version, so that the page shows it at once and a next save is based on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SavedDeployment {
    pub deployment: crate::domain::plan::Deployment,
    pub version: i64,
}

/// Creates or updates one of my deployments; answers it as saved.
#[server(endpoint = "save_deployment")]
pub async fn save_deployment(
    event_id: String,
    id: String,
    version: String,
    participant_id: String,
    zone_id: String,
    post_id: Option<String>,
    start: String,
    end: String,
    headcount: String,
    category: String,
    mission: String,
    radio: String,
    restricted: Option<String>,
    /// Named agents (`agent_ids[]` checkboxes; none ticked sends nothing).
    agent_ids: Option<Vec<String>>,
) -> Result<SavedDeployment, AppError> {
    use crate::domain::plan::input::DeploymentInput;
    let form = DeploymentInput {
        id: id.clone(),
        participant_id,
        zone_id,
        post_id,
        start,
        end,
        headcount,
        category,
        mission,
        radio,
        restricted: crate::domain::plan::input::ticked(&restricted),
        agent_ids: agent_ids.unwrap_or_default(),
    };
    run(|state, user, now| async move {
        let (deployment, version) =
            plan_edits::save_deployment(&state, &user, &event_id, Edit { id, version, form }, now).await?;
        Ok(SavedDeployment { deployment, version })
    })
    .await
}

/// « Confirmer ces déploiements »: those of mine that next year's edition took from the last
/// one and that are still to confirm become this edition's (and will be published). Returns
/// how many.
#[server(endpoint = "confirm_deployments")]
pub async fn confirm_deployments(event_id: String) -> Result<usize, AppError> {
    run(|state, user, now| async move { plan_edits::confirm_deployments(&state, &user, &event_id, now).await }).await
}

/// « Aperçu de la conformité » of the deployment form as it stands, before it is saved: `form`
/// is the form's (name, value) pairs as JSON. `None` while the form is incomplete.
#[server(endpoint = "preview_deployment")]
pub async fn preview_deployment(
    event_id: String,
    form: String,
) -> Result<Option<Vec<crate::domain::compliance::Finding>>, AppError> {
    let pairs: Vec<(String, String)> =
        serde_json::from_str(&form).map_err(|_| AppError::invalid("form", crate::text::CHOICE_INVALID))?;
    run(|state, user, now| async move { crate::service::findings::preview(&state, &user, &event_id, &pairs, now).await })
        .await
}

/// Changes the event itself (the organiser only). Blank set-up or tear-down fields mean none.
#[server(endpoint = "update_event")]
pub async fn update_event(
    event_id: String,
    version: String,
    name: String,
    kind: String,
    address: String,
    start: String,
    end: String,
    setup_start: String,
    teardown_end: String,
    expected_attendance: String,
    behaviour: String,
    convention_coordination_en_vigueur: Option<String>,
    organisee_par_la_commune: Option<String>,
    but_lucratif: Option<String>,
    palpations_sous_controle_opj: Option<String>,
    /// The commune's police regime (CGCT L2214-4): `police_etat`, `gendarmerie`, or blank.
    regime_police: Option<String>,
    /// The day the declaration was filed with the maire (R211-22), `AAAA-MM-JJ`; blank: not filed.
    declaration_deposee_le: Option<String>,
    /// How field actors are alerted of an imminent risk (the circular's fourth axis).
    alert_procedure: Option<String>,
) -> Result<(), AppError> {
    let form = crate::domain::plan::input::EventInput {
        alert_procedure,
        name,
        kind,
        address,
        start,
        end,
        setup_start,
        teardown_end,
        expected_attendance,
        behaviour,
        legal: crate::domain::plan::input::LegalInput {
            convention_coordination_en_vigueur,
            organisee_par_la_commune,
            but_lucratif,
            palpations_sous_controle_opj,
            regime_police,
            declaration_deposee_le,
        },
    };
    run(|state, user, now| async move { plan_edits::save_event(&state, &user, &event_id, &version, form, now).await })
        .await
}

/// Records a prefect's order the plan relies on (the organiser), at the event's version.
#[server(endpoint = "add_order")]
pub async fn add_order(
    event_id: String,
    version: String,
    kind: String,
    number: String,
    signed_on: String,
    valid_from: String,
    valid_until: String,
    /// The zones it covers (`zone_ids[]` checkboxes; none: the whole site).
    zone_ids: Option<Vec<String>>,
) -> Result<(), AppError> {
    let zone_ids = zone_ids.unwrap_or_default();
    let form = crate::domain::plan::input::OrderInput { kind, number, signed_on, valid_from, valid_until, zone_ids };
    run(|state, user, now| async move { plan_edits::add_order(&state, &user, &event_id, &version, form, now).await })
        .await
}

/// Removes the `index`-th order of the event (the organiser), at the event's version.
#[server(endpoint = "remove_order")]
pub async fn remove_order(event_id: String, version: String, index: String) -> Result<(), AppError> {
    run(|state, user, now| async move {
        plan_edits::remove_order(&state, &user, &event_id, &version, &index, now).await
    })
    .await
}

/// Adds an organisation to the event (the organiser only).
#[server(endpoint = "add_participant")]
pub async fn add_participant(
    event_id: String,
    organisation_id: String,
    role: String,
    contact_name: String,
    contact_phone: String,
) -> Result<(), AppError> {
    let form = plan_edits::NewParticipant { organisation_id, role, contact_name, contact_phone };
    run(|state, user, now| async move { plan_edits::add_participant(&state, &user, &event_id, form, now).await }).await
}

/// Changes a participant: its role (the organiser) and its lead contact (the organiser, or the
/// participant itself).
#[server(endpoint = "update_participant")]
pub async fn update_participant(
    event_id: String,
    id: String,
    version: String,
    role: String,
    contact_name: String,
    contact_phone: String,
    /// The prefect's L512-3 order lending a municipal police to this commune (organiser only).
    arrete_l512_3: Option<String>,
    /// A municipal police's pooling (L512-1) or intercommunal (L512-2) framework (organiser only).
    cadre_intercommunal: Option<String>,
    /// The organiser's people form an in-house security service, L612-25 (organiser only).
    service_interne_securite: Option<String>,
) -> Result<(), AppError> {
    let form = crate::domain::plan::input::ParticipantEditInput {
        role,
        contact_name,
        contact_phone,
        arrete_l512_3,
        cadre_intercommunal,
        service_interne_securite,
    };
    run(|state, user, now| async move {
        plan_edits::update_participant(&state, &user, &event_id, Edit { id, version, form }, now).await
    })
    .await
}

/// Removes a zone, post, need or participant (the organiser) or an agent or deployment (its
/// participant), at the version the page showed; refused while other records depend on it.
#[server(endpoint = "delete_record")]
pub async fn delete_record(event_id: String, id: String, version: String) -> Result<(), AppError> {
    run(|state, user, now| async move { plan_edits::remove_record(&state, &user, &event_id, &id, &version, now).await })
        .await
}
