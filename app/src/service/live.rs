//! What this instance knows of the logs being followed live, so that a thousand open pages do
//! not each ask the database for every new entry. Per event: the entries read so far (both
//! registers, in number order) and a version that grows each time the log grows, here or (on
//! PostgreSQL, heard through `LISTEN`) on another instance. A follower waits for the version
//! to change, then asks for what comes after its cursor: the first to ask after a change reads
//! the new entries from the database once, for everyone.
//!
//! Reading "after the last number known" misses nothing: a register's numbers are committed
//! in order (a writer takes number n + 1 only once it reads n committed, `store::log::append`).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use tokio::sync::watch;

use crate::domain::alerts::Alert;
use crate::domain::operations::{EntryRef, LogCursor, LogEntry, Register};
use crate::domain::plan::Plan;
use crate::domain::presence::Presence;
use crate::store::{self, Db};

#[derive(Default)]
struct Known {
    shared: Vec<Arc<LogEntry>>,
    restricted: Vec<Arc<LogEntry>>,
}

impl Known {
    fn last(&self, register: Register) -> u64 {
        let list = match register {
            Register::Shared => &self.shared,
            Register::Restricted => &self.restricted,
        };
        list.last().map_or(0, |e| e.reference.number)
    }
}

/// The alerts' changes read so far: each change (a sending, an acknowledgement) in chain order
/// with the alert as it was read just after it.
#[derive(Default)]
struct KnownAlerts {
    shared: Vec<(EntryRef, Arc<Alert>)>,
    restricted: Vec<(EntryRef, Arc<Alert>)>,
}

impl KnownAlerts {
    fn list(&mut self, register: Register) -> &mut Vec<(EntryRef, Arc<Alert>)> {
        match register {
            Register::Shared => &mut self.shared,
            Register::Restricted => &mut self.restricted,
        }
    }
}

struct EventLog {
    known: tokio::sync::Mutex<Known>,
    /// Set when the log grew since it was last read.
    stale: AtomicBool,
    alerts: tokio::sync::Mutex<KnownAlerts>,
    /// Set when an alert was sent or acknowledged since they were last read.
    alerts_stale: AtomicBool,
    presence: tokio::sync::Mutex<Option<Arc<PresenceSnapshot>>>,
    /// Set when an agent may have checked in or out since the presence was last read.
    presence_stale: AtomicBool,
    version: watch::Sender<u64>,
}

/// The event's presence as this instance last read it, with the plan it is counted against
/// (read again at least every minute: the plan may change during the day).
pub struct PresenceSnapshot {
    pub presence: Presence,
    pub plan: Arc<Plan>,
    read_at: std::time::Instant,
    /// Grows each time the snapshot changes: a stream recounts only then (or when the minute
    /// changes).
    pub generation: u64,
}

/// How long a snapshot's plan is used before it is read again.
const PLAN_READ_AGAIN: std::time::Duration = std::time::Duration::from_secs(60);

/// The live logs of this instance (one per `AppState`).
#[derive(Default)]
pub struct LogHub {
    events: Mutex<HashMap<String, Arc<EventLog>>>,
}

impl LogHub {
    fn log(&self, event_id: &str) -> Arc<EventLog> {
        let mut events = self.events.lock().unwrap_or_else(|e| e.into_inner());
        // Forget the logs nobody follows any more (this one is kept: it is being asked for).
        if events.len() > 64 {
            events.retain(|id, log| id == event_id || log.version.receiver_count() > 0);
        }
        events
            .entry(event_id.to_string())
            .or_insert_with(|| {
                Arc::new(EventLog {
                    known: tokio::sync::Mutex::new(Known::default()),
                    stale: AtomicBool::new(true),
                    alerts: tokio::sync::Mutex::new(KnownAlerts::default()),
                    alerts_stale: AtomicBool::new(true),
                    presence: tokio::sync::Mutex::new(None),
                    presence_stale: AtomicBool::new(true),
                    version: watch::Sender::new(0),
                })
            })
            .clone()
    }

    /// Follows `event_id`'s log: the receiver changes each time the log grows.
    pub fn follow(&self, event_id: &str) -> watch::Receiver<u64> {
        self.log(event_id).version.subscribe()
    }

    /// Says that `event_id`'s log grew or its alerts changed (a write here, or an announcement
    /// from elsewhere).
    pub fn grew(&self, event_id: &str) {
        let log = self.events.lock().unwrap_or_else(|e| e.into_inner()).get(event_id).cloned();
        if let Some(log) = log {
            log.stale.store(true, Ordering::Release);
            log.alerts_stale.store(true, Ordering::Release);
            log.presence_stale.store(true, Ordering::Release);
            log.version.send_modify(|v| *v = v.wrapping_add(1));
        }
    }

    /// Says that any log may have grown (the announcements were interrupted).
    pub fn all_grew(&self) {
        let ids: Vec<String> = self.events.lock().unwrap_or_else(|e| e.into_inner()).keys().cloned().collect();
        for id in ids {
            self.grew(&id);
        }
    }

    /// Ends every stream following a log (the server is stopping: its graceful shutdown waits
    /// for open requests, and a stream never ends by itself).
    pub fn close_all(&self) {
        self.events.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }

    /// The entries of `registers` after `cursor`, in the order they were written.
    pub async fn after(
        &self,
        db: &Db,
        event_id: &str,
        registers: &[Register],
        cursor: LogCursor,
    ) -> Result<Vec<Arc<LogEntry>>, sqlx::Error> {
        let log = self.log(event_id);
        let mut known = log.known.lock().await;
        if log.stale.swap(false, Ordering::AcqRel) {
            let from = LogCursor { shared: known.last(Register::Shared), restricted: known.last(Register::Restricted) };
            let new = store::log::after(db, event_id, &[Register::Shared, Register::Restricted], from).await;
            let mut new = match new {
                Ok(new) => new,
                Err(e) => {
                    log.stale.store(true, Ordering::Release);
                    return Err(e);
                }
            };
            // Each register's list in number order: a writer takes its instant before its
            // number, so a register's instants need not grow with its numbers.
            new.sort_by_key(|e| e.reference);
            for entry in new {
                match entry.reference.register {
                    Register::Shared => known.shared.push(Arc::new(entry)),
                    Register::Restricted => known.restricted.push(Arc::new(entry)),
                }
            }
        }
        let mut lists: Vec<&[Arc<LogEntry>]> = Vec::new();
        for &register in registers {
            let (list, from) = match register {
                Register::Shared => (&known.shared, cursor.shared),
                Register::Restricted => (&known.restricted, cursor.restricted),
            };
            let start = list.partition_point(|e| e.reference.number <= from);
            lists.push(&list[start..]);
        }
        // The registers merged by instant, each kept in number order: a stream's cursor passes
        // a number once it sent it, so an entry sorted after a higher number of its register
        // would never be sent.
        let mut found: Vec<Arc<LogEntry>> = Vec::new();
        while let Some(next) = lists.iter_mut().filter(|l| !l.is_empty()).min_by_key(|l| (l[0].at, l[0].reference)) {
            found.push(next[0].clone());
            *next = &next[1..];
        }
        Ok(found)
    }

    /// The changes of the alerts of `registers` after `cursor`, in chain order, each with the
    /// alert as read after it; an alert changed several times comes once, at its last change.
    pub async fn alerts_after(
        &self,
        db: &Db,
        event_id: &str,
        registers: &[Register],
        cursor: LogCursor,
    ) -> Result<Vec<(EntryRef, Arc<Alert>)>, sqlx::Error> {
        let log = self.log(event_id);
        let mut known = log.alerts.lock().await;
        if log.alerts_stale.swap(false, Ordering::AcqRel) {
            if let Err(e) = refresh_alerts(db, event_id, &mut known).await {
                log.alerts_stale.store(true, Ordering::Release);
                return Err(e);
            }
        }
        let mut found: Vec<(EntryRef, Arc<Alert>)> = Vec::new();
        for &register in registers {
            let from = match register {
                Register::Shared => cursor.shared,
                Register::Restricted => cursor.restricted,
            };
            let list = known.list(register);
            let start = list.partition_point(|(r, _)| r.number <= from);
            found.extend(list[start..].iter().cloned());
        }
        // The last change of each alert only (it carries the alert as it is now).
        let mut last: Vec<(EntryRef, Arc<Alert>)> = Vec::new();
        for (reference, alert) in found.into_iter().rev() {
            if !last.iter().any(|(_, a)| a.id == alert.id) {
                last.push((reference, alert));
            }
        }
        last.reverse();
        Ok(last)
    }
}

impl LogHub {
    /// The event's presence and plan, read once for all of this instance's streams after a
    /// change (here, or announced by another instance) and the plan at least every minute.
    /// `None` for an event that no longer exists.
    pub async fn presence(&self, db: &Db, event_id: &str) -> Result<Option<Arc<PresenceSnapshot>>, sqlx::Error> {
        let log = self.log(event_id);
        let mut known = log.presence.lock().await;
        let stale = log.presence_stale.swap(false, Ordering::AcqRel);
        let old = known.clone();
        let plan_fresh = old.as_ref().is_some_and(|s| s.read_at.elapsed() < PLAN_READ_AGAIN);
        if !stale && plan_fresh {
            return Ok(old);
        }
        let mut presence = old.as_ref().map(|s| s.presence.clone()).unwrap_or_default();
        let new = match store::presence::marks_after(db, event_id, presence.number()).await {
            Ok(new) => new,
            Err(e) => {
                log.presence_stale.store(true, Ordering::Release);
                return Err(e);
            }
        };
        for mark in &new {
            presence.add(mark);
        }
        let (plan, read_at) = match (&old, plan_fresh) {
            (Some(s), true) => (s.plan.clone(), s.read_at),
            _ => match store::plans::load_plan(db, event_id).await {
                Ok(Some(stored)) => (Arc::new(stored.plan), std::time::Instant::now()),
                Ok(None) => return Ok(None),
                Err(e) => {
                    log.presence_stale.store(true, Ordering::Release);
                    return Err(e);
                }
            },
        };
        let changed = !new.is_empty() || old.as_ref().is_none_or(|s| !Arc::ptr_eq(&s.plan, &plan));
        let generation = old.as_ref().map_or(0, |s| s.generation) + u64::from(changed);
        let snapshot = Arc::new(PresenceSnapshot { presence, plan, read_at, generation });
        *known = Some(snapshot.clone());
        Ok(Some(snapshot))
    }
}

/// Reads the alerts' changes after those known, and each changed alert once.
async fn refresh_alerts(db: &Db, event_id: &str, known: &mut KnownAlerts) -> Result<(), sqlx::Error> {
    for register in [Register::Shared, Register::Restricted] {
        let from = known.list(register).last().map_or(0, |(r, _)| r.number);
        let changes = store::alerts::changes_after(db, event_id, register, from).await?;
        let mut read: Vec<Arc<Alert>> = Vec::new();
        for (reference, alert_id) in changes {
            let alert = match read.iter().find(|a| a.id == alert_id) {
                Some(alert) => alert.clone(),
                None => match store::alerts::one(db, &alert_id).await? {
                    Some(alert) => {
                        let alert = Arc::new(alert);
                        read.push(alert.clone());
                        alert
                    }
                    None => continue,
                },
            };
            known.list(register).push((reference, alert));
        }
    }
    Ok(())
}
