//! Store tests of the plans an instance keeps decoded (`plans::load_plan`, `plans::memo`):
//! whatever writes a plan — a save, a removal, a batch, an event's change, a statement typed
//! on the database, another instance — the next read is the plan as written. Every case runs
//! on a fresh SQLite file and on a fresh PostgreSQL database.

use std::sync::atomic::{AtomicUsize, Ordering};

use app::domain::Instant;
use app::store::plan_io;
use app::store::plans::{self, RecordKind, Saved};
use app::store::Db;

use super::store_plan_io::{example, T0};
use app::on_both_backends;

on_both_backends!(
    a_plan_read_again_is_the_plan_as_last_written_whoever_wrote_it,
    what_is_worked_out_of_a_plan_is_worked_out_again_after_a_write_only,
);

const LATER: Instant = Instant(T0.0 + 60_000);

/// A second instance on the same database: its own pool, its own plans kept.
async fn other_instance(db: &Db) -> Db {
    let url = db.pool.connect_options().database_url.to_string();
    app::store::connect(&url).await.unwrap()
}

async fn imported(db: &Db) -> String {
    let plan = example(db).await;
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    plan_io::import_plan_records(db, "test", &plan, &organiser, None, T0).await.unwrap();
    plan.event.id().to_string()
}

async fn zone_names(db: &Db, event: &str) -> Vec<String> {
    let stored = plans::load_plan(db, event).await.unwrap().unwrap();
    stored.plan.zones.iter().map(|z| z.name().to_string()).collect()
}

async fn a_plan_read_again_is_the_plan_as_last_written_whoever_wrote_it(db: Db) {
    let event = imported(&db).await;
    let other = other_instance(&db).await;
    let before = plans::load_plan(&db, &event).await.unwrap().unwrap();
    assert_eq!(zone_names(&other, &event).await, zone_names(&db, &event).await, "both instances read it");
    let zone = before.plan.zones[0].clone();

    // A save through this instance: both read the new name and version.
    let mut renamed = serde_json::to_value(&zone).unwrap();
    renamed["name"] = "Boulevard de la Marine (nord)".into();
    let saved = plans::update_record(&db, "test", &event, RecordKind::Zone, zone.id(), 1, &renamed, LATER).await;
    assert_eq!(saved.unwrap(), Saved::Done(2));
    for reader in [&db, &other] {
        let stored = plans::load_plan(reader, &event).await.unwrap().unwrap();
        assert_eq!(stored.plan.zones[0].name(), "Boulevard de la Marine (nord)");
        assert_eq!(stored.versions[zone.id()], 2);
    }

    // A removal through the other instance.
    let need = before.plan.needs.iter().find(|n| n.post_id().is_none()).unwrap();
    let removed = plans::delete_record(&other, "test", &event, RecordKind::Need, need.id(), 1, LATER).await;
    assert_eq!(removed.unwrap(), Saved::Done(0));
    for reader in [&db, &other] {
        let stored = plans::load_plan(reader, &event).await.unwrap().unwrap();
        assert_eq!(stored.plan.needs.len(), before.plan.needs.len() - 1);
        assert!(stored.plan.needs.iter().all(|n| n.id() != need.id()));
    }

    // A statement typed on the database, past every function of the store.
    let mut typed = renamed.clone();
    typed["name"] = "Boulevard de la Marine (sud)".into();
    sqlx::query("UPDATE plan_records SET data = $1 WHERE id = $2")
        .bind(typed.to_string())
        .bind(zone.id())
        .execute(&db.pool)
        .await
        .unwrap();
    for reader in [&db, &other] {
        assert_eq!(zone_names(reader, &event).await[0], "Boulevard de la Marine (sud)");
    }

    // The event itself, changed by the other instance.
    let mut event_changed = before.plan.event.clone();
    let mut value = serde_json::to_value(&event_changed).unwrap();
    value["name"] = "Fête des Remparts 2026 (report)".into();
    event_changed = serde_json::from_value(value).unwrap();
    let saved = plans::update_event(&other, "test", &event_changed, before.event_version, LATER).await;
    assert_eq!(saved.unwrap(), Saved::Done(before.event_version + 1));
    for reader in [&db, &other] {
        let stored = plans::load_plan(reader, &event).await.unwrap().unwrap();
        assert_eq!(stored.plan.event.name(), "Fête des Remparts 2026 (report)");
        assert_eq!(stored.plan.zones[0].name(), "Boulevard de la Marine (sud)", "its records as they were");
    }
}

async fn what_is_worked_out_of_a_plan_is_worked_out_again_after_a_write_only(db: Db) {
    let event = imported(&db).await;
    let computed = AtomicUsize::new(0);
    let count_needs = |stored: &plans::StoredPlan| {
        plans::memo(&db, stored, "needs", || {
            computed.fetch_add(1, Ordering::SeqCst);
            stored.plan.needs.len()
        })
    };
    let stored = plans::load_plan(&db, &event).await.unwrap().unwrap();
    let needs = stored.plan.needs.len();
    assert_eq!(count_needs(&stored), needs);
    let again = plans::load_plan(&db, &event).await.unwrap().unwrap();
    assert_eq!(count_needs(&again), needs);
    assert_eq!(computed.load(Ordering::SeqCst), 1, "read twice, worked out once");
    let other_key = plans::memo(&db, &again, "another question", || 7);
    assert_eq!((other_key, computed.load(Ordering::SeqCst)), (7, 1), "a key is its own question");

    // A removal moves the revision: worked out again, on the plan as it now is.
    let need = stored.plan.needs.iter().find(|n| n.post_id().is_none()).unwrap();
    plans::delete_record(&db, "test", &event, RecordKind::Need, need.id(), 1, LATER).await.unwrap();
    let after = plans::load_plan(&db, &event).await.unwrap().unwrap();
    assert_eq!(count_needs(&after), needs - 1);
    assert_eq!(computed.load(Ordering::SeqCst), 2);
    // The plan read before the write gets its own revision's answer, never the new one.
    assert_eq!(count_needs(&stored), needs);
}
