//! An organisation's page and an invitation's, as `service::organisations` and
//! `service::invitations` build them for their reader.

use serde::{Deserialize, Serialize};

use super::{Member, OrganisationSummary};
use crate::domain::MembershipRole;

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
