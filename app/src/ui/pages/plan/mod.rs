//! An event's plan: its summary, the coverage, the table of deployments, and the forms to
//! add zones, needs, participants and deployments (each shown only to who may use it).

mod agents;
mod deployment_form;
mod event_form;
mod forms;
mod posts;
mod summary;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::agents::ImportAgentsCsv;
use crate::api::events::get_plan;
use crate::api::plan_edits::{AddParticipant, SaveDeployment, SaveNeed, SavePost, SaveZone, UpdateEvent};
use crate::api::plan_types::PlanPage;
use crate::text;
use crate::ui::components::error_view;
use agents::AgentsSection;
use deployment_form::DeploymentForm;
use event_form::EventForm;
use forms::{NeedForm, ParticipantForm, ZoneForm};
use posts::PostForm;
use summary::{CoverageSummary, EventSummaryBlock};

/// The actions of the page: each success reloads the plan.
#[derive(Clone, Copy)]
pub struct PlanActions {
    pub zone: ServerAction<SaveZone>,
    pub need: ServerAction<SaveNeed>,
    pub deployment: ServerAction<SaveDeployment>,
    pub participant: ServerAction<AddParticipant>,
    pub agents: ServerAction<ImportAgentsCsv>,
    pub event: ServerAction<UpdateEvent>,
    pub post: ServerAction<SavePost>,
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
        agents: ServerAction::new(),
        event: ServerAction::new(),
        post: ServerAction::new(),
    };
    let page = Resource::new(
        move || {
            (
                event_id(),
                actions.zone.version().get(),
                actions.need.version().get(),
                actions.deployment.version().get(),
                actions.participant.version().get(),
                actions.agents.version().get(),
                actions.event.version().get(),
                actions.post.version().get(),
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
        <Contents organiser may_deploy/>
        <super::plan_views::PlanViews page=page.get_value() selected/>
        {organiser.then(|| view! {
            <ZoneForm page=page.get_value() action=actions.zone/>
            <PostForm page=page.get_value() action=actions.post/>
            <NeedForm page=page.get_value() action=actions.need/>
        })}
        {may_deploy.then(|| view! {
            <DeploymentForm page=page.get_value() action=actions.deployment selected/>
            <AgentsSection page=page.get_value() import=actions.agents/>
        })}
        {organiser.then(|| view! {
            <ParticipantForm page=page.get_value() action=actions.participant/>
            <EventForm page=page.get_value() action=actions.event/>
        })}
    }
}

/// The page's table of contents (DSFR "sommaire"): the page is long for an organiser.
#[component]
fn Contents(organiser: bool, may_deploy: bool) -> impl IntoView {
    let mut entries = vec![("#titre-couverture", "Couverture des besoins"), ("#chronologie-titre", "Chronologie")];
    if organiser {
        entries.extend([("#titre-zone", "Zones et postes"), ("#titre-besoin", "Besoins")]);
    }
    if may_deploy {
        entries.extend([("#titre-deploiement", "Déploiements"), ("#titre-agents", "Agents")]);
    }
    if organiser {
        entries.extend([("#titre-participant", "Participants"), ("#titre-evenement", "L’événement")]);
    }
    view! {
        <nav class="fr-summary fr-mb-4w" aria-labelledby="titre-sommaire">
            <p class="fr-summary__title" id="titre-sommaire">"Sommaire"</p>
            <ol class="fr-summary__list">
                {entries.into_iter().map(|(href, label)| view! {
                    <li><a class="fr-summary__link" href=href>{label}</a></li>
                }).collect_view()}
            </ol>
        </nav>
    }
}
