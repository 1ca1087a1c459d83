//! The shift scheduler (issue 6): from the needs of an event and the agents who may work,
//! propose shifts that break no hard rule (qualifications, the law, availability, working
//! time) and cover the needs as well as possible, judged by an independent checker.
//! Pure and deterministic: no clock (the time limit is a callback), no threads, a seed for
//! every choice between equals. Formats in docs/schedule-format.md.

mod checker;
mod construct;
mod error;
mod explain;
mod generator;
mod instance;
mod lns;
mod moves;
pub mod proposal;
mod score;
mod solution;
mod solver;
mod state;

#[cfg(test)]
mod bench_tests;
#[cfg(test)]
mod brute_force_tests;
#[cfg(test)]
mod checker_tests;
#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod format_tests;
#[cfg(test)]
mod lns_props;
#[cfg(test)]
mod rules_tests;
#[cfg(test)]
mod shapes_props;
#[cfg(test)]
mod solver_props;
#[cfg(test)]
mod solver_tests;

pub use checker::{check, HardRule, Report, Violation};
pub use error::ScheduleError;
pub use explain::explain;
pub use generator::{generate, Size};
pub use instance::{
    Employer, IdleTime, Instance, PatDownSexes, ScheduleAgent, ScheduleEvent, ScheduleNeed, ScheduleRules,
    ScheduleZone, SplitShifts, WorkingTimeProfile, INSTANCE_FORMAT,
};
pub use score::Score;
pub use solution::{Shift, Solution, Uncovered, UncoveredReason, SOLUTION_FORMAT};
pub use solver::{solve, steps, Budget};
