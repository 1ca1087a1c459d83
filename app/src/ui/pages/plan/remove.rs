//! "Supprimer" on a row of the plan: a first press asks for confirmation (with the page
//! hydrated; without JavaScript the form posts at once), the second removes the record at the
//! version the page showed. A refusal shows next to the button that caused it.

use leptos::prelude::*;

use crate::api::plan_edits::DeleteRecord;
use crate::api::plan_types::PlanPage;
use crate::text;
use crate::ui::components::{FormAction, ServerForm};

/// The removal action of the page and the id of the record last asked to go.
#[derive(Clone, Copy)]
pub struct Removing {
    pub action: FormAction<DeleteRecord>,
    pub last: RwSignal<Option<String>>,
}

impl Removing {
    pub fn new() -> Self {
        Removing { action: FormAction::new(), last: RwSignal::new(None) }
    }
}

/// The "Supprimer" form of the record `id` of the page's plan, at the version the page shows;
/// `what` completes the accessible label ("Supprimer la zone Entrée Nord").
pub fn remove_button(page: &PlanPage, id: &str, what: String, removing: Removing) -> impl IntoView {
    let version = page.versions.get(id).map(|v| v.to_string()).unwrap_or_default();
    view! { <RemoveButton event_id=page.plan.event.id().to_string() id=id.to_string() version what removing/> }
}

#[component]
fn RemoveButton(event_id: String, id: String, version: String, what: String, removing: Removing) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let action = removing.action;
    let mine = {
        let id = id.clone();
        move || removing.last.get().as_deref() == Some(id.as_str())
    };
    let error = {
        let mine = mine.clone();
        move || if mine() { action.value().get().and_then(|r| r.err()).map(|e| e.to_string()) } else { None }
    };
    let label = format!("{} {what}", text::REMOVE);
    let confirm_label = format!("{} : {what}", text::REMOVE_CONFIRM);
    let clicked_id = id.clone();
    view! {
        <ServerForm action attr:class="cordon-remove">
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm"
                class:cordon-danger=move || confirming.get()
                aria-label=move || if confirming.get() { confirm_label.clone() } else { label.clone() }
                on:click=move |ev| {
                    if confirming.get_untracked() {
                        removing.last.set(Some(clicked_id.clone()));
                        confirming.set(false);
                    } else {
                        ev.prevent_default();
                        confirming.set(true);
                    }
                }>
                {move || if confirming.get() { text::REMOVE_CONFIRM } else { text::REMOVE }}
            </button>
            {move || confirming.get().then(|| view! {
                <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" on:click=move |_| confirming.set(false)>
                    {text::REMOVE_CANCEL}
                </button>
            })}
            {move || error().map(|m| view! { <p class="fr-error-text" role="alert">{m}</p> })}
        </ServerForm>
    }
}
