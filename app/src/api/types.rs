//! What server functions send to the browser: plain serialisable read models.
//! Nothing secret (password hashes, token hashes) ever appears in these types.

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

/// What every page's header needs: who is signed in and how to brand the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// Show the "République française" block (only when `CORDON_STATE_BRANDING=1`).
    pub state_branding: bool,
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub id: String,
    pub email: String,
    pub role: MembershipRole,
    /// Expiry, already formatted in French for Europe/Paris.
    pub expires: String,
}

/// An organisation's page: members are visible to members; invitations only to its admins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationPage {
    pub organisation: OrganisationSummary,
    pub my_role: Option<MembershipRole>,
    /// May invite people (the organisation's admins and platform administrators).
    pub may_manage: bool,
    pub members: Vec<Member>,
    pub invitations: Vec<PendingInvitation>,
}

/// What the invitation page shows before it is accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationPreview {
    pub organisation_name: String,
    pub email: String,
    /// An account already exists for this address: ask for its password, not a new one.
    pub existing_account: bool,
}
