//! A participant's deployment form: new, or the deployment picked in the timeline or the
//! table, prefilled with its values and the version it is based on; or new from a template
//! (« Dupliquer » a deployment, « Combler ce manque » of the coverage), prefilled but saved as
//! a new record.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_edits::SaveDeployment;
use crate::api::plan_types::PlanPage;
use crate::domain::plan::{Deployment, MissionCategory, Visibility};
use crate::domain::time::format_input_local;
use crate::text;
use crate::ui::components::{field_error, form_error, ErrorAlert, SelectField, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

use super::forms::ZoneSelect;
use super::posts::PostSelect;
use super::remove::{remove_button, Removing};
use super::window_fields::WindowFields;

#[component]
pub fn DeploymentForm(
    page: SharedPage,
    action: FormAction<SaveDeployment>,
    selected: RwSignal<Option<String>>,
    template: RwSignal<Option<Deployment>>,
    removing: Removing,
) -> impl IntoView {
    let page = StoredValue::new(page);
    let saved =
        Signal::derive(move || matches!(action.value().get(), Some(Ok(_))).then(|| text::SAVED_DEPLOYMENT.to_string()));
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-deploiement" id="formulaire-deploiement">
            {move || {
                let editing: Option<Deployment> = selected.get().and_then(|id| page.with_value(|p| p.plan.deployments.iter().find(|d| d.id() == id).cloned()));
                // A template fills a new deployment; a deployment picked in the timeline wins.
                let from_template = editing.is_none().then(|| template.get()).flatten();
                let title = if editing.is_some() { "Modifier le déploiement" } else { "Ajouter un déploiement" };
                let copy = editing.clone();
                view! {
                    <h2 id="titre-deploiement" class="fr-h4">{title}</h2>
                    {(editing.is_some() || from_template.is_some()).then(|| view! {
                        <ul class="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                            <li><button type="button" class="fr-btn fr-btn--tertiary" id="nouveau-deploiement"
                                on:click=move |_| { selected.set(None); template.set(None); }>"Nouveau déploiement"</button></li>
                            {copy.map(|d| view! {
                                <li><button type="button" class="fr-btn fr-btn--secondary fr-icon-file-copy-line fr-btn--icon-left" id="dupliquer-deploiement"
                                    on:click=move |_| { template.set(Some(d.clone())); selected.set(None); focus_form(); }>{text::DEPLOYMENT_DUPLICATE}</button></li>
                            })}
                        </ul>
                    })}
                    {from_template.is_some().then(|| view! {
                        <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="modele-deploiement"><p>{text::DEPLOYMENT_FROM_TEMPLATE}</p></div>
                    })}
                    <SuccessAlert message=saved/>
                    <ErrorAlert message=form_error(action)/>
                    {page.with_value(|p| match (&editing, from_template) {
                        (Some(d), _) => form(p, action, Some(d.clone()), true),
                        (None, Some(t)) => form(p, action, Some(t), false),
                        (None, None) => form(p, action, None, false),
                    })}
                    {editing.map(|d| {
                        let what = format!("le déploiement « {} »", d.mission());
                        view! {
                            <div class="fr-mt-2w">
                                {page.with_value(|p| remove_button(p, d.id(), what, removing))}
                            </div>
                        }
                    })}
                }
            }}
        </section>
    }
}

/// Brings the deployment form into view with its first field focused (after the form redraws).
pub fn focus_form() {
    #[cfg(feature = "hydrate")]
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        if let Some(form) = document().get_element_by_id("formulaire-deploiement") {
            form.scroll_into_view();
        }
        if let Some(field) = document()
            .get_element_by_id("champ-deploiement-zone_id")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = field.focus();
        }
    });
}

/// The form, filled with `values` when given: the record itself when `existing` (its id and
/// version are sent), else a template for a new one.
fn form(page: &PlanPage, action: FormAction<SaveDeployment>, values: Option<Deployment>, existing: bool) -> AnyView {
    let editing = values;
    let zone = page.plan.event.time_zone();
    let zones: Vec<(String, String)> =
        page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect();
    let mine: Vec<(String, String, bool)> = page
        .plan
        .participants
        .iter()
        .filter(|p| page.access.own_participant_ids.iter().any(|o| o == p.id()))
        .map(|p| (p.id().to_string(), p.name().to_string(), page.access.may_restrict(p.id())))
        .collect();
    let may_restrict = mine.iter().any(|(_, _, r)| *r);
    let categories: Vec<(&'static str, &'static str)> =
        MissionCategory::ALL.iter().map(|c| (c.code(), c.label())).collect();
    let (id, version) = match &editing {
        Some(d) if existing => {
            (d.id().to_string(), page.versions.get(d.id()).map(|v| v.to_string()).unwrap_or_default())
        }
        _ => (String::new(), String::new()),
    };
    let value = |f: &dyn Fn(&Deployment) -> String| editing.as_ref().map(f);
    let start = value(&|d| format_input_local(d.window().start(), zone));
    let end = value(&|d| format_input_local(d.window().end(), zone));
    let headcount = value(&|d| d.headcount().to_string());
    let mission = value(&|d| d.mission().to_string());
    let radio = value(&|d| d.radio().unwrap_or_default().to_string());
    let restricted = editing.as_ref().is_some_and(|d| d.visibility() == Visibility::Restricted);
    let selected_zone = editing.as_ref().map(|d| d.zone_id().to_string());
    let selected_post = editing.as_ref().and_then(|d| d.post_id().map(str::to_string)).unwrap_or_default();
    let posts = super::posts::post_options(page);
    let named: Vec<String> = editing.as_ref().map(|d| d.agent_ids().to_vec()).unwrap_or_default();
    let agents: Vec<(String, String, bool)> = page
        .plan
        .agents
        .iter()
        .filter(|a| page.access.own_participant_ids.iter().any(|p| p == a.participant_id()))
        .map(|a| {
            let quals = a.qualifications().iter().map(|q| q.label()).collect::<Vec<_>>().join(", ");
            (a.id().to_string(), format!("{} — {quals}", a.display_name()), named.iter().any(|n| n == a.id()))
        })
        .collect();
    let selected_category = editing.as_ref().map(|d| d.category().code().to_string()).unwrap_or_default();
    let event_id = page.plan.event.id().to_string();
    // The compliance preview: the server checks the form as it stands a quarter of a second
    // after the last change (the rules live there only); an answer to an older form is dropped.
    let preview = RwSignal::new(None::<Vec<crate::domain::compliance::Finding>>);
    let asked = StoredValue::new(0u32);
    let preview_event = event_id.clone();
    // A form being replaced by the page's redraw after a save can still see an input event:
    // its values are gone by then, and the event is ignored.
    let recheck = move |ev: leptos::ev::Event| {
        let Some(values) = super::preview::form_values(&ev) else { return };
        let Ok(form) = serde_json::to_string(&values) else { return };
        let Some(n) = asked.try_update_value(|n| {
            *n += 1;
            *n
        }) else {
            return;
        };
        let event_id = preview_event.clone();
        let current = move || asked.try_get_value() == Some(n);
        set_timeout(
            move || {
                if !current() {
                    return;
                }
                leptos::task::spawn_local(async move {
                    let fields = [("event_id", event_id), ("form", form)];
                    let asked = crate::ui::components::fetch::<crate::api::plan_edits::PreviewDeployment>(&fields);
                    if let Ok(found) = asked.await {
                        if current() {
                            preview.try_set(found);
                        }
                    }
                });
            },
            std::time::Duration::from_millis(250),
        );
    };
    // The form's input events reach the preview by bubbling to this wrapper: listeners set on
    // a component (`ActionForm`) are not attached once components are erased.
    view! {
        <div on:input=recheck.clone() on:change=recheck>
        <ServerForm action>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <div class="fr-select-group">
                <label class="fr-label" for="champ-deploiement-participant_id">"Organisation déployée"</label>
                <select class="fr-select" id="champ-deploiement-participant_id" name="participant_id">
                    {crate::ui::components::options(mine.into_iter().map(|(id, name, _)| (id, name)).collect())}
                </select>
                {move || field_error(action, "participant_id").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
            </div>
            <ZoneSelect form="deploiement" zones error=field_error(action, "zone_id") selected=selected_zone.unwrap_or_default()/>
            <PostSelect options=posts form="deploiement" selected=selected_post error=field_error(action, "post_id")/>
            <WindowFields form="deploiement" start=start.unwrap_or_default() end=end.unwrap_or_default() start_error=field_error(action, "start") end_error=field_error(action, "end")/>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-4">
                    <TextField form="deploiement" name="headcount" label="Effectif" kind="number" value=headcount.unwrap_or_default() error=field_error(action, "headcount")/>
                </div>
                <div class="fr-col-12 fr-col-md-8">
                    <SelectField form="deploiement" name="category" label="Catégorie de mission" options=categories error=field_error(action, "category") selected=selected_category/>
                </div>
            </div>
            <TextField form="deploiement" name="mission" label="Mission" required=true value=mission.unwrap_or_default() error=field_error(action, "mission")/>
            <TextField form="deploiement" name="radio" label="Canal radio ou téléphone (facultatif)" value=radio.unwrap_or_default() error=field_error(action, "radio")/>
            <NamedAgents agents=agents error=field_error(action, "agent_ids")/>
            {may_restrict.then(|| view! {
                <div class="fr-checkbox-group fr-mb-3w">
                    <input type="checkbox" id="champ-deploiement-restricted" name="restricted" value="oui" checked=restricted/>
                    <label class="fr-label" for="champ-deploiement-restricted">"Diffusion restreinte (forces de l’État et préfecture seulement)"</label>
                </div>
            })}
            <super::preview::CompliancePreview findings=preview/>
            <button type="submit" class="fr-btn" id="enregistrer-deploiement">"Enregistrer le déploiement"</button>
        </ServerForm>
        </div>
    }
    .into_any()
}

/// Checkboxes of my organisation's agents, to name who is deployed. Sent as `agent_ids[]`.
#[component]
fn NamedAgents(agents: Vec<(String, String, bool)>, #[prop(into)] error: Signal<Option<String>>) -> impl IntoView {
    if agents.is_empty() {
        return view! {
            <p class="fr-hint-text">"Pour nommer les agents déployés, importez d’abord vos agents (section « Agents »)."</p>
        }
        .into_any();
    }
    view! {
        <fieldset class="fr-fieldset" class:fr-fieldset--error=move || error.get().is_some() aria-labelledby="legende-agents">
            <legend class="fr-fieldset__legend" id="legende-agents">
                "Agents nommés (facultatif)"
                <span class="fr-hint-text">"L’effectif compté est le plus grand de l’effectif saisi et du nombre d’agents nommés. Un besoin qui exige une qualification ne compte que les agents nommés qui l’ont."</span>
            </legend>
            <div class="cordon-agents-list">
                {agents.into_iter().enumerate().map(|(i, (id, label, checked))| {
                    let input_id = format!("agent-{i}");
                    view! {
                        <div class="fr-fieldset__element">
                            <div class="fr-checkbox-group fr-checkbox-group--sm">
                                <input type="checkbox" id=input_id.clone() name="agent_ids[]" value=id checked=checked/>
                                <label class="fr-label" for=input_id>{label}</label>
                            </div>
                        </div>
                    }
                }).collect_view()}
            </div>
            {move || error.get().map(|m| view! { <p class="fr-message fr-message--error">{m}</p> })}
        </fieldset>
    }
    .into_any()
}
