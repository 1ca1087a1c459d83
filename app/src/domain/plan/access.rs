//! Who may do what with an event's plan. The organiser edits the event, zones, posts, needs
//! and participants; each participant edits only its own agents and deployments; the
//! prefecture of the event's department reads everything; no one else sees the event.
//! Rights come from what the viewer's organisations are (their kind, set by a platform
//! administrator), never from the role typed for a participant.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::aggregate::Audience;
use super::participant::Participant;
use super::record::RecordKind;
use crate::domain::organisation::OrganisationKind;

/// What the store knows of the person asking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Organisations the person belongs to (any role).
    pub organisation_ids: Vec<String>,
    /// Departments of the prefectures the person belongs to.
    pub prefecture_departments: Vec<String>,
    /// The kind of each of those organisations.
    pub kinds: BTreeMap<String, OrganisationKind>,
}

impl Viewer {
    /// A viewer from its organisations: (id, kind, department of a prefecture).
    pub fn from_organisations(
        organisations: impl IntoIterator<Item = (String, OrganisationKind, Option<String>)>,
    ) -> Self {
        let mut viewer = Viewer::default();
        for (id, kind, department) in organisations {
            if kind == OrganisationKind::Prefecture {
                viewer.prefecture_departments.extend(department);
            }
            viewer.kinds.insert(id.clone(), kind);
            viewer.organisation_ids.push(id);
        }
        viewer
    }

    fn kind_of(&self, organisation_id: &str) -> Option<OrganisationKind> {
        self.kinds.get(organisation_id).copied()
    }
}

/// What a viewer reads of the agents of participants other than its own (docs/personal-data.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgentDetail {
    /// The department's prefecture: name, qualifications, sex and CNAPS card.
    Cards,
    /// The organiser and the State forces: name, qualifications and sex.
    Names,
    /// Everyone else: that an agent of that participant holds these qualifications, no more.
    Withheld,
}

/// What a viewer may do with one event: decided once here, read by every door (and sent to
/// the browser with the plan page, so that the page offers what the server will accept).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventAccess {
    pub audience: Audience,
    /// What the viewer reads of other participants' agents (its own: everything).
    pub agents: AgentDetail,
    /// Edits the event, zones, posts, needs and participants.
    pub organiser: bool,
    /// The participants (of this event) whose agents and deployments the viewer edits.
    pub own_participant_ids: Vec<String>,
    /// Those of [`Self::own_participant_ids`] whose organisation is a State force: their
    /// deployments may be marked restricted.
    pub restricting_participant_ids: Vec<String>,
}

impl EventAccess {
    pub fn edits_participant(&self, participant_id: &str) -> bool {
        self.own_participant_ids.iter().any(|p| p == participant_id)
    }

    /// Whether the viewer writes (adds, changes or removes) a record of `kind`; `owner` is the
    /// participant an agent or a deployment belongs to (for an existing record, the stored
    /// one: a record never changes hands). The one rule of every door: forms, the JSON API's
    /// `PUT`, CSV imports and schedule proposals.
    pub fn may_write(&self, kind: RecordKind, owner: Option<&str>) -> bool {
        if kind.belongs_to_a_participant() {
            owner.is_some_and(|o| self.edits_participant(o))
        } else {
            self.may_write_event()
        }
    }

    /// Whether the viewer reads `deployment` (a restricted one only if a State force or the
    /// prefecture).
    pub fn reads_deployment(&self, deployment: &super::deployment::Deployment) -> bool {
        self.audience.reads(deployment)
    }

    /// Whether the viewer changes the event itself (its facts, its prefect's orders) and the
    /// organiser's records: the organiser only.
    pub fn may_write_event(&self) -> bool {
        self.organiser
    }

    /// Whether a deployment of `participant_id` may be marked restricted by this viewer: only
    /// a State force's own, judged on what its organisation is (never on a typed role).
    pub fn may_restrict(&self, participant_id: &str) -> bool {
        self.restricting_participant_ids.iter().any(|p| p == participant_id)
    }

    /// Reads the findings of the whole plan: the organiser, the State forces and the prefecture.
    /// Everyone else reads only those that concern its own participants, so that a finding
    /// never tells a company about another company's agents.
    pub fn reads_all_findings(&self) -> bool {
        self.agents != AgentDetail::Withheld
    }

    /// Follows the calendar of the whole event and of each zone: the organiser, the State
    /// forces and the prefecture. Everyone else follows only its own participants and agents.
    pub fn follows_whole_event(&self) -> bool {
        self.organiser || self.audience == Audience::StateAndPrefecture
    }

    /// Whether a calendar feed of this scope (`event`, `zone`, `participant`, `agent`, with
    /// `owner`: the participant of the agent or the participant itself), made with
    /// restricted deployments or not, may be followed by this reader: the rule a link is made
    /// with and every poll of it is checked against.
    pub fn follows_feed(&self, scope_kind: &str, owner: Option<&str>, restricted: bool) -> bool {
        if restricted && self.audience != Audience::StateAndPrefecture {
            return false;
        }
        match scope_kind {
            "event" | "zone" => self.follows_whole_event(),
            "participant" | "agent" => owner.is_some_and(|p| self.edits_participant(p)),
            _ => false,
        }
    }
}

/// Decides the access of `viewer` to an event organised by `organiser_organisation_id`, in
/// `department`, with these participants. `None`: the event does not exist for this viewer.
pub fn event_access(
    viewer: &Viewer,
    organiser_organisation_id: &str,
    department: &str,
    participants: &[Participant],
) -> Option<EventAccess> {
    let belongs = |org: &str| viewer.organisation_ids.iter().any(|o| o == org);
    let own: Vec<&Participant> = participants.iter().filter(|p| belongs(p.organisation_id())).collect();
    let organiser = belongs(organiser_organisation_id);
    let department_prefecture = viewer.prefecture_departments.iter().any(|d| d == department);
    if own.is_empty() && !organiser && !department_prefecture {
        return None;
    }
    let kind = |p: &&Participant| viewer.kind_of(p.organisation_id());
    let reads_restricted = department_prefecture || own.iter().filter_map(kind).any(OrganisationKind::reads_restricted);
    let prefecture = department_prefecture || own.iter().filter_map(kind).any(|k| k == OrganisationKind::Prefecture);
    let agents = if prefecture {
        AgentDetail::Cards
    } else if organiser || reads_restricted {
        AgentDetail::Names
    } else {
        AgentDetail::Withheld
    };
    Some(EventAccess {
        audience: if reads_restricted { Audience::StateAndPrefecture } else { Audience::Others },
        agents,
        organiser,
        own_participant_ids: own
            .iter()
            .filter(|p| kind(p) != Some(OrganisationKind::Prefecture))
            .map(|p| p.id().to_string())
            .collect(),
        restricting_participant_ids: own
            .iter()
            .filter(|p| kind(p).is_some_and(OrganisationKind::is_state_force))
            .map(|p| p.id().to_string())
            .collect(),
    })
}

/// What every member of one organisation reads of the event, whoever they are besides: the
/// reader of what is sent to an organisation rather than shown to one person (the release
/// e-mails to a participant's administrators). The same rule as [`event_access`], for a viewer
/// belonging to that organisation alone.
/// `organisation` is (id, kind, department of a prefecture), as [`Viewer::from_organisations`].
pub fn organisation_access(
    organisation: (String, OrganisationKind, Option<String>),
    organiser_organisation_id: &str,
    department: &str,
    participants: &[Participant],
) -> Option<EventAccess> {
    event_access(&Viewer::from_organisations([organisation]), organiser_organisation_id, department, participants)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::ParticipantRole;

    const ORGANISER: &str = "00000000-0000-4000-8000-000000000001";
    const POLICE: &str = "00000000-0000-4000-8000-000000000002";
    const SECURITY: &str = "00000000-0000-4000-8000-000000000003";

    fn participant(n: u8, org: &str, role: ParticipantRole) -> Participant {
        crate::domain::plan::fixtures::participant_of(n, org, role)
    }

    fn participants() -> Vec<Participant> {
        vec![
            participant(1, ORGANISER, ParticipantRole::Organisateur),
            participant(2, POLICE, ParticipantRole::ForceEtat),
            participant(3, SECURITY, ParticipantRole::SecuritePrivee),
        ]
    }

    fn kind_of(org: &str) -> OrganisationKind {
        match org {
            ORGANISER => OrganisationKind::Organisateur,
            POLICE => OrganisationKind::PoliceNationale,
            _ => OrganisationKind::SecuritePrivee,
        }
    }

    fn viewer(orgs: &[&str], departments: &[&str]) -> Viewer {
        let mut viewer = Viewer::from_organisations(orgs.iter().map(|o| (o.to_string(), kind_of(o), None)));
        for department in departments {
            let id = format!("99999999-0000-4000-8000-0000000000{department}");
            viewer.organisation_ids.push(id.clone());
            viewer.kinds.insert(id, OrganisationKind::Prefecture);
            viewer.prefecture_departments.push(department.to_string());
        }
        viewer
    }

    #[test]
    fn an_outsider_does_not_see_the_event_at_all() {
        assert_eq!(
            event_access(&viewer(&["99999999-0000-4000-8000-000000000000"], &["75"]), ORGANISER, "13", &participants()),
            None
        );
    }

    #[test]
    fn the_organiser_edits_but_does_not_read_restricted_deployments() {
        let access = event_access(&viewer(&[ORGANISER], &[]), ORGANISER, "13", &participants()).unwrap();
        assert!(access.organiser);
        assert_eq!(access.audience, Audience::Others);
        assert_eq!(access.own_participant_ids, vec!["10000000-0000-4000-8000-000000000001"]);
    }

    #[test]
    fn a_state_force_reads_restricted_deployments_and_edits_only_its_own() {
        let access = event_access(&viewer(&[POLICE], &[]), ORGANISER, "13", &participants()).unwrap();
        assert!(!access.organiser);
        assert_eq!(access.audience, Audience::StateAndPrefecture);
        assert!(access.edits_participant("10000000-0000-4000-8000-000000000002"));
        assert!(!access.edits_participant("10000000-0000-4000-8000-000000000003"));
    }

    #[test]
    fn a_security_company_reads_without_restricted_deployments() {
        let access = event_access(&viewer(&[SECURITY], &[]), ORGANISER, "13", &participants()).unwrap();
        assert_eq!(access.audience, Audience::Others);
        assert_eq!(access.agents, AgentDetail::Withheld);
    }

    #[test]
    fn the_organiser_and_state_forces_read_other_agents_names_but_not_their_cards() {
        for org in [ORGANISER, POLICE] {
            let access = event_access(&viewer(&[org], &[]), ORGANISER, "13", &participants()).unwrap();
            assert_eq!(access.agents, AgentDetail::Names);
        }
    }

    #[test]
    fn a_security_company_typed_as_a_state_force_still_reads_no_restricted_deployment() {
        let mut typed = participants();
        typed[2] = participant(3, SECURITY, ParticipantRole::ForceEtat);
        let access = event_access(&viewer(&[SECURITY], &[]), ORGANISER, "13", &typed).unwrap();
        assert_eq!(access.audience, Audience::Others);
        assert_eq!(access.agents, AgentDetail::Withheld);
    }

    #[test]
    fn an_organiser_typed_as_the_prefecture_reads_neither_restricted_deployments_nor_cards() {
        let mut typed = participants();
        typed[0] = participant(1, ORGANISER, ParticipantRole::Prefecture);
        let access = event_access(&viewer(&[ORGANISER], &[]), ORGANISER, "13", &typed).unwrap();
        assert_eq!(access.audience, Audience::Others);
        assert_eq!(access.agents, AgentDetail::Names);
    }

    #[test]
    fn the_organiser_writes_zones_posts_needs_and_participants_but_not_a_companys_agents() {
        let access = event_access(&viewer(&[ORGANISER], &[]), ORGANISER, "13", &participants()).unwrap();
        for kind in [RecordKind::Zone, RecordKind::Post, RecordKind::Need, RecordKind::Participant] {
            assert!(access.may_write(kind, None), "{kind:?}");
        }
        let company = Some("10000000-0000-4000-8000-000000000003");
        assert!(!access.may_write(RecordKind::Agent, company));
        assert!(!access.may_write(RecordKind::Deployment, company));
        assert!(access.may_write(RecordKind::Deployment, Some("10000000-0000-4000-8000-000000000001")));
        assert!(!access.may_write(RecordKind::Deployment, None));
    }

    #[test]
    fn a_company_writes_only_its_own_agents_and_deployments_and_restricts_nothing() {
        let access = event_access(&viewer(&[SECURITY], &[]), ORGANISER, "13", &participants()).unwrap();
        let own = "10000000-0000-4000-8000-000000000003";
        assert!(access.may_write(RecordKind::Agent, Some(own)));
        assert!(access.may_write(RecordKind::Deployment, Some(own)));
        assert!(!access.may_write(RecordKind::Deployment, Some("10000000-0000-4000-8000-000000000002")));
        for kind in [RecordKind::Zone, RecordKind::Post, RecordKind::Need, RecordKind::Participant] {
            assert!(!access.may_write(kind, None), "{kind:?}");
        }
        assert!(!access.may_restrict(own));
    }

    #[test]
    fn only_a_state_forces_own_deployments_may_be_restricted_whatever_role_was_typed() {
        let police = event_access(&viewer(&[POLICE], &[]), ORGANISER, "13", &participants()).unwrap();
        assert!(police.may_restrict("10000000-0000-4000-8000-000000000002"));
        assert!(!police.may_restrict("10000000-0000-4000-8000-000000000003"));
        let mut typed = participants();
        typed[2] = participant(3, SECURITY, ParticipantRole::ForceEtat);
        let company = event_access(&viewer(&[SECURITY], &[]), ORGANISER, "13", &typed).unwrap();
        assert!(!company.may_restrict("10000000-0000-4000-8000-000000000003"));
    }

    #[test]
    fn the_organiser_state_forces_and_prefecture_read_every_finding_a_company_only_its_own() {
        let reads = |orgs: &[&str], departments: &[&str]| {
            event_access(&viewer(orgs, departments), ORGANISER, "13", &participants()).unwrap().reads_all_findings()
        };
        assert!(reads(&[ORGANISER], &[]));
        assert!(reads(&[POLICE], &[]));
        assert!(reads(&[], &["13"]));
        assert!(!reads(&[SECURITY], &[]));
    }

    #[test]
    fn the_prefecture_of_the_department_reads_everything_and_edits_nothing() {
        let access = event_access(&viewer(&[], &["13"]), ORGANISER, "13", &participants()).unwrap();
        assert_eq!(
            access,
            EventAccess {
                audience: Audience::StateAndPrefecture,
                agents: AgentDetail::Cards,
                organiser: false,
                own_participant_ids: vec![],
                restricting_participant_ids: vec![],
            }
        );
        assert_eq!(event_access(&viewer(&[], &["84"]), ORGANISER, "13", &participants()), None);
    }
}
