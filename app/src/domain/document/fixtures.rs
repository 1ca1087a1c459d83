//! Test data: the "Fête de la Saint-Jean" in Martigues (release fixtures) published as v1,
//! its real compliance findings, and inputs a prefecture would supply.

use std::collections::BTreeMap;

use super::model::{Amendment, AmendmentAuthor, ArticleId, ConventionInputs, RiskSection};
use crate::domain::compliance::{check_plan, ComplianceContext, ConventionInForce, Finding, RuleSet};
use crate::domain::plan::{Event, EventDraft, GeoPolygon, Plan, Zone, ZoneDraft};
use crate::domain::release::fixtures::{at, saint_jean};
use crate::domain::release::Release;
use crate::domain::time::Instant;

pub fn paris(day: (i32, u32, u32), time: (u32, u32)) -> Instant {
    at(chrono_tz::Europe::Paris, day, time)
}

/// `plan` published as v1 on 1 May 2026.
pub fn release_of(plan: Plan) -> Release {
    Release::publish(None, plan, "Version pour la préfecture", paris((2026, 5, 1), (10, 0))).unwrap()
}

pub fn saint_jean_release() -> Release {
    release_of(saint_jean())
}

/// `plan` with its event renamed.
pub fn renamed(mut plan: Plan, name: &str) -> Plan {
    plan.event = Event::new(EventDraft { name: name.into(), ..EventDraft::from(plan.event) }).unwrap();
    plan
}

/// `plan` with its first `n` zones outlined: rectangles of about 80 × 80 m side by side along
/// the quays of Martigues, from west to east.
pub fn outlined(mut plan: Plan, n: usize) -> Plan {
    let outline = |i: usize| {
        let (lon, lat) = (5.0500 + 0.0015 * i as f64, 43.4040);
        GeoPolygon::new(vec![
            [lon, lat],
            [lon + 0.001, lat],
            [lon + 0.001, lat + 0.0007],
            [lon, lat + 0.0007],
            [lon, lat],
        ])
        .unwrap()
    };
    plan.zones =
        plan.zones
            .into_iter()
            .enumerate()
            .map(|(i, z)| {
                if i < n {
                    Zone::new(ZoneDraft { polygon: Some(outline(i)), ..ZoneDraft::from(z) }).unwrap()
                } else {
                    z
                }
            })
            .collect();
    plan
}

/// The findings of the release's plan under the national rules on 2 May 2026.
pub fn findings(release: &Release) -> Vec<Finding> {
    check_plan(release.plan(), &RuleSet::defaults(), &ComplianceContext::at(paris((2026, 5, 2), (9, 0))))
}

/// Everything a prefecture can supply: reference, risk lines, three conventions (one in force
/// in Martigues, one elsewhere, one ended), a clause and amendments.
pub fn full_inputs() -> ConventionInputs {
    let convention = |reference: &str, commune: &str, from, until| ConventionInForce {
        reference: reference.into(),
        commune_code: commune.into(),
        from,
        until,
        kind: Some(crate::domain::convention::ConventionKind::Coordination),
    };
    ConventionInputs {
        prefecture: Some("Préfecture des Bouches-du-Rhône".into()),
        risk: Some(RiskSection {
            lines: vec!["Risque de mouvement de foule au feu de la Saint-Jean".into(), "  ".into()],
        }),
        conventions_in_force: vec![
            convention(
                "Convention de coordination de Martigues du 3 mars 2025",
                "13056",
                paris((2025, 3, 3), (0, 0)),
                None,
            ),
            convention("Convention de coordination d’Istres", "13047", paris((2025, 1, 1), (0, 0)), None),
            convention(
                "Convention du centre commercial Canto Perdrix",
                "13056",
                paris((2024, 1, 1), (0, 0)),
                Some(paris((2025, 12, 31), (0, 0))),
            ),
        ],
        template_clauses: BTreeMap::from([(
            ArticleId::EchangeInformations,
            "Le centre d’information et de commandement est joignable au 04 42 00 00 00.".to_string(),
        )]),
        attachments: vec![crate::domain::convention::attachment::AttachmentMeta {
            id: "piece-1".into(),
            kind: crate::domain::convention::attachment::AttachmentKind::ArretePrefectoral,
            file_name: "arrêté <périmètre>.pdf".into(),
            format: crate::domain::convention::attachment::AttachmentFormat::Pdf,
            size: 250_000,
            sha256: "ab".repeat(32),
        }],
        amendments: vec![
            Amendment {
                article: ArticleId::Engagements,
                author: AmendmentAuthor::Organisateur,
                text: "Les agents reçoivent un gilet numéroté.".into(),
            },
            Amendment {
                article: ArticleId::Engagements,
                author: AmendmentAuthor::Prefecture,
                text: "Le briefing a lieu à 17:00 au PC.".into(),
            },
            Amendment { article: ArticleId::Objet, author: AmendmentAuthor::Prefecture, text: "   ".into() },
        ],
        ..ConventionInputs::new("CLCS-13-2026-0042", paris((2026, 5, 2), (9, 0)))
    }
}
