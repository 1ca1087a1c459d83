//! Real-looking plans for the timeline's and the table's tests, built with the domain's
//! constructors: a July festival in Marseille and a night across the October clock change.

use chrono::NaiveDate;

use crate::domain::plan::{
    local_instant, Deployment, DeploymentDraft, Event, EventDraft, EventKind, LegalContext, MissionCategory, Need,
    NeedDraft, Participant, ParticipantDraft, ParticipantRole, Plan, PublicBehaviour, TimeWindow, Visibility, Zone,
    ZoneDraft, ZoneKind,
};
use crate::domain::time::Instant;

pub const NORTH: u32 = 10;
pub const PARKING: u32 = 11;
pub const PRIVATE: u32 = 20;
pub const MUNICIPAL: u32 = 21;
pub const GENDARMERIE: u32 = 22;

/// A stable UUID built from a small number.
pub fn id(n: u32) -> String {
    format!("00000000-0000-4000-8000-{n:012}")
}

/// The instant of a wall-clock time in Paris (the first one when the clock repeats it).
pub fn paris(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> Instant {
    let local = NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(hour, minute, 0).unwrap();
    local_instant(chrono_tz::Europe::Paris, local).unwrap()
}

/// A window between two instants.
pub fn window(start: Instant, end: Instant) -> TimeWindow {
    TimeWindow::new(start, end).unwrap()
}

/// A window of July 2026 in Paris, given as (day, hour, minute).
pub fn july(from: (u32, u32, u32), to: (u32, u32, u32)) -> TimeWindow {
    window(paris(2026, 7, from.0, from.1, from.2), paris(2026, 7, to.0, to.1, to.2))
}

/// An event in Marseille (defaulting to Europe/Paris) over `window`.
pub fn event(name: &str, window: TimeWindow) -> Event {
    Event::new(EventDraft {
        id: id(1),
        name: name.into(),
        kind: EventKind::FestivalConcert,
        commune_code: "13055".into(),
        commune_name: "Marseille".into(),
        address: "Parc Borély, avenue du Prado".into(),
        time_zone: None,
        window,
        setup: None,
        teardown: None,
        expected_attendance: 12_000,
        behaviour: PublicBehaviour::Debout,
        legal: LegalContext::default(),
        alert_procedure: None,
    })
    .unwrap()
}

/// A zone of kind "entrée / filtrage".
pub fn zone(n: u32, name: &str) -> Zone {
    let draft = ZoneDraft {
        id: id(n),
        name: name.into(),
        kind: ZoneKind::EntreeFiltrage,
        public_road: false,
        acces_enceinte: false,
        address: None,
        polygon: None,
    };
    Zone::new(draft).unwrap()
}

/// A participant in `role`.
pub fn participant(n: u32, name: &str, role: ParticipantRole) -> Participant {
    let draft = ParticipantDraft {
        id: id(n),
        organisation_id: id(n + 1000),
        name: name.into(),
        role,
        contact_name: None,
        contact_phone: None,
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    };
    Participant::new(draft).unwrap()
}

/// A need for `min` agents of any qualification in a zone.
pub fn need(n: u32, zone: u32, window: TimeWindow, min: u32) -> Need {
    let draft = NeedDraft {
        id: id(n),
        zone_id: id(zone),
        post_id: None,
        window,
        qualification: None,
        min,
        max: None,
        priority: 1,
        min_women: 0,
        min_men: 0,
    };
    Need::new(draft).unwrap()
}

/// A filtering deployment of `headcount` agents.
pub fn deployment(n: u32, participant: u32, zone: u32, window: TimeWindow, headcount: u32) -> Deployment {
    let draft = DeploymentDraft {
        id: id(n),
        participant_id: id(participant),
        zone_id: id(zone),
        post_id: None,
        window,
        headcount,
        agent_ids: vec![],
        category: MissionCategory::Filtrage,
        mission: "Contrôle visuel des sacs".into(),
        radio: None,
        visibility: Visibility::AllParticipants,
    };
    Deployment::new(draft).unwrap()
}

/// "Festival des Calanques", 10 July 18:00 to 11 July 02:00. Entrée Nord needs 6 agents
/// 18:00–23:30; a private company sends 4 all along and the municipal police 2 from 20:00
/// to 23:00, so 2 are missing 18:00–20:00 and 23:00–23:30. The gendarmerie holds the car
/// park all night.
pub fn festival() -> Plan {
    Plan {
        event: event("Festival des Calanques", july((10, 18, 0), (11, 2, 0))),
        zones: vec![zone(PARKING, "Parking Sud"), zone(NORTH, "Entrée Nord")],
        posts: vec![],
        participants: vec![
            participant(PRIVATE, "Sécurité Sud", ParticipantRole::SecuritePrivee),
            participant(MUNICIPAL, "Police municipale de Marseille", ParticipantRole::PoliceMunicipale),
            participant(GENDARMERIE, "Gendarmerie", ParticipantRole::ForceEtat),
        ],
        agents: vec![],
        needs: vec![need(200, NORTH, july((10, 18, 0), (10, 23, 30)), 6)],
        deployments: vec![
            deployment(100, PRIVATE, NORTH, july((10, 18, 0), (10, 23, 30)), 4),
            deployment(101, MUNICIPAL, NORTH, july((10, 20, 0), (10, 23, 0)), 2),
            deployment(102, GENDARMERIE, PARKING, july((10, 18, 0), (11, 2, 0)), 3),
        ],
    }
}

/// A night from Saturday 24 October 2026 22:00 to Sunday 25 06:00 in Paris: nine real hours,
/// since the clocks go back from 03:00 to 02:00. One deployment holds the entrance all night.
pub fn october_night() -> Plan {
    let night = window(paris(2026, 10, 24, 22, 0), paris(2026, 10, 25, 6, 0));
    Plan {
        event: event("Nuit des étoiles", night),
        zones: vec![zone(NORTH, "Entrée Nord")],
        posts: vec![],
        participants: vec![participant(PRIVATE, "Sécurité Sud", ParticipantRole::SecuritePrivee)],
        agents: vec![],
        needs: vec![],
        deployments: vec![deployment(100, PRIVATE, NORTH, night, 2)],
    }
}
