//! The checks that look across records: every id used once in the whole file, and every
//! reference (a post's zone, a need's post, a deployment's participant and agents…) pointing
//! at a record of the same file, consistently. Read straight from the JSON value, so that a
//! record with an unrelated mistake still counts as existing and causes no false alarm.

use std::collections::BTreeMap;

use serde_json::Value;

use super::reader::{child, item};
use super::report::Report;

const UNKNOWN_ZONE: &str = "Zone inconnue : aucune zone de ce plan n'a cet identifiant.";
const UNKNOWN_POST: &str = "Poste inconnu : aucun poste de ce plan n'a cet identifiant.";
const UNKNOWN_PARTICIPANT: &str = "Participant inconnu : aucun participant de ce plan n'a cet identifiant.";
const UNKNOWN_AGENT: &str = "Agent inconnu : aucun agent de ce plan n'a cet identifiant.";
const POST_OF_ANOTHER_ZONE: &str = "Ce poste appartient à une autre zone que celle indiquée dans « zone_id ».";
const AGENT_OF_ANOTHER_PARTICIPANT: &str = "Cet agent appartient à un autre participant que celui du déploiement.";

/// The id in `field` of `record`, in the domain's spelling (lower-case hyphenated UUID), or
/// `None` when absent or malformed (which the field checks report).
fn id_in(record: &Value, field: &str) -> Option<String> {
    let raw = record.get(field)?.as_str()?;
    uuid::Uuid::parse_str(raw.trim()).ok().map(|id| id.hyphenated().to_string())
}

/// The records of one section with their paths; nothing if the section is not a list.
fn records<'a>(root: &'a Value, section: &str) -> Vec<(String, &'a Value)> {
    let items = root.get(section).and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    items.iter().enumerate().map(|(i, record)| (item(&format!("$.{section}"), i), record)).collect()
}

/// Ids of a section mapped to the id in `field` of the same record (`""` when none).
fn index(root: &Value, section: &str, field: &str) -> BTreeMap<String, String> {
    records(root, section)
        .into_iter()
        .filter_map(|(_, record)| Some((id_in(record, "id")?, id_in(record, field).unwrap_or_default())))
        .collect()
}

/// The value `map` holds for the id in `field` of `record`; reports an unknown id at its path.
fn known(
    map: &BTreeMap<String, String>,
    record: &Value,
    field: &str,
    path: &str,
    message: &str,
    report: &mut Report,
) -> Option<String> {
    let id = id_in(record, field)?;
    let found = map.get(&id).cloned();
    if found.is_none() {
        report.push(&child(path, field), message);
    }
    found
}

/// Runs every cross-record check on the parsed file.
pub(super) fn check_references(root: &Value, report: &mut Report) {
    check_unique_ids(root, report);
    let zones = index(root, "zones", "id");
    let posts = index(root, "posts", "zone_id");
    let participants = index(root, "participants", "id");
    let agents = index(root, "agents", "participant_id");
    for (path, post) in records(root, "posts") {
        known(&zones, post, "zone_id", &path, UNKNOWN_ZONE, report);
    }
    for (path, agent) in records(root, "agents") {
        known(&participants, agent, "participant_id", &path, UNKNOWN_PARTICIPANT, report);
    }
    for (path, need) in records(root, "needs") {
        let zone = known(&zones, need, "zone_id", &path, UNKNOWN_ZONE, report);
        let post_zone = known(&posts, need, "post_id", &path, UNKNOWN_POST, report);
        if let (Some(_), Some(post_zone)) = (zone, post_zone) {
            if zones.contains_key(&post_zone) && Some(post_zone) != id_in(need, "zone_id") {
                report.push(&child(&path, "post_id"), POST_OF_ANOTHER_ZONE);
            }
        }
    }
    for (path, deployment) in records(root, "deployments") {
        let participant = known(&participants, deployment, "participant_id", &path, UNKNOWN_PARTICIPANT, report);
        let zone = known(&zones, deployment, "zone_id", &path, UNKNOWN_ZONE, report);
        let post_zone = known(&posts, deployment, "post_id", &path, UNKNOWN_POST, report);
        if let (Some(_), Some(post_zone)) = (zone, post_zone) {
            if zones.contains_key(&post_zone) && Some(post_zone) != id_in(deployment, "zone_id") {
                report.push(&child(&path, "post_id"), POST_OF_ANOTHER_ZONE);
            }
        }
        check_named_agents(deployment, &path, participant.is_some(), &agents, report);
    }
    check_order_zones(root, &zones, report);
}

/// Each zone a prefect's order names is a zone of the plan.
fn check_order_zones(root: &Value, zones: &BTreeMap<String, String>, report: &mut Report) {
    let orders = root.pointer("/event/legal/orders").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (i, order) in orders.iter().enumerate() {
        let path = child(&item("$.event.legal.orders", i), "zone_ids");
        let named = order.get("zone_ids").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
        for (k, raw) in named.iter().enumerate() {
            let Some(zone_id) = raw.as_str().and_then(|raw| uuid::Uuid::parse_str(raw.trim()).ok()) else { continue };
            if !zones.contains_key(&zone_id.hyphenated().to_string()) {
                report.push(&item(&path, k), UNKNOWN_ZONE);
            }
        }
    }
}

/// Each agent named in a deployment exists and works for the deployment's participant.
fn check_named_agents(
    deployment: &Value,
    path: &str,
    participant_known: bool,
    agents: &BTreeMap<String, String>,
    report: &mut Report,
) {
    let participant = id_in(deployment, "participant_id");
    let named = deployment.get("agent_ids").and_then(Value::as_array).map_or(&[][..], Vec::as_slice);
    for (k, raw) in named.iter().enumerate() {
        let Some(agent_id) = raw.as_str().and_then(|raw| uuid::Uuid::parse_str(raw.trim()).ok()) else { continue };
        let agent_path = item(&child(path, "agent_ids"), k);
        match agents.get(&agent_id.hyphenated().to_string()) {
            None => report.push(&agent_path, UNKNOWN_AGENT),
            Some(employer) if participant_known && Some(employer) != participant.as_ref() => {
                report.push(&agent_path, AGENT_OF_ANOTHER_PARTICIPANT)
            }
            Some(_) => {}
        }
    }
}

/// No id appears twice, within a section or across sections (the event's included).
fn check_unique_ids(root: &Value, report: &mut Report) {
    let mut first_use: BTreeMap<String, String> = BTreeMap::new();
    let event = root.get("event").map(|event| ("$.event".to_string(), event));
    let sections = ["zones", "posts", "participants", "agents", "needs", "deployments"];
    let all = event.into_iter().chain(sections.iter().flat_map(|section| records(root, section)));
    for (path, record) in all {
        let Some(id) = id_in(record, "id") else { continue };
        match first_use.get(&id) {
            Some(first) => report.push(&child(&path, "id"), format!("Identifiant déjà utilisé par {first}.")),
            None => {
                first_use.insert(id, path);
            }
        }
    }
}
