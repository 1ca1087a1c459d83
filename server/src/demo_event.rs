//! The demo event: the "Fête de la Saint-Pierre" in Martigues, 26–27 June 2027, a two-day
//! town festival with a night of concerts and a fireworks display. Ten zones (the quay on
//! the public road held by the police), the police, the municipal police, two security
//! companies with 40 named agents, needs and deployments — with a few visible gaps.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use app::domain::plan::{
    local_instant, Agent, AgentDraft, CnapsCard, Deployment, DeploymentDraft, Event, EventDraft, EventKind, GeoPolygon,
    LegalContext, MissionCategory, Need, NeedDraft, OrderKind, Participant, ParticipantDraft, ParticipantRole,
    PrefectOrder, PrefectOrderFields, PublicBehaviour, Qualification, Sex, TimeWindow, Visibility, Zone, ZoneDraft,
    ZoneKind,
};
use app::domain::Instant;
use app::store::{new_id, Db};

/// A wall-clock time in Martigues: (day of June 2027, hour); hour 24+ is the next day.
fn at(day: u32, hour: u32) -> Instant {
    let date = NaiveDate::from_ymd_opt(2027, 6, day).unwrap() + chrono::Days::new(u64::from(hour / 24));
    local_instant(chrono_tz::Europe::Paris, date.and_hms_opt(hour % 24, 0, 0).unwrap()).unwrap()
}

fn window(from: (u32, u32), to: (u32, u32)) -> TimeWindow {
    TimeWindow::new(at(from.0, from.1), at(to.0, to.1)).unwrap()
}

const FIRST_NAMES: [&str; 20] = [
    "Amina", "Lucas", "Chloé", "Mehdi", "Sarah", "Thomas", "Inès", "Julien", "Léa", "Youssef", "Camille", "Hugo",
    "Fatou", "Nicolas", "Manon", "Karim", "Élodie", "Antoine", "Nadia", "Romain",
];
const LAST_NAMES: [&str; 20] = [
    "Martin",
    "Benali",
    "Garcia",
    "Rossi",
    "Nguyen",
    "Lefebvre",
    "Haddad",
    "Moreau",
    "Diallo",
    "Fabre",
    "Roux",
    "Mercier",
    "Boyer",
    "Girard",
    "Chevalier",
    "Lopez",
    "Faure",
    "Andre",
    "Blanc",
    "Guerin",
];

struct DemoPlan {
    event: Event,
    zones: Vec<Zone>,
    participants: Vec<Participant>,
    agents: Vec<Agent>,
    needs: Vec<Need>,
    deployments: Vec<Deployment>,
}

/// A zone; `area` is its outline as west, south, east and north bounds (degrees), drawn on
/// the convention's map.
fn zone(name: &str, kind: ZoneKind, public_road: bool, address: &str, area: Option<[f64; 4]>) -> Zone {
    let polygon = area.map(|[w, s, e, n]| GeoPolygon::new(vec![[w, s], [e, s], [e, n], [w, n], [w, s]]).unwrap());
    Zone::new(ZoneDraft {
        id: new_id(),
        name: name.into(),
        kind,
        public_road,
        acces_enceinte: false,
        address: Some(address.into()),
        polygon,
    })
    .unwrap()
}

/// The CNAPS authorisation and the commune each demo organisation has in `demo.rs`, copied
/// onto its participant as joining in the browser does.
fn registered_details(role: ParticipantRole, name: &str) -> (Option<String>, Option<String>) {
    match role {
        ParticipantRole::SecuritePrivee => (
            crate::demo::ORGANISATIONS.iter().find(|o| o.0 == name).map(|o| o.3.to_string()).filter(|a| !a.is_empty()),
            None,
        ),
        ParticipantRole::PoliceMunicipale => (
            None,
            crate::demo::ORGANISATIONS.iter().find(|o| o.0 == name).map(|o| o.2.to_string()).filter(|c| !c.is_empty()),
        ),
        _ => (None, None),
    }
}

fn participant(organisation: &(String, String), role: ParticipantRole, contact: &str, phone: &str) -> Participant {
    let (cnaps_authorisation, commune_code) = registered_details(role, &organisation.1);
    Participant::new(ParticipantDraft {
        id: new_id(),
        organisation_id: organisation.0.clone(),
        name: organisation.1.clone(),
        role,
        contact_name: Some(contact.into()),
        contact_phone: Some(phone.into()),
        cnaps_authorisation,
        commune_code,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    })
    .unwrap()
}

/// `count` agents of a company, the first `palpation` of them trained for pat-downs; two
/// women then two men, and so on.
fn agents(company: &Participant, count: usize, palpation: usize, offset: usize, card_prefix: &str) -> Vec<Agent> {
    (0..count)
        .map(|i| {
            let n = i + offset;
            let mut qualifications: BTreeSet<Qualification> = [Qualification::CqpAps].into();
            if i < palpation {
                qualifications.insert(Qualification::Palpation);
            }
            if i % 8 == 0 {
                qualifications.insert(Qualification::ChefEquipe);
            }
            if i % 7 == 3 {
                qualifications.insert(Qualification::Ssiap1);
            }
            let sex = if i % 4 < 2 { Sex::Femme } else { Sex::Homme };
            Agent::new(AgentDraft {
                id: new_id(),
                participant_id: company.id().into(),
                display_name: format!("{} {}", FIRST_NAMES[n % 20], LAST_NAMES[(n * 7 + 3) % 20]),
                qualifications,
                sex: Some(sex),
                cnaps_card: Some(
                    CnapsCard::new(&format!("{card_prefix}-2029-{:02}-{:08}", 1 + n % 12, 20_240_000 + n), at(30, 0))
                        .unwrap(),
                ),
                availability: vec![window((26, 8), (28, 8))],
            })
            .unwrap()
        })
        .collect()
}

/// The organisations of the demo, by name, as (id, name).
pub struct DemoOrganisations {
    pub organiser: (String, String),
    pub police: (String, String),
    pub municipal: (String, String),
    pub provence: (String, String),
    pub azur: (String, String),
    pub prefecture: (String, String),
}

fn build(orgs: &DemoOrganisations) -> DemoPlan {
    let zones = vec![
        zone(
            "Entrée Nord",
            ZoneKind::EntreeFiltrage,
            false,
            "Avenue Frédéric Mistral",
            Some([5.0514, 43.4060, 5.0521, 43.4065]),
        ),
        zone(
            "Entrée Sud",
            ZoneKind::EntreeFiltrage,
            false,
            "Rue de la République",
            Some([5.0534, 43.4027, 5.0541, 43.4032]),
        ),
        zone("Quai Brescon", ZoneKind::VoiePublique, true, "Quai Brescon", Some([5.0522, 43.4042, 5.0546, 43.4046])),
        zone(
            "Place Mirabeau — scène",
            ZoneKind::Scene,
            false,
            "Place Mirabeau",
            Some([5.0528, 43.4048, 5.0537, 43.4054]),
        ),
        zone(
            "Village gourmand",
            ZoneKind::Enceinte,
            false,
            "Cours du 4 Septembre",
            Some([5.0499, 43.4052, 5.0512, 43.4058]),
        ),
        zone(
            "Parking Ferrières",
            ZoneKind::Parking,
            false,
            "Boulevard du 14 Juillet",
            Some([5.0484, 43.4062, 5.0498, 43.4071]),
        ),
        zone("Poste de commandement", ZoneKind::PosteCommandement, false, "Hôtel de ville", None),
        zone("Poste de secours", ZoneKind::Secours, false, "Place de l’Hôtel de ville", None),
        zone(
            "Canal Saint-Sébastien — feu d’artifice",
            ZoneKind::Enceinte,
            false,
            "Canal Saint-Sébastien",
            Some([5.0541, 43.4035, 5.0562, 43.4040]),
        ),
        zone(
            "Pont levant",
            ZoneKind::VoiePublique,
            true,
            "Pont levant de Jonquières",
            Some([5.0516, 43.4036, 5.0521, 43.4047]),
        ),
    ];
    let event = Event::new(EventDraft {
        id: new_id(),
        name: "Fête de la Saint-Pierre".into(),
        kind: EventKind::FeteFoire,
        commune_code: "13056".into(),
        commune_name: "Martigues".into(),
        address: "Quai Brescon et place Mirabeau".into(),
        time_zone: None,
        window: window((26, 10), (27, 23)),
        setup: Some(window((25, 14), (26, 10))),
        teardown: Some(window((27, 23), (28, 6))),
        expected_attendance: 18_000,
        behaviour: PublicBehaviour::Debout,
        legal: LegalContext {
            // The prefect's order of the demo: pat-downs at both entrances, for the public
            // opening (L613-2); the fête is open-air, with no enclosed venue.
            orders: vec![PrefectOrder::new(PrefectOrderFields {
                kind: OrderKind::PalpationL613_2,
                number: "13-2027-06-0187".into(),
                signed_on: NaiveDate::from_ymd_opt(2027, 6, 11),
                valid: Some(window((26, 10), (28, 2))),
                zone_ids: vec![zones[0].id().to_string(), zones[1].id().to_string()],
            })
            .unwrap()],
            convention_coordination_en_vigueur: true,
            // Martigues has a commissariat: the State keeps order at large gatherings.
            regime_police: app::domain::plan::PoliceRegime::PoliceEtat,
            ..Default::default()
        },
        alert_procedure: Some(
            "Le poste de commandement (hôtel de ville) alerte les chefs de poste sur le canal 1 et appelle le 17 ; \
             chaque chef de poste alerte ses agents et rend compte au PC."
                .into(),
        ),
    })
    .unwrap();
    let participants = vec![
        participant(&orgs.organiser, ParticipantRole::Organisateur, "Julien Roux", "04 42 00 00 01"),
        participant(&orgs.police, ParticipantRole::ForceEtat, "Commandant Marc Lefèvre", "04 42 00 00 17"),
        participant(&orgs.municipal, ParticipantRole::PoliceMunicipale, "Sophie Garnier", "04 42 00 00 22"),
        participant(&orgs.provence, ParticipantRole::SecuritePrivee, "Karim Haddad", "06 00 00 00 31"),
        participant(&orgs.azur, ParticipantRole::SecuritePrivee, "Élise Fabre", "06 00 00 00 32"),
        participant(&orgs.prefecture, ParticipantRole::Prefecture, "Nadia Benali", "04 84 00 00 13"),
    ];
    let mut all_agents = agents(&participants[3], 24, 18, 0, "CAR-013");
    all_agents.extend(agents(&participants[4], 16, 6, 24, "CAR-083"));
    let (needs, deployments) = needs_and_deployments(&zones, &participants, &all_agents);
    DemoPlan { event, zones, participants, agents: all_agents, needs, deployments }
}

fn need(
    zone: &Zone,
    w: TimeWindow,
    qualification: Option<Qualification>,
    min: u32,
    women: u32,
    men: u32,
    priority: u8,
) -> Need {
    Need::new(NeedDraft {
        id: new_id(),
        zone_id: zone.id().into(),
        post_id: None,
        window: w,
        qualification,
        min,
        max: None,
        priority,
        min_women: women,
        min_men: men,
    })
    .unwrap()
}

#[allow(clippy::too_many_arguments)]
fn deployment(
    who: &Participant,
    zone: &Zone,
    w: TimeWindow,
    headcount: u32,
    agents: &[&Agent],
    category: MissionCategory,
    mission: &str,
    radio: &str,
    visibility: Visibility,
) -> Deployment {
    Deployment::new(DeploymentDraft {
        id: new_id(),
        participant_id: who.id().into(),
        zone_id: zone.id().into(),
        post_id: None,
        window: w,
        headcount,
        agent_ids: agents.iter().map(|a| a.id().to_string()).collect(),
        category,
        mission: mission.into(),
        radio: Some(radio.into()),
        visibility,
    })
    .unwrap()
}

fn needs_and_deployments(zones: &[Zone], p: &[Participant], agents: &[Agent]) -> (Vec<Need>, Vec<Deployment>) {
    use MissionCategory::*;
    use Visibility::*;
    let palp = Some(Qualification::Palpation);
    let needs = vec![
        need(&zones[0], window((26, 10), (26, 26)), palp, 6, 2, 2, 1),
        need(&zones[0], window((27, 10), (27, 23)), palp, 6, 2, 2, 1),
        need(&zones[1], window((26, 10), (26, 26)), palp, 4, 1, 1, 1),
        need(&zones[3], window((26, 18), (26, 26)), None, 8, 0, 0, 2),
        need(&zones[4], window((26, 11), (26, 23)), None, 4, 0, 0, 3),
        need(&zones[4], window((27, 11), (27, 23)), None, 4, 0, 0, 3),
        need(&zones[5], window((26, 9), (26, 27)), None, 2, 0, 0, 4),
        need(&zones[2], window((26, 10), (27, 23)), None, 4, 0, 0, 1),
        need(&zones[8], window((26, 21), (26, 24)), None, 10, 0, 0, 1),
    ];
    let pse: Vec<&Agent> = agents.iter().filter(|a| a.participant_id() == p[3].id()).collect();
    let azur: Vec<&Agent> = agents.iter().filter(|a| a.participant_id() == p[4].id()).collect();
    let team = |from: &[&Agent], start: usize, n: usize| -> Vec<Agent> {
        from[start..start + n].iter().map(|a| (*a).clone()).collect()
    };
    let north_day = team(&pse, 0, 6);
    let north_night = team(&pse, 6, 6);
    let north_sunday = team(&pse, 12, 6);
    let south_day = team(&azur, 0, 4);
    let south_night = team(&azur, 4, 2); // short by two: a visible gap
    let stage = team(&pse, 18, 6); // two short of the eight required
    let village = team(&azur, 6, 4);
    let village_sunday = team(&azur, 10, 3); // one short on Sunday
    let parking = team(&azur, 13, 2);
    let deployments = vec![
        deployment(
            &p[3],
            &zones[0],
            window((26, 10), (26, 18)),
            6,
            &refs(&north_day),
            Filtrage,
            "Filtrage et palpations à l’entrée nord",
            "Canal 1",
            AllParticipants,
        ),
        deployment(
            &p[3],
            &zones[0],
            window((26, 18), (26, 26)),
            6,
            &refs(&north_night),
            Filtrage,
            "Filtrage et palpations à l’entrée nord (soirée)",
            "Canal 1",
            AllParticipants,
        ),
        deployment(
            &p[3],
            &zones[0],
            window((27, 10), (27, 22)),
            6,
            &refs(&north_sunday),
            Filtrage,
            "Filtrage et palpations à l’entrée nord (dimanche)",
            "Canal 1",
            AllParticipants,
        ),
        deployment(
            &p[4],
            &zones[1],
            window((26, 10), (26, 20)),
            4,
            &refs(&south_day),
            Filtrage,
            "Filtrage à l’entrée sud",
            "Canal 2",
            AllParticipants,
        ),
        deployment(
            &p[4],
            &zones[1],
            window((26, 20), (26, 26)),
            2,
            &refs(&south_night),
            Filtrage,
            "Filtrage à l’entrée sud (soirée)",
            "Canal 2",
            AllParticipants,
        ),
        deployment(
            &p[3],
            &zones[3],
            window((26, 18), (26, 26)),
            6,
            &refs(&stage),
            Surveillance,
            "Surveillance de la fosse et des crash-barrières",
            "Canal 3",
            AllParticipants,
        ),
        deployment(
            &p[4],
            &zones[4],
            window((26, 11), (26, 23)),
            4,
            &refs(&village),
            Surveillance,
            "Surveillance du village gourmand",
            "Canal 2",
            AllParticipants,
        ),
        deployment(
            &p[4],
            &zones[4],
            window((27, 11), (27, 23)),
            3,
            &refs(&village_sunday),
            Surveillance,
            "Surveillance du village gourmand (dimanche)",
            "Canal 2",
            AllParticipants,
        ),
        deployment(
            &p[4],
            &zones[5],
            window((26, 9), (26, 21)),
            2,
            &refs(&parking),
            Circulation,
            "Accueil et orientation au parking",
            "Canal 4",
            AllParticipants,
        ),
        deployment(
            &p[1],
            &zones[2],
            window((26, 10), (26, 22)),
            4,
            &[],
            Patrouille,
            "Patrouilles pédestres sur le quai",
            "TPH police",
            AllParticipants,
        ),
        deployment(
            &p[1],
            &zones[2],
            window((26, 22), (27, 10)),
            4,
            &[],
            Patrouille,
            "Patrouilles de nuit sur le quai",
            "TPH police",
            AllParticipants,
        ),
        deployment(
            &p[1],
            &zones[2],
            window((27, 10), (27, 23)),
            4,
            &[],
            Patrouille,
            "Patrouilles pédestres sur le quai (dimanche)",
            "TPH police",
            AllParticipants,
        ),
        deployment(
            &p[1],
            &zones[8],
            window((26, 20), (26, 25)),
            3,
            &[],
            Intervention,
            "Équipe en civil près du canal pendant le feu d’artifice",
            "TPH police (conférence 2)",
            Restricted,
        ),
        deployment(
            &p[2],
            &zones[9],
            window((26, 20), (26, 24)),
            4,
            &[],
            Circulation,
            "Fermeture et régulation du pont levant",
            "Radio police municipale",
            AllParticipants,
        ),
        deployment(
            &p[2],
            &zones[8],
            window((26, 21), (26, 24)),
            6,
            &[],
            Surveillance,
            "Surveillance des berges pendant le feu d’artifice",
            "Radio police municipale",
            AllParticipants,
        ),
        deployment(
            &p[0],
            &zones[6],
            window((26, 9), (27, 24)),
            2,
            &[],
            Pc,
            "Permanence du poste de commandement",
            "04 42 00 00 01",
            AllParticipants,
        ),
    ];
    (needs, deployments)
}

/// Who the audit trail names for the demo's records.
const DEMO_ACTOR: &str = "démonstration";

/// Loads the demo event for these organisations.
pub async fn load(db: &Db, orgs: &DemoOrganisations, now: Instant) -> anyhow::Result<String> {
    let demo = build(orgs);
    let event_id = demo.event.id().to_string();
    let plan = app::domain::plan::Plan {
        event: demo.event,
        zones: demo.zones,
        posts: Vec::new(),
        participants: demo.participants,
        agents: demo.agents,
        needs: demo.needs,
        deployments: demo.deployments,
    };
    // The whole plan in one transaction, with its one audit entry, as an import.
    app::store::plan_io::import_plan_records(db, DEMO_ACTOR, &plan, &orgs.organiser.0, None, now).await?;
    // The organiser has confirmed the risk assessment Cordon pre-fills from the event (the
    // convention's first axis), as a file ready to be filed needs.
    let risk = app::domain::convention::risk::RiskAssessment::new(
        app::domain::convention::risk::RiskAssessmentDraft::from_event(&plan.event),
    )
    .map_err(|errors| anyhow::anyhow!("the demo's risk assessment: {errors:?}"))?;
    let inputs = app::store::conventions::StoredInputs { risk: Some(risk), amendments: Vec::new(), version: 0 };
    let entry = app::store::conventions::NewEntry {
        chain: app::store::conventions::event_chain(&event_id),
        at: now,
        actor: DEMO_ACTOR.into(),
        kind: "inputs.risk".into(),
        payload: serde_json::json!({ "author": orgs.organiser.1, "message": app::text::RISK_SAVED }),
    };
    app::store::conventions::save_inputs(db, &event_id, &inputs, DEMO_ACTOR, &entry, now).await?;
    for entry in conventions_in_force() {
        app::store::conventions::add_in_force(db, &entry, "demo", now).await?;
    }
    Ok(event_id)
}

/// The department's registry: the conventions already in force in Martigues and a nearby
/// commune, so that the convention cites them and the census has lines on both sides of a
/// 31 December.
fn conventions_in_force() -> Vec<app::domain::convention::RegistryEntry> {
    use app::domain::convention::{ConventionKind, RegistryEntry, RegistryEntryDraft};
    let day = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let drafts = [
        RegistryEntryDraft {
            commune_code: "13056".into(),
            kind: ConventionKind::Coordination,
            signed: day(2024, 3, 4),
            start: day(2024, 3, 4),
            end: Some(day(2029, 3, 3)),
            reference: "CC-13056-2024-01".into(),
            title:
                "Convention de coordination de la police municipale de Martigues et des forces de sécurité de l’État"
                    .into(),
        },
        RegistryEntryDraft {
            commune_code: "13047".into(),
            kind: ConventionKind::Clcs,
            signed: day(2025, 11, 20),
            start: day(2026, 1, 1),
            end: Some(day(2026, 12, 31)),
            reference: "CLCS-13047-2026".into(),
            title: "Convention locale de coopération de sécurité du centre-ville d’Istres".into(),
        },
    ];
    drafts.into_iter().filter_map(|d| RegistryEntry::new(d).ok()).collect()
}

fn refs(agents: &[Agent]) -> Vec<&Agent> {
    agents.iter().collect()
}
