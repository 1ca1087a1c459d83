//! The convention built from the Saint-Jean release: its facts, its articles in the order of
//! the circular, restricted deployments kept out of sight, the caller's inputs in place.

use super::fixtures::{findings, full_inputs, outlined, release_of, saint_jean_release};
use super::*;
use crate::domain::compliance::{Finding, RuleCode, Severity};
use crate::domain::plan::{Event, Plan};
use crate::domain::release::fixtures::{event, id, june, saint_jean, PATROL};

fn text_of(article: &Article) -> String {
    let mut out = String::new();
    for block in &article.blocks {
        match block {
            Block::Subheading(s) | Block::Paragraph(s) => out.push_str(s),
            Block::Bullets(items) => out.push_str(&items.join("\n")),
            Block::Table { header, rows } => {
                out.push_str(&header.join(" | "));
                for row in rows {
                    out.push('\n');
                    out.push_str(&row.join(" | "));
                }
            }
            Block::Map(_) => {}
        }
        out.push('\n');
    }
    out
}

fn saint_jean_convention() -> ConventionDocument {
    let release = saint_jean_release();
    build_convention(&release, &findings(&release), &full_inputs())
}

fn article_text(document: &ConventionDocument, id: ArticleId) -> String {
    text_of(document.article(id).unwrap())
}

#[test]
fn the_convention_names_the_event_its_reference_its_version_and_the_release_digest() {
    let release = saint_jean_release();
    let document = build_convention(&release, &[], &full_inputs());
    assert_eq!(document.event_name, "Fête de la Saint-Jean");
    assert_eq!(document.reference, "CLCS-13-2026-0042");
    assert_eq!(document.release_number, 1);
    assert_eq!(document.release_sha256, release_sha256(&release));
    assert_eq!(document.commune, "Martigues (13056)");
    assert_eq!(document.prefecture, "Préfecture des Bouches-du-Rhône");
    assert_eq!(document.generated_on, "2 mai 2026");
    assert_eq!(document.release_published, "vendredi 1er mai 2026 à 10:00");
    assert_eq!(document.dates, "Du samedi 20 juin 2026 à 18:00 au dimanche 21 juin 2026 à 02:00 (Europe/Paris)");
}

#[test]
fn the_articles_follow_the_frame_and_the_five_axes_of_the_circular_in_order() {
    let document = saint_jean_convention();
    let ids: Vec<ArticleId> = document.articles.iter().map(|a| a.id).collect();
    assert_eq!(ids, ArticleId::ALL);
    let numbers: Vec<usize> = document.articles.iter().map(|a| a.number).collect();
    assert_eq!(numbers, (1..=9).collect::<Vec<_>>());
    assert_eq!(document.articles[3].title, "Évaluation partagée des risques");
}

#[test]
fn the_parties_are_the_prefect_the_mayor_the_organiser_the_provider_and_the_state_force() {
    let document = saint_jean_convention();
    let parties = article_text(&document, ArticleId::Parties);
    for expected in [
        "le préfet, pour la préfecture des Bouches-du-Rhône ;",
        "le maire de Martigues ;",
        "Comité des fêtes, organisateur de l’événement et donneur d’ordre ;",
        "Provence Sécurité Événements, prestataire de sécurité privée ;",
        "le chef de service ou commandant d’unité de « Commissariat de Martigues »",
        "Le procureur de la République",
    ] {
        assert!(parties.contains(expected), "{expected} missing from\n{parties}");
    }
    let capacities: Vec<&str> = document.signatories.iter().map(|s| s.capacity.as_str()).collect();
    assert_eq!(
        capacities,
        [
            "Pour le préfet",
            "Le maire",
            "Pour l’organisateur, donneur d’ordre",
            "Pour le prestataire de sécurité privée",
            "Pour les forces de sécurité de l’État"
        ]
    );
}

#[test]
fn each_actor_s_missions_are_listed_by_zone_and_time_within_its_own_attributions() {
    let document = saint_jean_convention();
    let cooperation = article_text(&document, ArticleId::CooperationOperationnelle);
    assert!(cooperation.contains("chacun agissant dans le cadre strict de ses missions et de ses attributions"));
    assert!(cooperation.contains("Zone « Entrée Nord » — Entrée / filtrage"), "{cooperation}");
    assert!(cooperation.contains(
        "Provence Sécurité Événements (Sécurité privée) | sam. 20/06 18:00 – 23:00 | 2 | Filtrage : Contrôle visuel des sacs | Canal 3"
    ));
    assert!(cooperation.contains("Comité des fêtes (Organisateur) | sam. 20/06 16:00 – dim. 21/06 03:00 | 2"));
}

#[test]
fn a_restricted_deployment_is_named_only_by_its_actor_and_zone() {
    let document = saint_jean_convention();
    let cooperation = article_text(&document, ArticleId::CooperationOperationnelle);
    assert!(cooperation
        .contains("Commissariat de Martigues (Force de l'État) | Dispositif à diffusion restreinte | — | — | —"));
    assert!(cooperation.contains("communiqués aux seules forces de l’État et à la préfecture"));
    let everything = serde_json::to_string(&document).unwrap();
    assert!(!everything.contains("Patrouille pédestre"), "the restricted mission leaked");
    assert!(!everything.contains("20:00 – dim. 21/06 02:00"), "the restricted window leaked");
}

#[test]
fn two_restricted_deployments_of_one_actor_in_one_zone_make_one_line() {
    let mut plan = saint_jean();
    let mut second: crate::domain::plan::DeploymentDraft = plan.deployments[1].clone().into();
    second.id = id(999);
    plan.deployments.push(crate::domain::plan::Deployment::new(second).unwrap());
    let document = build_convention(&release_of(plan), &[], &full_inputs());
    let cooperation = article_text(&document, ArticleId::CooperationOperationnelle);
    assert_eq!(cooperation.matches("Dispositif à diffusion restreinte").count(), 1);
}

fn finding(message: &str, deployments: &[String]) -> Finding {
    Finding {
        rule: RuleCode::ALL[0],
        severity: Severity::Avertissement,
        message: message.into(),
        reference: "CSI L613-1".into(),
        fix: "Corriger".into(),
        zone_ids: Vec::new(),
        deployment_ids: deployments.to_vec(),
        participant_ids: Vec::new(),
        agent_ids: Vec::new(),
    }
}

#[test]
fn the_annex_lists_the_findings_except_those_naming_a_restricted_deployment() {
    let release = saint_jean_release();
    let findings = [
        finding("Point visible", &[id(100)]),
        finding("Point sur la patrouille", &[id(100), id(PATROL)]),
        finding("Point général", &[]),
    ];
    let document = build_convention(&release, &findings, &full_inputs());
    let messages: Vec<&str> = document.annex.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(messages, ["Point visible", "Point général"]);
    assert_eq!(document.annex[0].severity, "Avertissement");
    assert_eq!(document.annex[0].reference, "CSI L613-1");
}

#[test]
fn the_real_findings_of_the_saint_jean_plan_reach_the_annex() {
    let release = saint_jean_release();
    let all = findings(&release);
    assert!(!all.is_empty(), "the fixture has findings (no needs, no agents' cards…)");
    let document = build_convention(&release, &all, &full_inputs());
    assert!(!document.annex.is_empty());
    assert!(document.annex.len() <= all.len());
}

#[test]
fn only_the_conventions_in_force_on_the_commune_during_the_event_are_cited() {
    let document = saint_jean_convention();
    let clause = article_text(&document, ArticleId::NonRedondance);
    assert!(clause.contains("sans redondance avec les conventions en cours de validité"));
    assert!(
        clause.contains("Convention de coordination de Martigues du 3 mars 2025, en vigueur depuis le 3 mars 2025 ;")
    );
    assert!(!clause.contains("Istres"), "another commune");
    assert!(!clause.contains("Canto Perdrix"), "ended before the event");
    let alone = build_convention(&saint_jean_release(), &[], &ConventionInputs::new("R", document_instant()));
    assert!(article_text(&alone, ArticleId::NonRedondance).contains("Aucune autre convention en vigueur"));
}

fn document_instant() -> crate::domain::time::Instant {
    super::fixtures::paris((2026, 5, 2), (9, 0))
}

#[test]
fn clauses_and_amendments_go_to_their_article_and_blank_ones_are_dropped() {
    let document = saint_jean_convention();
    let information = document.article(ArticleId::EchangeInformations).unwrap();
    assert_eq!(
        information.template_clause.as_deref(),
        Some("Le centre d’information et de commandement est joignable au 04 42 00 00 00.")
    );
    let commitments = document.article(ArticleId::Engagements).unwrap();
    let authors: Vec<AmendmentAuthor> = commitments.amendments.iter().map(|a| a.author).collect();
    assert_eq!(authors, [AmendmentAuthor::Organisateur, AmendmentAuthor::Prefecture]);
    assert!(document.article(ArticleId::Objet).unwrap().amendments.is_empty());
    assert!(document.articles.iter().filter(|a| a.template_clause.is_some()).count() == 1);
}

#[test]
fn the_risk_article_holds_the_assessment_or_says_it_is_missing() {
    let document = saint_jean_convention();
    let risk = article_text(&document, ArticleId::EvaluationRisques);
    assert!(risk.contains("Risque de mouvement de foule au feu de la Saint-Jean"));
    assert!(risk.contains("fréquentation attendue au plus fort : 8\u{202f}000 personnes ;"));
    let bare = build_convention(&saint_jean_release(), &[], &ConventionInputs::new("R", document_instant()));
    assert!(article_text(&bare, ArticleId::EvaluationRisques).contains("n’a pas encore été renseignée"));
    assert_eq!(bare.prefecture, "Préfecture du département 13");
}

#[test]
fn the_information_circuit_names_the_command_post_the_contacts_the_radio_and_the_alert() {
    let document = saint_jean_convention();
    let information = article_text(&document, ArticleId::EchangeInformations);
    for expected in [
        "Le poste de commandement « PC sécurité » (Quai Brescon)",
        "Commissariat de Martigues | Force de l'État | non renseigné | 04 42 00 00 17",
        "Canal 3 : Provence Sécurité Événements — Entrée Nord",
        "alerte immédiatement le poste de commandement",
    ] {
        assert!(information.contains(expected), "{expected} missing from\n{information}");
    }
    assert!(!information.contains("Commissariat de Martigues (Force de l'État) (sam."), "restricted staff");
}

#[test]
fn the_debrief_is_fifteen_days_after_the_end_of_operations() {
    let document = saint_jean_convention();
    let evaluation = article_text(&document, ArticleId::Evaluation);
    assert!(evaluation.contains("au plus tard le 6 juillet 2026."), "{evaluation}");
    assert!(evaluation.contains("La version v1 du plan prévoit 2 dispositifs visibles de tous, soit 32 heures-agents."));
}

#[test]
fn times_are_written_in_the_event_s_own_time_zone() {
    let mut plan = saint_jean();
    plan.event = event("97411", "Saint-Denis", june((20, 18), (21, 2)));
    let document = build_convention(&release_of(plan), &[], &full_inputs());
    // 18:00 in Paris (UTC+2) is 20:00 in Réunion (UTC+4).
    assert_eq!(document.dates, "Du samedi 20 juin 2026 à 20:00 au dimanche 21 juin 2026 à 04:00 (Indian/Reunion)");
    let cooperation = article_text(&document, ArticleId::CooperationOperationnelle);
    assert!(cooperation.contains("sam. 20/06 20:00 – dim. 21/06 01:00"), "{cooperation}");
}

#[test]
fn a_plan_with_nothing_but_its_event_still_gives_a_whole_convention() {
    let bare = Plan {
        event: Event::clone(&saint_jean().event),
        zones: Vec::new(),
        posts: Vec::new(),
        participants: Vec::new(),
        agents: Vec::new(),
        needs: Vec::new(),
        deployments: Vec::new(),
    };
    let document = build_convention(&release_of(bare), &[], &ConventionInputs::new("", document_instant()));
    assert_eq!(document.articles.len(), 9);
    assert!(article_text(&document, ArticleId::Parties).contains("Aucune force de sécurité de l’État"));
    assert!(article_text(&document, ArticleId::PerimetreDuree).contains("Aucune zone n’est définie"));
    assert_eq!(document.signatories.len(), 3, "prefect, mayor, the competent State service");
}

#[test]
fn a_stamp_carries_the_approver_and_its_date_in_the_event_s_zone() {
    let stamp = Stamp {
        approver_name: "Claire Martin".into(),
        approver_role: "Directrice de cabinet".into(),
        approved_at: super::fixtures::paris((2026, 6, 1), (14, 30)),
        reference: "AP-2026-118".into(),
    };
    let document = saint_jean_convention().stamped(stamp.clone(), chrono_tz::Europe::Paris);
    assert_eq!(document.stamp, Some(stamp));
    assert_eq!(document.stamp_date.as_deref(), Some("lundi 1er juin 2026 à 14:30"));
    assert_eq!(document.place_and_date(), format!("Fait à {}, le lundi 1er juin 2026 à 14:30", document.commune));
    // Who signed what: the prefect's box names who approved in Cordon, and when; the other
    // parties sign the copy by hand, each box saying what its signatory signs for.
    assert_eq!(
        document.signatories[0].signed.as_deref(),
        Some(
            "Signé dans Cordon par Claire Martin, Directrice de cabinet, le lundi 1er juin 2026 à 14:30 (approbation)."
        )
    );
    assert!(document.signatories[1..].iter().all(|s| s.signed.is_none()));
    let html = render_html(&document);
    assert!(html.contains("Signé dans Cordon par Claire Martin"), "{html}");
    assert!(render_typst(&document).contains("Signé dans Cordon par Claire Martin"));
}

#[test]
fn each_signature_box_says_what_its_signatory_signs_for() {
    let document = saint_jean_convention();
    let commits: Vec<(&str, &str)> =
        document.signatories.iter().map(|s| (s.capacity.as_str(), s.commits.as_str())).collect();
    assert!(commits.iter().all(|(_, c)| c.starts_with("Signe pour : ")), "{commits:?}");
    let of = |capacity: &str| commits.iter().find(|(c, _)| *c == capacity).map(|(_, w)| *w).unwrap();
    assert!(of("Le maire").contains("(article 5)"));
    assert!(of("Pour l’organisateur, donneur d’ordre").contains("(articles 3, 4 et 6)"));
    assert!(render_html(&document).contains("Signe pour : le dispositif de la manifestation"));
}

#[test]
fn an_unapproved_convention_leaves_the_date_of_signature_to_the_hand() {
    let document = saint_jean_convention();
    assert_eq!(document.place_and_date(), format!("Fait à {}, le", document.commune));
    assert!(render_html(&document).contains(&format!("<p>Fait à {}, le</p>", document.commune)));
}

#[test]
fn zones_drawn_with_an_outline_are_mapped_after_the_list_and_numbered_by_their_rank() {
    let plan = outlined(saint_jean(), 2);
    let document = build_convention(&release_of(plan.clone()), &[], &full_inputs());
    let article = document.articles.iter().find(|a| a.id == ArticleId::PerimetreDuree).unwrap();
    let at = article.blocks.iter().position(|b| matches!(b, Block::Map(_))).expect("a map");
    let Block::Table { rows, .. } = &article.blocks[at - 1] else { panic!("right after the list of zones") };
    assert_eq!(rows[1][0], format!("2. {}", plan.zones[1].name()), "the list carries the numbers");
    let Block::Map(map) = &article.blocks[at] else { unreachable!() };
    let numbered: Vec<(usize, &str)> = map.shapes.iter().map(|s| (s.number, s.name.as_str())).collect();
    assert_eq!(numbered, vec![(1, plan.zones[0].name()), (2, plan.zones[1].name())]);
    let Block::Paragraph(legend) = &article.blocks[at + 1] else { panic!("a legend under the map") };
    assert_eq!(
        legend,
        &format!(
            "Plan des zones délimitées (nord en haut ; les numéros sont ceux de la liste des zones) : 1 {} ; 2 {}.",
            plan.zones[0].name(),
            plan.zones[1].name()
        )
    );
    let html = render_html(&document);
    assert_eq!(html.matches("<polygon ").count(), 2);
    assert_eq!(render_typst(&document).matches("polygon(fill:").count(), 2);

    let mut bare = saint_jean();
    bare.zones = bare
        .zones
        .into_iter()
        .map(|z| crate::domain::plan::Zone::new(crate::domain::plan::ZoneDraft { polygon: None, ..z.into() }).unwrap())
        .collect();
    let plain = build_convention(&release_of(bare), &[], &full_inputs());
    assert!(!plain.articles.iter().flat_map(|a| &a.blocks).any(|b| matches!(b, Block::Map(_))), "no outline, no map");
}

/// The Saint-Jean fête in `commune`, of `kind`, under `regime`.
fn event_under(
    regime: crate::domain::plan::PoliceRegime,
    kind: crate::domain::plan::EventKind,
    commune: &str,
) -> Event {
    let mut draft = crate::domain::plan::EventDraft::from(saint_jean().event);
    draft.commune_name = commune.into();
    draft.kind = kind;
    draft.legal.regime_police = regime;
    Event::new(draft).unwrap()
}

#[test]
fn article_5_says_who_holds_which_police_power_at_the_event() {
    use crate::domain::plan::{EventKind, PoliceRegime};
    let text =
        super::articles_axes::police_powers(&event_under(PoliceRegime::PoliceEtat, EventKind::FeteFoire, "Martigues"));
    assert!(text.starts_with("Le maire exerce la police administrative générale"), "{text}");
    assert!(text.contains("Martigues relevant du régime de la police d’État"), "{text}");
    assert!(text.contains("Aucune mission de maintien de l’ordre n’est confiée à la police municipale"), "{text}");
    assert!(!text.contains("conservent seules"), "the State forces do not hold administrative police alone");
    let gendarmerie = super::articles_axes::police_powers(&event_under(
        PoliceRegime::Gendarmerie,
        EventKind::FeteFoire,
        "Villeneuve-sur-Lot",
    ));
    assert!(gendarmerie.contains("Villeneuve-sur-Lot étant en zone de gendarmerie"), "{gendarmerie}");
}

// CGCT L2214-4 al. 3: in a State-police commune the maire keeps order at fairs, markets and
// public rejoicings; the State at occasional large gatherings.
#[test]
fn in_a_state_police_commune_the_maire_keeps_order_at_a_fete() {
    use crate::domain::plan::{EventKind, PoliceRegime};
    let fete =
        super::articles_axes::police_powers(&event_under(PoliceRegime::PoliceEtat, EventKind::FeteFoire, "Martigues"));
    assert!(
        fete.contains(
            "cette manifestation étant une fête, une foire ou un marché, le maintien du bon ordre y relève du maire"
        ),
        "{fete}"
    );
    assert!(!fete.contains("grand rassemblement occasionnel"), "{fete}");
}

#[test]
fn in_a_state_police_commune_the_state_keeps_order_at_a_concert_if_it_is_an_occasional_large_gathering() {
    use crate::domain::plan::{EventKind, PoliceRegime};
    let concert = super::articles_axes::police_powers(&event_under(
        PoliceRegime::PoliceEtat,
        EventKind::FestivalConcert,
        "Martigues",
    ));
    assert!(
        concert.contains(
            "l’État a la charge du bon ordre de cette manifestation si elle constitue un grand rassemblement occasionnel"
        ),
        "{concert}"
    );
    assert!(concert.contains("le maire y conservant le maintien du bon ordre dans les foires"), "{concert}");
}

#[test]
fn an_unstated_police_regime_is_said_in_article_5() {
    use crate::domain::plan::{EventKind, PoliceRegime};
    let text = super::articles_axes::police_powers(&event_under(
        PoliceRegime::NonRenseigne,
        EventKind::FeteFoire,
        "Martigues",
    ));
    assert!(text.contains("le régime de police de la commune n’étant pas renseigné"), "{text}");
}

#[test]
fn the_visas_cite_each_prefects_order_with_its_number_and_date() {
    use crate::domain::plan::OrderKind;
    let mut plan = saint_jean();
    let mut draft = crate::domain::plan::EventDraft::from(plan.event.clone());
    draft.legal.orders = vec![crate::domain::compliance::fixtures::order(OrderKind::PalpationL613_2)];
    plan.event = Event::new(draft).unwrap();
    let document = build_convention(&release_of(plan), &[], &full_inputs());
    let parties = article_text(&document, ArticleId::Parties);
    assert!(parties.contains("Vu le code de la sécurité intérieure"), "{parties}");
    assert!(parties.contains("Vu l’arrêté préfectoral n° 13-2026-06-0412 du 02/06/2026"), "{parties}");
}

#[test]
fn the_convention_carries_a_personal_data_clause_for_what_the_parties_exchange() {
    let document = saint_jean_convention();
    let exchange = article_text(&document, ArticleId::EchangeInformations);
    assert!(exchange.contains("Données personnelles"), "{exchange}");
    assert!(exchange.contains(crate::text::convention::PERSONAL_DATA), "{exchange}");
}

#[test]
fn a_cited_convention_ends_on_the_last_day_the_registry_stores() {
    // The registry keeps the first day no longer covered (1 January 2027 for a convention
    // ending on 31 December 2026): the document prints the last day covered.
    let mut inputs = full_inputs();
    inputs.conventions_in_force[0].until = Some(super::fixtures::paris((2027, 1, 1), (0, 0)));
    let document = build_convention(&saint_jean_release(), &[], &inputs);
    let articulation = article_text(&document, ArticleId::NonRedondance);
    assert!(articulation.contains("jusqu’au 31 décembre 2026"), "{articulation}");
    assert!(!articulation.contains("1er janvier 2027"), "{articulation}");
}
