//! Removing a record from a plan: what it is, who may remove it, and what still depends on it.
//! A record others point to (a zone with needs, an agent named in a deployment, …) is not
//! removed: the person is told which records to change first, so that a plan never holds a
//! reference to nothing.

use super::aggregate::Plan;
use super::participant::Participant;
use super::record::RecordKind;
use crate::text;

/// A record found in the plan, with what prevents removing it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removal {
    pub kind: RecordKind,
    /// The participant owning an agent or a deployment.
    pub owner: Option<String>,
    /// What prevents the removal, as French sentences; empty when it may go.
    pub blockers: Vec<String>,
}

/// What removing the record `id` from `plan` involves; `None` when the plan has no such record.
pub fn removal(plan: &Plan, id: &str, organiser_organisation_id: &str) -> Option<Removal> {
    let plain = |kind| Some(Removal { kind, owner: None, blockers: Vec::new() });
    if plan.zones.iter().any(|z| z.id() == id) {
        let mut blockers = Vec::new();
        count(&mut blockers, plan.posts.iter().filter(|p| p.zone_id() == id).count(), text::removal_zone_posts);
        count(&mut blockers, plan.needs.iter().filter(|n| n.zone_id() == id).count(), text::removal_needs);
        count(&mut blockers, plan.deployments.iter().filter(|d| d.zone_id() == id).count(), text::removal_deployments);
        return Some(Removal { kind: RecordKind::Zone, owner: None, blockers });
    }
    if plan.posts.iter().any(|p| p.id() == id) {
        let mut blockers = Vec::new();
        count(&mut blockers, plan.needs.iter().filter(|n| n.post_id() == Some(id)).count(), text::removal_needs);
        let deployments = plan.deployments.iter().filter(|d| d.post_id() == Some(id)).count();
        count(&mut blockers, deployments, text::removal_deployments);
        return Some(Removal { kind: RecordKind::Post, owner: None, blockers });
    }
    if let Some(participant) = plan.participants.iter().find(|p| p.id() == id) {
        return Some(Removal {
            kind: RecordKind::Participant,
            owner: None,
            blockers: participant_blockers(plan, participant, organiser_organisation_id),
        });
    }
    if let Some(agent) = plan.agents.iter().find(|a| a.id() == id) {
        let mut blockers = Vec::new();
        let named = plan.deployments.iter().filter(|d| d.agent_ids().iter().any(|a| a == id)).count();
        count(&mut blockers, named, text::removal_agent_named);
        return Some(Removal { kind: RecordKind::Agent, owner: Some(agent.participant_id().to_string()), blockers });
    }
    if plan.needs.iter().any(|n| n.id() == id) {
        return plain(RecordKind::Need);
    }
    if let Some(deployment) = plan.deployments.iter().find(|d| d.id() == id) {
        return Some(Removal {
            kind: RecordKind::Deployment,
            owner: Some(deployment.participant_id().to_string()),
            blockers: Vec::new(),
        });
    }
    None
}

/// What removing `id` involves for a reader with `access`: judged on the whole plan, told on
/// what the reader may read. A record the reader cannot read reads as absent; what only
/// hidden records (restricted deployments) block is refused without saying what or how many.
pub fn removal_as_read(
    plan: &Plan,
    access: &super::access::EventAccess,
    id: &str,
    organiser_organisation_id: &str,
) -> Option<Removal> {
    let visible = plan.clone().as_read_by(access);
    let mut told = removal(&visible, id, organiser_organisation_id)?;
    let whole = removal(plan, id, organiser_organisation_id)?;
    if told.blockers.is_empty() && !whole.blockers.is_empty() {
        told.blockers.push(text::REMOVAL_USED_BY_OTHERS.to_string());
    }
    Some(told)
}

fn participant_blockers(plan: &Plan, participant: &Participant, organiser_organisation_id: &str) -> Vec<String> {
    let mut blockers = Vec::new();
    if participant.organisation_id() == organiser_organisation_id {
        blockers.push(text::REMOVAL_ORGANISER.to_string());
    }
    let id = participant.id();
    count(
        &mut blockers,
        plan.deployments.iter().filter(|d| d.participant_id() == id).count(),
        text::removal_deployments,
    );
    count(&mut blockers, plan.agents.iter().filter(|a| a.participant_id() == id).count(), text::removal_agents);
    blockers
}

fn count(blockers: &mut Vec<String>, n: usize, sentence: fn(usize) -> String) {
    if n > 0 {
        blockers.push(sentence(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{synthetic_plan, ParticipantRole};

    fn plan() -> (Plan, String) {
        let plan = synthetic_plan(4, 60, 24, 7);
        let organiser = plan
            .participants
            .iter()
            .find(|p| p.role() == ParticipantRole::Organisateur)
            .map(|p| p.organisation_id().to_string())
            .unwrap();
        (plan, organiser)
    }

    #[test]
    fn a_zone_with_needs_and_deployments_is_not_removed_and_the_reasons_are_counted() {
        let (plan, organiser) = plan();
        let zone = plan.zones[0].id().to_string();
        let needs = plan.needs.iter().filter(|n| n.zone_id() == zone).count();
        assert!(needs > 0);
        let r = removal(&plan, &zone, &organiser).unwrap();
        assert_eq!(r.kind, RecordKind::Zone);
        assert_eq!(r.blockers[0], text::removal_needs(needs));
    }

    #[test]
    fn a_zone_holding_only_hidden_deployments_is_kept_without_telling_how_many() {
        use crate::domain::plan::{AgentDetail, Audience, DeploymentDraft, EventAccess, Visibility};
        let (mut plan, organiser) = plan();
        let zone = plan.zones[0].id().to_string();
        plan.needs.retain(|n| n.zone_id() != zone);
        plan.posts.retain(|p| p.zone_id() != zone);
        plan.deployments.retain(|d| d.zone_id() != zone);
        let mut draft = DeploymentDraft::from(plan.deployments[0].clone());
        draft.id = "20000000-0000-4000-8000-000000000099".into();
        draft.zone_id = zone.clone();
        draft.post_id = None;
        draft.visibility = Visibility::Restricted;
        plan.deployments.push(crate::domain::plan::Deployment::new(draft).unwrap());
        let organiser_access = EventAccess {
            audience: Audience::Others,
            agents: AgentDetail::Names,
            organiser: true,
            own_participant_ids: vec![],
            restricting_participant_ids: vec![],
        };
        let r = removal_as_read(&plan, &organiser_access, &zone, &organiser).unwrap();
        assert_eq!(r.blockers, vec![text::REMOVAL_USED_BY_OTHERS.to_string()]);
        assert!(!r.blockers[0].chars().any(|c| c.is_ascii_digit()));
        let hidden = plan.deployments.last().unwrap().id().to_string();
        assert!(removal_as_read(&plan, &organiser_access, &hidden, &organiser).is_none());
    }

    #[test]
    fn a_need_and_a_deployment_may_always_go_and_a_deployment_names_its_owner() {
        let (plan, organiser) = plan();
        let need = removal(&plan, plan.needs[0].id(), &organiser).unwrap();
        assert_eq!((need.kind, need.blockers.len()), (RecordKind::Need, 0));
        let d = &plan.deployments[0];
        let dep = removal(&plan, d.id(), &organiser).unwrap();
        assert_eq!(dep.kind, RecordKind::Deployment);
        assert_eq!(dep.owner.as_deref(), Some(d.participant_id()));
        assert!(dep.blockers.is_empty());
    }

    #[test]
    fn an_agent_named_in_a_deployment_stays_until_it_is_no_longer_named() {
        let (mut plan, organiser) = plan();
        let agent = plan.deployments.iter().find_map(|d| d.agent_ids().first().cloned()).unwrap();
        let named = plan.deployments.iter().filter(|d| d.agent_ids().contains(&agent)).count();
        let r = removal(&plan, &agent, &organiser).unwrap();
        assert_eq!(r.blockers, vec![text::removal_agent_named(named)]);
        plan.deployments.retain(|d| !d.agent_ids().contains(&agent));
        assert!(removal(&plan, &agent, &organiser).unwrap().blockers.is_empty());
    }

    #[test]
    fn the_organiser_never_removes_itself_from_its_event() {
        let (plan, organiser) = plan();
        let own = plan.participants.iter().find(|p| p.organisation_id() == organiser).unwrap();
        let r = removal(&plan, own.id(), &organiser).unwrap();
        assert_eq!(r.blockers[0], text::REMOVAL_ORGANISER);
    }

    #[test]
    fn an_unknown_id_is_no_record_at_all() {
        let (plan, organiser) = plan();
        assert_eq!(removal(&plan, "00000000-0000-4000-8000-00000000dead", &organiser), None);
    }

    #[test]
    fn a_zone_nobody_uses_may_go() {
        let (mut plan, organiser) = plan();
        let zone = plan.zones[0].id().to_string();
        plan.needs.retain(|n| n.zone_id() != zone);
        plan.deployments.retain(|d| d.zone_id() != zone);
        assert_eq!(
            removal(&plan, &zone, &organiser),
            Some(Removal { kind: RecordKind::Zone, owner: None, blockers: vec![] })
        );
    }
}
