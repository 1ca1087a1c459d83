//! Presence on the day as one reader reads it: the zones now, its team's check-ins (the page
//! « Opérations »), and the agent's own phone page.

use serde::{Deserialize, Serialize};

/// One zone now: planned against present (the deployments under way the reader may read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneNowLine {
    pub zone_id: String,
    pub zone: String,
    pub planned: u32,
    pub named: u32,
    pub present: u32,
}

/// One agent of the reader's team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TeamLine {
    pub agent_id: String,
    pub name: String,
    pub participant: String,
    /// « Entrée Nord, sam. 20/06 18:00 → sam. 20/06 23:00 », or that none is to come.
    pub shift: String,
    /// « Présent depuis … », « Parti à … » or « Non pointé ».
    pub status: String,
    pub present: bool,
    /// The agent's live personal links (their ids, to revoke them).
    pub links: Vec<String>,
}

/// The presence block of the page « Opérations ».
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresenceBlock {
    /// The zones with a deployment under way.
    pub zones: Vec<ZoneNowLine>,
    /// The reader's own agents deployed on the event (empty for a reader with no team).
    pub team: Vec<TeamLine>,
}

/// A new personal link, shown once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewPresenceLink {
    pub agent_id: String,
    pub link_id: String,
    pub agent: String,
    pub url: String,
    pub qr_svg: String,
}

/// The agent's phone page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhonePage {
    pub event_name: String,
    pub agent_name: String,
    pub participant: String,
    pub shift: String,
    pub status: String,
    pub present: bool,
    pub open: bool,
    /// What the last action did, or why it was refused.
    pub message: Option<String>,
}

/// The plan page's "now", while the event's operations are under way: where the timeline draws
/// its line, and each zone's planned, named and present headcount at that instant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NowOnPlan {
    pub at: crate::domain::Instant,
    pub zones: Vec<ZoneNowLine>,
}
