//! Events: the list I may see, creating one, reading a plan with its coverage.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::plan_types::{EventSummary, OrganiserChoice, PlanPage};
use crate::error::AppError;

/// Events of my organisations, and for a prefecture those of its department.
#[server(endpoint = "list_events")]
pub async fn list_events() -> Result<Vec<EventSummary>, AppError> {
    use super::context::respond;
    respond(server::list().await)
}

/// The organiser organisations I belong to (to create an event with).
#[server(endpoint = "list_organiser_choices")]
pub async fn list_organiser_choices() -> Result<Vec<OrganiserChoice>, AppError> {
    use super::context::respond;
    respond(server::organiser_choices().await)
}

/// Creates an event organised by one of my organiser organisations. Returns its id.
#[server(endpoint = "create_event")]
pub async fn create_event(
    organisation_id: String,
    name: String,
    kind: String,
    commune_code: String,
    address: String,
    start: String,
    end: String,
    expected_attendance: String,
    behaviour: String,
    perimetre_l226_1: Option<String>,
    arrete_palpation_l613_2: Option<String>,
    autorisation_voie_publique_l613_1: Option<String>,
    convention_coordination_en_vigueur: Option<String>,
) -> Result<String, AppError> {
    use super::context::respond;
    respond(
        server::create(server::NewEvent {
            organisation_id,
            name,
            kind,
            commune_code,
            address,
            start,
            end,
            expected_attendance,
            behaviour,
            legal: [
                perimetre_l226_1,
                arrete_palpation_l613_2,
                autorisation_voie_publique_l613_1,
                convention_coordination_en_vigueur,
            ],
        })
        .await,
    )
}

/// An event's plan as I may read it, with its coverage computed here (the authority).
#[server(endpoint = "get_plan")]
pub async fn get_plan(event_id: String) -> Result<PlanPage, AppError> {
    use super::context::respond;
    respond(server::plan(event_id).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::{EventSummary, OrganiserChoice, PlanPage};
    use crate::api::context::{now, require_user, state};
    use crate::api::plan_context::{choice, local_window, number, plan_with_access, refused, ticked};
    use crate::domain::geo::CommuneCode;
    use crate::domain::plan::{
        Event, EventDraft, EventKind, LegalContext, Participant, ParticipantDraft, ParticipantRole, PublicBehaviour,
    };
    use crate::domain::time::format_long_fr;
    use crate::domain::OrganisationKind;
    use crate::error::AppError;
    use crate::store::{self, plans};
    use crate::text;

    pub async fn list() -> Result<Vec<EventSummary>, AppError> {
        let user = require_user().await?;
        let state = state()?;
        let viewer = plans::viewer_of(&state.db, &user.id).await?;
        let rows = plans::list_events(&state.db, &viewer).await?;
        rows.into_iter()
            .map(|row| {
                let event: Event = plans::decode(&row.data)?;
                let zone = event.time_zone();
                Ok(EventSummary {
                    id: row.id,
                    name: row.name,
                    kind: event.kind().label().to_string(),
                    commune: event.commune_name().to_string(),
                    department: row.department,
                    starts: format_long_fr(row.starts_at, zone),
                    ends: format_long_fr(row.ends_at, zone),
                })
            })
            .collect::<Result<_, sqlx::Error>>()
            .map_err(AppError::from)
    }

    pub async fn organiser_choices() -> Result<Vec<OrganiserChoice>, AppError> {
        let user = require_user().await?;
        let mine = store::organisations::list_for_user(&state()?.db, &user.id).await?;
        Ok(mine
            .into_iter()
            .filter(|m| m.organisation.kind == OrganisationKind::Organisateur)
            .map(|m| OrganiserChoice { id: m.organisation.id, name: m.organisation.name })
            .collect())
    }

    pub struct NewEvent {
        pub organisation_id: String,
        pub name: String,
        pub kind: String,
        pub commune_code: String,
        pub address: String,
        pub start: String,
        pub end: String,
        pub expected_attendance: String,
        pub behaviour: String,
        pub legal: [Option<String>; 4],
    }

    pub async fn create(form: NewEvent) -> Result<String, AppError> {
        let user = require_user().await?;
        let state = state()?;
        let organisation = store::organisations::get(&state.db, &form.organisation_id).await?;
        let is_member = store::organisations::membership(&state.db, &user.id, &form.organisation_id).await?.is_some();
        let organisation = match organisation {
            Some(o) if is_member && o.kind == OrganisationKind::Organisateur => o,
            _ => return Err(AppError::invalid("organisation_id", text::NOT_AN_ORGANISER)),
        };
        let commune = match CommuneCode::parse(&form.commune_code) {
            None => return Err(AppError::invalid("commune_code", text::COMMUNE_INVALID)),
            Some(code) => state
                .communes
                .find(code.as_str())
                .ok_or_else(|| AppError::invalid("commune_code", text::COMMUNE_UNKNOWN))?,
        };
        let zone = crate::domain::plan::default_time_zone(&commune.department);
        let draft = EventDraft {
            id: crate::store::new_id(),
            name: form.name,
            kind: choice(&form.kind, "kind", EventKind::from_code)?,
            commune_code: commune.code.as_str().to_string(),
            commune_name: commune.name.clone(),
            address: form.address,
            time_zone: None,
            window: local_window(zone, &form.start, &form.end)?,
            setup: None,
            teardown: None,
            expected_attendance: number(&form.expected_attendance, "expected_attendance")?,
            behaviour: choice(&form.behaviour, "behaviour", PublicBehaviour::from_code)?,
            legal: LegalContext {
                perimetre_l226_1: ticked(&form.legal[0]),
                arrete_palpation_l613_2: ticked(&form.legal[1]),
                autorisation_voie_publique_l613_1: ticked(&form.legal[2]),
                convention_coordination_en_vigueur: ticked(&form.legal[3]),
            },
        };
        let event = Event::new(draft).map_err(refused("name"))?;
        let organiser = Participant::new(ParticipantDraft {
            id: crate::store::new_id(),
            organisation_id: organisation.id.clone(),
            name: organisation.name.clone(),
            role: ParticipantRole::Organisateur,
            contact_name: Some(user.name.clone()),
            contact_phone: None,
        })
        .map_err(|_| AppError::Internal)?;
        plans::create_event(&state.db, &event, &organisation.id, &organiser, now()).await?;
        tracing::info!(event = %event.id(), by = %user.id, "event created");
        leptos_axum::redirect(&format!("/evenements/{}", event.id()));
        Ok(event.id().to_string())
    }

    pub async fn plan(event_id: String) -> Result<PlanPage, AppError> {
        let (_, _, stored, access) = plan_with_access(&event_id).await?;
        let plan = stored.plan.for_audience(access.audience);
        let coverage = plan.coverage();
        let mut versions = stored.versions;
        versions.retain(|id, _| {
            plan.deployments.iter().any(|d| d.id() == id)
                || plan.zones.iter().any(|z| z.id() == id)
                || plan.needs.iter().any(|n| n.id() == id)
                || plan.posts.iter().any(|p| p.id() == id)
                || plan.participants.iter().any(|p| p.id() == id)
                || plan.agents.iter().any(|a| a.id() == id)
        });
        let time_zone = plan.event.time_zone().name().to_string();
        Ok(PlanPage {
            plan,
            coverage,
            organiser: access.organiser,
            own_participant_ids: access.own_participant_ids,
            event_version: stored.event_version,
            versions,
            time_zone,
        })
    }
}
