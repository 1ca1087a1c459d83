//! The pure domain: types that cannot hold invalid values and the rules that decide.
//! Nothing here touches a framework, a database, a file, the network or the clock:
//! whoever needs the time passes `now` in.

pub mod account;
pub mod alerts;
pub mod api_token;
pub mod communes;
pub mod compliance;
pub mod convention;
pub mod document;
pub mod evaluation;
pub mod geo;
pub mod ical;
pub mod interchange;
pub mod invitation;
pub mod mobile;
pub mod number;
pub mod offboarding;
pub mod operations;
pub mod organisation;
pub mod plan;
pub mod presence;
pub mod rate_limit;
pub mod release;
pub mod schedule;
pub mod session;
pub mod time;
pub mod url;

#[cfg(test)]
mod readers_props;

pub use account::{Email, Password, PersonName};
pub use invitation::{InvitationState, INVITATION_VALIDITY};
pub use organisation::{
    IdentityKey, MembershipRole, OrganisationIdentity, OrganisationKind, OrganisationName, OrganisationProfile,
};
pub use time::Instant;
