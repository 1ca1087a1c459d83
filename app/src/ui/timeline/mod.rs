//! The event's plan at a glance: the coverage timeline (an SVG with zones as rows and the
//! event's local time across, needs, deployments and gaps) and the same plan as a sortable
//! table for screen readers and printing. The geometry is computed by the pure [`layout`]
//! function; the components only draw it.

mod axis;
mod band;
mod chart;
mod controls;
mod format;
mod lanes;
mod layout;
mod rows;
mod shapes;
mod table;
pub mod text;
mod zoom;

#[cfg(test)]
pub(crate) mod fixtures;

pub use axis::{DayMark, HourTick, ViewWindow};
pub use chart::CoverageTimeline;
pub use layout::{layout, DeploymentBar, GapMark, NeedOutline, TimelineLayout, ZoneRow};
pub use rows::{plan_rows, sort_rows, Column, Direction, PlanRow, Sort};
pub use table::PlanTable;
pub use zoom::{event_days, whole_event, Zoom};
