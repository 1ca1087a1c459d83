//! The risk assessment, the sizing and the comparison with the plan, on real-looking events.

use super::provision::{compare, provided, CoverageVerdict, ProvisionLine};
use super::risk::*;
use super::sizing::*;
use crate::domain::plan::fixtures::{festival_draft, id, july};
use crate::domain::plan::{
    Deployment, DeploymentDraft, Event, MissionCategory, Participant, ParticipantDraft, ParticipantRole, Plan, Post,
    PostDraft, TimeWindow, Visibility, Zone, ZoneDraft, ZoneKind,
};

fn assessment(attendance: u32, behaviour: BehaviourP2, site: SiteE1, minutes: u32) -> RiskAssessment {
    RiskAssessment::new(RiskAssessmentDraft {
        peak_attendance: attendance,
        behaviour,
        site,
        response_time_minutes: minutes,
        ..RiskAssessmentDraft::from_event(&Event::new(festival_draft()).unwrap())
    })
    .unwrap()
}

fn festival_risk() -> RiskAssessment {
    assessment(12_000, BehaviourP2::Dynamique, SiteE1::Temporaire, 15)
}

#[test]
fn the_form_starts_from_the_event_attendance_behaviour_and_perimeter() {
    let mut draft = festival_draft();
    draft
        .legal
        .orders
        .push(crate::domain::plan::PrefectOrder::unnumbered(crate::domain::plan::OrderKind::PerimetreL226_1));
    let form = RiskAssessmentDraft::from_event(&Event::new(draft).unwrap());
    assert_eq!((form.peak_attendance, form.behaviour, form.perimeter_l226_1), (12_000, BehaviourP2::Dynamique, true));
}

#[test]
fn every_wrong_field_gets_its_own_french_message() {
    let draft = RiskAssessmentDraft {
        peak_attendance: 0,
        response_time_minutes: 2_000,
        erp_type: Some("Z".into()),
        notes: "Buvette\u{7}".into(),
        ..RiskAssessmentDraft::from_event(&Event::new(festival_draft()).unwrap())
    };
    let errors = RiskAssessment::new(draft).unwrap_err();
    let fields: Vec<RiskField> = errors.iter().map(|e| e.field).collect();
    assert_eq!(fields, [RiskField::PeakAttendance, RiskField::ResponseTime, RiskField::ErpType, RiskField::Notes]);
    assert_eq!(errors[0].message, "L’effectif maximal simultané doit être compris entre 1 et 2 000 000 personnes.");
    assert!(errors[2].message.starts_with("Type d’ERP inconnu : « Z »."), "{}", errors[2].message);
    assert_eq!(errors[3].message, "Ce texte contient des caractères de contrôle.");
}

#[test]
fn an_erp_type_is_read_in_any_case_and_stored_by_its_code() {
    let mut draft = RiskAssessmentDraft::from_event(&Event::new(festival_draft()).unwrap());
    draft.erp_type = Some(" cts ".into());
    let risk = RiskAssessment::new(draft).unwrap();
    assert_eq!(risk.erp_type(), Some(ErpType::Cts));
    let json = serde_json::to_value(&risk).unwrap();
    assert_eq!(json["erp_type"], "CTS");
    assert_eq!(serde_json::from_value::<RiskAssessment>(json).unwrap(), risk);
}

#[test]
fn an_assessment_read_from_json_is_checked_again() {
    let mut json = serde_json::to_value(festival_risk()).unwrap();
    json["peak_attendance"] = 0.into();
    assert!(serde_json::from_value::<RiskAssessment>(json).is_err());
}

#[test]
fn the_calanques_festival_needs_a_small_dps_of_twelve_and_fifty_four_stewards() {
    let sizing = size(&festival_risk(), 6, &SizingParameters::defaults());
    assert_eq!((sizing.p2, sizing.e1, sizing.e2), (0.40, 0.30, 0.30));
    // 0.4 + 0.3 + 0.3 in binary floating point is just over 1: RIS must still be exactly 12.
    assert_eq!(sizing.ris, 12.0);
    assert_eq!((sizing.category, sizing.first_aiders), (DpsCategory::PetiteEnvergure, 12));
    assert_eq!(sizing.stewards, 6 + 48);
    assert_eq!(
        sizing.working,
        [
            "Effectif pris en compte : P = 12 000 personnes (effectif maximal simultané).",
            "Indicateur de risque : i = P2 + E1 + E2 = 0,4 + 0,3 + 0,3 = 1 (secours publics à 15 min).",
            "Ratio d’intervenants secouristes : RIS = i × P / 1 000 = 1 × 12 000 / 1 000 = 12.",
            "RIS = 12 : DPS de petite envergure, 12 intervenants secouristes (RIS arrondi à l’unité supérieure, 4 au \
             minimum).",
            "Agents de sécurité suggérés : 6 postes fixes + 12 000 / 250 = 48 (arrondi à l’unité supérieure), soit 54 \
             agents.",
        ]
    );
}

#[test]
fn a_seated_concert_of_eight_hundred_in_a_hall_needs_an_alert_post_of_two() {
    let sizing = size(&assessment(800, BehaviourP2::Assis, SiteE1::Permanent, 8), 0, &SizingParameters::defaults());
    assert_eq!((sizing.ris, sizing.category, sizing.first_aiders, sizing.stewards), (0.6, DpsCategory::Paps, 2, 3));
}

#[test]
fn a_village_fete_of_two_hundred_is_left_to_the_authority() {
    let sizing = size(&assessment(200, BehaviourP2::Debout, SiteE1::Permanent, 10), 1, &SizingParameters::defaults());
    assert_eq!(
        (sizing.ris, sizing.category, sizing.first_aiders, sizing.stewards),
        (0.16, DpsCategory::DecisionAutorite, 0, 2)
    );
    assert!(sizing.working[3].contains("relève de la décision de l’autorité de police"), "{}", sizing.working[3]);
}

#[test]
fn a_ris_of_exactly_one_and_an_eighth_is_still_an_alert_post() {
    let sizing = size(&assessment(1_500, BehaviourP2::Assis, SiteE1::Permanent, 10), 0, &SizingParameters::defaults());
    assert_eq!((sizing.ris, sizing.category, sizing.first_aiders), (1.125, DpsCategory::Paps, 2));
    assert_eq!(
        sizing.working[3],
        "RIS = 1,125 ne dépasse pas 1,125 : point d’alerte et de premiers secours, 2 secouristes."
    );
}

#[test]
fn a_response_time_of_ten_minutes_is_short_and_eleven_is_not() {
    let p = SizingParameters::defaults();
    let e2 = |minutes| size(&assessment(1_000, BehaviourP2::Assis, SiteE1::Permanent, minutes), 0, &p).e2;
    assert_eq!((e2(10), e2(11), e2(20), e2(30), e2(31)), (0.25, 0.30, 0.30, 0.35, 0.40));
}

#[test]
fn thirty_thousand_at_a_static_show_on_a_large_site_need_a_medium_dps() {
    let risk = assessment(30_000, BehaviourP2::Statique, SiteE1::Etendu, 25);
    let sizing = size(&risk, 10, &SizingParameters::defaults());
    assert_eq!((sizing.ris, sizing.category, sizing.first_aiders), (31.5, DpsCategory::MoyenneEnvergure, 32));
    assert_eq!(sizing.stewards, 10 + 110);
}

#[test]
fn above_a_hundred_thousand_the_extra_public_counts_for_half() {
    let risk = assessment(150_000, BehaviourP2::Dynamique, SiteE1::Difficile, 35);
    let sizing = size(&risk, 0, &SizingParameters::defaults());
    assert_eq!(sizing.public_counted, 125_000.0);
    assert_eq!((sizing.ris, sizing.category, sizing.first_aiders), (150.0, DpsCategory::GrandeEnvergure, 150));
    assert_eq!(
        sizing.working[0],
        "Effectif pris en compte : P = 100 000 + (150 000 − 100 000) / 2 = 125 000 personnes (au-delà de 100 000 \
         personnes, le public supplémentaire compte pour moitié)."
    );
    assert_eq!(sizing.stewards, 600, "stewards are sized on the whole attendance");
}

#[test]
fn a_department_sizes_stewards_one_per_two_hundred_for_a_dynamic_public() {
    let overrides = SizingOverrides {
        department: "13".into(),
        values: [(SizingKey::SpectateursParAgentDynamique, 200.0)].into(),
        reason: "Arrêté préfectoral 13-2026-044 (festivals de plein air)".into(),
    };
    let p = SizingParameters::with_overrides(&overrides).unwrap();
    assert_eq!(size(&festival_risk(), 6, &p).stewards, 66);
    assert_eq!(
        p.reason(SizingKey::SpectateursParAgentDynamique),
        Some("Arrêté préfectoral 13-2026-044 (festivals de plein air)")
    );
    assert_eq!(p.reason(SizingKey::P2Assis), None);
    assert_eq!(p.department.as_deref(), Some("13"));
}

#[test]
fn overrides_without_a_reason_out_of_range_or_out_of_order_are_refused() {
    let with = |key, value, reason: &str| {
        SizingParameters::with_overrides(&SizingOverrides {
            department: "13".into(),
            values: [(key, value)].into(),
            reason: reason.into(),
        })
    };
    assert_eq!(with(SizingKey::P2Assis, 0.3, " "), Err(SizingParametersError::ReasonRequired));
    assert_eq!(with(SizingKey::P2Assis, 1.5, "x"), Err(SizingParametersError::InvalidValue(SizingKey::P2Assis)));
    assert_eq!(with(SizingKey::E1Etendu, f64::NAN, "x"), Err(SizingParametersError::InvalidValue(SizingKey::E1Etendu)));
    assert_eq!(
        with(SizingKey::SecouristesPaps, 2.5, "x"),
        Err(SizingParametersError::InvalidValue(SizingKey::SecouristesPaps))
    );
    let order = with(SizingKey::RisPaps, 20.0, "x").unwrap_err();
    assert_eq!(order.to_string(), "Les seuils RIS doivent être strictement croissants.");
}

#[test]
fn a_department_changes_one_coefficient_at_a_time_and_setting_the_national_value_back_drops_its_reason() {
    let national = SizingParameters::defaults();
    let adapted = national
        .with_change(SizingKey::SpectateursParAgentDynamique, 200.0, " Arrêté 13-2026-044 ")
        .unwrap()
        .with_change(SizingKey::E2Moyen, 0.35, "Secours éloignés l’été")
        .unwrap();
    assert_eq!(size(&festival_risk(), 6, &adapted).stewards, 66);
    assert_eq!(adapted.reason(SizingKey::SpectateursParAgentDynamique), Some("Arrêté 13-2026-044"));
    assert_eq!(adapted.get(SizingKey::E2Moyen), 0.35);
    let back = adapted.with_change(SizingKey::SpectateursParAgentDynamique, 250.0, "Retour au national").unwrap();
    assert_eq!(back.reason(SizingKey::SpectateursParAgentDynamique), None);
    assert_eq!(back.reason(SizingKey::E2Moyen), Some("Secours éloignés l’été"));
    assert_eq!(SizingParameters::default_of(SizingKey::SpectateursParAgentDynamique), 250.0);
    // Refusals leave the parameters as they were (the caller keeps `adapted`).
    assert_eq!(adapted.with_change(SizingKey::P2Assis, 0.3, "  "), Err(SizingParametersError::ReasonRequired));
    assert_eq!(
        adapted.with_change(SizingKey::SpectateursParAgentAssis, 0.5, "x"),
        Err(SizingParametersError::InvalidValue(SizingKey::SpectateursParAgentAssis))
    );
    assert_eq!(
        adapted.with_change(SizingKey::E2SeuilMoyenMinutes, 40.0, "x").unwrap_err().to_string(),
        "Les seuils E2 doivent être strictement croissants."
    );
    // What a department saved reads back equal, through the checked JSON form.
    let json = serde_json::to_string(&adapted).unwrap();
    assert_eq!(serde_json::from_str::<SizingParameters>(&json).unwrap(), adapted);
}

#[test]
fn every_coefficient_has_a_reference_and_the_compliance_rules_keep_no_copy_of_them() {
    use crate::domain::compliance::{RuleCode, RuleSet};
    assert!(SizingKey::ALL.iter().all(|&key| !reference(key).is_empty()));
    // The rules read the sizing (one computation): they hold no coefficient of their own.
    let rules = RuleSet::defaults();
    assert!(rules.rule(RuleCode::DpsInsuffisant).parameters.is_empty());
    let stewards: Vec<&String> = rules.rule(RuleCode::StewardsInsuffisants).parameters.keys().collect();
    assert_eq!(stewards, ["part_minimale"]);
}

// The plan side: an organiser, a security company, a first-aid association and the police.

fn participant(n: u32, role: ParticipantRole) -> Participant {
    Participant::new(ParticipantDraft {
        id: id(n),
        organisation_id: id(n + 100),
        name: format!("{} {n}", role.label()),
        role,
        contact_name: None,
        contact_phone: None,
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .unwrap()
}

fn deployment(n: u32, participant: u32, window: TimeWindow, headcount: u32, category: MissionCategory) -> Deployment {
    Deployment::new(DeploymentDraft {
        id: id(n),
        participant_id: id(participant),
        zone_id: id(50),
        post_id: None,
        window,
        headcount,
        agent_ids: vec![],
        category,
        mission: String::new(),
        radio: None,
        visibility: Visibility::AllParticipants,
    })
    .unwrap()
}

fn festival_plan() -> Plan {
    use MissionCategory::*;
    let evening = july((10, 18, 0), (11, 2, 0));
    let second = july((11, 18, 0), (12, 2, 0));
    let peak = july((10, 21, 0), (10, 23, 30));
    Plan {
        event: Event::new(festival_draft()).unwrap(),
        zones: vec![Zone::new(ZoneDraft {
            id: id(50),
            name: "Entrée Prado".into(),
            kind: ZoneKind::EntreeFiltrage,
            public_road: false,
            acces_enceinte: false,
            address: None,
            polygon: None,
        })
        .unwrap()],
        posts: (60..66)
            .map(|n| Post::new(PostDraft { id: id(n), zone_id: id(50), name: format!("Portique {n}") }).unwrap())
            .collect(),
        participants: vec![
            participant(10, ParticipantRole::Organisateur),
            participant(11, ParticipantRole::SecuritePrivee),
            participant(12, ParticipantRole::Secours),
            participant(13, ParticipantRole::ForceEtat),
        ],
        agents: vec![],
        needs: vec![],
        deployments: vec![
            deployment(200, 11, evening, 30, Filtrage),
            deployment(201, 11, second, 30, Filtrage),
            deployment(202, 11, peak, 20, Surveillance),
            deployment(203, 10, evening, 4, Pc),
            deployment(204, 10, july((10, 18, 0), (12, 2, 0)), 6, Circulation),
            deployment(205, 12, july((10, 18, 0), (12, 2, 0)), 8, Surveillance),
            deployment(206, 11, evening, 4, Secours),
            deployment(207, 13, evening, 40, Patrouille),
        ],
    }
}

#[test]
fn the_plan_provides_first_aiders_and_stewards_counted_once_each() {
    let provision = provided(&festival_plan());
    // First-aiders: the approved association's 8 all along; the company's 4 on a first-aid
    // mission the first evening are no DPS (L725-3) and no stewards either.
    assert_eq!(provision.first_aiders, ProvisionLine { lowest: 8, highest: 8 });
    // Stewards: filtering 30 + traffic 6, plus 20 at the first evening's peak; the command post
    // and the police are not stewards; between the two evenings only the 6 on traffic remain.
    assert_eq!(provision.stewards, ProvisionLine { lowest: 6, highest: 56 });
    assert_eq!(provision.static_posts, 6);
}

#[test]
fn the_festival_plan_covers_its_stewards_at_the_peak_but_falls_short_of_first_aid() {
    let plan = festival_plan();
    let provision = provided(&plan);
    let comparison =
        compare(&size(&festival_risk(), provision.static_posts, &SizingParameters::defaults()), &provision);
    assert_eq!(comparison.first_aiders.suggested, 12);
    assert_eq!(comparison.first_aiders.verdict, CoverageVerdict::Short);
    assert_eq!(comparison.first_aiders.missing_at_weakest, 4);
    assert_eq!((comparison.stewards.suggested, comparison.stewards.verdict), (54, CoverageVerdict::PartlyCovered));
}

#[test]
fn a_plan_without_deployments_provides_nobody_and_falls_short() {
    let mut plan = festival_plan();
    plan.deployments.clear();
    let provision = provided(&plan);
    assert_eq!(provision.first_aiders, ProvisionLine { lowest: 0, highest: 0 });
    let comparison = compare(&size(&festival_risk(), 0, &SizingParameters::defaults()), &provision);
    assert_eq!((comparison.stewards.verdict, comparison.stewards.missing_at_weakest), (CoverageVerdict::Short, 48));
}

#[test]
fn parameters_read_back_from_storage_only_whole_and_valid() {
    let overrides = SizingOverrides {
        department: "13".into(),
        values: [(SizingKey::E2SeuilRapideMinutes, 12.0)].into(),
        reason: "Casernes proches du site".into(),
    };
    let p = SizingParameters::with_overrides(&overrides).unwrap();
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["values"]["e2_seuil_rapide_minutes"], 12.0);
    assert_eq!(serde_json::from_value::<SizingParameters>(json.clone()).unwrap(), p);
    let mut negative = json.clone();
    negative["values"]["p2_assis"] = (-1.0).into();
    assert!(serde_json::from_value::<SizingParameters>(negative).is_err());
    let mut incomplete = json;
    incomplete["values"].as_object_mut().unwrap().remove("ris_paps");
    assert!(serde_json::from_value::<SizingParameters>(incomplete).is_err());
}

#[test]
fn the_risk_form_as_typed_reads_back_the_assessment_it_shows_and_refuses_at_the_field() {
    let shown = RiskFormInput::from_draft(festival_risk().into());
    assert_eq!(shown.parse().unwrap(), festival_risk());
    let unknown_site = RiskFormInput { site: "volcan".into(), ..shown.clone() };
    assert_eq!(unknown_site.parse().unwrap_err().field, "site");
    let words = RiskFormInput { peak_attendance: "beaucoup".into(), ..shown.clone() };
    assert_eq!(words.parse().unwrap_err().field, "peak_attendance");
    let nobody = RiskFormInput { peak_attendance: "0".into(), ..shown };
    assert_eq!(nobody.parse().unwrap_err().field, "peak_attendance");
}
