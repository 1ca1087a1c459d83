//! Benchmark (ignored by default): the convention of a 300-deployment plan, built from its
//! release and rendered to PDF by Typst, with the time of each stage and the PDF's size and
//! pages. Prints figures; asserts no timing (the issue's target is under 1 s).
//!
//! ```text
//! cargo test --release -p app --features ssr --test integration bench_convention -- --ignored --nocapture
//! ```
//!
//! `BENCH_RUNS` sets the number of timed runs (default 20, after 2 warm-up runs).

use std::hint::black_box;
use std::time::{Duration, Instant};

use app::domain::compliance::{check_plan, ComplianceContext, RuleSet};
use app::domain::document::{build_convention, render_typst, ConventionInputs};
use app::domain::plan::synthetic_plan;
use app::domain::release::Release;

const SEED: u64 = 1;

#[test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
fn rendering_the_convention_of_a_300_deployment_plan() {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(20);
    let plan = synthetic_plan(20, 300, 24, SEED);
    let published = app::domain::Instant(plan.event.window().start().millis() - 86_400_000);
    let release = Release::publish(None, plan, "Diffusion", published).expect("a release");
    let findings = check_plan(release.plan(), &RuleSet::defaults(), &ComplianceContext::at(published));
    let inputs = ConventionInputs::new("CLCS-13-2027-0300", published);
    let document = build_convention(&release, &findings, &inputs);
    let source = render_typst(&document);
    let pdf = app::pdf::render_convention_pdf(&document).expect("a PDF");
    // Written for a look and for `pdfinfo` (the page count): Typst compresses its objects.
    let written = std::env::temp_dir().join("cordon-bench-convention.pdf");
    std::fs::write(&written, &pdf).expect("the PDF written");
    println!(
        "\nConvention benchmark: {} zones, {} deployments, {} findings ({} in the annex); {runs} timed runs after 2 \
warm-up runs, seed {SEED}",
        release.plan().zones.len(),
        release.plan().deployments.len(),
        findings.len(),
        document.annex.len()
    );
    println!("Typst source {} B, PDF {} B, written to {}", source.len(), pdf.len(), written.display());
    println!("{:<46} {:>9} {:>9} {:>9} {:>9}", "stage", "min ms", "median", "mean", "max ms");
    report(
        "build_convention (document model)",
        &time(runs, || build_convention(&release, &findings, &inputs).articles.len()),
    );
    report("render_typst (source text)", &time(runs, || render_typst(black_box(&document)).len()));
    report(
        "PDF, Typst's memo cache warm (same document)",
        &time(runs, || app::pdf::render_convention_pdf(black_box(&document)).map(|p| p.len()).unwrap_or(0)),
    );
    report(
        "PDF, Typst's memo cache cleared before each run",
        &time(runs, || {
            app::pdf::clear_cache();
            app::pdf::render_convention_pdf(black_box(&document)).map(|p| p.len()).unwrap_or(0)
        }),
    );
    report(
        "whole, cold: findings + document + PDF",
        &time(runs, || {
            app::pdf::clear_cache();
            let findings = check_plan(release.plan(), &RuleSet::defaults(), &ComplianceContext::at(published));
            let document = build_convention(&release, &findings, &inputs);
            app::pdf::render_convention_pdf(&document).map(|p| p.len()).unwrap_or(0)
        }),
    );
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Vec<Duration> {
    for _ in 0..2 {
        black_box(f());
    }
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let started = Instant::now();
            black_box(f());
            started.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn report(label: &str, times: &[Duration]) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len() as f64;
    println!(
        "{label:<46} {:>9.1} {:>9.1} {:>9.1} {:>9.1}",
        ms(times[0]),
        ms(times[times.len() / 2]),
        mean,
        ms(times[times.len() - 1])
    );
}
