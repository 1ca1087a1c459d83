//! Why each uncovered part of a need stays uncovered, established rather than guessed: the
//! agents are filtered rule by rule (qualification and sex, law, card, availability, other
//! shifts), and those left are each offered the shifts that would cover the part's first
//! quarter-hour ([`reach_windows`]), judged by the checker's own rules. When one of them
//! breaks no rule the part was within reach, and the reason says the search did not get there
//! in time; otherwise the rule that blocked the candidates is named. The solver explains its
//! gaps with this function, and `check` recomputes it to verify a solution's explanations.

use std::collections::{BTreeMap, HashMap};

use super::checker::{breaks_with, HardRule};
use super::instance::{Employer, Instance, PatDownSexes, ScheduleAgent, ScheduleNeed};
use super::score::{gap_parts, lessens};
use super::solution::{Shift, Uncovered, UncoveredReason};
use crate::domain::compliance::working_time::merge_shifts;
use crate::domain::plan::{Sex, TimeWindow};
use crate::domain::time::{Instant, Span};

/// The stretch of a gap the candidates are asked to cover: its first quarter-hour.
pub(super) const REACH: Span = Span::minutes(15);

/// The stretch of the part from `start` to `end` a candidate is asked to cover.
pub(super) fn reach_of(start: Instant, end: Instant) -> Option<TimeWindow> {
    TimeWindow::new(start, end.min(start.plus(REACH))).ok()
}

/// The shifts, on need `need`, that would put an agent on `q`: the minimum shift starting at
/// `q`'s start, ending at its end, or pushed against the edge of the availability window that
/// holds `q`; each of them clipped to the need's window (to chain with other shifts when idle
/// time is forbidden); and the stretch that lengthens one of the agent's working shifts
/// (`worked`, merged) up to `q` or back from it, when that stays within the maximum.
pub(super) fn reach_windows(
    q: TimeWindow,
    need: &ScheduleNeed,
    worked: &[TimeWindow],
    availability: &[TimeWindow],
    min: Span,
    max: Span,
) -> Vec<TimeWindow> {
    let mut starts = vec![q.start(), q.end().minus(min)];
    for w in availability.iter().filter(|w| w.contains_window(&q)) {
        starts.push(w.start().max(q.end().minus(min)).min(q.start()));
        starts.push(w.end().minus(min).min(q.start()).max(q.end().minus(min)));
    }
    let mut out: Vec<TimeWindow> = vec![q];
    for s in starts {
        let Ok(w) = TimeWindow::new(s, s.plus(min)) else { continue };
        if w.contains_window(&q) {
            out.push(w);
            out.extend(w.intersection(&need.window).filter(|c| *c != w && c.contains_window(&q)));
        }
    }
    for m in worked {
        if m.end() <= q.start() && q.end().0 - m.start().0 <= max.0 {
            out.extend(TimeWindow::new(m.end(), q.end()).ok());
        }
        if q.end() <= m.start() && m.end().0 - q.start().0 <= max.0 {
            out.extend(TimeWindow::new(q.start(), m.start()).ok());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The uncovered parts of every need under `shifts` (adjacent parts missing as many agents
/// merged), each with its established reason.
pub fn explain(instance: &Instance, shifts: &[Shift]) -> Vec<Uncovered> {
    let agents: HashMap<&str, &ScheduleAgent> = instance.agents.iter().map(|a| (a.id.as_str(), a)).collect();
    let needs: HashMap<&str, &ScheduleNeed> = instance.needs.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut on_need: HashMap<&str, Vec<&Shift>> = HashMap::new();
    let mut of_agent: BTreeMap<&str, Vec<&Shift>> = BTreeMap::new();
    for shift in shifts {
        let known = agents.contains_key(shift.agent.as_str()) && needs.contains_key(shift.need.as_str());
        if known && shift.start < shift.end {
            on_need.entry(shift.need.as_str()).or_default().push(shift);
            of_agent.entry(shift.agent.as_str()).or_default().push(shift);
        }
    }
    let world = World { instance, agents, on_need, of_agent };
    let mut gaps = Vec::new();
    for need in &instance.needs {
        let worked = world.worked(need);
        for (start, end, missing) in gap_parts(need, &worked) {
            let (reason, rule) = world.reason(need, &worked, start, end);
            gaps.push(Uncovered::new(need.id.clone(), start, end, missing, reason, rule));
        }
    }
    gaps.sort();
    gaps
}

/// The solution's shifts, indexed.
struct World<'a> {
    instance: &'a Instance,
    agents: HashMap<&'a str, &'a ScheduleAgent>,
    on_need: HashMap<&'a str, Vec<&'a Shift>>,
    of_agent: BTreeMap<&'a str, Vec<&'a Shift>>,
}

impl World<'_> {
    /// The windows worked on `need`, clipped to its window, and the sex of who worked them.
    fn worked(&self, need: &ScheduleNeed) -> Vec<(TimeWindow, Sex)> {
        let shifts = self.on_need.get(need.id.as_str()).map_or(&[][..], |v| v);
        shifts
            .iter()
            .filter_map(|s| {
                let w = TimeWindow::new(s.start, s.end).ok()?.intersection(&need.window)?;
                Some((w, self.agents.get(s.agent.as_str())?.sex))
            })
            .collect()
    }

    /// The first filter that leaves nobody for the part of `need` from `start` to `end`, or,
    /// when free candidates are left, whether one of them could have covered it.
    fn reason(
        &self,
        need: &ScheduleNeed,
        worked: &[(TimeWindow, Sex)],
        start: Instant,
        end: Instant,
    ) -> (UncoveredReason, Option<HardRule>) {
        let instance = self.instance;
        let rules = &instance.rules;
        let Some(q) = reach_of(start, end) else {
            return (UncoveredReason::NotReached, None);
        };
        // Only an agent whose coming lessens what the part misses counts: on a post with its
        // headcount but short of women, a woman. Under "men once the women are there", a post
        // short of women can only take a woman.
        let on: Vec<Sex> = worked.iter().filter(|(w, _)| w.contains(start)).map(|(_, s)| *s).collect();
        let women_on = on.iter().filter(|s| **s == Sex::Femme).count() as u32;
        let men_gated =
            rules.pat_down_sexes == PatDownSexes::MenOnceWomenThere && need.is_pat_down() && women_on < need.min_women;
        let welcome = |sex: Sex| lessens(need, &on, sex) && !(men_gated && sex == Sex::Homme);
        let mut left: Vec<&ScheduleAgent> = instance
            .agents
            .iter()
            .filter(|a| need.qualification.is_none_or(|q| a.qualifications.contains(&q)))
            .filter(|a| need.admits_sex(a.sex, rules.pat_down_sexes) && welcome(a.sex))
            .collect();
        if left.is_empty() {
            return (UncoveredReason::NoQualifiedAgent, None);
        }
        let private = |a: &ScheduleAgent| a.employer == Employer::Private;
        left.retain(|a| (!need.is_pat_down() || need.pat_downs_allowed) && (!private(a) || need.private_allowed));
        if left.is_empty() {
            return (UncoveredReason::LegalRule, None);
        }
        left.retain(|a| !private(a) || a.card_expires.is_some_and(|expires| expires >= q.end()));
        if left.is_empty() {
            return (UncoveredReason::CardExpired, None);
        }
        left.retain(|a| a.availability.iter().any(|w| w.contains_window(&q)));
        if left.is_empty() {
            return (UncoveredReason::NotAvailable, None);
        }
        let theirs = |a: &ScheduleAgent| self.of_agent.get(a.id.as_str()).map_or(&[][..], |v| v.as_slice());
        left.retain(|a| theirs(a).iter().all(|s| s.end <= q.start() || q.end() <= s.start));
        if left.is_empty() {
            return (UncoveredReason::AllBusy, None);
        }
        let profile = &instance.working_time;
        let (min, max) =
            (Span::minutes(i64::from(profile.min_shift_minutes)), Span::minutes(i64::from(profile.max_shift_minutes)));
        let on_need = self.on_need.get(need.id.as_str()).map_or(&[][..], |v| v.as_slice());
        // What blocked each offer, counted apart for the offers of a whole shift (at least the
        // minimum): those name the rule when there are any, so that a quarter-hour too short to
        // be a shift does not hide the rest or the daily maximum that keeps the agent away.
        let mut blocking: BTreeMap<HardRule, usize> = BTreeMap::new();
        let mut blocking_whole: BTreeMap<HardRule, usize> = BTreeMap::new();
        for agent in left {
            let shifts = theirs(agent);
            let windows: Vec<TimeWindow> = shifts.iter().filter_map(|s| TimeWindow::new(s.start, s.end).ok()).collect();
            let merged = merge_shifts(&windows);
            for w in reach_windows(q, need, &merged, &agent.availability, min, max) {
                // A shift over one the agent already works is not an offer.
                if windows.iter().any(|x| x.overlaps(&w)) {
                    continue;
                }
                let extra = Shift { agent: agent.id.clone(), need: need.id.clone(), start: w.start(), end: w.end() };
                match breaks_with(instance, agent, need, shifts, on_need, &self.agents, &extra) {
                    None => return (UncoveredReason::NotReached, None),
                    Some(rule) => {
                        *blocking.entry(rule).or_default() += 1;
                        if w.duration() >= min {
                            *blocking_whole.entry(rule).or_default() += 1;
                        }
                    }
                }
            }
        }
        // The rule that blocked the most offers names the reason.
        let counted = if blocking_whole.is_empty() { blocking } else { blocking_whole };
        let rule = counted.into_iter().max_by_key(|(rule, count)| (*count, std::cmp::Reverse(*rule))).map(|(r, _)| r);
        match rule {
            Some(HardRule::Card) => (UncoveredReason::CardExpired, None),
            Some(HardRule::Availability) => (UncoveredReason::NotAvailable, None),
            // Every offer ran into the candidates' own shifts: they are busy, not blocked by a rule.
            Some(HardRule::Overlap) | None => (UncoveredReason::AllBusy, None),
            Some(HardRule::PatDownSex) => (UncoveredReason::NoQualifiedAgent, Some(HardRule::PatDownSex)),
            Some(rule) => (UncoveredReason::WorkingTime, Some(rule)),
        }
    }
}
