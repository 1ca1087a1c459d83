//! Property tests of the solver against the independent checker, on random small problems
//! (2–6 agents, 1–4 needs on a 15-minute grid over a day, random qualifications, sexes,
//! cards, availabilities and legal flags), and against a brute-force optimum on tiny ones.

use proptest::prelude::*;

use super::fixtures::{agent, at, instance, window};
use super::*;
use crate::domain::plan::{Qualification, Sex, TimeWindow};
use crate::domain::time::Span;

fn quarter(q: i64) -> crate::domain::time::Instant {
    at(0).plus(Span::minutes(15 * q))
}

fn qualification() -> impl Strategy<Value = Option<Qualification>> {
    prop_oneof![
        Just(None),
        Just(Some(Qualification::CqpAps)),
        Just(Some(Qualification::Palpation)),
        Just(Some(Qualification::Ssiap1))
    ]
}

fn random_need(i: usize) -> impl Strategy<Value = ScheduleNeed> {
    (any::<bool>(), 0..80i64, 4..48i64, qualification(), 1..=3u32, 1..=5u8, 0..=1u32).prop_map(
        move |(road, start, length, qualification, headcount, priority, women)| ScheduleNeed {
            id: format!("n{i}"),
            zone: if road { "route" } else { "stade" }.to_string(),
            window: TimeWindow::new(quarter(start), quarter(start + length)).unwrap(),
            qualification,
            min_headcount: headcount,
            priority,
            min_women: if qualification == Some(Qualification::Palpation) { women } else { 0 },
            min_men: 0,
            private_allowed: !road,
            pat_downs_allowed: true,
        },
    )
}

fn random_agent(i: usize) -> impl Strategy<Value = ScheduleAgent> {
    let card = prop_oneof![Just(None), (0..30i64).prop_map(|h| Some(at(h))), Just(Some(at(24 * 365)))];
    (any::<[bool; 3]>(), any::<bool>(), 0..5u8, card, any::<bool>(), 0..12i64, 6..24i64).prop_map(
        move |(held, woman, municipal, card, whole, from, length)| {
            let all = [Qualification::CqpAps, Qualification::Palpation, Qualification::Ssiap1];
            let held: Vec<Qualification> = all.into_iter().zip(held).filter(|(_, h)| *h).map(|(q, _)| q).collect();
            let mut a = agent(&format!("a{i}"), &held, if woman { Sex::Femme } else { Sex::Homme });
            if municipal == 0 {
                a.employer = Employer::Municipal;
            }
            a.card_expires = card;
            if !whole {
                a.availability = vec![window(from, from + length)];
            }
            a
        },
    )
}

/// The instance's rules: the defaults half the time, else any of the variants.
fn rules() -> impl Strategy<Value = ScheduleRules> {
    let sexes =
        prop_oneof![Just(PatDownSexes::Minimums), Just(PatDownSexes::MenOnceWomenThere), Just(PatDownSexes::Exclusive)];
    let idle = prop_oneof![Just(IdleTime::default()), Just(IdleTime { allowed: false, cost_per_minute: 1 })];
    let split = prop_oneof![
        Just(SplitShifts::default()),
        Just(SplitShifts { allowed: true, min_gap_minutes: 120 }),
        Just(SplitShifts { allowed: false, min_gap_minutes: 0 })
    ];
    prop_oneof![
        Just(ScheduleRules::default()),
        (sexes, idle, split).prop_map(|(pat_down_sexes, idle_time, split_shifts)| ScheduleRules {
            idle_time,
            split_shifts,
            pat_down_sexes
        })
    ]
}

pub(super) fn random_instance() -> impl Strategy<Value = Instance> {
    let needs = (1..=4usize).prop_flat_map(|n| (0..n).map(random_need).collect::<Vec<_>>());
    let agents = (2..=6usize).prop_flat_map(|n| (0..n).map(random_agent).collect::<Vec<_>>());
    (needs, agents, any::<[bool; 2]>(), rules()).prop_map(|(needs, agents, [basis, road], rules)| {
        let mut problem = instance(needs, agents);
        problem.rules = rules;
        for need in &mut problem.needs {
            need.pat_downs_allowed = basis;
            need.private_allowed = need.private_allowed || road;
        }
        problem
    })
}

fn solve_steps(problem: &Instance, seed: u64) -> Solution {
    solve(problem, seed, &mut steps(5_000))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_solution_the_solver_returns_breaks_no_hard_rule(problem in random_instance(), seed in any::<u64>()) {
        let solution = solve_steps(&problem, seed);
        let report = check(&problem, &solution);
        prop_assert!(report.is_feasible(), "{:?}", report.violations);
    }

    #[test]
    fn solving_twice_with_the_same_seed_gives_the_same_solution(problem in random_instance(), seed in any::<u64>()) {
        prop_assert_eq!(solve_steps(&problem, seed), solve_steps(&problem, seed));
    }

    #[test]
    fn re_solving_an_unchanged_problem_with_its_previous_solution_changes_nothing(
        problem in random_instance(),
        seed in any::<u64>(),
        other_seed in any::<u64>(),
    ) {
        let first = solve_steps(&problem, seed);
        let again = Instance { previous: Some(first.clone()), ..problem };
        prop_assert_eq!(&solve_steps(&again, seed), &first);
        prop_assert_eq!(&solve_steps(&again, other_seed), &first);
    }

    #[test]
    fn after_a_need_is_cancelled_the_release_s_other_shifts_are_all_kept_when_they_still_fit(
        problem in random_instance(),
        seed in any::<u64>(),
        cancelled in any::<prop::sample::Index>(),
    ) {
        prop_assume!(problem.needs.len() >= 2);
        let release = solve_steps(&problem, seed);
        let gone = problem.needs[cancelled.index(problem.needs.len())].id.clone();
        let mut changed = Instance { previous: Some(release.clone()), ..problem };
        changed.needs.retain(|n| n.id != gone);
        // What the release still holds once the cancelled need's shifts are gone.
        let still: Vec<Shift> = release.shifts.iter().filter(|s| s.need != gone).cloned().collect();
        let replanned = solve_steps(&changed, seed);
        let given_up = still.iter().filter(|s| !replanned.shifts.contains(s)).count();
        let kept = check(&Instance { previous: None, ..changed.clone() }, &Solution::new(still, Vec::new()));
        let (kept_score, new_score) = (kept.score, check(&changed, &replanned).score);
        // (A piece left shorter than the minimum shift by the cancellation must go.)
        // Nothing over-covers after a cancellation, so nothing may be let go.
        if kept.is_feasible() && kept_score.over_coverage_minutes == 0 {
            prop_assert_eq!(given_up, 0, "release shifts given up for {:?} against {:?}", new_score, kept_score);
        }
        if kept.is_feasible() {
            prop_assert!(new_score.uncovered_weighted_minutes <= kept_score.uncovered_weighted_minutes);
        }
    }

    #[test]
    fn every_uncovered_part_the_solver_reports_is_a_real_gap_with_a_true_french_explanation(
        problem in random_instance(),
        seed in any::<u64>(),
    ) {
        let solution = solve_steps(&problem, seed);
        let report = check(&problem, &solution);
        prop_assert_eq!(solution.uncovered.is_empty(), report.score.uncovered_weighted_minutes == 0);
        prop_assert!(report.explanations_hold(), "{:?} / {:?}", report.false_explanations, report.unlisted_gaps);
        for gap in &solution.uncovered {
            prop_assert!(gap.missing > 0 && gap.start < gap.end);
            prop_assert_eq!(&gap.explanation, &Uncovered::explanation_of(gap.reason, gap.rule));
            // The search converged: nothing it left open was within reach of one more shift.
            prop_assert_ne!(gap.reason, UncoveredReason::NotReached);
        }
    }

    #[test]
    fn a_search_cut_short_still_explains_every_gap_truly(
        problem in random_instance(),
        seed in any::<u64>(),
        budget in 0..40u64,
    ) {
        let solution = solve(&problem, seed, &mut steps(budget));
        let report = check(&problem, &solution);
        prop_assert!(report.is_feasible(), "{:?}", report.violations);
        prop_assert!(report.explanations_hold(), "{:?} / {:?}", report.false_explanations, report.unlisted_gaps);
    }
}
