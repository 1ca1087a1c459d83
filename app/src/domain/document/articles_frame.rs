//! The articles that frame the five axes: parties, purpose, perimeter and duration, the
//! non-redundancy clause, and the signature block.

use super::build::Context;
use super::map::zone_map;
use super::model::{Block, Signatory};
use super::wording::{capitalised, clean, count, day_long, lower_first, window_long};
use crate::domain::plan::{ParticipantRole, Zone};
use crate::text::convention as t;

/// The mayors who sign: the event's commune, and the commune of each municipal police lent
/// by another commune (L512-3).
fn mayors(context: &Context) -> Vec<String> {
    let event = &context.plan.event;
    let mut mayors = vec![format!("le maire de {}", event.commune_name())];
    for police in context.participants(ParticipantRole::PoliceMunicipale) {
        if let Some(commune) = police.commune().filter(|c| *c != event.commune()) {
            mayors.push(format!(
                "le maire de la commune {} dont relève la police municipale « {} »",
                commune.as_str(),
                police.name()
            ));
        }
    }
    mayors
}

/// The « Vu » visas: the texts the convention applies, each prefect's order with its number and
/// date, and the conventions in force it cites.
fn visas(context: &Context) -> Vec<String> {
    let mut visas: Vec<String> = t::VISAS.iter().map(|v| v.to_string()).collect();
    let legal = context.plan.event.legal();
    visas.extend(legal.orders.iter().map(|o| format!("Vu l’{} — {} ;", o.citation(), lower_first(o.kind().label()))));
    visas.extend(context.participants(ParticipantRole::PoliceMunicipale).filter_map(|p| {
        p.arrete_l512_3().map(|order| {
            format!(
                "Vu l’arrêté préfectoral {} (article L512-3) pour la police municipale « {} » ;",
                clean(order),
                p.name()
            )
        })
    }));
    visas.extend(
        context
            .inputs
            .conventions_in_force
            .iter()
            .filter(|c| c.commune_code.trim() == context.plan.event.commune().as_str())
            .map(|c| format!("Vu la {} ;", lower_first(&clean(&c.reference)))),
    );
    visas
}

/// Article: who signs, who takes part without signing, and the prosecutor for information.
pub fn parties(context: &Context) -> Vec<Block> {
    let mut signing = vec![format!("le préfet, pour la {} ;", lower_first(&context.prefecture))];
    signing.extend(mayors(context).into_iter().map(|m| format!("{m} ;")));
    signing.extend(
        context
            .participants(ParticipantRole::Organisateur)
            .map(|p| format!("{}, organisateur de l’événement et donneur d’ordre ;", p.name())),
    );
    signing.extend(context.participants(ParticipantRole::SecuritePrivee).map(|p| match p.cnaps_authorisation() {
        Some(number) => format!("{}, prestataire de sécurité privée (autorisation CNAPS {number}) ;", p.name()),
        None => format!("{}, prestataire de sécurité privée ;", p.name()),
    }));
    signing.extend(context.participants(ParticipantRole::ForceEtat).map(|p| {
        format!("le chef de service ou commandant d’unité de « {} » (police ou gendarmerie nationales).", p.name())
    }));
    let mut blocks =
        vec![Block::Bullets(visas(context)), Block::Paragraph(t::PARTIES_INTRO.into()), Block::Bullets(signing)];
    if context.participants(ParticipantRole::ForceEtat).next().is_none() {
        blocks.push(Block::Paragraph(t::NO_STATE_FORCE.into()));
    }
    if context.participants(ParticipantRole::SecuritePrivee).next().is_none() {
        blocks.push(Block::Paragraph(t::NO_PROVIDER.into()));
    }
    let others: Vec<String> = context
        .plan
        .participants
        .iter()
        .filter(|p| {
            matches!(p.role(), ParticipantRole::PoliceMunicipale | ParticipantRole::Secours | ParticipantRole::Autre)
        })
        .map(|p| format!("{} ({})", p.name(), p.role().label()))
        .collect();
    if !others.is_empty() {
        blocks.push(Block::Paragraph(t::OTHERS_INTRO.into()));
        blocks.push(Block::Bullets(others));
    }
    blocks.push(Block::Paragraph(t::PROSECUTOR.into()));
    blocks
}

/// Article: what the convention is for.
pub fn purpose(context: &Context) -> Vec<Block> {
    let event = &context.plan.event;
    vec![
        Block::Paragraph(format!(
            "La présente convention organise la coopération de sécurité pour l’événement « {} » ({}), qui se tient à \
{}, {}, et accueille jusqu’à {} personnes au plus fort de sa fréquentation ({}).",
            event.name(),
            event.kind().label().to_lowercase(),
            event.commune_name(),
            event.address(),
            count(u64::from(event.expected_attendance())),
            event.behaviour().label().to_lowercase(),
        )),
        Block::Paragraph(t::PURPOSE_PRINCIPLE.into()),
    ]
}

fn zone_row(context: &Context, zone: &Zone) -> Vec<String> {
    let posts: Vec<&str> = context.plan.posts.iter().filter(|p| p.zone_id() == zone.id()).map(|p| p.name()).collect();
    let name = if posts.is_empty() {
        zone.name().to_string()
    } else {
        format!("{} (postes : {})", zone.name(), posts.join(", "))
    };
    let kind = if zone.public_road() && zone.kind() != crate::domain::plan::ZoneKind::VoiePublique {
        format!("{}, sur la voie publique", zone.kind().label())
    } else {
        zone.kind().label().to_string()
    };
    vec![name, kind, zone.address().unwrap_or(context.plan.event.address()).to_string()]
}

/// Article: the zones covered and the time the convention lasts (set-up to tear-down).
pub fn perimeter_and_duration(context: &Context) -> Vec<Block> {
    let event = &context.plan.event;
    let zone = context.zone;
    let mut blocks = vec![Block::Subheading("Périmètre".into())];
    if context.plan.zones.is_empty() {
        blocks.push(Block::Paragraph(t::NO_ZONE.into()));
    } else {
        blocks.push(Block::Paragraph(format!(
            "La convention s’applique aux {} zones suivantes de l’événement :",
            context.plan.zones.len()
        )));
        let map = zone_map(&context.plan.zones);
        // With a map, each zone carries the number the map shows.
        let rows = context.plan.zones.iter().enumerate().map(|(i, z)| {
            let mut row = zone_row(context, z);
            if map.is_some() {
                row[0] = format!("{}. {}", i + 1, row[0]);
            }
            row
        });
        blocks.push(Block::Table {
            header: t::ZONES_HEADER.iter().map(|h| h.to_string()).collect(),
            rows: rows.collect(),
        });
        if let Some(map) = map {
            let entries: Vec<(usize, &str, bool)> =
                map.shapes.iter().map(|s| (s.number, s.name.as_str(), s.public_road)).collect();
            let legend = t::map_legend(&entries);
            blocks.push(Block::Map(map));
            blocks.push(Block::Paragraph(legend));
        }
    }
    if context.plan.zones.iter().any(Zone::public_road) {
        blocks.push(Block::Paragraph(t::PUBLIC_ROAD_NOTE.into()));
    }
    for order in event.legal().orders_of(crate::domain::plan::OrderKind::PerimetreL226_1) {
        blocks.push(Block::Paragraph(format!(
            "Un périmètre de protection est institué par l’{} (article L226-1 du code de la sécurité intérieure) : ses \
points d’accès et les catégories d’agents habilités sont ceux de l’arrêté ; les agents privés n’y interviennent \
qu’en assistance, sous l’autorité d’officiers de police judiciaire.",
            order.citation()
        )));
    }
    blocks.push(Block::Subheading("Durée".into()));
    let mut periods = Vec::new();
    if let Some(setup) = event.setup() {
        periods.push(format!("montage : {} ;", window_long(setup, zone)));
    }
    periods.push(format!("accueil du public : {} ;", window_long(event.window(), zone)));
    if let Some(teardown) = event.teardown() {
        periods.push(format!("démontage : {}.", window_long(teardown, zone)));
    }
    blocks.push(Block::Bullets(periods));
    blocks.push(Block::Paragraph(format!(
        "La convention prend effet au début des opérations et prend fin à leur issue. Les heures sont celles du fuseau \
horaire de l’événement ({}).",
        zone.name()
    )));
    blocks
}

/// Article: the conventions in force it cites rather than repeats.
pub fn non_redundancy(context: &Context) -> Vec<Block> {
    let event = &context.plan.event;
    let mut communes = vec![event.commune().as_str().to_string()];
    communes.extend(
        context
            .participants(ParticipantRole::PoliceMunicipale)
            .filter_map(|p| p.commune())
            .map(|c| c.as_str().to_string()),
    );
    let cited: Vec<String> = context
        .inputs
        .conventions_in_force
        .iter()
        .filter(|c| communes.iter().any(|code| code == c.commune_code.trim()))
        .filter(|c| context.operations().is_none_or(|ops| c.in_force_during(&ops)))
        .map(|c| {
            // `until` is the first instant no longer covered: the last day is the one before.
            let until = c
                .until
                .map(|u| format!(" jusqu’au {}", day_long(crate::domain::time::Instant(u.0 - 1), context.zone)))
                .unwrap_or_default();
            format!("{}, en vigueur depuis le {}{until} ;", clean(&c.reference), day_long(c.from, context.zone))
        })
        .collect();
    let mut blocks = vec![Block::Paragraph(t::NO_REDUNDANCY.into())];
    if cited.is_empty() {
        blocks.push(Block::Paragraph(t::NO_CONVENTION_KNOWN.into()));
    } else {
        blocks.push(Block::Paragraph(t::CONVENTIONS_CITED.into()));
        blocks.push(Block::Bullets(cited));
    }
    blocks
}

/// The signature block: the prefecture, the mayors, the organiser, the providers and the
/// State forces, each with what it signs for (the articles that commit it). The prefect's box
/// is first: the approval fills it (`ConventionDocument::stamped`).
pub fn signatories(context: &Context) -> Vec<Signatory> {
    let sign = |capacity: &str, name: String, commits: &str| Signatory {
        capacity: capacity.to_string(),
        name,
        commits: commits.to_string(),
        signed: None,
    };
    let mut all = vec![sign("Pour le préfet", context.prefecture.clone(), t::COMMITS_PREFECT)];
    all.extend(mayors(context).into_iter().map(|m| sign("Le maire", capitalised(&m), t::COMMITS_MAYOR)));
    all.extend(
        context
            .participants(ParticipantRole::Organisateur)
            .map(|p| sign("Pour l’organisateur, donneur d’ordre", p.name().into(), t::COMMITS_ORGANISER)),
    );
    all.extend(
        context
            .participants(ParticipantRole::SecuritePrivee)
            .map(|p| sign("Pour le prestataire de sécurité privée", p.name().into(), t::COMMITS_PROVIDER)),
    );
    let forces: Vec<_> = context.participants(ParticipantRole::ForceEtat).collect();
    if forces.is_empty() {
        all.push(sign(
            "Pour les forces de sécurité de l’État",
            "Service territorialement compétent".into(),
            t::COMMITS_STATE_FORCES,
        ));
    }
    all.extend(
        forces
            .into_iter()
            .map(|p| sign("Pour les forces de sécurité de l’État", p.name().into(), t::COMMITS_STATE_FORCES)),
    );
    all
}
