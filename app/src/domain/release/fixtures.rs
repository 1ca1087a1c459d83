//! Test data for releases and feeds: "Fête de la Saint-Jean" in Martigues with a command
//! post, the north entrance, the organiser, the police and a security company.

use chrono::NaiveDate;
use chrono_tz::Tz;

use crate::domain::plan::{
    local_instant, Agent, AgentDraft, Deployment, DeploymentDraft, Event, EventDraft, EventKind, GeoPolygon,
    LegalContext, MissionCategory, Participant, ParticipantDraft, ParticipantRole, Plan, PublicBehaviour, TimeWindow,
    Visibility, Zone, ZoneDraft, ZoneKind,
};
use crate::domain::time::Instant;

pub const EVENT: u32 = 1;
pub const PC_ZONE: u32 = 10;
pub const NORTH: u32 = 11;
pub const ORGANISER: u32 = 20;
pub const POLICE: u32 = 21;
pub const COMPANY: u32 = 22;
pub const NADIA: u32 = 30;
pub const KARIM: u32 = 31;
/// The company's filtering shift at the north entrance, naming Nadia and Karim.
pub const FILTERING: u32 = 100;
/// The police patrol, restricted.
pub const PATROL: u32 = 101;
/// The organiser at the command post.
pub const PC_SHIFT: u32 = 102;

/// A stable UUID built from a small number.
pub fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// The instant of a wall-clock time in `zone`.
pub fn at(zone: Tz, (y, mo, d): (i32, u32, u32), (h, mi): (u32, u32)) -> Instant {
    let local = NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap();
    local_instant(zone, local).unwrap()
}

/// A window on 20–21 June 2026 in Paris, from (day, hour) to (day, hour).
pub fn june(from: (u32, u32), to: (u32, u32)) -> TimeWindow {
    let paris = chrono_tz::Europe::Paris;
    TimeWindow::new(at(paris, (2026, 6, from.0), (from.1, 0)), at(paris, (2026, 6, to.0), (to.1, 0))).unwrap()
}

/// The event in `commune_code` (its department gives the zone), over `window`.
pub fn event(commune_code: &str, commune_name: &str, window: TimeWindow) -> Event {
    Event::new(EventDraft {
        id: id(EVENT),
        name: "Fête de la Saint-Jean".into(),
        kind: EventKind::FeteFoire,
        commune_code: commune_code.into(),
        commune_name: commune_name.into(),
        address: "Quai Brescon".into(),
        time_zone: None,
        window,
        setup: None,
        teardown: None,
        expected_attendance: 8_000,
        behaviour: PublicBehaviour::Debout,
        legal: LegalContext::default(),
        alert_procedure: None,
    })
    .unwrap()
}

fn participant(n: u32, name: &str, role: ParticipantRole, phone: &str) -> Participant {
    Participant::new(ParticipantDraft {
        id: id(n),
        organisation_id: id(n + 1000),
        name: name.into(),
        role,
        contact_name: None,
        contact_phone: Some(phone.into()),
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .unwrap()
}

fn agent(n: u32, name: &str) -> Agent {
    Agent::new(AgentDraft {
        id: id(n),
        participant_id: id(COMPANY),
        display_name: name.into(),
        qualifications: Default::default(),
        sex: None,
        cnaps_card: None,
        availability: Vec::new(),
    })
    .unwrap()
}

/// A deployment draft of `participant` in `zone` over `window`, 2 agents, visible to all.
pub fn draft(n: u32, participant: u32, zone: u32, window: TimeWindow, category: MissionCategory) -> DeploymentDraft {
    DeploymentDraft {
        id: id(n),
        participant_id: id(participant),
        zone_id: id(zone),
        post_id: None,
        window,
        headcount: 2,
        agent_ids: Vec::new(),
        category,
        mission: "Contrôle visuel des sacs".into(),
        radio: Some("Canal 3".into()),
        visibility: Visibility::AllParticipants,
    }
}

/// The plan: a command post and the north entrance (drawn), three participants with their
/// phones, two agents, and three deployments on the evening of 20 June 2026.
pub fn saint_jean() -> Plan {
    let north_polygon =
        GeoPolygon::new(vec![[5.05, 43.40], [5.07, 43.40], [5.07, 43.42], [5.05, 43.42], [5.05, 43.40]]).unwrap();
    let zone = |n, name: &str, kind, polygon| {
        Zone::new(ZoneDraft {
            id: id(n),
            name: name.into(),
            kind,
            public_road: false,
            acces_enceinte: false,
            address: None,
            polygon,
        })
        .unwrap()
    };
    let filtering = DeploymentDraft {
        headcount: 0,
        agent_ids: vec![id(NADIA), id(KARIM)],
        ..draft(FILTERING, COMPANY, NORTH, june((20, 18), (20, 23)), MissionCategory::Filtrage)
    };
    let patrol = DeploymentDraft {
        visibility: Visibility::Restricted,
        mission: "Patrouille pédestre".into(),
        ..draft(PATROL, POLICE, NORTH, june((20, 20), (21, 2)), MissionCategory::Patrouille)
    };
    let pc = DeploymentDraft {
        radio: None,
        ..draft(PC_SHIFT, ORGANISER, PC_ZONE, june((20, 16), (21, 3)), MissionCategory::Pc)
    };
    Plan {
        event: event("13056", "Martigues", june((20, 18), (21, 2))),
        zones: vec![
            zone(PC_ZONE, "PC sécurité", ZoneKind::PosteCommandement, None),
            zone(NORTH, "Entrée Nord", ZoneKind::EntreeFiltrage, Some(north_polygon)),
        ],
        posts: Vec::new(),
        participants: vec![
            participant(ORGANISER, "Comité des fêtes", ParticipantRole::Organisateur, "04 42 00 00 01"),
            participant(POLICE, "Commissariat de Martigues", ParticipantRole::ForceEtat, "04 42 00 00 17"),
            participant(COMPANY, "Provence Sécurité Événements", ParticipantRole::SecuritePrivee, "04 42 00 00 22"),
        ],
        agents: vec![agent(NADIA, "Nadia B."), agent(KARIM, "Karim T.")],
        needs: Vec::new(),
        deployments: [filtering, patrol, pc].into_iter().map(|d| Deployment::new(d).unwrap()).collect(),
    }
}

/// `plan` with the deployment `n` replaced by `change(draft)`.
pub fn with_deployment(mut plan: Plan, n: u32, change: impl FnOnce(DeploymentDraft) -> DeploymentDraft) -> Plan {
    let i = plan.deployments.iter().position(|d| d.id() == id(n)).unwrap();
    let draft = change(plan.deployments[i].clone().into());
    plan.deployments[i] = Deployment::new(draft).unwrap();
    plan
}

/// `plan` without the deployment `n`.
pub fn without_deployment(mut plan: Plan, n: u32) -> Plan {
    plan.deployments.retain(|d| d.id() != id(n));
    plan
}
