//! A whole event plan: the event and everything planned for it. What the planner page shows,
//! what the coverage is computed on, and what the plan interchange format holds.

use serde::{Deserialize, Serialize};

use super::access::{AgentDetail, EventAccess};
use super::actors::{Agent, AgentDraft};
use super::coverage::{compute_coverage, CoverageReport};
use super::deployment::{Deployment, Visibility};
use super::event::Event;
use super::need::Need;
use super::participant::Participant;
use super::zone::{Post, Zone};

/// An event's plan. Each list is in a stable order (by id) once built by the store.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub event: Event,
    pub zones: Vec<Zone>,
    pub posts: Vec<Post>,
    pub participants: Vec<Participant>,
    pub agents: Vec<Agent>,
    pub needs: Vec<Need>,
    pub deployments: Vec<Deployment>,
}

/// Who reads a plan, as far as restricted deployments are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Audience {
    /// State forces and the prefecture: everything.
    StateAndPrefecture,
    /// Everyone else (organiser, municipal police, private security, …): no restricted deployment.
    Others,
}

impl Audience {
    /// Whether this audience reads `deployment`: the one rule of restricted deployments.
    pub fn reads(self, deployment: &Deployment) -> bool {
        self == Audience::StateAndPrefecture || deployment.visibility() != Visibility::Restricted
    }
}

impl Plan {
    /// The coverage of the needs by the deployments.
    pub fn coverage(&self) -> CoverageReport {
        compute_coverage(&self.event, &self.needs, &self.deployments, &self.agents)
    }

    /// The plan as `audience` may read it: restricted deployments are removed for anyone but
    /// the State forces and the prefecture.
    pub fn for_audience(mut self, audience: Audience) -> Plan {
        self.deployments.retain(|d| audience.reads(d));
        self
    }

    /// The plan as the viewer with `access` reads it: no restricted deployment unless it may
    /// read them, and other participants' agents reduced to what it may know of them
    /// (docs/personal-data.md). Its own agents are whole; availability is only theirs.
    pub fn as_read_by(self, access: &EventAccess) -> Plan {
        let mut plan = self.for_audience(access.audience);
        let names: Vec<(String, String)> =
            plan.participants.iter().map(|p| (p.id().to_string(), p.name().to_string())).collect();
        let agents = std::mem::take(&mut plan.agents);
        plan.agents = agents
            .into_iter()
            .filter_map(|agent| {
                if access.edits_participant(agent.participant_id()) {
                    return Some(agent);
                }
                let mut draft = AgentDraft::from(agent);
                draft.availability.clear();
                match access.agents {
                    AgentDetail::Cards => {}
                    AgentDetail::Names => draft.cnaps_card = None,
                    AgentDetail::Withheld => {
                        let company = names.iter().find(|(id, _)| *id == draft.participant_id).map(|(_, n)| n.as_str());
                        draft.display_name = crate::text::agent_withheld(company.unwrap_or_default());
                        draft.sex = None;
                        draft.cnaps_card = None;
                    }
                }
                // Never the whole agent: one that cannot be rebuilt reduced is left out.
                Agent::new(draft).ok()
            })
            .collect();
        plan
    }

    /// Whether another agent of the same participant (other than `except`) already holds the
    /// card `number`. Only the participant's own agents count: whether a card belongs to
    /// another company's agent is not the company's to learn.
    pub fn card_held_by_own_agent(&self, participant_id: &str, number: &str, except: Option<&str>) -> bool {
        self.agents.iter().any(|a| {
            a.participant_id() == participant_id
                && Some(a.id()) != except
                && a.cnaps_card().is_some_and(|c| c.number() == number)
        })
    }

    /// The zone with this id.
    pub fn zone(&self, id: &str) -> Option<&Zone> {
        self.zones.iter().find(|z| z.id() == id)
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id() == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::synthetic_plan;

    fn access(agents: AgentDetail, own: &[&str]) -> EventAccess {
        EventAccess {
            audience: Audience::Others,
            agents,
            organiser: false,
            own_participant_ids: own.iter().map(|s| s.to_string()).collect(),
            restricting_participant_ids: vec![],
        }
    }

    #[test]
    fn each_reader_gets_other_participants_agents_only_as_far_as_it_may_know_them() {
        let plan = synthetic_plan(4, 200, 24, 3);
        let company = plan.agents[0].participant_id().to_string();
        let count = plan.agents.len();
        let own = plan.clone().as_read_by(&access(AgentDetail::Withheld, &[&company]));
        assert_eq!(own.agents.len(), count, "every agent is still counted");
        for (before, after) in plan.agents.iter().zip(&own.agents) {
            if before.participant_id() == company {
                assert_eq!(before, after, "its own agents are whole");
            } else {
                assert!(after.display_name().starts_with("Agent de "), "{}", after.display_name());
                assert_eq!((after.sex(), after.cnaps_card()), (None, None));
                assert_eq!(after.qualifications(), before.qualifications());
            }
        }
        let names = plan.clone().as_read_by(&access(AgentDetail::Names, &[]));
        assert!(names
            .agents
            .iter()
            .zip(&plan.agents)
            .all(|(a, b)| a.display_name() == b.display_name() && a.sex() == b.sex() && a.cnaps_card().is_none()));
        let cards = plan.clone().as_read_by(&access(AgentDetail::Cards, &[]));
        assert!(cards.agents.iter().zip(&plan.agents).all(|(a, b)| a.cnaps_card() == b.cnaps_card()));
        assert!(cards.agents.iter().any(|a| a.cnaps_card().is_some()));
    }
}
