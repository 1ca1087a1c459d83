//! What the shift scheduler is given: the event and its legal context, the zones, the needs,
//! the agents who may work and the working-time profile (docs/schedule-format.md). Read from
//! JSON only whole and valid: unique ids, needs in known zones, priorities 1 to 5, a known
//! time zone.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::error::ScheduleError;
use super::solution::Solution;
use crate::domain::compliance::WorkingTimeLimits;
use crate::domain::plan::{parse_time_zone, Qualification, Sex, TimeWindow};
use crate::domain::time::{Instant, Span};

/// The format tag of an instance file.
pub const INSTANCE_FORMAT: &str = "cordon-schedule-instance/2";

/// The event as the scheduler needs it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleEvent {
    /// IANA zone whose days and weeks the working-time limits count in.
    pub time_zone: String,
    pub window: TimeWindow,
}

/// A zone of the event, which needs name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleZone {
    pub id: String,
}

/// A need: so many agents holding a qualification in a zone during a window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleNeed {
    pub id: String,
    pub zone: String,
    pub window: TimeWindow,
    /// `None`: any agent will do. `palpation` makes the need a pat-down need.
    pub qualification: Option<Qualification>,
    pub min_headcount: u32,
    /// 1 (most important) to 5, as in the plan; an uncovered minute weighs `6 - priority`.
    pub priority: u8,
    #[serde(default)]
    pub min_women: u32,
    #[serde(default)]
    pub min_men: u32,
    /// Private security agents may hold it. The plan's compliance rules decide, once, for the
    /// zone, the window and the mission (`compliance::private_road_verdict`): off the public
    /// road, or on it under an L613-1 authorisation or inside an L226-1 perimeter.
    pub private_allowed: bool,
    /// For a pat-down need: the pat-downs have a legal basis during its window (an L613-2
    /// order or an L226-1 perimeter covering the zone, or the entrance of an enclosed venue of
    /// more than 300 spectators under OPJ control, L613-3), as `compliance::pat_down_basis`
    /// decides. Ignored on other needs.
    pub pat_downs_allowed: bool,
}

impl ScheduleNeed {
    /// How much an uncovered agent-minute of this need weighs: 5 for priority 1, 1 for 5.
    pub fn weight(&self) -> u64 {
        u64::from(6 - self.priority.clamp(1, 5))
    }
    /// Whether it is a pat-down need.
    pub fn is_pat_down(&self) -> bool {
        self.qualification == Some(Qualification::Palpation)
    }
    /// The minimum of agents of `sex` this need asks for.
    pub fn min_of(&self, sex: Sex) -> u32 {
        match sex {
            Sex::Femme => self.min_women,
            Sex::Homme => self.min_men,
        }
    }

    /// Whether an agent of `sex` may ever hold this need under `rule`, whoever else is on it:
    /// only [`PatDownSexes::Exclusive`] keeps a sex off a pat-down post for good (a post asking
    /// for women and no men is then women-only); the other rules admit both sexes, the
    /// minimums counting as uncovered when short ([`PatDownSexes::Minimums`]) or gating the
    /// men moment by moment ([`PatDownSexes::MenOnceWomenThere`], judged on the whole need by
    /// [`ScheduleRules::sex_gate_breach`]).
    pub fn admits_sex(&self, sex: Sex, rule: PatDownSexes) -> bool {
        if rule != PatDownSexes::Exclusive || !self.is_pat_down() || (self.min_women > 0) == (self.min_men > 0) {
            return true;
        }
        self.min_of(sex) > 0
    }
}

/// How the minimums of women and men on a pat-down post bind (L613-2 al. 4 and L613-3: a
/// pat-down is made by an agent of the sex of the person searched, so a post searching
/// everyone needs agents of both sexes; how many is the organiser's or the order's choice).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PatDownSexes {
    /// The minimums are targets: a shortfall counts as uncovered, and an agent of either sex
    /// trained for pat-downs may hold the post (the default; docs/schedule-format.md).
    #[default]
    Minimums,
    /// "Men allowed once W women are there": at every moment, a man may be on the post only
    /// while at least `min_women` women are (women, the sex most often short, are never kept
    /// waiting for men; a rule gating both ways would lock an empty post). A hard rule
    /// (`pat_down_sex`).
    MenOnceWomenThere,
    /// A post asking for a minimum of one sex only is held by that sex only (a women-only
    /// search line); a post asking for both, or neither, admits both. A hard rule.
    Exclusive,
}

/// Paid time on a shift outside its need's window (an agent kept to reach the minimum shift).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IdleTime {
    /// `false`: every minute of a shift lies inside its need's window (hard rule `idle_time`).
    pub allowed: bool,
    /// When allowed, what an idle agent-minute weighs in `over_coverage_minutes` (1 by
    /// default: as much as an agent-minute beyond a need's headcount).
    #[serde(default = "one")]
    pub cost_per_minute: u32,
}

fn one() -> u32 {
    1
}

impl Default for IdleTime {
    fn default() -> Self {
        IdleTime { allowed: true, cost_per_minute: 1 }
    }
}

/// Whether one agent may work several shifts in one working period (a split day: 10:00–14:00
/// and 18:00–22:00), and with what gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SplitShifts {
    /// `false`: between any two of an agent's working shifts, at least the minimum rest
    /// (`working_time.min_rest_minutes`; hard rule `split_shift`).
    pub allowed: bool,
    /// When allowed, the shortest gap between two working shifts (0: any gap).
    #[serde(default)]
    pub min_gap_minutes: u32,
}

impl Default for SplitShifts {
    fn default() -> Self {
        SplitShifts { allowed: true, min_gap_minutes: 0 }
    }
}

/// The rules of the instance beyond the law's working-time limits: what the solver and the
/// checker both read (docs/schedule-format.md, "Rules").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ScheduleRules {
    pub idle_time: IdleTime,
    pub split_shifts: SplitShifts,
    pub pat_down_sexes: PatDownSexes,
}

impl ScheduleRules {
    /// Whether these rules leave everything at its default (then not written out).
    pub fn is_default(&self) -> bool {
        *self == ScheduleRules::default()
    }

    /// The shortest gap allowed between two of one agent's working shifts (merged windows),
    /// given the minimum rest.
    pub fn min_gap(&self, min_rest: Span) -> Span {
        if self.split_shifts.allowed {
            Span::minutes(i64::from(self.split_shifts.min_gap_minutes))
        } else {
            min_rest
        }
    }

    /// The gaps between consecutive working shifts (merged, sorted) shorter than allowed: the
    /// periods from the end of one to the start of the next.
    pub fn short_gaps(&self, merged: &[TimeWindow], min_rest: Span) -> Vec<TimeWindow> {
        let gap = self.min_gap(min_rest);
        merged
            .windows(2)
            .filter(|p| p[1].start().minus(gap) < p[0].end())
            .filter_map(|p| TimeWindow::new(p[0].end(), p[1].start()).ok())
            .collect()
    }

    /// Under [`PatDownSexes::MenOnceWomenThere`], the agent-milliseconds during which a man is
    /// on pat-down need `need` while fewer than `min_women` women are, and the stretches where
    /// it happens; nothing under the other rules or on another need.
    /// `worked` are the windows (clipped to the need's) worked on it and by whom.
    pub fn sex_gate_breach(&self, need: &ScheduleNeed, worked: &[(TimeWindow, Sex)]) -> (u128, Vec<TimeWindow>) {
        if self.pat_down_sexes != PatDownSexes::MenOnceWomenThere || !need.is_pat_down() || need.min_women == 0 {
            return (0, Vec::new());
        }
        let mut points: BTreeSet<Instant> = BTreeSet::new();
        for (w, _) in worked {
            points.extend([w.start(), w.end()]);
        }
        let points: Vec<Instant> = points.into_iter().collect();
        let (mut total, mut stretches) = (0u128, Vec::<TimeWindow>::new());
        for pair in points.windows(2) {
            let on = worked.iter().filter(|(w, _)| w.contains(pair[0]));
            let women = on.clone().filter(|(_, s)| *s == Sex::Femme).count() as u32;
            let men = on.count() as u32 - women;
            let gated = if women < need.min_women { men } else { 0 };
            if gated == 0 {
                continue;
            }
            total += u128::from(gated) * (pair[1].0 - pair[0].0) as u128;
            match stretches.last_mut() {
                Some(last) if last.end() == pair[0] => {
                    *last = TimeWindow::new(last.start(), pair[1]).unwrap_or(*last);
                }
                _ => stretches.extend(TimeWindow::new(pair[0], pair[1]).ok()),
            }
        }
        (total, stretches)
    }
}

/// Who employs an agent: a private security company (needs a CNAPS card, needs L613-1 on the
/// public road) or the commune (municipal police).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employer {
    Private,
    Municipal,
}

/// An agent who may be scheduled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleAgent {
    pub id: String,
    pub qualifications: BTreeSet<Qualification>,
    pub sex: Sex,
    /// When the CNAPS card stops being valid; `None` for no card.
    pub card_expires: Option<Instant>,
    pub employer: Employer,
    /// When the agent may work; shifts must lie inside one of these windows.
    pub availability: Vec<TimeWindow>,
}

/// The working-time limits, in minutes; defaults from the collective agreement (IDCC 1351).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct WorkingTimeProfile {
    pub max_shift_minutes: u32,
    pub max_daily_minutes: u32,
    /// 720 by default; 660 is allowed by some readings of the agreement.
    pub min_rest_minutes: u32,
    pub max_weekly_minutes: u32,
    pub max_days_per_week: u32,
    pub min_shift_minutes: u32,
    /// Break owed per 6 h worked; taken inside the shift and paid (not placed by the solver).
    pub break_minutes_per_six_hours: u32,
    /// An unpaid break of at most this long does not split a shift for the minimum length (CCN
    /// art. 7.12). 0 by default: the solver proposes whole shifts, each at least the minimum;
    /// a proposal from a plan takes the department's rule (2 h).
    pub max_unpaid_break_minutes: u32,
    /// The most work between two rests of `long_rest_minutes`: 48 h.
    pub max_work_between_long_rests_minutes: u32,
    /// The rest owed after that much work: 24 h.
    pub long_rest_minutes: u32,
    /// The longest working day from first start to last end; absent, 24 h minus the daily
    /// rest (the agreement's reading). The public service sets 12 h.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_amplitude_minutes: Option<u32>,
}

impl Default for WorkingTimeProfile {
    fn default() -> Self {
        WorkingTimeProfile {
            max_shift_minutes: 720,
            max_daily_minutes: 720,
            min_rest_minutes: 720,
            max_weekly_minutes: 48 * 60,
            max_days_per_week: 6,
            min_shift_minutes: 240,
            break_minutes_per_six_hours: 20,
            max_unpaid_break_minutes: 0,
            max_work_between_long_rests_minutes: 48 * 60,
            long_rest_minutes: 24 * 60,
            max_amplitude_minutes: None,
        }
    }
}

impl WorkingTimeProfile {
    /// The profile the rules in force set (the department's working-time rules), through the
    /// one reading of them ([`WorkingTimeLimits::from_rules`]); a limit switched off is as
    /// loose as the format allows. The break stays the agreement's.
    pub fn from_rules(rules: &crate::domain::compliance::RuleSet) -> WorkingTimeProfile {
        WorkingTimeProfile::from_limits(&WorkingTimeLimits::from_rules(rules))
    }

    /// The profile of `employer`'s agents under the rules in force: the agreement's for a
    /// company, the public service's for a municipal police ([`WorkingTimeLimits::public_service`]).
    pub fn of_employer(rules: &crate::domain::compliance::RuleSet, employer: Employer) -> WorkingTimeProfile {
        match employer {
            Employer::Private => WorkingTimeProfile::from_rules(rules),
            Employer::Municipal => WorkingTimeProfile::from_limits(&WorkingTimeLimits::public_service(rules)),
        }
    }

    /// `limits` in the instance's units; a limit switched off is as loose as the format
    /// allows. The break stays the agreement's.
    fn from_limits(limits: &WorkingTimeLimits) -> WorkingTimeProfile {
        let minutes = |span: Span| u32::try_from(span.0 / 60_000).unwrap_or(u32::MAX);
        let defaults = WorkingTimeProfile::default();
        WorkingTimeProfile {
            max_shift_minutes: minutes(limits.max_daily).min(24 * 60),
            max_daily_minutes: minutes(limits.max_daily).min(24 * 60),
            min_rest_minutes: minutes(limits.min_rest),
            max_weekly_minutes: minutes(limits.max_weekly).min(7 * 24 * 60),
            max_days_per_week: limits.max_days_per_week.min(7),
            min_shift_minutes: minutes(limits.min_shift),
            break_minutes_per_six_hours: defaults.break_minutes_per_six_hours,
            max_unpaid_break_minutes: minutes(limits.max_unpaid_break),
            max_work_between_long_rests_minutes: minutes(limits.max_work_between_long_rests).min(31 * 24 * 60),
            long_rest_minutes: minutes(limits.long_rest),
            max_amplitude_minutes: limits.max_amplitude.map(|max| minutes(max).min(24 * 60)),
        }
    }

    /// The limits the shared `working_time` function applies.
    pub fn limits(&self) -> WorkingTimeLimits {
        let minutes = |m: u32| Span::minutes(i64::from(m));
        WorkingTimeLimits {
            max_daily: minutes(self.max_daily_minutes),
            min_rest: minutes(self.min_rest_minutes),
            max_weekly: minutes(self.max_weekly_minutes),
            max_days_per_week: self.max_days_per_week,
            min_shift: minutes(self.min_shift_minutes),
            max_unpaid_break: minutes(self.max_unpaid_break_minutes),
            max_work_between_long_rests: minutes(self.max_work_between_long_rests_minutes),
            long_rest: minutes(self.long_rest_minutes),
            max_amplitude: self.max_amplitude_minutes.map(minutes),
        }
    }
}

/// A whole scheduling problem.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, try_from = "InstanceFields")]
pub struct Instance {
    pub format: String,
    pub event: ScheduleEvent,
    pub zones: Vec<ScheduleZone>,
    pub needs: Vec<ScheduleNeed>,
    pub agents: Vec<ScheduleAgent>,
    #[serde(default)]
    pub working_time: WorkingTimeProfile,
    /// Idle time, split shifts and the sexes on pat-down posts; defaults when absent.
    #[serde(default, skip_serializing_if = "ScheduleRules::is_default")]
    pub rules: ScheduleRules,
    /// The solution published before, kept as far as it stays good (stability).
    #[serde(default)]
    pub previous: Option<Solution>,
}

/// The unchecked shape of an instance as it arrives from a file.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstanceFields {
    format: String,
    event: ScheduleEvent,
    zones: Vec<ScheduleZone>,
    needs: Vec<ScheduleNeed>,
    agents: Vec<ScheduleAgent>,
    #[serde(default)]
    working_time: WorkingTimeProfile,
    #[serde(default)]
    rules: ScheduleRules,
    #[serde(default)]
    previous: Option<Solution>,
}

impl TryFrom<InstanceFields> for Instance {
    type Error = ScheduleError;
    fn try_from(f: InstanceFields) -> Result<Self, ScheduleError> {
        let instance = Instance {
            format: f.format,
            event: f.event,
            zones: f.zones,
            needs: f.needs,
            agents: f.agents,
            working_time: f.working_time,
            rules: f.rules,
            previous: f.previous,
        };
        instance.validate()?;
        Ok(instance)
    }
}

impl Instance {
    /// The event's time zone (valid once the instance is).
    pub fn tz(&self) -> chrono_tz::Tz {
        parse_time_zone(&self.event.time_zone).unwrap_or(chrono_tz::Europe::Paris)
    }

    /// The zone of a need.
    pub fn zone_of(&self, need: &ScheduleNeed) -> Option<&ScheduleZone> {
        self.zones.iter().find(|z| z.id == need.zone)
    }

    /// Refuses the first thing that makes the instance unusable.
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.format != INSTANCE_FORMAT {
            return Err(ScheduleError::Format(self.format.clone()));
        }
        parse_time_zone(&self.event.time_zone).map_err(|_| ScheduleError::TimeZone(self.event.time_zone.clone()))?;
        unique(self.zones.iter().map(|z| &z.id))?;
        unique(self.needs.iter().map(|n| &n.id))?;
        unique(self.agents.iter().map(|a| &a.id))?;
        for need in &self.needs {
            if self.zone_of(need).is_none() {
                return Err(ScheduleError::UnknownZone(need.zone.clone()));
            }
            if !(1..=5).contains(&need.priority) {
                return Err(ScheduleError::Priority(need.id.clone()));
            }
            if need.min_headcount == 0 || need.min_women + need.min_men > need.min_headcount {
                return Err(ScheduleError::Headcount(need.id.clone()));
            }
        }
        let p = &self.working_time;
        if p.min_shift_minutes > p.max_shift_minutes || p.max_shift_minutes == 0 || p.min_shift_minutes == 0 {
            return Err(ScheduleError::Profile);
        }
        Ok(())
    }
}

fn unique<'a>(ids: impl Iterator<Item = &'a String>) -> Result<(), ScheduleError> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !seen.insert(id) {
            return Err(ScheduleError::DuplicateId(id.clone()));
        }
    }
    Ok(())
}
