//! Benchmark (ignored by default): the native time of the coverage computation on the plan
//! size the issue sets — 40 zones, 2,000 deployments, 48 hours, needs on every zone — and on
//! four times as many deployments to show how it scales. Prints figures; asserts no timing.
//!
//! ```text
//! cargo test --release -p app --features ssr --test integration bench_coverage -- --ignored --nocapture
//! ```
//!
//! `BENCH_RUNS` sets the number of timed runs (default 50, after 5 warm-up runs).

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::domain::plan::{synthetic_plan, Plan};

const SEED: u64 = 1;

#[test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
fn coverage_of_two_thousand_deployments_over_forty_zones_and_forty_eight_hours() {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(50);
    println!("\ncoverage benchmark: {runs} timed runs after 5 warm-up runs, seed {SEED}");
    println!("{:<34} {:>8} {:>8} {:>8} {:>8}", "plan", "min ms", "median", "mean", "max ms");
    for (zones, deployments, hours) in [(40, 2_000, 48), (40, 8_000, 48)] {
        let built = Instant::now();
        let plan = synthetic_plan(zones, deployments, hours, SEED);
        let build_time = built.elapsed();
        let times = time_coverage(&plan, runs);
        let label = format!("{zones} zones × {deployments} dépl. × {hours} h");
        println!(
            "{label:<34} {:>8.3} {:>8.3} {:>8.3} {:>8.3}",
            ms(times[0]),
            ms(times[times.len() / 2]),
            ms(times.iter().sum::<Duration>() / times.len() as u32),
            ms(times[times.len() - 1])
        );
        describe(&plan, build_time);
    }
}

/// The sorted durations of `runs` coverage computations.
fn time_coverage(plan: &Plan, runs: usize) -> Vec<Duration> {
    for _ in 0..5 {
        black_box(black_box(plan).coverage());
    }
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(black_box(plan).coverage());
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

/// What the plan holds and what its coverage finds, so that the figures can be judged.
fn describe(plan: &Plan, build_time: Duration) {
    let named = plan.deployments.iter().filter(|d| !d.agent_ids().is_empty()).count();
    let report = plan.coverage();
    let intervals: usize = report.needs.iter().map(|n| n.intervals.len()).sum();
    let json = serde_json::to_string(plan).map(|s| s.len()).unwrap_or_default();
    println!(
        "    {} needs, {} deployments ({named} naming agents), {} agents; plan JSON {json} B; built in {:.1} ms",
        plan.needs.len(),
        plan.deployments.len(),
        plan.agents.len(),
        ms(build_time)
    );
    println!(
        "    coverage: {intervals} intervals, {} gaps, {} sex gaps, {} double bookings, {} outside the event",
        report.gaps.len(),
        report.sex_gaps.len(),
        report.double_bookings.len(),
        report.outside_event.len()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}
