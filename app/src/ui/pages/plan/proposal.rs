//! "Proposer un planning" on the plan page: a security company or a municipal police service
//! asks the scheduler to place its named agents on what the needs still lack, sees the
//! proposal as changes against the draft (who goes where, who moves) with the needs it
//! cannot cover and why, and accepts it for the agents it ticks — all, some or none.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::schedule::{AcceptSchedule, ProposalView, PROPOSAL_SECONDS};
use crate::domain::plan::{ParticipantRole, Plan, TimeWindow};
use crate::domain::schedule::proposal::{AgentChangeKind, Assignment};
use crate::domain::time::format_short_fr;
use crate::ui::codec::call;
use crate::ui::components::{field_error, form_error, ErrorAlert};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn ProposalSection(page: SharedPage, accept: FormAction<AcceptSchedule>) -> impl IntoView {
    let schedulable: Vec<(String, String)> = page
        .plan
        .participants
        .iter()
        .filter(|p| page.access.own_participant_ids.iter().any(|o| o == p.id()))
        .filter(|p| matches!(p.role(), ParticipantRole::SecuritePrivee | ParticipantRole::PoliceMunicipale))
        .map(|p| (p.id().to_string(), p.name().to_string()))
        .collect();
    let Some((first, _)) = schedulable.first().cloned() else {
        return ().into_any();
    };
    let event_id = page.plan.event.id().to_string();
    let participant = RwSignal::new(first);
    let cancelled = RwSignal::new(false);
    let propose = Action::new(move |(event, participant): &(String, String)| {
        let (event, participant) = (event.clone(), participant.clone());
        call!(crate::api::schedule::ProposeSchedule { event_id: event, participant_id: participant })
    });
    let plan = StoredValue::new(page.plan.clone());
    let choices = (schedulable.len() > 1).then(|| {
        view! {
            <div class="fr-select-group">
                <label class="fr-label" for="champ-planning-participant">"Pour"</label>
                <select class="fr-select" id="champ-planning-participant"
                    on:change=move |ev| participant.set(event_target_value(&ev))>
                    {crate::ui::components::options(schedulable.iter().map(|(id, name)| (id.clone(), name.clone())).collect())}
                </select>
            </div>
        }
    });
    let start_event = event_id.clone();
    let pending = move || propose.pending().get() && !cancelled.get();
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-planning">
            <h2 id="titre-planning" class="fr-h4">"Proposer un planning"</h2>
            <p>
                "Cordon répartit vos agents nommés sur ce que les besoins n’ont pas encore, en respectant
                leurs qualifications et disponibilités, les cartes professionnelles, les règles légales
                (voie publique, palpations) et les limites de temps de travail de la convention collective.
                Vous voyez qui irait où avant de décider, et vous acceptez tout, une partie ou rien."
            </p>
            {choices}
            <div class="fr-btns-group fr-btns-group--inline">
                <button type="button" class="fr-btn" disabled=pending
                    on:click=move |_| {
                        cancelled.set(false);
                        propose.dispatch((start_event.clone(), participant.get_untracked()));
                    }>
                    "Proposer un planning"
                </button>
            </div>
            {move || pending().then(|| view! {
                <div class="cordon-progress" role="status">
                    <label for="progression-planning">
                        {format!("Recherche du meilleur planning… (au plus {PROPOSAL_SECONDS} secondes)")}
                    </label>
                    <progress id="progression-planning"></progress>
                    <button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm"
                        on:click=move |_| cancelled.set(true)>"Annuler"</button>
                </div>
            })}
            {move || {
                if cancelled.get() || propose.pending().get() {
                    return ().into_any();
                }
                match propose.value().get() {
                    Some(Ok(view)) => {
                        let event_id = event_id.clone();
                        let participant = participant.get_untracked();
                        plan.with_value(|plan| proposal_view(plan, view, event_id, participant, accept, cancelled))
                    }
                    Some(Err(e)) => view! {
                        <div class="fr-alert fr-alert--error fr-alert--sm fr-mt-2w" role="alert"><p>{e.to_string()}</p></div>
                    }.into_any(),
                    None => ().into_any(),
                }
            }}
        </section>
    }
    .into_any()
}

/// "Zone · sam. 20/06 18:00 → 23:00" for each assignment.
fn places(plan: &Plan, assignments: &[Assignment]) -> String {
    if assignments.is_empty() {
        return "—".to_string();
    }
    assignments.iter().map(|a| place(plan, &a.zone_id, a.window)).collect::<Vec<_>>().join(" ; ")
}

fn place(plan: &Plan, zone_id: &str, window: TimeWindow) -> String {
    let zone = plan.event.time_zone();
    let name = plan.zones.iter().find(|z| z.id() == zone_id).map(|z| z.name()).unwrap_or_default();
    format!("{name} · {} → {}", format_short_fr(window.start(), zone), format_short_fr(window.end(), zone))
}

fn proposal_view(
    plan: &Plan,
    view: ProposalView,
    event_id: String,
    participant_id: String,
    accept: FormAction<AcceptSchedule>,
    cancelled: RwSignal<bool>,
) -> AnyView {
    let ProposalView { proposal, fingerprint, steps } = view;
    let name =
        |id: &str| plan.agents.iter().find(|a| a.id() == id).map(|a| a.display_name().to_string()).unwrap_or_default();
    let hours = |minutes: u64| format!("{} h {:02}", minutes / 60, minutes % 60);
    let share = (proposal.covered_minutes * 100).checked_div(proposal.required_minutes).unwrap_or(100);
    let summary = if proposal.required_minutes == 0 {
        "Les besoins sont déjà couverts : il n’y a rien à proposer.".to_string()
    } else {
        format!(
            "Le planning proposé couvre {share} % de ce qui manque ({} sur {} heures-agents).",
            hours(proposal.covered_minutes),
            hours(proposal.required_minutes)
        )
    };
    let unchanged = proposal.agents.iter().filter(|a| a.kind == AgentChangeKind::Unchanged).count();
    let rows: Vec<_> = proposal
        .agents
        .iter()
        .filter(|a| a.kind != AgentChangeKind::Unchanged)
        .map(|a| {
            let badge = match a.kind {
                AgentChangeKind::Added => ("fr-badge--success", "Ajouté"),
                AgentChangeKind::Moved => ("fr-badge--info", "Déplacé"),
                AgentChangeKind::Freed => ("fr-badge--warning", "Libéré"),
                AgentChangeKind::Unchanged => ("", "Inchangé"),
            };
            let checkbox_id = format!("planning-agent-{}", a.agent_id);
            view! {
                <tr data-agent=a.agent_id.clone()>
                    <td>
                        <div class="fr-checkbox-group fr-checkbox-group--sm">
                            <input type="checkbox" id=checkbox_id.clone() name="agent_ids[]" value=a.agent_id.clone() checked=true/>
                            <label class="fr-label" for=checkbox_id>{name(&a.agent_id)}</label>
                        </div>
                    </td>
                    <td><p class=format!("fr-badge fr-badge--sm fr-badge--no-icon {}", badge.0)>{badge.1}</p></td>
                    <td>{places(plan, &a.before)}</td>
                    <td>{places(plan, &a.after)}</td>
                </tr>
            }
        })
        .collect();
    let changed = rows.len();
    let gaps: Vec<_> = proposal
        .gaps
        .iter()
        .map(|g| {
            view! {
                <li>
                    <strong>{format!("{} — {} agent(s) manquant(s)", place(plan, &g.zone_id, g.window), g.missing)}</strong>
                    " : " {g.explanation.clone()}
                </li>
            }
        })
        .collect();
    let gap_count = gaps.len();
    view! {
        <div class="fr-mt-3w" id="proposition-planning">
            <p class="fr-text--lead">{summary}</p>
            {(unchanged > 0).then(|| view! { <p>{format!("{unchanged} agent(s) gardent leurs vacations actuelles.")}</p> })}
            {if changed == 0 {
                view! { <p>"Le planning proposé ne change rien à vos déploiements."</p> }.into_any()
            } else {
                view! {
                    <ErrorAlert message=form_error(accept)/>
                    <ServerForm action=accept>
                        <input type="hidden" name="event_id" value=event_id/>
                        <input type="hidden" name="participant_id" value=participant_id/>
                        <input type="hidden" name="fingerprint" value=fingerprint/>
                        <input type="hidden" name="steps" value=steps.to_string()/>
                        <div class="fr-table fr-table--no-caption">
                            <table>
                                <caption>"Changements proposés par agent"</caption>
                                <thead><tr>
                                    <th scope="col">"Accepter pour"</th>
                                    <th scope="col">"Changement"</th>
                                    <th scope="col">"Aujourd’hui"</th>
                                    <th scope="col">"Proposé"</th>
                                </tr></thead>
                                <tbody>{rows}</tbody>
                            </table>
                        </div>
                        {move || field_error(accept, "agent_ids").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                        <div class="fr-btns-group fr-btns-group--inline">
                            <button type="submit" class="fr-btn">{format!("Accepter les changements cochés ({changed} agent(s))")}</button>
                            <button type="button" class="fr-btn fr-btn--secondary" on:click=move |_| cancelled.set(true)>
                                "Tout refuser"
                            </button>
                        </div>
                    </ServerForm>
                }.into_any()
            }}
            {(gap_count > 0).then(|| view! {
                <h3 class="fr-h6 fr-mt-3w">{format!("Ce qui reste à couvrir ({gap_count})")}</h3>
                <ul class="cordon-gaps">{gaps}</ul>
            })}
        </div>
    }
    .into_any()
}
