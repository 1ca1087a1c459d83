//! Benchmark (ignored by default): rendering the calendar feed of a 1,000-deployment plan
//! (the whole event as the State forces read it, and the largest participant's feed), with
//! the feed's size raw and gzipped. Prints figures; asserts no timing.
//!
//! ```text
//! cargo test --release -p app --features ssr --test integration bench_ical -- --ignored --nocapture
//! ```
//!
//! `BENCH_RUNS` sets the number of timed runs (default 200, after 10 warm-up runs). The gzip
//! size is `gzip -6`'s, run as a program (the size a server compressing at level 6 sends).

use std::hint::black_box;
use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use app::domain::ical::{render_feed, FeedOptions, FeedScope};
use app::domain::plan::{synthetic_plan, Audience, Participant, ParticipantDraft, Plan};
use app::domain::release::Release;

const SEED: u64 = 1;

#[test]
#[ignore = "benchmark: run with --release -- --ignored --nocapture"]
fn rendering_the_feed_of_a_thousand_deployments() {
    let runs: usize = std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let plan = with_phones(synthetic_plan(40, 1_000, 48, SEED));
    let published = app::domain::Instant(plan.event.window().start().millis() - 86_400_000);
    let release = Release::publish(None, plan, "Diffusion", published).expect("a release");
    let options = FeedOptions {
        host: "cordon.example.fr",
        audience: Audience::StateAndPrefecture,
        convention_reference: Some("CLCS-13-2027-001"),
        now: published,
    };
    let busiest = busiest_participant(release.plan());
    println!("\niCal feed benchmark: {runs} timed runs after 10 warm-up runs, seed {SEED}");
    println!(
        "{:<44} {:>7} {:>8} {:>8} {:>8} {:>8} {:>10} {:>9}",
        "feed", "events", "min ms", "median", "mean", "max ms", "raw B", "gzip B"
    );
    for (label, scope) in [
        ("whole event (1,000 deployments)", FeedScope::Event),
        ("busiest participant", FeedScope::Participant(busiest)),
    ] {
        let feed = render_feed(&release, &scope, &options).expect("a feed");
        let times =
            time(runs, || render_feed(black_box(&release), black_box(&scope), black_box(&options)).map(|f| f.len()));
        println!(
            "{label:<44} {:>7} {:>8.3} {:>8.3} {:>8.3} {:>8.3} {:>10} {:>9}",
            feed.matches("BEGIN:VEVENT").count(),
            ms(times[0]),
            ms(times[times.len() / 2]),
            ms(times.iter().sum::<Duration>() / times.len() as u32),
            ms(times[times.len() - 1]),
            feed.len(),
            gzip_size(feed.as_bytes()),
        );
    }
    let json = serde_json::to_string(&release).expect("a release as JSON");
    println!("    the release as JSON (what the store keeps): {} B, gzip {} B", json.len(), gzip_size(json.as_bytes()));
}

/// The synthetic plan's participants have no phone: give each one, as real plans have.
fn with_phones(mut plan: Plan) -> Plan {
    for (i, participant) in plan.participants.iter_mut().enumerate() {
        let draft =
            ParticipantDraft { contact_phone: Some(format!("04 42 00 00 {i:02}")), ..participant.clone().into() };
        *participant = Participant::new(draft).expect("a valid participant");
    }
    plan
}

fn busiest_participant(plan: &Plan) -> String {
    let count = |id: &str| plan.deployments.iter().filter(|d| d.participant_id() == id).count();
    plan.participants.iter().max_by_key(|p| count(p.id())).map(|p| p.id().to_string()).unwrap_or_default()
}

fn time<T>(runs: usize, mut render: impl FnMut() -> T) -> Vec<Duration> {
    for _ in 0..10 {
        black_box(render());
    }
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            black_box(render());
            start.elapsed()
        })
        .collect();
    times.sort();
    times
}

fn gzip_size(bytes: &[u8]) -> usize {
    let mut child =
        Command::new("gzip").arg("-6").arg("-c").stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("gzip");
    child.stdin.take().expect("stdin").write_all(bytes).expect("write to gzip");
    child.wait_with_output().expect("gzip output").stdout.len()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1_000.0
}
