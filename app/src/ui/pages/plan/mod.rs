//! An event's plan: its summary, the coverage, the table of deployments, and the forms to
//! add zones, needs, participants and deployments (each shown only to who may use it).

mod agents;
mod compliance;
mod deployment_form;
mod event_form;
mod forms;
mod in_place;
mod mine;
mod next_edition;
mod orders;
mod posts;
mod preview;
mod proposal;
mod publication;
mod remove;
mod summary;
pub(crate) mod window_fields;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::agents::{ImportAgentsCsv, SaveAgent};
use crate::api::plan_edits::{
    AddParticipant, ConfirmDeployments, SaveDeployment, SaveNeed, SavePost, SaveZone, UpdateEvent, UpdateParticipant,
};
use crate::api::plan_types::PlanPage;
use crate::api::releases::PublishRelease;
use crate::api::schedule::AcceptSchedule;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::error_view;
use crate::ui::components::FormAction;
use crate::ui::pages::plan_views;
use agents::AgentsSection;
use compliance::CompliancePanel;
use deployment_form::DeploymentForm;
use event_form::EventForm;
use forms::{NeedForm, ParticipantForm, ParticipantsList, ZoneForm};
use in_place::InPlace;
use posts::PostForm;
use remove::Removing;
use summary::{CoverageSummary, EventSummaryBlock};

/// The page's plan as every section reads it: one copy, shared (a city festival's plan is
/// thousands of deployments, and the page has about twenty sections).
pub type SharedPage = std::sync::Arc<PlanPage>;

/// The actions of the page: each success reloads the plan.
#[derive(Clone, Copy)]
pub struct PlanActions {
    pub zone: FormAction<SaveZone>,
    pub need: FormAction<SaveNeed>,
    pub deployment: FormAction<SaveDeployment>,
    pub participant: FormAction<AddParticipant>,
    pub agents: FormAction<ImportAgentsCsv>,
    pub event: FormAction<UpdateEvent>,
    pub post: FormAction<SavePost>,
    pub removing: Removing,
    pub agent: FormAction<SaveAgent>,
    pub participant_update: FormAction<UpdateParticipant>,
    pub publish: FormAction<PublishRelease>,
    pub accept_schedule: FormAction<AcceptSchedule>,
    pub add_order: FormAction<crate::api::plan_edits::AddOrder>,
    pub remove_order: FormAction<crate::api::plan_edits::RemoveOrder>,
    pub next_edition: FormAction<crate::api::events::NextEdition>,
    pub confirm: FormAction<ConfirmDeployments>,
}

#[component]
pub fn PlanPageView() -> impl IntoView {
    let params = use_params_map();
    let event_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let actions = PlanActions {
        zone: FormAction::new(),
        need: FormAction::new(),
        deployment: FormAction::new(),
        participant: FormAction::new(),
        agents: FormAction::new(),
        event: FormAction::new(),
        post: FormAction::new(),
        removing: Removing::new(),
        agent: FormAction::new(),
        participant_update: FormAction::new(),
        publish: FormAction::new(),
        accept_schedule: FormAction::new(),
        add_order: FormAction::new(),
        remove_order: FormAction::new(),
        next_edition: FormAction::new(),
        confirm: FormAction::new(),
    };
    // The plan is read again after a successful save only (a refused one leaves every form as
    // the person typed it, with the message beside the field), and redrawn in place.
    let reload = RwSignal::new(0u32);
    let in_place = InPlace::new();
    // A saved deployment shows at once, from the server's answer (`plan_views`); the plan is
    // still read again for what follows from it (coverage, findings, changes to publish).
    let saves: plan_views::Saves = RwSignal::new(Vec::new());
    let on_success = |what| OnSuccess { reload, in_place, what };
    on_success(text::SAVED_ZONE).watch(actions.zone);
    on_success(text::SAVED_NEED).watch(actions.need);
    on_success(text::SAVED_DEPLOYMENT).watch_saved(actions.deployment, saves);
    on_success(text::SAVED_PARTICIPANT).watch(actions.participant);
    on_success(text::SAVED_AGENTS).watch(actions.agents);
    on_success(text::SAVED_EVENT).watch(actions.event);
    on_success(text::SAVED_POST).watch(actions.post);
    on_success(text::SAVED_REMOVAL).watch(actions.removing.action);
    on_success(text::SAVED_AGENT).watch(actions.agent);
    on_success(text::SAVED_PARTICIPANT).watch(actions.participant_update);
    on_success(text::SAVED_RELEASE).watch(actions.publish);
    on_success(text::SAVED_SCHEDULE).watch(actions.accept_schedule);
    on_success(text::ORDER_ADDED).watch(actions.add_order);
    on_success(text::SAVED_REMOVAL).watch(actions.remove_order);
    on_success(text::SAVED_CONFIRMATION).watch(actions.confirm);
    // Each read of the plan says which it is (the `reload` count it was read for).
    let page = crate::ui::codec::load(
        move || (event_id(), reload.get()),
        |(id, read)| async move { call!(crate::api::events::GetPlan { event_id: id }).await.map(|page| (read, page)) },
    );
    // Every resource of the page is created here, before anything suspends (see the dashboard).
    let publication = publication::Publication::new(event_id, reload);
    // A `Transition`, not a `Suspense`: while the saved plan is read, the page stays as it is.
    view! {
        <in_place::SaveAnnouncer in_place/>
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok((read_at, page)) => view! { <Plan page actions in_place publication saves read_at/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn Plan(
    page: PlanPage,
    actions: PlanActions,
    in_place: InPlace,
    publication: publication::Publication,
    saves: plan_views::Saves,
    read_at: u32,
) -> impl IntoView {
    // Once redrawn after a save, the page puts the person back where they were.
    Effect::new(move |_| in_place.restore());
    let name = page.plan.event.name().to_string();
    let page = StoredValue::new(SharedPage::new(page));
    let selected = RwSignal::new(None::<String>);
    // A new deployment's prefilled values (« Combler ce manque », « Dupliquer »).
    let template = RwSignal::new(None::<crate::domain::plan::Deployment>);
    let may_deploy = page.with_value(|p| !p.access.own_participant_ids.is_empty());
    let organiser = page.with_value(|p| p.access.organiser);
    let schedules = page.with_value(|p| {
        p.plan.participants.iter().any(|participant| {
            p.access.own_participant_ids.iter().any(|o| o == participant.id())
                && matches!(
                    participant.role(),
                    crate::domain::plan::ParticipantRole::SecuritePrivee
                        | crate::domain::plan::ParticipantRole::PoliceMunicipale
                )
        })
    });
    view! {
        <Title text=name.clone()/>
        <h1>{name}</h1>
        {page.with_value(|p| p.edition_of.clone()).map(|source| view! {
            <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="edition-brouillon">
                <p>{text::next_edition_note(&source)}</p>
            </div>
        })}
        <ToConfirm page=page.get_value() action=actions.confirm/>
        <p class="fr-mb-3w">
            <a class="fr-link fr-icon-file-text-line fr-link--icon-left" href=page.with_value(|p| format!("/evenements/{}/convention", p.plan.event.id()))>
                {crate::text::DOSSIER_TITLE}
            </a>
            " "
            <a class="fr-link fr-icon-survey-line fr-link--icon-left fr-ml-3w" id="lien-evaluation" href=page.with_value(|p| format!("/evenements/{}/evaluation", p.plan.event.id()))>
                {crate::text::EVALUATION_LINK}
            </a>
            " "
            <a class="fr-link fr-icon-warning-line fr-link--icon-left fr-ml-3w" id="lien-operations" href=page.with_value(|p| format!("/evenements/{}/operations", p.plan.event.id()))>
                {crate::text::OPERATIONS_LINK}
            </a>
        </p>
        <Contents organiser may_deploy schedules/>
        <EventSummaryBlock page=page.get_value()/>
        {(may_deploy && !organiser).then(|| view! { <mine::MyDeployments page=page.get_value()/> })}
        <CoverageSummary page=page.get_value() fill=may_deploy.then_some((template, selected))/>
        <CompliancePanel page=page.get_value()/>
        <plan_views::PlanViews page=page.get_value() selected saves read_at/>
        <publication::PublicationSection event_id=page.with_value(|p| p.plan.event.id().to_string()) publish=actions.publish publication/>
        {organiser.then(|| view! {
            <ZoneForm page=page.get_value() action=actions.zone removing=actions.removing/>
            <PostForm page=page.get_value() action=actions.post removing=actions.removing/>
            <NeedForm page=page.get_value() action=actions.need removing=actions.removing/>
        })}
        {may_deploy.then(|| view! {
            <DeploymentForm page=page.get_value() action=actions.deployment selected template removing=actions.removing/>
            <proposal::ProposalSection page=page.get_value() accept=actions.accept_schedule/>
            <AgentsSection page=page.get_value() import=actions.agents save=actions.agent removing=actions.removing/>
        })}
        {(organiser || may_deploy).then(|| view! {
            <ParticipantsList page=page.get_value() action=actions.participant_update removing=actions.removing/>
        })}
        {organiser.then(|| view! {
            <ParticipantForm page=page.get_value() action=actions.participant/>
            <EventForm page=page.get_value() action=actions.event/>
            <orders::OrdersSection page=page.get_value() add=actions.add_order remove=actions.remove_order/>
            <next_edition::NextEditionSection page=page.get_value() action=actions.next_edition/>
        })}
    }
}

/// What a successful save does: note where the person is, announce `what`, read the plan again.
/// The reader's own deployments a next edition took from the last one and that are still to
/// confirm: how many, and the button that confirms them all.
#[component]
fn ToConfirm(page: SharedPage, action: FormAction<ConfirmDeployments>) -> impl IntoView {
    use crate::ui::components::submit_to;
    use server_fn::ServerFn;
    let mine = page
        .plan
        .deployments
        .iter()
        .filter(|d| page.to_confirm.iter().any(|id| id == d.id()) && page.access.edits_participant(d.participant_id()))
        .count();
    let event_id = page.plan.event.id().to_string();
    (mine > 0).then(|| {
        view! {
            <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-3w" id="deploiements-a-confirmer">
                <p>{text::deployments_to_confirm(mine)}</p>
                <crate::ui::components::ErrorAlert message=crate::ui::components::form_error(action)/>
                <form method="post" action=ConfirmDeployments::url() on:submit=submit_to(action)>
                    <input type="hidden" name="event_id" value=event_id/>
                    <button type="submit" class="fr-btn fr-btn--sm fr-mt-1w">{text::confirm_deployments_button(mine)}</button>
                </form>
            </div>
        }
    })
}

#[derive(Clone, Copy)]
struct OnSuccess {
    reload: RwSignal<u32>,
    in_place: InPlace,
    what: &'static str,
}

impl OnSuccess {
    fn watch<I, O>(self, action: FormAction<I>)
    where
        I: server_fn::ServerFn<Output = O, Error = crate::error::AppError> + Clone + Send + Sync + 'static,
        O: Clone + Send + Sync + 'static,
    {
        Effect::new(move |_| {
            if matches!(action.value().get(), Some(Ok(_))) {
                self.in_place.remember(self.what);
                self.reload.update(|n| *n += 1);
            }
        });
    }

    /// [`Self::watch`] for the deployment form: the deployment the server answers is shown at
    /// once, marked with the read of the plan that will include it.
    fn watch_saved(self, action: FormAction<SaveDeployment>, saves: plan_views::Saves) {
        Effect::new(move |_| {
            let Some(Ok(saved)) = action.value().get() else { return };
            self.in_place.remember(self.what);
            let read = self.reload.get_untracked() + 1;
            saves.update(|saves| saves.push((read, saved)));
            // The saved deployment is drawn first, the plan read again after that frame.
            let reload = self.reload;
            request_animation_frame(move || reload.set(read));
        });
    }
}

/// The page's sections (DSFR "sommaire"): on a large screen a bar that stays at the top while
/// the page scrolls, so that every section — the timeline first of all — is one click away.
#[component]
fn Contents(organiser: bool, may_deploy: bool, schedules: bool) -> impl IntoView {
    let mut entries = Vec::new();
    if may_deploy && !organiser {
        entries.push(("#titre-mes-deploiements", "Mes déploiements"));
    }
    entries.extend([
        ("#titre-couverture", "Couverture des besoins"),
        ("#titre-conformite", "Conformité"),
        ("#chronologie-titre", "Chronologie"),
        ("#titre-publication", "Publication et abonnements"),
    ]);
    if organiser {
        entries.extend([("#titre-zone", "Zones et postes"), ("#titre-besoin", "Besoins")]);
    }
    if may_deploy {
        entries.push(("#titre-deploiement", "Déploiements"));
    }
    if schedules {
        entries.push(("#titre-planning", "Proposer un planning"));
    }
    if may_deploy {
        entries.push(("#titre-agents", "Agents"));
    }
    if organiser || may_deploy {
        entries.push(("#titre-participant", "Participants"));
    }
    if organiser {
        entries.push(("#titre-evenement", "L’événement"));
        entries.push(("#titre-arretes", "Arrêtés préfectoraux"));
        entries.push(("#titre-reconduire", "Reconduire"));
    }
    view! {
        <nav class="fr-summary cordon-sections fr-mb-4w" aria-labelledby="titre-sommaire" id="sommaire-plan">
            <p class="fr-summary__title" id="titre-sommaire">"Sommaire"</p>
            <ol class="fr-summary__list">
                {entries.into_iter().map(|(href, label)| view! {
                    <li><a class="fr-summary__link" href=href>{label}</a></li>
                }).collect_view()}
            </ol>
        </nav>
    }
}
