//! Read models the store builds and the server functions send to the browser: plain
//! serialisable values, compiled for both, below the store and the server functions so that
//! the store never reaches up into `api`. Nothing secret (password or token hashes) in them.

pub mod accounts;
pub mod agents_csv;
pub mod convention;
pub mod department;
pub mod evaluation;
pub mod operations;
pub mod organisations;
pub mod presence;
pub mod registry;
pub mod releases;
pub mod schedule;

use serde::{Deserialize, Serialize};

use crate::domain::{MembershipRole, OrganisationKind};

/// The person signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: String,
    pub email: String,
    pub name: String,
    pub is_platform_admin: bool,
}

/// An organisation as listed and shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationSummary {
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub commune_code: Option<String>,
    pub cnaps_authorisation: Option<String>,
    pub department: Option<String>,
    pub siret: Option<String>,
}

impl OrganisationSummary {
    /// The kind-specific detail shown beside the name ("Commune 13004", "CNAPS AUT-…").
    pub fn details(&self) -> String {
        let mut parts = Vec::new();
        if let Some(c) = &self.commune_code {
            parts.push(format!("Commune {c}"));
        }
        if let Some(a) = &self.cnaps_authorisation {
            parts.push(format!("Autorisation CNAPS {a}"));
        }
        if let (Some(d), None) = (&self.department, &self.commune_code) {
            parts.push(format!("Département {d}"));
        }
        if let Some(siret) = &self.siret {
            parts.push(format!("SIRET {siret}"));
        }
        parts.join(" · ")
    }
}

/// One of my organisations, with my role in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MyOrganisation {
    pub organisation: OrganisationSummary,
    pub role: MembershipRole,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub user_id: String,
    pub name: String,
    pub email: String,
    pub role: MembershipRole,
    /// A prefecture member's délégation de signature, if recorded.
    #[serde(default)]
    pub delegation: Option<crate::domain::organisation::SignatureDelegation>,
}
