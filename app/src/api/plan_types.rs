//! What the planning server functions send to the browser.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::domain::plan::{CoverageReport, Plan};

/// An event in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventSummary {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub commune: String,
    pub department: String,
    /// Start and end in the event's zone, French long format.
    pub starts: String,
    pub ends: String,
    /// The convention file's state ("Brouillon", "En instruction", …).
    pub convention: String,
    /// The filing due date, "26/05/2027", when a lead time applies.
    pub due: Option<String>,
    /// "À risque" / "En retard" / "Déposé en retard" for a file that needs attention.
    pub due_flag: Option<String>,
    /// The file's status code (`brouillon` when never filed).
    #[serde(default)]
    pub status: String,
    /// The day the file was filed, "12/05/2027", if it was.
    #[serde(default)]
    pub filed_on: Option<String>,
    /// The prefecture's worklist tab (`WorklistTab` code), for a prefecture's reader only.
    #[serde(default)]
    pub tab: Option<String>,
    /// Opinions asked and not yet given.
    #[serde(default)]
    pub opinions_awaited: usize,
    /// The file is late (not filed by its due date, or filed after it).
    #[serde(default)]
    pub late: bool,
}

/// An event's plan as the viewer may read it, its coverage, and what the viewer may edit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanPage {
    /// Its deployments travel in columns ([`super::plan_wire`]); another participant's named
    /// agents are numbered ([`crate::domain::plan::Deployment::with_agents_numbered`]).
    #[serde(with = "super::plan_wire")]
    pub plan: Plan,
    pub coverage: CoverageReport,
    /// What the viewer may do, as the server decided it ([`crate::domain::plan::event_access`]):
    /// the page offers only what the server will accept.
    pub access: crate::domain::plan::EventAccess,
    pub event_version: i64,
    /// Version of every record, for saves that must not overwrite someone else's.
    pub versions: BTreeMap<String, i64>,
    /// The time zone's name, e.g. `Europe/Paris`.
    pub time_zone: String,
    /// What the compliance rules find in the plan (docs/compliance.md), as far as this reader
    /// is concerned: the first findings of each rule ([`crate::domain::compliance::digest`]);
    /// `list_rule_findings` reads the others.
    pub findings: Vec<crate::domain::compliance::Finding>,
    /// Each rule found and how many times, all findings counted.
    #[serde(default)]
    pub finding_tallies: Vec<crate::domain::compliance::RuleTally>,
    /// Where in `plan.deployments` the deployments a finding flags on the timeline are.
    #[serde(default)]
    pub flagged: Vec<u32>,
    /// The organisations an organiser may associate with the event (empty for other readers):
    /// sent with the page rather than fetched by a nested resource.
    #[serde(default)]
    pub directory: Vec<crate::read_models::OrganisationSummary>,
    /// The name of the event this one is the next edition of, while nothing is published yet
    /// (the deployments are a draft taken from it).
    #[serde(default)]
    pub edition_of: Option<String>,
    /// The deployments this reader reads that a next edition took from the last one and that
    /// their participant has not confirmed yet: left out of every release.
    #[serde(default)]
    pub to_confirm: Vec<String>,
    /// While the operations are under way: the timeline's "now" line and each zone's planned
    /// against present headcount (issue 18).
    #[serde(default)]
    pub now: Option<crate::read_models::presence::NowOnPlan>,
}

/// An organisation the viewer belongs to and may organise events with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganiserChoice {
    pub id: String,
    pub name: String,
}
