//! A synthetic plan of any size, for benchmarks: a festival in Martigues with `zones` zones,
//! needs on every zone in six-hour blocks, `deployments` deployments over `hours` hours by
//! the police, the municipal police, three security companies (most of whose deployments
//! name their agents), first aid and the organiser — with the few gaps, double bookings and
//! deployments outside the event a real plan has. Deterministic: the same arguments give the
//! same plan, ids included. Pure; no `rand` crate (a xorshift generator is enough here).

use std::cmp::Reverse;
use std::collections::{BTreeSet, BinaryHeap};

use chrono::NaiveDate;

use super::actors::{Agent, AgentDraft, CnapsCard, ParticipantRole, Qualification, Sex};
use super::aggregate::Plan;
use super::deployment::{Deployment, DeploymentDraft, MissionCategory, Visibility};
use super::event::{Event, EventDraft, EventKind, LegalContext, PublicBehaviour};
use super::need::{Need, NeedDraft};
use super::participant::{Participant, ParticipantDraft};
use super::time_zone::local_instant;
use super::window::TimeWindow;
use super::zone::{Zone, ZoneDraft, ZoneKind};
use crate::domain::time::{Instant, Span};

/// Participants, in this order (also in the plan): organiser, police, municipal police, three
/// companies, first aid, prefecture.
const PARTICIPANTS: [(&str, ParticipantRole); 8] = [
    ("Comité des fêtes", ParticipantRole::Organisateur),
    ("Commissariat de police", ParticipantRole::ForceEtat),
    ("Police municipale", ParticipantRole::PoliceMunicipale),
    ("Provence Sécurité Événements", ParticipantRole::SecuritePrivee),
    ("Azur Protection Services", ParticipantRole::SecuritePrivee),
    ("Étang de Berre Gardiennage", ParticipantRole::SecuritePrivee),
    ("Protection civile", ParticipantRole::Secours),
    ("Préfecture des Bouches-du-Rhône", ParticipantRole::Prefecture),
];
const ORGANISER: usize = 0;
const POLICE: usize = 1;
const MUNICIPAL: usize = 2;
const FIRST_COMPANY: usize = 3;
const FIRST_AID: usize = 6;

/// Zone kinds after the command post (zone 0), in turn.
const KINDS: [ZoneKind; 8] = [
    ZoneKind::EntreeFiltrage,
    ZoneKind::Enceinte,
    ZoneKind::VoiePublique,
    ZoneKind::Scene,
    ZoneKind::EntreeFiltrage,
    ZoneKind::Parking,
    ZoneKind::Secours,
    ZoneKind::Autre,
];

/// A synthetic plan of `zones` zones (at least one), `deployments` deployments and an event
/// of `hours` hours (1 to 720) starting on Saturday 26 June 2027 at 08:00 in Paris.
pub fn synthetic_plan(zones: usize, deployments: usize, hours: u32, seed: u64) -> Plan {
    let mut rng = XorShift::new(seed);
    let participants: Vec<Participant> =
        PARTICIPANTS.iter().map(|(name, role)| participant(&mut rng, name, *role)).collect();
    let event = event(&mut rng, hours.clamp(1, 720), deployments);
    let zones: Vec<Zone> = (0..zones.max(1)).map(|i| zone(&mut rng, i)).collect();
    let needs = zones.iter().flat_map(|zone| zone_needs(&mut rng, zone, event.window())).collect();
    let specs = (0..deployments).map(|i| spec(&mut rng, &event, &zones, i)).collect::<Vec<_>>();
    let mut staffing = Staffing::default();
    let deployments = staffing.staff(&mut rng, specs, &participants);
    let mut plan = Plan { event, zones, posts: Vec::new(), participants, agents: staffing.agents, needs, deployments };
    plan.zones.sort_by(|a, b| a.id().cmp(b.id()));
    plan.agents.sort_by(|a, b| a.id().cmp(b.id()));
    plan.needs.sort_by(|a, b| a.id().cmp(b.id()));
    plan.deployments.sort_by(|a, b| a.id().cmp(b.id()));
    plan
}

/// xorshift64*, seeded through splitmix64 so that any seed (0 included) works.
struct XorShift(u64);

impl XorShift {
    fn new(seed: u64) -> Self {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        XorShift((z ^ (z >> 31)) | 1)
    }
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in `low..=high`.
    fn between(&mut self, low: u32, high: u32) -> u32 {
        low + (self.next() % u64::from(high - low + 1)) as u32
    }
    /// True `percent` times out of a hundred.
    fn chance(&mut self, percent: u32) -> bool {
        self.between(0, 99) < percent
    }
    fn uuid(&mut self) -> String {
        let (a, b) = (self.next(), self.next());
        let c = (b >> 48) & 0x3fff | 0x8000;
        format!("{:08x}-{:04x}-4{:03x}-{c:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xfff, b & 0xffff_ffff_ffff)
    }
}

fn participant(rng: &mut XorShift, name: &str, role: ParticipantRole) -> Participant {
    let draft = ParticipantDraft {
        id: rng.uuid(),
        organisation_id: rng.uuid(),
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
    Participant::new(draft).expect("a valid synthetic participant")
}

fn event(rng: &mut XorShift, hours: u32, deployments: usize) -> Event {
    let local = NaiveDate::from_ymd_opt(2027, 6, 26).and_then(|d| d.and_hms_opt(8, 0, 0)).expect("a valid date");
    let start = local_instant(chrono_tz::Europe::Paris, local).expect("08:00 exists in Paris");
    let end = start.plus(Span::hours(i64::from(hours)));
    let draft = EventDraft {
        id: rng.uuid(),
        name: format!("Festival synthétique ({deployments} déploiements)"),
        kind: EventKind::FestivalConcert,
        commune_code: "13056".into(),
        commune_name: "Martigues".into(),
        address: "Quai Brescon".into(),
        time_zone: None,
        window: window(start, end),
        setup: Some(window(start.minus(Span::hours(12)), start)),
        teardown: Some(window(end, end.plus(Span::hours(6)))),
        expected_attendance: 40_000,
        behaviour: PublicBehaviour::Dynamique,
        legal: LegalContext {
            orders: vec![crate::domain::plan::PrefectOrder::unnumbered(
                crate::domain::plan::OrderKind::PalpationL613_2,
            )],
            ..LegalContext::default()
        },
        alert_procedure: None,
    };
    Event::new(draft).expect("a valid synthetic event")
}

fn window(start: Instant, end: Instant) -> TimeWindow {
    TimeWindow::new(start, end).expect("a valid synthetic window")
}

fn zone(rng: &mut XorShift, index: usize) -> Zone {
    let kind = if index == 0 { ZoneKind::PosteCommandement } else { KINDS[(index - 1) % KINDS.len()] };
    let draft = ZoneDraft {
        id: rng.uuid(),
        name: format!("Zone {:02} — {}", index + 1, kind.label()),
        kind,
        public_road: kind == ZoneKind::VoiePublique,
        acces_enceinte: false,
        address: None,
        polygon: None,
    };
    Zone::new(draft).expect("a valid synthetic zone")
}

/// Needs over the event in six-hour blocks: pat-downs with women and men minima at the
/// entrances, a plain headcount elsewhere.
fn zone_needs(rng: &mut XorShift, zone: &Zone, event: TimeWindow) -> Vec<Need> {
    let mut needs = Vec::new();
    let mut start = event.start();
    while start < event.end() {
        let end = start.plus(Span::hours(6)).min(event.end());
        let (min, qualification, priority) = match zone.kind() {
            ZoneKind::EntreeFiltrage => (rng.between(4, 8), Some(Qualification::Palpation), 1),
            ZoneKind::Scene | ZoneKind::VoiePublique => (rng.between(4, 10), None, 2),
            ZoneKind::PosteCommandement => (2, None, 1),
            _ => (rng.between(2, 6), None, 3),
        };
        let sexes = if qualification.is_some() { rng.between(1, 2) } else { 0 };
        let draft = NeedDraft {
            id: rng.uuid(),
            zone_id: zone.id().into(),
            post_id: None,
            window: window(start, end),
            qualification,
            min,
            max: None,
            priority,
            min_women: sexes,
            min_men: sexes,
        };
        needs.push(Need::new(draft).expect("a valid synthetic need"));
        start = end;
    }
    needs
}

/// A deployment before its agents are chosen.
struct Spec {
    participant: usize,
    zone_id: String,
    window: TimeWindow,
    headcount: u32,
    named: bool,
    category: MissionCategory,
    visibility: Visibility,
}

/// Shifts of 4 to 12 hours on the half hour, from two hours before the event to its end;
/// one in 250 starts before the set-up (a mistake the planner must show).
fn spec(rng: &mut XorShift, event: &Event, zones: &[Zone], index: usize) -> Spec {
    let zone = &zones[index % zones.len()];
    let hours = i64::from(rng.between(2, 6) * 2);
    let earliest = event.window().start().minus(Span::hours(2));
    let half_hours = (event.window().end().millis() - earliest.millis()) / Span::minutes(30).0;
    let mut start = earliest.plus(Span::minutes(30 * (rng.next() % half_hours.max(1) as u64) as i64));
    if index % 250 == 249 {
        start = event.operations_start().minus(Span::hours(1));
    }
    let end = start.plus(Span::hours(hours)).min(event.operations_end().max(start.plus(Span::hours(1))));
    let (participant, category) = who(rng, zone.kind());
    let private = (FIRST_COMPANY..FIRST_AID).contains(&participant);
    let restricted = participant == POLICE && rng.chance(20);
    Spec {
        participant,
        zone_id: zone.id().into(),
        window: window(start, end),
        headcount: if participant == ORGANISER { rng.between(1, 3) } else { rng.between(2, 8) },
        named: private && rng.chance(80),
        category,
        visibility: if restricted { Visibility::Restricted } else { Visibility::AllParticipants },
    }
}

/// Who deploys in a zone of this kind, and for which mission.
fn who(rng: &mut XorShift, kind: ZoneKind) -> (usize, MissionCategory) {
    let company = FIRST_COMPANY + rng.between(0, 2) as usize;
    match kind {
        ZoneKind::PosteCommandement if rng.chance(70) => (ORGANISER, MissionCategory::Pc),
        ZoneKind::PosteCommandement => (POLICE, MissionCategory::Pc),
        ZoneKind::VoiePublique if rng.chance(60) => (POLICE, MissionCategory::Patrouille),
        ZoneKind::VoiePublique => (MUNICIPAL, MissionCategory::Circulation),
        ZoneKind::Secours => (FIRST_AID, MissionCategory::Secours),
        ZoneKind::EntreeFiltrage if rng.chance(90) => (company, MissionCategory::Filtrage),
        _ if rng.chance(85) => (company, MissionCategory::Surveillance),
        _ if rng.chance(70) => (MUNICIPAL, MissionCategory::Patrouille),
        _ => (POLICE, MissionCategory::Intervention),
    }
}

/// The companies' agents, hired as the shifts need them: each named deployment takes agents
/// free since an hour (else hires), and one in forty also takes an agent already on duty.
#[derive(Default)]
struct Staffing {
    agents: Vec<Agent>,
    /// Per company: (free from, agent index), earliest first.
    free: [BinaryHeap<Reverse<(Instant, usize)>>; 3],
    /// Per agent: when the agent is free again.
    free_from: Vec<Instant>,
    last_team: [Vec<usize>; 3],
    named_so_far: usize,
}

impl Staffing {
    fn staff(&mut self, rng: &mut XorShift, mut specs: Vec<Spec>, participants: &[Participant]) -> Vec<Deployment> {
        specs.sort_by_key(|spec| spec.window);
        let mut deployments = Vec::with_capacity(specs.len());
        for spec in specs {
            let team = if spec.named { self.team(rng, &spec, &participants[spec.participant]) } else { Vec::new() };
            let draft = DeploymentDraft {
                id: rng.uuid(),
                participant_id: participants[spec.participant].id().into(),
                zone_id: spec.zone_id,
                post_id: None,
                window: spec.window,
                headcount: if spec.named { 0 } else { spec.headcount },
                agent_ids: team.iter().map(|&i| self.agents[i].id().to_string()).collect(),
                category: spec.category,
                mission: format!("{} (synthétique)", spec.category.label()),
                radio: Some(format!("Canal {}", spec.participant + 1)),
                visibility: spec.visibility,
            };
            deployments.push(Deployment::new(draft).expect("a valid synthetic deployment"));
        }
        deployments
    }

    fn team(&mut self, rng: &mut XorShift, spec: &Spec, company: &Participant) -> Vec<usize> {
        let c = spec.participant - FIRST_COMPANY;
        let mut team = Vec::new();
        while team.len() < spec.headcount as usize {
            match self.free[c].peek().copied() {
                Some(Reverse((from, i))) if from <= spec.window.start() => {
                    self.free[c].pop();
                    // An entry is stale once the agent was given a later shift.
                    if self.free_from[i] == from && !team.contains(&i) {
                        team.push(i);
                    }
                }
                _ => team.push(self.hire(rng, company)),
            }
        }
        self.named_so_far += 1;
        if self.named_so_far.is_multiple_of(40) {
            if let Some(&busy) = self.last_team[c].first().filter(|i| !team.contains(i)) {
                team[0] = busy;
            }
        }
        for &i in &team {
            let from = self.free_from[i].max(spec.window.end().plus(Span::hours(1)));
            self.free_from[i] = from;
            self.free[c].push(Reverse((from, i)));
        }
        self.last_team[c] = team.clone();
        team
    }

    /// A new agent: seven in ten trained for pat-downs, two in five women.
    fn hire(&mut self, rng: &mut XorShift, company: &Participant) -> usize {
        let n = self.agents.len();
        let mut qualifications: BTreeSet<Qualification> = [Qualification::CqpAps].into();
        for (qualification, percent) in
            [(Qualification::Palpation, 70), (Qualification::Ssiap1, 15), (Qualification::ChefEquipe, 10)]
        {
            if rng.chance(percent) {
                qualifications.insert(qualification);
            }
        }
        let draft = AgentDraft {
            id: rng.uuid(),
            participant_id: company.id().into(),
            display_name: format!("Agent {:04}", n + 1),
            qualifications,
            sex: Some(if rng.chance(40) { Sex::Femme } else { Sex::Homme }),
            cnaps_card: CnapsCard::new(&format!("CAR-013-2029-{:08}", 20_240_000 + n), Instant(1_900_000_000_000)).ok(),
            availability: Vec::new(),
        };
        self.agents.push(Agent::new(draft).expect("a valid synthetic agent"));
        self.free_from.push(Instant(i64::MIN));
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_plan_and_another_seed_another_one() {
        assert_eq!(synthetic_plan(5, 60, 24, 7), synthetic_plan(5, 60, 24, 7));
        assert_ne!(synthetic_plan(5, 60, 24, 7).deployments, synthetic_plan(5, 60, 24, 8).deployments);
    }

    #[test]
    fn the_benchmark_plan_has_its_zones_deployments_and_a_need_on_every_zone() {
        let plan = synthetic_plan(40, 2_000, 48, 1);
        assert_eq!((plan.zones.len(), plan.deployments.len(), plan.needs.len()), (40, 2_000, 40 * 8));
        assert_eq!(plan.event.window().duration(), Span::hours(48));
        let named = plan.deployments.iter().filter(|d| !d.agent_ids().is_empty()).count();
        assert!((600..1_400).contains(&named), "{named} deployments name their agents");
        let report = plan.coverage();
        assert!(!report.gaps.is_empty() && !report.double_bookings.is_empty() && !report.outside_event.is_empty());
    }
}
