//! The state shared by the checks: the plan with its look-ups, the rules in force, and the
//! findings gathered so far.

use std::collections::BTreeMap;

use super::finding::{sort_findings, Draft, Finding};
use super::rules::{Rule, RuleCode, RuleSet};
use super::ComplianceContext;
use crate::domain::convention::Sizing;
use crate::domain::plan::{Agent, Deployment, Participant, ParticipantRole, Plan, Zone};

pub(super) struct Checker<'a> {
    pub plan: &'a Plan,
    pub context: &'a ComplianceContext,
    rules: &'a RuleSet,
    participants: BTreeMap<&'a str, &'a Participant>,
    zones: BTreeMap<&'a str, &'a Zone>,
    agents: BTreeMap<&'a str, &'a Agent>,
    /// Each agent's deployments, in the plan's order (a city festival has thousands of both).
    by_agent: BTreeMap<&'a str, Vec<&'a Deployment>>,
    findings: Vec<Finding>,
    sizing: std::cell::OnceCell<Option<Sizing>>,
}

impl<'a> Checker<'a> {
    pub fn new(plan: &'a Plan, rules: &'a RuleSet, context: &'a ComplianceContext) -> Checker<'a> {
        Checker {
            plan,
            context,
            rules,
            participants: plan.participants.iter().map(|p| (p.id(), p)).collect(),
            zones: plan.zones.iter().map(|z| (z.id(), z)).collect(),
            agents: plan.agents.iter().map(|a| (a.id(), a)).collect(),
            by_agent: {
                let mut by_agent: BTreeMap<&'a str, Vec<&'a Deployment>> = BTreeMap::new();
                for d in &plan.deployments {
                    let mut named: Vec<&str> = d.agent_ids().iter().map(String::as_str).collect();
                    named.sort_unstable();
                    named.dedup();
                    for agent in named {
                        by_agent.entry(agent).or_default().push(d);
                    }
                }
                by_agent
            },
            findings: Vec::new(),
            sizing: std::cell::OnceCell::new(),
        }
    }

    /// The rule if it is enabled; a disabled rule is not even computed.
    pub fn active(&self, code: RuleCode) -> Option<&'a Rule> {
        Some(self.rules.rule(code)).filter(|rule| rule.enabled)
    }

    /// Records a finding of `code` with the rule's severity and reference.
    pub fn emit(&mut self, code: RuleCode, draft: Draft) {
        let rule = self.rules.rule(code);
        self.findings.push(Finding::from_draft(code, rule.severity, &rule.reference, draft));
    }

    /// The rules in force.
    pub fn rules(&self) -> &'a RuleSet {
        self.rules
    }

    /// The sizing of the plan (computed once per check).
    pub fn sizing(&self) -> Option<Sizing> {
        self.sizing.get_or_init(|| super::sizing_of(self.plan, self.context)).clone()
    }

    pub fn finish(mut self) -> Vec<Finding> {
        sort_findings(&mut self.findings);
        self.findings
    }

    pub fn participant(&self, id: &str) -> Option<&'a Participant> {
        self.participants.get(id).copied()
    }

    /// The role of the participant behind a deployment or an agent.
    pub fn role(&self, participant_id: &str) -> Option<ParticipantRole> {
        self.participant(participant_id).map(Participant::role)
    }

    pub fn participant_name(&self, id: &str) -> &'a str {
        self.participant(id).map_or("?", Participant::name)
    }

    pub fn zone(&self, id: &str) -> Option<&'a Zone> {
        self.zones.get(id).copied()
    }

    pub fn zone_name(&self, id: &str) -> &'a str {
        self.zone(id).map_or("?", Zone::name)
    }

    pub fn agent(&self, id: &str) -> Option<&'a Agent> {
        self.agents.get(id).copied()
    }

    /// The deployments naming the agent.
    pub fn deployments_of_agent(&self, agent_id: &str) -> impl Iterator<Item = &'a Deployment> + '_ {
        self.by_agent.get(agent_id).into_iter().flatten().copied()
    }

    /// What the participant's people may do as security staff (unknown participants: nothing).
    pub fn standing(&self, participant_id: &str) -> Standing {
        self.participant(participant_id).map_or(Standing::NoSecurityPower, Standing::of)
    }

    /// The deployments of participants with one of `roles`.
    pub fn deployments_by(&self, roles: &'a [ParticipantRole]) -> impl Iterator<Item = &'a Deployment> + '_ {
        self.plan.deployments.iter().filter(move |d| self.role(d.participant_id()).is_some_and(|r| roles.contains(&r)))
    }
}

/// Private actors: security companies and the organiser's own stewards or security service.
pub(super) const PRIVATE: [ParticipantRole; 2] = [ParticipantRole::SecuritePrivee, ParticipantRole::Organisateur];

/// What the law lets a participant's people do as security staff, from what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Standing {
    /// Security agents under CSI L611-1 1°: a company's, or the organiser's in-house security
    /// service (L612-25). They hold a CNAPS card; they may pat down on any of the three bases.
    SecurityAgents,
    /// The organiser's volunteers or stewards: pat-downs only at the access to an enclosed
    /// venue under L613-3, each with its agrément.
    Volunteers,
    /// The State forces, the municipal police and the prefecture: public powers, judged by
    /// other rules.
    Public,
    /// First-aid associations and other participants: no security power at all.
    NoSecurityPower,
}

impl Standing {
    pub fn of(p: &Participant) -> Standing {
        match p.role() {
            ParticipantRole::SecuritePrivee => Standing::SecurityAgents,
            ParticipantRole::Organisateur if p.service_interne_securite() => Standing::SecurityAgents,
            ParticipantRole::Organisateur => Standing::Volunteers,
            ParticipantRole::ForceEtat | ParticipantRole::PoliceMunicipale | ParticipantRole::Prefecture => {
                Standing::Public
            }
            ParticipantRole::Secours | ParticipantRole::Autre => Standing::NoSecurityPower,
        }
    }
}
