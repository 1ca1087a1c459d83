//! Every change to an event's plan, as one function per user action: each takes the
//! authenticated person, the event and one typed input (parsed by the domain's one parser of
//! that form, the browser's preview included), checks the person's right with the one rule
//! ([`EventAccess::may_write`], [`EventAccess::may_restrict`], the participation rule), lets
//! the domain build the record, and writes it with its audit entry in one transaction. The
//! server functions, the JSON API's `PUT` ([`replace_plan`]) and the CSV import
//! (`service::agents_csv`) call these.
//! The other writers of a plan's records are accepting a shift proposal (`api::schedule`,
//! which checks every changed deployment with the same `may_write`) and the operator's whole
//! imports (`cordon plan import`, the demo); docs/security.md says what is left to move here.

use serde::Serialize;

use super::access::plan_for;
use crate::domain::plan::input::{
    card_refusals, AgentInput, DeploymentInput, EventInput, FieldError, NeedInput, OrderInput, ParticipantEditInput,
    PostInput, ZoneInput,
};
use crate::domain::plan::{
    check_participant, default_role, removal_as_read, Agent, Deployment, Event, EventAccess, EventDraft, Need,
    Participant, ParticipantDraft, ParticipantRole, ParticipationError, Post, RecordKind, Zone,
};
use crate::domain::time::{format_long_fr, Instant};
use crate::error::AppError;
use crate::state::AppState;
use crate::store::plans::{self, Saved, StoredPlan};
use crate::store::users::UserRow;
use crate::store::{self, new_id};
use crate::text;

/// A save of one record: its id (blank for a new one), the version the form was based on
/// (required for an existing record) and the form.
#[derive(Debug, Clone, Default)]
pub struct Edit<T> {
    pub id: String,
    pub version: String,
    pub form: T,
}

/// The plan of `event_id` with `user`'s access; "not found" for anyone without access.
pub async fn open(state: &AppState, user: &UserRow, event_id: &str) -> Result<(StoredPlan, EventAccess), AppError> {
    plan_for(&state.db, &user.id, event_id).await?.ok_or(AppError::NotFound)
}

/// Refuses unless `access` may write a record of `kind` owned by `owner`: the one rule, told
/// at the field the form shows (a participant's records) or as the organiser's (the rest).
pub fn require_write(access: &EventAccess, kind: RecordKind, owner: Option<&str>) -> Result<(), AppError> {
    if access.may_write(kind, owner) {
        Ok(())
    } else if kind.belongs_to_a_participant() {
        Err(AppError::invalid("participant_id", text::PARTICIPANT_NOT_YOURS))
    } else {
        Err(AppError::Refused(text::ORGANISER_ONLY.into()))
    }
}

/// Refuses unless the person may change the event itself (its facts and orders, publication).
pub fn require_organiser(access: &EventAccess) -> Result<(), AppError> {
    if access.may_write_event() {
        Ok(())
    } else {
        Err(AppError::Refused(text::ORGANISER_ONLY.into()))
    }
}

/// The version a save or a removal was based on: required, never guessed (a save without
/// its version would silently overwrite someone else's).
pub fn based_on(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| AppError::invalid("version", text::VERSION_REQUIRED))
}

/// The version a change of a record that may not exist yet was based on: `0` for none (the
/// first save of a convention's inputs, of an evaluation); required like [`based_on`].
pub fn based_on_or_new(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 0)
        .ok_or_else(|| AppError::invalid("version", text::VERSION_REQUIRED))
}

/// `(id, version)` of the record being edited, or `None` for a new one.
fn existing(id: &str, version: &str, stored: &StoredPlan) -> Result<Option<(String, i64)>, AppError> {
    if id.trim().is_empty() {
        return Ok(None);
    }
    stored.versions.get(id.trim()).ok_or(AppError::NotFound)?;
    Ok(Some((id.trim().to_string(), based_on(version)?)))
}

fn id_or_new(id: &str) -> String {
    match id.trim() {
        "" => new_id(),
        given => given.to_string(),
    }
}

/// Inserts a new record or updates an existing one at its version, with its audit entry.
/// Returns the record's new version (1 for a new one).
#[allow(clippy::too_many_arguments)]
async fn store_record<T: Serialize>(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    kind: RecordKind,
    existing: Option<(String, i64)>,
    (id, participant, organisation): (&str, Option<&str>, Option<&str>),
    record: &T,
    describe: impl Fn(&str) -> String,
    now: Instant,
) -> Result<i64, AppError> {
    match existing {
        None => {
            plans::insert_record(&state.db, &user.id, event_id, kind, id, participant, organisation, record, now)
                .await?;
            Ok(1)
        }
        Some((id, version)) => {
            match plans::update_record(&state.db, &user.id, event_id, kind, &id, version, record, now).await? {
                Saved::Done(version) => Ok(version),
                Saved::Stale { data, .. } => Err(AppError::Stale { message: text::stale_record(&describe(&data)) }),
                Saved::Missing => Err(AppError::NotFound),
            }
        }
    }
}

/// The « Créer un événement » form.
pub struct NewEvent {
    pub organisation_id: String,
    pub name: String,
    pub kind: String,
    pub commune_code: String,
    pub address: String,
    pub start: String,
    pub end: String,
    pub expected_attendance: String,
    pub behaviour: String,
    pub legal: crate::domain::plan::input::LegalInput,
}

/// « Créer l'événement »: a member of an organiser organisation creates an event in a commune
/// of the official list, its organisation as first participant.
pub async fn create_event(state: &AppState, user: &UserRow, form: NewEvent, now: Instant) -> Result<String, AppError> {
    use crate::domain::geo::CommuneCode;
    use crate::domain::plan::input::{choice, local_window, number, refused};
    use crate::domain::plan::{EventKind, PublicBehaviour};
    let organisation = store::organisations::get(&state.db, &form.organisation_id).await?;
    let is_member = store::organisations::membership(&state.db, &user.id, &form.organisation_id).await?.is_some();
    let organisation = match organisation {
        Some(o) if is_member && o.kind.organises_events() => o,
        _ => return Err(AppError::invalid("organisation_id", text::NOT_AN_ORGANISER)),
    };
    let commune = match CommuneCode::parse(&form.commune_code) {
        None => return Err(AppError::invalid("commune_code", text::COMMUNE_INVALID)),
        Some(code) => state
            .communes
            .find(code.as_str())
            .ok_or_else(|| AppError::invalid("commune_code", text::COMMUNE_UNKNOWN))?,
    };
    let zone = crate::domain::plan::default_time_zone(&commune.department);
    let draft = EventDraft {
        id: crate::store::new_id(),
        name: form.name,
        kind: choice(&form.kind, "kind", EventKind::from_code)?,
        commune_code: commune.code.as_str().to_string(),
        commune_name: commune.name.clone(),
        address: form.address,
        time_zone: None,
        window: local_window(zone, &form.start, &form.end)?,
        setup: None,
        teardown: None,
        expected_attendance: number(&form.expected_attendance, "expected_attendance")?,
        behaviour: choice(&form.behaviour, "behaviour", PublicBehaviour::from_code)?,
        legal: form.legal.context(Vec::new())?,
        alert_procedure: None,
    };
    let event = Event::new(draft).map_err(refused("name"))?;
    let organiser = Participant::new(ParticipantDraft {
        id: crate::store::new_id(),
        organisation_id: organisation.id.clone(),
        name: organisation.name.clone(),
        role: ParticipantRole::Organisateur,
        contact_name: Some(user.name.clone()),
        contact_phone: None,
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .map_err(|e| AppError::internal("the organiser's participant could not be made", e))?;
    plans::create_event(&state.db, &user.id, &event, &organisation.id, &organiser, now).await?;
    tracing::info!(event = %event.id(), by = %user.id, "event created");
    Ok(event.id().to_string())
}

/// A form of one of the organiser's records (zone, post, need): what it builds, and how a
/// newer stored version is told to the person whose save it stopped.
pub trait OrganiserForm {
    type Record: Serialize + serde::de::DeserializeOwned;
    const KIND: RecordKind;
    /// The record `id` of `plan` as the form describes it (the domain's one parser).
    fn build(&self, plan: &crate::domain::plan::Plan, id: &str) -> Result<Self::Record, FieldError>;
    fn describe(record: &Self::Record) -> String;
}

impl OrganiserForm for ZoneInput {
    type Record = Zone;
    const KIND: RecordKind = RecordKind::Zone;
    fn build(&self, plan: &crate::domain::plan::Plan, id: &str) -> Result<Zone, FieldError> {
        self.parse(plan, id)
    }
    fn describe(zone: &Zone) -> String {
        zone.name().to_string()
    }
}

impl OrganiserForm for PostInput {
    type Record = Post;
    const KIND: RecordKind = RecordKind::Post;
    fn build(&self, plan: &crate::domain::plan::Plan, id: &str) -> Result<Post, FieldError> {
        self.parse(plan, id)
    }
    fn describe(post: &Post) -> String {
        post.name().to_string()
    }
}

impl OrganiserForm for NeedInput {
    type Record = Need;
    const KIND: RecordKind = RecordKind::Need;
    fn build(&self, plan: &crate::domain::plan::Plan, id: &str) -> Result<Need, FieldError> {
        self.parse(plan, id)
    }
    fn describe(need: &Need) -> String {
        format!("{} agent(s) au minimum", need.min())
    }
}

/// « Enregistrer » a zone, a post or a need (the organiser).
pub async fn save_organiser_record<F: OrganiserForm>(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    edit: Edit<F>,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_write(&access, F::KIND, None)?;
    let existing = existing(&edit.id, &edit.version, &stored)?;
    let id = id_or_new(&edit.id);
    let record = edit.form.build(&stored.plan, &id)?;
    let describe = |data: &str| plans::decode::<F::Record>(data).map(|r| F::describe(&r)).unwrap_or_default();
    store_record(state, user, event_id, F::KIND, existing, (&id, None, None), &record, describe, now).await?;
    Ok(())
}

/// The participant a participant's record belongs to: the stored one for an existing record
/// (a record never changes hands), the chosen one for a new record.
fn owner_of(existing_owner: Option<&str>, chosen: &str, is_new: bool) -> Result<String, AppError> {
    match (is_new, existing_owner) {
        (true, _) => Ok(chosen.trim().to_string()),
        (false, Some(owner)) => Ok(owner.to_string()),
        (false, None) => Err(AppError::NotFound),
    }
}

/// « Enregistrer » one of my deployments (its participant's members).
pub async fn save_deployment(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    edit: Edit<DeploymentInput>,
    now: Instant,
) -> Result<(Deployment, i64), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    // A deployment the sender may not read (restricted to the State) reads as absent, whatever
    // else the form holds: neither its owner nor its version is told.
    let stored_owner = match edit.id.trim() {
        "" => None,
        id => Some(
            stored
                .plan
                .deployments
                .iter()
                .find(|d| d.id() == id && access.reads_deployment(d))
                .map(|d| d.participant_id().to_string())
                .ok_or(AppError::NotFound)?,
        ),
    };
    let existing = existing(&edit.id, &edit.version, &stored)?;
    let owner = owner_of(stored_owner.as_deref(), &edit.form.participant_id, existing.is_none())?;
    require_write(&access, RecordKind::Deployment, Some(&owner))?;
    let participant = stored.plan.participant(&owner).ok_or(AppError::NotFound)?;
    // The same parser as the browser's preview: the two never read the form differently.
    let deployment = edit.form.parse(&stored.plan, &id_or_new(&edit.id), &owner, access.may_restrict(&owner))?;
    let zone = stored.plan.event.time_zone();
    let describe = |data: &str| {
        plans::decode::<Deployment>(data)
            .map(|d| {
                let w = d.window();
                format!(
                    "{} agent(s), de {} à {}",
                    d.staffed_headcount(),
                    format_long_fr(w.start(), zone),
                    format_long_fr(w.end(), zone)
                )
            })
            .unwrap_or_default()
    };
    let new = (deployment.id(), Some(owner.as_str()), Some(participant.organisation_id()));
    let version =
        store_record(state, user, event_id, RecordKind::Deployment, existing, new, &deployment, describe, now).await?;
    // As its saver reads it: its own deployment (`require_write` above), whole, and one it
    // reads (a restricted one is only marked so by a State force, which reads them).
    Ok((deployment, version))
}

/// « Confirmer mes déploiements repris » : the deployments a next edition took from the last
/// one that `user` may change and that are still to confirm become this edition's, all in one
/// transaction (each written again unchanged, with its audit entry). Changing one through its
/// form confirms it too. Returns how many were confirmed.
pub async fn confirm_deployments(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    now: Instant,
) -> Result<usize, AppError> {
    use store::plan_io::{apply_writes, Applied, RecordWrite, WriteOp};
    let (stored, access) = open(state, user, event_id).await?;
    let writes = stored
        .plan
        .deployments
        .iter()
        .filter(|d| stored.to_confirm.contains(d.id()) && access.reads_deployment(d))
        .filter(|d| access.may_write(RecordKind::Deployment, Some(d.participant_id())))
        .map(|d| {
            let version = stored.versions.get(d.id()).copied().unwrap_or(1);
            let participant = stored.plan.participant(d.participant_id());
            RecordWrite::new(RecordKind::Deployment, d.id(), d, participant, WriteOp::Update(version))
        })
        .collect::<Result<Vec<_>, _>>()?;
    if writes.is_empty() {
        return Err(AppError::Refused(text::NOTHING_TO_CONFIRM.into()));
    }
    match apply_writes(&state.db, &user.id, event_id, None, &writes, now).await? {
        Applied::Done => Ok(writes.len()),
        Applied::Conflict => Err(AppError::Stale { message: text::STALE_CONFIRMATION.into() }),
    }
}

/// « Enregistrer » one of my agents (its participant's members).
pub async fn save_agent(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    edit: Edit<AgentInput>,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let existing = existing(&edit.id, &edit.version, &stored)?;
    let stored_owner = existing
        .as_ref()
        .and_then(|(id, _)| stored.plan.agents.iter().find(|a| a.id() == id))
        .map(|a| a.participant_id().to_string());
    let owner = owner_of(stored_owner.as_deref(), &edit.form.participant_id, existing.is_none())?;
    require_write(&access, RecordKind::Agent, Some(&owner))?;
    let participant = stored.plan.participant(&owner).ok_or(AppError::NotFound)?;
    let agent = edit.form.parse(&stored.plan, &id_or_new(&edit.id), &owner, now)?;
    let describe = |data: &str| plans::decode::<Agent>(data).map(|a| a.display_name().to_string()).unwrap_or_default();
    let new = (agent.id(), Some(owner.as_str()), Some(participant.organisation_id()));
    store_record(state, user, event_id, RecordKind::Agent, existing, new, &agent, describe, now).await?;
    Ok(())
}

/// Adds `agents` (read from a CSV file by `service::agents_csv`) to `participant_id`, all or
/// none, in one transaction with their audit entries. Whoever calls it, every card is checked
/// here by the one card rule ([`card_refusals`]: valid today, not already held by one of the
/// company's own agents, nor by another agent of the same batch); the first refusal refuses
/// the whole batch.
pub async fn add_agents(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    participant_id: &str,
    agents: &[&Agent],
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_write(&access, RecordKind::Agent, Some(participant_id))?;
    let participant = stored.plan.participant(participant_id).ok_or(AppError::NotFound)?;
    let mut writes = Vec::with_capacity(agents.len());
    let mut cards = std::collections::BTreeSet::new();
    for agent in agents {
        if agent.participant_id() != participant_id {
            return Err(AppError::invalid("participant_id", text::PARTICIPANT_NOT_YOURS));
        }
        if let Some(card) = agent.cnaps_card() {
            if let Some(refusal) = card_refusals(&stored.plan, participant_id, card, None, now).into_iter().next() {
                return Err(refusal.into());
            }
            if !cards.insert(card.number()) {
                return Err(AppError::invalid("cnaps_number", text::CARD_ALREADY_KNOWN));
            }
        }
        let write = store::plan_io::RecordWrite::new(
            RecordKind::Agent,
            agent.id(),
            *agent,
            Some(participant),
            store::plan_io::WriteOp::Insert,
        )?;
        writes.push(write);
    }
    match store::plan_io::apply_writes(&state.db, &user.id, event_id, None, &writes, now).await? {
        store::plan_io::Applied::Done => Ok(()),
        store::plan_io::Applied::Conflict => Err(AppError::Stale { message: text::STALE_IMPORT.into() }),
    }
}

/// Saves `event` at `version`, or says who changed it first.
async fn store_event(
    state: &AppState,
    user: &UserRow,
    event: &Event,
    version: i64,
    now: Instant,
) -> Result<(), AppError> {
    match plans::update_event(&state.db, &user.id, event, version, now).await? {
        Saved::Done(_) => Ok(()),
        Saved::Stale { data, .. } => {
            let current = plans::decode::<Event>(&data).map(|e| e.name().to_string()).unwrap_or_default();
            Err(AppError::Stale { message: text::stale_record(&current) })
        }
        Saved::Missing => Err(AppError::NotFound),
    }
}

/// « Enregistrer » the event itself (the organiser), at the event's version.
pub async fn save_event(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    version: &str,
    form: EventInput,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_organiser(&access)?;
    let event = form.apply(&stored.plan.event)?;
    store_event(state, user, &event, based_on(version)?, now).await
}

/// Records a prefect's order the plan relies on (the organiser), at the event's version.
pub async fn add_order(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    version: &str,
    form: OrderInput,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_organiser(&access)?;
    let version = based_on(version)?;
    let order = form.parse(&stored.plan)?;
    let mut draft = EventDraft::from(stored.plan.event.clone());
    draft.legal.orders.push(order);
    let event = Event::new(draft).map_err(crate::domain::plan::input::refused("number"))?;
    store_event(state, user, &event, version, now).await
}

/// Removes the `index`-th order of the event (the organiser), at the event's version.
pub async fn remove_order(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    version: &str,
    index: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_organiser(&access)?;
    let version = based_on(version)?;
    let mut draft = EventDraft::from(stored.plan.event.clone());
    let index: usize = index.trim().parse().map_err(|_| AppError::NotFound)?;
    if index >= draft.legal.orders.len() {
        return Err(AppError::NotFound);
    }
    draft.legal.orders.remove(index);
    let event = Event::new(draft).map_err(crate::domain::plan::input::refused("number"))?;
    store_event(state, user, &event, version, now).await
}

/// A participant that may not stand as it is, refused at the field concerned.
fn participation_refused(error: ParticipationError) -> AppError {
    AppError::invalid(error.field(), error.message())
}

/// The « Ajouter un participant » form.
#[derive(Debug, Clone, Default)]
pub struct NewParticipant {
    pub organisation_id: String,
    /// Blank: the role the organisation's kind implies.
    pub role: String,
    pub contact_name: String,
    pub contact_phone: String,
}

/// « Ajouter un participant » (the organiser): an organisation takes part once, in a role
/// that agrees with what it is; its administrators are told by e-mail.
pub async fn add_participant(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    form: NewParticipant,
    now: Instant,
) -> Result<(), AppError> {
    use crate::domain::plan::input::choice;
    let (stored, access) = open(state, user, event_id).await?;
    require_write(&access, RecordKind::Participant, None)?;
    let organisation = store::organisations::get(&state.db, form.organisation_id.trim())
        .await?
        .ok_or_else(|| AppError::invalid("organisation_id", text::CHOICE_INVALID))?;
    if stored.plan.participants.iter().any(|p| p.organisation_id() == organisation.id) {
        return Err(AppError::invalid("organisation_id", text::ALREADY_PARTICIPANT));
    }
    let participant = Participant::new(ParticipantDraft {
        id: new_id(),
        organisation_id: organisation.id.clone(),
        name: organisation.name.clone(),
        role: match form.role.trim() {
            "" => default_role(organisation.kind, organisation.id == stored.organiser_organisation_id),
            code => choice(code, "role", ParticipantRole::from_code)?,
        },
        contact_name: Some(form.contact_name),
        contact_phone: Some(form.contact_phone),
        cnaps_authorisation: organisation.cnaps_authorisation.clone(),
        commune_code: organisation.commune_code.clone(),
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .map_err(crate::domain::plan::input::refused("contact_name"))?;
    check_participant(&participant, Some(organisation.kind), &stored.organiser_organisation_id)
        .map_err(participation_refused)?;
    plans::insert_record(
        &state.db,
        &user.id,
        event_id,
        RecordKind::Participant,
        participant.id(),
        None,
        Some(&organisation.id),
        &participant,
        now,
    )
    .await?;
    notify_participant(state, &stored.plan.event, &organisation.id, &participant).await
}

/// Tells the administrators of a newly associated organisation, by e-mail, that it takes
/// part in the event, with the link to its plan.
async fn notify_participant(
    state: &AppState,
    event: &Event,
    organisation_id: &str,
    participant: &Participant,
) -> Result<(), AppError> {
    let admins = store::organisations::members(&state.db, organisation_id).await?;
    let link = format!("{}/evenements/{}", state.settings.base_url, event.id());
    let starts = format_long_fr(event.window().start(), event.time_zone());
    for admin in admins.iter().filter(|m| m.role == crate::domain::MembershipRole::Admin) {
        let mail = crate::state::OutgoingMail {
            to: admin.email.clone(),
            subject: text::participation_subject(event.name()),
            body: text::participation_body(
                participant.name(),
                participant.role().label(),
                event.name(),
                &starts,
                &link,
            ),
            attachment: None,
        };
        state.mail.send(mail).await.map_err(|e| {
            tracing::error!(error = %e, "participation e-mail could not be sent");
            AppError::Internal
        })?;
    }
    Ok(())
}

/// « Modifier le participant »: its members change its contact, the organiser the rest too.
pub async fn update_participant(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    edit: Edit<ParticipantEditInput>,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let id = edit.id.trim();
    let current = stored.plan.participant(id).ok_or(AppError::NotFound)?;
    let organiser = access.may_write(RecordKind::Participant, None);
    if !organiser && !access.edits_participant(id) {
        return Err(AppError::Refused(text::API_CANNOT_EDIT.into()));
    }
    let participant = edit.form.apply(current, organiser, &stored.organiser_organisation_id)?;
    let kind = store::organisations::get(&state.db, participant.organisation_id()).await?.map(|o| o.kind);
    check_participant(&participant, kind, &stored.organiser_organisation_id).map_err(participation_refused)?;
    let existing = existing(id, &edit.version, &stored)?;
    let describe = |data: &str| {
        plans::decode::<Participant>(data)
            .map(|p| {
                format!(
                    "{}, contact {} {}",
                    p.role().label(),
                    p.contact_name().unwrap_or("—"),
                    p.contact_phone().unwrap_or("")
                )
            })
            .unwrap_or_default()
    };
    let new = (participant.id(), None, Some(participant.organisation_id()));
    store_record(state, user, event_id, RecordKind::Participant, existing, new, &participant, describe, now).await?;
    Ok(())
}

/// « Supprimer » a record, at the version the page showed; refused while other records
/// depend on it (told as the reader may read the plan).
pub async fn remove_record(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    id: &str,
    version: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let id = id.trim();
    let removal =
        removal_as_read(&stored.plan, &access, id, &stored.organiser_organisation_id).ok_or(AppError::NotFound)?;
    if !access.may_write(removal.kind, removal.owner.as_deref()) {
        return Err(AppError::Refused(
            if removal.kind.belongs_to_a_participant() { text::API_CANNOT_EDIT } else { text::ORGANISER_ONLY }.into(),
        ));
    }
    if !removal.blockers.is_empty() {
        return Err(AppError::Refused(text::removal_refused(&removal.blockers)));
    }
    stored.versions.get(id).ok_or(AppError::NotFound)?;
    match plans::delete_record(&state.db, &user.id, event_id, removal.kind, id, based_on(version)?, now).await? {
        Saved::Done(_) => Ok(()),
        Saved::Stale { .. } => Err(AppError::Stale { message: text::STALE_REMOVAL.into() }),
        Saved::Missing => Err(AppError::NotFound),
    }
}

/// What a whole plan sent back (the JSON API's `PUT`) changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Replaced {
    pub created: usize,
    pub updated: usize,
    pub deleted: usize,
}

/// Why a whole plan sent back was not applied (nothing was).
#[derive(Debug)]
pub enum ReplaceError {
    /// The sender has no access to the event.
    NotFound,
    /// What is wrong, each at its place in the file.
    Invalid(Vec<crate::domain::interchange::ImportError>),
    /// The plan changed since the version the sender read.
    Conflict,
    Store(sqlx::Error),
}

impl From<sqlx::Error> for ReplaceError {
    fn from(error: sqlx::Error) -> Self {
        ReplaceError::Store(error)
    }
}

/// The event's commune must be one of the official list.
pub fn commune_error(
    registry: &crate::domain::communes::CommuneRegistry,
    event: &Event,
) -> Option<crate::domain::interchange::ImportError> {
    registry.find(event.commune().as_str()).is_none().then(|| crate::domain::interchange::ImportError {
        path: "$.event.commune_code".into(),
        message: text::COMMUNE_UNKNOWN.into(),
    })
}

/// A plan file sent back whole, based on the versions tagged `based_on` (the `ETag` of the
/// `GET` it started from): applied as the list of record writes it makes, each allowed by the
/// same rule as the forms ([`EventAccess::may_write`], [`EventAccess::may_restrict`], the
/// participation rule), all in one transaction with their audit entries, or none.
pub async fn replace_plan(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    based_on: &str,
    bytes: &[u8],
    now: Instant,
) -> Result<Replaced, ReplaceError> {
    use crate::domain::interchange::{import_plan, ImportError};
    use crate::store::plan_io::{self, Applied, WriteOp};
    let (stored, access) = plan_for(&state.db, &user.id, event_id).await?.ok_or(ReplaceError::NotFound)?;
    if based_on.trim().is_empty() {
        let message = text::API_VERSION_REQUIRED.into();
        return Err(ReplaceError::Invalid(vec![ImportError { path: "$".into(), message }]));
    }
    if based_on.trim() != super::access::plan_tag(&stored, &access) {
        return Err(ReplaceError::Conflict);
    }
    let sent = import_plan(bytes).map_err(|report| ReplaceError::Invalid(report.errors))?;
    let event_id = stored.plan.event.id().to_string();
    if sent.event.id() != event_id {
        let message = text::api_event_id_mismatch(&event_id);
        return Err(ReplaceError::Invalid(vec![ImportError { path: "$.event.id".into(), message }]));
    }
    let paths = plan_io::record_paths(bytes);
    let merged = super::plan_merge::merge(&stored, &access, &sent, &paths).map_err(ReplaceError::Invalid)?;
    let organiser = stored.organiser_organisation_id.as_str();
    let mut errors =
        plan_io::participant_errors(&state.db, &sent.participants, &stored.plan.participants, organiser, &paths)
            .await?;
    let inserted: Vec<&str> = merged.inserted.iter().map(String::as_str).collect();
    for id in plan_io::ids_taken(&state.db, &inserted, Some(&event_id)).await? {
        let path = paths.get(&id).map_or("$", String::as_str);
        errors.push(ImportError { path: format!("{path}.id"), message: text::IMPORT_ID_TAKEN.into() });
    }
    if let Some(error) = merged.event.as_ref().and_then(|event| commune_error(&state.communes, event)) {
        errors.push(error);
    }
    if !errors.is_empty() {
        return Err(ReplaceError::Invalid(errors));
    }
    let event = merged.event.as_ref().map(|event| (event, stored.event_version));
    match plan_io::apply_writes(&state.db, &user.id, &event_id, event, &merged.writes, now).await? {
        Applied::Conflict => Err(ReplaceError::Conflict),
        Applied::Done => {
            let count = |op: fn(&WriteOp) -> bool| merged.writes.iter().filter(|w| op(&w.op)).count();
            Ok(Replaced {
                created: count(|op| matches!(op, WriteOp::Insert)),
                updated: count(|op| matches!(op, WriteOp::Update(_))) + usize::from(merged.event.is_some()),
                deleted: count(|op| matches!(op, WriteOp::Delete(_))),
            })
        }
    }
}
