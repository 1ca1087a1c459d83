//! Accounts as `service::accounts` and `service::api_tokens` list them: never a password or
//! a token, only what their reader may see.

use serde::{Deserialize, Serialize};

/// An account as the platform administration lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountSummary {
    pub id: String,
    pub name: String,
    pub email: String,
    pub is_platform_admin: bool,
    pub disabled: bool,
    /// The reader's own account, which it may not disable.
    pub is_you: bool,
}

/// A token as its owner sees it listed: never the token itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiTokenView {
    pub id: String,
    pub name: String,
    /// When it was created, in French, in Europe/Paris time.
    pub created: String,
    /// When it was last used (to the minute), if ever.
    pub last_used: Option<String>,
}
