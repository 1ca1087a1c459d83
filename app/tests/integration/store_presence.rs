//! Store tests of presence, on SQLite and PostgreSQL: every check-in and check-out is an entry
//! of the event's chain `pointage:{event}`, numbered from 1 and verified; a personal link is
//! found by its token's hash until revoked (a second revocation does nothing); a shift's
//! no-show alert is claimed once whoever asks; the events near an instant are those around it.

use app::domain::presence::{MarkedBy, Movement, Presence};
use app::domain::time::Span;
use app::on_both_backends;
use app::store::{conventions, plan_io, presence, Db};

use crate::store_plan_io::{example, T0};

on_both_backends!(
    each_movement_is_an_entry_of_the_events_presence_chain_read_back_in_order,
    a_personal_link_is_found_by_its_hash_until_it_is_revoked,
    a_shifts_no_show_alert_is_claimed_once,
);

/// The example plan stored as an event; its id.
async fn stored_event(db: &Db) -> String {
    let plan = example(db).await;
    let organiser = plan_io::organiser_of(&plan).unwrap().organisation_id().to_string();
    plan_io::import_plan_records(db, "test", &plan, &organiser, None, T0).await.unwrap();
    plan.event.id().to_string()
}

async fn each_movement_is_an_entry_of_the_events_presence_chain_read_back_in_order(db: Db) {
    let event = stored_event(&db).await;
    let chief = MarkedBy::Chief { name: "Sophie Marin".into() };
    let first = presence::mark(&db, &event, "agent-1", Movement::Arrival, &chief, "u-1", T0).await.unwrap().unwrap();
    assert_eq!((first.number, first.at, first.movement), (1, T0, Movement::Arrival));
    let later = T0.plus(Span::minutes(5));
    presence::mark(&db, &event, "agent-2", Movement::Arrival, &MarkedBy::Agent, "lien:l-1", later).await.unwrap();
    presence::mark(&db, &event, "agent-1", Movement::Departure, &chief, "u-1", later).await.unwrap();

    let marks = presence::marks_after(&db, &event, 0).await.unwrap();
    assert_eq!(
        marks.iter().map(|m| (m.number, m.agent_id.as_str())).collect::<Vec<_>>(),
        [(1, "agent-1"), (2, "agent-2"), (3, "agent-1")]
    );
    assert_eq!(marks[1].by, MarkedBy::Agent);
    assert_eq!(presence::marks_after(&db, &event, 2).await.unwrap().len(), 1);
    let now = Presence::from_marks(&marks);
    assert_eq!((now.present_since("agent-1"), now.present_since("agent-2")), (None, Some(later)));

    let chain = conventions::chain_after(&db, &format!("pointage:{event}"), 0).await.unwrap();
    assert_eq!(chain.iter().map(|e| e.actor.as_str()).collect::<Vec<_>>(), ["u-1", "lien:l-1", "u-1"]);
    app::domain::convention::verify(&chain).unwrap();
}

async fn a_personal_link_is_found_by_its_hash_until_it_is_revoked(db: Db) {
    let event = stored_event(&db).await;
    let id = presence::create_link(&db, &event, "agent-1", "hash-1", "u-chief", T0).await.unwrap();
    let found = presence::link_by_token(&db, "hash-1", T0.plus(Span::minutes(2))).await.unwrap().unwrap();
    assert_eq!(
        (found.id.as_str(), found.agent_id.as_str(), found.created_by.as_str()),
        (id.as_str(), "agent-1", "u-chief")
    );
    let listed = presence::active_links(&db, &event).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].last_used_at, Some(T0.plus(Span::minutes(2))), "its use is noted");
    assert!(presence::link_by_token(&db, "hash-2", T0).await.unwrap().is_none());

    assert!(!presence::revoke_link(&db, "another-event", &id, T0).await.unwrap(), "only within its event");
    assert!(presence::revoke_link(&db, &event, &id, T0).await.unwrap());
    assert!(!presence::revoke_link(&db, &event, &id, T0).await.unwrap(), "once");
    assert!(presence::link_by_token(&db, "hash-1", T0).await.unwrap().is_none());
    assert!(presence::active_links(&db, &event).await.unwrap().is_empty());
}

async fn a_shifts_no_show_alert_is_claimed_once(db: Db) {
    let event = stored_event(&db).await;
    assert!(presence::claim_no_show(&db, &event, "deployment-1", T0).await.unwrap());
    assert!(!presence::claim_no_show(&db, &event, "deployment-1", T0.plus(Span::minutes(1))).await.unwrap());
    assert!(presence::claim_no_show(&db, &event, "deployment-2", T0).await.unwrap());
}
