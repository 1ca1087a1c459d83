//! Organisations taking part in events, their kinds and what each kind must state, and the
//! role a person holds in one.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::account::parse_label;
use super::geo::{CommuneCode, Department};
use crate::text;

/// The kind of an organisation, as the Code de la sécurité intérieure distinguishes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    PoliceNationale,
    Gendarmerie,
    /// A commune's municipal police, under the mayor.
    PoliceMunicipale,
    /// A private security company, holding a CNAPS authorisation.
    SecuritePrivee,
    /// The donneur d'ordre: the company, local authority or association running the event,
    /// possibly with an in-house security service.
    Organisateur,
    /// A department's prefecture, which instructs and approves conventions.
    Prefecture,
    Autre,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 7] = [
        Self::PoliceNationale,
        Self::Gendarmerie,
        Self::PoliceMunicipale,
        Self::SecuritePrivee,
        Self::Organisateur,
        Self::Prefecture,
        Self::Autre,
    ];

    /// The stable code stored in the database and used in forms.
    pub fn code(self) -> &'static str {
        match self {
            Self::PoliceNationale => "police_nationale",
            Self::Gendarmerie => "gendarmerie",
            Self::PoliceMunicipale => "police_municipale",
            Self::SecuritePrivee => "securite_privee",
            Self::Organisateur => "organisateur",
            Self::Prefecture => "prefecture",
            Self::Autre => "autre",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::PoliceNationale => text::KIND_POLICE_NATIONALE,
            Self::Gendarmerie => text::KIND_GENDARMERIE,
            Self::PoliceMunicipale => text::KIND_POLICE_MUNICIPALE,
            Self::SecuritePrivee => text::KIND_SECURITE_PRIVEE,
            Self::Organisateur => text::KIND_ORGANISATEUR,
            Self::Prefecture => text::KIND_PREFECTURE,
            Self::Autre => text::KIND_AUTRE,
        }
    }

    /// State security forces (police nationale, gendarmerie): the only ones besides the
    /// prefecture who may read deployments marked restricted.
    pub fn is_state_force(self) -> bool {
        matches!(self, Self::PoliceNationale | Self::Gendarmerie)
    }

    /// Whether members of an organisation of this kind read deployments restricted to the
    /// State forces and the prefecture: the one rule every door and output follows.
    pub fn reads_restricted(self) -> bool {
        self.is_state_force() || self == Self::Prefecture
    }

    /// Whether an organisation of this kind may organise an event (and so create one).
    pub fn organises_events(self) -> bool {
        self == Self::Organisateur
    }
}

/// An organisation's name: 1 to 160 characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationName(String);

impl OrganisationName {
    pub fn parse(raw: &str) -> Result<Self, OrganisationError> {
        parse_label(raw, 160).map(OrganisationName).map_err(|_| OrganisationError::Name)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Why an organisation could not be created; `field()` names the form field it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OrganisationError {
    #[error("{}", text::NAME_REQUIRED)]
    Name,
    #[error("{}", text::ORG_KIND_UNKNOWN)]
    Kind,
    #[error("{}", text::COMMUNE_REQUIRED)]
    CommuneRequired,
    #[error("{}", text::COMMUNE_INVALID)]
    CommuneInvalid,
    #[error("{}", text::CNAPS_REQUIRED)]
    CnapsRequired,
    #[error("{}", text::CNAPS_INVALID)]
    CnapsInvalid,
    #[error("{}", text::DEPARTMENT_REQUIRED)]
    DepartmentRequired,
    #[error("{}", text::DEPARTMENT_INVALID)]
    DepartmentInvalid,
    #[error("{}", text::SIRET_INVALID)]
    SiretInvalid,
}

impl OrganisationError {
    pub fn field(&self) -> &'static str {
        match self {
            Self::Name => "name",
            Self::Kind => "kind",
            Self::CommuneRequired | Self::CommuneInvalid => "commune",
            Self::CnapsRequired | Self::CnapsInvalid => "cnaps",
            Self::DepartmentRequired | Self::DepartmentInvalid => "department",
            Self::SiretInvalid => "siret",
        }
    }
}

/// What an organisation is, with exactly the details its kind requires: a municipal police
/// has its commune, a security company its CNAPS authorisation, a prefecture its department.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationProfile {
    pub name: OrganisationName,
    pub kind: OrganisationKind,
    pub commune: Option<CommuneCode>,
    pub cnaps_authorisation: Option<String>,
    pub department: Option<Department>,
    /// The establishment's SIRET (14 digits), optional: with the CNAPS authorisation, the
    /// commune or the department, what identifies the organisation outside Cordon (a plan
    /// moved from another Cordon is matched by it).
    #[serde(default)]
    pub siret: Option<String>,
}

impl OrganisationProfile {
    /// Parses the fields of the creation form. Fields that the kind does not use are ignored.
    pub fn parse(
        name: &str,
        kind: &str,
        commune: &str,
        cnaps: &str,
        department: &str,
    ) -> Result<Self, OrganisationError> {
        let name = OrganisationName::parse(name)?;
        let kind = OrganisationKind::from_code(kind).ok_or(OrganisationError::Kind)?;
        let mut profile =
            OrganisationProfile { name, kind, commune: None, cnaps_authorisation: None, department: None, siret: None };
        match kind {
            OrganisationKind::PoliceMunicipale => {
                if commune.trim().is_empty() {
                    return Err(OrganisationError::CommuneRequired);
                }
                let code = CommuneCode::parse(commune).ok_or(OrganisationError::CommuneInvalid)?;
                profile.department = code.department();
                profile.commune = Some(code);
            }
            OrganisationKind::SecuritePrivee => {
                if cnaps.trim().is_empty() {
                    return Err(OrganisationError::CnapsRequired);
                }
                profile.cnaps_authorisation = Some(parse_cnaps_authorisation(cnaps)?);
            }
            OrganisationKind::Prefecture => {
                if department.trim().is_empty() {
                    return Err(OrganisationError::DepartmentRequired);
                }
                profile.department = Some(Department::parse(department).ok_or(OrganisationError::DepartmentInvalid)?);
            }
            _ => {}
        }
        Ok(profile)
    }

    /// The same profile with its SIRET, typed in the form (blank: none).
    pub fn with_siret(mut self, raw: &str) -> Result<Self, OrganisationError> {
        self.siret = parse_siret(raw)?;
        Ok(self)
    }
}

/// What identifies an organisation outside Cordon: its kind and name, and the numbers other
/// registers give it. A plan moved to another Cordon carries it for each organisation taking
/// part, and is matched there by [`OrganisationIdentity::keys`], never by Cordon's own id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationIdentity {
    /// The id in the Cordon it comes from.
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub siret: Option<String>,
    pub cnaps_authorisation: Option<String>,
    /// A municipal police's commune (INSEE code).
    pub commune_code: Option<String>,
    /// A prefecture's department.
    pub department: Option<String>,
}

/// The number an organisation is recognised by, in another Cordon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityKey {
    /// A prefecture: one per department.
    Department,
    /// A municipal police: one per commune.
    Commune,
    /// A security company: its CNAPS authorisation.
    Cnaps,
    Siret,
}

impl IdentityKey {
    /// "le SIRET", "l'autorisation CNAPS"…, for the French messages.
    pub fn label(self) -> &'static str {
        match self {
            Self::Department => text::KEY_DEPARTMENT,
            Self::Commune => text::KEY_COMMUNE,
            Self::Cnaps => text::KEY_CNAPS,
            Self::Siret => text::KEY_SIRET,
        }
    }
}

impl OrganisationIdentity {
    /// The numbers this organisation is recognised by, the surest first: a prefecture by its
    /// department, a municipal police by its commune, a security company by its CNAPS
    /// authorisation then its SIRET, any other by its SIRET. Numbers it lacks are left out.
    pub fn keys(&self) -> Vec<(IdentityKey, &str)> {
        let order: &[IdentityKey] = match self.kind {
            OrganisationKind::Prefecture => &[IdentityKey::Department],
            OrganisationKind::PoliceMunicipale => &[IdentityKey::Commune],
            OrganisationKind::SecuritePrivee => &[IdentityKey::Cnaps, IdentityKey::Siret],
            _ => &[IdentityKey::Siret],
        };
        order.iter().filter_map(|&key| self.key(key).map(|value| (key, value))).collect()
    }

    /// The value of one of its numbers, if known.
    pub fn key(&self, key: IdentityKey) -> Option<&str> {
        match key {
            IdentityKey::Department => self.department.as_deref(),
            IdentityKey::Commune => self.commune_code.as_deref(),
            IdentityKey::Cnaps => self.cnaps_authorisation.as_deref(),
            IdentityKey::Siret => self.siret.as_deref(),
        }
    }

    /// The kinds of numbers an organisation of its kind is recognised by, for the message
    /// telling what a file lacks.
    pub fn expected_keys(&self) -> &'static str {
        match self.kind {
            OrganisationKind::Prefecture => text::KEY_DEPARTMENT,
            OrganisationKind::PoliceMunicipale => text::KEY_COMMUNE,
            OrganisationKind::SecuritePrivee => text::KEYS_COMPANY,
            _ => text::KEY_SIRET,
        }
    }
}

/// A SIRET as typed ("362 521 879 00034"): spaces and dots removed, 14 digits whose Luhn
/// checksum holds (La Poste's establishments, SIREN 356 000 000, sum to a multiple of 5
/// instead). Blank gives `None`.
pub fn parse_siret(raw: &str) -> Result<Option<String>, OrganisationError> {
    let digits: String = raw.chars().filter(|c| !c.is_whitespace() && *c != '.').collect();
    if digits.is_empty() {
        return Ok(None);
    }
    if digits.len() != 14 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(OrganisationError::SiretInvalid);
    }
    let values: Vec<u32> = digits.bytes().map(|b| u32::from(b - b'0')).collect();
    let luhn: u32 = values
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                if d * 2 > 9 {
                    d * 2 - 9
                } else {
                    d * 2
                }
            } else {
                d
            }
        })
        .sum();
    let la_poste = digits.starts_with("356000000") && values.iter().sum::<u32>().is_multiple_of(5);
    (luhn.is_multiple_of(10) || la_poste).then_some(Some(digits)).ok_or(OrganisationError::SiretInvalid)
}

/// A CNAPS authorisation number, as printed on a company's documents:
/// `AUT-` then the department and digit groups separated by dashes
/// (e.g. `AUT-013-2118-05-12-20190412345`). Upper-cased, spaces removed.
pub fn parse_cnaps_authorisation(raw: &str) -> Result<String, OrganisationError> {
    let value: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
    let rest = value.strip_prefix("AUT-").ok_or(OrganisationError::CnapsInvalid)?;
    let groups: Vec<&str> = rest.split('-').collect();
    let shape_ok = groups.len() >= 2
        && groups.iter().all(|g| !g.is_empty() && g.chars().all(|c| c.is_ascii_alphanumeric()))
        && groups[1..].iter().all(|g| g.chars().all(|c| c.is_ascii_digit()))
        && (8..=40).contains(&rest.len());
    shape_ok.then_some(value).ok_or(OrganisationError::CnapsInvalid)
}

/// A person's role in an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MembershipRole {
    Member,
    /// May invite people and manage the organisation's members.
    Admin,
}

impl MembershipRole {
    pub fn code(self) -> &'static str {
        match self {
            Self::Member => "member",
            Self::Admin => "admin",
        }
    }
    pub fn from_code(code: &str) -> Option<Self> {
        match code {
            "member" => Some(Self::Member),
            "admin" => Some(Self::Admin),
            _ => None,
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Self::Member => text::ROLE_MEMBER,
            Self::Admin => text::ROLE_ADMIN,
        }
    }
}

/// A prefecture member's délégation de signature: the prefect's arrêté that lets them sign
/// for the prefect. Only an approver holding one is stamped « Pour le préfet et par
/// délégation ».
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignatureDelegation {
    /// The arrêté's number as printed, e.g. "13-2026-09-01-00012".
    pub arrete: String,
    pub date: chrono::NaiveDate,
}

impl SignatureDelegation {
    /// Checks a typed délégation: a number (one line, at most 80 characters) and an ISO date.
    /// `Ok(None)` when both are blank (the délégation is withdrawn).
    pub fn parse(arrete: &str, date: &str) -> Result<Option<SignatureDelegation>, (&'static str, String)> {
        let (arrete, date) = (arrete.trim(), date.trim());
        if arrete.is_empty() && date.is_empty() {
            return Ok(None);
        }
        let arrete =
            crate::domain::plan::fields::parse_label(arrete, 80).map_err(|e| ("delegation_arrete", e.to_string()))?;
        let date = chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d")
            .map_err(|_| ("delegation_date", crate::text::DATE_INVALID.to_string()))?;
        Ok(Some(SignatureDelegation { arrete, date }))
    }

    /// "arrêté n° 13-2026-09-01-00012 du 01/09/2026"
    pub fn citation(&self) -> String {
        format!("arrêté n° {} du {}", self.arrete, self.date.format("%d/%m/%Y"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipal_police_without_a_commune_is_refused_on_the_commune_field() {
        let err = OrganisationProfile::parse("Police municipale d'Arles", "police_municipale", "", "", "").unwrap_err();
        assert_eq!(err, OrganisationError::CommuneRequired);
        assert_eq!(err.field(), "commune");
    }

    #[test]
    fn a_municipal_police_gets_the_department_of_its_commune() {
        let p = OrganisationProfile::parse("Police municipale d'Arles", "police_municipale", "13004", "", "").unwrap();
        assert_eq!(p.commune.unwrap().as_str(), "13004");
        assert_eq!(p.department.unwrap().as_str(), "13");
    }

    #[test]
    fn a_security_company_needs_a_well_formed_cnaps_authorisation() {
        assert_eq!(
            OrganisationProfile::parse("Provence Sécurité", "securite_privee", "", "", "").unwrap_err(),
            OrganisationError::CnapsRequired
        );
        assert_eq!(
            OrganisationProfile::parse("Provence Sécurité", "securite_privee", "", "12345", "").unwrap_err(),
            OrganisationError::CnapsInvalid
        );
        let ok = OrganisationProfile::parse(
            "Provence Sécurité",
            "securite_privee",
            "",
            "aut-013-2118-05-12-20190412345",
            "",
        )
        .unwrap();
        assert_eq!(ok.cnaps_authorisation.unwrap(), "AUT-013-2118-05-12-20190412345");
    }

    #[test]
    fn a_prefecture_names_an_existing_department() {
        assert_eq!(
            OrganisationProfile::parse("Préfecture", "prefecture", "", "", "20").unwrap_err(),
            OrganisationError::DepartmentInvalid
        );
        let p = OrganisationProfile::parse("Préfecture de La Réunion", "prefecture", "", "", "974").unwrap();
        assert_eq!(p.department.unwrap().as_str(), "974");
    }

    #[test]
    fn a_siret_is_fourteen_digits_whose_luhn_checksum_holds() {
        let company = OrganisationProfile::parse("Provence Sécurité", "organisateur", "", "", "").unwrap();
        let with = company.clone().with_siret("732 829 320 00074").unwrap();
        assert_eq!(with.siret.as_deref(), Some("73282932000074"));
        assert_eq!(company.clone().with_siret("  ").unwrap().siret, None);
        assert_eq!(company.clone().with_siret("73282932000075").unwrap_err(), OrganisationError::SiretInvalid);
        assert_eq!(company.clone().with_siret("7328293200007").unwrap_err(), OrganisationError::SiretInvalid);
        assert_eq!(company.clone().with_siret("7328293200007A").unwrap_err().field(), "siret");
        // La Poste's establishments follow their own rule (digits summing to a multiple of 5).
        assert_eq!(parse_siret("35600000000047").unwrap().as_deref(), Some("35600000000047"));
    }

    #[test]
    fn an_unknown_kind_is_refused() {
        assert_eq!(OrganisationProfile::parse("X", "milice", "", "", "").unwrap_err(), OrganisationError::Kind);
    }

    #[test]
    fn every_kind_code_reads_back_as_the_same_kind() {
        for kind in OrganisationKind::ALL {
            assert_eq!(OrganisationKind::from_code(kind.code()), Some(kind));
        }
    }
}
