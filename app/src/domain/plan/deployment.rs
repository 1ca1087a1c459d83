//! Deployments: what a participant puts on the ground — a headcount and/or named agents in
//! a zone or at a post, over a time window, for a mission.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::error::PlanError;
use super::fields::{coded_enum, parse_free_text, parse_id, parse_optional_id, parse_optional_label};
use super::need::MAX_HEADCOUNT;
use super::window::TimeWindow;

coded_enum! {
    /// The kind of mission a deployment carries out.
    pub enum MissionCategory {
        Filtrage => ("filtrage", "Filtrage"),
        Surveillance => ("surveillance", "Surveillance"),
        Patrouille => ("patrouille", "Patrouille"),
        Circulation => ("circulation", "Circulation"),
        Intervention => ("intervention", "Intervention"),
        Secours => ("secours", "Secours"),
        /// Staffing the command post.
        Pc => ("pc", "Poste de commandement"),
        /// Searching vehicles (opening boots, inspecting cargo): inside an L226-1 protection
        /// perimeter, police and gendarmes only.
        FouilleVehicules => ("fouille_vehicules", "Fouille de véhicules"),
    }
}

coded_enum! {
    /// Who may see a deployment.
    pub enum Visibility {
        AllParticipants => ("all_participants", "Tous les participants"),
        /// Only State forces and the prefecture: details private actors must not see.
        Restricted => ("restricted", "Restreinte (forces de l'État et préfecture)"),
    }
}

/// What a form or a plan file supplies to build a [`Deployment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentDraft {
    pub id: String,
    pub participant_id: String,
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: TimeWindow,
    pub headcount: u32,
    pub agent_ids: Vec<String>,
    pub category: MissionCategory,
    pub mission: String,
    pub radio: Option<String>,
    pub visibility: Visibility,
}

/// A valid deployment: at least one agent (counted or named), no agent named twice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "DeploymentDraft", into = "DeploymentDraft")]
pub struct Deployment {
    id: String,
    participant_id: String,
    zone_id: String,
    post_id: Option<String>,
    window: TimeWindow,
    headcount: u32,
    agent_ids: Vec<String>,
    category: MissionCategory,
    mission: String,
    radio: Option<String>,
    visibility: Visibility,
}

/// The most agents `deployments` have on site at one time (each deployment counting its
/// staffed headcount; one ending when another starts does not overlap it): the people an
/// organiser deploys at the peak (R211-22), a participant's planned peak (the evaluation).
pub fn peak_headcount<'a>(deployments: impl IntoIterator<Item = &'a Deployment>) -> u32 {
    let mut changes: Vec<(i64, i64)> = Vec::new();
    for d in deployments {
        let n = i64::from(d.staffed_headcount());
        changes.push((d.window().start().0, n));
        changes.push((d.window().end().0, -n));
    }
    // At one instant, departures before arrivals.
    changes.sort();
    let (mut now, mut peak) = (0i64, 0i64);
    for (_, change) in changes {
        now += change;
        peak = peak.max(now);
    }
    u32::try_from(peak).unwrap_or(u32::MAX)
}

impl Deployment {
    /// Checks the draft; the first problem found is returned.
    pub fn new(draft: DeploymentDraft) -> Result<Self, PlanError> {
        if draft.headcount > MAX_HEADCOUNT || draft.agent_ids.len() > MAX_HEADCOUNT as usize {
            return Err(PlanError::HeadcountOutOfRange);
        }
        if draft.headcount == 0 && draft.agent_ids.is_empty() {
            return Err(PlanError::EmptyDeployment);
        }
        let agent_ids = draft.agent_ids.iter().map(String::as_str).map(parse_id).collect::<Result<Vec<_>, _>>()?;
        if agent_ids.iter().collect::<BTreeSet<_>>().len() != agent_ids.len() {
            return Err(PlanError::DuplicateAgent);
        }
        Ok(Deployment {
            id: parse_id(&draft.id)?,
            participant_id: parse_id(&draft.participant_id)?,
            zone_id: parse_id(&draft.zone_id)?,
            post_id: parse_optional_id(draft.post_id.as_deref())?,
            window: draft.window,
            headcount: draft.headcount,
            agent_ids,
            category: draft.category,
            mission: parse_free_text(&draft.mission, 500)?,
            radio: parse_optional_label(draft.radio.as_deref(), 60)?,
            visibility: draft.visibility,
        })
    }
    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The participant that deploys.
    pub fn participant_id(&self) -> &str {
        &self.participant_id
    }
    /// The zone deployed to.
    pub fn zone_id(&self) -> &str {
        &self.zone_id
    }
    /// The post inside the zone, if the deployment is that precise.
    pub fn post_id(&self) -> Option<&str> {
        self.post_id.as_deref()
    }
    /// When the agents are there.
    pub fn window(&self) -> TimeWindow {
        self.window
    }
    /// The stated headcount (0 when only named agents count).
    pub fn headcount(&self) -> u32 {
        self.headcount
    }
    /// The named agents, in the order given.
    pub fn agent_ids(&self) -> &[String] {
        &self.agent_ids
    }
    /// How many agents are on the ground: the stated headcount or the number of named
    /// agents, whichever is larger.
    pub fn staffed_headcount(&self) -> u32 {
        // At most 10,000 named agents (checked in `new`), so the conversion cannot fail.
        self.headcount.max(u32::try_from(self.agent_ids.len()).unwrap_or(u32::MAX))
    }
    /// The kind of mission.
    pub fn category(&self) -> MissionCategory {
        self.category
    }
    /// The mission in words.
    pub fn mission(&self) -> &str {
        &self.mission
    }
    /// The radio channel or phone number to reach the team.
    pub fn radio(&self) -> Option<&str> {
        self.radio.as_deref()
    }
    /// Who may see the deployment.
    pub fn visibility(&self) -> Visibility {
        self.visibility
    }

    /// The deployment as read by someone who may count its named agents but not know who they
    /// are (another participant's, on the plan page): each agent is replaced by its number,
    /// `00000000-0000-0000-0000-000000000001` for the first and so on, which says nothing of
    /// who it is nor whether the same agent works another shift.
    pub fn with_agents_numbered(mut self) -> Deployment {
        self.agent_ids = (1..=self.agent_ids.len()).map(numbered_agent).collect();
        self
    }

    /// Whether the named agents are numbered rather than identified
    /// ([`Self::with_agents_numbered`]); true without named agents.
    pub fn agents_numbered(&self) -> bool {
        self.agent_ids.iter().enumerate().all(|(i, id)| *id == numbered_agent(i + 1))
    }
}

/// The id standing for the `n`th named agent of a deployment whose agents are numbered.
pub fn numbered_agent(n: usize) -> String {
    format!("00000000-0000-0000-0000-{n:012}")
}

impl TryFrom<DeploymentDraft> for Deployment {
    type Error = PlanError;
    fn try_from(draft: DeploymentDraft) -> Result<Self, PlanError> {
        Deployment::new(draft)
    }
}

impl From<Deployment> for DeploymentDraft {
    fn from(d: Deployment) -> Self {
        let Deployment {
            id,
            participant_id,
            zone_id,
            post_id,
            window,
            headcount,
            agent_ids,
            category,
            mission,
            radio,
            visibility,
        } = d;
        DeploymentDraft {
            id,
            participant_id,
            zone_id,
            post_id,
            window,
            headcount,
            agent_ids,
            category,
            mission,
            radio,
            visibility,
        }
    }
}

#[cfg(test)]
#[path = "deployment_tests.rs"]
mod tests;
