//! The independent judge of a solution: every broken hard rule, the score, and whether the
//! reasons it gives for what it leaves uncovered hold. It shares nothing with the solver but
//! the instance's definitions (its types and rules: `ScheduleRules`) and the working-time
//! function of the compliance checks, so that a property test can hold one against the other.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::explain::explain;
use super::instance::{Employer, Instance, ScheduleAgent, ScheduleNeed, ScheduleRules};
use super::score::{score, Score};
use super::solution::{Shift, Solution, Uncovered};
use crate::domain::compliance::working_time::{merge_shifts, working_time, WorkingTimeBreach};
use crate::domain::plan::{Qualification, TimeWindow};
use crate::domain::time::{Instant, Span};

/// A hard rule of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HardRule {
    /// The shift names an unknown agent or need, or does not end after it starts.
    Malformed,
    Qualification,
    /// One agent in two places at once.
    Overlap,
    Availability,
    /// A private agent on a need private agents may not hold (public road without an L613-1
    /// authorisation or an L226-1 perimeter covering it: `ScheduleNeed::private_allowed`).
    PublicRoad,
    /// A pat-down on a need without a legal basis (`ScheduleNeed::pat_downs_allowed`).
    PatDownLegalBasis,
    /// A pat-down by an agent of a sex the need does not admit (`rules.pat_down_sexes`:
    /// women only on an exclusive post, or a man while the minimum of women is not there).
    PatDownSex,
    /// Paid time outside the need's window while the instance forbids idle time.
    IdleTime,
    /// A private agent without a CNAPS card valid until the end of the shift.
    Card,
    MaxShift,
    MinShift,
    /// Two working shifts of one agent closer than the rules allow (the minimum gap, or the
    /// minimum rest when split shifts are forbidden).
    SplitShift,
    DailyWork,
    Rest,
    WeeklyWork,
    DaysPerWeek,
}

impl HardRule {
    /// The French sentence explaining the rule.
    pub fn message(self) -> &'static str {
        use crate::text::fr as t;
        match self {
            HardRule::Malformed => t::SCHEDULE_RULE_MALFORMED,
            HardRule::Qualification => t::SCHEDULE_RULE_QUALIFICATION,
            HardRule::Overlap => t::SCHEDULE_RULE_OVERLAP,
            HardRule::Availability => t::SCHEDULE_RULE_AVAILABILITY,
            HardRule::PublicRoad => t::SCHEDULE_RULE_PUBLIC_ROAD,
            HardRule::PatDownLegalBasis => t::SCHEDULE_RULE_PAT_DOWN_BASIS,
            HardRule::PatDownSex => t::SCHEDULE_RULE_PAT_DOWN_SEX,
            HardRule::Card => t::SCHEDULE_RULE_CARD,
            HardRule::MaxShift => t::SCHEDULE_RULE_MAX_SHIFT,
            HardRule::MinShift => t::SCHEDULE_RULE_MIN_SHIFT,
            HardRule::IdleTime => t::SCHEDULE_RULE_IDLE_TIME,
            HardRule::SplitShift => t::SCHEDULE_RULE_SPLIT_SHIFT,
            HardRule::DailyWork => t::SCHEDULE_RULE_DAILY_WORK,
            HardRule::Rest => t::SCHEDULE_RULE_REST,
            HardRule::WeeklyWork => t::SCHEDULE_RULE_WEEKLY_WORK,
            HardRule::DaysPerWeek => t::SCHEDULE_RULE_DAYS_PER_WEEK,
        }
    }
}

/// One broken rule: which, who, where, when.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Violation {
    pub rule: HardRule,
    pub agent: String,
    pub need: Option<String>,
    pub start: Instant,
    pub end: Instant,
    pub message: String,
}

/// The checker's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Report {
    pub score: Score,
    /// Sorted by rule, agent, time.
    pub violations: Vec<Violation>,
    /// The solution's uncovered parts that are not so, or not for the reason it gives.
    pub false_explanations: Vec<Uncovered>,
    /// The uncovered parts, with their established reason, that the solution does not list.
    pub unlisted_gaps: Vec<Uncovered>,
}

impl Report {
    /// No hard rule is broken.
    pub fn is_feasible(&self) -> bool {
        self.violations.is_empty()
    }

    /// The solution lists every uncovered part, each with its true reason.
    pub fn explanations_hold(&self) -> bool {
        self.false_explanations.is_empty() && self.unlisted_gaps.is_empty()
    }
}

/// Judges `solution` against every hard rule of `instance` and scores it.
pub fn check(instance: &Instance, solution: &Solution) -> Report {
    let agents: HashMap<&str, &ScheduleAgent> = instance.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    let needs: HashMap<&str, &ScheduleNeed> = instance.needs.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut violations = Vec::new();
    let mut by_agent: BTreeMap<&str, Vec<&Shift>> = BTreeMap::new();
    for shift in &solution.shifts {
        let (Some(agent), Some(need), Ok(_)) =
            (agents.get(shift.agent.as_str()), needs.get(shift.need.as_str()), TimeWindow::new(shift.start, shift.end))
        else {
            violations.push(violation(HardRule::Malformed, &shift.agent, Some(&shift.need), shift.start, shift.end));
            continue;
        };
        for rule in shift_rules(&instance.rules, agent, need, shift) {
            violations.push(violation(rule, &agent.id, Some(&need.id), shift.start, shift.end));
        }
        by_agent.entry(agent.id.as_str()).or_default().push(shift);
    }
    for (agent, shifts) in by_agent {
        violations.extend(agent_rules(instance, agent, &shifts));
    }
    let all: Vec<&Shift> = solution.shifts.iter().collect();
    violations.extend(sex_gate(&instance.rules, instance.needs.iter(), &agents, &all));
    violations.sort();
    let established = explain(instance, &solution.shifts);
    let false_explanations = solution.uncovered.iter().filter(|u| !established.contains(u)).cloned().collect();
    let unlisted_gaps = established.into_iter().filter(|u| !solution.uncovered.contains(u)).collect();
    Report { score: score(instance, solution), violations, false_explanations, unlisted_gaps }
}

/// The first hard rule broken if `extra` (on `need`, by `agent`) joined the agent's `shifts`
/// and the need's `on_need` (known, well-formed shifts of the solution); `None` if none is.
pub(super) fn breaks_with(
    instance: &Instance,
    agent: &ScheduleAgent,
    need: &ScheduleNeed,
    shifts: &[&Shift],
    on_need: &[&Shift],
    agents: &HashMap<&str, &ScheduleAgent>,
    extra: &Shift,
) -> Option<HardRule> {
    if let Some(rule) = shift_rules(&instance.rules, agent, need, extra).into_iter().next() {
        return Some(rule);
    }
    let mut all = shifts.to_vec();
    all.push(extra);
    if let Some(v) = agent_rules(instance, &agent.id, &all).into_iter().min() {
        return Some(v.rule);
    }
    let mut crew = on_need.to_vec();
    crew.push(extra);
    sex_gate(&instance.rules, std::iter::once(need), agents, &crew).first().map(|v| v.rule)
}

/// Under "men once the women are there", each man's shift on a pat-down post during the
/// stretches where fewer than `min_women` women are on it.
fn sex_gate<'n>(
    rules: &ScheduleRules,
    needs: impl Iterator<Item = &'n ScheduleNeed>,
    agents: &HashMap<&str, &ScheduleAgent>,
    shifts: &[&Shift],
) -> Vec<Violation> {
    let mut out = Vec::new();
    if rules.pat_down_sexes != super::instance::PatDownSexes::MenOnceWomenThere {
        return out;
    }
    for need in needs {
        let mine: Vec<(&Shift, TimeWindow, &ScheduleAgent)> = shifts
            .iter()
            .filter(|s| s.need == need.id)
            .filter_map(|s| {
                let agent = agents.get(s.agent.as_str())?;
                Some((*s, TimeWindow::new(s.start, s.end).ok()?.intersection(&need.window)?, *agent))
            })
            .collect();
        let worked: Vec<(TimeWindow, crate::domain::plan::Sex)> = mine.iter().map(|(_, w, a)| (*w, a.sex)).collect();
        for stretch in rules.sex_gate_breach(need, &worked).1 {
            for (shift, w, agent) in &mine {
                if agent.sex == crate::domain::plan::Sex::Homme {
                    if let Some(overlap) = w.intersection(&stretch) {
                        out.push(violation(
                            HardRule::PatDownSex,
                            &shift.agent,
                            Some(&need.id),
                            overlap.start(),
                            overlap.end(),
                        ));
                    }
                }
            }
        }
    }
    out
}

fn violation(rule: HardRule, agent: &str, need: Option<&str>, start: Instant, end: Instant) -> Violation {
    let need = need.map(str::to_string);
    Violation { rule, agent: agent.to_string(), need, start, end, message: rule.message().to_string() }
}

/// The rules one shift breaks on its own.
fn shift_rules(rules: &ScheduleRules, agent: &ScheduleAgent, need: &ScheduleNeed, shift: &Shift) -> Vec<HardRule> {
    let mut broken = Vec::new();
    if need.qualification.is_some_and(|q| !agent.qualifications.contains(&q)) {
        broken.push(HardRule::Qualification);
    }
    let inside = |w: &TimeWindow| w.start() <= shift.start && shift.end <= w.end();
    if !agent.availability.iter().any(inside) {
        broken.push(HardRule::Availability);
    }
    let private = agent.employer == Employer::Private;
    if private && !need.private_allowed {
        broken.push(HardRule::PublicRoad);
    }
    if need.qualification == Some(Qualification::Palpation) {
        if !need.pat_downs_allowed {
            broken.push(HardRule::PatDownLegalBasis);
        }
        if !need.admits_sex(agent.sex, rules.pat_down_sexes) {
            broken.push(HardRule::PatDownSex);
        }
    }
    let inside = need.window.start() <= shift.start && shift.end <= need.window.end();
    if !(rules.idle_time.allowed || inside) {
        broken.push(HardRule::IdleTime);
    }
    if private && agent.card_expires.is_none_or(|expires| expires < shift.end) {
        broken.push(HardRule::Card);
    }
    broken
}

/// The rules an agent's shifts break together: overlaps, shift lengths, working time.
fn agent_rules(instance: &Instance, agent: &str, shifts: &[&Shift]) -> Vec<Violation> {
    let mut sorted = shifts.to_vec();
    sorted.sort_by_key(|s| (s.start, s.end));
    let mut out = Vec::new();
    for pair in sorted.windows(2) {
        if pair[1].start < pair[0].end {
            out.push(violation(
                HardRule::Overlap,
                agent,
                Some(&pair[1].need),
                pair[1].start,
                pair[0].end.min(pair[1].end),
            ));
        }
    }
    let windows: Vec<TimeWindow> = sorted.iter().filter_map(|s| TimeWindow::new(s.start, s.end).ok()).collect();
    let profile = &instance.working_time;
    let merged = merge_shifts(&windows);
    for worked in &merged {
        if worked.duration() > Span::minutes(i64::from(profile.max_shift_minutes)) {
            out.push(violation(HardRule::MaxShift, agent, None, worked.start(), worked.end()));
        }
    }
    let min_rest = Span::minutes(i64::from(profile.min_rest_minutes));
    for gap in instance.rules.short_gaps(&merged, min_rest) {
        out.push(violation(HardRule::SplitShift, agent, None, gap.start(), gap.end()));
    }
    for breach in working_time(&windows, &profile.limits(), instance.tz()) {
        let rule = match breach {
            WorkingTimeBreach::DailyWork { .. } | WorkingTimeBreach::Amplitude { .. } => HardRule::DailyWork,
            WorkingTimeBreach::Rest { .. } | WorkingTimeBreach::NoLongRest { .. } => HardRule::Rest,
            WorkingTimeBreach::WeeklyWork { .. } => HardRule::WeeklyWork,
            WorkingTimeBreach::DaysPerWeek { .. } => HardRule::DaysPerWeek,
            WorkingTimeBreach::ShortShift { .. } => HardRule::MinShift,
        };
        let period = breach.period();
        out.push(violation(rule, agent, None, period.start(), period.end()));
    }
    out
}
