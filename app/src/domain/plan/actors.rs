//! The security actors of an event and their agents. An agent record keeps the least
//! personal data the plan needs: a display name, qualifications, sex only for pat-downs,
//! the CNAPS card of private agents, and when the agent is available.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::error::PlanError;
use super::fields::{coded_enum, parse_id, parse_label};
use super::window::TimeWindow;
use crate::domain::time::Instant;

coded_enum! {
    /// The role an organisation plays at the event.
    pub enum ParticipantRole {
        /// The donneur d'ordre: who runs the event and owns the plan.
        Organisateur => ("organisateur", "Organisateur"),
        /// Police nationale or gendarmerie.
        ForceEtat => ("force_etat", "Force de l'État"),
        PoliceMunicipale => ("police_municipale", "Police municipale"),
        SecuritePrivee => ("securite_privee", "Sécurité privée"),
        Prefecture => ("prefecture", "Préfecture"),
        Secours => ("secours", "Secours"),
        Autre => ("autre", "Autre"),
    }
}

coded_enum! {
    /// A qualification a need may require and an agent may hold.
    pub enum Qualification {
        /// Certificat de qualification professionnelle, agent de prévention et de sécurité.
        CqpAps => ("cqp_aps", "CQP APS"),
        /// Trained and allowed to perform palpations de sécurité (pat-downs).
        Palpation => ("palpation", "Palpation de sécurité"),
        /// Fire-safety agent, level 1.
        Ssiap1 => ("ssiap1", "SSIAP 1"),
        /// Fire-safety team leader, level 2.
        Ssiap2 => ("ssiap2", "SSIAP 2"),
        /// Fire-safety service head, level 3.
        Ssiap3 => ("ssiap3", "SSIAP 3"),
        /// Dog handler.
        Cynophile => ("cynophile", "Agent cynophile"),
        ChefEquipe => ("chef_equipe", "Chef d'équipe"),
        Secouriste => ("secouriste", "Secouriste"),
        /// A steward of the organiser approved to pat down at the entrances of an enclosed
        /// venue: State-recognised qualification and agrément (CSI L613-3).
        AgrementL613_3 => ("agrement_l613_3", "Agrément palpations en enceinte (L613-3)"),
    }
}

coded_enum! {
    /// Kept only because a pat-down must be done by an agent of the same sex (L613-2).
    pub enum Sex {
        Femme => ("femme", "Femme"),
        Homme => ("homme", "Homme"),
    }
}

/// A private agent's CNAPS professional card: its number and the day it expires.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "CnapsCardFields", into = "CnapsCardFields")]
pub struct CnapsCard {
    number: String,
    expires: Instant,
}

/// The unchecked shape of a card as it arrives from a form or a file.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct CnapsCardFields {
    number: String,
    expires: Instant,
}

impl CnapsCard {
    /// Upper-cases the number; refuses it empty, over 40 characters, or with anything but
    /// ASCII letters, digits and hyphens (e.g. `CAR-013-2029-04-12-20240012345`).
    pub fn new(number: &str, expires: Instant) -> Result<Self, PlanError> {
        let number = number.trim().to_ascii_uppercase();
        let well_formed = (1..=40).contains(&number.len())
            && number.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && number.chars().any(|c| c.is_ascii_digit());
        if !well_formed {
            return Err(PlanError::InvalidCnapsCard);
        }
        Ok(CnapsCard { number, expires })
    }
    /// The card number.
    pub fn number(&self) -> &str {
        &self.number
    }
    /// When the card stops being valid.
    pub fn expires(&self) -> Instant {
        self.expires
    }
    /// Whether the card is still valid at `at`.
    pub fn is_valid_at(&self, at: Instant) -> bool {
        at < self.expires
    }
}

impl TryFrom<CnapsCardFields> for CnapsCard {
    type Error = PlanError;
    fn try_from(fields: CnapsCardFields) -> Result<Self, PlanError> {
        CnapsCard::new(&fields.number, fields.expires)
    }
}

impl From<CnapsCard> for CnapsCardFields {
    fn from(card: CnapsCard) -> Self {
        CnapsCardFields { number: card.number, expires: card.expires }
    }
}

/// What a form, a CSV row or a plan file supplies to build an [`Agent`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgentDraft {
    pub id: String,
    pub participant_id: String,
    pub display_name: String,
    pub qualifications: BTreeSet<Qualification>,
    pub sex: Option<Sex>,
    pub cnaps_card: Option<CnapsCard>,
    pub availability: Vec<TimeWindow>,
}

/// A named agent of one participant; availability windows are kept sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "AgentDraft", into = "AgentDraft")]
pub struct Agent {
    id: String,
    participant_id: String,
    display_name: String,
    qualifications: BTreeSet<Qualification>,
    sex: Option<Sex>,
    cnaps_card: Option<CnapsCard>,
    availability: Vec<TimeWindow>,
}

impl Agent {
    /// Checks the ids and the name, and sorts the availability windows.
    pub fn new(draft: AgentDraft) -> Result<Self, PlanError> {
        let mut availability = draft.availability;
        availability.sort();
        availability.dedup();
        Ok(Agent {
            id: parse_id(&draft.id)?,
            participant_id: parse_id(&draft.participant_id)?,
            display_name: parse_label(&draft.display_name, 120)?,
            qualifications: draft.qualifications,
            sex: draft.sex,
            cnaps_card: draft.cnaps_card,
            availability,
        })
    }
    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The participant (organisation) the agent works for.
    pub fn participant_id(&self) -> &str {
        &self.participant_id
    }
    /// The name shown on the plan, e.g. "Nadia B.".
    pub fn display_name(&self) -> &str {
        &self.display_name
    }
    /// The qualifications the agent holds.
    pub fn qualifications(&self) -> &BTreeSet<Qualification> {
        &self.qualifications
    }
    /// Whether the agent holds this qualification.
    pub fn holds(&self, qualification: Qualification) -> bool {
        self.qualifications.contains(&qualification)
    }
    /// The agent's sex, when pat-downs require it to be known.
    pub fn sex(&self) -> Option<Sex> {
        self.sex
    }
    /// The CNAPS card of a private agent.
    pub fn cnaps_card(&self) -> Option<&CnapsCard> {
        self.cnaps_card.as_ref()
    }
    /// When the agent can work, sorted by start.
    pub fn availability(&self) -> &[TimeWindow] {
        &self.availability
    }
}

impl TryFrom<AgentDraft> for Agent {
    type Error = PlanError;
    fn try_from(draft: AgentDraft) -> Result<Self, PlanError> {
        Agent::new(draft)
    }
}

impl From<Agent> for AgentDraft {
    fn from(agent: Agent) -> Self {
        let Agent { id, participant_id, display_name, qualifications, sex, cnaps_card, availability } = agent;
        AgentDraft { id, participant_id, display_name, qualifications, sex, cnaps_card, availability }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::fixtures::{id, july, paris};

    fn nadia() -> AgentDraft {
        AgentDraft {
            id: id(100),
            participant_id: id(20),
            display_name: "Nadia B.".into(),
            qualifications: [Qualification::CqpAps, Qualification::Palpation].into(),
            sex: Some(Sex::Femme),
            cnaps_card: Some(CnapsCard::new("car-013-2029-04-12-20240012345", paris(2029, 4, 12, 0, 0)).unwrap()),
            availability: vec![july((11, 18, 0), (12, 2, 0)), july((10, 18, 0), (11, 2, 0))],
        }
    }

    #[test]
    fn an_agent_keeps_her_availability_sorted_and_her_card_upper_cased() {
        let agent = Agent::new(nadia()).unwrap();
        assert_eq!(agent.availability(), &[july((10, 18, 0), (11, 2, 0)), july((11, 18, 0), (12, 2, 0))]);
        assert_eq!(agent.cnaps_card().unwrap().number(), "CAR-013-2029-04-12-20240012345");
        assert!(agent.holds(Qualification::Palpation));
        assert!(!agent.holds(Qualification::Ssiap1));
    }

    #[test]
    fn a_card_number_with_spaces_or_without_digits_is_refused() {
        assert_eq!(CnapsCard::new("CAR 013", Instant(0)), Err(PlanError::InvalidCnapsCard));
        assert_eq!(CnapsCard::new("CARTE", Instant(0)), Err(PlanError::InvalidCnapsCard));
        assert_eq!(CnapsCard::new("", Instant(0)), Err(PlanError::InvalidCnapsCard));
    }

    #[test]
    fn a_card_is_valid_until_its_expiry_and_not_after() {
        let card = CnapsCard::new("CAR-013-1", paris(2026, 7, 11, 0, 0)).unwrap();
        assert!(card.is_valid_at(paris(2026, 7, 10, 23, 59)));
        assert!(!card.is_valid_at(paris(2026, 7, 11, 0, 0)));
    }

    #[test]
    fn qualifications_serialise_as_their_stable_codes() {
        let json = serde_json::to_string(&Agent::new(nadia()).unwrap()).unwrap();
        assert!(json.contains(r#""qualifications":["cqp_aps","palpation"]"#), "{json}");
        assert!(json.contains(r#""sex":"femme""#), "{json}");
        assert_eq!(Qualification::ChefEquipe.label(), "Chef d'équipe");
        assert_eq!(Qualification::from_code("ssiap2"), Some(Qualification::Ssiap2));
        assert_eq!(ParticipantRole::ForceEtat.label(), "Force de l'État");
    }

    #[test]
    fn an_agent_read_back_from_json_is_the_same_agent() {
        let agent = Agent::new(nadia()).unwrap();
        let json = serde_json::to_string(&agent).unwrap();
        assert_eq!(serde_json::from_str::<Agent>(&json).unwrap(), agent);
    }

    #[test]
    fn an_agent_without_a_name_is_refused() {
        assert_eq!(Agent::new(AgentDraft { display_name: " ".into(), ..nadia() }), Err(PlanError::TextRequired));
    }
}
