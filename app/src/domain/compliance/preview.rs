//! The compliance preview of a deployment being typed: the deployment the form describes, put
//! in the plan in place of its saved self, checked by the same rules as a save, and what the
//! rules find about it, as its reader may read it. Computed by the server (the page asks while
//! the form changes), so that the browser carries no copy of the rules and the preview sees
//! the whole plan, other participants' details included, as the save will.

use super::{check_plan, findings_shown_to, ComplianceContext, Finding, RuleSet};
use crate::domain::plan::input::DeploymentInput;
use crate::domain::plan::{EventAccess, Plan, RecordKind};

/// The id given to a new deployment while it is previewed (never saved under it).
pub const PREVIEW_ID: &str = "00000000-0000-4000-8000-00000000a9e5";

/// What the rules find about the deployment the form's (name, value) `pairs` describe once it
/// is in `plan`, as `access` is shown them (as on the plan page); `None` while the form is incomplete or invalid (the
/// same parser as the save's), or describes a deployment its reader may not write.
pub fn preview_deployment(
    plan: &Plan,
    access: &EventAccess,
    rules: &RuleSet,
    context: &ComplianceContext,
    pairs: &[(String, String)],
) -> Option<Vec<Finding>> {
    let input = DeploymentInput::from_pairs(pairs);
    let id = match input.id.trim() {
        "" => PREVIEW_ID.to_string(),
        id => id.to_string(),
    };
    // An existing deployment stays with its participant, as on a save.
    let owner = plan
        .deployments
        .iter()
        .find(|d| d.id() == id)
        .map_or_else(|| input.participant_id.trim().to_string(), |d| d.participant_id().to_string());
    if !access.may_write(RecordKind::Deployment, Some(&owner)) {
        return None;
    }
    let deployment = input.parse(plan, &id, &owner, access.may_restrict(&owner)).ok()?;
    let mut plan = plan.clone();
    plan.deployments.retain(|d| d.id() != id);
    plan.deployments.push(deployment);
    let about: Vec<Finding> =
        check_plan(&plan, rules, context).into_iter().filter(|f| f.deployment_ids.contains(&id)).collect();
    Some(findings_shown_to(about, &plan, access))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, paris, AVENUE, COMPANY, ENTRANCE, POLICE};
    use crate::domain::plan::{AgentDetail, Audience};

    fn company() -> EventAccess {
        EventAccess {
            audience: Audience::Others,
            agents: AgentDetail::Withheld,
            organiser: false,
            own_participant_ids: vec![id(COMPANY)],
            restricting_participant_ids: vec![],
        }
    }

    fn form(participant: u32, zone: u32) -> Vec<(String, String)> {
        [
            ("event_id", "x".to_string()),
            ("id", String::new()),
            ("participant_id", id(participant)),
            ("zone_id", id(zone)),
            ("post_id", String::new()),
            ("start", "2026-06-20T18:00".into()),
            ("end", "2026-06-20T23:00".into()),
            ("headcount", "2".into()),
            ("category", "surveillance".into()),
            ("mission", "Surveillance".into()),
            ("radio", String::new()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    fn preview(values: &[(String, String)]) -> Option<Vec<&'static str>> {
        let context = ComplianceContext::at(paris(5, 1, 10, 0));
        preview_deployment(&compliant_plan(), &company(), &RuleSet::defaults(), &context, values)
            .map(|found| found.iter().map(|f| f.rule.code()).collect())
    }

    #[test]
    fn private_agents_typed_on_a_public_road_are_flagged_before_saving_and_the_flag_goes_with_the_zone() {
        assert_eq!(preview(&form(COMPANY, AVENUE)), Some(vec!["voie_publique_sans_autorisation"]));
        assert_eq!(preview(&form(COMPANY, ENTRANCE)), Some(vec![]));
    }

    #[test]
    fn an_incomplete_form_gives_no_preview() {
        let mut values = form(COMPANY, AVENUE);
        values.retain(|(n, _)| n != "end");
        assert_eq!(preview(&values), None);
        let mut values = form(COMPANY, AVENUE);
        values.iter_mut().filter(|(n, _)| n == "category").for_each(|(_, v)| *v = "inconnue".into());
        assert_eq!(preview(&values), None);
    }

    #[test]
    fn a_company_previews_nothing_of_a_deployment_it_may_not_write() {
        assert_eq!(preview(&form(POLICE, AVENUE)), None);
    }
}
