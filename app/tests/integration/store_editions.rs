//! Store tests of what comes after an event, on SQLite and PostgreSQL: next year's edition
//! (its source, its deployments to confirm, left out of what a release publishes until a
//! write confirms them) and the evaluation (parts and the evaluation's row written at the
//! version they were based on, the closing, the one reminder), every write in the event's
//! audit chain.

use chrono::{NaiveDate, NaiveDateTime};

use app::domain::evaluation::EvaluationPart;
use app::domain::plan::{copy_plan, next_edition};
use app::domain::Instant;
use app::on_both_backends;
use app::store::evaluations::{self, Change};
use app::store::plan_io::{self, Applied, RecordWrite, WriteOp};
use app::store::plans::{self, RecordKind};
use app::store::{conventions, new_id, Db};

use crate::store_plan_io::{example, T0};

on_both_backends!(
    next_years_deployments_are_to_confirm_and_left_out_of_a_release_until_a_write_confirms_them,
    a_copy_of_a_plan_has_nothing_to_confirm_and_no_source_edition,
    an_evaluation_is_written_at_the_version_it_was_based_on_until_it_is_closed,
);

fn start(raw: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(raw, "%Y-%m-%dT%H:%M").unwrap()
}

/// The example plan stored, and its next edition a year later, stored as made from it.
async fn last_year_and_next(db: &Db) -> (String, String) {
    let plan = example(db).await;
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    plan_io::import_plan_records(db, "test", &plan, &organiser, None, T0).await.unwrap();
    let next = next_edition(&plan, start("2027-07-10T18:00"), &mut new_id).unwrap();
    plan_io::import_plan_records(db, "test", &next, &organiser, Some(plan.event.id()), T0).await.unwrap();
    (plan.event.id().to_string(), next.event.id().to_string())
}

async fn next_years_deployments_are_to_confirm_and_left_out_of_a_release_until_a_write_confirms_them(db: Db) {
    let (old, new) = last_year_and_next(&db).await;
    let stored = plans::load_plan(&db, &new).await.unwrap().unwrap();
    let deployments: Vec<&str> = stored.plan.deployments.iter().map(|d| d.id()).collect();
    assert!(deployments.len() >= 2, "the example has several deployments");
    assert_eq!(stored.to_confirm.iter().map(String::as_str).collect::<Vec<_>>(), deployments);
    assert!(stored.to_publish().deployments.is_empty(), "nothing of last year's is published unconfirmed");
    assert_eq!(plan_io::edition_source(&db, &new).await.unwrap().as_deref(), Some("Fête des Remparts 2026"));
    assert_eq!(plan_io::edition_source(&db, &old).await.unwrap(), None);
    assert!(plans::load_plan(&db, &old).await.unwrap().unwrap().to_confirm.is_empty(), "last year's untouched");

    // A write of the deployment (the form, the API, « Confirmer ») confirms it, and only it.
    let first = &stored.plan.deployments[0];
    let participant = stored.plan.participant(first.participant_id());
    let write = RecordWrite::new(RecordKind::Deployment, first.id(), first, participant, WriteOp::Update(1)).unwrap();
    assert_eq!(plan_io::apply_writes(&db, "test", &new, None, &[write], T0).await.unwrap(), Applied::Done);
    let second = &stored.plan.deployments[1];
    let changed = plans::update_record(&db, "test", &new, RecordKind::Deployment, second.id(), 1, second, T0);
    assert_eq!(changed.await.unwrap(), plans::Saved::Done(2));
    let after = plans::load_plan(&db, &new).await.unwrap().unwrap();
    assert_eq!(after.to_confirm.len(), deployments.len() - 2);
    assert!(!after.to_confirm.contains(first.id()) && !after.to_confirm.contains(second.id()));
    assert_eq!(
        after.to_publish().deployments.iter().map(|d| d.id()).collect::<Vec<_>>(),
        [first.id(), second.id()],
        "the confirmed ones only"
    );
    let chain = conventions::chain(&db, &plans::plan_chain(&new)).await.unwrap();
    app::domain::convention::verify(&chain).unwrap();
    assert!(chain.iter().any(|e| e.kind == "plan.event.copy"), "the copy is in the new event's chain");
}

async fn a_copy_of_a_plan_has_nothing_to_confirm_and_no_source_edition(db: Db) {
    let plan = example(&db).await;
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    plan_io::import_plan_records(&db, "test", &plan, &organiser, None, T0).await.unwrap();
    let copy = copy_plan(&plan, &mut new_id).unwrap();
    plan_io::import_plan_records(&db, "test", &copy, &organiser, None, T0).await.unwrap();
    let stored = plans::load_plan(&db, copy.event.id()).await.unwrap().unwrap();
    assert!(stored.to_confirm.is_empty());
    assert_eq!(stored.to_publish(), stored.plan);
    assert_eq!(plan_io::edition_source(&db, copy.event.id()).await.unwrap(), None);
}

fn part(headcount: u32, incidents: &str) -> EvaluationPart {
    EvaluationPart {
        headcount_present: Some(headcount),
        incidents: incidents.into(),
        difficulties: String::new(),
        proposals: String::new(),
    }
}

async fn an_evaluation_is_written_at_the_version_it_was_based_on_until_it_is_closed(db: Db) {
    let (_, event) = last_year_and_next(&db).await;
    let at = |minutes: i64| Instant(T0.0 + minutes * 60_000);
    assert_eq!(evaluations::get(&db, &event).await.unwrap().version, 0, "nothing written yet");

    // A participant's part: first at version 0, then at the version read; a stale write
    // writes nothing.
    let ev = event.as_str();
    assert!(evaluations::save_part(&db, ev, "p-1", &part(12, "RAS"), "u-1", 0, at(1)).await.unwrap());
    assert!(!evaluations::save_part(&db, ev, "p-1", &part(13, "doublon"), "u-2", 0, at(2)).await.unwrap());
    assert!(evaluations::save_part(&db, ev, "p-1", &part(14, "Une rixe"), "u-1", 1, at(3)).await.unwrap());
    assert!(!evaluations::save_part(&db, ev, "p-1", &part(15, "périmée"), "u-1", 1, at(4)).await.unwrap());
    let parts = evaluations::parts(&db, ev).await.unwrap();
    assert_eq!(parts.len(), 1);
    assert_eq!((parts[0].part.clone(), parts[0].version, parts[0].updated_at), (part(14, "Une rixe"), 2, at(3)));

    // The evaluation's row: an assessment at its version, the deadline, the closing once.
    let change = |c, based_on, minutes| evaluations::change(&db, ev, c, "u-9", based_on, at(minutes));
    assert!(change(Change::OrganiserAssessment("Bilan positif"), Some(0), 5).await.unwrap());
    assert!(!change(Change::OrganiserAssessment("écrasé"), Some(0), 6).await.unwrap(), "stale");
    let deadline = NaiveDate::from_ymd_opt(2027, 7, 31).unwrap();
    assert!(change(Change::Deadline(deadline), None, 7).await.unwrap());
    assert!(change(Change::PrefectureAssessment("Conforme"), Some(2), 8).await.unwrap());
    assert!(change(Change::Close, None, 9).await.unwrap());
    assert!(!change(Change::Close, None, 10).await.unwrap(), "closed once");
    assert!(!change(Change::OrganiserAssessment("après"), Some(4), 11).await.unwrap(), "nothing after the closing");
    let stored = evaluations::get(&db, ev).await.unwrap();
    assert_eq!(
        (stored.organiser_assessment.as_str(), stored.prefecture_assessment.as_str(), stored.deadline),
        ("Bilan positif", "Conforme", Some(deadline))
    );
    assert_eq!((stored.closed_at, stored.closed_by.as_deref(), stored.version), (Some(at(9)), Some("u-9"), 4));
    assert_eq!(evaluations::of_events(&db, &[ev, "absent"]).await.unwrap().keys().collect::<Vec<_>>(), [ev]);

    // One reminder per event, whoever asks twice.
    assert!(evaluations::mark_reminded(&db, ev, at(20)).await.unwrap());
    assert!(!evaluations::mark_reminded(&db, ev, at(21)).await.unwrap());
    assert_eq!(evaluations::get(&db, ev).await.unwrap().reminded_at, Some(at(20)));

    // Every write is an entry of the event's chain, which verifies.
    let chain = conventions::chain(&db, &plans::plan_chain(ev)).await.unwrap();
    app::domain::convention::verify(&chain).unwrap();
    let kinds: Vec<&str> = chain
        .iter()
        .map(|e| e.kind.as_str())
        .filter_map(|k| k.strip_prefix("plan."))
        .filter(|k| k.starts_with("evaluation."))
        .collect();
    assert_eq!(
        kinds,
        [
            "evaluation.part",
            "evaluation.part",
            "evaluation.organiser",
            "evaluation.deadline",
            "evaluation.prefecture",
            "evaluation.close"
        ]
    );
}
