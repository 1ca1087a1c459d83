//! Which organisation may take part in an event, and in which role: the one place where a
//! participant's role is checked against what its organisation is. Rights never come from a
//! role someone typed: they come from the organisation's kind (see [`super::access`]), and a
//! role must agree with that kind, whatever door the participant came through (form, JSON
//! API, plan import).

use std::collections::{BTreeMap, BTreeSet};

use super::actors::ParticipantRole;
use super::participant::Participant;
use crate::domain::organisation::OrganisationKind;
use crate::text;

/// The roles an organisation of `kind` may hold in an event; `organises` when it is the
/// organisation that organises that event (its participant is the organiser, and only it).
pub fn roles_for(kind: OrganisationKind, organises: bool) -> &'static [ParticipantRole] {
    use ParticipantRole as R;
    if organises {
        return &[R::Organisateur];
    }
    match kind {
        OrganisationKind::PoliceNationale | OrganisationKind::Gendarmerie => &[R::ForceEtat],
        OrganisationKind::PoliceMunicipale => &[R::PoliceMunicipale],
        OrganisationKind::SecuritePrivee => &[R::SecuritePrivee],
        OrganisationKind::Prefecture => &[R::Prefecture],
        // Another organiser (a co-organising association or commune) helps, it does not organise.
        OrganisationKind::Organisateur => &[R::Autre],
        OrganisationKind::Autre => &[R::Secours, R::Autre],
    }
}

/// The role an organisation of `kind` gets by default when it joins an event.
pub fn default_role(kind: OrganisationKind, organises: bool) -> ParticipantRole {
    roles_for(kind, organises)[0]
}

/// Why a participant may not stand in a plan as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParticipationError {
    /// The organisation is not in the database.
    UnknownOrganisation,
    /// The role does not agree with what the organisation is.
    RoleNotForKind { kind: OrganisationKind },
    /// The organisation already takes part in the event through another participant.
    OrganisationTwice,
    /// A participant keeps the organisation it was created for.
    OrganisationChanged,
}

impl ParticipationError {
    /// The field of the participant the error concerns.
    pub fn field(&self) -> &'static str {
        match self {
            Self::RoleNotForKind { .. } => "role",
            _ => "organisation_id",
        }
    }

    /// The French message shown next to that field.
    pub fn message(&self) -> String {
        match self {
            Self::UnknownOrganisation => text::IMPORT_UNKNOWN_ORGANISATION.to_string(),
            Self::RoleNotForKind { kind } => text::role_not_for_kind(kind.label()),
            Self::OrganisationTwice => text::ALREADY_PARTICIPANT.to_string(),
            Self::OrganisationChanged => text::PARTICIPANT_ORGANISATION_FIXED.to_string(),
        }
    }
}

/// Checks one participant against its organisation's kind (`None`: unknown organisation).
pub fn check_participant(
    participant: &Participant,
    kind: Option<OrganisationKind>,
    organiser_organisation_id: &str,
) -> Result<(), ParticipationError> {
    let kind = kind.ok_or(ParticipationError::UnknownOrganisation)?;
    let organises = participant.organisation_id() == organiser_organisation_id;
    if (!organises || kind.organises_events()) && roles_for(kind, organises).contains(&participant.role()) {
        Ok(())
    } else {
        Err(ParticipationError::RoleNotForKind { kind })
    }
}

/// Every participant of a plan that may not stand as it is, with why: a role that does not
/// agree with its organisation's kind (`kinds` holds the known organisations), an unknown
/// organisation, an organisation taking part twice, or (`before`: the stored participants) a
/// participant moved to another organisation. Ordered as `participants`.
pub fn participation_errors<'a>(
    participants: &'a [Participant],
    before: &[Participant],
    kinds: &BTreeMap<String, OrganisationKind>,
    organiser_organisation_id: &str,
) -> Vec<(&'a Participant, ParticipationError)> {
    let mut seen = BTreeSet::new();
    let mut errors = Vec::new();
    for participant in participants {
        let stored = before.iter().find(|b| b.id() == participant.id());
        let outcome = if stored.is_some_and(|b| b.organisation_id() != participant.organisation_id()) {
            Err(ParticipationError::OrganisationChanged)
        } else if !seen.insert(participant.organisation_id()) {
            Err(ParticipationError::OrganisationTwice)
        } else {
            let kind = kinds.get(participant.organisation_id()).copied();
            check_participant(participant, kind, organiser_organisation_id)
        };
        if let Err(error) = outcome {
            errors.push((participant, error));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORGANISER: &str = "00000000-0000-4000-8000-000000000001";
    const POLICE: &str = "00000000-0000-4000-8000-000000000002";
    const COMPANY: &str = "00000000-0000-4000-8000-000000000003";

    fn participant(n: u8, org: &str, role: ParticipantRole) -> Participant {
        crate::domain::plan::fixtures::participant_of(n, org, role)
    }

    fn kinds() -> BTreeMap<String, OrganisationKind> {
        BTreeMap::from([
            (ORGANISER.to_string(), OrganisationKind::Organisateur),
            (POLICE.to_string(), OrganisationKind::PoliceNationale),
            (COMPANY.to_string(), OrganisationKind::SecuritePrivee),
        ])
    }

    #[test]
    fn a_security_company_typed_as_a_state_force_is_refused() {
        let company = participant(3, COMPANY, ParticipantRole::ForceEtat);
        assert_eq!(
            check_participant(&company, Some(OrganisationKind::SecuritePrivee), ORGANISER),
            Err(ParticipationError::RoleNotForKind { kind: OrganisationKind::SecuritePrivee })
        );
    }

    #[test]
    fn the_organiser_cannot_give_itself_the_prefecture_role() {
        let organiser = participant(1, ORGANISER, ParticipantRole::Prefecture);
        assert!(check_participant(&organiser, Some(OrganisationKind::Organisateur), ORGANISER).is_err());
        let organiser = participant(1, ORGANISER, ParticipantRole::Organisateur);
        assert_eq!(check_participant(&organiser, Some(OrganisationKind::Organisateur), ORGANISER), Ok(()));
    }

    #[test]
    fn the_police_takes_part_as_a_state_force_only() {
        let police = participant(2, POLICE, ParticipantRole::ForceEtat);
        assert_eq!(check_participant(&police, Some(OrganisationKind::PoliceNationale), ORGANISER), Ok(()));
        let police = participant(2, POLICE, ParticipantRole::Organisateur);
        assert!(check_participant(&police, Some(OrganisationKind::PoliceNationale), ORGANISER).is_err());
    }

    #[test]
    fn an_organisation_takes_part_once_and_keeps_its_participant() {
        let stored = vec![participant(1, ORGANISER, ParticipantRole::Organisateur)];
        let second = participant(4, ORGANISER, ParticipantRole::Autre);
        let sent = vec![stored[0].clone(), second];
        let errors = participation_errors(&sent, &stored, &kinds(), ORGANISER);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].1, ParticipationError::OrganisationTwice);

        let company = vec![participant(3, COMPANY, ParticipantRole::SecuritePrivee)];
        let moved = vec![participant(3, ORGANISER, ParticipantRole::Organisateur)];
        let errors = participation_errors(&moved, &company, &kinds(), ORGANISER);
        assert_eq!(errors[0].1, ParticipationError::OrganisationChanged);
    }

    #[test]
    fn an_unknown_organisation_is_named() {
        let stranger = participant(5, "00000000-0000-4000-8000-000000000009", ParticipantRole::Autre);
        let errors = participation_errors(std::slice::from_ref(&stranger), &[], &kinds(), ORGANISER);
        assert_eq!(errors[0].1, ParticipationError::UnknownOrganisation);
        assert_eq!(errors[0].1.field(), "organisation_id");
    }
}
