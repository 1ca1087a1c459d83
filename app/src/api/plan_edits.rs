//! Editing a plan: zones and needs (the organiser), deployments (each participant its own),
//! participants (the organiser). Every save of an existing record names the version it was
//! based on; a save based on an outdated version is refused with the newer values.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

/// Creates (`id` empty) or updates a zone.
#[server(endpoint = "save_zone")]
pub async fn save_zone(
    event_id: String,
    id: String,
    version: String,
    name: String,
    kind: String,
    public_road: Option<String>,
    /// The zone gives access to an enclosed venue (L613-3).
    acces_enceinte: Option<String>,
    address: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::zone(event_id, id, version, name, kind, (public_road, acces_enceinte), address).await)
}

/// Creates or updates a post (a named position inside a zone).
#[server(endpoint = "save_post")]
pub async fn save_post(
    event_id: String,
    id: String,
    version: String,
    zone_id: String,
    name: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::post(event_id, id, version, zone_id, name).await)
}

/// Creates or updates a need.
#[server(endpoint = "save_need")]
pub async fn save_need(
    event_id: String,
    id: String,
    version: String,
    zone_id: String,
    post_id: Option<String>,
    start: String,
    end: String,
    qualification: String,
    min: String,
    max: String,
    priority: String,
    min_women: String,
    min_men: String,
) -> Result<(), AppError> {
    use super::context::respond;
    let form = server::NeedForm { zone_id, post_id, start, end, qualification, min, max, priority, min_women, min_men };
    respond(server::need(event_id, id, version, form).await)
}

/// Creates or updates one of my deployments.
#[server(endpoint = "save_deployment")]
pub async fn save_deployment(
    event_id: String,
    id: String,
    version: String,
    participant_id: String,
    zone_id: String,
    post_id: Option<String>,
    start: String,
    end: String,
    headcount: String,
    category: String,
    mission: String,
    radio: String,
    restricted: Option<String>,
    /// Named agents (`agent_ids[]` checkboxes; none ticked sends nothing).
    agent_ids: Option<Vec<String>>,
) -> Result<(), AppError> {
    use super::context::respond;
    use crate::domain::plan::input::DeploymentInput;
    let form = DeploymentInput {
        id: id.clone(),
        participant_id,
        zone_id,
        post_id,
        start,
        end,
        headcount,
        category,
        mission,
        radio,
        restricted: restricted.is_some_and(|r| !r.is_empty()),
        agent_ids: agent_ids.unwrap_or_default(),
    };
    respond(server::deployment(event_id, id, version, form).await)
}

/// Changes the event itself (the organiser only). Blank set-up or tear-down fields mean none.
#[server(endpoint = "update_event")]
pub async fn update_event(
    event_id: String,
    version: String,
    name: String,
    kind: String,
    address: String,
    start: String,
    end: String,
    setup_start: String,
    teardown_end: String,
    expected_attendance: String,
    behaviour: String,
    convention_coordination_en_vigueur: Option<String>,
    organisee_par_la_commune: Option<String>,
    but_lucratif: Option<String>,
    palpations_sous_controle_opj: Option<String>,
    /// The commune's police regime (CGCT L2214-4): `police_etat`, `gendarmerie`, or blank.
    regime_police: Option<String>,
    /// How field actors are alerted of an imminent risk (the circular's fourth axis).
    alert_procedure: Option<String>,
) -> Result<(), AppError> {
    use super::context::respond;
    let form = server::EventForm {
        alert_procedure,
        version,
        name,
        kind,
        address,
        start,
        end,
        setup_start,
        teardown_end,
        expected_attendance,
        behaviour,
        legal: super::plan_context::LegalForm {
            convention_coordination_en_vigueur,
            organisee_par_la_commune,
            but_lucratif,
            palpations_sous_controle_opj,
            regime_police,
        },
    };
    respond(server::event(event_id, form).await)
}

/// Records a prefect's order the plan relies on (the organiser), at the event's version.
#[server(endpoint = "add_order")]
pub async fn add_order(
    event_id: String,
    version: String,
    kind: String,
    number: String,
    signed_on: String,
    valid_from: String,
    valid_until: String,
    /// The zones it covers (`zone_ids[]` checkboxes; none: the whole site).
    zone_ids: Option<Vec<String>>,
) -> Result<(), AppError> {
    use super::context::respond;
    let form =
        server::OrderForm { kind, number, signed_on, valid_from, valid_until, zone_ids: zone_ids.unwrap_or_default() };
    respond(server::add_order(event_id, version, form).await)
}

/// Removes the `index`-th order of the event (the organiser), at the event's version.
#[server(endpoint = "remove_order")]
pub async fn remove_order(event_id: String, version: String, index: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::remove_order(event_id, version, index).await)
}

/// Adds an organisation to the event (the organiser only).
#[server(endpoint = "add_participant")]
pub async fn add_participant(
    event_id: String,
    organisation_id: String,
    role: String,
    contact_name: String,
    contact_phone: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::participant(event_id, organisation_id, role, contact_name, contact_phone).await)
}

/// Changes a participant: its role (the organiser) and its lead contact (the organiser, or the
/// participant itself).
#[server(endpoint = "update_participant")]
pub async fn update_participant(
    event_id: String,
    id: String,
    version: String,
    role: String,
    contact_name: String,
    contact_phone: String,
    /// The prefect's L512-3 order lending a municipal police to this commune (organiser only).
    arrete_l512_3: Option<String>,
    /// A municipal police's pooling (L512-1) or intercommunal (L512-2) framework (organiser only).
    cadre_intercommunal: Option<String>,
    /// The organiser's people form an in-house security service, L612-25 (organiser only).
    service_interne_securite: Option<String>,
) -> Result<(), AppError> {
    use super::context::respond;
    let contact = (contact_name, contact_phone);
    let frame = server::ParticipantFrame { arrete_l512_3, cadre_intercommunal, service_interne_securite };
    respond(server::update_participant(event_id, id, version, role, contact, frame).await)
}

/// Removes a zone, post, need or participant (the organiser) or an agent or deployment (its
/// participant), at the version the page showed; refused while other records depend on it.
#[server(endpoint = "delete_record")]
pub async fn delete_record(event_id: String, id: String, version: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::delete(event_id, id, version).await)
}

#[cfg(feature = "ssr")]
mod server {
    use serde::Serialize;

    use crate::api::context::now;
    use crate::api::plan_context::{
        based_on, choice, local_datetime, local_window, number, optional_number, plan_with_access, refused,
        require_organiser, ticked,
    };
    use crate::domain::plan::{
        check_participant, default_role, Audience, Deployment, MunicipalFramework, Need, NeedDraft, Participant,
        ParticipantDraft, ParticipantRole, ParticipationError, Qualification, Zone, ZoneDraft, ZoneKind,
    };
    use crate::error::AppError;
    use crate::state::AppState;
    use crate::store::plans::{self, RecordKind, Saved};
    use crate::store::{self, new_id};
    use crate::text;

    /// Inserts a new record or updates an existing one at its version.
    #[allow(clippy::too_many_arguments)]
    async fn store_record<T: Serialize>(
        state: &AppState,
        actor: &str,
        event_id: &str,
        kind: RecordKind,
        existing: Option<(String, i64)>,
        new: (&str, Option<&str>, Option<&str>),
        record: &T,
        describe: impl Fn(&str) -> String,
    ) -> Result<(), AppError> {
        let now = now();
        match existing {
            None => {
                let (id, participant, organisation) = new;
                plans::insert_record(&state.db, actor, event_id, kind, id, participant, organisation, record, now)
                    .await?;
                Ok(())
            }
            Some((id, version)) => {
                match plans::update_record(&state.db, actor, event_id, kind, &id, version, record, now).await? {
                    Saved::Done(_) => Ok(()),
                    Saved::Stale { data, .. } => Err(AppError::Stale { message: text::stale_record(&describe(&data)) }),
                    Saved::Missing => Err(AppError::NotFound),
                }
            }
        }
    }

    /// `(id, version)` of the record being edited, or `None` for a new one.
    fn existing(
        id: &str,
        version: &str,
        versions: &std::collections::BTreeMap<String, i64>,
    ) -> Result<Option<(String, i64)>, AppError> {
        if id.trim().is_empty() {
            return Ok(None);
        }
        versions.get(id.trim()).ok_or(AppError::NotFound)?;
        Ok(Some((id.trim().to_string(), based_on(version)?)))
    }

    /// A participant that may not stand as it is, refused at the field concerned.
    fn participation_refused(error: ParticipationError) -> AppError {
        AppError::invalid(error.field(), error.message())
    }

    /// The stored kind of a record the domain is asked to remove.
    fn record_kind(kind: crate::domain::plan::RemovableKind) -> RecordKind {
        use crate::domain::plan::RemovableKind as K;
        match kind {
            K::Zone => RecordKind::Zone,
            K::Post => RecordKind::Post,
            K::Participant => RecordKind::Participant,
            K::Agent => RecordKind::Agent,
            K::Need => RecordKind::Need,
            K::Deployment => RecordKind::Deployment,
        }
    }

    fn id_or_new(id: &str) -> String {
        match id.trim() {
            "" => new_id(),
            given => given.to_string(),
        }
    }

    pub async fn zone(
        event_id: String,
        id: String,
        version: String,
        name: String,
        kind: String,
        (public_road, acces_enceinte): (Option<String>, Option<String>),
        address: String,
    ) -> Result<(), AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let existing = existing(&id, &version, &stored.versions)?;
        let kind = choice(&kind, "kind", ZoneKind::from_code)?;
        let zone = Zone::new(ZoneDraft {
            id: id_or_new(&id),
            name,
            kind,
            public_road: ticked(&public_road) || kind == ZoneKind::VoiePublique,
            acces_enceinte: ticked(&acces_enceinte),
            address: Some(address).filter(|a| !a.trim().is_empty()),
            polygon: None,
        })
        .map_err(refused("name"))?;
        let describe = |data: &str| plans::decode::<Zone>(data).map(|z| z.name().to_string()).unwrap_or_default();
        store_record(&state, &user.id, &event_id, RecordKind::Zone, existing, (zone.id(), None, None), &zone, describe)
            .await
    }

    /// The chosen post, which must belong to the chosen zone (blank: the zone as a whole).
    fn post_of_zone(
        plan: &crate::domain::plan::Plan,
        post_id: Option<&str>,
        zone_id: &str,
    ) -> Result<Option<String>, AppError> {
        match post_id.map(str::trim).filter(|p| !p.is_empty()) {
            None => Ok(None),
            Some(id) if plan.posts.iter().any(|p| p.id() == id && p.zone_id() == zone_id) => Ok(Some(id.to_string())),
            Some(_) => Err(AppError::invalid("post_id", text::UNKNOWN_POST)),
        }
    }

    pub async fn post(
        event_id: String,
        id: String,
        version: String,
        zone_id: String,
        name: String,
    ) -> Result<(), AppError> {
        use crate::domain::plan::{Post, PostDraft};
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let existing = existing(&id, &version, &stored.versions)?;
        if !stored.plan.zones.iter().any(|z| z.id() == zone_id) {
            return Err(AppError::invalid("zone_id", text::UNKNOWN_ZONE));
        }
        let post = Post::new(PostDraft { id: id_or_new(&id), zone_id, name }).map_err(refused("name"))?;
        let describe = |data: &str| plans::decode::<Post>(data).map(|p| p.name().to_string()).unwrap_or_default();
        store_record(&state, &user.id, &event_id, RecordKind::Post, existing, (post.id(), None, None), &post, describe)
            .await
    }

    pub struct NeedForm {
        pub zone_id: String,
        pub post_id: Option<String>,
        pub start: String,
        pub end: String,
        pub qualification: String,
        pub min: String,
        pub max: String,
        pub priority: String,
        pub min_women: String,
        pub min_men: String,
    }

    pub async fn need(event_id: String, id: String, version: String, form: NeedForm) -> Result<(), AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let existing = existing(&id, &version, &stored.versions)?;
        if !stored.plan.zones.iter().any(|z| z.id() == form.zone_id) {
            return Err(AppError::invalid("zone_id", text::UNKNOWN_ZONE));
        }
        let zone = stored.plan.event.time_zone();
        let qualification = match form.qualification.trim() {
            "" => None,
            code => Some(choice(code, "qualification", Qualification::from_code)?),
        };
        let post_id = post_of_zone(&stored.plan, form.post_id.as_deref(), &form.zone_id)?;
        let need = Need::new(NeedDraft {
            id: id_or_new(&id),
            zone_id: form.zone_id,
            post_id,
            window: local_window(zone, &form.start, &form.end)?,
            qualification,
            min: number(&form.min, "min")?,
            max: optional_number(&form.max, "max")?,
            priority: optional_number(&form.priority, "priority")?.unwrap_or(3).min(255) as u8,
            min_women: optional_number(&form.min_women, "min_women")?.unwrap_or(0),
            min_men: optional_number(&form.min_men, "min_men")?.unwrap_or(0),
        })
        .map_err(refused("min"))?;
        let describe = |data: &str| {
            plans::decode::<Need>(data).map(|n| format!("{} agent(s) au minimum", n.min())).unwrap_or_default()
        };
        store_record(&state, &user.id, &event_id, RecordKind::Need, existing, (need.id(), None, None), &need, describe)
            .await
    }

    pub async fn deployment(
        event_id: String,
        id: String,
        version: String,
        form: crate::domain::plan::input::DeploymentInput,
    ) -> Result<(), AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let existing = existing(&id, &version, &stored.versions)?;
        // An existing deployment stays with its participant; only that participant edits it.
        let owner = match &existing {
            Some((id, _)) => {
                stored.plan.deployments.iter().find(|d| d.id() == id).map(|d| d.participant_id().to_string())
            }
            None => Some(form.participant_id.trim().to_string()),
        }
        .ok_or(AppError::NotFound)?;
        if !access.edits_participant(&owner) {
            return Err(AppError::invalid("participant_id", text::PARTICIPANT_NOT_YOURS));
        }
        let participant = stored.plan.participant(&owner).ok_or(AppError::NotFound)?;
        let may_restrict = participant.reads_restricted() && access.audience == Audience::StateAndPrefecture;
        // The same parser as the browser's preview: the two never read the form differently.
        let deployment = form.parse(&stored.plan, &id_or_new(&id), &owner, may_restrict)?;
        let zone = stored.plan.event.time_zone();
        let organisation = participant.organisation_id().to_string();
        let describe = |data: &str| {
            plans::decode::<Deployment>(data)
                .map(|d| {
                    let w = d.window();
                    format!(
                        "{} agent(s), de {} à {}",
                        d.staffed_headcount(),
                        crate::domain::time::format_long_fr(w.start(), zone),
                        crate::domain::time::format_long_fr(w.end(), zone)
                    )
                })
                .unwrap_or_default()
        };
        let new = (deployment.id(), Some(owner.as_str()), Some(organisation.as_str()));
        store_record(&state, &user.id, &event_id, RecordKind::Deployment, existing, new, &deployment, describe).await
    }

    pub async fn update_participant(
        event_id: String,
        id: String,
        version: String,
        role: String,
        (contact_name, contact_phone): (String, String),
        frame: ParticipantFrame,
    ) -> Result<(), AppError> {
        let ParticipantFrame { arrete_l512_3, cadre_intercommunal, service_interne_securite } = frame;
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let id = id.trim();
        let current = stored.plan.participant(id).ok_or(AppError::NotFound)?;
        if !access.organiser && !access.edits_participant(id) {
            return Err(AppError::Refused(text::API_CANNOT_EDIT.into()));
        }
        // A participant changes its contact; only the organiser changes roles, and the
        // organiser's own participant stays the organiser.
        let role = if access.organiser && current.organisation_id() != stored.organiser_organisation_id {
            choice(&role, "role", ParticipantRole::from_code)?
        } else {
            current.role()
        };
        if contact_phone.trim().chars().count() > 40 {
            return Err(AppError::invalid("contact_phone", crate::domain::plan::PlanError::TextTooLong { max: 40 }));
        }
        let mut draft = ParticipantDraft::from(current.clone());
        draft.role = role;
        draft.contact_name = Some(contact_name).filter(|c| !c.trim().is_empty());
        draft.contact_phone = Some(contact_phone).filter(|c| !c.trim().is_empty());
        if access.organiser {
            if let Some(order) = arrete_l512_3 {
                if order.trim().chars().count() > 120 {
                    return Err(AppError::invalid(
                        "arrete_l512_3",
                        crate::domain::plan::PlanError::TextTooLong { max: 120 },
                    ));
                }
                draft.arrete_l512_3 = Some(order).filter(|o| !o.trim().is_empty());
            }
            if let Some(code) = cadre_intercommunal {
                draft.cadre_intercommunal = match code.trim() {
                    "" => None,
                    code => Some(choice(code, "cadre_intercommunal", MunicipalFramework::from_code)?),
                };
            }
            draft.service_interne_securite = ticked(&service_interne_securite);
        }
        let participant = Participant::new(draft).map_err(refused("contact_name"))?;
        let kind = store::organisations::get(&state.db, participant.organisation_id()).await?.map(|o| o.kind);
        check_participant(&participant, kind, &stored.organiser_organisation_id).map_err(participation_refused)?;
        let existing = existing(id, &version, &stored.versions)?;
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
        store_record(&state, &user.id, &event_id, RecordKind::Participant, existing, new, &participant, describe).await
    }

    pub async fn delete(event_id: String, id: String, version: String) -> Result<(), AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let id = id.trim();
        let removal =
            crate::domain::plan::removal_as_read(&stored.plan, &access, id, &stored.organiser_organisation_id)
                .ok_or(AppError::NotFound)?;
        match removal.owner.as_deref() {
            Some(owner) if !access.edits_participant(owner) => {
                return Err(AppError::Refused(text::API_CANNOT_EDIT.into()));
            }
            Some(_) => {}
            None => require_organiser(&access)?,
        }
        if !removal.blockers.is_empty() {
            return Err(AppError::Refused(text::removal_refused(&removal.blockers)));
        }
        stored.versions.get(id).ok_or(AppError::NotFound)?;
        let kind = record_kind(removal.kind);
        match plans::delete_record(&state.db, &user.id, &event_id, kind, id, based_on(&version)?, now()).await? {
            Saved::Done(_) => Ok(()),
            Saved::Stale { .. } => Err(AppError::Stale { message: text::STALE_REMOVAL.into() }),
            Saved::Missing => Err(AppError::NotFound),
        }
    }

    /// What a participant's form says of its legal frame (the organiser's to change).
    pub struct ParticipantFrame {
        pub arrete_l512_3: Option<String>,
        pub cadre_intercommunal: Option<String>,
        pub service_interne_securite: Option<String>,
    }

    /// A prefect's order as typed.
    pub struct OrderForm {
        pub kind: String,
        pub number: String,
        pub signed_on: String,
        pub valid_from: String,
        pub valid_until: String,
        pub zone_ids: Vec<String>,
    }

    /// Saves `event` at `version`, or says who changed it first.
    async fn save_event(
        state: &AppState,
        actor: &str,
        event: &crate::domain::plan::Event,
        version: i64,
    ) -> Result<(), AppError> {
        match plans::update_event(&state.db, actor, event, version, now()).await? {
            Saved::Done(_) => Ok(()),
            Saved::Stale { data, .. } => {
                let current = plans::decode::<crate::domain::plan::Event>(&data)
                    .map(|e| e.name().to_string())
                    .unwrap_or_default();
                Err(AppError::Stale { message: text::stale_record(&current) })
            }
            Saved::Missing => Err(AppError::NotFound),
        }
    }

    pub async fn add_order(event_id: String, version: String, form: OrderForm) -> Result<(), AppError> {
        use crate::domain::plan::{Event, EventDraft, OrderKind, PrefectOrder, PrefectOrderFields, TimeWindow};
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let version = based_on(&version)?;
        let event = &stored.plan.event;
        let zone = event.time_zone();
        let kind = choice(&form.kind, "kind", OrderKind::from_code)?;
        let signed_on = match form.signed_on.trim() {
            "" => None,
            raw => Some(
                chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
                    .map_err(|_| AppError::invalid("signed_on", text::DATE_INVALID))?,
            ),
        };
        let valid = match (form.valid_from.trim(), form.valid_until.trim()) {
            ("", "") => None,
            (from, until) => {
                let from = local_datetime(zone, from, "valid_from")?;
                let until = local_datetime(zone, until, "valid_until")?;
                Some(TimeWindow::new(from, until).map_err(|e| AppError::invalid("valid_until", e))?)
            }
        };
        let zone_ids: Vec<String> = form.zone_ids.iter().map(|z| z.trim().to_string()).collect();
        if zone_ids.iter().any(|z| stored.plan.zone(z).is_none()) {
            return Err(AppError::invalid("zone_ids", text::UNKNOWN_ZONE));
        }
        let order = PrefectOrder::new(PrefectOrderFields { kind, number: form.number, signed_on, valid, zone_ids })
            .map_err(refused("number"))?;
        let mut draft = EventDraft::from(event.clone());
        draft.legal.orders.push(order);
        let event = Event::new(draft).map_err(refused("number"))?;
        save_event(&state, &user.id, &event, version).await
    }

    pub async fn remove_order(event_id: String, version: String, index: String) -> Result<(), AppError> {
        use crate::domain::plan::{Event, EventDraft};
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let version = based_on(&version)?;
        let mut draft = EventDraft::from(stored.plan.event.clone());
        let index: usize = index.trim().parse().map_err(|_| AppError::NotFound)?;
        if index >= draft.legal.orders.len() {
            return Err(AppError::NotFound);
        }
        draft.legal.orders.remove(index);
        let event = Event::new(draft).map_err(refused("number"))?;
        save_event(&state, &user.id, &event, version).await
    }

    pub struct EventForm {
        pub version: String,
        pub name: String,
        pub kind: String,
        pub address: String,
        pub start: String,
        pub end: String,
        pub setup_start: String,
        pub teardown_end: String,
        pub expected_attendance: String,
        pub behaviour: String,
        pub legal: crate::api::plan_context::LegalForm,
        pub alert_procedure: Option<String>,
    }

    pub async fn event(event_id: String, form: EventForm) -> Result<(), AppError> {
        use crate::domain::plan::{Event, EventDraft, EventKind, PublicBehaviour, TimeWindow};
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let zone = stored.plan.event.time_zone();
        let window = local_window(zone, &form.start, &form.end)?;
        let setup = match form.setup_start.trim() {
            "" => None,
            raw => Some(
                TimeWindow::new(local_datetime(zone, raw, "setup_start")?, window.start())
                    .map_err(|_| AppError::invalid("setup_start", text::SETUP_AFTER_START))?,
            ),
        };
        let teardown = match form.teardown_end.trim() {
            "" => None,
            raw => Some(
                TimeWindow::new(window.end(), local_datetime(zone, raw, "teardown_end")?)
                    .map_err(|_| AppError::invalid("teardown_end", text::TEARDOWN_BEFORE_END))?,
            ),
        };
        let mut draft = EventDraft::from(stored.plan.event.clone());
        draft.name = form.name;
        draft.kind = choice(&form.kind, "kind", EventKind::from_code)?;
        draft.address = form.address;
        draft.window = window;
        draft.setup = setup;
        draft.teardown = teardown;
        draft.expected_attendance = number(&form.expected_attendance, "expected_attendance")?;
        draft.behaviour = choice(&form.behaviour, "behaviour", PublicBehaviour::from_code)?;
        draft.legal = form.legal.context(std::mem::take(&mut draft.legal.orders))?;
        if let Some(procedure) = form.alert_procedure {
            let max = crate::domain::plan::MAX_ALERT_PROCEDURE;
            if procedure.trim().chars().count() > max {
                return Err(AppError::invalid("alert_procedure", crate::domain::plan::PlanError::TextTooLong { max }));
            }
            draft.alert_procedure = Some(procedure).filter(|p| !p.trim().is_empty());
        }
        let event = Event::new(draft).map_err(refused("name"))?;
        save_event(&state, &user.id, &event, based_on(&form.version)?).await
    }

    pub async fn participant(
        event_id: String,
        organisation_id: String,
        role: String,
        contact_name: String,
        contact_phone: String,
    ) -> Result<(), AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        let organisation = store::organisations::get(&state.db, organisation_id.trim())
            .await?
            .ok_or_else(|| AppError::invalid("organisation_id", text::CHOICE_INVALID))?;
        if stored.plan.participants.iter().any(|p| p.organisation_id() == organisation.id) {
            return Err(AppError::invalid("organisation_id", text::ALREADY_PARTICIPANT));
        }
        let participant = Participant::new(ParticipantDraft {
            id: new_id(),
            organisation_id: organisation.id.clone(),
            name: organisation.name.clone(),
            role: match role.trim() {
                "" => default_role(organisation.kind, organisation.id == stored.organiser_organisation_id),
                code => choice(code, "role", ParticipantRole::from_code)?,
            },
            contact_name: Some(contact_name),
            contact_phone: Some(contact_phone),
            cnaps_authorisation: organisation.cnaps_authorisation.clone(),
            commune_code: organisation.commune_code.clone(),
            arrete_l512_3: None,
            cadre_intercommunal: None,
            service_interne_securite: false,
        })
        .map_err(refused("contact_name"))?;
        check_participant(&participant, Some(organisation.kind), &stored.organiser_organisation_id)
            .map_err(participation_refused)?;
        plans::insert_record(
            &state.db,
            &user.id,
            &event_id,
            RecordKind::Participant,
            participant.id(),
            None,
            Some(&organisation.id),
            &participant,
            now(),
        )
        .await?;
        notify_participant(&state, &stored.plan.event, &organisation.id, &participant).await
    }

    /// Tells the administrators of a newly associated organisation, by e-mail, that it takes
    /// part in the event, with the link to its plan.
    async fn notify_participant(
        state: &AppState,
        event: &crate::domain::plan::Event,
        organisation_id: &str,
        participant: &Participant,
    ) -> Result<(), AppError> {
        let admins = store::organisations::members(&state.db, organisation_id).await?;
        let link = format!("{}/evenements/{}", state.settings.base_url, event.id());
        let starts = crate::domain::time::format_long_fr(event.window().start(), event.time_zone());
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
}
