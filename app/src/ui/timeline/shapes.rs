//! The shapes of the coverage timeline as plain numbers and strings, in SVG user units:
//! what [`super::layout`] computes and the chart draws.

use super::axis::{DayMark, HourTick};
use crate::domain::plan::ParticipantRole;

/// Everything the timeline draws for one view window.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineLayout {
    pub width: f64,
    pub height: f64,
    /// Where time starts and ends on the x-axis.
    pub plot_left: f64,
    pub plot_right: f64,
    pub days: Vec<DayMark>,
    pub ticks: Vec<HourTick>,
    pub rows: Vec<ZoneRow>,
    /// Set-up and tear-down on view, shaded behind the rows.
    pub phases: Vec<PhaseBand>,
}

/// The set-up or the tear-down, shaded across every row.
#[derive(Debug, Clone, PartialEq)]
pub struct PhaseBand {
    pub x: f64,
    pub width: f64,
    /// "Montage : de … à …".
    pub title: String,
}

/// One zone's row: its need outlines on top, its deployments stacked in lanes below.
#[derive(Debug, Clone, PartialEq)]
pub struct ZoneRow {
    pub zone_id: String,
    /// The zone's full name (hover title).
    pub name: String,
    /// The name shortened to fit the label column.
    pub label: String,
    pub y: f64,
    pub height: f64,
    pub needs: Vec<NeedOutline>,
    pub gaps: Vec<GapMark>,
    /// Women or men missing for pat-downs, as a strip along the bottom of the need.
    pub sex_gaps: Vec<GapMark>,
    pub bars: Vec<DeploymentBar>,
    /// Deployments on view that did not fit in the lanes (listed in the plan table).
    pub hidden: usize,
}

/// A need drawn as an outline the height of a lane, clipped to the view.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedOutline {
    pub need_id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub required: u32,
    /// "6 requis" or "6", when it fits beside the need's gaps.
    pub text: Option<String>,
    /// Where the text starts: in the widest stretch of the outline no gap covers.
    pub text_x: f64,
    pub title: String,
}

/// A gap drawn in red inside its need's outline, with the missing headcount.
#[derive(Debug, Clone, PartialEq)]
pub struct GapMark {
    pub need_id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub missing: u32,
    /// "−2", when it fits.
    pub text: Option<String>,
    pub title: String,
}

/// A deployment drawn as a bar in its lane, coloured by its participant's role.
#[derive(Debug, Clone, PartialEq)]
pub struct DeploymentBar {
    pub deployment_id: String,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub lane: usize,
    /// `None` when the participant is not in the plan (drawn grey, as "Autre").
    pub role: Option<ParticipantRole>,
    pub headcount: u32,
    /// "Sécurité Sud, 4 agents", "4 agents" or "4", whichever fits first.
    pub text: Option<String>,
    /// The French description read by screen readers and shown on hover.
    pub label: String,
    /// Outside the event's operations, or naming an agent deployed elsewhere at once.
    pub warning: bool,
}
