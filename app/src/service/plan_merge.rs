//! What a plan sent with `PUT /api/v1/events/{id}/plan` changes, given what the caller may
//! edit (pure: no I/O). The organiser edits the event, zones, posts, needs and participants;
//! each participant its own agents and deployments. A record the caller may not edit must
//! come back exactly as stored (compared in the file format's form); an editable record
//! absent from the file is deleted; restricted deployments the caller cannot read are kept
//! untouched, and nothing they use may be deleted.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::domain::interchange::{
    AgentDoc, DeploymentDoc, EventDoc, ImportError, NeedDoc, ParticipantDoc, PostDoc, ZoneDoc,
};
use crate::domain::plan::{
    Agent, AgentDraft, Deployment, DeploymentDraft, EventAccess, EventDraft, Need, NeedDraft, Participant,
    ParticipantDraft, Plan, Post, PostDraft, Visibility, Zone, ZoneDraft,
};
use crate::store::plan_io::{RecordWrite, WriteOp};
use crate::store::plans::{RecordKind, StoredPlan};
use crate::text;

/// The changes a sent plan makes, once every check passed.
#[derive(Debug, Default)]
pub struct Merge {
    /// The event's new values, when the organiser changed them.
    pub event: Option<crate::domain::plan::Event>,
    pub writes: Vec<RecordWrite>,
    /// Participants added or changed: their organisation must exist.
    pub participants: Vec<Participant>,
    /// Ids of the records added: no other event may use them.
    pub inserted: Vec<String>,
}

/// A plan record as the merge handles it.
trait Record: Clone + Serialize {
    const KIND: RecordKind;
    const SECTION: &'static str;
    fn record_id(&self) -> &str;
    /// The record as the file format writes it: two records are the same if this is.
    fn canonical(&self) -> String;
    /// Whether `access` writes this record: the one rule, [`EventAccess::may_write`].
    fn editable(&self, access: &EventAccess) -> bool;
    /// The participant whose columns the stored row carries.
    fn owner<'a>(&'a self, participants: &'a [Participant]) -> Option<&'a Participant>;
}

fn json<T: Serialize>(doc: T) -> String {
    serde_json::to_string(&doc).unwrap_or_default()
}

fn find<'a>(participants: &'a [Participant], id: &str) -> Option<&'a Participant> {
    participants.iter().find(|p| p.id() == id)
}

macro_rules! organiser_record {
    ($record:ty, $draft:ty, $doc:ty, $kind:expr, $section:expr) => {
        impl Record for $record {
            const KIND: RecordKind = $kind;
            const SECTION: &'static str = $section;
            fn record_id(&self) -> &str {
                self.id()
            }
            fn canonical(&self) -> String {
                json(<$doc>::from(<$draft>::from(self.clone())))
            }
            fn editable(&self, access: &EventAccess) -> bool {
                access.may_write(Self::KIND, None)
            }
            fn owner<'a>(&'a self, _: &'a [Participant]) -> Option<&'a Participant> {
                None
            }
        }
    };
}

macro_rules! participant_record {
    ($record:ty, $draft:ty, $doc:ty, $kind:expr, $section:expr) => {
        impl Record for $record {
            const KIND: RecordKind = $kind;
            const SECTION: &'static str = $section;
            fn record_id(&self) -> &str {
                self.id()
            }
            fn canonical(&self) -> String {
                json(<$doc>::from(<$draft>::from(self.clone())))
            }
            fn editable(&self, access: &EventAccess) -> bool {
                access.may_write(Self::KIND, Some(self.participant_id()))
            }
            fn owner<'a>(&'a self, participants: &'a [Participant]) -> Option<&'a Participant> {
                find(participants, self.participant_id())
            }
        }
    };
}

organiser_record!(Zone, ZoneDraft, ZoneDoc, RecordKind::Zone, "zones");
organiser_record!(Post, PostDraft, PostDoc, RecordKind::Post, "posts");
organiser_record!(Need, NeedDraft, NeedDoc, RecordKind::Need, "needs");
participant_record!(Agent, AgentDraft, AgentDoc, RecordKind::Agent, "agents");
participant_record!(Deployment, DeploymentDraft, DeploymentDoc, RecordKind::Deployment, "deployments");

impl Record for Participant {
    const KIND: RecordKind = RecordKind::Participant;
    const SECTION: &'static str = "participants";
    fn record_id(&self) -> &str {
        self.id()
    }
    fn canonical(&self) -> String {
        json(ParticipantDoc::from(ParticipantDraft::from(self.clone())))
    }
    fn editable(&self, access: &EventAccess) -> bool {
        access.may_write(Self::KIND, None)
    }
    fn owner<'a>(&'a self, _: &'a [Participant]) -> Option<&'a Participant> {
        Some(self)
    }
}

/// What every section's merge reads and fills.
struct Context<'a> {
    stored: &'a StoredPlan,
    access: &'a EventAccess,
    sent: &'a Plan,
    paths: &'a BTreeMap<String, String>,
    /// Every stored record's id, hidden deployments included.
    stored_ids: BTreeSet<&'a str>,
    /// The restricted deployments the caller cannot read.
    hidden: BTreeSet<&'a str>,
    errors: Vec<ImportError>,
    merge: Merge,
}

impl Context<'_> {
    fn error(&mut self, path: String, message: impl Into<String>) {
        self.errors.push(ImportError { path, message: message.into() });
    }

    fn path(&self, id: &str, section: &str) -> String {
        self.paths.get(id).cloned().unwrap_or_else(|| format!("$.{section}"))
    }

    fn write<R: Record>(&mut self, record: &R, op: WriteOp) {
        let owner = record.owner(&self.sent.participants);
        match RecordWrite::new(R::KIND, record.record_id(), record, owner, op) {
            Ok(write) => self.merge.writes.push(write),
            Err(_) => self.error(self.path(record.record_id(), R::SECTION), text::INTERNAL),
        }
    }

    /// Merges one section: `stored` are the stored records the caller reads.
    fn section<R: Record>(&mut self, stored: &[R], sent: &[R], changed: &mut Vec<R>) {
        let stored_by_id: BTreeMap<&str, &R> = stored.iter().map(|r| (r.record_id(), r)).collect();
        for record in sent {
            let id = record.record_id();
            let path = self.path(id, R::SECTION);
            match stored_by_id.get(id) {
                Some(before) if before.canonical() == record.canonical() => {}
                Some(before) if before.editable(self.access) && record.editable(self.access) => {
                    let version = self.stored.versions.get(id).copied().unwrap_or(1);
                    self.write(record, WriteOp::Update(version));
                    changed.push(record.clone());
                }
                Some(_) => self.error(path, text::API_CANNOT_EDIT),
                // An id of a record of another kind, or of a deployment the caller cannot read.
                None if self.stored_ids.contains(id) => self.error(format!("{path}.id"), text::IMPORT_ID_TAKEN),
                None if record.editable(self.access) => {
                    self.write(record, WriteOp::Insert);
                    self.merge.inserted.push(id.to_string());
                    changed.push(record.clone());
                }
                None => self.error(path, text::API_CANNOT_ADD),
            }
        }
        let sent_ids: BTreeSet<&str> = sent.iter().map(R::record_id).collect();
        for before in stored.iter().filter(|r| !sent_ids.contains(r.record_id())) {
            let id = before.record_id();
            if before.editable(self.access) {
                let version = self.stored.versions.get(id).copied().unwrap_or(1);
                self.write(before, WriteOp::Delete(version));
            } else {
                self.error(format!("$.{}", R::SECTION), text::api_cannot_delete(id));
            }
        }
    }
}

/// The changes `sent` makes to `stored` for a caller with `access`, or every reason it may
/// not make them (`paths` locate the records in the sent file).
pub fn merge(
    stored: &StoredPlan,
    access: &EventAccess,
    sent: &Plan,
    paths: &BTreeMap<String, String>,
) -> Result<Merge, Vec<ImportError>> {
    let visible = stored.plan.clone().as_read_by(access);
    let readable: BTreeSet<&str> = visible.deployments.iter().map(Deployment::id).collect();
    let hidden: BTreeSet<&str> =
        stored.plan.deployments.iter().map(Deployment::id).filter(|id| !readable.contains(id)).collect();
    let mut cx = Context {
        stored,
        access,
        sent,
        paths,
        stored_ids: stored_ids(&stored.plan),
        hidden,
        errors: Vec::new(),
        merge: Merge::default(),
    };
    let before = EventDoc::from(EventDraft::from(stored.plan.event.clone()));
    if json(before) != json(EventDoc::from(EventDraft::from(sent.event.clone()))) {
        if access.organiser {
            cx.merge.event = Some(sent.event.clone());
        } else {
            cx.error("$.event".into(), text::API_CANNOT_EDIT);
        }
    }
    let mut participants = Vec::new();
    let mut deployments = Vec::new();
    cx.section(&visible.zones, &sent.zones, &mut Vec::new());
    cx.section(&visible.posts, &sent.posts, &mut Vec::new());
    cx.section(&visible.participants, &sent.participants, &mut participants);
    cx.section(&visible.agents, &sent.agents, &mut Vec::new());
    cx.section(&visible.needs, &sent.needs, &mut Vec::new());
    cx.section(&visible.deployments, &sent.deployments, &mut deployments);
    restricted_only_for_the_state(&mut cx, &deployments);
    hidden_references_kept(&mut cx);
    cx.merge.participants = participants;
    if cx.errors.is_empty() {
        Ok(cx.merge)
    } else {
        Err(cx.errors)
    }
}

fn stored_ids(plan: &Plan) -> BTreeSet<&str> {
    let mut ids = BTreeSet::new();
    ids.extend(plan.zones.iter().map(Zone::id));
    ids.extend(plan.posts.iter().map(Post::id));
    ids.extend(plan.participants.iter().map(Participant::id));
    ids.extend(plan.agents.iter().map(Agent::id));
    ids.extend(plan.needs.iter().map(Need::id));
    ids.extend(plan.deployments.iter().map(Deployment::id));
    ids
}

/// A deployment added or changed may be restricted only by a State force, for itself
/// ([`EventAccess::may_restrict`], from what its organisation is): anyone else would hide it
/// from itself.
fn restricted_only_for_the_state(cx: &mut Context, changed: &[Deployment]) {
    for deployment in changed.iter().filter(|d| d.visibility() == Visibility::Restricted) {
        if !cx.access.may_restrict(deployment.participant_id()) {
            let path = cx.path(deployment.id(), "deployments");
            cx.error(format!("{path}.visibility"), text::API_RESTRICTED_STATE_ONLY);
        }
    }
}

/// The restricted deployments the caller does not read stay as they are: the participant,
/// zone, post and agents they use must still be in the plan.
fn hidden_references_kept(cx: &mut Context) {
    let sent = cx.sent;
    let mut missing: BTreeSet<(&str, String)> = BTreeSet::new();
    for deployment in cx.stored.plan.deployments.iter().filter(|d| cx.hidden.contains(d.id())) {
        if !sent.participants.iter().any(|p| p.id() == deployment.participant_id()) {
            missing.insert(("participants", deployment.participant_id().to_string()));
        }
        if !sent.zones.iter().any(|z| z.id() == deployment.zone_id()) {
            missing.insert(("zones", deployment.zone_id().to_string()));
        }
        if let Some(post) = deployment.post_id().filter(|p| !sent.posts.iter().any(|s| s.id() == *p)) {
            missing.insert(("posts", post.to_string()));
        }
        for agent in deployment.agent_ids().iter().filter(|a| !sent.agents.iter().any(|s| s.id() == a.as_str())) {
            missing.insert(("agents", agent.clone()));
        }
    }
    for (section, id) in missing {
        cx.error(format!("$.{section}"), text::api_still_referenced(&id));
    }
}
