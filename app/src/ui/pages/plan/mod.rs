//! An event's plan: its summary, the coverage, the table of deployments, and the forms to
//! add zones, needs, participants and deployments (each shown only to who may use it).

mod deployment_form;
mod forms;
mod summary;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::events::get_plan;
use crate::api::plan_edits::{AddParticipant, SaveDeployment, SaveNeed, SaveZone};
use crate::api::plan_types::PlanPage;
use crate::text;
use crate::ui::components::error_view;
use deployment_form::DeploymentForm;
use forms::{NeedForm, ParticipantForm, ZoneForm};
use summary::{CoverageSummary, EventSummaryBlock};

/// The actions of the page: each success reloads the plan.
#[derive(Clone, Copy)]
pub struct PlanActions {
    pub zone: ServerAction<SaveZone>,
    pub need: ServerAction<SaveNeed>,
    pub deployment: ServerAction<SaveDeployment>,
    pub participant: ServerAction<AddParticipant>,
}

#[component]
pub fn PlanPageView() -> impl IntoView {
    let params = use_params_map();
    let event_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let actions = PlanActions {
        zone: ServerAction::new(),
        need: ServerAction::new(),
        deployment: ServerAction::new(),
        participant: ServerAction::new(),
    };
    let page = Resource::new(
        move || {
            (
                event_id(),
                actions.zone.version().get(),
                actions.need.version().get(),
                actions.deployment.version().get(),
                actions.participant.version().get(),
            )
        },
        |(id, ..)| get_plan(id),
    );
    view! {
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Plan page actions/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Plan(page: PlanPage, actions: PlanActions) -> impl IntoView {
    let name = page.plan.event.name().to_string();
    let page = StoredValue::new(page);
    let selected = RwSignal::new(None::<String>);
    let may_deploy = page.with_value(|p| !p.own_participant_ids.is_empty());
    let organiser = page.with_value(|p| p.organiser);
    view! {
        <Title text=name.clone()/>
        <h1>{name}</h1>
        <EventSummaryBlock page=page.get_value()/>
        <CoverageSummary page=page.get_value()/>
        <super::plan_views::PlanViews page=page.get_value() selected/>
        {may_deploy.then(|| view! { <DeploymentForm page=page.get_value() action=actions.deployment selected/> })}
        {organiser.then(|| view! {
            <ZoneForm page=page.get_value() action=actions.zone/>
            <NeedForm page=page.get_value() action=actions.need/>
            <ParticipantForm page=page.get_value() action=actions.participant/>
        })}
    }
}
