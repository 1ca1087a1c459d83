//! The scheduler's benchmark, ignored by default: for each generated size, the time the
//! construction and the search take and the score reached. Run with
//! `cargo test -p app --features ssr --lib schedule::bench -- --ignored --nocapture`
//! (`CORDON_BENCH_SECONDS`, default 20, bounds the search per size).

use super::*;

#[test]
#[ignore = "benchmark: minutes of run time"]
fn benchmark_each_generated_size() {
    let seconds: f64 = std::env::var("CORDON_BENCH_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(20.0);
    for size in [Size::Village, Size::Fair, Size::Stadium, Size::City, Size::Route, Size::Peaks, Size::Festival] {
        let instance = generate(size, 1);
        let started = std::time::Instant::now();
        let deadline = started + std::time::Duration::from_secs_f64(seconds);
        let mut steps_done = 0;
        let solution = solve(&instance, 1, &mut |step| {
            steps_done = step;
            std::time::Instant::now() < deadline
        });
        let elapsed = started.elapsed().as_secs_f64();
        let report = check(&instance, &solution);
        let demand: u64 = instance
            .needs
            .iter()
            .map(|n| u64::from(n.min_headcount) * (n.window.duration().0 / 60_000) as u64 * n.weight())
            .sum();
        eprintln!(
            "{size:?}: {} agents, {} needs, {elapsed:.1} s, {steps_done} steps, {} shifts, {} violations, \
             uncovered {:.1} % of weighted demand, score {:?}",
            instance.agents.len(),
            instance.needs.len(),
            solution.shifts.len(),
            report.violations.len(),
            100.0 * report.score.uncovered_weighted_minutes as f64 / demand.max(1) as f64,
            report.score
        );
        assert!(report.is_feasible(), "{:?}", report.violations.first());
    }
}
