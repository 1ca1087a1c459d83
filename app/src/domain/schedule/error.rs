//! Why an instance or a solution file is refused.

use thiserror::Error;

/// A refused instance or solution; the message is the French one shown to the user.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ScheduleError {
    #[error("{}", crate::text::fr::schedule_error_format(.0))]
    Format(String),
    #[error("{}", crate::text::fr::schedule_error_time_zone(.0))]
    TimeZone(String),
    #[error("{}", crate::text::fr::schedule_error_duplicate(.0))]
    DuplicateId(String),
    #[error("{}", crate::text::fr::schedule_error_unknown_zone(.0))]
    UnknownZone(String),
    #[error("{}", crate::text::fr::schedule_error_priority(.0))]
    Priority(String),
    #[error("{}", crate::text::fr::schedule_error_headcount(.0))]
    Headcount(String),
    #[error("{}", crate::text::fr::SCHEDULE_ERROR_PROFILE)]
    Profile,
}
