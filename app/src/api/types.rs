//! What server functions send to the browser: plain serialisable read models.
//! Nothing secret (password hashes, token hashes) ever appears in these types.

use serde::{Deserialize, Serialize};

// The read models the store and the application layer build live below both, in `read_models`.
pub use crate::read_models::organisations::{InvitationPreview, OrganisationPage, PendingInvitation};
pub use crate::read_models::{CurrentUser, Member, MyOrganisation, OrganisationSummary};

/// What every page's header needs: who is signed in and how to brand the site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub user: Option<CurrentUser>,
    /// Show the "République française" block (only when `CORDON_STATE_BRANDING=1`).
    pub state_branding: bool,
}
