//! Small scheduling problems for tests: hours counted from midnight on Friday 18 June 2027
//! in Paris, one stadium zone and one zone on the public road.

use super::instance::*;
use crate::domain::plan::{local_instant, Qualification, Sex, TimeWindow};
use crate::domain::time::{Instant, Span};

/// `hour` hours after midnight, Friday 18 June 2027, Paris.
pub fn at(hour: i64) -> Instant {
    let midnight = chrono::NaiveDate::from_ymd_opt(2027, 6, 18).unwrap().and_hms_opt(0, 0, 0).unwrap();
    local_instant(chrono_tz::Europe::Paris, midnight).unwrap().plus(Span::hours(hour))
}

/// `at(from)` to `at(to)`.
pub fn window(from: i64, to: i64) -> TimeWindow {
    TimeWindow::new(at(from), at(to)).unwrap()
}

/// A need of priority 1 in zone `stade` (or `route`, on the public road).
pub fn need(
    id: &str,
    zone: &str,
    hours: (i64, i64),
    qualification: Option<Qualification>,
    headcount: u32,
) -> ScheduleNeed {
    ScheduleNeed {
        id: id.to_string(),
        zone: zone.to_string(),
        window: window(hours.0, hours.1),
        qualification,
        min_headcount: headcount,
        priority: 1,
        min_women: 0,
        min_men: 0,
        // The "route" zone is the public road, without an L613-1 authorisation.
        private_allowed: zone != "route",
        pat_downs_allowed: true,
    }
}

/// A private agent with a card valid for a year, available for two weeks.
pub fn agent(id: &str, qualifications: &[Qualification], sex: Sex) -> ScheduleAgent {
    ScheduleAgent {
        id: id.to_string(),
        qualifications: qualifications.iter().copied().collect(),
        sex,
        card_expires: Some(at(24 * 365)),
        employer: Employer::Private,
        availability: vec![window(-24, 24 * 14)],
    }
}

/// A week-long event with a stadium and a public road (no L613-1 authorisation), pat-downs
/// allowed, the default working-time profile.
pub fn instance(needs: Vec<ScheduleNeed>, agents: Vec<ScheduleAgent>) -> Instance {
    Instance {
        format: INSTANCE_FORMAT.to_string(),
        event: ScheduleEvent { time_zone: "Europe/Paris".to_string(), window: window(0, 24 * 7) },
        zones: vec![ScheduleZone { id: "stade".to_string() }, ScheduleZone { id: "route".to_string() }],
        needs,
        agents,
        working_time: WorkingTimeProfile::default(),
        rules: ScheduleRules::default(),
        previous: None,
    }
}
