//! How the plan page carries its plan's deployments (issue 17): in columns, not as one object
//! per deployment. A city festival's 2,000 deployments as objects repeat every field's name
//! and every zone's and participant's id 2,000 times (900 kB, 180 kB gzip in the page); in
//! columns, a zone, a participant, a mission's or a radio's text is a small number into a list
//! given once, a time is in
//! minutes from the earliest start when every time is a whole minute, and another
//! participant's named agents are a count ([`Deployment::with_agents_numbered`]), and an id is
//! its 16 bytes in the compact format the browser reads (`ui::codec`). The same
//! deployments come back, checked again by [`Deployment::new`].
//!
//! Only the page's own answer (`get_plan`, sent to its own browser) is written so; the plan
//! file and the JSON API keep the documented format (docs/plan-format.md).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::domain::plan::{numbered_agent, Deployment, DeploymentDraft, MissionCategory, Plan, TimeWindow, Visibility};
use crate::domain::time::Instant;

/// The deployments of a plan, one list per field, in the plan's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DeploymentColumns {
    /// The participants, zones and posts the deployments name, and their missions' and radios'
    /// texts, each once.
    participant_ids: Vec<String>,
    zone_ids: Vec<String>,
    post_ids: Vec<String>,
    missions: Vec<String>,
    radios: Vec<String>,
    /// Times are `origin + value × unit` milliseconds (`unit` is a minute when every time is a
    /// whole minute).
    origin: i64,
    unit: i64,
    /// The deployments' ids: 16 bytes each in the compact format, text in JSON.
    id: Vec<uuid::Uuid>,
    participant: Vec<u32>,
    zone: Vec<u32>,
    /// `0` for none, else 1 + the index into `post_ids`.
    post: Vec<u32>,
    start: Vec<i64>,
    length: Vec<i64>,
    headcount: Vec<u32>,
    /// The named agents when identified; empty when they are numbered.
    agents: Vec<Vec<String>>,
    /// How many named agents are numbered (0 when identified or none).
    numbered: Vec<u32>,
    category: Vec<MissionCategory>,
    /// Index into `missions`.
    mission: Vec<u32>,
    /// `0` for none, else 1 + the index into `radios`.
    radio: Vec<u32>,
    visibility: Vec<Visibility>,
}

const MINUTE: i64 = 60_000;

/// The index of `id` in `table`, added at its end if new.
fn index_in(table: &mut Vec<String>, id: &str) -> u32 {
    let at = table.iter().position(|t| t == id).unwrap_or_else(|| {
        table.push(id.to_string());
        table.len() - 1
    });
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl DeploymentColumns {
    /// `deployments` in columns.
    pub fn of(deployments: &[Deployment]) -> DeploymentColumns {
        let times = deployments.iter().flat_map(|d| [d.window().start().0, d.window().end().0]);
        let origin = times.clone().min().unwrap_or(0);
        let unit = if times.clone().all(|t| (t - origin) % MINUTE == 0) { MINUTE } else { 1 };
        let n = deployments.len();
        let mut columns = DeploymentColumns {
            participant_ids: Vec::new(),
            zone_ids: Vec::new(),
            post_ids: Vec::new(),
            missions: Vec::new(),
            radios: Vec::new(),
            origin,
            unit,
            id: Vec::with_capacity(n),
            participant: Vec::with_capacity(n),
            zone: Vec::with_capacity(n),
            post: Vec::with_capacity(n),
            start: Vec::with_capacity(n),
            length: Vec::with_capacity(n),
            headcount: Vec::with_capacity(n),
            agents: Vec::with_capacity(n),
            numbered: Vec::with_capacity(n),
            category: Vec::with_capacity(n),
            mission: Vec::with_capacity(n),
            radio: Vec::with_capacity(n),
            visibility: Vec::with_capacity(n),
        };
        for d in deployments {
            let window = d.window();
            // A deployment's id is a UUID (`Deployment::new` checked it).
            columns.id.push(uuid::Uuid::parse_str(d.id()).unwrap_or_default());
            let participant = index_in(&mut columns.participant_ids, d.participant_id());
            columns.participant.push(participant);
            let zone = index_in(&mut columns.zone_ids, d.zone_id());
            columns.zone.push(zone);
            let post = d.post_id().map_or(0, |id| index_in(&mut columns.post_ids, id).saturating_add(1));
            columns.post.push(post);
            columns.start.push((window.start().0 - origin) / unit);
            columns.length.push((window.end().0 - window.start().0) / unit);
            columns.headcount.push(d.headcount());
            let numbered = !d.agent_ids().is_empty() && d.agents_numbered();
            columns.agents.push(if numbered { Vec::new() } else { d.agent_ids().to_vec() });
            columns.numbered.push(if numbered { u32::try_from(d.agent_ids().len()).unwrap_or(u32::MAX) } else { 0 });
            columns.category.push(d.category());
            let mission = index_in(&mut columns.missions, d.mission());
            columns.mission.push(mission);
            let radio = d.radio().map_or(0, |r| index_in(&mut columns.radios, r).saturating_add(1));
            columns.radio.push(radio);
            columns.visibility.push(d.visibility());
        }
        columns
    }

    /// The deployments again, each checked as when first made; `None` if the columns disagree
    /// in length or a deployment is not valid.
    pub fn deployments(self) -> Option<Vec<Deployment>> {
        let n = self.id.len();
        let lengths = [
            self.participant.len(),
            self.zone.len(),
            self.post.len(),
            self.start.len(),
            self.length.len(),
            self.headcount.len(),
            self.agents.len(),
            self.numbered.len(),
            self.category.len(),
            self.mission.len(),
            self.radio.len(),
            self.visibility.len(),
        ];
        if lengths.iter().any(|&l| l != n) || self.unit <= 0 {
            return None;
        }
        let table = |table: &[String], i: u32| table.get(usize::try_from(i).ok()?).cloned();
        let mut agents = self.agents.into_iter();
        let mut deployments = Vec::with_capacity(n);
        for (i, id) in self.id.into_iter().enumerate() {
            let start = self.origin.checked_add(self.start[i].checked_mul(self.unit)?)?;
            let end = start.checked_add(self.length[i].checked_mul(self.unit)?)?;
            let named = agents.next()?;
            let agent_ids = if self.numbered[i] > 0 {
                (1..=self.numbered[i] as usize).map(numbered_agent).collect()
            } else {
                named
            };
            let post_id = match self.post[i] {
                0 => None,
                p => Some(table(&self.post_ids, p - 1)?),
            };
            let draft = DeploymentDraft {
                id: id.hyphenated().to_string(),
                participant_id: table(&self.participant_ids, self.participant[i])?,
                zone_id: table(&self.zone_ids, self.zone[i])?,
                post_id,
                window: TimeWindow::new(Instant(start), Instant(end)).ok()?,
                headcount: self.headcount[i],
                agent_ids,
                category: self.category[i],
                mission: table(&self.missions, self.mission[i])?,
                radio: match self.radio[i] {
                    0 => None,
                    r => Some(table(&self.radios, r - 1)?),
                },
                visibility: self.visibility[i],
            };
            deployments.push(Deployment::new(draft).ok()?);
        }
        Some(deployments)
    }
}

/// A plan with its deployments in columns: `#[serde(with = "plan_wire")]` on the page's plan.
#[derive(Serialize, Deserialize)]
struct PlanInColumns<Z, P, Q, A, N, E> {
    event: E,
    zones: Z,
    posts: P,
    participants: Q,
    agents: A,
    needs: N,
    deployments: DeploymentColumns,
}

pub fn serialize<S: Serializer>(plan: &Plan, serializer: S) -> Result<S::Ok, S::Error> {
    PlanInColumns {
        event: &plan.event,
        zones: &plan.zones,
        posts: &plan.posts,
        participants: &plan.participants,
        agents: &plan.agents,
        needs: &plan.needs,
        deployments: DeploymentColumns::of(&plan.deployments),
    }
    .serialize(serializer)
}

pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Plan, D::Error> {
    let read = PlanInColumns::deserialize(deserializer)?;
    let deployments = read
        .deployments
        .deployments()
        .ok_or_else(|| serde::de::Error::custom("the plan's deployments are not valid"))?;
    Ok(Plan {
        event: read.event,
        zones: read.zones,
        posts: read.posts,
        participants: read.participants,
        agents: read.agents,
        needs: read.needs,
        deployments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::synthetic_plan;

    fn page_plan() -> Plan {
        let mut plan = synthetic_plan(40, 2_000, 48, 1);
        // Another participant's agents, as the page sends them: numbered.
        let other = plan.deployments[0].participant_id().to_string();
        plan.deployments = plan
            .deployments
            .into_iter()
            .map(|d| if d.participant_id() == other { d } else { d.with_agents_numbered() })
            .collect();
        plan
    }

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Page {
        #[serde(with = "super")]
        plan: Plan,
    }

    #[test]
    fn a_city_festival_s_plan_comes_back_as_it_was_sent_in_columns() {
        let plan = page_plan();
        assert!(plan.deployments.iter().any(|d| !d.agent_ids().is_empty() && !d.agents_numbered()));
        assert!(plan.deployments.iter().any(|d| !d.agent_ids().is_empty() && d.agents_numbered()));
        let sent = Page { plan };
        let text = serde_json::to_string(&sent).unwrap();
        let back: Page = serde_json::from_str(&text).unwrap();
        assert_eq!(back, sent);
    }

    #[test]
    fn in_the_compact_format_too_and_each_id_takes_sixteen_bytes() {
        let sent = Page { plan: page_plan() };
        let bytes = crate::ui::codec::to_compact(&sent).unwrap();
        let back: Page = crate::ui::codec::from_compact(&bytes).unwrap();
        assert_eq!(back, sent);
        let ids = DeploymentColumns::of(&sent.plan.deployments).id;
        assert_eq!(
            crate::ui::codec::to_compact(&ids).unwrap().len(),
            2 + 17 * ids.len(),
            "a count, then each id's length and 16 bytes"
        );
    }

    #[test]
    fn in_columns_the_deployments_weigh_less_than_half_what_they_weigh_as_objects() {
        let plan = page_plan();
        let objects = serde_json::to_string(&plan.deployments).unwrap().len();
        let columns = serde_json::to_string(&DeploymentColumns::of(&plan.deployments)).unwrap().len();
        assert!(columns * 2 < objects, "{columns} bytes in columns, {objects} as objects");
    }

    #[test]
    fn times_that_are_not_whole_minutes_come_back_to_the_millisecond() {
        let mut draft = DeploymentDraft::from(page_plan().deployments[0].clone());
        draft.window = TimeWindow::new(Instant(1_000_001), Instant(4_600_999)).unwrap();
        let odd = vec![Deployment::new(draft).unwrap()];
        assert_eq!(DeploymentColumns::of(&odd).deployments(), Some(odd));
    }

    #[test]
    fn columns_of_different_lengths_or_an_unknown_zone_are_refused() {
        let plan = page_plan();
        let mut short = DeploymentColumns::of(&plan.deployments[..3]);
        short.mission.pop();
        assert_eq!(short.deployments(), None);
        let mut unknown = DeploymentColumns::of(&plan.deployments[..3]);
        unknown.zone[1] = 99;
        assert_eq!(unknown.deployments(), None);
        let text = r#"{"plan":{"event":null}}"#;
        assert!(serde_json::from_str::<Page>(text).is_err());
    }
}
