//! An organisation taking part in one event, in a given role, with its lead contact.

use serde::{Deserialize, Serialize};

use super::actors::ParticipantRole;
use super::error::PlanError;
use super::fields::{coded_enum, parse_id, parse_label, parse_optional_label};
use crate::domain::geo::CommuneCode;
use crate::domain::organisation::parse_cnaps_authorisation;

coded_enum! {
    /// How a municipal police from another commune comes to work at the event without a
    /// prefect's L512-3 order.
    pub enum MunicipalFramework {
        /// Officers pooled between neighbouring communes by agreement (CSI L512-1).
        MutualisationL512_1 => ("mutualisation_l512_1", "Agents mis en commun entre communes (L512-1)"),
        /// An intercommunal police of the EPCI the commune belongs to (CSI L512-2).
        IntercommunaleL512_2 => ("intercommunale_l512_2", "Police municipale intercommunale (L512-2)"),
    }
}

/// The fields of a participant as typed or imported, before checking.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParticipantDraft {
    pub id: String,
    /// The Cordon organisation behind the participant.
    pub organisation_id: String,
    /// The name shown in the plan (the organisation's name when it joined).
    pub name: String,
    pub role: ParticipantRole,
    #[serde(default)]
    pub contact_name: Option<String>,
    #[serde(default)]
    pub contact_phone: Option<String>,
    /// A private security company's CNAPS authorisation number (`AUT-…`), copied from its
    /// organisation when it joins.
    #[serde(default)]
    pub cnaps_authorisation: Option<String>,
    /// The INSEE code of a municipal police's commune, copied from its organisation.
    #[serde(default)]
    pub commune_code: Option<String>,
    /// The reference of the prefect's order (L512-3) putting a municipal police of another
    /// commune at the disposal of the event's commune, e.g. "Arrêté n° 13-2026-06-01".
    #[serde(default)]
    pub arrete_l512_3: Option<String>,
    /// A municipal police of another commune working under a pooling or intercommunal
    /// framework, which needs no L512-3 order.
    #[serde(default)]
    pub cadre_intercommunal: Option<MunicipalFramework>,
    /// The organiser's own security service (service interne de sécurité, CSI L612-25): its
    /// agents hold a CNAPS card like a company's. Otherwise the organiser's people are
    /// volunteers or stewards.
    #[serde(default)]
    pub service_interne_securite: bool,
}

/// An organisation taking part in the event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ParticipantDraft", into = "ParticipantDraft")]
pub struct Participant {
    id: String,
    organisation_id: String,
    name: String,
    role: ParticipantRole,
    contact_name: Option<String>,
    contact_phone: Option<String>,
    cnaps_authorisation: Option<String>,
    commune: Option<CommuneCode>,
    arrete_l512_3: Option<String>,
    cadre_intercommunal: Option<MunicipalFramework>,
    service_interne_securite: bool,
}

impl Participant {
    pub fn new(draft: ParticipantDraft) -> Result<Self, PlanError> {
        Ok(Participant {
            id: parse_id(&draft.id)?,
            organisation_id: parse_id(&draft.organisation_id)?,
            name: parse_label(&draft.name, 160)?,
            role: draft.role,
            contact_name: parse_optional_label(draft.contact_name.as_deref(), 120)?,
            contact_phone: parse_optional_label(draft.contact_phone.as_deref(), 40)?,
            cnaps_authorisation: match draft.cnaps_authorisation.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(raw) => Some(parse_cnaps_authorisation(raw).map_err(|_| PlanError::InvalidCnapsAuthorisation)?),
            },
            commune: match draft.commune_code.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(raw) => Some(CommuneCode::parse(raw).ok_or(PlanError::InvalidCommune)?),
            },
            arrete_l512_3: parse_optional_label(draft.arrete_l512_3.as_deref(), 120)?,
            cadre_intercommunal: draft.cadre_intercommunal.filter(|_| draft.role == ParticipantRole::PoliceMunicipale),
            service_interne_securite: draft.service_interne_securite && draft.role == ParticipantRole::Organisateur,
        })
    }
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn organisation_id(&self) -> &str {
        &self.organisation_id
    }
    pub fn name(&self) -> &str {
        &self.name
    }
    pub fn role(&self) -> ParticipantRole {
        self.role
    }
    pub fn contact_name(&self) -> Option<&str> {
        self.contact_name.as_deref()
    }
    pub fn contact_phone(&self) -> Option<&str> {
        self.contact_phone.as_deref()
    }
    /// The company's CNAPS authorisation number, upper-cased.
    pub fn cnaps_authorisation(&self) -> Option<&str> {
        self.cnaps_authorisation.as_deref()
    }
    /// The commune of a municipal police.
    pub fn commune(&self) -> Option<&CommuneCode> {
        self.commune.as_ref()
    }
    /// The reference of the L512-3 order putting this municipal police at the event's disposal.
    pub fn arrete_l512_3(&self) -> Option<&str> {
        self.arrete_l512_3.as_deref()
    }
    /// The pooling or intercommunal framework of a municipal police, if any.
    pub fn cadre_intercommunal(&self) -> Option<MunicipalFramework> {
        self.cadre_intercommunal
    }
    /// Whether the organiser's people form an in-house security service (L612-25).
    pub fn service_interne_securite(&self) -> bool {
        self.service_interne_securite
    }
}

impl TryFrom<ParticipantDraft> for Participant {
    type Error = PlanError;
    fn try_from(draft: ParticipantDraft) -> Result<Self, PlanError> {
        Participant::new(draft)
    }
}

impl From<Participant> for ParticipantDraft {
    fn from(p: Participant) -> Self {
        ParticipantDraft {
            id: p.id,
            organisation_id: p.organisation_id,
            name: p.name,
            role: p.role,
            contact_name: p.contact_name,
            contact_phone: p.contact_phone,
            cnaps_authorisation: p.cnaps_authorisation,
            commune_code: p.commune.map(|c| c.as_str().to_string()),
            arrete_l512_3: p.arrete_l512_3,
            cadre_intercommunal: p.cadre_intercommunal,
            service_interne_securite: p.service_interne_securite,
        }
    }
}
