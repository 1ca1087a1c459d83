//! The compliance scenarios: the compliant "Fête de la Saint-Jean" broken (or mended) one way
//! at a time, and the exact rule codes each variant gives, in order. Every rule has at least
//! one case where it fires and one where it does not; a few cases check the whole message.

use super::fixtures::*;
use super::{check_plan, ComplianceContext, ConventionInForce, RuleCode, RuleSet, RuleSettings, Severity};
use crate::domain::convention::ConventionKind;
use crate::domain::plan::{
    AgentDraft, MissionCategory, MunicipalFramework, OrderKind::*, PoliceRegime, Qualification, Sex, TimeWindow,
};
use RuleCode::*;

/// One test per scenario: the plan built by `$plan` gives exactly these rule codes.
macro_rules! scenario {
    ($name:ident, $plan:expr, [$($code:ident),* $(,)?]) => {
        #[test]
        fn $name() {
            let expected: Vec<RuleCode> = vec![$($code),*];
            assert_eq!($plan.codes(), expected);
        }
    };
}

fn private_at_avenue(category: MissionCategory) -> Edit {
    Edit::compliant().add_deployment(deployment_draft(310, COMPANY, AVENUE, evening(), 2, &[], category))
}

fn spectators(count: u32) -> Edit {
    Edit::compliant().event(|e| e.expected_attendance = count)
}

fn vehicle_search_by(participant: u32, perimeter: bool) -> Edit {
    let edit = if perimeter { Edit::compliant().with_order(order(PerimetreL226_1)) } else { Edit::compliant() };
    edit.add_deployment(deployment_draft(
        311,
        participant,
        ENTRANCE,
        evening(),
        2,
        &[],
        MissionCategory::FouilleVehicules,
    ))
}

fn municipal_police_until(day: u32, hour: u32, minute: u32, convention: bool) -> Edit {
    Edit::compliant()
        .event(|e| e.legal.convention_coordination_en_vigueur = convention)
        .deployment(TRAFFIC, |d| d.window = june((20, 18, 0), (day, hour, minute)))
}

/// Two of the organiser's own people, "Paul R." and "Inès T.", patting down at the entrance.
fn organiser_pat_downs(qualifications: &[Qualification]) -> Edit {
    let person = |n: u32, name: &str, sex: Sex| AgentDraft {
        participant_id: id(ORGANISER),
        cnaps_card: None,
        ..agent_draft(n, name, sex, qualifications)
    };
    Edit::compliant()
        .add_agent(person(105, "Paul R.", Sex::Homme))
        .add_agent(person(106, "Inès T.", Sex::Femme))
        .add_deployment(deployment_draft(
            316,
            ORGANISER,
            ENTRANCE,
            evening(),
            2,
            &[105, 106],
            MissionCategory::Filtrage,
        ))
}

/// Nadia also named on a deployment at the command post.
fn nadia_also(window: TimeWindow) -> Edit {
    Edit::compliant().add_deployment(deployment_draft(
        312,
        COMPANY,
        COMMAND_POST,
        window,
        0,
        &[NADIA],
        MissionCategory::Surveillance,
    ))
}

/// Nadia at the command post on each of these June days, from `from` to `to` o'clock.
fn nadia_on_days(days: &[u32], from: u32, to: u32) -> Edit {
    days.iter().enumerate().fold(Edit::compliant(), |edit, (i, &day)| {
        let window = june((day, from, 0), (day, to, 0));
        edit.add_deployment(deployment_draft(
            320 + i as u32,
            COMPANY,
            COMMAND_POST,
            window,
            0,
            &[NADIA],
            MissionCategory::Surveillance,
        ))
    })
}

fn no_private_deployment(count: u32) -> Edit {
    spectators(count).remove_deployment(FILTERING).deployment(FIRST_AID, |d| d.headcount = 4)
}

// The compliant plan.
scenario!(the_compliant_plan_has_no_finding, Edit::compliant(), []);

// L613-1: private agents on the public road.
scenario!(
    private_agents_on_the_public_road_without_authorisation_are_blocking,
    private_at_avenue(MissionCategory::Surveillance),
    [VoiePubliqueSansAutorisation]
);
scenario!(
    private_agents_watching_the_public_road_with_the_prefects_authorisation_are_allowed,
    private_at_avenue(MissionCategory::Surveillance).with_order(order(VoiePubliqueL613_1)),
    []
);
scenario!(
    private_agents_patrolling_the_public_road_with_the_prefects_authorisation_are_allowed,
    private_at_avenue(MissionCategory::Patrouille).with_order(order(VoiePubliqueL613_1)),
    []
);
scenario!(
    private_agents_filtering_on_the_public_road_are_outside_the_l613_1_authorisation,
    private_at_avenue(MissionCategory::Filtrage).with_order(order(VoiePubliqueL613_1)),
    [VoiePubliqueMissionHorsAutorisation]
);
scenario!(
    private_agents_directing_traffic_on_the_public_road_are_outside_the_l613_1_authorisation,
    private_at_avenue(MissionCategory::Circulation).with_order(order(VoiePubliqueL613_1)),
    [VoiePubliqueMissionHorsAutorisation]
);
scenario!(
    private_agents_filtering_inside_a_protection_perimeter_assist_the_judicial_police,
    private_at_avenue(MissionCategory::Filtrage).with_order(order(PerimetreL226_1)),
    []
);
scenario!(
    an_l613_1_authorisation_for_another_zone_does_not_cover_the_avenue,
    private_at_avenue(MissionCategory::Surveillance).with_order(order_in(VoiePubliqueL613_1, &[ENTRANCE], None)),
    [VoiePubliqueSansAutorisation]
);
scenario!(
    an_l613_1_authorisation_ending_at_nine_does_not_cover_the_evening_until_eleven,
    private_at_avenue(MissionCategory::Surveillance).with_order(order_in(
        VoiePubliqueL613_1,
        &[AVENUE],
        Some(june((20, 12, 0), (20, 21, 0)))
    )),
    [VoiePubliqueSansAutorisation]
);
scenario!(
    an_l613_1_authorisation_for_the_avenue_and_the_evening_covers_it,
    private_at_avenue(MissionCategory::Surveillance).with_order(order_in(
        VoiePubliqueL613_1,
        &[AVENUE],
        Some(june((20, 12, 0), (21, 2, 0)))
    )),
    []
);
scenario!(municipal_police_on_the_public_road_needs_no_authorisation, Edit::compliant(), []);

// L613-3, L613-2 and L226-1: the legal basis of pat-downs by private agents.
scenario!(
    pat_downs_by_private_agents_for_250_spectators_without_an_order_have_no_legal_basis,
    spectators(250),
    [PalpationSansBaseLegale]
);
scenario!(pat_downs_for_exactly_300_spectators_still_need_an_order, spectators(300), [PalpationSansBaseLegale]);
scenario!(
    pat_downs_for_301_spectators_at_the_entrance_of_an_enclosed_venue_under_an_opj_are_allowed_by_l613_3,
    spectators(301),
    []
);
scenario!(
    pat_downs_for_a_thousand_spectators_at_an_open_air_entrance_have_no_basis_without_an_order,
    Edit::compliant().zone(ENTRANCE, |z| z.acces_enceinte = false),
    [PalpationSansBaseLegale]
);
scenario!(
    pat_downs_for_a_thousand_spectators_without_an_opjs_control_have_no_basis,
    Edit::compliant().event(|e| e.legal.palpations_sous_controle_opj = false),
    [PalpationSansBaseLegale]
);
scenario!(
    pat_downs_at_an_open_air_entrance_under_a_prefects_order_for_it_are_allowed,
    Edit::compliant().zone(ENTRANCE, |z| z.acces_enceinte = false).with_order(order_in(
        PalpationL613_2,
        &[ENTRANCE],
        None
    )),
    []
);
scenario!(
    pat_downs_under_a_prefects_order_for_another_zone_have_no_basis,
    spectators(250).with_order(order_in(PalpationL613_2, &[AVENUE], None)),
    [PalpationSansBaseLegale]
);
scenario!(
    pat_downs_under_a_prefects_order_that_has_expired_have_no_basis,
    spectators(250).with_order(order_in(PalpationL613_2, &[], Some(june((13, 0, 0), (14, 0, 0))))),
    [PalpationSansBaseLegale]
);
scenario!(
    pat_downs_for_250_spectators_under_a_prefects_order_are_allowed,
    spectators(250).with_order(order(PalpationL613_2)),
    []
);
scenario!(
    pat_downs_for_250_spectators_inside_a_protection_perimeter_are_allowed,
    spectators(250).with_order(order(PerimetreL226_1)),
    []
);
scenario!(
    pat_downs_by_the_state_forces_need_no_legal_basis_in_the_plan,
    spectators(250).deployment(FILTERING, |d| {
        d.participant_id = id(POLICE);
        d.agent_ids = vec![];
    }),
    [PalpationSansMixite, StewardsInsuffisants]
);

#[test]
fn a_pat_down_without_basis_says_what_is_missing_for_l613_3() {
    let findings = Edit::compliant()
        .event(|e| {
            e.expected_attendance = 250;
            e.legal.palpations_sous_controle_opj = false;
        })
        .findings();
    assert_eq!(
        findings[0].message,
        "Provence Sécurité Événements prévoit des palpations de sécurité à « Entrée Quai Brescon » sans base légale : \
         ni arrêté préfectoral (L613-2) ni périmètre de protection (L226-1) ne couvre ce lieu et ce moment, et \
         l’accès à une enceinte (L613-3) ne s’applique pas (250 spectateurs attendus (300 au plus), aucun contrôle \
         d’un officier de police judiciaire n’est prévu)."
    );
    assert_eq!(findings[0].reference, "CSI L613-2, L613-3 et L226-1");
}

// L613-3 al. 2: the organiser's stewards pat down only with the agrément.
scenario!(
    organiser_volunteers_patting_down_without_the_agrement_are_blocking,
    organiser_pat_downs(&[Qualification::Palpation]),
    [PalpationBenevoleSansAgrement]
);
scenario!(
    organiser_stewards_holding_the_l613_3_agrement_may_pat_down,
    organiser_pat_downs(&[Qualification::AgrementL613_3]),
    []
);
scenario!(
    organiser_volunteers_patting_down_unnamed_cannot_show_the_agrement,
    Edit::compliant().add_deployment(deployment_draft(
        316,
        ORGANISER,
        ENTRANCE,
        evening(),
        2,
        &[],
        MissionCategory::Filtrage
    )),
    [PalpationBenevoleSansAgrement]
);
// L612-25: the organiser's in-house security service are security agents, carded like a
// company's (L612-20).
scenario!(
    the_organisers_in_house_security_service_pats_down_as_carded_security_agents,
    organiser_pat_downs(&[Qualification::Palpation])
        .participant(ORGANISER, |p| p.service_interne_securite = true)
        .agent(105, |a| a.cnaps_card = agent_draft(105, "Paul R.", Sex::Homme, &[]).cnaps_card)
        .agent(106, |a| a.cnaps_card = agent_draft(106, "Inès T.", Sex::Femme, &[]).cnaps_card),
    []
);
scenario!(
    the_organisers_in_house_security_agents_without_a_card_are_blocking,
    organiser_pat_downs(&[Qualification::Palpation]).participant(ORGANISER, |p| p.service_interne_securite = true),
    [AgentPriveSansCarte, AgentPriveSansCarte]
);

// L613-3 is the volunteers' only basis: an L613-2 order or an L226-1 perimeter opens
// pat-downs to security agents, not to the organiser's stewards.
scenario!(
    organiser_stewards_with_the_agrement_at_an_open_air_entrance_have_no_basis_under_a_prefects_order,
    organiser_pat_downs(&[Qualification::AgrementL613_3])
        .zone(ENTRANCE, |z| z.acces_enceinte = false)
        .with_order(order_in(PalpationL613_2, &[ENTRANCE], None)),
    [PalpationSansBaseLegale]
);
scenario!(
    organiser_stewards_with_the_agrement_inside_a_protection_perimeter_have_no_basis_outside_an_enclosed_venue,
    organiser_pat_downs(&[Qualification::AgrementL613_3])
        .zone(ENTRANCE, |z| z.acces_enceinte = false)
        .with_order(order(PerimetreL226_1)),
    [PalpationSansBaseLegale]
);

// Nobody but security agents, the organiser's approved stewards and the police pats down.
scenario!(
    a_first_aid_association_patting_down_has_no_power_to,
    Edit::compliant().add_deployment(deployment_draft(
        317,
        RESCUE,
        ENTRANCE,
        evening(),
        1,
        &[],
        MissionCategory::Filtrage
    )),
    [PalpationSansBaseLegale]
);
scenario!(
    a_first_aid_association_on_first_aid_at_the_entrance_is_no_pat_down,
    Edit::compliant().add_deployment(deployment_draft(
        317,
        RESCUE,
        ENTRANCE,
        evening(),
        1,
        &[],
        MissionCategory::Secours
    )),
    []
);

// L613-2 since 2021: no specific habilitation; a missing "palpation" qualification is a warning.
scenario!(
    a_carded_agent_without_the_pat_down_qualification_on_a_pat_down_filtering_is_a_warning,
    Edit::compliant().agent(KARIM, |a| a.qualifications = [Qualification::CqpAps].into()),
    [PalpationAgentNonQualifie]
);

#[test]
fn a_missing_pat_down_qualification_does_not_block_the_plan() {
    let findings = Edit::compliant().agent(KARIM, |a| a.qualifications = [Qualification::CqpAps].into()).findings();
    assert_eq!(findings[0].severity, Severity::Avertissement);
    assert!(!super::has_blocking(&findings));
}
scenario!(
    an_agent_without_the_pat_down_qualification_may_guard_the_command_post,
    Edit::compliant().add_agent(agent_draft(102, "Luc M.", Sex::Homme, &[Qualification::CqpAps])).add_deployment(
        deployment_draft(313, COMPANY, COMMAND_POST, evening(), 0, &[102], MissionCategory::Surveillance)
    ),
    []
);
scenario!(
    a_surveillance_at_the_pat_down_entrance_is_not_a_pat_down,
    Edit::compliant()
        .agent(KARIM, |a| a.qualifications = [Qualification::CqpAps].into())
        .deployment(FILTERING, |d| d.category = MissionCategory::Surveillance),
    []
);

// L613-2: same-sex pat-downs.
scenario!(
    pat_downs_by_two_men_lack_a_woman,
    Edit::compliant().agent(NADIA, |a| a.sex = Some(Sex::Homme)),
    [PalpationSansMixite]
);
scenario!(
    pat_downs_by_a_headcount_without_named_agents_name_neither_sex,
    Edit::compliant().deployment(FILTERING, |d| d.agent_ids = vec![]),
    [PalpationSansMixite]
);
scenario!(
    a_woman_and_a_man_on_two_deployments_at_the_same_entrance_cover_both_sexes,
    Edit::compliant().deployment(FILTERING, |d| d.agent_ids = vec![id(NADIA)]).add_deployment(deployment_draft(
        314,
        COMPANY,
        ENTRANCE,
        evening(),
        0,
        &[KARIM],
        MissionCategory::Filtrage
    )),
    []
);

// Vehicle searches: the State forces' (L226-1; code de procédure pénale, 78-2-2 and 78-2-4).
scenario!(
    a_security_company_searching_vehicles_in_a_protection_perimeter_is_blocking,
    vehicle_search_by(COMPANY, true),
    [FouilleVehiculeHorsForcesEtat]
);
scenario!(
    a_security_company_searching_vehicles_outside_any_perimeter_is_blocking,
    vehicle_search_by(COMPANY, false),
    [FouilleVehiculeHorsForcesEtat]
);
scenario!(
    the_organiser_searching_vehicles_is_blocking,
    vehicle_search_by(ORGANISER, false),
    [FouilleVehiculeHorsForcesEtat]
);
scenario!(
    municipal_police_searching_vehicles_outside_a_perimeter_is_blocking,
    vehicle_search_by(MUNICIPAL, false),
    [FouilleVehiculeHorsForcesEtat]
);
scenario!(
    municipal_police_searching_vehicles_in_a_protection_perimeter_is_blocking,
    vehicle_search_by(MUNICIPAL, true),
    [FouilleVehiculeHorsForcesEtat]
);
scenario!(the_police_searching_vehicles_in_a_protection_perimeter_is_allowed, vehicle_search_by(POLICE, true), []);
scenario!(the_police_searching_vehicles_outside_a_perimeter_is_allowed, vehicle_search_by(POLICE, false), []);

// L512-6: municipal police at night without a coordination convention.
scenario!(
    municipal_police_until_half_past_eleven_without_a_convention_is_blocking,
    municipal_police_until(20, 23, 30, false),
    [PoliceMunicipaleNuitSansConvention]
);
scenario!(
    municipal_police_until_half_past_eleven_with_a_coordination_convention_is_allowed,
    municipal_police_until(20, 23, 30, true),
    []
);
scenario!(
    municipal_police_watching_at_night_a_fete_the_commune_organises_is_allowed,
    municipal_police_until(21, 1, 0, false).event(|e| e.legal.organisee_par_la_commune = true),
    []
);
scenario!(municipal_police_until_eleven_sharp_is_not_at_night, municipal_police_until(20, 23, 0, false), []);
scenario!(
    the_same_evening_in_reunion_runs_past_eleven_local_time,
    Edit::compliant()
        .event(|e| {
            e.commune_code = "97411".into();
            e.commune_name = "Saint-Denis".into();
            e.time_zone = Some("Indian/Reunion".into());
        })
        .participant(MUNICIPAL, |p| p.commune_code = Some("97411".into())),
    [PoliceMunicipaleNuitSansConvention]
);

/// June, as the registry would hold a convention in force all month.
fn june_month() -> TimeWindow {
    TimeWindow::new(paris(6, 1, 0, 0), paris(7, 1, 0, 0)).unwrap()
}

#[test]
fn municipal_police_at_night_under_the_communes_coordination_convention_in_the_registry_is_allowed() {
    let late = municipal_police_until(20, 23, 30, false);
    // Left: the convention to cite (information).
    assert_eq!(
        codes_with_conventions(&late, vec![convention("13056", june_month())]),
        vec![ConventionEnVigueurChevauchement]
    );
}

#[test]
fn a_coordination_convention_of_another_commune_does_not_lift_the_night_rule() {
    let late = municipal_police_until(20, 23, 30, false);
    assert_eq!(
        codes_with_conventions(&late, vec![convention("13004", june_month())]),
        vec![PoliceMunicipaleNuitSansConvention]
    );
}

#[test]
fn a_commercial_areas_convention_is_no_coordination_convention() {
    let late = municipal_police_until(20, 23, 30, false);
    let commercial =
        ConventionInForce { kind: Some(ConventionKind::ZonesCommerciales), ..convention("13056", june_month()) };
    assert_eq!(
        codes_with_conventions(&late, vec![commercial]),
        vec![PoliceMunicipaleNuitSansConvention, ConventionEnVigueurChevauchement]
    );
}

#[test]
fn a_convention_already_in_force_in_the_commune_is_information_to_cite_never_a_warning() {
    let context = ComplianceContext { conventions_in_force: vec![convention("13056", june_month())], ..today() };
    let findings = check_plan(&Edit::compliant().0, &RuleSet::defaults(), &context);
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].rule, findings[0].severity), (ConventionEnVigueurChevauchement, Severity::Information));
}

#[test]
fn the_night_rule_cites_l512_6() {
    let findings = municipal_police_until(20, 23, 30, false).findings();
    assert_eq!(findings[0].reference, "CSI L512-6");
}

// L512-3: municipal police of another commune.
scenario!(
    municipal_police_of_arles_in_martigues_without_an_order_is_blocking,
    Edit::compliant().participant(MUNICIPAL, |p| p.commune_code = Some("13004".into())),
    [PoliceMunicipaleAutreCommuneSansArrete]
);
/// The municipal police `name` of commune `code` lent to Martigues by an L512-3 order.
fn lent_by_order(code: &str, name: &str) -> Edit {
    let (code, name) = (code.to_string(), name.to_string());
    Edit::compliant().participant(MUNICIPAL, move |p| {
        p.commune_code = Some(code.clone());
        p.name = name.clone();
        p.arrete_l512_3 = Some("n° 13-2026-06-01".into());
    })
}

/// The findings of `edit` with the intercommunalities of the official list for Martigues, its
/// neighbour Port-de-Bouc and Arles.
fn with_intercommunalities(edit: &Edit) -> Vec<super::Finding> {
    let mut context = today();
    for (code, epci) in [
        ("13056", "Métropole d’Aix-Marseille-Provence"),
        ("13077", "Métropole d’Aix-Marseille-Provence"),
        ("13004", "CA Arles-Crau-Camargue-Montagnette"),
    ] {
        context.intercommunalities.insert(code.into(), epci.into());
    }
    check_plan(&edit.0, &RuleSet::defaults(), &context)
}

#[test]
fn municipal_police_of_port_de_bouc_lent_to_martigues_by_an_l512_3_order_within_one_metropole_is_allowed() {
    assert_eq!(with_intercommunalities(&lent_by_order("13077", "Police municipale de Port-de-Bouc")), vec![]);
}

#[test]
fn municipal_police_of_arles_lent_to_martigues_by_an_order_asks_the_instructor_to_check_l512_3s_conditions() {
    let findings = with_intercommunalities(&lent_by_order("13004", "Police municipale d’Arles"));
    assert_eq!(findings.iter().map(|f| f.rule).collect::<Vec<_>>(), vec![PoliceMunicipaleL512_3Conditions]);
    assert_eq!(findings[0].severity, Severity::Information);
    assert_eq!(
        findings[0].message,
        "Police municipale d’Arles (commune 13004, CA Arles-Crau-Camargue-Montagnette) vient à Martigues (Métropole \
         d’Aix-Marseille-Provence) au titre de l’article L512-3 (n° 13-2026-06-01) : cet article ne vaut que pour \
         des communes limitrophes ou d’une même agglomération, et pour des missions de police administrative \
         seulement."
    );
}

/// The municipal police of Port-de-Bouc at the fête, under an L512-3 order of the event's list.
fn port_de_bouc_under(order: crate::domain::plan::PrefectOrder) -> Edit {
    Edit::compliant()
        .participant(MUNICIPAL, |p| {
            p.commune_code = Some("13077".into());
            p.name = "Police municipale de Port-de-Bouc".into();
        })
        .with_order(order)
}

#[test]
fn an_l512_3_order_of_the_events_list_for_the_evening_covers_port_de_bouc_s_officers() {
    let order = order_in(PoliceMunicipaleL512_3, &[], Some(june((20, 12, 0), (21, 2, 0))));
    assert_eq!(with_intercommunalities(&port_de_bouc_under(order)), vec![]);
}

#[test]
fn an_l512_3_order_that_ended_before_the_fete_leaves_port_de_bouc_s_officers_without_basis() {
    let order = order_in(PoliceMunicipaleL512_3, &[], Some(june((13, 12, 0), (14, 2, 0))));
    let findings = with_intercommunalities(&port_de_bouc_under(order));
    assert_eq!(findings.iter().map(|f| f.rule).collect::<Vec<_>>(), vec![PoliceMunicipaleAutreCommuneSansArrete]);
    assert!(findings[0].message.contains("hors de la durée ou des zones"), "{}", findings[0].message);
    assert_eq!(findings[0].deployment_ids, vec![id(TRAFFIC)]);
}

scenario!(
    without_the_intercommunalities_an_l512_3_order_is_still_checked_by_the_instructor,
    lent_by_order("13077", "Police municipale de Port-de-Bouc"),
    [PoliceMunicipaleL512_3Conditions]
);
scenario!(
    pooled_municipal_officers_of_a_neighbouring_commune_need_no_order,
    Edit::compliant().participant(MUNICIPAL, |p| {
        p.commune_code = Some("13047".into());
        p.cadre_intercommunal = Some(MunicipalFramework::MutualisationL512_1);
    }),
    []
);
scenario!(
    an_intercommunal_municipal_police_needs_no_order,
    Edit::compliant().participant(MUNICIPAL, |p| {
        p.commune_code = Some("13047".into());
        p.cadre_intercommunal = Some(MunicipalFramework::IntercommunaleL512_2);
    }),
    []
);
scenario!(
    municipal_police_without_a_known_commune_is_not_judged,
    Edit::compliant().participant(MUNICIPAL, |p| p.commune_code = None),
    []
);

// L612-20: CNAPS cards.
scenario!(
    a_private_agent_without_a_cnaps_card_is_blocking,
    Edit::compliant().agent(KARIM, |a| a.cnaps_card = None),
    [AgentPriveSansCarte]
);
scenario!(
    an_organiser_steward_without_a_cnaps_card_is_allowed,
    Edit::compliant()
        .add_agent(crate::domain::plan::AgentDraft {
            participant_id: id(ORGANISER),
            cnaps_card: None,
            ..agent_draft(103, "Paul R.", Sex::Homme, &[])
        })
        .add_deployment(deployment_draft(
            315,
            ORGANISER,
            COMMAND_POST,
            evening(),
            0,
            &[103],
            MissionCategory::Surveillance
        )),
    []
);
scenario!(
    a_card_expiring_during_the_evening_is_blocking,
    Edit::compliant().agent(NADIA, |a| {
        a.cnaps_card = Some(crate::domain::plan::CnapsCard::new("CAR-1", paris(6, 20, 20, 0)).unwrap());
    }),
    [CarteProfessionnelleExpiree]
);
scenario!(
    a_card_expiring_when_the_last_mission_ends_is_valid_for_it,
    Edit::compliant().agent(NADIA, |a| {
        a.cnaps_card = Some(crate::domain::plan::CnapsCard::new("CAR-1", paris(6, 20, 23, 0)).unwrap());
    }),
    []
);
scenario!(
    an_agent_not_deployed_yet_whose_card_expires_before_the_event_is_blocking,
    Edit::compliant().add_agent(crate::domain::plan::AgentDraft {
        cnaps_card: Some(crate::domain::plan::CnapsCard::new("CAR-2", paris(6, 1, 0, 0)).unwrap()),
        ..agent_draft(104, "Sami K.", Sex::Homme, &[])
    }),
    [CarteProfessionnelleExpiree]
);

// L612-9: company authorisation.
scenario!(
    a_security_company_without_a_cnaps_authorisation_is_blocking,
    Edit::compliant().participant(COMPANY, |p| p.cnaps_authorisation = None),
    [EntrepriseSansAutorisation]
);
scenario!(
    an_organiser_needs_no_cnaps_authorisation,
    Edit::compliant().participant(ORGANISER, |p| p.cnaps_authorisation = None),
    []
);

// L211-11 and R211-22: profit-making events only.
scenario!(
    a_free_fete_of_sixteen_hundred_people_without_private_security_has_no_declaration_nor_service_d_ordre,
    no_private_deployment(1_600),
    [StewardsInsuffisants]
);
scenario!(
    a_profit_making_event_of_sixteen_hundred_without_private_security_may_be_required_a_service_d_ordre,
    no_private_deployment(1_600).event(|e| e.legal.but_lucratif = true),
    [StewardsInsuffisants, ServiceOrdreAbsent, DeclarationADeposer]
);
scenario!(
    a_profit_making_event_of_sixteen_hundred_with_private_security_has_a_declaration_to_file,
    spectators(1_600).event(|e| e.legal.but_lucratif = true).deployment(FIRST_AID, |d| d.headcount = 4),
    [DeclarationADeposer]
);
#[test]
fn exactly_fifteen_hundred_people_public_and_staff_together_need_no_service_d_ordre_nor_declaration() {
    let staff = super::checks_sizing::r211_22_people(&no_private_deployment(1_000).0) - 1_000;
    let at_most = no_private_deployment(1_500 - staff).event(|e| e.legal.but_lucratif = true);
    assert_eq!(at_most.codes(), vec![StewardsInsuffisants]);
    let one_more = no_private_deployment(1_501 - staff).event(|e| e.legal.but_lucratif = true);
    assert_eq!(one_more.codes(), vec![StewardsInsuffisants, ServiceOrdreAbsent, DeclarationADeposer]);
}

#[test]
fn the_service_d_ordre_is_information_never_a_block() {
    let findings = no_private_deployment(1_600).event(|e| e.legal.but_lucratif = true).findings();
    let service = findings.iter().find(|f| f.rule == ServiceOrdreAbsent).unwrap();
    assert_eq!(service.severity, Severity::Information);
    assert!(!super::has_blocking(&findings));
}

// Sizing of first aid (référentiel national DPS), by an approved association (L725-3).
scenario!(
    one_first_aider_for_a_thousand_people_standing_is_short_of_the_two_of_a_first_aid_post,
    Edit::compliant().deployment(FIRST_AID, |d| d.headcount = 1),
    [DpsInsuffisant]
);
scenario!(
    a_gap_in_first_aid_cover_during_the_evening_counts_as_its_weakest_moment,
    Edit::compliant().deployment(FIRST_AID, |d| d.window = june((20, 18, 0), (20, 21, 0))),
    [DpsInsuffisant]
);
scenario!(
    a_security_agent_qualified_as_secouriste_does_not_complete_the_first_aid_post,
    Edit::compliant().deployment(FIRST_AID, |d| d.headcount = 1).agent(NADIA, |a| {
        a.qualifications.insert(Qualification::Secouriste);
    }),
    [DpsInsuffisant]
);
scenario!(
    a_security_companys_first_aid_mission_is_no_dps,
    Edit::compliant().deployment(FIRST_AID, |d| d.headcount = 1).add_deployment(deployment_draft(
        317,
        COMPANY,
        FIRST_AID_POST,
        evening(),
        2,
        &[],
        MissionCategory::Secours
    )),
    [DpsInsuffisant]
);
scenario!(
    two_hundred_and_fifty_people_under_an_order_need_no_first_aid_post,
    spectators(250).with_order(order(PalpationL613_2)).remove_deployment(FIRST_AID),
    []
);

// Stewards (practice).
scenario!(
    two_security_agents_for_a_thousand_people_are_far_below_the_usual_count,
    Edit::compliant().deployment(FILTERING, |d| d.headcount = 0),
    [StewardsInsuffisants]
);
scenario!(
    three_security_agents_for_a_thousand_people_are_enough,
    Edit::compliant().deployment(FILTERING, |d| d.headcount = 3),
    []
);

// Working time of named agents (IDCC 1351).
scenario!(
    nadia_working_from_ten_to_eleven_pm_works_thirteen_hours,
    nadia_also(june((20, 10, 0), (20, 18, 0))),
    [TempsTravailJournalier]
);
scenario!(nadia_working_from_eleven_to_eleven_pm_works_twelve_hours, nadia_also(june((20, 11, 0), (20, 18, 0))), []);
scenario!(
    nadia_back_at_eight_the_morning_after_has_too_little_rest,
    nadia_also(june((21, 8, 0), (21, 12, 0))),
    [TempsTravailRepos]
);
scenario!(
    nadia_back_at_eleven_the_morning_after_has_rested_twelve_hours,
    nadia_also(june((21, 11, 0), (21, 15, 0))),
    []
);
scenario!(
    nadia_working_every_day_of_the_week_breaks_both_weekly_limits_and_the_day_off_after_forty_eight_hours,
    nadia_on_days(&[15, 16, 17, 18, 19, 21], 12, 20),
    [TempsTravailRepos, TempsTravailHebdomadaire, TempsTravailJoursSemaine]
);
scenario!(
    nadia_working_six_days_and_thirty_five_hours_is_within_the_weekly_limits,
    nadia_on_days(&[15, 16, 17, 18, 19], 10, 16),
    []
);
scenario!(a_two_hour_shift_is_too_short, nadia_also(june((19, 10, 0), (19, 12, 0))), [VacationTropCourte]);
scenario!(a_four_hour_shift_is_long_enough, nadia_also(june((19, 10, 0), (19, 14, 0))), []);

// Working time of a municipal police officer: the public service's (décret n° 2000-815,
// art. 3), not the agreement's.

/// "Lucas M.", a municipal police officer, named on the traffic duty (18:00–22:30 on 20 June)
/// and on a morning duty on the avenue in `window`.
fn officer_also(window: TimeWindow) -> Edit {
    let officer =
        AgentDraft { participant_id: id(MUNICIPAL), cnaps_card: None, ..agent_draft(107, "Lucas M.", Sex::Homme, &[]) };
    Edit::compliant()
        .add_agent(officer)
        .deployment(TRAFFIC, |d| d.agent_ids = vec![id(107)])
        .add_deployment(deployment_draft(330, MUNICIPAL, AVENUE, window, 1, &[107], MissionCategory::Circulation))
}

scenario!(
    a_municipal_officer_on_duty_from_ten_to_half_past_ten_pm_exceeds_the_twelve_hour_amplitude,
    officer_also(june((20, 10, 0), (20, 12, 0))),
    [TempsTravailFonctionPublique]
);
scenario!(
    a_municipal_officer_on_duty_from_half_past_ten_to_half_past_ten_pm_keeps_the_twelve_hour_amplitude,
    officer_also(june((20, 10, 30), (20, 12, 0))),
    []
);
scenario!(
    a_municipal_officer_working_eleven_hours_in_a_row_exceeds_the_public_services_ten_hours,
    officer_also(june((22, 10, 0), (22, 12, 0))).deployment(TRAFFIC, |d| d.window = june((20, 11, 30), (20, 22, 30))),
    [TempsTravailFonctionPublique]
);
scenario!(
    a_municipal_officer_on_a_two_hour_duty_owes_no_minimum_shift,
    officer_also(june((21, 10, 0), (21, 12, 0))),
    []
);

#[test]
fn the_municipal_officers_working_time_cites_the_public_service_decree() {
    let findings = officer_also(june((20, 10, 0), (20, 12, 0))).findings();
    assert_eq!(
        findings[0].message,
        "La journée de travail de Lucas M. s’étend du 20/06/2026 10:00 au 20/06/2026 22:30 : amplitude de plus de 12 h."
    );
    assert!(
        findings[0].reference.starts_with("Décret n° 2000-815 du 25 août 2000, art. 3"),
        "{}",
        findings[0].reference
    );
    assert_eq!(findings[0].agent_ids, vec![id(107)]);
}

// The cooperation (CLCS circular).
scenario!(
    a_plan_without_a_command_post_zone_lacks_one,
    Edit::compliant().remove_zone(COMMAND_POST),
    [PosteCommandementAbsent]
);
scenario!(a_command_post_zone_with_no_one_deployed_yet_is_enough, Edit::compliant().remove_deployment(COMMAND), []);
scenario!(
    a_participant_without_a_contact_name_lacks_a_named_contact,
    Edit::compliant().participant(POLICE, |p| p.contact_name = None),
    [ContactNommeAbsent]
);
scenario!(
    a_contact_name_without_a_phone_is_a_named_contact,
    Edit::compliant().participant(POLICE, |p| p.contact_phone = None),
    []
);
scenario!(
    a_plan_without_an_alert_procedure_lacks_one,
    Edit::compliant().event(|e| e.alert_procedure = None),
    [ProcedureAlerteAbsente]
);
scenario!(
    a_blank_alert_procedure_is_no_alert_procedure,
    Edit::compliant().event(|e| e.alert_procedure = Some("   ".into())),
    [ProcedureAlerteAbsente]
);

// CGCT L2214-4: Article 5 says who keeps order from the commune's police regime.
scenario!(
    a_plan_whose_communes_police_regime_is_not_stated_is_warned,
    Edit::compliant().event(|e| e.legal.regime_police = PoliceRegime::NonRenseigne),
    [RegimePoliceNonRenseigne]
);
scenario!(
    a_plan_in_a_gendarmerie_zone_states_its_police_regime,
    Edit::compliant().event(|e| e.legal.regime_police = PoliceRegime::Gendarmerie),
    []
);

/// The codes of `edit` with conventions in force.
fn codes_with_conventions(edit: &Edit, conventions: Vec<ConventionInForce>) -> Vec<RuleCode> {
    let context = ComplianceContext { conventions_in_force: conventions, ..today() };
    check_plan(&edit.0, &RuleSet::defaults(), &context).iter().map(|f| f.rule).collect()
}

fn convention(commune: &str, window: TimeWindow) -> ConventionInForce {
    ConventionInForce {
        reference: "Convention de coordination de Martigues".into(),
        commune_code: commune.into(),
        from: window.start(),
        until: Some(window.end()),
        kind: Some(ConventionKind::Coordination),
    }
}

#[test]
fn a_coordination_convention_of_martigues_in_force_in_june_is_to_be_cited() {
    let conventions = vec![convention("13056", june((1, 0, 0), (30, 0, 0)))];
    assert_eq!(codes_with_conventions(&Edit::compliant(), conventions), vec![ConventionEnVigueurChevauchement]);
    let findings = check_plan(
        &Edit::compliant().0,
        &RuleSet::defaults(),
        &ComplianceContext { conventions_in_force: vec![convention("13056", june((1, 0, 0), (30, 0, 0)))], ..today() },
    );
    assert_eq!(
        findings[0].message,
        "La convention « Convention de coordination de Martigues » est en vigueur dans la commune pendant l’événement ; le document la cite."
    );
}

#[test]
fn a_convention_of_another_commune_or_ended_before_the_event_is_not_cited() {
    let arles = convention("13004", june((1, 0, 0), (30, 0, 0)));
    let ended = convention("13056", june((1, 0, 0), (20, 18, 0)));
    let signed_later = ConventionInForce { from: paris(6, 21, 0, 0), until: None, ..convention("13056", evening()) };
    assert_eq!(codes_with_conventions(&Edit::compliant(), vec![arles, ended, signed_later]), vec![]);
    let open_ended = ConventionInForce { from: paris(1, 1, 0, 0), until: None, ..convention("13056", evening()) };
    assert_eq!(codes_with_conventions(&Edit::compliant(), vec![open_ended]), vec![ConventionEnVigueurChevauchement]);
}

// Deadlines against today's date.

fn codes_on(edit: &Edit, now: crate::domain::time::Instant) -> Vec<RuleCode> {
    check_plan(&edit.0, &RuleSet::defaults(), &ComplianceContext::at(now)).iter().map(|f| f.rule).collect()
}

#[test]
fn on_the_first_of_june_the_declaration_of_a_profit_making_event_of_sixteen_hundred_people_is_late() {
    let edit = spectators(1_600).event(|e| e.legal.but_lucratif = true).deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&edit, noon(2026, 6, 1)), vec![DeclarationDelaiDepasse]);
    let finding = &check_plan(&edit.0, &RuleSet::defaults(), &ComplianceContext::at(noon(2026, 6, 1)))[0];
    assert_eq!(finding.severity, Severity::Avertissement);
    assert_eq!(
        finding.message,
        "Manifestation à but lucratif de 1 608 personnes, public et personnel compris (plus de 1 500) : le délai \
         de déclaration au maire a expiré le 20/05/2026."
    );
    assert_eq!(finding.reference, "CSI R211-22 et R211-23");
}

#[test]
fn a_declaration_filed_on_the_tenth_of_may_leaves_nothing_to_report() {
    let edit = spectators(1_600)
        .event(|e| e.legal.but_lucratif = true)
        .event(|e| e.legal.declaration_deposee_le = chrono::NaiveDate::from_ymd_opt(2026, 5, 10))
        .deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&edit, noon(2026, 5, 12)), vec![]);
    assert_eq!(codes_on(&edit, noon(2026, 6, 1)), vec![]);
}

#[test]
fn a_declaration_filed_on_the_twenty_fifth_of_may_was_filed_after_the_deadline() {
    let edit = spectators(1_600)
        .event(|e| e.legal.but_lucratif = true)
        .event(|e| e.legal.declaration_deposee_le = chrono::NaiveDate::from_ymd_opt(2026, 5, 25))
        .deployment(FIRST_AID, |d| d.headcount = 4);
    let findings = check_plan(&edit.0, &RuleSet::defaults(), &ComplianceContext::at(noon(2026, 6, 1)));
    assert_eq!(findings.iter().map(|f| f.rule).collect::<Vec<_>>(), vec![DeclarationDelaiDepasse]);
    assert_eq!(
        findings[0].message,
        "La déclaration au maire a été déposée le 25/05/2026, après le délai d’un mois (au plus tard le 20/05/2026) \
         prévu par R211-23, sauf urgence motivée."
    );
}

#[test]
fn the_public_and_the_staff_deployed_at_once_count_for_the_declaration_threshold() {
    // At the plan's busiest moment eight of the event's own people are on duty (company
    // agents, first-aiders, the organiser's); the State forces and the municipal police are
    // not the event's staff.
    let people = |edit: &Edit| super::checks_sizing::r211_22_people(&edit.0);
    assert_eq!(people(&spectators(1_492).deployment(FIRST_AID, |d| d.headcount = 4)), 1_500);
    let lucrative =
        |count| spectators(count).event(|e| e.legal.but_lucratif = true).deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&lucrative(1_492), noon(2026, 5, 20)), vec![]);
    assert_eq!(codes_on(&lucrative(1_493), noon(2026, 5, 20)), vec![DeclarationADeposer]);
    let state_forces_only =
        spectators(1_494).remove_deployment(FILTERING).remove_deployment(FIRST_AID).remove_deployment(COMMAND);
    assert_eq!(people(&state_forces_only), 1_494);
}

#[test]
fn on_the_twentieth_of_may_the_declaration_is_still_on_time() {
    let edit = spectators(1_600).event(|e| e.legal.but_lucratif = true).deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&edit, noon(2026, 5, 20)), vec![DeclarationADeposer]);
}

#[test]
fn a_free_event_of_sixteen_hundred_people_has_no_declaration_deadline() {
    let edit = spectators(1_600).deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&edit, noon(2026, 6, 1)), vec![]);
}

#[test]
fn once_the_event_has_begun_no_declaration_deadline_is_reported() {
    let edit = spectators(1_600).deployment(FIRST_AID, |d| d.headcount = 4);
    assert_eq!(codes_on(&edit, noon(2026, 6, 21)), vec![]);
}

// Exact messages and the ids concerned.

#[test]
fn the_public_road_finding_names_the_company_the_zone_and_the_deployment() {
    let findings = private_at_avenue(MissionCategory::Surveillance).findings();
    let finding = &findings[0];
    assert_eq!(
        finding.message,
        "Provence Sécurité Événements déploie des agents privés sur la voie publique (« Avenue Frédéric Mistral ») sans \
         autorisation préfectorale."
    );
    assert_eq!((finding.severity, finding.reference.as_str()), (Severity::Bloquant, "CSI L613-1 al. 2"));
    assert_eq!((finding.zone_ids.clone(), finding.deployment_ids.clone()), (vec![id(AVENUE)], vec![id(310)]));
    assert_eq!(finding.participant_ids, vec![id(COMPANY)]);
    assert!(finding.fix.starts_with("Demandez par écrit au préfet"), "{}", finding.fix);
}

#[test]
fn the_night_finding_gives_the_local_times_of_the_night_part() {
    let finding = &municipal_police_until(20, 23, 30, false).findings()[0];
    assert_eq!(
        finding.message,
        "Police municipale de Martigues : déploiement de nuit à « Avenue Frédéric Mistral » (du 20/06/2026 23:00 au \
         20/06/2026 23:30) sans convention de coordination en vigueur."
    );
    assert!(finding.fix.contains("entre 06:00 et 23:00"), "{}", finding.fix);
}

#[test]
fn the_other_commune_and_vehicle_search_findings_read_as_sentences() {
    let other = &Edit::compliant().participant(MUNICIPAL, |p| p.commune_code = Some("13004".into())).findings()[0];
    assert_eq!(
        other.message,
        "Police municipale de Martigues, police municipale d’une autre commune (code INSEE 13004), intervient à \
         Martigues sans arrêté préfectoral de mise à disposition."
    );
    let search = &vehicle_search_by(COMPANY, true).findings()[0];
    assert_eq!(
        search.message,
        "Provence Sécurité Événements : fouille de véhicules à « Entrée Quai Brescon » ; un agent privé ou un \
         organisateur ne fouille jamais un véhicule."
    );
    let municipal = &vehicle_search_by(MUNICIPAL, false).findings()[0];
    assert_eq!(
        municipal.message,
        "Police municipale de Martigues : fouille de véhicules à « Entrée Quai Brescon » ; la visite des véhicules \
         revient aux officiers et agents de police judiciaire des forces de l’État, la police municipale n’en est pas \
         chargée."
    );
}

#[test]
fn the_qualification_finding_names_the_agent_without_it() {
    let findings = Edit::compliant().agent(KARIM, |a| a.qualifications = [Qualification::CqpAps].into()).findings();
    assert_eq!(
        findings[0].message,
        "Agents sans qualification « palpation de sécurité » affectés aux palpations à « Entrée Quai Brescon » : Karim D."
    );
    assert_eq!(findings[0].agent_ids, vec![id(KARIM)]);
}

#[test]
fn the_mixity_finding_says_which_sex_is_missing() {
    let findings = Edit::compliant().agent(NADIA, |a| a.sex = Some(Sex::Homme)).findings();
    assert_eq!(
        findings[0].message,
        "Palpations à « Entrée Quai Brescon » avec aucune femme nommée : une palpation est faite par une personne du \
         même sexe que la personne palpée."
    );
}

#[test]
fn the_first_aid_finding_gives_the_ris_and_the_counts() {
    let findings = Edit::compliant().deployment(FIRST_AID, |d| d.headcount = 1).findings();
    assert_eq!(
        findings[0].message,
        "Ratio d’intervenants secouristes RIS = 0,8 (point d’alerte et de premiers secours) : 2 secouristes requis en \
         permanence pendant l’événement, 1 prévus par une association agréée de sécurité civile au moment le plus \
         faible."
    );
}

#[test]
fn twelve_thousand_dancing_people_need_a_small_dps_of_eleven_first_aiders() {
    let findings =
        spectators(12_000).event(|e| e.behaviour = crate::domain::plan::PublicBehaviour::Dynamique).findings();
    let dps = findings.iter().find(|f| f.rule == DpsInsuffisant).unwrap();
    assert_eq!(
        dps.message,
        "Ratio d’intervenants secouristes RIS = 10,8 (DPS de petite envergure) : 11 secouristes requis en permanence \
         pendant l’événement, 2 prévus par une association agréée de sécurité civile au moment le plus faible."
    );
}

#[test]
fn the_working_time_finding_names_nadia_and_her_hours() {
    let findings = nadia_also(june((20, 10, 0), (20, 18, 0))).findings();
    assert_eq!(
        findings[0].message,
        "Nadia B. travaille 13 h du 20/06/2026 10:00 au 20/06/2026 23:00, sans repos suffisant entre-temps (au plus 12 h)."
    );
    assert_eq!(findings[0].deployment_ids, vec![id(FILTERING), id(312)]);
}

// Findings are ordered: blocking first, then by rule, then by ids.

#[test]
fn findings_come_blocking_first_then_in_the_rules_order() {
    let edit = private_at_avenue(MissionCategory::Surveillance)
        .event(|e| e.alert_procedure = None)
        .participant(COMPANY, |p| p.cnaps_authorisation = None)
        .agent(KARIM, |a| a.cnaps_card = None);
    assert_eq!(
        edit.codes(),
        vec![VoiePubliqueSansAutorisation, AgentPriveSansCarte, EntrepriseSansAutorisation, ProcedureAlerteAbsente]
    );
}

#[test]
fn checking_the_same_plan_with_its_lists_reversed_gives_the_same_findings() {
    let edit = private_at_avenue(MissionCategory::Surveillance)
        .agent(KARIM, |a| a.cnaps_card = None)
        .participant(POLICE, |p| p.contact_name = None);
    let mut reversed = Edit(edit.0.clone());
    reversed.0.deployments.reverse();
    reversed.0.participants.reverse();
    reversed.0.agents.reverse();
    assert_eq!(reversed.findings(), edit.findings());
}

// The rules are data: a prefecture's settings change the outcome.

fn settings(json: &str) -> RuleSet {
    RuleSet::with_settings(&serde_json::from_str::<RuleSettings>(json).unwrap()).unwrap()
}

#[test]
fn a_rule_switched_off_by_the_prefecture_gives_no_finding() {
    let rules =
        settings(r#"{"overrides": [{"rule": "voie_publique_sans_autorisation", "enabled": false, "reason": "Test"}]}"#);
    assert_eq!(check_plan(&private_at_avenue(MissionCategory::Surveillance).0, &rules, &today()), vec![]);
}

#[test]
fn a_severity_lowered_by_the_prefecture_is_the_findings_severity() {
    let rules = settings(
        r#"{"overrides": [{"rule": "police_municipale_autre_commune_sans_arrete", "severity": "information", "reason": "Test"}]}"#,
    );
    let edit = Edit::compliant().participant(MUNICIPAL, |p| p.commune_code = Some("13004".into()));
    let findings = check_plan(&edit.0, &rules, &today());
    assert_eq!(
        (findings[0].rule, findings[0].severity),
        (PoliceMunicipaleAutreCommuneSansArrete, Severity::Information)
    );
}

#[test]
fn a_lower_pat_down_threshold_set_by_the_prefecture_allows_250_spectators() {
    let rules = settings(
        r#"{"overrides": [{"rule": "palpation_sans_base_legale", "parameters": {"seuil_spectateurs": 200}, "reason": "Test"}]}"#,
    );
    assert_eq!(check_plan(&spectators(250).0, &rules, &today()), vec![]);
}

#[test]
fn eleven_hours_of_rest_set_by_the_prefecture_allow_a_return_at_ten() {
    let edit = nadia_also(june((21, 10, 0), (21, 14, 0)));
    assert_eq!(edit.codes(), vec![TempsTravailRepos]);
    let rules = settings(
        r#"{"overrides": [{"rule": "temps_travail_repos", "parameters": {"repos_minimum_heures": 11}, "reason": "Accord d’entreprise"}]}"#,
    );
    assert_eq!(check_plan(&edit.0, &rules, &today()), vec![]);
}

#[test]
fn numbers_in_messages_are_written_the_french_way() {
    let text = |value| crate::text::compliance_number(value);
    assert_eq!((text(1500.0), text(300.0), text(2_000_000.0)), ("1 500".into(), "300".into(), "2 000 000".into()));
    assert_eq!((text(0.25), text(10.8), text(275.0)), ("0,25".into(), "10,8".into(), "275".into()));
    let finding = &spectators(250).findings()[0];
    assert!(finding.message.contains("250 spectateurs attendus (300 au plus)"), "{}", finding.message);
}

#[test]
fn a_finding_serialises_with_its_stable_codes() {
    let finding = &private_at_avenue(MissionCategory::Surveillance).findings()[0];
    let json = serde_json::to_value(finding).unwrap();
    assert_eq!(json["rule"], "voie_publique_sans_autorisation");
    assert_eq!(json["severity"], "bloquant");
    assert_eq!(json["deployment_ids"], serde_json::json!([id(310)]));
    let mut keys: Vec<&String> = json.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "agent_ids",
            "deployment_ids",
            "fix",
            "message",
            "participant_ids",
            "reference",
            "rule",
            "severity",
            "zone_ids"
        ]
    );
}

/// The server keeps a plan's findings per `ComplianceContext::key`: two instants of one day in
/// the event's zone give one key and the same findings; the next day, another key.
#[test]
fn the_findings_change_with_the_day_not_with_the_hour() {
    // A declaration to file (R211-22): the one check that reads the day.
    let plan = spectators(1_600).event(|e| e.legal.but_lucratif = true).deployment(FIRST_AID, |d| d.headcount = 4);
    let rules = RuleSet::defaults();
    let zone = chrono_tz::Europe::Paris;
    let (morning, night) = (ComplianceContext::at(paris(5, 1, 0, 5)), ComplianceContext::at(paris(5, 1, 23, 55)));
    assert_eq!(morning.key(&rules, zone), night.key(&rules, zone));
    let found = check_plan(&plan.0, &rules, &morning);
    assert_eq!(found.iter().map(|f| f.rule).collect::<Vec<_>>(), [DeclarationADeposer]);
    assert_eq!(found, check_plan(&plan.0, &rules, &night));
    let next_day = ComplianceContext::at(paris(5, 2, 0, 5));
    assert_ne!(next_day.key(&rules, zone), night.key(&rules, zone));
    let mut other_rules = RuleSet::defaults();
    other_rules.rules[0].enabled = !other_rules.rules[0].enabled;
    assert_ne!(morning.key(&other_rules, zone), morning.key(&rules, zone), "the rules are part of it");
}
