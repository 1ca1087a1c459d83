//! The event's key facts and a summary of the coverage (gaps, double bookings, deployments
//! outside the event), in words.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::plan_types::PlanPage;
use crate::domain::plan::Deployment;
use crate::domain::time::{format_long_fr, format_short_fr};

#[component]
pub fn EventSummaryBlock(page: SharedPage) -> impl IntoView {
    let event = &page.plan.event;
    let zone = event.time_zone();
    let legal = event.legal();
    let mut flags: Vec<String> =
        legal.orders.iter().map(|o| format!("{} ({})", o.kind().label(), o.citation())).collect();
    flags.extend(
        [
            (legal.organisee_par_la_commune, "organisée par la commune"),
            (legal.but_lucratif, "à but lucratif"),
            (legal.palpations_sous_controle_opj, "palpations sous le contrôle d’un OPJ"),
            (legal.convention_coordination_en_vigueur, "convention de coordination en vigueur"),
        ]
        .into_iter()
        .filter(|(on, _)| *on)
        .map(|(_, label)| label.to_string()),
    );
    if let Some(day) = legal.declaration_deposee_le {
        flags.push(format!("déclaration déposée en mairie le {}", day.format("%d/%m/%Y")));
    }
    view! {
        <p class="fr-text--lead">
            {format!("{} · {}, {} ({})", event.kind().label(), event.address(), event.commune_name(), event.department().as_str())}
        </p>
        <ul class="fr-mb-3w">
            <li>{format!("Du {} au {} (heure de {})", format_long_fr(event.window().start(), zone), format_long_fr(event.window().end(), zone), page.time_zone)}</li>
            <li>{format!("Fréquentation attendue : {} personnes au pic · {}", crate::text::thousands(u64::from(event.expected_attendance())), event.behaviour().label())}</li>
            <li>{if flags.is_empty() { "Cadre juridique : aucun arrêté particulier".to_string() } else { format!("Cadre juridique : {}", flags.join(", ")) }}</li>
            <li>{format!("Participants : {}", page.plan.participants.iter().map(|p| format!("{} ({})", p.name(), p.role().label())).collect::<Vec<_>>().join(", "))}</li>
        </ul>
    }
}

/// Where « Combler ce manque » puts its template, and the deployment selection it clears.
pub type GapFill = (RwSignal<Option<Deployment>>, RwSignal<Option<String>>);

/// A new deployment of the reader's first own participant that fills `gap`: its need's zone
/// and post, the gap's window and missing headcount, a mission the need's qualification calls
/// for.
fn gap_template(page: &PlanPage, gap: &crate::domain::plan::Gap) -> Option<Deployment> {
    use crate::domain::plan::{DeploymentDraft, MissionCategory, Qualification, Visibility};
    let need = page.plan.needs.iter().find(|n| n.id() == gap.need_id)?;
    let participant = page.access.own_participant_ids.first()?;
    let zone = page.plan.zone(need.zone_id())?;
    let category = match need.qualification() {
        Some(Qualification::Palpation | Qualification::AgrementL613_3) => MissionCategory::Filtrage,
        Some(Qualification::Secouriste) => MissionCategory::Secours,
        _ => MissionCategory::Surveillance,
    };
    Deployment::new(DeploymentDraft {
        // Never sent: a template is saved as a new record.
        id: "00000000-0000-4000-8000-000000000000".into(),
        participant_id: participant.clone(),
        zone_id: need.zone_id().to_string(),
        post_id: need.post_id().map(str::to_string),
        window: gap.window,
        headcount: gap.missing,
        agent_ids: Vec::new(),
        category,
        mission: crate::text::gap_mission(zone.name()),
        radio: None,
        visibility: Visibility::AllParticipants,
    })
    .ok()
}

#[component]
pub fn CoverageSummary(
    page: SharedPage,
    /// For a reader who deploys: where « Combler ce manque » puts its template, and the
    /// selection it clears.
    fill: Option<GapFill>,
) -> impl IntoView {
    let zone = page.plan.event.time_zone();
    let zone_of_need = |need_id: &str| {
        page.plan
            .needs
            .iter()
            .find(|n| n.id() == need_id)
            .and_then(|n| page.plan.zones.iter().find(|z| z.id() == n.zone_id()))
            .map(|z| z.name().to_string())
            .unwrap_or_default()
    };
    let mut ordered: Vec<_> = page.coverage.gaps.iter().collect();
    ordered.sort_by_key(|g| (g.window.start(), g.window.end()));
    let gaps: Vec<(String, Option<Deployment>)> = ordered
        .into_iter()
        .map(|g| {
            let line = format!(
                "{} : il manque {} agent(s) de {} à {}",
                zone_of_need(&g.need_id),
                g.missing,
                format_short_fr(g.window.start(), zone),
                format_short_fr(g.window.end(), zone)
            );
            (line, fill.and_then(|_| gap_template(&page, g)))
        })
        .collect();
    let doubles = page.coverage.double_bookings.len();
    let outside = page.coverage.outside_event.len();
    let ok = gaps.is_empty() && doubles == 0 && outside == 0;
    view! {
        <section class="fr-mb-4w" aria-labelledby="titre-couverture">
            <h2 id="titre-couverture" class="fr-h4">"Couverture des besoins"</h2>
            {if ok {
                view! { <div class="fr-alert fr-alert--success fr-alert--sm"><p>"Tous les besoins sont couverts."</p></div> }.into_any()
            } else {
                view! {
                    <div class="fr-alert fr-alert--warning fr-alert--sm" id="alertes-couverture">
                        <p>{format!("{} manque(s) d’effectif, {} agent(s) affecté(s) à deux endroits à la fois, {} déploiement(s) hors de l’événement.", gaps.len(), doubles, outside)}</p>
                    </div>
                    <ul class="fr-mt-2w" id="liste-manques">
                        {gaps.into_iter().map(|(line, template)| view! {
                            <li class="fr-mb-1w">
                                {line}
                                {template.zip(fill).map(|(t, (slot, selected))| view! {
                                    " "
                                    <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary cordon-fill-gap"
                                        on:click=move |_| { selected.set(None); slot.set(Some(t.clone())); super::deployment_form::focus_form(); }>
                                        {crate::text::GAP_FILL}
                                    </button>
                                })}
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
        </section>
    }
}
