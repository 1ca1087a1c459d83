//! Property tests of the large-neighbourhood search: from any plan the construction builds,
//! on random small problems and on a slice of the generated city, it never ends worse than
//! it began and never returns a plan the checker faults; and on the city slice a longer budget
//! (in steps: no clock in a test) never gives a worse plan than a shorter one.

use proptest::prelude::*;

use super::construct::fill_need;
use super::lns::Lns;
use super::solver::shifts_of;
use super::solver_props::random_instance;
use super::state::{Context, State, Value};
use super::*;

/// The needs in the solver's order: priority, then start.
fn order_of(problem: &Instance) -> Vec<usize> {
    let mut order: Vec<usize> = (0..problem.needs.len()).collect();
    order.sort_by_key(|&n| (problem.needs[n].priority, problem.needs[n].window.start(), problem.needs[n].id.clone()));
    order
}

/// Builds a plan with the construction (need after need, `built` of them), runs the
/// large-neighbourhood search on it for `budget` steps; the objective before and after, and
/// the checker's report on the plan it ends with.
fn search_from_construction(problem: &Instance, seed: u64, built: usize, budget: u64) -> (Value, Value, Report) {
    let ctx = Context::new(problem, seed);
    let order = order_of(problem);
    let mut state = State::new(&ctx);
    for &n in order.iter().take(built) {
        fill_need(&mut state, n);
    }
    state.commit();
    let before = state.value();
    let mut step = 0;
    Lns::new(&order, seed).search(&mut state, &mut steps(budget), &mut step, u64::MAX);
    let after = state.value();
    (before, after, check(problem, &shifts_of(&state)))
}

/// A slice of the generated city: its first three zones (of 60) and as many of its agents
/// (150 of 3,000), so that a debug build solves it in seconds.
fn city_slice(seed: u64) -> Instance {
    let mut city = generate(Size::City, seed);
    let zones: Vec<String> = city.zones.iter().take(3).map(|z| z.id.clone()).collect();
    city.zones.truncate(3);
    city.needs.retain(|n| zones.contains(&n.zone));
    city.agents.truncate(150);
    city
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_large_neighbourhood_search_never_ends_worse_than_the_plan_it_starts_from(
        problem in random_instance(),
        seed in any::<u64>(),
        built in 0..5usize,
        budget in 0..200u64,
    ) {
        let (before, after, report) = search_from_construction(&problem, seed, built, budget);
        prop_assert!(after <= before, "{after:?} after, {before:?} before");
        prop_assert!(report.is_feasible(), "{:?}", report.violations);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2))]

    #[test]
    fn on_a_slice_of_the_city_the_large_neighbourhood_search_keeps_every_rule_and_never_loses_ground(
        seed in any::<u64>(),
    ) {
        let problem = city_slice(seed);
        // From a plan half built: the search has gaps to work on.
        let (before, after, report) = search_from_construction(&problem, seed, problem.needs.len() / 2, 60);
        prop_assert!(after <= before, "{after:?} after, {before:?} before");
        prop_assert!(report.is_feasible(), "{:?}", report.violations.first());
    }

    #[test]
    fn on_a_slice_of_the_city_a_longer_budget_never_gives_a_worse_plan(seed in any::<u64>()) {
        let problem = city_slice(seed);
        // The construction alone takes about 230 steps here (a need each, a quarter-hour each).
        let short = check(&problem, &solve(&problem, seed, &mut steps(300)));
        let long = check(&problem, &solve(&problem, seed, &mut steps(1_500)));
        prop_assert!(short.is_feasible() && long.is_feasible());
        prop_assert!(long.score <= short.score, "{:?} long, {:?} short", long.score, short.score);
    }
}
