//! What the publication section shows: the releases, the feed choices and links, as
//! `service::releases` builds them for one reader.

use serde::{Deserialize, Serialize};

/// One published release as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseInfo {
    pub number: u32,
    pub comment: String,
    /// "samedi 26 juin 2027 à 10:00", in the event's zone.
    pub published_at: String,
    /// What changed since the previous release, as this reader may read it.
    pub changes: Vec<String>,
}

/// A feed the reader may subscribe to: `value` goes back to [`create_feed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedChoice {
    pub value: String,
    pub label: String,
}

/// A live feed link the reader created, or one a member of an organisation it administers
/// created (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedInfo {
    /// Who created it, when not the reader.
    pub creator: Option<String>,
    pub id: String,
    pub label: String,
    pub created_at: String,
    /// "Jamais" or the last time a calendar fetched it.
    pub last_used: String,
}

/// How many of the changes to publish the plan page lists (a city festival's first version
/// holds thousands of deployments: the page says how many, and lists these first ones).
pub const PENDING_SHOWN: usize = 50;

/// The publication section of the plan page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishingPage {
    pub may_publish: bool,
    pub releases: Vec<ReleaseInfo>,
    /// What publishing now would change (organiser only; empty when nothing changed): the
    /// first [`PENDING_SHOWN`] lines.
    pub pending: Vec<String>,
    /// How many changes publishing now would make, all counted.
    #[serde(default)]
    pub pending_count: usize,
    /// The participants whose deployments taken from the last edition are still to confirm
    /// (organiser only): the publication leaves them out.
    pub unconfirmed: Vec<String>,
    pub choices: Vec<FeedChoice>,
    pub feeds: Vec<FeedInfo>,
}

/// A feed link just created: shown once, in every form a calendar takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFeed {
    pub label: String,
    pub https: String,
    pub webcal: String,
    pub google: String,
    /// Outlook.com (personal Microsoft accounts).
    pub outlook: String,
    /// Outlook on the web of Microsoft 365 (the administrations' and companies' accounts).
    pub outlook_365: String,
    /// The `webcal://` link as a QR code (SVG markup of our own making).
    pub qr_svg: String,
}
