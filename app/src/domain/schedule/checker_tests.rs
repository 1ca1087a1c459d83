//! Each hard rule of the checker on a case that breaks it and one that does not, and the
//! score on a case counted by hand.

use super::fixtures::{agent, at, instance, need, window};
use super::*;
use crate::domain::plan::{Qualification, Sex};

const PALPATION: Qualification = Qualification::Palpation;

fn shift(agent: &str, need: &str, from: i64, to: i64) -> Shift {
    Shift { agent: agent.to_string(), need: need.to_string(), start: at(from), end: at(to) }
}

fn rules(instance: &Instance, shifts: Vec<Shift>) -> Vec<HardRule> {
    let mut rules: Vec<HardRule> =
        check(instance, &Solution::new(shifts, Vec::new())).violations.into_iter().map(|v| v.rule).collect();
    rules.dedup();
    rules
}

fn stadium(qualification: Option<Qualification>) -> Instance {
    instance(
        vec![need("n", "stade", (8, 20), qualification, 1)],
        vec![agent("a", &[Qualification::CqpAps], Sex::Homme), agent("p", &[PALPATION], Sex::Femme)],
    )
}

#[test]
fn an_eight_hour_shift_of_a_qualified_available_agent_breaks_no_rule() {
    assert_eq!(rules(&stadium(Some(Qualification::CqpAps)), vec![shift("a", "n", 8, 16)]), vec![]);
}

#[test]
fn an_agent_without_the_qualification_breaks_the_qualification_rule() {
    assert_eq!(
        rules(&stadium(Some(Qualification::Ssiap1)), vec![shift("a", "n", 8, 16)]),
        vec![HardRule::Qualification]
    );
}

#[test]
fn a_shift_naming_an_unknown_agent_is_malformed() {
    assert_eq!(rules(&stadium(None), vec![shift("x", "n", 8, 16)]), vec![HardRule::Malformed]);
}

#[test]
fn one_agent_on_two_overlapping_shifts_is_in_two_places_at_once() {
    let mut two = stadium(None);
    two.needs.push(need("m", "stade", (8, 20), None, 1));
    assert_eq!(rules(&two, vec![shift("a", "n", 8, 14), shift("a", "m", 12, 16)]), vec![HardRule::Overlap]);
    assert_eq!(rules(&two, vec![shift("a", "n", 8, 12), shift("a", "m", 12, 16)]), vec![]);
}

#[test]
fn a_shift_outside_the_agents_availability_is_refused() {
    let mut busy = stadium(None);
    busy.agents[0].availability = vec![window(12, 24)];
    assert_eq!(rules(&busy, vec![shift("a", "n", 8, 16)]), vec![HardRule::Availability]);
    assert_eq!(rules(&busy, vec![shift("a", "n", 12, 20)]), vec![]);
}

#[test]
fn a_private_agent_on_the_public_road_needs_the_l613_1_authorisation() {
    let mut road = instance(vec![need("r", "route", (8, 20), None, 1)], vec![agent("a", &[], Sex::Homme)]);
    assert_eq!(rules(&road, vec![shift("a", "r", 8, 16)]), vec![HardRule::PublicRoad]);
    road.agents[0].employer = Employer::Municipal;
    assert_eq!(rules(&road, vec![shift("a", "r", 8, 16)]), vec![]);
    road.agents[0].employer = Employer::Private;
    road.needs[0].private_allowed = true;
    assert_eq!(rules(&road, vec![shift("a", "r", 8, 16)]), vec![]);
}

#[test]
fn pat_downs_without_a_legal_basis_are_refused() {
    let mut small = stadium(Some(PALPATION));
    small.needs[0].pat_downs_allowed = false;
    assert_eq!(rules(&small, vec![shift("p", "n", 8, 16)]), vec![HardRule::PatDownLegalBasis]);
    small.needs[0].pat_downs_allowed = true;
    assert_eq!(rules(&small, vec![shift("p", "n", 8, 16)]), vec![]);
}

#[test]
fn a_man_may_not_search_on_a_lane_for_women_only() {
    let mut lane = stadium(Some(PALPATION));
    lane.needs[0].min_women = 1;
    lane.rules.pat_down_sexes = PatDownSexes::Exclusive;
    lane.agents.push(agent("m", &[PALPATION], Sex::Homme));
    assert_eq!(rules(&lane, vec![shift("m", "n", 8, 16)]), vec![HardRule::PatDownSex]);
    assert_eq!(rules(&lane, vec![shift("p", "n", 8, 16)]), vec![]);
}

#[test]
fn a_card_expiring_during_the_shift_or_missing_is_refused_but_a_municipal_officer_needs_none() {
    let mut cards = stadium(None);
    cards.agents[0].card_expires = Some(at(15));
    assert_eq!(rules(&cards, vec![shift("a", "n", 8, 16)]), vec![HardRule::Card]);
    cards.agents[0].card_expires = None;
    assert_eq!(rules(&cards, vec![shift("a", "n", 8, 16)]), vec![HardRule::Card]);
    cards.agents[0].employer = Employer::Municipal;
    assert_eq!(rules(&cards, vec![shift("a", "n", 8, 16)]), vec![]);
}

#[test]
fn a_thirteen_hour_shift_breaks_the_shift_and_daily_maxima_and_a_three_hour_one_the_minimum() {
    let long = instance(vec![need("n", "stade", (6, 22), None, 1)], vec![agent("a", &[], Sex::Homme)]);
    assert_eq!(rules(&long, vec![shift("a", "n", 6, 19)]), vec![HardRule::MaxShift, HardRule::DailyWork]);
    assert_eq!(rules(&long, vec![shift("a", "n", 6, 9)]), vec![HardRule::MinShift]);
    assert_eq!(rules(&long, vec![shift("a", "n", 6, 18)]), vec![]);
}

#[test]
fn a_morning_and_an_evening_shift_the_same_day_leave_too_little_rest_unless_eleven_hours_suffice() {
    let mut split = instance(vec![need("n", "stade", (6, 22), None, 1)], vec![agent("a", &[], Sex::Homme)]);
    assert_eq!(rules(&split, vec![shift("a", "n", 6, 10), shift("a", "n", 17, 21)]), vec![HardRule::Rest]);
    assert_eq!(rules(&split, vec![shift("a", "n", 6, 10), shift("a", "n", 15, 19)]), vec![HardRule::Rest]);
    split.working_time.min_rest_minutes = 11 * 60;
    assert_eq!(rules(&split, vec![shift("a", "n", 6, 10), shift("a", "n", 15, 19)]), vec![]);
}

#[test]
fn six_days_of_nine_hours_break_the_weekly_maximum_and_seven_days_the_days_per_week() {
    // Monday 21 to Sunday 27 June 2027: days 3 to 9 after Friday 18.
    let week = instance(vec![need("n", "stade", (24 * 3, 24 * 10), None, 1)], vec![agent("a", &[], Sex::Homme)]);
    let days =
        |count: i64, hours: i64| (3..3 + count).map(|d| shift("a", "n", 24 * d + 8, 24 * d + 8 + hours)).collect();
    // 54 h without a day off also breaks the 24 h of rest owed after 48 h of work.
    assert_eq!(rules(&week, days(6, 9)), vec![HardRule::Rest, HardRule::WeeklyWork]);
    assert_eq!(rules(&week, days(7, 4)), vec![HardRule::DaysPerWeek]);
    assert_eq!(rules(&week, days(6, 8)), vec![]);
}

#[test]
fn the_score_counts_weighted_gaps_surplus_shifts_pay_spread_and_changes() {
    let mut two = instance(
        vec![need("n", "stade", (8, 16), None, 2), need("m", "stade", (8, 12), None, 1)],
        vec![agent("a", &[], Sex::Homme), agent("b", &[], Sex::Femme)],
    );
    two.needs[0].priority = 2; // weight 4
    two.previous = Some(Solution::new(vec![shift("a", "n", 8, 16)], Vec::new()));
    let report = check(&two, &Solution::new(vec![shift("a", "n", 8, 16), shift("b", "m", 8, 14)], Vec::new()));
    assert!(report.is_feasible(), "{:?}", report.violations);
    // n misses one agent for 8 h (480 min × 4); b works 2 h beyond m's window.
    let expected = Score {
        uncovered_weighted_minutes: 480 * 4,
        over_coverage_minutes: 120,
        shifts: 2,
        paid_minutes: 14 * 60,
        fairness_spread_minutes: 120,
        changes: 1,
    };
    assert_eq!(report.score, expected);
}
