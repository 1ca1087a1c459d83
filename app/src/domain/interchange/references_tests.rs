//! Tests of the checks across records: ids used once in the whole file, references pointing
//! at records of the same file, posts in their zone, named agents of the deploying participant.

use serde_json::json;

use super::fixtures::{error, errors, example};

/// An id no record of the example has.
const STRANGER: &str = "5d0f3b1e-8c2a-4e7b-9f61-0a2b4c6d8e10";
const UNKNOWN_ZONE: &str = "Zone inconnue : aucune zone de ce plan n'a cet identifiant.";
const UNKNOWN_PARTICIPANT: &str = "Participant inconnu : aucun participant de ce plan n'a cet identifiant.";
const POST_OF_ANOTHER_ZONE: &str = "Ce poste appartient à une autre zone que celle indiquée dans « zone_id ».";
const AGENT_OF_ANOTHER_PARTICIPANT: &str = "Cet agent appartient à un autre participant que celui du déploiement.";

#[test]
fn an_id_used_twice_in_one_list_is_refused_at_its_second_use() {
    let mut plan = example();
    plan["deployments"][2]["id"] = plan["deployments"][0]["id"].clone();
    assert_eq!(errors(&plan), vec![error("$.deployments[2].id", "Identifiant déjà utilisé par $.deployments[0].")]);
}

#[test]
fn an_id_shared_by_two_lists_is_refused_even_in_another_case() {
    let mut plan = example();
    plan["needs"][1]["id"] = plan["event"]["id"].clone();
    let participant = plan["participants"][0]["id"].as_str().unwrap().to_uppercase();
    plan["deployments"][1]["id"] = json!(participant);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.needs[1].id", "Identifiant déjà utilisé par $.event."),
            error("$.deployments[1].id", "Identifiant déjà utilisé par $.participants[0]."),
        ]
    );
}

#[test]
fn a_post_a_need_and_a_deployment_in_an_unknown_zone_are_refused() {
    let mut plan = example();
    plan["posts"][0]["zone_id"] = json!(STRANGER);
    plan["needs"][1]["zone_id"] = json!(STRANGER);
    plan["deployments"][1]["zone_id"] = json!(STRANGER);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.posts[0].zone_id", UNKNOWN_ZONE),
            error("$.needs[1].zone_id", UNKNOWN_ZONE),
            error("$.deployments[1].zone_id", UNKNOWN_ZONE),
        ]
    );
}

#[test]
fn a_post_of_another_zone_or_an_unknown_post_is_refused() {
    let mut plan = example();
    let boulevard = plan["zones"][0]["id"].clone();
    plan["needs"][0]["zone_id"] = boulevard.clone();
    plan["deployments"][0]["zone_id"] = boulevard;
    plan["deployments"][2]["post_id"] = json!(STRANGER);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.needs[0].post_id", POST_OF_ANOTHER_ZONE),
            error("$.deployments[0].post_id", POST_OF_ANOTHER_ZONE),
            error("$.deployments[2].post_id", "Poste inconnu : aucun poste de ce plan n'a cet identifiant."),
        ]
    );
}

#[test]
fn a_deployment_of_an_unknown_participant_or_naming_an_unknown_agent_is_refused() {
    let mut plan = example();
    plan["deployments"][1]["participant_id"] = json!(STRANGER);
    plan["deployments"][0]["agent_ids"][1] = json!(STRANGER);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.deployments[0].agent_ids[1]", "Agent inconnu : aucun agent de ce plan n'a cet identifiant."),
            error("$.deployments[1].participant_id", UNKNOWN_PARTICIPANT),
        ]
    );
}

#[test]
fn the_municipal_police_cannot_name_an_agent_of_the_security_company() {
    let mut plan = example();
    let nadia = plan["agents"][1]["id"].clone();
    plan["deployments"][1]["agent_ids"] = json!([nadia]);
    assert_eq!(errors(&plan), vec![error("$.deployments[1].agent_ids[0]", AGENT_OF_ANOTHER_PARTICIPANT)]);
}

#[test]
fn an_agent_of_an_unknown_participant_is_refused_and_so_is_naming_him() {
    let mut plan = example();
    plan["agents"][0]["participant_id"] = json!(STRANGER);
    assert_eq!(
        errors(&plan),
        vec![
            error("$.agents[0].participant_id", UNKNOWN_PARTICIPANT),
            error("$.deployments[0].agent_ids[0]", AGENT_OF_ANOTHER_PARTICIPANT),
        ]
    );
}

#[test]
fn a_record_with_another_mistake_still_counts_as_existing_for_references() {
    let mut plan = example();
    plan["zones"][1]["name"] = json!("");
    assert_eq!(errors(&plan), vec![error("$.zones[1].name", "Ce champ est obligatoire.")]);
}
