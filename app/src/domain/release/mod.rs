//! Publishing a plan: numbered, immutable releases (v1, v2, …) with a comment, the changes of
//! the deployments since the previous release, and each deployment's history across releases
//! (its `SEQUENCE`, its last change, its cancellation), from which the calendar feeds
//! ([`crate::domain::ical`]) are rendered. Pure: the publication instant is an argument.

mod changelog;
mod describe;
mod history;
mod number;
mod snapshot;

pub use changelog::{diff, ChangeKind, Changelog, DeploymentChange, Modifications};
pub use describe::{describe_changes, describe_participant_changes};
pub use history::{Cancellation, DeploymentHistory};
pub use number::ReleaseNumber;
pub use snapshot::{Release, ReleaseError, MAX_COMMENT};

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
