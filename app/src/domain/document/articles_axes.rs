//! The five axes of the circular, one article each: shared risk assessment, operational
//! cooperation, commitments of the organiser and providers, information exchange, evaluation.

use std::collections::BTreeMap;

use super::build::Context;
use super::model::Block;
use super::wording::{clean, count, day_long, lower_first, paragraphs, plural, window_short};
use crate::domain::plan::{Deployment, MissionCategory, ParticipantRole, Visibility, Zone, ZoneKind};
use crate::text::convention as t;

/// Axis 1: the facts of the plan, the orders in force and the caller's risk assessment.
pub fn risk_assessment(context: &Context) -> Vec<Block> {
    let event = &context.plan.event;
    let legal = event.legal();
    let mut facts = vec![
        format!("nature de l’événement : {} ;", event.kind().label().to_lowercase()),
        format!("fréquentation attendue au plus fort : {} personnes ;", count(u64::from(event.expected_attendance()))),
        format!("comportement du public : {} ;", event.behaviour().label().to_lowercase()),
    ];
    facts.extend(legal.orders.iter().map(|o| format!("{} : {} ;", lower_first(o.kind().label()), o.citation())));
    let ticks = [
        (legal.organisee_par_la_commune, "manifestation organisée par la commune ;"),
        (legal.but_lucratif, "manifestation à but lucratif ;"),
        (
            legal.palpations_sous_controle_opj,
            "palpations à l’accès de l’enceinte sous le contrôle d’un officier de police judiciaire (L613-3) ;",
        ),
        (
            legal.convention_coordination_en_vigueur,
            "convention de coordination entre police municipale et forces de l’État en vigueur (L512-4) ;",
        ),
    ];
    facts.extend(ticks.iter().filter(|(on, _)| *on).map(|(_, text)| text.to_string()));
    if let Some(day) = legal.declaration_deposee_le {
        facts.push(format!("déclaration déposée auprès du maire le {} (R211-22) ;", day.format("%d/%m/%Y")));
    }
    let mut blocks = vec![
        Block::Paragraph("Les parties partagent les éléments suivants, issus du plan publié :".into()),
        Block::Bullets(facts),
    ];
    let lines: Vec<String> = context
        .inputs
        .risk
        .iter()
        .flat_map(|risk| risk.lines.iter())
        .map(|line| clean(line))
        .filter(|line| !line.is_empty())
        .collect();
    if lines.is_empty() {
        blocks.push(Block::Paragraph(t::RISK_NOT_FILLED.into()));
    } else {
        blocks.push(Block::Paragraph("L’évaluation partagée des risques retient :".into()));
        blocks.push(Block::Bullets(lines));
    }
    blocks
}

fn deployment_row(context: &Context, deployment: &Deployment) -> Vec<String> {
    let post = deployment
        .post_id()
        .and_then(|id| context.plan.posts.iter().find(|p| p.id() == id))
        .map(|p| format!(" — poste {}", p.name()))
        .unwrap_or_default();
    let mission = clean(deployment.mission());
    let mission = if mission.is_empty() {
        format!("{}{post}", deployment.category().label())
    } else {
        format!("{} : {mission}{post}", deployment.category().label())
    };
    vec![
        context.participant_label(deployment.participant_id()),
        window_short(deployment.window(), context.zone),
        count(u64::from(deployment.staffed_headcount())),
        mission,
        deployment.radio().unwrap_or("—").to_string(),
    ]
}

fn zone_table(context: &Context, zone: &Zone, deployments: &[&Deployment]) -> Vec<Block> {
    let mut visible: Vec<&&Deployment> =
        deployments.iter().filter(|d| d.visibility() != Visibility::Restricted).collect();
    visible.sort_by(|a, b| (a.window(), a.participant_id(), a.id()).cmp(&(b.window(), b.participant_id(), b.id())));
    let mut rows: Vec<Vec<String>> = visible.into_iter().map(|d| deployment_row(context, d)).collect();
    // Restricted deployments: one line per actor, whatever their number, without detail.
    let mut restricted: Vec<String> = deployments
        .iter()
        .filter(|d| d.visibility() == Visibility::Restricted)
        .map(|d| context.participant_label(d.participant_id()))
        .collect();
    restricted.sort();
    restricted.dedup();
    rows.extend(
        restricted.into_iter().map(|actor| vec![actor, t::RESTRICTED_ROW.into(), "—".into(), "—".into(), "—".into()]),
    );
    let heading = Block::Subheading(format!("Zone « {} » — {}", zone.name(), zone.kind().label()));
    if rows.is_empty() {
        return vec![heading, Block::Paragraph(t::NO_DEPLOYMENT.into())];
    }
    vec![heading, Block::Table { header: t::DEPLOYMENTS_HEADER.iter().map(|h| h.to_string()).collect(), rows }]
}

/// Axis 2: each actor's missions by zone and time.
pub fn cooperation(context: &Context) -> Vec<Block> {
    let mut by_zone: BTreeMap<&str, Vec<&Deployment>> = BTreeMap::new();
    for deployment in &context.plan.deployments {
        by_zone.entry(deployment.zone_id()).or_default().push(deployment);
    }
    let mut blocks = vec![
        Block::Paragraph(format!(
            "Les acteurs de la sécurité de l’événement assurent les missions ci-dessous, par zone et par horaire, {}.",
            t::PRINCIPLE
        )),
        Block::Paragraph(police_powers(&context.plan.event)),
    ];
    for zone in &context.plan.zones {
        blocks.extend(zone_table(context, zone, by_zone.get(zone.id()).map_or(&[], Vec::as_slice)));
    }
    if context.plan.deployments.iter().any(|d| d.visibility() == Visibility::Restricted) {
        blocks.push(Block::Paragraph(t::RESTRICTED_NOTE.into()));
    }
    let legal = context.plan.event.legal();
    if context.participants(ParticipantRole::PoliceMunicipale).next().is_some()
        && !legal.convention_coordination_en_vigueur
    {
        blocks.push(Block::Paragraph(
            if legal.organisee_par_la_commune { t::MUNICIPAL_NIGHT_COMMUNE_EVENT } else { t::MUNICIPAL_NIGHT_LIMIT }
                .into(),
        ));
    }
    blocks
}

/// Axis 3: what the organiser and the providers commit to, and each provider's agents.
pub fn commitments(context: &Context) -> Vec<Block> {
    let mut blocks = vec![
        Block::Paragraph(t::COMMITMENTS_INTRO.into()),
        Block::Bullets(t::COMMITMENTS.iter().map(|c| c.to_string()).collect()),
    ];
    let rows: Vec<Vec<String>> = context
        .participants(ParticipantRole::SecuritePrivee)
        .map(|provider| {
            let agents: Vec<_> = context.plan.agents.iter().filter(|a| a.participant_id() == provider.id()).collect();
            let carded = agents.iter().filter(|a| a.cnaps_card().is_some()).count() as u64;
            vec![
                provider.name().to_string(),
                provider.cnaps_authorisation().unwrap_or(t::NOT_GIVEN).to_string(),
                format!(
                    "{}, dont {carded} avec carte professionnelle renseignée",
                    plural(agents.len() as u64, "agent", "agents")
                ),
            ]
        })
        .collect();
    if !rows.is_empty() {
        blocks.push(Block::Table { header: t::PROVIDERS_HEADER.iter().map(|h| h.to_string()).collect(), rows });
    }
    blocks
}

/// Axis 4: the command post, the named contacts, the radio channels and the alert procedure.
pub fn information(context: &Context) -> Vec<Block> {
    let mut blocks = vec![Block::Subheading("Poste de commandement".into())];
    let posts: Vec<&Zone> = context.plan.zones.iter().filter(|z| z.kind() == ZoneKind::PosteCommandement).collect();
    if posts.is_empty() {
        blocks.push(Block::Paragraph(t::COMMAND_POST_NONE.into()));
    }
    for post in posts {
        let staff: Vec<String> = context
            .visible()
            .filter(|d| d.zone_id() == post.id() || d.category() == MissionCategory::Pc)
            .map(|d| {
                format!(
                    "{} ({})",
                    context.participant_label(d.participant_id()),
                    window_short(d.window(), context.zone)
                )
            })
            .collect();
        let address = post.address().unwrap_or(context.plan.event.address());
        blocks.push(Block::Paragraph(format!(
            "Le poste de commandement « {} » ({address}) centralise les informations et coordonne les acteurs.",
            post.name()
        )));
        if !staff.is_empty() {
            blocks.push(Block::Paragraph("Il est armé par :".into()));
            blocks.push(Block::Bullets(staff));
        }
    }
    blocks.push(Block::Subheading("Contacts nommés".into()));
    let contacts = context
        .plan
        .participants
        .iter()
        .map(|p| {
            vec![
                p.name().to_string(),
                p.role().label().to_string(),
                p.contact_name().unwrap_or(t::NOT_GIVEN).to_string(),
                p.contact_phone().unwrap_or(t::NOT_GIVEN).to_string(),
            ]
        })
        .collect();
    blocks.push(Block::Table { header: t::CONTACTS_HEADER.iter().map(|h| h.to_string()).collect(), rows: contacts });
    blocks.push(Block::Subheading("Canaux radio".into()));
    blocks.push(radio_channels(context));
    blocks.push(Block::Subheading("Procédure d’alerte".into()));
    blocks.push(Block::Paragraph(t::ALERT_INTRO.into()));
    match context.plan.event.alert_procedure().map(paragraphs).filter(|p| !p.is_empty()) {
        Some(lines) => blocks.extend(lines.into_iter().map(|line| Block::Paragraph(clean(&line)))),
        None => blocks.push(Block::Paragraph(t::DEFAULT_ALERT.into())),
    }
    blocks.push(Block::Subheading("Données personnelles".into()));
    blocks.push(Block::Paragraph(t::PERSONAL_DATA.into()));
    blocks
}

/// Each radio channel of the visible deployments with the actors and zones using it.
fn radio_channels(context: &Context) -> Block {
    let mut channels: BTreeMap<String, (Vec<String>, Vec<String>)> = BTreeMap::new();
    for deployment in context.visible() {
        let Some(radio) = deployment.radio() else { continue };
        let (actors, zones) = channels.entry(radio.to_string()).or_default();
        if let Some(p) = context.plan.participant(deployment.participant_id()) {
            push_unique(actors, p.name());
        }
        if let Some(z) = context.zone_of(deployment.zone_id()) {
            push_unique(zones, z.name());
        }
    }
    if channels.is_empty() {
        return Block::Paragraph(t::NO_RADIO.into());
    }
    Block::Bullets(
        channels
            .into_iter()
            .map(|(radio, (actors, zones))| format!("{radio} : {} — {}", actors.join(", "), zones.join(", ")))
            .collect(),
    )
}

fn push_unique(list: &mut Vec<String>, value: &str) {
    if !list.iter().any(|v| v == value) {
        list.push(value.to_string());
    }
}

/// Axis 5: the debrief, the indicators and the adaptation.
pub fn evaluation(context: &Context) -> Vec<Block> {
    let event = &context.plan.event;
    let debrief = crate::domain::evaluation::debrief_instant(event);
    let visible: Vec<&Deployment> = context.visible().collect();
    let agent_hours: i64 = visible
        .iter()
        .map(|d| i64::from(d.staffed_headcount()).saturating_mul(d.window().duration().0) / 3_600_000)
        .fold(0, i64::saturating_add);
    vec![
        Block::Paragraph(format!(
            "Les parties se réunissent, à l’initiative de la préfecture, pour un bilan de l’événement au plus tard le \
{}.",
            day_long(debrief, context.zone)
        )),
        Block::Paragraph(format!(
            "La version v{} du plan prévoit {} visibles de tous, soit {} heures-agents.",
            context.release_number,
            plural(visible.len() as u64, "dispositif", "dispositifs"),
            count(u64::try_from(agent_hours).unwrap_or(0)),
        )),
        Block::Paragraph(t::evaluation_contributions(&day_long(debrief, context.zone))),
        Block::Paragraph(t::INDICATORS_INTRO.into()),
        Block::Bullets(t::INDICATORS.iter().map(|i| i.to_string()).collect()),
        Block::Paragraph(t::ADAPTATION.into()),
    ]
}

/// Article 5's police powers for the commune's regime and the kind of event (CGCT L2214-4: in a
/// State-police commune the maire keeps order at fairs, markets and public rejoicings, the
/// State at occasional large gatherings).
pub(super) fn police_powers(event: &crate::domain::plan::Event) -> String {
    use crate::domain::plan::{EventKind, PoliceRegime};
    let commune = event.commune_name();
    let order = match event.legal().regime_police {
        PoliceRegime::PoliceEtat => {
            t::police_order_state(commune, matches!(event.kind(), EventKind::FeteFoire | EventKind::Marche))
        }
        PoliceRegime::Gendarmerie => t::police_order_gendarmerie(commune),
        PoliceRegime::NonRenseigne => t::POLICE_ORDER_UNSTATED.to_string(),
    };
    t::police_powers(&order)
}
