//! Working-time limits of one agent: the private security collective agreement (IDCC 1351) for
//! a company's agents, the public service's rules (décret n° 2000-815, art. 3, applied to the
//! territorial civil service by décret n° 2001-623) for municipal police officers. The
//! compliance checks use it on the plan's named agents, and the shift scheduler the same
//! function on the shifts it proposes. Pure: windows and limits in, breaches out.
//!
//! How the limits are read, so that a schedule is judged the same way everywhere:
//! - overlapping or touching windows are merged into one *shift*;
//! - shifts separated by less than the minimum rest form one *working period*: its work must
//!   not exceed the daily maximum, and it must fit in 24 h minus the rest (with 12 h of rest,
//!   the first start and the last end of a period are at most 12 h apart);
//! - weeks run Monday 00:00 to Monday 00:00 in the event's zone, and a shift counts entirely
//!   in the week and on the day it starts.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, Days, NaiveDate};
use chrono_tz::Tz;

use super::local::{local_date, start_of_local_day};
use super::rules::{RuleCode, RuleSet};
use crate::domain::plan::TimeWindow;
use crate::domain::time::Span;

/// The limits applied to one agent; the defaults are the agreement's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkingTimeLimits {
    /// Longest work in one working period (one day): 12 h.
    pub max_daily: Span,
    /// Shortest rest between two working periods: 12 h (11 h in some readings).
    pub min_rest: Span,
    /// Most work in one calendar week: 48 h.
    pub max_weekly: Span,
    /// Most days worked in one calendar week: 6.
    pub max_days_per_week: u32,
    /// Shortest shift: 4 h. Two stretches of work separated by an unpaid break of at most
    /// `max_unpaid_break` are one shift here (CCN art. 7.12).
    pub min_shift: Span,
    /// The longest break that does not split a shift: 2 h (CCN art. 7.12).
    pub max_unpaid_break: Span,
    /// The most work between two rests of at least `long_rest`: 48 h.
    pub max_work_between_long_rests: Span,
    /// The rest owed after that much work: 24 h.
    pub long_rest: Span,
    /// The longest working day, from its first start to its last end (amplitude), when it is
    /// shorter than what the daily rest leaves of 24 h: `None` under the agreement, 12 h in the
    /// public service.
    pub max_amplitude: Option<Span>,
}

impl Default for WorkingTimeLimits {
    fn default() -> Self {
        WorkingTimeLimits {
            max_daily: Span::hours(12),
            min_rest: Span::hours(12),
            max_weekly: Span::hours(48),
            max_days_per_week: 6,
            min_shift: Span::hours(4),
            max_unpaid_break: Span::hours(2),
            max_work_between_long_rests: Span::hours(48),
            long_rest: Span::hours(24),
            max_amplitude: None,
        }
    }
}

impl WorkingTimeLimits {
    /// The limits as the rules in force set them (a department may change them): the one
    /// reading of the rules table that the compliance checks and the shift scheduler share. A
    /// rule switched off sets no limit.
    pub fn from_rules(rules: &RuleSet) -> WorkingTimeLimits {
        let active = |code| Some(rules.rule(code)).filter(|rule| rule.enabled);
        let hours = |hours: f64| Span::minutes((hours * 60.0).round() as i64);
        let at_most = |code, name| active(code).map_or(Span(i64::MAX / 4), |rule| hours(rule.parameter(name)));
        let at_least = |code, name| active(code).map_or(Span(0), |rule| hours(rule.parameter(name)));
        WorkingTimeLimits {
            max_daily: at_most(RuleCode::TempsTravailJournalier, "max_heures"),
            min_rest: at_least(RuleCode::TempsTravailRepos, "repos_minimum_heures"),
            max_weekly: at_most(RuleCode::TempsTravailHebdomadaire, "max_heures"),
            max_days_per_week: active(RuleCode::TempsTravailJoursSemaine)
                .map_or(u32::MAX, |rule| rule.parameter("max_jours").round() as u32),
            min_shift: at_least(RuleCode::VacationTropCourte, "min_heures"),
            max_unpaid_break: at_least(RuleCode::VacationTropCourte, "coupure_max_heures"),
            max_work_between_long_rests: at_most(RuleCode::TempsTravailRepos, "travail_avant_repos_long_heures"),
            long_rest: at_least(RuleCode::TempsTravailRepos, "repos_long_heures"),
            max_amplitude: None,
        }
    }

    /// The public service's limits for municipal police officers (décret n° 2000-815, art. 3 I,
    /// applied to the territorial civil service by décret n° 2001-623, art. 1), as the rule
    /// `temps_travail_fonction_publique` sets them: 10 h of work a day, an amplitude of 12 h,
    /// 11 h of daily rest, 48 h a week, a weekly rest of 35 h (read as: at most 48 h of work
    /// between two rests of 35 h) and 6 days a week. No minimum shift. Switched off, no limit.
    pub fn public_service(rules: &RuleSet) -> WorkingTimeLimits {
        let Some(rule) = Some(rules.rule(RuleCode::TempsTravailFonctionPublique)).filter(|rule| rule.enabled) else {
            return WorkingTimeLimits::none();
        };
        let hours = |name: &str| Span::minutes((rule.parameter(name) * 60.0).round() as i64);
        WorkingTimeLimits {
            max_daily: hours("max_heures_jour"),
            min_rest: hours("repos_quotidien_heures"),
            max_weekly: hours("max_heures_semaine"),
            max_days_per_week: rule.parameter("max_jours_semaine").round() as u32,
            min_shift: Span(0),
            max_unpaid_break: Span(0),
            max_work_between_long_rests: hours("max_heures_semaine"),
            long_rest: hours("repos_hebdomadaire_heures"),
            max_amplitude: Some(hours("amplitude_max_heures")),
        }
    }

    /// The limits of an agent employed by a participant of `role`: the agreement's for a
    /// private company, the public service's for a municipal police; `None` for anyone else
    /// (the State forces' and volunteers' working time is not Cordon's to judge).
    pub fn of_employer(rules: &RuleSet, role: crate::domain::plan::ParticipantRole) -> Option<WorkingTimeLimits> {
        use crate::domain::plan::ParticipantRole;
        match role {
            ParticipantRole::SecuritePrivee => Some(WorkingTimeLimits::from_rules(rules)),
            ParticipantRole::PoliceMunicipale => Some(WorkingTimeLimits::public_service(rules)),
            _ => None,
        }
    }

    /// No limit at all (every rule switched off).
    fn none() -> WorkingTimeLimits {
        let loose = Span(i64::MAX / 4);
        WorkingTimeLimits {
            max_daily: loose,
            min_rest: Span(0),
            max_weekly: loose,
            max_days_per_week: u32::MAX,
            min_shift: Span(0),
            max_unpaid_break: Span(0),
            max_work_between_long_rests: loose,
            long_rest: Span(0),
            max_amplitude: None,
        }
    }
}

/// One limit broken, with the period concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum WorkingTimeBreach {
    /// A working period with more work than the daily maximum.
    DailyWork { period: TimeWindow, worked: Span },
    /// Shifts too close together: the period from the first start to the last end leaves less
    /// than the minimum rest in 24 h.
    Rest { period: TimeWindow },
    /// A week with more work than the weekly maximum.
    WeeklyWork { week: TimeWindow, worked: Span },
    /// A week with more days worked than allowed.
    DaysPerWeek { week: TimeWindow, days: u32 },
    /// A shift shorter than the minimum (stretches joined by a short unpaid break count as one).
    ShortShift { shift: TimeWindow },
    /// More work than allowed without a long rest (24 h after 48 h of work).
    NoLongRest { period: TimeWindow, worked: Span },
    /// A working day longer, from first start to last end, than the amplitude allowed (public
    /// service: 12 h), while the daily rest around it is kept.
    Amplitude { period: TimeWindow },
}

impl WorkingTimeBreach {
    /// The period the breach concerns.
    pub fn period(&self) -> TimeWindow {
        match *self {
            WorkingTimeBreach::DailyWork { period, .. } | WorkingTimeBreach::Rest { period } => period,
            WorkingTimeBreach::WeeklyWork { week, .. } | WorkingTimeBreach::DaysPerWeek { week, .. } => week,
            WorkingTimeBreach::ShortShift { shift } => shift,
            WorkingTimeBreach::NoLongRest { period, .. } => period,
            WorkingTimeBreach::Amplitude { period } => period,
        }
    }
}

/// Merges overlapping or touching windows into shifts, sorted.
pub fn merge_shifts(windows: &[TimeWindow]) -> Vec<TimeWindow> {
    let mut sorted = windows.to_vec();
    sorted.sort();
    let mut shifts: Vec<TimeWindow> = Vec::with_capacity(sorted.len());
    for window in sorted {
        match shifts.last_mut() {
            Some(last) if window.start() <= last.end() => {
                if window.end() > last.end() {
                    // Both windows are at most 31 days long and overlap: the union is valid
                    // unless it exceeds 31 days, in which case the longer one is kept.
                    *last = TimeWindow::new(last.start(), window.end()).unwrap_or(*last);
                }
            }
            _ => shifts.push(window),
        }
    }
    shifts
}

/// Every limit `windows` (when one agent works) breaks, in time order then by kind; weeks and
/// days are those of `zone`.
pub fn working_time(windows: &[TimeWindow], limits: &WorkingTimeLimits, zone: Tz) -> Vec<WorkingTimeBreach> {
    let shifts = merge_shifts(windows);
    let mut breaches = Vec::new();
    for shift in joined_by_short_breaks(&shifts, limits.max_unpaid_break) {
        if shift.duration() < limits.min_shift {
            breaches.push(WorkingTimeBreach::ShortShift { shift });
        }
    }
    for stretch in working_periods(&shifts, limits.long_rest) {
        let worked = Span(stretch.iter().map(|s| s.duration().0).sum());
        let Ok(whole) = TimeWindow::new(stretch[0].start(), stretch[stretch.len() - 1].end()) else { continue };
        if worked > limits.max_work_between_long_rests {
            breaches.push(WorkingTimeBreach::NoLongRest { period: whole, worked });
        }
    }
    for period in working_periods(&shifts, limits.min_rest) {
        let worked = Span(period.iter().map(|s| s.duration().0).sum());
        let Ok(whole) = TimeWindow::new(period[0].start(), period[period.len() - 1].end()) else { continue };
        if worked > limits.max_daily {
            breaches.push(WorkingTimeBreach::DailyWork { period: whole, worked });
        }
        if period.len() > 1 && whole.duration() > Span(Span::hours(24).0 - limits.min_rest.0) {
            breaches.push(WorkingTimeBreach::Rest { period: whole });
        } else if period.len() > 1 && limits.max_amplitude.is_some_and(|max| whole.duration() > max) {
            breaches.push(WorkingTimeBreach::Amplitude { period: whole });
        }
    }
    breaches.extend(weekly_breaches(&shifts, limits, zone));
    breaches.sort_by_key(|b| (b.period(), *b));
    breaches
}

/// Shifts separated by an unpaid break of at most `max_break` joined into one (CCN art. 7.12);
/// a joined span longer than a window may be (31 days) keeps its parts.
fn joined_by_short_breaks(shifts: &[TimeWindow], max_break: Span) -> Vec<TimeWindow> {
    let mut joined: Vec<TimeWindow> = Vec::with_capacity(shifts.len());
    for shift in shifts {
        match joined.last_mut() {
            Some(last) if shift.start().minus(max_break) <= last.end() => {
                *last = TimeWindow::new(last.start(), shift.end()).unwrap_or(*last);
            }
            _ => joined.push(*shift),
        }
    }
    joined
}

/// Groups consecutive shifts separated by less than the minimum rest.
fn working_periods(shifts: &[TimeWindow], min_rest: Span) -> Vec<&[TimeWindow]> {
    let mut periods = Vec::new();
    let mut first = 0;
    for i in 1..=shifts.len() {
        let rested = i == shifts.len() || shifts[i].start().minus(min_rest) >= shifts[i - 1].end();
        if rested {
            periods.push(&shifts[first..i]);
            first = i;
        }
    }
    periods.retain(|p| !p.is_empty());
    periods
}

/// The weekly hours and days, each shift counted in the week and on the day it starts.
fn weekly_breaches(shifts: &[TimeWindow], limits: &WorkingTimeLimits, zone: Tz) -> Vec<WorkingTimeBreach> {
    let mut weeks: BTreeMap<NaiveDate, (Span, BTreeSet<NaiveDate>)> = BTreeMap::new();
    for shift in shifts {
        let day = local_date(shift.start(), zone);
        let monday = day - Days::new(u64::from(day.weekday().num_days_from_monday()));
        let entry = weeks.entry(monday).or_insert((Span(0), BTreeSet::new()));
        entry.0 = Span(entry.0 .0 + shift.duration().0);
        entry.1.insert(day);
    }
    let mut breaches = Vec::new();
    for (monday, (worked, days)) in weeks {
        let start = start_of_local_day(monday, zone);
        let end = start_of_local_day(monday + Days::new(7), zone);
        let Ok(week) = TimeWindow::new(start, end) else { continue };
        if worked > limits.max_weekly {
            breaches.push(WorkingTimeBreach::WeeklyWork { week, worked });
        }
        let days = u32::try_from(days.len()).unwrap_or(u32::MAX);
        if days > limits.max_days_per_week {
            breaches.push(WorkingTimeBreach::DaysPerWeek { week, days });
        }
    }
    breaches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::fixtures::paris;

    /// A shift on day `day` of June 2026, from `from` to `to` o'clock in Paris (`to` may pass
    /// midnight: 22 → 26 means 02:00 the next day).
    fn june(day: u32, from: u32, to: u32) -> TimeWindow {
        let start = paris(2026, 6, day, from, 0);
        TimeWindow::new(start, start.plus(Span::hours(i64::from(to - from)))).unwrap()
    }

    fn check(windows: &[TimeWindow]) -> Vec<WorkingTimeBreach> {
        working_time(windows, &WorkingTimeLimits::default(), chrono_tz::Europe::Paris)
    }

    fn public_service(windows: &[TimeWindow]) -> Vec<WorkingTimeBreach> {
        let limits = WorkingTimeLimits::public_service(&RuleSet::defaults());
        working_time(windows, &limits, chrono_tz::Europe::Paris)
    }

    #[test]
    fn a_public_servant_works_at_most_ten_hours_a_day_where_the_agreement_allows_twelve() {
        let shift = june(20, 10, 21);
        assert_eq!(check(&[shift]), vec![]);
        assert_eq!(
            public_service(&[shift]),
            vec![WorkingTimeBreach::DailyWork { period: shift, worked: Span::hours(11) }]
        );
    }

    #[test]
    fn a_public_servants_split_day_of_thirteen_hours_exceeds_the_amplitude_though_eleven_hours_of_rest_remain() {
        let (morning, evening) = (june(20, 9, 13), june(20, 17, 22));
        let period = TimeWindow::new(morning.start(), evening.end()).unwrap();
        assert_eq!(public_service(&[morning, evening]), vec![WorkingTimeBreach::Amplitude { period }]);
        assert_eq!(public_service(&[june(20, 10, 13), evening]), vec![]);
    }

    #[test]
    fn a_public_servant_has_no_minimum_shift_and_rests_eleven_hours() {
        assert_eq!(public_service(&[june(20, 10, 12)]), vec![]);
        assert_eq!(public_service(&[june(19, 14, 23), june(20, 10, 14)]), vec![]);
        let (late, early) = (june(19, 16, 23), june(20, 9, 11));
        let period = TimeWindow::new(late.start(), early.end()).unwrap();
        assert_eq!(public_service(&[late, early]), vec![WorkingTimeBreach::Rest { period }]);
    }

    #[test]
    fn the_public_services_limits_follow_their_rule_and_vanish_when_it_is_switched_off() {
        let mut rules = RuleSet::defaults();
        let limits = WorkingTimeLimits::public_service(&rules);
        assert_eq!(
            (limits.max_daily, limits.min_rest, limits.max_amplitude, limits.long_rest),
            (Span::hours(10), Span::hours(11), Some(Span::hours(12)), Span::hours(35))
        );
        rules.rules.iter_mut().find(|r| r.code == RuleCode::TempsTravailFonctionPublique).unwrap().enabled = false;
        assert_eq!(public_service_with(&rules, &[june(20, 6, 23)]), vec![]);
    }

    fn public_service_with(rules: &RuleSet, windows: &[TimeWindow]) -> Vec<WorkingTimeBreach> {
        working_time(windows, &WorkingTimeLimits::public_service(rules), chrono_tz::Europe::Paris)
    }

    #[test]
    fn two_evenings_of_six_hours_break_no_limit() {
        assert_eq!(check(&[june(19, 18, 24), june(20, 18, 24)]), vec![]);
    }

    #[test]
    fn a_thirteen_hour_shift_breaks_the_daily_maximum() {
        let shift = june(20, 10, 23);
        assert_eq!(check(&[shift]), vec![WorkingTimeBreach::DailyWork { period: shift, worked: Span::hours(13) }]);
    }

    #[test]
    fn two_touching_deployments_are_one_shift() {
        assert_eq!(merge_shifts(&[june(20, 14, 18), june(20, 18, 22)]), vec![june(20, 14, 22)]);
        assert_eq!(check(&[june(20, 18, 22), june(20, 14, 18)]), vec![]);
    }

    #[test]
    fn a_night_shift_then_a_morning_shift_six_hours_later_leaves_too_little_rest() {
        let night = june(19, 20, 26);
        let morning = june(20, 8, 12);
        let period = TimeWindow::new(night.start(), morning.end()).unwrap();
        assert_eq!(check(&[night, morning]), vec![WorkingTimeBreach::Rest { period }]);
    }

    #[test]
    fn a_two_hour_shift_is_too_short() {
        assert_eq!(check(&[june(20, 10, 12)]), vec![WorkingTimeBreach::ShortShift { shift: june(20, 10, 12) }]);
    }

    #[test]
    fn seven_evenings_of_eight_hours_in_one_week_break_the_weekly_limits() {
        // Monday 15 to Sunday 21 June 2026.
        let shifts: Vec<TimeWindow> = (15..=21).map(|day| june(day, 16, 24)).collect();
        let week = TimeWindow::new(paris(2026, 6, 15, 0, 0), paris(2026, 6, 22, 0, 0)).unwrap();
        assert_eq!(
            check(&shifts),
            vec![
                WorkingTimeBreach::WeeklyWork { week, worked: Span::hours(56) },
                WorkingTimeBreach::DaysPerWeek { week, days: 7 },
                // Seven evenings without a day off: 56 h without 24 h of rest.
                WorkingTimeBreach::NoLongRest {
                    period: TimeWindow::new(shifts[0].start(), shifts[6].end()).unwrap(),
                    worked: Span::hours(56)
                },
            ]
        );
    }

    #[test]
    fn two_stretches_of_two_hours_around_a_one_hour_break_are_one_shift_of_five_hours() {
        assert_eq!(check(&[june(20, 10, 12), june(20, 13, 15)]), vec![]);
        // A break of three hours splits them: two short shifts.
        assert_eq!(
            check(&[june(20, 10, 12), june(20, 15, 17)]),
            vec![
                WorkingTimeBreach::ShortShift { shift: june(20, 10, 12) },
                WorkingTimeBreach::ShortShift { shift: june(20, 15, 17) }
            ]
        );
    }

    #[test]
    fn five_days_of_ten_hours_without_a_day_off_break_the_rest_owed_after_forty_eight_hours() {
        // Monday 15 to Friday 19 June 2026, 8:00 to 18:00, 14 h of rest between days.
        let days: Vec<TimeWindow> = (15..=19).map(|day| june(day, 8, 18)).collect();
        let stretch = TimeWindow::new(days[0].start(), days[4].end()).unwrap();
        let week = TimeWindow::new(paris(2026, 6, 15, 0, 0), paris(2026, 6, 22, 0, 0)).unwrap();
        assert_eq!(
            check(&days),
            vec![
                WorkingTimeBreach::WeeklyWork { week, worked: Span::hours(50) },
                WorkingTimeBreach::NoLongRest { period: stretch, worked: Span::hours(50) }
            ]
        );
        // Four days of eleven hours, then a day off, then a fifth: no stretch passes 48 h.
        let split: Vec<TimeWindow> = [15, 16, 17, 18, 20].iter().map(|&day| june(day, 8, 19)).collect();
        assert_eq!(check(&split).iter().filter(|b| matches!(b, WorkingTimeBreach::NoLongRest { .. })).count(), 0);
    }

    #[test]
    fn with_eleven_hours_of_rest_a_split_day_of_thirteen_hours_is_allowed() {
        let limits = WorkingTimeLimits { min_rest: Span::hours(11), ..WorkingTimeLimits::default() };
        let split = [june(20, 8, 12), june(20, 15, 21)];
        assert_eq!(working_time(&split, &limits, chrono_tz::Europe::Paris), vec![]);
        assert_eq!(check(&split), vec![WorkingTimeBreach::Rest { period: june(20, 8, 21) }]);
    }
}
