//! The organiser's forms: a zone, a need, a participant.

use leptos::prelude::*;

use crate::api::organisations::list_organisation_directory;
use crate::api::plan_edits::{AddParticipant, SaveNeed, SaveZone};
use crate::api::plan_types::PlanPage;
use crate::domain::plan::{ParticipantRole, Qualification, ZoneKind};
use crate::ui::components::{field_error, field_id, form_error, reset_on_success, ErrorAlert, SelectField, TextField};
use crate::ui::pages::events::Checkbox;

#[component]
pub fn ZoneForm(page: PlanPage, action: ServerAction<SaveZone>) -> impl IntoView {
    let kinds: Vec<(&'static str, &'static str)> = ZoneKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-zone">
            <h2 id="titre-zone" class="fr-h4">"Ajouter une zone"</h2>
            <ErrorAlert message=form_error(action)/>
            <ActionForm action node_ref=reset_on_success(action)>
                <input type="hidden" name="event_id" value=page.plan.event.id().to_string()/>
                <input type="hidden" name="id" value=""/>
                <input type="hidden" name="version" value=""/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="zone" name="name" label="Nom de la zone" required=true error=field_error(action, "name")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <SelectField form="zone" name="kind" label="Type de zone" options=kinds error=field_error(action, "kind")/>
                    </div>
                </div>
                <TextField form="zone" name="address" label="Adresse (facultatif)" error=field_error(action, "address")/>
                <Checkbox name="public_road" label="Zone sur la voie publique"/>
                <button type="submit" class="fr-btn fr-btn--secondary">"Ajouter la zone"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn NeedForm(page: PlanPage, action: ServerAction<SaveNeed>) -> impl IntoView {
    let zones: Vec<(String, String)> =
        page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect();
    let mut qualifications: Vec<(&'static str, &'static str)> = vec![("", "Aucune")];
    qualifications.extend(Qualification::ALL.iter().map(|q| (q.code(), q.label())));
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-besoin">
            <h2 id="titre-besoin" class="fr-h4">"Ajouter un besoin"</h2>
            <p class="fr-hint-text">"Par exemple : Entrée Nord, 18:00–23:30, 6 agents palpation dont 2 femmes."</p>
            <ErrorAlert message=form_error(action)/>
            <ActionForm action node_ref=reset_on_success(action)>
                <input type="hidden" name="event_id" value=page.plan.event.id().to_string()/>
                <input type="hidden" name="id" value=""/>
                <input type="hidden" name="version" value=""/>
                <ZoneSelect form="besoin" zones error=field_error(action, "zone_id")/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="besoin" name="start" label="Début (heure locale)" kind="datetime-local" required=true error=field_error(action, "start")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-6">
                        <TextField form="besoin" name="end" label="Fin (heure locale)" kind="datetime-local" required=true error=field_error(action, "end")/>
                    </div>
                </div>
                <SelectField form="besoin" name="qualification" label="Qualification requise" options=qualifications error=field_error(action, "qualification")/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="min" label="Effectif minimum" kind="number" required=true error=field_error(action, "min")/></div>
                    <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="max" label="Maximum" kind="number" error=field_error(action, "max")/></div>
                    <div class="fr-col-6 fr-col-md-2"><TextField form="besoin" name="priority" label="Priorité (1 à 5)" kind="number" value="3".to_string() error=field_error(action, "priority")/></div>
                    <div class="fr-col-6 fr-col-md-3"><TextField form="besoin" name="min_women" label="Dont femmes" kind="number" value="0".to_string() error=field_error(action, "min_women")/></div>
                    <div class="fr-col-6 fr-col-md-3"><TextField form="besoin" name="min_men" label="Dont hommes" kind="number" value="0".to_string() error=field_error(action, "min_men")/></div>
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Ajouter le besoin"</button>
            </ActionForm>
        </section>
    }
}

/// A select of the plan's zones.
#[component]
pub fn ZoneSelect(
    zones: Vec<(String, String)>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(optional)] selected: Option<String>,
    form: &'static str,
) -> impl IntoView {
    let id = field_id(Some(form), "zone_id");
    view! {
        <div class="fr-select-group" class:fr-select-group--error=move || error.get().is_some()>
            <label class="fr-label" for=id.clone()>"Zone"</label>
            <select class="fr-select" id=id name="zone_id">
                {zones.into_iter().map(|(id, name)| {
                    let is_selected = selected.as_deref() == Some(id.as_str());
                    view! { <option value=id selected=is_selected>{name}</option> }
                }).collect_view()}
            </select>
            {move || error.get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
        </div>
    }
}

#[component]
pub fn ParticipantForm(page: PlanPage, action: ServerAction<AddParticipant>) -> impl IntoView {
    let directory = Resource::new(|| (), |_| list_organisation_directory());
    let taken: Vec<String> = page.plan.participants.iter().map(|p| p.organisation_id().to_string()).collect();
    let roles: Vec<(&'static str, &'static str)> = ParticipantRole::ALL.iter().map(|r| (r.code(), r.label())).collect();
    let event_id = page.plan.event.id().to_string();
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-participant">
            <h2 id="titre-participant" class="fr-h4">"Associer une organisation"</h2>
            <ErrorAlert message=form_error(action)/>
            <Suspense fallback=|| ()>
                {move || {
                    let taken = taken.clone();
                    let roles = roles.clone();
                    let event_id = event_id.clone();
                    Suspend::new(async move {
                        let options: Vec<(String, String)> = directory.await.unwrap_or_default().into_iter()
                            .filter(|o| !taken.contains(&o.id))
                            .map(|o| (o.id.clone(), format!("{} — {}", o.name, o.kind.label())))
                            .collect();
                        view! {
                            <ActionForm action node_ref=reset_on_success(action)>
                                <input type="hidden" name="event_id" value=event_id/>
                                <div class="fr-select-group">
                                    <label class="fr-label" for="champ-participant-organisation_id">"Organisation"</label>
                                    <select class="fr-select" id="champ-participant-organisation_id" name="organisation_id">
                                        {options.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                                    </select>
                                    {move || field_error(action, "organisation_id").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                                </div>
                                <SelectField form="participant" name="role" label="Rôle dans l’événement" options=roles error=field_error(action, "role")/>
                                <div class="fr-grid-row fr-grid-row--gutters">
                                    <div class="fr-col-12 fr-col-md-6"><TextField form="participant" name="contact_name" label="Contact référent" error=field_error(action, "contact_name")/></div>
                                    <div class="fr-col-12 fr-col-md-6"><TextField form="participant" name="contact_phone" label="Téléphone du contact" kind="tel" error=field_error(action, "contact_phone")/></div>
                                </div>
                                <button type="submit" class="fr-btn fr-btn--secondary">"Associer l’organisation"</button>
                            </ActionForm>
                        }
                    })
                }}
            </Suspense>
        </section>
    }
}
