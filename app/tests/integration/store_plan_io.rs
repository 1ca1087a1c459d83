//! Store tests of personal API tokens and of whole-plan imports and batched writes: every case
//! runs on a fresh SQLite file and on a fresh PostgreSQL database.

use app::domain::interchange::{export_plan, import_plan};
use app::domain::plan::Plan;
use app::domain::{Email, Instant, PersonName};
use app::store::plan_io::{self, Applied, RecordWrite, WriteOp};
use app::store::plans::{self, RecordKind};
use app::store::{api_tokens, users, Db};

use app::on_both_backends;

on_both_backends!(
    a_token_authenticates_its_owner_until_its_owner_revokes_it,
    a_plan_file_imports_whole_and_reads_back_to_the_same_bytes,
    a_write_based_on_an_outdated_version_writes_nothing_of_its_batch,
);

pub(crate) const T0: Instant = Instant(1_790_000_000_000);
const EXAMPLE: &str = include_str!("../../src/domain/interchange/example.json");

async fn user(db: &Db, mail: &str) -> String {
    let email = Email::parse(mail).unwrap();
    users::create(db, &email, &PersonName::parse("Camille Martin").unwrap(), "hash", false, T0).await.unwrap()
}

async fn a_token_authenticates_its_owner_until_its_owner_revokes_it(db: Db) {
    let owner = user(&db, "owner@cordon.test").await;
    let other = user(&db, "other@cordon.test").await;
    let id = api_tokens::create(&db, &owner, "Export", "hash-1", T0).await.unwrap();
    let listed = api_tokens::list_active(&db, &owner).await.unwrap();
    assert_eq!((listed.len(), listed[0].last_used_at), (1, None));

    let later = Instant(T0.0 + 120_000);
    assert_eq!(api_tokens::user_of(&db, "hash-1", later).await.unwrap().unwrap().id, owner);
    assert_eq!(api_tokens::list_active(&db, &owner).await.unwrap()[0].last_used_at, Some(later));
    assert!(api_tokens::user_of(&db, "hash-2", later).await.unwrap().is_none());

    assert!(!api_tokens::revoke(&db, &other, &id, later).await.unwrap(), "only its owner revokes it");
    assert!(api_tokens::revoke(&db, &owner, &id, later).await.unwrap());
    assert!(!api_tokens::revoke(&db, &owner, &id, later).await.unwrap(), "once");
    assert!(api_tokens::user_of(&db, "hash-1", later).await.unwrap().is_none());
    assert_eq!(api_tokens::list_active(&db, &owner).await.unwrap(), vec![]);
}

/// What the example file says of its organisations.
fn organisations() -> Vec<app::domain::OrganisationIdentity> {
    app::domain::interchange::import_plan_file(EXAMPLE.as_bytes()).unwrap().organisations
}

/// The example plan, with its organisations created under their ids.
pub(crate) async fn example(db: &Db) -> Plan {
    let plan = import_plan(EXAMPLE.as_bytes()).unwrap();
    for p in &plan.participants {
        // Each organisation of the kind its role requires (the participation rule).
        let kind = match p.role().code() {
            "force_etat" => "police_nationale",
            "secours" => "autre",
            role => role,
        };
        sqlx::query("INSERT INTO organisations (id, name, kind, created_at) VALUES ($1, $2, $3, $4)")
            .bind(p.organisation_id())
            .bind(p.name())
            .bind(kind)
            .bind(T0.0)
            .execute(&db.pool)
            .await
            .unwrap();
    }
    plan
}

async fn a_plan_file_imports_whole_and_reads_back_to_the_same_bytes(db: Db) {
    let plan = example(&db).await;
    let paths = plan_io::record_paths(EXAMPLE.as_bytes());
    assert_eq!(plan_io::import_problems(&db, &plan, &paths, false).await.unwrap(), vec![]);
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    assert_eq!(organiser, "48b643cb-4f12-4f98-90e6-32e4c5afdf23");
    plan_io::import_plan_records(&db, "test", &plan, &organiser, None, T0).await.unwrap();
    let stored = plans::load_plan(&db, plan.event.id()).await.unwrap().unwrap();
    assert_eq!(export_plan(&stored.plan, &organisations()), EXAMPLE);
    assert_eq!(stored.organiser_organisation_id, organiser);
    assert!(stored.versions.values().all(|v| *v == 1));

    let problems = plan_io::import_problems(&db, &plan, &paths, false).await.unwrap();
    assert_eq!(problems[0].path, "$.event.id");
    assert_eq!(problems.len(), 1 + 13, "the event and each of its 13 records: {problems:?}");
    assert_eq!(plan_io::ids_taken(&db, &[plan.event.id()], Some(plan.event.id())).await.unwrap(), Vec::<String>::new());
    let listed = plan_io::all_events(&db).await.unwrap();
    assert_eq!(listed.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(), ["Fête des Remparts 2026"]);
}

async fn a_write_based_on_an_outdated_version_writes_nothing_of_its_batch(db: Db) {
    let mut plan = example(&db).await;
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    plan_io::import_plan_records(&db, "test", &plan, &organiser, None, T0).await.unwrap();
    let event = plan.event.id().to_string();
    let zone = plan.zones.remove(0);
    let stale = RecordWrite::new(RecordKind::Zone, zone.id(), &zone, None, WriteOp::Delete(2)).unwrap();
    // The need on the boulevard: nothing refers to it.
    let need = plan.needs.iter().find(|n| n.post_id().is_none()).unwrap();
    let fresh = RecordWrite::new(RecordKind::Need, need.id(), need, None, WriteOp::Delete(1)).unwrap();
    let applied = plan_io::apply_writes(&db, "test", &event, None, &[fresh.clone(), stale], T0).await.unwrap();
    assert_eq!(applied, Applied::Conflict);
    assert_eq!(
        export_plan(&plans::load_plan(&db, &event).await.unwrap().unwrap().plan, &organisations()),
        EXAMPLE,
        "nothing written"
    );
    assert_eq!(plan_io::apply_writes(&db, "test", &event, None, &[fresh], T0).await.unwrap(), Applied::Done);
    let stored = plans::load_plan(&db, &event).await.unwrap().unwrap();
    assert_eq!(stored.plan.needs.len(), 1);
}
