//! From drafts to the domain's records, reporting every refusal of the domain constructors at
//! the path of its field. A constructor stops at the first problem, so each field is first
//! checked alone ("probed") in an otherwise valid record; the rules that tie two fields
//! together (set-up before the start, maximum above minimum, …) are checked once every field
//! is valid alone and the draft complete, each refusal reported and set aside to find the
//! next one.

use super::drafts::Drafted;
use super::report::Report;
use crate::domain::plan::{
    Agent, AgentDraft, Deployment, DeploymentDraft, Event, EventDraft, EventKind, LegalContext, MissionCategory, Need,
    NeedDraft, Participant, ParticipantDraft, ParticipantRole, PlanError, Post, PostDraft, PublicBehaviour, TimeWindow,
    Visibility, Zone, ZoneDraft, ZoneKind,
};
use crate::domain::time::Instant;

/// A valid id for the otherwise valid records the fields are probed in.
const PROBE_ID: &str = "00000000-0000-4000-8000-000000000000";

/// A valid window, for probes and in place of a window the file got wrong.
pub(super) fn probe_window() -> TimeWindow {
    TimeWindow::new(Instant(0), Instant(1)).expect("a one-millisecond window is valid")
}

/// Collects the results of probing fields one at a time.
struct Probes<'a> {
    path: &'a str,
    report: &'a mut Report,
    ok: bool,
}

impl<'a> Probes<'a> {
    fn new(path: &'a str, report: &'a mut Report) -> Self {
        Probes { path, report, ok: true }
    }
    fn check<T>(&mut self, field: &str, result: Result<T, PlanError>) {
        if let Err(error) = result {
            self.report.push(&format!("{}.{field}", self.path), error.to_string());
            self.ok = false;
        }
    }
}

/// Builds the record once its fields passed their probes. `repair` names the field a
/// cross-field refusal belongs to and sets it aside, so the next refusal can be found.
fn build<D: Clone, T>(
    mut draft: D,
    path: &str,
    report: &mut Report,
    new: fn(D) -> Result<T, PlanError>,
    repair: fn(D, &PlanError) -> Option<(&'static str, D)>,
) -> Option<T> {
    let mut failed = false;
    for _ in 0..8 {
        match new(draft.clone()) {
            Ok(record) => return (!failed).then_some(record),
            Err(error) => match repair(draft, &error) {
                Some((field, next)) => {
                    report.push(&format!("{path}.{field}"), error.to_string());
                    failed = true;
                    draft = next;
                }
                None => {
                    report.push(path, error.to_string());
                    return None;
                }
            },
        }
    }
    None
}

fn no_repair<D>(_: D, _: &PlanError) -> Option<(&'static str, D)> {
    None
}

pub(super) fn event((draft, complete): Drafted<EventDraft>, path: &str, report: &mut Report) -> Option<Event> {
    let base = EventDraft {
        id: PROBE_ID.into(),
        name: "x".into(),
        kind: EventKind::Autre,
        commune_code: "75056".into(),
        commune_name: "x".into(),
        address: "x".into(),
        time_zone: None,
        window: probe_window(),
        setup: None,
        teardown: None,
        expected_attendance: 1,
        behaviour: PublicBehaviour::Debout,
        legal: LegalContext::default(),
        alert_procedure: None,
    };
    let d = &draft;
    let mut p = Probes::new(path, report);
    p.check("id", Event::new(EventDraft { id: d.id.clone(), ..base.clone() }));
    p.check("name", Event::new(EventDraft { name: d.name.clone(), ..base.clone() }));
    p.check("commune_code", Event::new(EventDraft { commune_code: d.commune_code.clone(), ..base.clone() }));
    p.check("commune_name", Event::new(EventDraft { commune_name: d.commune_name.clone(), ..base.clone() }));
    p.check("address", Event::new(EventDraft { address: d.address.clone(), ..base.clone() }));
    p.check("time_zone", Event::new(EventDraft { time_zone: d.time_zone.clone(), ..base.clone() }));
    p.check(
        "expected_attendance",
        Event::new(EventDraft { expected_attendance: d.expected_attendance, ..base.clone() }),
    );
    p.check("alert_procedure", Event::new(EventDraft { alert_procedure: d.alert_procedure.clone(), ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Event::new, |d, error| match error {
        PlanError::SetupAfterStart => Some(("setup", EventDraft { setup: None, ..d })),
        PlanError::TeardownBeforeEnd => Some(("teardown", EventDraft { teardown: None, ..d })),
        _ => None,
    })
}

pub(super) fn zone((draft, complete): Drafted<ZoneDraft>, path: &str, report: &mut Report) -> Option<Zone> {
    let base = ZoneDraft {
        id: PROBE_ID.into(),
        name: "x".into(),
        kind: ZoneKind::Autre,
        public_road: false,
        acces_enceinte: false,
        address: None,
        polygon: None,
    };
    let mut p = Probes::new(path, report);
    p.check("id", Zone::new(ZoneDraft { id: draft.id.clone(), ..base.clone() }));
    p.check("name", Zone::new(ZoneDraft { name: draft.name.clone(), ..base.clone() }));
    p.check("address", Zone::new(ZoneDraft { address: draft.address.clone(), ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Zone::new, |d, error| match error {
        PlanError::PublicRoadKindMismatch => Some(("public_road", ZoneDraft { public_road: true, ..d })),
        _ => None,
    })
}

pub(super) fn post((draft, complete): Drafted<PostDraft>, path: &str, report: &mut Report) -> Option<Post> {
    let base = PostDraft { id: PROBE_ID.into(), zone_id: PROBE_ID.into(), name: "x".into() };
    let mut p = Probes::new(path, report);
    p.check("id", Post::new(PostDraft { id: draft.id.clone(), ..base.clone() }));
    p.check("zone_id", Post::new(PostDraft { zone_id: draft.zone_id.clone(), ..base.clone() }));
    p.check("name", Post::new(PostDraft { name: draft.name.clone(), ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Post::new, no_repair)
}

pub(super) fn participant(
    (draft, complete): Drafted<ParticipantDraft>,
    path: &str,
    report: &mut Report,
) -> Option<Participant> {
    let base = ParticipantDraft {
        id: PROBE_ID.into(),
        organisation_id: PROBE_ID.into(),
        name: "x".into(),
        role: ParticipantRole::Autre,
        contact_name: None,
        contact_phone: None,
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    };
    let d = &draft;
    let mut p = Probes::new(path, report);
    p.check("id", Participant::new(ParticipantDraft { id: d.id.clone(), ..base.clone() }));
    let organisation_id = d.organisation_id.clone();
    p.check("organisation_id", Participant::new(ParticipantDraft { organisation_id, ..base.clone() }));
    p.check("name", Participant::new(ParticipantDraft { name: d.name.clone(), ..base.clone() }));
    let contact_name = d.contact_name.clone();
    p.check("contact_name", Participant::new(ParticipantDraft { contact_name, ..base.clone() }));
    let contact_phone = d.contact_phone.clone();
    p.check("contact_phone", Participant::new(ParticipantDraft { contact_phone, ..base.clone() }));
    let cnaps_authorisation = d.cnaps_authorisation.clone();
    p.check("cnaps_authorisation", Participant::new(ParticipantDraft { cnaps_authorisation, ..base.clone() }));
    let commune_code = d.commune_code.clone();
    p.check("commune_code", Participant::new(ParticipantDraft { commune_code, ..base.clone() }));
    let arrete_l512_3 = d.arrete_l512_3.clone();
    p.check("arrete_l512_3", Participant::new(ParticipantDraft { arrete_l512_3, ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Participant::new, no_repair)
}

pub(super) fn agent((draft, complete): Drafted<AgentDraft>, path: &str, report: &mut Report) -> Option<Agent> {
    let base = AgentDraft {
        id: PROBE_ID.into(),
        participant_id: PROBE_ID.into(),
        display_name: "x".into(),
        qualifications: Default::default(),
        sex: None,
        cnaps_card: None,
        availability: Vec::new(),
    };
    let mut p = Probes::new(path, report);
    p.check("id", Agent::new(AgentDraft { id: draft.id.clone(), ..base.clone() }));
    p.check("participant_id", Agent::new(AgentDraft { participant_id: draft.participant_id.clone(), ..base.clone() }));
    p.check("display_name", Agent::new(AgentDraft { display_name: draft.display_name.clone(), ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Agent::new, no_repair)
}

pub(super) fn need((draft, complete): Drafted<NeedDraft>, path: &str, report: &mut Report) -> Option<Need> {
    let base = NeedDraft {
        id: PROBE_ID.into(),
        zone_id: PROBE_ID.into(),
        post_id: None,
        window: probe_window(),
        qualification: None,
        min: 1,
        max: None,
        priority: 1,
        min_women: 0,
        min_men: 0,
    };
    let mut p = Probes::new(path, report);
    p.check("id", Need::new(NeedDraft { id: draft.id.clone(), ..base.clone() }));
    p.check("zone_id", Need::new(NeedDraft { zone_id: draft.zone_id.clone(), ..base.clone() }));
    p.check("post_id", Need::new(NeedDraft { post_id: draft.post_id.clone(), ..base.clone() }));
    p.check("min", Need::new(NeedDraft { min: draft.min, ..base.clone() }));
    p.check("priority", Need::new(NeedDraft { priority: draft.priority, ..base }));
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Need::new, |d, error| match error {
        PlanError::NeedMaxOutOfRange => Some(("max", NeedDraft { max: None, ..d })),
        PlanError::SexMinimaExceedMin => {
            let field = if d.min_women > 0 { "min_women" } else { "min_men" };
            Some((field, NeedDraft { min_women: 0, min_men: 0, ..d }))
        }
        _ => None,
    })
}

pub(super) fn deployment(
    (draft, complete): Drafted<DeploymentDraft>,
    path: &str,
    report: &mut Report,
) -> Option<Deployment> {
    let base = DeploymentDraft {
        id: PROBE_ID.into(),
        participant_id: PROBE_ID.into(),
        zone_id: PROBE_ID.into(),
        post_id: None,
        window: probe_window(),
        headcount: 1,
        agent_ids: Vec::new(),
        category: MissionCategory::Surveillance,
        mission: String::new(),
        radio: None,
        visibility: Visibility::AllParticipants,
    };
    let d = &draft;
    let new = |changed: DeploymentDraft| Deployment::new(changed);
    let mut p = Probes::new(path, report);
    p.check("id", new(DeploymentDraft { id: d.id.clone(), ..base.clone() }));
    p.check("participant_id", new(DeploymentDraft { participant_id: d.participant_id.clone(), ..base.clone() }));
    p.check("zone_id", new(DeploymentDraft { zone_id: d.zone_id.clone(), ..base.clone() }));
    p.check("post_id", new(DeploymentDraft { post_id: d.post_id.clone(), ..base.clone() }));
    p.check("mission", new(DeploymentDraft { mission: d.mission.clone(), ..base.clone() }));
    p.check("radio", new(DeploymentDraft { radio: d.radio.clone(), ..base.clone() }));
    let named = vec![PROBE_ID.to_string()];
    p.check("headcount", new(DeploymentDraft { headcount: d.headcount, agent_ids: named, ..base.clone() }));
    let mut each_valid = true;
    for (k, agent_id) in d.agent_ids.iter().enumerate() {
        let alone = new(DeploymentDraft { agent_ids: vec![agent_id.clone()], ..base.clone() });
        each_valid &= alone.is_ok();
        p.check(&format!("agent_ids[{k}]"), alone);
    }
    // Too many agents, or one named twice: only meaningful once each id is valid.
    if each_valid {
        p.check("agent_ids", new(DeploymentDraft { agent_ids: d.agent_ids.clone(), ..base }));
    }
    if !p.ok || !complete {
        return None;
    }
    build(draft, path, report, Deployment::new, |d, error| match error {
        PlanError::EmptyDeployment => Some(("headcount", DeploymentDraft { headcount: 1, ..d })),
        _ => None,
    })
}
