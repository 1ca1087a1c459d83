//! A whole event plan: the event and everything planned for it. What the planner page shows,
//! what the coverage is computed on, and what the plan interchange format holds.

use serde::{Deserialize, Serialize};

use super::actors::Agent;
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Audience {
    /// State forces and the prefecture: everything.
    StateAndPrefecture,
    /// Everyone else (organiser, municipal police, private security, …): no restricted deployment.
    Others,
}

impl Plan {
    /// The coverage of the needs by the deployments.
    pub fn coverage(&self) -> CoverageReport {
        compute_coverage(&self.event, &self.needs, &self.deployments, &self.agents)
    }

    /// The plan as `audience` may read it: restricted deployments are removed for anyone but
    /// the State forces and the prefecture.
    pub fn for_audience(mut self, audience: Audience) -> Plan {
        if audience == Audience::Others {
            self.deployments.retain(|d| d.visibility() != Visibility::Restricted);
        }
        self
    }

    pub fn participant(&self, id: &str) -> Option<&Participant> {
        self.participants.iter().find(|p| p.id() == id)
    }
}
