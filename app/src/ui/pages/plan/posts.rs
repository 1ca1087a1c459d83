//! Posts: named positions inside a zone ("Portique 3" in "Entrée Nord"). The organiser adds
//! them; needs and deployments may name one.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_edits::SavePost;
use crate::api::plan_types::PlanPage;
use crate::ui::components::{field_error, field_id, form_error, reset_on_success, ErrorAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

use super::forms::ZoneSelect;
use super::remove::{remove_button, Removing};
use crate::domain::plan::Post;

/// "Entrée Nord — Portique 3" for every post, zone first.
pub fn post_options(page: &PlanPage) -> Vec<(String, String)> {
    let mut options: Vec<(String, String)> = page
        .plan
        .posts
        .iter()
        .map(|p| {
            let zone = page.plan.zones.iter().find(|z| z.id() == p.zone_id()).map(|z| z.name()).unwrap_or_default();
            (p.id().to_string(), format!("{zone} — {}", p.name()))
        })
        .collect();
    options.sort_by(|a, b| a.1.cmp(&b.1));
    options
}

/// An optional post; blank means the zone as a whole.
#[component]
pub fn PostSelect(
    /// The event's posts ([`post_options`]).
    options: Vec<(String, String)>,
    form: &'static str,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] selected: Option<String>,
) -> impl IntoView {
    let id = field_id(Some(form), "post_id");
    view! {
        <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id.clone()>
                "Poste (facultatif)"
                <span class="fr-hint-text">"Le poste doit appartenir à la zone choisie."</span>
            </label>
            <select class="fr-select" id=id name="post_id">
                <option value="">"Toute la zone"</option>
                {options.into_iter().map(|(value, label)| {
                    let is_selected = selected.as_deref() == Some(value.as_str());
                    view! { <option value=value selected=is_selected>{label}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
        </div>
    }
}

#[component]
pub fn PostForm(page: SharedPage, action: FormAction<SavePost>, removing: Removing) -> impl IntoView {
    let page = StoredValue::new(page);
    let selected = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            selected.set(None);
        }
    });
    let existing = page.with_value(|p| post_options(p));
    view! {
        <section class="fr-mt-4w" aria-labelledby="titre-poste">
            <h3 id="titre-poste" class="fr-h6">"Postes"</h3>
            {if existing.is_empty() {
                view! { <p>"Aucun poste : les besoins et les déploiements portent sur des zones entières."</p> }.into_any()
            } else {
                view! {
                    <div class="fr-table fr-table--no-caption">
                        <table>
                            <caption>"Postes"</caption>
                            <thead><tr><th scope="col">"Zone — poste"</th><th scope="col">"Action"</th></tr></thead>
                            <tbody>
                                {existing.into_iter().map(|(id, label)| view! {
                                    <tr>
                                        <td>{label.clone()}</td>
                                        <td class="cordon-actions">
                                            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                                aria-label=format!("Modifier le poste {label}")
                                                on:click={let id = id.clone(); move |_| selected.set(Some(id.clone()))}>"Modifier"</button>
                                            {page.with_value(|p| remove_button(p, &id, format!("le poste {label}"), removing))}
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
            <ErrorAlert message=form_error(action)/>
            {move || {
                let editing = selected.get().and_then(|id| page.with_value(|p| p.plan.posts.iter().find(|x| x.id() == id).cloned()));
                page.with_value(|p| post_form(p, action, editing, selected))
            }}
        </section>
    }
}

fn post_form(
    page: &PlanPage,
    action: FormAction<SavePost>,
    editing: Option<Post>,
    selected: RwSignal<Option<String>>,
) -> AnyView {
    let zones: Vec<(String, String)> =
        page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect();
    let (id, version) = match &editing {
        Some(p) => (p.id().to_string(), page.versions.get(p.id()).map(|v| v.to_string()).unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    let zone = editing.as_ref().map(|p| p.zone_id().to_string()).unwrap_or_default();
    let name = editing.as_ref().map(|p| p.name().to_string()).unwrap_or_default();
    let is_edit = editing.is_some();
    let event_id = page.plan.event.id().to_string();
    view! {
        {is_edit.then(|| view! {
            <h4 class="fr-h6">"Modifier le poste"</h4>
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w" on:click=move |_| selected.set(None)>"Nouveau poste"</button>
        })}
        <ServerForm action node_ref=reset_on_success(action)>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6"><ZoneSelect form="poste" zones selected=zone error=field_error(action, "zone_id")/></div>
                <div class="fr-col-12 fr-col-md-6"><TextField form="poste" name="name" label="Nom du poste" required=true value=name error=field_error(action, "name")/></div>
            </div>
            <button type="submit" class="fr-btn fr-btn--secondary" id="enregistrer-poste">{if is_edit { "Enregistrer le poste" } else { "Ajouter le poste" }}</button>
        </ServerForm>
    }
    .into_any()
}
