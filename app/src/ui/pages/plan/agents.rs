//! A participant's named agents on the plan page, and their import from a CSV file:
//! preview first (each line with its errors), then import of the valid lines.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::agents::{AgentsCsvOutcome, ImportAgentsCsv, PreviewAgentsCsv, SaveAgent};
use crate::api::plan_types::PlanPage;
use crate::domain::interchange::AGENTS_CSV_HEADER;
use crate::domain::plan::{Agent, ParticipantRole, Qualification, Sex};
use crate::domain::time::{format_date_input, format_last_day_fr};
use crate::ui::components::{
    field_error, form_error, reset_on_success, ErrorAlert, SelectField, SuccessAlert, TextField,
};
use crate::ui::components::{FormAction, ServerForm};

use super::remove::{remove_button, Removing};

#[component]
pub fn AgentsSection(
    page: SharedPage,
    import: FormAction<ImportAgentsCsv>,
    save: FormAction<SaveAgent>,
    removing: Removing,
) -> impl IntoView {
    let mine: Vec<(String, String)> = page
        .plan
        .participants
        .iter()
        .filter(|p| page.access.own_participant_ids.iter().any(|o| o == p.id()))
        .filter(|p| {
            matches!(
                p.role(),
                ParticipantRole::SecuritePrivee | ParticipantRole::PoliceMunicipale | ParticipantRole::Organisateur
            )
        })
        .map(|p| (p.id().to_string(), p.name().to_string()))
        .collect();
    if mine.is_empty() {
        return ().into_any();
    }
    let agents: Vec<_> = page
        .plan
        .agents
        .iter()
        .filter(|a| mine.iter().any(|(id, _)| id == a.participant_id()))
        .map(|a| {
            (
                a.id().to_string(),
                a.display_name().to_string(),
                a.qualifications().iter().map(|q| q.label()).collect::<Vec<_>>().join(", "),
                a.cnaps_card()
                    .map(|c| {
                        format!(
                            "{} (valable jusqu’au {})",
                            c.number(),
                            format_last_day_fr(c.expires(), chrono_tz::Europe::Paris)
                        )
                    })
                    .unwrap_or_default(),
            )
        })
        .collect();
    let count = agents.len();
    let selected = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if matches!(save.value().get(), Some(Ok(()))) {
            selected.set(None);
        }
    });
    let owners = mine.clone();
    let stored = StoredValue::new(page.clone());
    let preview = FormAction::<PreviewAgentsCsv>::new();
    let event_id = page.plan.event.id().to_string();
    let event_for_import = event_id.clone();
    let imported = Signal::derive(move || match import.value().get() {
        Some(Ok(outcome)) => Some(format!("{} agent(s) importé(s).", outcome.imported)),
        _ => None,
    });
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-agents">
            <h2 id="titre-agents" class="fr-h4">{format!("Mes agents ({count})")}</h2>
            {(count > 0).then(|| view! {
                <div class="fr-table fr-table--no-caption">
                    <table>
                        <caption>"Mes agents"</caption>
                        <thead><tr><th scope="col">"Nom"</th><th scope="col">"Qualifications"</th><th scope="col">"Carte professionnelle"</th><th scope="col">"Action"</th></tr></thead>
                        <tbody>
                            {agents.into_iter().map(|(id, name, quals, card)| view! {
                                <tr>
                                    <td>{name.clone()}</td><td>{quals}</td><td>{card}</td>
                                    <td class="cordon-actions">
                                        <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                                            aria-label=format!("Modifier l’agent {name}")
                                            on:click={let id = id.clone(); move |_| selected.set(Some(id.clone()))}>"Modifier"</button>
                                        {stored.with_value(|p| remove_button(p, &id, format!("l’agent {name}"), removing))}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <ErrorAlert message=form_error(save)/>
            {move || {
                let editing = selected.get().and_then(|id| stored.with_value(|p| p.plan.agents.iter().find(|a| a.id() == id).cloned()));
                stored.with_value(|p| agent_form(p, save, owners.clone(), editing, selected))
            }}
            <h3 class="fr-h6">"Importer des agents depuis un tableur (CSV)"</h3>
            <p class="fr-hint-text">
                {format!("Première ligne : {AGENTS_CSV_HEADER}. Date d’expiration au format JJ/MM/AAAA ; qualifications séparées par « | » (par exemple CQP APS|Palpation de sécurité).")}
            </p>
            <SuccessAlert message=imported/>
            <ErrorAlert message=form_error(preview)/>
            <ServerForm action=preview>
                <input type="hidden" name="event_id" value=event_id.clone()/>
                <div class="fr-select-group">
                    <label class="fr-label" for="champ-agents-participant_id">"Organisation"</label>
                    <select class="fr-select" id="champ-agents-participant_id" name="participant_id">
                        {crate::ui::components::options(mine)}
                    </select>
                </div>
                <div class="fr-input-group" class:fr-input-group--error=move || field_error(preview, "csv").get().is_some()>
                    <label class="fr-label" for="champ-agents-csv">"Contenu du fichier CSV"</label>
                    <textarea class="fr-input" id="champ-agents-csv" name="csv" rows="6"></textarea>
                    {move || field_error(preview, "csv").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Prévisualiser"</button>
            </ServerForm>
            {move || match preview.value().get() {
                Some(Ok(outcome)) => view! { <Preview outcome event_id=event_for_import.clone() import/> }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Preview(outcome: AgentsCsvOutcome, event_id: String, import: FormAction<ImportAgentsCsv>) -> impl IntoView {
    let valid = outcome.rows.iter().filter(|r| r.errors.is_empty()).count();
    let invalid = outcome.rows.len() - valid;
    let participant = outcome.participant_id.clone();
    view! {
        <div class="fr-mt-3w" id="apercu-agents">
            {outcome.file_errors.iter().map(|e| view! { <div class="fr-alert fr-alert--error fr-alert--sm"><p>{e.clone()}</p></div> }).collect_view()}
            <p>{format!("{valid} ligne(s) valide(s), {invalid} ligne(s) en erreur (non importée(s)).")}</p>
            <div class="fr-table fr-table--no-caption">
                <table>
                    <caption>"Aperçu de l’import"</caption>
                    <thead><tr>
                        <th scope="col">"Ligne"</th><th scope="col">"Nom"</th><th scope="col">"Carte"</th>
                        <th scope="col">"Expiration"</th><th scope="col">"Qualifications"</th><th scope="col">"Erreurs"</th>
                    </tr></thead>
                    <tbody>
                        {outcome.rows.into_iter().map(|r| view! {
                            <tr>
                                <td>{r.line}</td><td>{r.name}</td><td>{r.card}</td><td>{r.expires}</td><td>{r.qualifications}</td>
                                <td>{if r.errors.is_empty() { "—".to_string() } else { r.errors.join(" ; ") }}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(valid > 0 && outcome.file_errors.is_empty()).then(|| view! {
                <ServerForm action=import>
                    <input type="hidden" name="event_id" value=event_id/>
                    <input type="hidden" name="participant_id" value=participant/>
                    <input type="hidden" name="csv" value=outcome.csv/>
                    <button type="submit" class="fr-btn">{format!("Importer les {valid} agent(s) valide(s)")}</button>
                </ServerForm>
            })}
        </div>
    }
}

/// Adding one agent, or changing the agent picked in the table.
fn agent_form(
    page: &PlanPage,
    action: FormAction<SaveAgent>,
    owners: Vec<(String, String)>,
    editing: Option<Agent>,
    selected: RwSignal<Option<String>>,
) -> AnyView {
    let (id, version) = match &editing {
        Some(a) => (a.id().to_string(), page.versions.get(a.id()).map(|v| v.to_string()).unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    let is_edit = editing.is_some();
    let name = editing.as_ref().map(|a| a.display_name().to_string()).unwrap_or_default();
    let sex = editing.as_ref().and_then(|a| a.sex()).map(|s| s.code().to_string()).unwrap_or_default();
    let card = editing.as_ref().and_then(|a| a.cnaps_card().map(|c| c.number().to_string())).unwrap_or_default();
    let expires = editing
        .as_ref()
        .and_then(|a| a.cnaps_card().map(|c| format_date_input(c.expires(), chrono_tz::Europe::Paris)))
        .unwrap_or_default();
    let held: Vec<Qualification> =
        editing.as_ref().map(|a| a.qualifications().iter().copied().collect()).unwrap_or_default();
    let owner = editing.as_ref().map(|a| a.participant_id().to_string());
    let mut sexes: Vec<(&'static str, &'static str)> = vec![("", "Non renseigné")];
    sexes.extend(Sex::ALL.iter().map(|s| (s.code(), s.label())));
    let event_id = page.plan.event.id().to_string();
    view! {
        <h3 class="fr-h6">{if is_edit { format!("Modifier l’agent {name}") } else { "Ajouter un agent".to_string() }}</h3>
        {is_edit.then(|| view! {
            <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm fr-mb-2w" on:click=move |_| selected.set(None)>"Nouvel agent"</button>
        })}
        <ServerForm action node_ref=reset_on_success(action)>
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="id" value=id/>
            <input type="hidden" name="version" value=version/>
            {match owner {
                Some(owner) => view! { <input type="hidden" name="participant_id" value=owner/> }.into_any(),
                None => view! {
                    <div class="fr-select-group">
                        <label class="fr-label" for="champ-agent-participant_id">"Organisation"</label>
                        <select class="fr-select" id="champ-agent-participant_id" name="participant_id">
                            {crate::ui::components::options(owners)}
                        </select>
                        {move || field_error(action, "participant_id").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                }.into_any(),
            }}
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <TextField form="agent" name="display_name" label="Nom de l’agent" hint="Tel qu’il figure sur le planning (par exemple « Camille Martin »)." required=true value=name error=field_error(action, "display_name")/>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <SelectField form="agent" name="sex" label="Sexe (seulement pour les palpations, faites par un agent du même sexe)" options=sexes selected=sex error=field_error(action, "sex")/>
                </div>
            </div>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6">
                    <TextField form="agent" name="cnaps_number" label="Numéro de carte professionnelle CNAPS" hint="Agents de sécurité privée : par exemple CAR-013-2029-04-12-20240012345." value=card error=field_error(action, "cnaps_number")/>
                </div>
                <div class="fr-col-12 fr-col-md-6">
                    <TextField form="agent" name="cnaps_expires" label="Date d’expiration de la carte" kind="date" value=expires error=field_error(action, "cnaps_expires")/>
                </div>
            </div>
            <fieldset class="fr-fieldset" aria-labelledby="legende-qualifications">
                <legend class="fr-fieldset__legend" id="legende-qualifications">"Qualifications"</legend>
                {Qualification::ALL.iter().map(|q| {
                    let input_id = format!("agent-qualification-{}", q.code());
                    view! {
                        <div class="fr-fieldset__element fr-fieldset__element--inline">
                            <div class="fr-checkbox-group fr-checkbox-group--sm">
                                <input type="checkbox" id=input_id.clone() name="qualifications[]" value=q.code() checked=held.contains(q)/>
                                <label class="fr-label" for=input_id>{q.label()}</label>
                            </div>
                        </div>
                    }
                }).collect_view()}
                {move || field_error(action, "qualifications").get().map(|m| view! { <p class="fr-message fr-message--error">{m}</p> })}
            </fieldset>
            <button type="submit" class="fr-btn fr-btn--secondary" id="enregistrer-agent">{if is_edit { "Enregistrer l’agent" } else { "Ajouter l’agent" }}</button>
        </ServerForm>
    }
    .into_any()
}
