//! What server functions send to the browser: plain serialisable read models.
//! Nothing secret (password hashes, token hashes) ever appears in these types.

use serde::{Deserialize, Serialize};

use crate::domain::MembershipRole;
// The read models the store also builds live below both, in `read_models`.
pub use crate::read_models::{CurrentUser, Member, MyOrganisation, OrganisationSummary};

/// What every page's header needs: who is signed in and how to brand the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// Show the "République française" block (only when `CORDON_STATE_BRANDING=1`).
    pub state_branding: bool,
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
