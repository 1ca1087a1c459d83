//! A participant's named agents on the plan page, and their import from a CSV file:
//! preview first (each line with its errors), then import of the valid lines.

use leptos::prelude::*;

use crate::api::agents::{AgentsCsvOutcome, ImportAgentsCsv, PreviewAgentsCsv};
use crate::api::plan_types::PlanPage;
use crate::domain::interchange::AGENTS_CSV_HEADER;
use crate::domain::plan::ParticipantRole;
use crate::domain::time::format_long_fr;
use crate::ui::components::{field_error, form_error, ErrorAlert, SuccessAlert};

#[component]
pub fn AgentsSection(page: PlanPage, import: ServerAction<ImportAgentsCsv>) -> impl IntoView {
    let zone = page.plan.event.time_zone();
    let mine: Vec<(String, String)> = page
        .plan
        .participants
        .iter()
        .filter(|p| page.own_participant_ids.iter().any(|o| o == p.id()))
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
                a.display_name().to_string(),
                a.qualifications().iter().map(|q| q.label()).collect::<Vec<_>>().join(", "),
                a.cnaps_card()
                    .map(|c| format!("{} (expire le {})", c.number(), format_long_fr(c.expires(), zone)))
                    .unwrap_or_default(),
            )
        })
        .collect();
    let count = agents.len();
    let preview = ServerAction::<PreviewAgentsCsv>::new();
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
                        <thead><tr><th scope="col">"Nom"</th><th scope="col">"Qualifications"</th><th scope="col">"Carte professionnelle"</th></tr></thead>
                        <tbody>
                            {agents.into_iter().map(|(name, quals, card)| view! { <tr><td>{name}</td><td>{quals}</td><td>{card}</td></tr> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
            <h3 class="fr-h6">"Importer des agents depuis un tableur (CSV)"</h3>
            <p class="fr-hint-text">
                {format!("Première ligne : {AGENTS_CSV_HEADER}. Date d’expiration au format JJ/MM/AAAA ; qualifications séparées par « | » (par exemple CQP APS|Palpation de sécurité).")}
            </p>
            <SuccessAlert message=imported/>
            <ErrorAlert message=form_error(preview)/>
            <ActionForm action=preview>
                <input type="hidden" name="event_id" value=event_id.clone()/>
                <div class="fr-select-group">
                    <label class="fr-label" for="champ-agents-participant_id">"Organisation"</label>
                    <select class="fr-select" id="champ-agents-participant_id" name="participant_id">
                        {mine.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <div class="fr-input-group" class:fr-input-group--error=move || field_error(preview, "csv").get().is_some()>
                    <label class="fr-label" for="champ-agents-csv">"Contenu du fichier CSV"</label>
                    <textarea class="fr-input" id="champ-agents-csv" name="csv" rows="6"></textarea>
                    {move || field_error(preview, "csv").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Prévisualiser"</button>
            </ActionForm>
            {move || match preview.value().get() {
                Some(Ok(outcome)) => view! { <Preview outcome event_id=event_for_import.clone() import/> }.into_any(),
                _ => ().into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn Preview(outcome: AgentsCsvOutcome, event_id: String, import: ServerAction<ImportAgentsCsv>) -> impl IntoView {
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
                <ActionForm action=import>
                    <input type="hidden" name="event_id" value=event_id/>
                    <input type="hidden" name="participant_id" value=participant/>
                    <input type="hidden" name="csv" value=outcome.csv/>
                    <button type="submit" class="fr-btn">{format!("Importer les {valid} agent(s) valide(s)")}</button>
                </ActionForm>
            })}
        </div>
    }
}
