//! Legal lead times as data: how long before the event a file must be filed, by case
//! (reference.md §5, typical values that vary by prefecture). The longest lead time among the
//! cases that apply gives the file's due date; a department overrides the months with a reason.
//!
//! Dates are calendar days in the event's zone. The due date is the start date minus the
//! months (chrono clamps: 31 March minus one month is 28 February), and a file filed on the due
//! date is on time.

use std::cmp::Ordering;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::census::local_day;
use crate::domain::plan::fields::coded_enum;
use crate::domain::plan::Event;
use crate::text;

coded_enum! {
    /// A case that imposes a lead time.
    pub enum LeadTimeCase {
        /// An event over a number of people (1,500 by default).
        GrandRassemblement => ("grand_rassemblement", "Manifestation de plus de 1 500 personnes"),
        SportVoiePublique => ("sport_voie_publique", "Manifestation sportive sur la voie publique"),
        /// With timing or a ranking.
        SportChronometre => ("sport_chronometre", "Manifestation sportive sur la voie publique avec chronométrage ou classement"),
        SportPlusieursDepartements => ("sport_plusieurs_departements", "Manifestation sportive sur plusieurs départements"),
        BatimentPublic => ("batiment_public", "Utilisation exceptionnelle d’un bâtiment public"),
    }
}

/// One lead time: its case, the months, the attendance threshold for the crowd case, and the
/// text it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadTimeRule {
    pub case: LeadTimeCase,
    pub months: u32,
    pub reference: String,
    /// Why a department changed it; `None` for the default.
    pub reason: Option<String>,
}

/// The lead times in force, one per case, with the crowd threshold.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LeadTimes {
    /// Attendance strictly above which [`LeadTimeCase::GrandRassemblement`] applies.
    pub crowd_threshold: u32,
    pub rules: Vec<LeadTimeRule>,
    /// Days before the due date from which an unfiled file is "at risk".
    pub at_risk_days: u32,
}

/// The longest lead time accepted, in months.
pub const MAX_LEAD_MONTHS: u32 = 24;

fn default_rule(case: LeadTimeCase) -> LeadTimeRule {
    let months = match case {
        LeadTimeCase::GrandRassemblement | LeadTimeCase::SportVoiePublique | LeadTimeCase::BatimentPublic => 1,
        LeadTimeCase::SportChronometre => 2,
        LeadTimeCase::SportPlusieursDepartements => 3,
    };
    let reference = match case {
        LeadTimeCase::GrandRassemblement => text::DEADLINE_REF_GATHERING,
        LeadTimeCase::SportVoiePublique | LeadTimeCase::SportChronometre | LeadTimeCase::SportPlusieursDepartements => {
            text::DEADLINE_REF_SPORT
        }
        LeadTimeCase::BatimentPublic => text::DEADLINE_REF_PUBLIC_BUILDING,
    };
    LeadTimeRule { case, months, reference: reference.to_string(), reason: None }
}

impl Default for LeadTimes {
    fn default() -> Self {
        LeadTimes::defaults()
    }
}

impl LeadTimes {
    /// The national defaults: 1 month above 1,500 people, for sport on public roads and for a
    /// public building; 2 months with timing; 3 across departments; at risk 15 days before.
    pub fn defaults() -> LeadTimes {
        LeadTimes {
            crowd_threshold: 1_500,
            rules: LeadTimeCase::ALL.iter().map(|&case| default_rule(case)).collect(),
            at_risk_days: 15,
        }
    }

    /// The defaults with one case's months changed, e.g. 2 months above 1,500 people as many
    /// prefectures ask; refuses a blank reason or more than 24 months.
    pub fn with_months(mut self, case: LeadTimeCase, months: u32, reason: &str) -> Result<LeadTimes, String> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(text::DEADLINE_REASON_REQUIRED.to_string());
        }
        if months > MAX_LEAD_MONTHS {
            return Err(text::deadline_months_invalid(MAX_LEAD_MONTHS));
        }
        match self.rules.iter_mut().find(|rule| rule.case == case) {
            Some(rule) => {
                rule.months = months;
                rule.reason = Some(reason.to_string());
            }
            None => self.rules.push(LeadTimeRule { months, reason: Some(reason.to_string()), ..default_rule(case) }),
        }
        Ok(self)
    }

    fn months(&self, case: LeadTimeCase) -> u32 {
        self.rules.iter().find(|rule| rule.case == case).map_or(default_rule(case).months, |rule| rule.months)
    }
}

/// What decides which cases apply to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileFacts {
    /// The event's first day, in its zone.
    pub start: NaiveDate,
    pub attendance: u32,
    #[serde(default)]
    pub sport_on_public_road: bool,
    #[serde(default)]
    pub timed_or_ranked: bool,
    #[serde(default)]
    pub several_departments: bool,
    #[serde(default)]
    pub public_building: bool,
}

impl FileFacts {
    /// The facts the plan knows: the first day and the attendance. The sport and building
    /// cases are the organiser's to state.
    pub fn from_event(event: &Event) -> FileFacts {
        FileFacts {
            start: local_day(event.window().start(), event.time_zone()),
            attendance: event.expected_attendance(),
            sport_on_public_road: false,
            timed_or_ranked: false,
            several_departments: false,
            public_building: false,
        }
    }

    /// The cases that apply. Timing or several departments only count for sport on public
    /// roads.
    pub fn cases(&self, lead_times: &LeadTimes) -> Vec<LeadTimeCase> {
        let sport = self.sport_on_public_road;
        [
            (LeadTimeCase::GrandRassemblement, self.attendance > lead_times.crowd_threshold),
            (LeadTimeCase::SportVoiePublique, sport),
            (LeadTimeCase::SportChronometre, sport && self.timed_or_ranked),
            (LeadTimeCase::SportPlusieursDepartements, sport && self.several_departments),
            (LeadTimeCase::BatimentPublic, self.public_building),
        ]
        .into_iter()
        .filter_map(|(case, applies)| applies.then_some(case))
        .collect()
    }
}

/// The day by which a file must be filed, and the case that sets it (the longest lead time;
/// the first in [`LeadTimeCase::ALL`] order on a tie).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DueDate {
    pub date: NaiveDate,
    pub months: u32,
    pub case: LeadTimeCase,
}

/// The due date of a file, or `None` when no lead time applies.
pub fn due_date(facts: &FileFacts, lead_times: &LeadTimes) -> Option<DueDate> {
    let mut best: Option<(u32, LeadTimeCase)> = None;
    for case in facts.cases(lead_times) {
        let months = lead_times.months(case);
        if best.is_none_or(|(longest, _)| months > longest) {
            best = Some((months, case));
        }
    }
    let (months, case) = best?;
    // Before the earliest representable date: the earliest date, which any filing is late for.
    let date = facts.start.checked_sub_months(Months::new(months)).unwrap_or(NaiveDate::MIN);
    Some(DueDate { date, months, case })
}

/// Whether a file filed (or still unfiled) on `day` misses the due date.
pub fn is_late(due: &DueDate, day: NaiveDate) -> bool {
    day > due.date
}

/// Where a file stands against its due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum DeadlineStatus {
    /// Filed by the due date.
    FiledOnTime,
    /// Filed after the due date, by so many days.
    FiledLate { days_late: i64 },
    /// Not filed; more than the at-risk margin left.
    OnTime { days_left: i64 },
    /// Not filed; the due date is within the at-risk margin (today included).
    AtRisk { days_left: i64 },
    /// Not filed and past the due date.
    Late { days_late: i64 },
}

/// The status of a file: filed on `submitted_on`, or unfiled as of `today`.
pub fn status(
    due: &DueDate,
    submitted_on: Option<NaiveDate>,
    today: NaiveDate,
    lead_times: &LeadTimes,
) -> DeadlineStatus {
    if let Some(day) = submitted_on {
        let late = (day - due.date).num_days();
        return if late > 0 { DeadlineStatus::FiledLate { days_late: late } } else { DeadlineStatus::FiledOnTime };
    }
    let left = (due.date - today).num_days();
    if left < 0 {
        DeadlineStatus::Late { days_late: -left }
    } else if left <= i64::from(lead_times.at_risk_days) {
        DeadlineStatus::AtRisk { days_left: left }
    } else {
        DeadlineStatus::OnTime { days_left: left }
    }
}

/// The French warning the organiser or the instructor reads, if any.
pub fn warning(due: &DueDate, status: DeadlineStatus) -> Option<String> {
    let date = due.date.format("%d/%m/%Y").to_string();
    let why = text::deadline_why(due.months, due.case.label());
    match status {
        DeadlineStatus::FiledOnTime | DeadlineStatus::OnTime { .. } => None,
        DeadlineStatus::AtRisk { days_left } => Some(text::deadline_at_risk(&date, &why, days_left)),
        DeadlineStatus::Late { days_late } => Some(text::deadline_late(&date, &why, days_late)),
        DeadlineStatus::FiledLate { days_late } => Some(text::deadline_filed_late(&date, &why, days_late)),
    }
}

/// The prefecture dashboard's order: earliest due date first, files without one last.
pub fn dashboard_order(a: Option<&DueDate>, b: Option<&DueDate>) -> Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.date.cmp(&b.date),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}
