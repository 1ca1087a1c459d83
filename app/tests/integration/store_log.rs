//! Store tests of the event's log (main courante), on SQLite and PostgreSQL: each register
//! numbers its entries from 1, many writers at once each get their own number, reading after a
//! cursor gives exactly what follows it, and the stored log is an audit chain that verifies.

use app::domain::operations::{EntryRef, LogCategory, LogContent, LogCursor, Register, Severity};
use app::domain::Instant;
use app::on_both_backends;
use app::store::log::{self, Author};
use app::store::{conventions, Db};

on_both_backends!(
    each_register_numbers_its_entries_from_one_and_reads_after_a_cursor,
    writers_at_the_same_moment_each_get_their_own_number,
    the_live_hub_gives_each_register_in_number_order_whatever_the_instants,
);

const T0: Instant = Instant(1_790_000_000_000);

fn author(organisation: &str) -> Author {
    Author {
        user_id: format!("u-{organisation}"),
        name: "Agent Dupont".into(),
        organisation_id: organisation.into(),
        organisation_name: organisation.into(),
    }
}

fn content(text: &str) -> LogContent {
    LogContent {
        zone_id: None,
        zone_name: None,
        category: LogCategory::Information,
        severity: Severity::Low,
        text: text.into(),
        corrects: None,
    }
}

async fn each_register_numbers_its_entries_from_one_and_reads_after_a_cursor(db: Db) {
    let ev = "ev-log";
    let at = |minutes: i64| Instant(T0.0 + minutes * 60_000);
    let a = log::append(&db, ev, Register::Shared, &author("orga"), &content("a"), at(1)).await.unwrap().unwrap();
    let r = log::append(&db, ev, Register::Restricted, &author("police"), &content("r"), at(2)).await.unwrap().unwrap();
    let b = log::append(&db, ev, Register::Shared, &author("police"), &content("b"), at(3)).await.unwrap().unwrap();
    assert_eq!(a.reference, EntryRef { register: Register::Shared, number: 1 });
    assert_eq!(r.reference, EntryRef { register: Register::Restricted, number: 1 });
    assert_eq!(b.reference, EntryRef { register: Register::Shared, number: 2 });
    assert_eq!((b.author_id.as_str(), b.organisation_name.as_str(), b.at), ("u-police", "police", at(3)));

    let texts = |entries: Vec<app::domain::operations::LogEntry>| {
        entries.into_iter().map(|e| e.content.text).collect::<Vec<_>>()
    };
    let both = [Register::Shared, Register::Restricted];
    assert_eq!(
        texts(log::after(&db, ev, &both, LogCursor::default()).await.unwrap()),
        ["a", "r", "b"],
        "in time order"
    );
    assert_eq!(texts(log::after(&db, ev, &[Register::Shared], LogCursor::default()).await.unwrap()), ["a", "b"]);
    assert_eq!(texts(log::after(&db, ev, &both, LogCursor { shared: 1, restricted: 1 }).await.unwrap()), ["b"]);
    assert_eq!(log::one(&db, ev, r.reference).await.unwrap().map(|e| e.content.text), Some("r".into()));
    assert_eq!(log::one(&db, ev, EntryRef { register: Register::Restricted, number: 2 }).await.unwrap(), None);
    assert!(log::after(&db, "another-event", &both, LogCursor::default()).await.unwrap().is_empty());
    for register in both {
        let chain = conventions::chain(&db, &register.chain(ev)).await.unwrap();
        app::domain::convention::verify(&chain).unwrap();
    }
}

async fn writers_at_the_same_moment_each_get_their_own_number(db: Db) {
    let ev = "ev-busy";
    let writes = (0..6).map(|i| {
        let db = db.clone();
        tokio::spawn(async move {
            log::append(&db, ev, Register::Shared, &author("orga"), &content(&format!("entrée {i}")), T0).await
        })
    });
    let mut numbers = Vec::new();
    for write in writes.collect::<Vec<_>>() {
        if let Some(entry) = write.await.unwrap().unwrap() {
            numbers.push(entry.reference.number);
        }
    }
    numbers.sort_unstable();
    assert_eq!(numbers, [1, 2, 3, 4, 5, 6], "no number twice, none lost");
    let chain = conventions::chain(&db, &Register::Shared.chain(ev)).await.unwrap();
    app::domain::convention::verify(&chain).unwrap();
}

/// A writer takes its instant when its request comes in and its number when it commits, so a
/// register's next number can carry an earlier instant (two instances behind a load balancer,
/// 20 entries a second: BENCHMARKS.md §8). The live hub gives each register in number order
/// (the registers interleaved by instant), else a stream, whose cursor passes a number once it
/// sent it, would skip the lower one.
async fn the_live_hub_gives_each_register_in_number_order_whatever_the_instants(db: Db) {
    use app::domain::operations::LogEntry;
    use app::service::live::LogHub;
    use std::sync::Arc;
    let ev = "ev-late";
    let at = |seconds: i64| Instant(T0.0 + seconds * 1_000);
    let write = |register, text: &'static str, when| {
        let db = db.clone();
        async move { log::append(&db, ev, register, &author("orga"), &content(text), when).await.unwrap().unwrap() }
    };
    write(Register::Shared, "un", at(5)).await;
    write(Register::Shared, "deux", at(3)).await;
    write(Register::Restricted, "secret", at(4)).await;
    let hub = LogHub::default();
    let both = [Register::Shared, Register::Restricted];
    let texts = |entries: &[Arc<LogEntry>]| entries.iter().map(|e| e.content.text.clone()).collect::<Vec<_>>();
    // What a stream does with them (server/src/operations.rs): skip what its cursor has, move on.
    let deliver = |cursor: &mut LogCursor, entries: Vec<Arc<LogEntry>>| {
        let mut sent = Vec::new();
        for entry in entries {
            if cursor.has(entry.reference) {
                continue;
            }
            *cursor = cursor.after(entry.reference);
            sent.push(entry.content.text.clone());
        }
        sent
    };

    let found = hub.after(&db, ev, &both, LogCursor::default()).await.unwrap();
    assert_eq!(texts(&found), ["secret", "un", "deux"], "by instant across registers, by number within one");
    let mut police = LogCursor::default();
    assert_eq!(deliver(&mut police, found), ["secret", "un", "deux"]);
    let mut company = LogCursor::default();
    let found = hub.after(&db, ev, &[Register::Shared], company).await.unwrap();
    assert_eq!(deliver(&mut company, found), ["un", "deux"]);
    assert_eq!(texts(&hub.after(&db, ev, &both, LogCursor { shared: 1, restricted: 1 }).await.unwrap()), ["deux"]);

    // The next read from the database starts after the last number known, not the latest instant.
    write(Register::Shared, "trois", at(1)).await;
    hub.grew(ev);
    let found = hub.after(&db, ev, &both, police).await.unwrap();
    assert_eq!(deliver(&mut police, found), ["trois"]);
    assert_eq!(
        texts(&hub.after(&db, ev, &[Register::Shared], LogCursor::default()).await.unwrap()),
        ["un", "deux", "trois"]
    );
}
