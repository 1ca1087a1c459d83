//! On 200 fixed tiny problems (2–3 agents, 2–3 needs, 6 hours on a 2-hour grid), the
//! solver's score against the best score of every feasible schedule, enumerated agent by
//! agent.

use proptest::prelude::*;

use super::fixtures::{agent, at, instance, window};
use super::*;
use crate::domain::plan::{Qualification, Sex};

const SLOTS: usize = 3; // 2-hour slots in 6 hours

fn tiny_need(i: usize) -> impl Strategy<Value = ScheduleNeed> {
    (0..SLOTS as i64, 1..=SLOTS as i64, 1..=2u32, 1..=5u8, any::<bool>()).prop_map(
        move |(start, length, headcount, priority, ssiap)| ScheduleNeed {
            id: format!("n{i}"),
            zone: "stade".to_string(),
            window: window(2 * start, 2 * (start + length).min(SLOTS as i64)),
            qualification: ssiap.then_some(Qualification::Ssiap1),
            min_headcount: headcount,
            priority,
            min_women: 0,
            min_men: 0,
            private_allowed: true,
            pat_downs_allowed: true,
        },
    )
}

fn tiny_agent(i: usize) -> impl Strategy<Value = ScheduleAgent> {
    (any::<bool>(), any::<bool>()).prop_map(move |(ssiap, woman)| {
        let held: &[Qualification] = if ssiap { &[Qualification::Ssiap1] } else { &[] };
        let mut a = agent(&format!("a{i}"), held, if woman { Sex::Femme } else { Sex::Homme });
        a.availability = vec![window(0, 2 * SLOTS as i64)];
        a
    })
}

fn tiny_instance() -> impl Strategy<Value = Instance> {
    let needs = (2..=3usize).prop_flat_map(|n| (0..n).map(tiny_need).collect::<Vec<_>>());
    let agents = (2..=3usize).prop_flat_map(|n| (0..n).map(tiny_agent).collect::<Vec<_>>());
    (needs, agents).prop_map(|(needs, agents)| instance(needs, agents))
}

/// Every feasible day of one agent: each 2-hour slot idle or on one need, touching slots on
/// the same need joined into one shift.
fn agent_options(problem: &Instance, a: usize) -> Vec<Vec<Shift>> {
    let choices = problem.needs.len() + 1;
    let mut options = Vec::new();
    for code in 0..choices.pow(SLOTS as u32) {
        let mut shifts: Vec<Shift> = Vec::new();
        for slot in 0..SLOTS {
            let choice = code / choices.pow(slot as u32) % choices;
            if choice == 0 {
                continue;
            }
            let need = problem.needs[choice - 1].id.clone();
            let (start, end) = (at(2 * slot as i64), at(2 * slot as i64 + 2));
            match shifts.last_mut() {
                Some(last) if last.end == start && last.need == need => last.end = end,
                _ => shifts.push(Shift { agent: problem.agents[a].id.clone(), need, start, end }),
            }
        }
        if check(problem, &Solution::new(shifts.clone(), Vec::new())).is_feasible() {
            options.push(shifts);
        }
    }
    options
}

/// The best score over every combination of the agents' feasible days.
fn brute_force_best(problem: &Instance) -> Score {
    let options: Vec<Vec<Vec<Shift>>> = (0..problem.agents.len()).map(|a| agent_options(problem, a)).collect();
    let mut best: Option<Score> = None;
    let mut pick = vec![0usize; options.len()];
    loop {
        let shifts: Vec<Shift> = pick.iter().zip(&options).flat_map(|(&i, o)| o[i].clone()).collect();
        // Every option is feasible on its own and the rules are per agent: only the score is left.
        let score = super::score::score(problem, &Solution::new(shifts, Vec::new()));
        best = Some(best.map_or(score, |b| b.min(score)));
        let mut k = 0;
        while k < pick.len() {
            pick[k] += 1;
            if pick[k] < options[k].len() {
                break;
            }
            pick[k] = 0;
            k += 1;
        }
        if k == pick.len() {
            return best.unwrap_or_default();
        }
    }
}

/// How many of the fixed tiny problems the solver must solve to optimality (out of 200):
/// the local search is a heuristic, and the one it misses needs a swap between two agents'
/// working shifts that no single move makes (199 when this was written).
const OPTIMAL_AT_LEAST: usize = 199;

#[test]
fn on_tiny_problems_the_solver_never_beats_and_nearly_always_reaches_the_brute_force_optimum() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]);
    let mut runner = TestRunner::new_with_rng(Config::default(), rng);
    let mut optimal = 0;
    for seed in 0..200u64 {
        let problem = tiny_instance().new_tree(&mut runner).unwrap().current();
        let solution = solve(&problem, seed, &mut steps(10_000));
        let (found, best) = (check(&problem, &solution).score, brute_force_best(&problem));
        assert!(found >= best, "the solver beat the enumeration: {found:?} < {best:?} on {problem:?}");
        optimal += usize::from(found == best);
    }
    assert!(optimal >= OPTIMAL_AT_LEAST, "optimal on {optimal} of 200");
    eprintln!("optimal on {optimal} of 200 tiny problems");
}
