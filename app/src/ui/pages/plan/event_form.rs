//! The organiser's form to change the event itself: name, kind, place, dates with set-up and
//! tear-down, attendance, the public's behaviour, the legal context.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_edits::UpdateEvent;
use crate::domain::plan::{EventKind, PublicBehaviour};
use crate::domain::time::format_input_local;
use crate::text;
use crate::ui::components::{field_error, form_error, ErrorAlert, SelectField, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};
use crate::ui::pages::events::LegalFacts;

#[component]
pub fn EventForm(page: SharedPage, action: FormAction<UpdateEvent>) -> impl IntoView {
    let event = page.plan.event.clone();
    let tz = event.time_zone();
    let kinds: Vec<(&'static str, &'static str)> = EventKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    let behaviours: Vec<(&'static str, &'static str)> =
        PublicBehaviour::ALL.iter().map(|b| (b.code(), b.label())).collect();
    let legal = event.legal().clone();
    let saved =
        Signal::derive(move || matches!(action.value().get(), Some(Ok(()))).then(|| text::SAVED_EVENT.to_string()));
    let start = format_input_local(event.window().start(), tz);
    let end = format_input_local(event.window().end(), tz);
    let check = super::window_fields::window_check(&start, &end);
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-evenement">
            <h2 id="titre-evenement" class="fr-h4">"Modifier l’événement"</h2>
            <SuccessAlert message=saved/>
            <ErrorAlert message=form_error(action)/>
            <ServerForm action>
                <input type="hidden" name="event_id" value=event.id().to_string()/>
                <input type="hidden" name="version" value=page.event_version.to_string()/>
                <TextField form="evenement" name="name" label="Nom de l’événement" required=true value=event.name().to_string() error=field_error(action, "name")/>
                <SelectField form="evenement" name="kind" label="Type d’événement" options=kinds selected=event.kind().code() error=field_error(action, "kind")/>
                <TextField form="evenement" name="address" label="Adresse ou lieu" required=true value=event.address().to_string() error=field_error(action, "address")/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-3">
                        <TextField form="evenement" name="setup_start" label="Début du montage (facultatif)" kind="datetime-local"
                            value=event.setup().map(|w| format_input_local(w.start(), tz)).unwrap_or_default() error=field_error(action, "setup_start")/>
                    </div>
                    <div class="fr-col-12 fr-col-md-3">
                        <TextField form="evenement" name="start" label="Début" kind="datetime-local" required=true
                            value=start error=field_error(action, "start") mirror=check.start/>
                    </div>
                    <div class="fr-col-12 fr-col-md-3">
                        <TextField form="evenement" name="end" label="Fin" kind="datetime-local" required=true
                            value=end error=field_error(action, "end") mirror=check.end cross=check.message/>
                    </div>
                    <div class="fr-col-12 fr-col-md-3">
                        <TextField form="evenement" name="teardown_end" label="Fin du démontage (facultatif)" kind="datetime-local"
                            value=event.teardown().map(|w| format_input_local(w.end(), tz)).unwrap_or_default() error=field_error(action, "teardown_end")/>
                    </div>
                </div>
                <TextField form="evenement" name="expected_attendance" label="Fréquentation attendue au pic" kind="number" required=true
                    value=event.expected_attendance().to_string() error=field_error(action, "expected_attendance")/>
                <SelectField form="evenement" name="behaviour" label="Comportement du public" options=behaviours selected=event.behaviour().code() error=field_error(action, "behaviour")/>
                <LegalFacts legal=legal form="evenement" declaration_error=field_error(action, "declaration_deposee_le")/>
                <div class="fr-input-group" class:fr-input-group--error=move || field_error(action, "alert_procedure").get().is_some()>
                    <label class="fr-label" for="champ-evenement-alert_procedure">
                        "Procédure d’alerte en cas de risque imminent"
                        <span class="fr-hint-text">"Qui alerte qui, par quel moyen (canal radio, téléphone du poste de commandement) : l’axe « échange d’informations » de la circulaire."</span>
                    </label>
                    <textarea class="fr-input" id="champ-evenement-alert_procedure" name="alert_procedure" rows="3">{event.alert_procedure().unwrap_or_default().to_string()}</textarea>
                    {move || field_error(action, "alert_procedure").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <p class="fr-hint-text">{format!("Heures locales ({}). La commune ne se change pas : créez un autre événement.", tz.name())}</p>
                <button type="submit" class="fr-btn fr-btn--secondary" id="enregistrer-evenement">"Enregistrer l’événement"</button>
            </ServerForm>
        </section>
    }
}
