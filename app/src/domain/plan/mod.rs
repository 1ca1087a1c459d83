//! Planning an event: the event itself, its zones and posts, the security actors and their
//! agents, the needs, the deployments, and the coverage of the needs by the deployments.
//! Every record is built from a `…Draft` by a constructor that refuses invalid values (also
//! when read from JSON), so that an invalid plan cannot exist in memory.

mod access;
mod actors;
mod aggregate;
mod coverage;
mod deployment;
mod edition;
mod error;
mod event;
pub(crate) mod fields;
pub mod input;
mod need;
mod participant;
mod participation;
mod polygon;
mod record;
mod removal;
mod sweep;
pub mod synthetic;
mod time_zone;
mod window;
mod zone;

#[cfg(test)]
mod coverage_props;
#[cfg(test)]
pub(crate) mod fixtures;

pub use access::{event_access, organisation_access, AgentDetail, EventAccess, Viewer};
pub use actors::{Agent, AgentDraft, CnapsCard, ParticipantRole, Qualification, Sex};
pub use aggregate::{Audience, Plan};
pub use coverage::{compute_coverage, CoverageInterval, CoverageReport, DoubleBooking, Gap, NeedCoverage, SexGap};
pub use deployment::{numbered_agent, peak_headcount, Deployment, DeploymentDraft, MissionCategory, Visibility};
pub use edition::{as_brought_by, copy_plan, next_edition};
pub use error::PlanError;
pub use event::{
    Event, EventDraft, EventKind, LegalContext, OrderKind, PoliceRegime, PrefectOrder, PrefectOrderFields,
    PublicBehaviour, MAX_ALERT_PROCEDURE, MAX_ATTENDANCE, MAX_ORDER_NUMBER, ORDER_NUMBER_UNKNOWN,
};
pub use need::{Need, NeedDraft, MAX_HEADCOUNT};
pub use participant::{MunicipalFramework, Participant, ParticipantDraft};
pub use participation::{check_participant, default_role, participation_errors, roles_for, ParticipationError};
pub use polygon::{GeoPolygon, MAX_POLYGON_POINTS};
pub use record::RecordKind;
pub use removal::{removal, removal_as_read, Removal};
pub use synthetic::synthetic_plan;
pub use time_zone::{default_time_zone, local_instant, parse_time_zone};
pub use window::{TimeWindow, MAX_WINDOW};
pub use zone::{Post, PostDraft, Zone, ZoneDraft, ZoneKind};
