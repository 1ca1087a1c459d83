//! Who may do what with an event's plan. The organiser edits the event, zones, posts, needs
//! and participants; each participant edits only its own agents and deployments; the
//! prefecture of the event's department reads everything; no one else sees the event.

use super::actors::ParticipantRole;
use super::aggregate::Audience;
use super::participant::Participant;

/// What the store knows of the person asking.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Viewer {
    /// Organisations the person belongs to (any role).
    pub organisation_ids: Vec<String>,
    /// Departments of the prefectures the person belongs to.
    pub prefecture_departments: Vec<String>,
}

/// What a viewer reads of the agents of participants other than its own (docs/personal-data.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgentDetail {
    /// The department's prefecture: name, qualifications, sex and CNAPS card.
    Cards,
    /// The organiser and the State forces: name, qualifications and sex.
    Names,
    /// Everyone else: that an agent of that participant holds these qualifications, no more.
    Withheld,
}

/// What a viewer may do with one event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventAccess {
    pub audience: Audience,
    /// What the viewer reads of other participants' agents (its own: everything).
    pub agents: AgentDetail,
    /// Edits the event, zones, posts, needs and participants.
    pub organiser: bool,
    /// The participants (of this event) whose agents and deployments the viewer edits.
    pub own_participant_ids: Vec<String>,
}

impl EventAccess {
    pub fn edits_participant(&self, participant_id: &str) -> bool {
        self.own_participant_ids.iter().any(|p| p == participant_id)
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
    let reads_restricted = department_prefecture || own.iter().any(|p| p.reads_restricted());
    let prefecture = department_prefecture || own.iter().any(|p| p.role() == ParticipantRole::Prefecture);
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
            .filter(|p| p.role() != ParticipantRole::Prefecture)
            .map(|p| p.id().to_string())
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::ParticipantDraft;

    const ORGANISER: &str = "00000000-0000-4000-8000-000000000001";
    const POLICE: &str = "00000000-0000-4000-8000-000000000002";
    const SECURITY: &str = "00000000-0000-4000-8000-000000000003";

    fn participant(n: u8, org: &str, role: ParticipantRole) -> Participant {
        Participant::new(ParticipantDraft {
            id: format!("10000000-0000-4000-8000-0000000000{n:02}"),
            organisation_id: org.into(),
            name: format!("P{n}"),
            role,
            contact_name: None,
            contact_phone: None,
            cnaps_authorisation: None,
            commune_code: None,
            arrete_l512_3: None,
        })
        .unwrap()
    }

    fn participants() -> Vec<Participant> {
        vec![
            participant(1, ORGANISER, ParticipantRole::Organisateur),
            participant(2, POLICE, ParticipantRole::ForceEtat),
            participant(3, SECURITY, ParticipantRole::SecuritePrivee),
        ]
    }

    fn viewer(orgs: &[&str], departments: &[&str]) -> Viewer {
        Viewer {
            organisation_ids: orgs.iter().map(|s| s.to_string()).collect(),
            prefecture_departments: departments.iter().map(|s| s.to_string()).collect(),
        }
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
    fn the_prefecture_of_the_department_reads_everything_and_edits_nothing() {
        let access = event_access(&viewer(&[], &["13"]), ORGANISER, "13", &participants()).unwrap();
        assert_eq!(
            access,
            EventAccess {
                audience: Audience::StateAndPrefecture,
                agents: AgentDetail::Cards,
                organiser: false,
                own_participant_ids: vec![]
            }
        );
        assert_eq!(event_access(&viewer(&[], &["84"]), ORGANISER, "13", &participants()), None);
    }
}
