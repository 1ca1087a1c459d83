//! Release numbers: v1, v2, … in the order the plan was published.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A release number, 1 or more, shown as `v3`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u32", into = "u32")]
pub struct ReleaseNumber(u32);

impl ReleaseNumber {
    /// The first release.
    pub const FIRST: ReleaseNumber = ReleaseNumber(1);

    /// A number read from storage; 0 is not a release number.
    pub fn new(n: u32) -> Option<Self> {
        (n >= 1).then_some(ReleaseNumber(n))
    }
    /// The number as an integer.
    pub fn get(self) -> u32 {
        self.0
    }
    /// The release after this one.
    pub fn next(self) -> ReleaseNumber {
        ReleaseNumber(self.0.saturating_add(1))
    }
}

impl fmt::Display for ReleaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}", self.0)
    }
}

impl TryFrom<u32> for ReleaseNumber {
    type Error = &'static str;
    fn try_from(n: u32) -> Result<Self, Self::Error> {
        ReleaseNumber::new(n).ok_or("a release number starts at 1")
    }
}

impl From<ReleaseNumber> for u32 {
    fn from(n: ReleaseNumber) -> u32 {
        n.0
    }
}
