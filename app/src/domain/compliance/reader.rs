//! Findings as one reader may read them: the one place where a finding is reduced for its
//! reader, whatever shows it (plan page, convention file, convention document and its annex).
//! Findings are computed on the whole plan, so that a rule judges what is really planned;
//! then each reader gets only what it may know (docs/personal-data.md): no finding about a
//! deployment restricted to the State forces unless it reads them, other companies' agents
//! named only to those who may know their names, and a card's expiry date only to the
//! agent's own company and the prefecture.

use super::finding::Finding;
use super::rules::RuleCode;
use crate::domain::plan::{AgentDetail, Audience, EventAccess, Plan, Visibility};
use crate::text;

/// What every party to the convention may read: the document is the same for all of them,
/// so it is written for the one who may know least (a private provider).
pub fn document_reader() -> EventAccess {
    EventAccess {
        audience: Audience::Others,
        agents: AgentDetail::Withheld,
        organiser: false,
        own_participant_ids: vec![],
        restricting_participant_ids: vec![],
    }
}

/// The findings a reader is shown (the plan page's list, the preview of a deployment being
/// typed): `findings` as it may read them ([`findings_as_read_by`]), and, for a reader who
/// does not read all findings ([`EventAccess::reads_all_findings`]), only those that concern
/// its own participants.
pub fn findings_shown_to(findings: Vec<Finding>, plan: &Plan, access: &EventAccess) -> Vec<Finding> {
    let findings = findings_as_read_by(findings, plan, access);
    if access.reads_all_findings() {
        findings
    } else {
        findings.into_iter().filter(|f| f.participant_ids.iter().any(|p| access.edits_participant(p))).collect()
    }
}

/// `findings` (computed on the whole `plan`) as the reader with `access` may read them.
pub fn findings_as_read_by(findings: Vec<Finding>, plan: &Plan, access: &EventAccess) -> Vec<Finding> {
    let known = Known::of(plan, access);
    findings.into_iter().filter_map(|finding| finding_as_read_by(finding, plan, access, &known)).collect()
}

/// What the reduction looks up for every finding, gathered once (a city festival has
/// thousands of findings, deployments and agents).
struct Known<'a> {
    /// The deployments this reader may not know of.
    hidden: std::collections::BTreeSet<&'a str>,
    /// Other participants' agents by id, with their place in the plan.
    others: std::collections::BTreeMap<&'a str, (usize, &'a crate::domain::plan::Agent)>,
}

impl<'a> Known<'a> {
    fn of(plan: &'a Plan, access: &EventAccess) -> Known<'a> {
        let hidden = if access.audience == Audience::StateAndPrefecture {
            Default::default()
        } else {
            plan.deployments.iter().filter(|d| d.visibility() == Visibility::Restricted).map(|d| d.id()).collect()
        };
        let others = plan
            .agents
            .iter()
            .enumerate()
            .filter(|(_, a)| !access.edits_participant(a.participant_id()))
            .map(|(i, a)| (a.id(), (i, a)))
            .collect();
        Known { hidden, others }
    }
}

fn finding_as_read_by(mut finding: Finding, plan: &Plan, access: &EventAccess, known: &Known) -> Option<Finding> {
    if finding.deployment_ids.iter().any(|id| known.hidden.contains(id.as_str())) {
        return None;
    }
    // Other participants' agents the finding names, in the plan's order.
    let mut others: Vec<_> = finding.agent_ids.iter().filter_map(|id| known.others.get(id.as_str()).copied()).collect();
    others.sort_by_key(|(place, _)| *place);
    others.dedup_by_key(|(place, _)| *place);
    let others: Vec<_> = others.into_iter().map(|(_, agent)| agent).collect();
    if others.is_empty() || access.agents == AgentDetail::Cards {
        return Some(finding);
    }
    let company = |participant_id: &str| plan.participant(participant_id).map_or("", |p| p.name());
    if finding.rule == RuleCode::CarteProfessionnelleExpiree {
        // The dates of a card belong to its holder's company and the prefecture.
        let agent = others[0];
        let name = match access.agents {
            AgentDetail::Names => agent.display_name().to_string(),
            _ => text::agent_withheld(company(agent.participant_id())),
        };
        finding.message = text::compliance_card_expired_reduced(&name, company(agent.participant_id()));
        return Some(finding);
    }
    if access.agents == AgentDetail::Withheld {
        for agent in others {
            let withheld = text::agent_withheld(company(agent.participant_id()));
            finding.message = finding.message.replace(agent.display_name(), &withheld);
            finding.fix = finding.fix.replace(agent.display_name(), &withheld);
        }
    }
    Some(finding)
}
