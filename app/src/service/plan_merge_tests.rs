//! The merge of a sent plan with the stored one, on the documented example plan ("Fête des
//! Remparts") where the municipal police is turned into a State force holding one restricted
//! deployment on the boulevard.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::plan_merge::merge;
use crate::domain::interchange::{export_plan, import_plan, ImportError};
use crate::domain::plan::{event_access, Audience, EventAccess, Plan, Viewer};
use crate::domain::OrganisationKind;
use crate::store::plan_io::{record_paths, WriteOp};
use crate::store::plans::StoredPlan;
use crate::text;

const EXAMPLE: &str = include_str!("../domain/interchange/example.json");
const ORGANISER: &str = "48b643cb-4f12-4f98-90e6-32e4c5afdf23";
const COMPANY: &str = "7e9e6c39-b3df-41c3-8b8a-4af89b52384c";
const POLICE: &str = "55bcaa0c-c9f1-4019-bcc7-4ab124829e07";
const HIDDEN: &str = "44b7c0d9-a4b8-42d7-8b52-ded48e78f999";
const BOULEVARD: &str = "96d934a3-7c4b-449d-a3f2-df91952e1be7";
const COMPANY_DEPLOYMENT: &str = "29a6412d-9518-4954-9f30-438904dc9bb5";
const ORGANISER_DEPLOYMENT: &str = "45b190fb-a4c2-4f93-928d-f655c2045ada";

fn stored() -> StoredPlan {
    let mut file: Value = serde_json::from_str(EXAMPLE).unwrap();
    file["participants"][1]["role"] = json!("force_etat");
    file["deployments"][1]["visibility"] = json!("restricted");
    let plan = import_plan(file.to_string().as_bytes()).unwrap();
    let versions = ids(&plan).into_iter().map(|id| (id, 3)).collect();
    StoredPlan {
        plan,
        organiser_organisation_id: ORGANISER.into(),
        event_version: 7,
        versions,
        to_confirm: Default::default(),
        stamp: Default::default(),
    }
}

fn ids(plan: &Plan) -> Vec<String> {
    let mut ids: Vec<String> = plan.zones.iter().map(|r| r.id().to_string()).collect();
    ids.extend(plan.posts.iter().map(|r| r.id().to_string()));
    ids.extend(plan.participants.iter().map(|r| r.id().to_string()));
    ids.extend(plan.agents.iter().map(|r| r.id().to_string()));
    ids.extend(plan.needs.iter().map(|r| r.id().to_string()));
    ids.extend(plan.deployments.iter().map(|r| r.id().to_string()));
    ids
}

fn access(organisation: &str) -> EventAccess {
    let kind = match organisation {
        ORGANISER => OrganisationKind::Organisateur,
        POLICE => OrganisationKind::PoliceNationale,
        _ => OrganisationKind::SecuritePrivee,
    };
    let viewer = Viewer::from_organisations([(organisation.to_string(), kind, None)]);
    let stored = stored();
    event_access(&viewer, ORGANISER, "47", &stored.plan.participants).unwrap()
}

/// The file `organisation` reads (GET), changed by `edit`, merged back as that organisation.
fn send(organisation: &str, edit: impl FnOnce(&mut Value)) -> Result<super::plan_merge::Merge, Vec<ImportError>> {
    let stored = stored();
    let access = access(organisation);
    let mut file: Value = serde_json::from_str(&export_plan(&stored.plan.clone().as_read_by(&access), &[])).unwrap();
    edit(&mut file);
    let bytes = serde_json::to_vec_pretty(&file).unwrap();
    let sent = import_plan(&bytes).unwrap();
    merge(&stored, &access, &sent, &record_paths(&bytes))
}

fn ops(merged: &super::plan_merge::Merge) -> BTreeMap<String, WriteOp> {
    merged.writes.iter().map(|w| (w.id.clone(), w.op)).collect()
}

fn error(path: &str, message: impl Into<String>) -> ImportError {
    ImportError { path: path.into(), message: message.into() }
}

fn index(file: &Value, section: &str, id: &str) -> usize {
    file[section].as_array().unwrap().iter().position(|r| r["id"] == id).unwrap()
}

#[test]
fn a_plan_sent_back_as_read_changes_nothing_for_anyone() {
    for organisation in [ORGANISER, COMPANY, POLICE] {
        let merged = send(organisation, |_| {}).unwrap();
        assert!(merged.writes.is_empty() && merged.event.is_none(), "{organisation}");
    }
    assert_eq!(access(COMPANY).audience, Audience::Others);
}

#[test]
fn a_company_changing_its_own_deployment_updates_it_at_the_version_it_read() {
    let merged = send(COMPANY, |file| {
        let i = index(file, "deployments", COMPANY_DEPLOYMENT);
        file["deployments"][i]["headcount"] = json!(4);
    })
    .unwrap();
    assert_eq!(ops(&merged), BTreeMap::from([(COMPANY_DEPLOYMENT.to_string(), WriteOp::Update(3))]));
    let write = &merged.writes[0];
    assert_eq!(write.participant_id.as_deref(), Some("1062a11c-5b60-4e5f-97a0-cab6178c6258"));
    assert_eq!(write.organisation_id.as_deref(), Some(COMPANY));
}

#[test]
fn a_company_may_not_change_the_organisers_deployment_nor_the_event() {
    let mut path = String::new();
    let refused = send(COMPANY, |file| {
        let i = index(file, "deployments", ORGANISER_DEPLOYMENT);
        path = format!("$.deployments[{i}]");
        file["deployments"][i]["mission"] = json!("Autre chose");
        file["event"]["name"] = json!("Fête détournée");
    })
    .unwrap_err();
    assert_eq!(refused, vec![error("$.event", text::API_CANNOT_EDIT), error(&path, text::API_CANNOT_EDIT)]);
}

#[test]
fn the_organiser_renames_the_event_and_deletes_its_own_deployment() {
    let merged = send(ORGANISER, |file| {
        file["event"]["name"] = json!("Fête des Remparts 2026 (édition du soir)");
        let i = index(file, "deployments", ORGANISER_DEPLOYMENT);
        file["deployments"].as_array_mut().unwrap().remove(i);
    })
    .unwrap();
    assert_eq!(merged.event.as_ref().unwrap().name(), "Fête des Remparts 2026 (édition du soir)");
    assert_eq!(ops(&merged), BTreeMap::from([(ORGANISER_DEPLOYMENT.to_string(), WriteOp::Delete(3))]));
}

#[test]
fn the_organiser_may_not_delete_what_a_restricted_deployment_it_cannot_see_uses() {
    let refused = send(ORGANISER, |file| {
        file["zones"].as_array_mut().unwrap().retain(|z| z["id"] != BOULEVARD);
        file["needs"].as_array_mut().unwrap().retain(|n| n["zone_id"] != BOULEVARD);
    })
    .unwrap_err();
    assert_eq!(refused, vec![error("$.zones", text::api_still_referenced(BOULEVARD))]);
}

#[test]
fn a_deployment_of_a_company_cannot_be_made_restricted() {
    let mut path = String::new();
    let refused = send(COMPANY, |file| {
        let i = index(file, "deployments", COMPANY_DEPLOYMENT);
        path = format!("$.deployments[{i}].visibility");
        file["deployments"][i]["visibility"] = json!("restricted");
    })
    .unwrap_err();
    assert_eq!(refused, vec![error(&path, text::API_RESTRICTED_STATE_ONLY)]);
}

#[test]
fn the_police_edits_its_restricted_deployment_and_a_company_cannot_reuse_its_id() {
    let merged = send(POLICE, |file| {
        let i = index(file, "deployments", HIDDEN);
        file["deployments"][i]["headcount"] = json!(5);
    })
    .unwrap();
    assert_eq!(ops(&merged), BTreeMap::from([(HIDDEN.to_string(), WriteOp::Update(3))]));

    let refused = send(COMPANY, |file| {
        let mut copy = file["deployments"][index(file, "deployments", COMPANY_DEPLOYMENT)].clone();
        copy["id"] = json!(HIDDEN);
        file["deployments"].as_array_mut().unwrap().push(copy);
    })
    .unwrap_err();
    assert_eq!(refused.len(), 1);
    assert!(refused[0].path.ends_with("].id") && refused[0].message == text::IMPORT_ID_TAKEN, "{refused:?}");
}

#[test]
fn a_company_adding_its_own_agent_inserts_it_and_may_not_delete_a_zone() {
    let merged = send(COMPANY, |file| {
        let mut agent = file["agents"][0].clone();
        agent["id"] = json!("c0ffee00-0000-4000-8000-000000000001");
        agent["display_name"] = json!("Léa M.");
        agent["cnaps_card"] = Value::Null;
        file["agents"].as_array_mut().unwrap().push(agent);
    })
    .unwrap();
    assert_eq!(merged.inserted, vec!["c0ffee00-0000-4000-8000-000000000001".to_string()]);

    let refused = send(COMPANY, |file| {
        file["posts"] = json!([]);
        file["needs"][0]["post_id"] = Value::Null;
        file["deployments"].as_array_mut().unwrap().iter_mut().for_each(|d| d["post_id"] = Value::Null);
    })
    .unwrap_err();
    let post = "9a3987c8-b871-41f6-8924-daed2901f103";
    assert!(refused.contains(&error("$.posts", text::api_cannot_delete(post))), "{refused:?}");
}
