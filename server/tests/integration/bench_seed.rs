//! Benchmark set-up (ignored by default, not a test): fills the database named by
//! `BENCH_DATABASE_URL` with the demo and a synthetic event of 40 zones, 2,000 deployments
//! and 48 hours organised by the demo organiser, then prints `BENCH_EVENT_ID=…`.
//! `tests/bench/plan-page.sh` runs it; `BENCH_DEPLOYMENTS`, `BENCH_ZONES`, `BENCH_HOURS` and
//! `BENCH_SEED` change the plan.
//!
//! ```text
//! BENCH_DATABASE_URL="sqlite:///tmp/bench.sqlite?mode=rwc" \
//!   cargo test --release -p cordon --test integration bench_seed -- --ignored --nocapture
//! ```

use app::domain::plan::{synthetic_plan, Participant, ParticipantDraft, Plan};
use app::domain::Instant;
use app::store::plans::{self, RecordKind};
use app::store::{self, organisations, Db};

/// The demo organisation behind each synthetic participant, in `synthetic_plan`'s order;
/// `None` keeps the participant's own (unregistered) organisation.
const ORGANISATIONS: [Option<&str>; 8] = [
    Some("Comité des fêtes de Martigues"),
    Some("Commissariat de police de Martigues"),
    Some("Police municipale de Martigues"),
    Some("Provence Sécurité Événements"),
    Some("Azur Protection Services"),
    None,
    None,
    Some("Préfecture des Bouches-du-Rhône"),
];

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "benchmark set-up: run by tests/bench/plan-page.sh"]
async fn seed_the_benchmark_database() {
    let url = std::env::var("BENCH_DATABASE_URL").expect("BENCH_DATABASE_URL names the database to fill");
    let db = store::connect(&url).await.expect("database");
    store::migrate(&db).await.expect("migrations");
    let now = Instant::from(chrono::Utc::now());
    cordon_server::demo::load_if_empty(&db, now).await.expect("demo");
    let mut plan = synthetic_plan(
        env_or("BENCH_ZONES", 40),
        env_or("BENCH_DEPLOYMENTS", 2_000),
        env_or("BENCH_HOURS", 48),
        env_or("BENCH_SEED", 1),
    );
    plan.participants = attach_to_demo_organisations(&db, plan.participants).await;
    let started = std::time::Instant::now();
    let event_id = insert_plan(&db, &plan, now).await;
    println!(
        "seeded {} zones, {} needs, {} agents, {} deployments in {:.1} s",
        plan.zones.len(),
        plan.needs.len(),
        plan.agents.len(),
        plan.deployments.len(),
        started.elapsed().as_secs_f64()
    );
    println!("BENCH_EVENT_ID={event_id}");
}

/// The synthetic participants, each taken over by the demo organisation in its place.
async fn attach_to_demo_organisations(db: &Db, participants: Vec<Participant>) -> Vec<Participant> {
    let mut attached = Vec::new();
    for (participant, name) in participants.into_iter().zip(ORGANISATIONS) {
        let Some(name) = name else {
            attached.push(participant);
            continue;
        };
        let organisation = organisations::find_by_name(db, name).await.expect("query").expect(name);
        let draft =
            ParticipantDraft { organisation_id: organisation.id, name: organisation.name, ..participant.into() };
        attached.push(Participant::new(draft).expect("a valid participant"));
    }
    attached
}

/// Who the audit trail names for the benchmark's records.
const BENCH_ACTOR: &str = "banc d’essai";

/// Stores the plan record by record, as the planner's forms do; returns the event's id.
async fn insert_plan(db: &Db, plan: &Plan, now: Instant) -> String {
    let event_id = plan.event.id().to_string();
    let organiser = &plan.participants[0];
    plans::create_event(db, BENCH_ACTOR, &plan.event, organiser.organisation_id(), organiser, now)
        .await
        .expect("event");
    let org_of = |participant_id: &str| {
        plan.participants.iter().find(|p| p.id() == participant_id).map(|p| p.organisation_id().to_string())
    };
    for p in &plan.participants[1..] {
        let org = Some(p.organisation_id());
        plans::insert_record(db, BENCH_ACTOR, &event_id, RecordKind::Participant, p.id(), None, org, p, now)
            .await
            .expect("p");
    }
    for z in &plan.zones {
        plans::insert_record(db, BENCH_ACTOR, &event_id, RecordKind::Zone, z.id(), None, None, z, now)
            .await
            .expect("zone");
    }
    for a in &plan.agents {
        let (participant, org) = (Some(a.participant_id()), org_of(a.participant_id()));
        plans::insert_record(
            db,
            BENCH_ACTOR,
            &event_id,
            RecordKind::Agent,
            a.id(),
            participant,
            org.as_deref(),
            a,
            now,
        )
        .await
        .expect("agent");
    }
    for n in &plan.needs {
        plans::insert_record(db, BENCH_ACTOR, &event_id, RecordKind::Need, n.id(), None, None, n, now)
            .await
            .expect("need");
    }
    for d in &plan.deployments {
        let (participant, org) = (Some(d.participant_id()), org_of(d.participant_id()));
        plans::insert_record(
            db,
            BENCH_ACTOR,
            &event_id,
            RecordKind::Deployment,
            d.id(),
            participant,
            org.as_deref(),
            d,
            now,
        )
        .await
        .expect("deployment");
    }
    event_id
}
