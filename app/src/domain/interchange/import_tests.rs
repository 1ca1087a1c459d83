//! Tests of `import_plan`: what a whole file must be, and every field refusal reported at its
//! JSON path with the domain's French message, all of them at once.

use serde_json::{json, Value};

use super::fixtures::{error, errors, errors_of_bytes, example, import_value, EXAMPLE};
use super::{export_plan, import_plan, MAX_PLAN_BYTES};
use crate::domain::plan::OrderKind;

const TOO_LARGE: &str = "Le fichier dépasse la taille maximale d'un plan : 10 Mio (10 485 760 octets).";

#[test]
fn a_file_over_ten_mebibytes_and_a_fifty_megabyte_body_are_refused_before_being_read() {
    assert_eq!(errors_of_bytes(&vec![b' '; MAX_PLAN_BYTES + 1]), vec![error("$", TOO_LARGE)]);
    assert_eq!(errors_of_bytes(&vec![b'['; 50_000_000]), vec![error("$", TOO_LARGE)]);
}

#[test]
fn text_that_is_not_utf8_is_refused_with_the_line_and_column_of_the_bad_byte() {
    assert_eq!(
        errors_of_bytes(b"{\n  \"format\": \"cordon\xff\"\n}"),
        vec![error("$", "Le fichier n'est pas encodé en UTF-8 : octet invalide à la ligne 2, colonne 20.")]
    );
}

#[test]
fn text_that_is_not_json_is_refused_with_its_line_and_column() {
    assert_eq!(
        errors_of_bytes(b"{\n  \"format\": \"cordon-plan/2\"\n  \"event\": {}\n}"),
        vec![error("$", "JSON invalide à la ligne 3, colonne 3 : erreur de syntaxe.")]
    );
    assert_eq!(
        errors_of_bytes(b""),
        vec![error("$", "JSON invalide à la ligne 1, colonne 0 : le texte s'arrête avant la fin du document.")]
    );
}

#[test]
fn a_missing_or_unknown_format_stops_the_reading_at_once() {
    let mut missing = example();
    missing.as_object_mut().unwrap().remove("format");
    missing["zones"] = json!("pas une liste");
    assert_eq!(
        errors(&missing),
        vec![error(
            "$.format",
            "Champ « format » manquant : ce fichier n'est pas un plan Cordon (« cordon-plan/3 » attendu)."
        )]
    );
    let mut newer = example();
    newer["format"] = json!("cordon-plan/4");
    assert_eq!(
        errors(&newer),
        vec![error(
            "$.format",
            "Format « cordon-plan/4 » inconnu : « cordon-plan/3 » (ou « cordon-plan/2 », « cordon-plan/1 ») est attendu."
        )]
    );
    assert_eq!(errors(&json!([1, 2])), vec![error("$", "Un objet JSON est attendu.")]);
}

#[test]
fn a_deployment_ending_before_it_starts_is_refused_at_its_end() {
    let mut plan = example();
    plan["deployments"][2]["window"]["end"] = json!("2026-07-10T15:00:00Z");
    plan["agents"][1]["availability"][0]["end"] = json!("2026-08-20T15:00:00Z");
    assert_eq!(
        errors(&plan),
        vec![
            error("$.agents[1].availability[0].end", "Une plage horaire ne peut pas dépasser 31 jours."),
            error("$.deployments[2].window.end", "La fin doit être postérieure au début."),
        ]
    );
}

#[test]
fn an_unknown_time_zone_is_refused_and_a_missing_one_defaults_to_the_department() {
    let mut plan = example();
    plan["event"]["time_zone"] = json!("Europe/Atlantis");
    assert_eq!(errors(&plan), vec![error("$.event.time_zone", "Fuseau horaire inconnu : « Europe/Atlantis ».")]);
    plan["event"].as_object_mut().unwrap().remove("time_zone");
    assert_eq!(import_value(&plan).unwrap().event.time_zone(), chrono_tz::Europe::Paris);
}

#[test]
fn a_headcount_of_a_billion_is_refused_with_the_domain_limits() {
    let mut plan = example();
    plan["deployments"][1]["headcount"] = json!(1_000_000_000);
    plan["needs"][1]["min"] = json!(1_000_000_000);
    plan["needs"][0]["max"] = json!(1e30);
    assert_eq!(
        errors(&plan),
        vec![
            error(
                "$.needs[0].max",
                "L'effectif maximum ne peut pas être inférieur à l'effectif minimum ni dépasser 10 000."
            ),
            error("$.needs[1].min", "L'effectif minimum doit être compris entre 1 et 10 000."),
            error("$.deployments[1].headcount", "L'effectif d'un déploiement doit être compris entre 0 et 10 000."),
        ]
    );
}

#[test]
fn every_field_the_domain_refuses_is_reported_at_its_path_in_one_report() {
    let mut plan = example();
    plan["event"]["commune_code"] = json!("99999");
    plan["event"]["expected_attendance"] = json!(0);
    plan["zones"][1]["name"] = json!("   ");
    plan["zones"][1]["polygon"]["coordinates"][0][4] = json!([0.7, 44.4]);
    plan["participants"][2]["contact_phone"] = json!("05 53\u{7} 00");
    plan["agents"][1]["cnaps_card"]["number"] = json!("CAR 047");
    plan["needs"][0]["priority"] = json!(9);
    plan["deployments"][0]["id"] = json!("deploiement-1");
    assert_eq!(
        errors(&plan),
        vec![
            error("$.event.commune_code", "Code commune INSEE invalide."),
            error(
                "$.event.expected_attendance",
                "La fréquentation attendue doit être comprise entre 1 et 2 000 000 personnes."
            ),
            error(
                "$.zones[1].polygon",
                "Polygone invalide : un anneau fermé d'au moins 4 points (longitude, latitude) est attendu."
            ),
            error("$.zones[1].name", "Ce champ est obligatoire."),
            error("$.participants[2].contact_phone", "Ce texte contient des caractères de contrôle."),
            error("$.agents[1].cnaps_card.number", "Numéro de carte professionnelle CNAPS invalide."),
            error("$.needs[0].priority", "La priorité doit être comprise entre 1 et 5."),
            error("$.deployments[0].id", "Identifiant invalide : un UUID est attendu."),
        ]
    );
}

#[test]
fn rules_tying_two_fields_are_each_reported_at_the_field_to_change() {
    let mut plan = example();
    plan["event"]["setup"]["end"] = json!("2026-07-10T17:00:00Z");
    plan["event"]["teardown"] = json!({"start": "2026-07-10T22:00:00Z", "end": "2026-07-11T02:00:00Z"});
    plan["zones"][0]["public_road"] = json!(false);
    plan["needs"][0]["max"] = json!(1);
    plan["needs"][1]["min_women"] = json!(4);
    plan["deployments"][1]["headcount"] = json!(0);
    let karim = plan["agents"][0]["id"].clone();
    plan["deployments"][0]["agent_ids"][1] = karim;
    assert_eq!(
        errors(&plan),
        vec![
            error("$.event.setup", "Le montage doit se terminer au plus tard au début de l'événement."),
            error("$.event.teardown", "Le démontage doit commencer au plus tôt à la fin de l'événement."),
            error("$.zones[0].public_road", "Une zone de type « voie publique » est forcément sur la voie publique."),
            error(
                "$.needs[0].max",
                "L'effectif maximum ne peut pas être inférieur à l'effectif minimum ni dépasser 10 000."
            ),
            error("$.needs[1].min_women", "Les minimums de femmes et d'hommes dépassent ensemble l'effectif minimum."),
            error("$.deployments[0].agent_ids", "Un même agent est nommé deux fois dans ce déploiement."),
            error(
                "$.deployments[1].headcount",
                "Un déploiement doit compter au moins un agent : indiquez un effectif ou nommez des agents.",
            ),
        ]
    );
}

#[test]
fn missing_unknown_and_mistyped_fields_are_all_reported_before_the_values() {
    let mut plan = example();
    plan["zones"][0].as_object_mut().unwrap().remove("name");
    plan["zones"][1]["kind"] = json!("buvette");
    plan["posts"][0]["nom"] = json!("Portique 1");
    plan["needs"][0]["min"] = json!("deux");
    plan["needs"][1]["min_men"] = json!(-1);
    plan["deployments"][2]["headcount"] = json!(2.5);
    plan["deployments"][0]["window"]["start"] = json!("10/07/2026 18:00");
    plan["event"]["legal"] = json!({"orders": [], "but_lucratif": "oui"});
    assert_eq!(
        errors(&plan),
        vec![
            error("$.event.legal.convention_coordination_en_vigueur", "Ce champ est obligatoire."),
            error("$.event.legal.organisee_par_la_commune", "Ce champ est obligatoire."),
            error("$.event.legal.but_lucratif", "Un booléen (true ou false) est attendu."),
            error("$.event.legal.palpations_sous_controle_opj", "Ce champ est obligatoire."),
            error("$.event.legal.regime_police", "Ce champ est obligatoire."),
            error("$.zones[0].name", "Ce champ est obligatoire."),
            error(
                "$.zones[1].kind",
                "Valeur inconnue « buvette » : valeurs possibles « entree_filtrage », « enceinte », « voie_publique », \
                 « parking », « scene », « poste_commandement », « secours », « autre ».",
            ),
            error("$.posts[0].nom", "Champ inconnu : le format cordon-plan ne le prévoit pas."),
            error("$.needs[0].min", "Un nombre entier positif ou nul est attendu."),
            error("$.needs[1].min_men", "Un nombre entier positif ou nul est attendu."),
            error("$.deployments[2].headcount", "Un nombre entier positif ou nul est attendu."),
            error(
                "$.deployments[0].window.start",
                "Date invalide « 10/07/2026 18:00 » : une date RFC 3339 en UTC est attendue, par exemple « 2026-07-10T16:00:00Z ».",
            ),
        ]
    );
}

#[test]
fn a_key_given_twice_is_refused_rather_than_the_last_one_winning() {
    let text = EXAMPLE.replacen("\"min\": 2,", "\"min\": 2,\n      \"min\": 1000000000,", 1);
    let line = text.lines().position(|l| l.contains("1000000000")).unwrap() + 1;
    assert_eq!(
        errors_of_bytes(text.as_bytes()),
        vec![error(
            "$",
            &format!(
                "JSON invalide à la ligne {line}, colonne 11 : la clé « min » apparaît deux fois dans le même objet."
            )
        )]
    );
}

#[test]
fn the_example_imports_with_a_byte_order_mark_and_its_lists_sorted_by_id() {
    let plan = import_plan(format!("\u{feff}{EXAMPLE}").as_bytes()).unwrap();
    assert_eq!(plan.event.name(), "Fête des Remparts 2026");
    assert_eq!(plan.event.department().as_str(), "47");
    let names: Vec<&str> = plan.participants.iter().map(|p| p.name()).collect();
    assert_eq!(
        names,
        ["Garonne Sécurité", "Police municipale de Villeneuve-sur-Lot", "Comité des fêtes de Villeneuve"]
    );
    assert!(plan.deployments.windows(2).all(|pair| pair[0].id() < pair[1].id()));
    let nadia = plan.agents.iter().find(|a| a.display_name() == "Nadia B.").unwrap();
    // Valid through 12 April 2029 in Paris: expires at midnight, 22:00 UTC in summer.
    assert_eq!(nadia.cnaps_card().unwrap().expires().to_chrono().unwrap().to_rfc3339(), "2029-04-12T22:00:00+00:00");
}

#[test]
fn a_file_with_thousands_of_errors_lists_the_first_thousand_and_says_it_stopped() {
    let mut plan = example();
    plan["deployments"] = json!(vec![json!({}); 5_000]);
    let found = errors(&plan);
    assert_eq!(found.len(), 1_001);
    assert_eq!(found[0], error("$.deployments[0].id", "Ce champ est obligatoire."));
    assert_eq!(
        found[1_000],
        error("$", "Trop d'erreurs : la lecture s'est arrêtée après les 1 000 premières ; corrigez-les puis importez de nouveau.")
    );
}

#[test]
fn the_compliance_fields_are_optional_and_checked_at_their_paths() {
    let mut older = example();
    older["event"].as_object_mut().unwrap().remove("alert_procedure");
    for participant in older["participants"].as_array_mut().unwrap() {
        for key in ["cnaps_authorisation", "commune_code", "arrete_l512_3"] {
            participant.as_object_mut().unwrap().remove(key);
        }
    }
    let plan = import_value(&older).unwrap();
    assert_eq!(plan.event.alert_procedure(), None);
    assert!(plan.participants.iter().all(|p| p.cnaps_authorisation().is_none() && p.commune().is_none()));

    let mut broken = example();
    broken["participants"][0]["cnaps_authorisation"] = json!("12345");
    broken["participants"][1]["commune_code"] = json!("20004");
    broken["event"]["alert_procedure"] = json!("x".repeat(2_001));
    assert_eq!(
        errors(&broken),
        vec![
            error("$.event.alert_procedure", "Ce texte est trop long (2000 caractères au plus)."),
            error(
                "$.participants[0].cnaps_authorisation",
                "Numéro d'autorisation CNAPS invalide : AUT- suivi du département et de chiffres, par exemple AUT-013-2118-05-12-20190412345."
            ),
            error("$.participants[1].commune_code", "Code commune INSEE invalide."),
        ]
    );
}

#[test]
fn a_vehicle_search_is_a_mission_category_of_its_own() {
    let mut plan = example();
    plan["deployments"][0]["category"] = json!("fouille_vehicules");
    let imported = import_value(&plan).unwrap();
    assert!(imported
        .deployments
        .iter()
        .any(|d| d.category() == crate::domain::plan::MissionCategory::FouilleVehicules));
}

/// The example as a `cordon-plan/1` file: the four ticks of that version, no enclosed venue,
/// no participant frame.
fn example_v1() -> Value {
    let mut plan = example();
    plan["format"] = json!("cordon-plan/1");
    plan.as_object_mut().unwrap().remove("organisations");
    plan["event"]["legal"] = json!({
        "perimetre_l226_1": false,
        "arrete_palpation_l613_2": true,
        "autorisation_voie_publique_l613_1": true,
        "convention_coordination_en_vigueur": true
    });
    for zone in plan["zones"].as_array_mut().unwrap() {
        zone.as_object_mut().unwrap().remove("acces_enceinte");
    }
    for participant in plan["participants"].as_array_mut().unwrap() {
        let fields = participant.as_object_mut().unwrap();
        fields.remove("cadre_intercommunal");
        fields.remove("service_interne_securite");
    }
    plan
}

#[test]
fn a_cordon_plan_1_file_is_read_its_ticks_becoming_orders_without_number_or_date() {
    let plan = import_plan(serde_json::to_string(&example_v1()).unwrap().as_bytes()).unwrap();
    let legal = plan.event.legal();
    let kinds: Vec<_> = legal.orders.iter().map(|o| (o.kind(), o.number().to_string(), o.signed_on())).collect();
    assert_eq!(
        kinds,
        vec![
            (OrderKind::PalpationL613_2, "non renseigné".to_string(), None),
            (OrderKind::VoiePubliqueL613_1, "non renseigné".to_string(), None),
        ]
    );
    assert!(legal.convention_coordination_en_vigueur && !legal.palpations_sous_controle_opj && !legal.but_lucratif);
    assert!(plan.zones.iter().all(|z| !z.acces_enceinte()));
    let exported: Value = serde_json::from_str(&export_plan(&plan, &[])).unwrap();
    assert_eq!(exported["format"], "cordon-plan/3");
    assert_eq!(exported["event"]["legal"]["orders"][0]["zone_ids"], json!([]));
}

#[test]
fn a_cordon_plan_2_file_is_read_without_organisations_and_may_not_carry_them() {
    let mut plan = example();
    plan["format"] = json!("cordon-plan/2");
    let organisations = plan.as_object_mut().unwrap().remove("organisations").unwrap();
    let file = super::import_plan_file(serde_json::to_string(&plan).unwrap().as_bytes()).unwrap();
    assert_eq!((file.plan.participants.len(), file.organisations.len()), (3, 0));
    plan["organisations"] = organisations;
    assert_eq!(
        errors(&plan),
        vec![error("$.organisations", "Champ inconnu : le format cordon-plan ne le prévoit pas.")]
    );
}

#[test]
fn an_organisation_of_the_file_with_a_malformed_number_or_a_repeated_id_is_refused_at_its_path() {
    let mut plan = example();
    plan["organisations"][0]["siret"] = json!("98765432400036");
    plan["organisations"][1]["commune_code"] = json!("ABCDE");
    plan["organisations"][2]["id"] = plan["organisations"][1]["id"].clone();
    let found = errors(&plan);
    assert!(found.contains(&error("$.organisations[0].siret", "Numéro mal formé : « 98765432400036 ».")), "{found:?}");
    assert!(found.contains(&error("$.organisations[1].commune_code", "Numéro mal formé : « ABCDE ».")), "{found:?}");
    assert!(found.contains(&error("$.organisations[2].id", "Identifiant déjà utilisé par $.organisations[1].")));
    assert_eq!(found.len(), 3, "{found:?}");
    let mut plan = example();
    plan["organisations"][2]["kind"] = json!("milice");
    let found = errors(&plan);
    assert!(
        found[0].0 == "$.organisations[2].kind" && found[0].1.starts_with("Valeur inconnue « milice »"),
        "{found:?}"
    );
}

#[test]
fn a_cordon_plan_1_file_may_not_carry_the_fields_of_cordon_plan_2() {
    let mut plan = example_v1();
    plan["zones"][0]["acces_enceinte"] = json!(true);
    assert_eq!(
        errors(&plan),
        vec![error("$.zones[0].acces_enceinte", "Champ inconnu : le format cordon-plan ne le prévoit pas.")]
    );
}

#[test]
fn a_prefects_order_of_an_unknown_kind_or_for_an_unknown_zone_is_refused_at_its_path() {
    let mut plan = example();
    plan["event"]["legal"]["orders"] = json!([
        {"kind": "voie_publique_l613_1", "number": "13-2", "signed_on": null, "valid": null,
         "zone_ids": ["00000000-0000-4000-8000-000000000099"]},
        {"kind": "arrete_de_police", "number": "13-3", "signed_on": null, "valid": null, "zone_ids": []}
    ]);
    let found = errors(&plan);
    let paths: Vec<&str> = found.iter().map(|e| e.0.as_str()).collect();
    assert_eq!(paths, vec!["$.event.legal.orders[1].kind", "$.event.legal.orders[0].zone_ids[0]"], "{found:?}");
}

#[test]
fn a_prefects_order_without_a_number_or_with_a_date_not_iso_is_refused_at_its_path() {
    let mut plan = example();
    plan["event"]["legal"]["orders"] = json!([
        {"kind": "palpation_l613_2", "number": " ", "signed_on": null, "valid": null, "zone_ids": []},
        {"kind": "perimetre_l226_1", "number": "13-1", "signed_on": "19/06/2026", "valid": null, "zone_ids": []}
    ]);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.event.legal.orders[0].number", "Ce champ est obligatoire."),
            error("$.event.legal.orders[1].signed_on", "Une date AAAA-MM-JJ est attendue."),
        ]
    );
}
