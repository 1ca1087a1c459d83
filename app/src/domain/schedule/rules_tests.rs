//! The instance's own rules (idle time, split shifts, the sexes on pat-down posts) as the
//! checker judges them and the solver follows them, idle time put to use, and the reasons
//! given for what stays uncovered, verified by the checker.

use super::fixtures::{agent, at, instance, need};
use super::*;
use crate::domain::plan::{Qualification, Sex};

const PALPATION: Qualification = Qualification::Palpation;

fn shift(agent: &str, need: &str, from: i64, to: i64) -> Shift {
    Shift { agent: agent.to_string(), need: need.to_string(), start: at(from), end: at(to) }
}

fn broken(instance: &Instance, shifts: Vec<Shift>) -> Vec<(HardRule, String, i64, i64)> {
    let hours = |t: crate::domain::time::Instant| (t.0 - at(0).0) / 3_600_000;
    check(instance, &Solution::new(shifts, Vec::new()))
        .violations
        .into_iter()
        .map(|v| (v.rule, v.agent, hours(v.start), hours(v.end)))
        .collect()
}

/// A pat-down post from 8:00 to 16:00 asking for `headcount` agents, `women` of them women.
fn search_post(headcount: u32, women: u32) -> ScheduleNeed {
    let mut post = need("fouille", "stade", (8, 16), Some(PALPATION), headcount);
    post.min_women = women;
    post
}

fn searchers(men: usize, women: usize) -> Vec<ScheduleAgent> {
    let men = (1..=men).map(|i| agent(&format!("h{i}"), &[PALPATION], Sex::Homme));
    men.chain((1..=women).map(|i| agent(&format!("f{i}"), &[PALPATION], Sex::Femme))).collect()
}

fn solved(problem: &Instance) -> Solution {
    let solution = solve(problem, 1, &mut steps(20_000));
    let report = check(problem, &solution);
    assert!(report.is_feasible(), "{:?}", report.violations);
    assert!(report.explanations_hold(), "{:?} / {:?}", report.false_explanations, report.unlisted_gaps);
    solution
}

fn agents_on(solution: &Solution) -> Vec<&str> {
    let mut on: Vec<&str> = solution.shifts.iter().map(|s| s.agent.as_str()).collect();
    on.sort_unstable();
    on.dedup();
    on
}

#[test]
fn a_man_may_search_on_a_post_asking_for_one_woman_when_the_minimums_are_targets() {
    let problem = instance(vec![search_post(3, 1)], searchers(1, 0));
    assert_eq!(broken(&problem, vec![shift("h1", "fouille", 8, 16)]), vec![]);
}

#[test]
fn free_men_trained_for_pat_downs_come_to_a_post_asking_for_three_agents_one_a_woman() {
    // The minimum of women is a target, not a women-only rule: men come while they lessen what
    // the post misses (three agents, one a woman: two men leave one missing, the woman nobody
    // can be; a third man would leave as many), and the gap names its true cause.
    let solution = solved(&instance(vec![search_post(3, 1)], searchers(3, 0)));
    assert_eq!(agents_on(&solution).len(), 2);
    let gap = &solution.uncovered[0];
    assert_eq!((gap.missing, gap.reason, gap.start, gap.end), (1, UncoveredReason::NoQualifiedAgent, at(8), at(16)));
}

#[test]
fn with_one_woman_free_the_post_takes_her_and_two_men_and_misses_nobody() {
    let solution = solved(&instance(vec![search_post(3, 1)], searchers(3, 1)));
    assert_eq!(solution.uncovered, vec![]);
    let on = agents_on(&solution);
    assert_eq!(on.len(), 3);
    assert!(on.contains(&"f1"), "{on:?}");
}

#[test]
fn under_men_once_women_there_a_man_searches_only_while_the_woman_is_on_the_post() {
    let mut problem = instance(vec![search_post(2, 1)], searchers(1, 1));
    problem.rules.pat_down_sexes = PatDownSexes::MenOnceWomenThere;
    let man_all_day = vec![shift("f1", "fouille", 8, 12), shift("h1", "fouille", 8, 16)];
    assert_eq!(broken(&problem, man_all_day), vec![(HardRule::PatDownSex, "h1".to_string(), 12, 16)]);
    let together = vec![shift("f1", "fouille", 8, 16), shift("h1", "fouille", 8, 16)];
    assert_eq!(broken(&problem, together), vec![]);
}

#[test]
fn under_men_once_women_there_no_man_is_placed_on_a_post_no_woman_can_reach() {
    let mut problem = instance(vec![search_post(2, 1)], searchers(2, 0));
    problem.rules.pat_down_sexes = PatDownSexes::MenOnceWomenThere;
    let solution = solved(&problem);
    assert_eq!(solution.shifts, vec![]);
    assert_eq!(solution.uncovered[0].reason, UncoveredReason::NoQualifiedAgent);
}

#[test]
fn an_exclusive_post_for_women_keeps_men_off_it_for_good() {
    let mut problem = instance(vec![search_post(2, 1)], searchers(2, 1));
    problem.rules.pat_down_sexes = PatDownSexes::Exclusive;
    assert_eq!(broken(&problem, vec![shift("h1", "fouille", 8, 16)]), vec![(HardRule::PatDownSex, "h1".into(), 8, 16)]);
    let solution = solved(&problem);
    assert_eq!(agents_on(&solution), ["f1"]);
}

#[test]
fn forbidden_idle_time_refuses_a_shift_running_past_its_need_which_the_default_only_counts() {
    let mut problem = instance(vec![need("porte", "stade", (9, 12), None, 1)], vec![agent("a", &[], Sex::Femme)]);
    assert_eq!(broken(&problem, vec![shift("a", "porte", 8, 12)]), vec![]);
    assert_eq!(
        check(&problem, &Solution::new(vec![shift("a", "porte", 8, 12)], vec![])).score.over_coverage_minutes,
        60
    );
    problem.rules.idle_time.cost_per_minute = 3;
    assert_eq!(
        check(&problem, &Solution::new(vec![shift("a", "porte", 8, 12)], vec![])).score.over_coverage_minutes,
        180
    );
    problem.rules.idle_time.allowed = false;
    assert_eq!(broken(&problem, vec![shift("a", "porte", 8, 12)]), vec![(HardRule::IdleTime, "a".into(), 8, 12)]);
}

#[test]
fn with_idle_time_forbidden_one_agent_chains_two_short_needs_into_one_four_hour_shift() {
    let mut problem = instance(
        vec![need("porte", "stade", (18, 20), None, 1), need("parvis", "stade", (20, 22), None, 1)],
        vec![agent("a", &[], Sex::Femme)],
    );
    problem.rules.idle_time.allowed = false;
    let solution = solved(&problem);
    assert_eq!(solution.uncovered, vec![]);
    assert_eq!(solution.shifts, vec![shift("a", "porte", 18, 20), shift("a", "parvis", 20, 22)]);
}

#[test]
fn a_short_need_alone_with_idle_time_forbidden_is_explained_by_the_rule_that_blocks_it() {
    let mut problem = instance(vec![need("porte", "stade", (18, 20), None, 1)], vec![agent("a", &[], Sex::Femme)]);
    problem.rules.idle_time.allowed = false;
    let solution = solved(&problem);
    let gap = &solution.uncovered[0];
    assert_eq!(gap.reason, UncoveredReason::WorkingTime);
    assert!(matches!(gap.rule, Some(HardRule::IdleTime | HardRule::MinShift)), "{:?}", gap.rule);
    assert!(gap.explanation.contains("Règle en cause"), "{}", gap.explanation);
}

#[test]
fn split_shifts_forbidden_need_the_minimum_rest_between_two_shifts_and_allowed_ones_their_gap() {
    let mut problem = instance(
        vec![need("matin", "stade", (8, 12), None, 1), need("soir", "stade", (14, 18), None, 1)],
        vec![agent("a", &[], Sex::Femme)],
    );
    let split = vec![shift("a", "matin", 8, 12), shift("a", "soir", 14, 18)];
    assert_eq!(broken(&problem, split.clone()), vec![]);
    problem.rules.split_shifts.min_gap_minutes = 180;
    assert_eq!(broken(&problem, split.clone()), vec![(HardRule::SplitShift, "a".into(), 12, 14)]);
    problem.rules.split_shifts = SplitShifts { allowed: false, min_gap_minutes: 0 };
    assert_eq!(broken(&problem, split), vec![(HardRule::SplitShift, "a".into(), 12, 14)]);
    // One ten-hour shift holding both, paid two hours between them, is lawful...
    let solution = solved(&problem);
    assert_eq!(solution.uncovered, vec![]);
    // ...unless idle time is forbidden too: then one of the two stays open, for that rule.
    problem.rules.idle_time.allowed = false;
    let solution = solved(&problem);
    assert_eq!(solution.shifts.len(), 1, "{:?}", solution.shifts);
    assert!(matches!(solution.uncovered[0].rule, Some(HardRule::SplitShift | HardRule::IdleTime)));
}

#[test]
fn an_agent_idle_after_a_short_need_closes_is_put_on_the_need_that_follows_it() {
    // The gate needs someone 18:00–19:00 only, the forecourt someone 19:00–22:00: one agent's
    // four-hour shift serves both, nobody is paid to wait.
    let problem = instance(
        vec![need("porte", "stade", (18, 19), None, 1), need("parvis", "stade", (19, 22), None, 1)],
        vec![agent("a", &[], Sex::Femme), agent("b", &[], Sex::Homme)],
    );
    let solution = solved(&problem);
    assert_eq!(solution.uncovered, vec![]);
    let score = check(&problem, &solution).score;
    assert_eq!((score.over_coverage_minutes, score.shifts), (0, 1));
}

#[test]
fn a_need_the_search_had_no_time_to_reach_says_so_and_the_checker_agrees() {
    let problem = instance(vec![need("porte", "stade", (18, 22), None, 1)], vec![agent("a", &[], Sex::Femme)]);
    let solution = solve(&problem, 1, &mut steps(0));
    assert_eq!(solution.shifts, vec![]);
    assert_eq!(solution.uncovered[0].reason, UncoveredReason::NotReached);
    assert!(check(&problem, &solution).explanations_hold());
}

#[test]
fn a_false_explanation_is_caught_by_the_checker() {
    let problem = instance(vec![need("porte", "stade", (18, 22), None, 1)], vec![agent("a", &[], Sex::Femme)]);
    let claim = Uncovered::new("porte".into(), at(18), at(22), 1, UncoveredReason::WorkingTime, None);
    let report = check(&problem, &Solution::new(vec![], vec![claim.clone()]));
    assert_eq!(report.false_explanations, vec![claim]);
    assert_eq!(report.unlisted_gaps[0].reason, UncoveredReason::NotReached);
}

#[test]
fn a_need_every_free_agent_would_break_the_daily_rest_for_names_the_rule() {
    // The only agent works 8:00–20:00; the night post at 22:00 would leave two hours of rest.
    let problem = instance(
        vec![need("jour", "stade", (8, 20), None, 1), need("nuit", "stade", (22, 26), None, 1)],
        vec![agent("a", &[], Sex::Femme)],
    );
    let solution = Solution::new(vec![shift("a", "jour", 8, 20)], vec![]);
    let gaps = explain(&problem, &solution.shifts);
    assert_eq!(gaps.len(), 1);
    assert_eq!(gaps[0].reason, UncoveredReason::WorkingTime);
    assert!(matches!(gaps[0].rule, Some(HardRule::Rest | HardRule::DailyWork)), "{:?}", gaps[0].rule);
    // The rule's sentence continues the explanation after a colon.
    assert!(gaps[0].explanation.contains("Règle en cause : le "), "{}", gaps[0].explanation);
}
