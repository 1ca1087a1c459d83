//! Builds valid plans from a seed, for property tests: every record passes its constructor and
//! every reference points at a record of the plan, with names full of accents, quotes,
//! backslashes and emoji, instants to the millisecond, and lists in random order.

use crate::domain::plan::{
    Agent, AgentDraft, CnapsCard, Deployment, DeploymentDraft, Event, EventDraft, EventKind, GeoPolygon, LegalContext,
    MissionCategory, Need, NeedDraft, OrderKind, Participant, ParticipantDraft, ParticipantRole, Plan, Post, PostDraft,
    PrefectOrder, PrefectOrderFields, PublicBehaviour, Qualification, Sex, TimeWindow, Visibility, Zone, ZoneDraft,
    ZoneKind,
};
use crate::domain::time::Instant;

/// xorshift64*: small, deterministic, good enough to pick test data.
struct Rng(u64, u128);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self) -> bool {
        self.next().is_multiple_of(2)
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }
    /// A fresh id, unique in the plan, in random sort order.
    fn id(&mut self) -> String {
        self.1 += 1;
        uuid::Uuid::from_u128((u128::from(self.next()) << 64) | self.1).hyphenated().to_string()
    }
    fn text(&mut self, max: u64) -> String {
        const POOL: [char; 14] = ['a', 'Z', 'é', 'È', ' ', '\'', '"', '\\', '/', 'ß', '中', '😀', '-', '7'];
        let length = 1 + self.below(max);
        let text: String = (0..length).map(|_| self.pick(&POOL)).collect();
        match text.trim() {
            "" => "x".to_string(),
            trimmed => trimmed.to_string(),
        }
    }
    fn maybe_text(&mut self, max: u64) -> Option<String> {
        self.chance().then(|| self.text(max))
    }
    /// A window starting within 10 days of `base`, lasting 1 ms to 31 days.
    fn window(&mut self, base: i64) -> TimeWindow {
        let start = base + self.below(10 * 86_400_000) as i64;
        let length = 1 + self.below(31 * 86_400_000) as i64;
        TimeWindow::new(Instant(start), Instant(start + length)).unwrap()
    }
}

/// A valid plan built from `seed`.
pub fn random_plan(seed: u64) -> Plan {
    let mut rng = Rng(seed | 1, 0);
    // Between 2020 and 2040.
    let base = 1_577_836_800_000 + rng.below(20 * 365 * 86_400_000) as i64;
    let event = random_event(&mut rng, base);
    let zones: Vec<Zone> = (0..rng.below(4)).map(|_| random_zone(&mut rng)).collect();
    let mut posts = Vec::new();
    for _ in 0..if zones.is_empty() { 0 } else { rng.below(4) } {
        let zone = rng.below(zones.len() as u64) as usize;
        let draft = PostDraft { id: rng.id(), zone_id: zones[zone].id().into(), name: rng.text(12) };
        posts.push(Post::new(draft).unwrap());
    }
    let participants: Vec<Participant> = (0..1 + rng.below(3))
        .map(|_| {
            let draft = ParticipantDraft {
                id: rng.id(),
                organisation_id: rng.id(),
                name: rng.text(20),
                role: rng.pick(ParticipantRole::ALL),
                contact_name: rng.maybe_text(12),
                contact_phone: rng.chance().then(|| "05 53 00 00 01".to_string()),
                cnaps_authorisation: None,
                commune_code: None,
                arrete_l512_3: None,
                cadre_intercommunal: None,
                service_interne_securite: false,
            };
            Participant::new(draft).unwrap()
        })
        .collect();
    let agents: Vec<Agent> = (0..rng.below(6)).map(|_| random_agent(&mut rng, &participants, base)).collect();
    let needs = (0..if zones.is_empty() { 0 } else { rng.below(4) })
        .map(|_| random_need(&mut rng, &zones, &posts, base))
        .collect();
    let deployments = (0..if zones.is_empty() { 0 } else { rng.below(6) })
        .map(|_| random_deployment(&mut rng, &zones, &posts, &participants, &agents, base))
        .collect();
    Plan { event, zones, posts, participants, agents, needs, deployments }
}

fn random_event(rng: &mut Rng, base: i64) -> Event {
    let window = rng.window(base);
    let before = rng.chance().then(|| {
        TimeWindow::new(Instant(window.start().millis() - 1 - rng.below(86_400_000) as i64), window.start()).unwrap()
    });
    let after = rng.chance().then(|| {
        TimeWindow::new(window.end(), Instant(window.end().millis() + 1 + rng.below(86_400_000) as i64)).unwrap()
    });
    let (commune_code, time_zone) = rng.pick(&[
        ("75056", None),
        ("13055", Some("Europe/Paris")),
        ("2A004", None),
        ("97411", Some("Indian/Reunion")),
    ]);
    let draft = EventDraft {
        id: rng.id(),
        name: rng.text(30),
        kind: rng.pick(EventKind::ALL),
        commune_code: commune_code.into(),
        commune_name: rng.text(20),
        address: rng.text(30),
        time_zone: time_zone.map(String::from),
        window,
        setup: before,
        teardown: after,
        expected_attendance: 1 + rng.below(2_000_000) as u32,
        behaviour: rng.pick(PublicBehaviour::ALL),
        legal: LegalContext {
            orders: if rng.chance() {
                let fields = PrefectOrderFields {
                    kind: rng.pick(OrderKind::ALL),
                    number: format!("13-2026-{:04}", rng.below(10_000)),
                    signed_on: if rng.chance() {
                        chrono::NaiveDate::from_ymd_opt(2026, 6, 1 + rng.below(28) as u32)
                    } else {
                        None
                    },
                    valid: rng.chance().then_some(window),
                    zone_ids: Vec::new(),
                };
                vec![PrefectOrder::new(fields).unwrap()]
            } else {
                Vec::new()
            },
            convention_coordination_en_vigueur: rng.chance(),
            organisee_par_la_commune: rng.chance(),
            but_lucratif: rng.chance(),
            palpations_sous_controle_opj: rng.chance(),
            regime_police: rng.pick(crate::domain::plan::PoliceRegime::ALL),
            declaration_deposee_le: if rng.chance() {
                chrono::NaiveDate::from_ymd_opt(2026, 5, 1 + rng.below(28) as u32)
            } else {
                None
            },
        },
        alert_procedure: None,
    };
    Event::new(draft).unwrap()
}

fn random_zone(rng: &mut Rng) -> Zone {
    let kind = rng.pick(ZoneKind::ALL);
    let polygon = rng.chance().then(|| {
        let lon = rng.below(359_000_000) as f64 / 1e6 - 179.5;
        let lat = rng.below(179_000_000) as f64 / 1e6 - 89.5;
        let d = (1 + rng.below(1_000)) as f64 / 1e5;
        GeoPolygon::new(vec![[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]).unwrap()
    });
    let public_road = kind == ZoneKind::VoiePublique || rng.chance();
    let acces_enceinte = rng.chance();
    let draft = ZoneDraft {
        id: rng.id(),
        name: rng.text(20),
        kind,
        public_road,
        acces_enceinte,
        address: rng.maybe_text(30),
        polygon,
    };
    Zone::new(draft).unwrap()
}

fn random_agent(rng: &mut Rng, participants: &[Participant], base: i64) -> Agent {
    let participant = rng.pick(&participants.iter().map(Participant::id).collect::<Vec<_>>()).to_string();
    let qualifications = Qualification::ALL.iter().copied().filter(|_| rng.chance()).collect();
    let card = rng.chance().then(|| {
        let number = format!("car-047-{}", rng.below(1_000_000_000));
        CnapsCard::new(&number, Instant(base + rng.below(5 * 365 * 86_400_000) as i64)).unwrap()
    });
    let draft = AgentDraft {
        id: rng.id(),
        participant_id: participant,
        display_name: rng.text(16),
        qualifications,
        sex: rng.chance().then(|| rng.pick(Sex::ALL)),
        cnaps_card: card,
        availability: (0..rng.below(3)).map(|_| rng.window(base)).collect(),
    };
    Agent::new(draft).unwrap()
}

/// A zone and, sometimes, one of its posts.
fn place(rng: &mut Rng, zones: &[Zone], posts: &[Post]) -> (String, Option<String>) {
    let zone = zones[rng.below(zones.len() as u64) as usize].id().to_string();
    let inside: Vec<&Post> = posts.iter().filter(|post| post.zone_id() == zone).collect();
    let post =
        (!inside.is_empty() && rng.chance()).then(|| inside[rng.below(inside.len() as u64) as usize].id().into());
    (zone, post)
}

fn random_need(rng: &mut Rng, zones: &[Zone], posts: &[Post], base: i64) -> Need {
    let (zone_id, post_id) = place(rng, zones, posts);
    let min = 1 + rng.below(20) as u32;
    let min_women = rng.below(u64::from(min) / 2 + 1) as u32;
    let draft = NeedDraft {
        id: rng.id(),
        zone_id,
        post_id,
        window: rng.window(base),
        qualification: rng.chance().then(|| rng.pick(Qualification::ALL)),
        min,
        max: rng.chance().then(|| min + rng.below(10) as u32),
        priority: 1 + rng.below(5) as u8,
        min_women,
        min_men: rng.below(u64::from(min - min_women) + 1) as u32,
    };
    Need::new(draft).unwrap()
}

fn random_deployment(
    rng: &mut Rng,
    zones: &[Zone],
    posts: &[Post],
    participants: &[Participant],
    agents: &[Agent],
    base: i64,
) -> Deployment {
    let (zone_id, post_id) = place(rng, zones, posts);
    let participant = participants[rng.below(participants.len() as u64) as usize].id().to_string();
    let agent_ids: Vec<String> =
        agents.iter().filter(|a| a.participant_id() == participant && rng.chance()).map(|a| a.id().into()).collect();
    let headcount = if agent_ids.is_empty() { 1 + rng.below(30) } else { rng.below(5) } as u32;
    let draft = DeploymentDraft {
        id: rng.id(),
        participant_id: participant,
        zone_id,
        post_id,
        window: rng.window(base),
        headcount,
        agent_ids,
        category: rng.pick(MissionCategory::ALL),
        mission: if rng.chance() { rng.text(40) } else { String::new() },
        radio: rng.maybe_text(10),
        visibility: rng.pick(Visibility::ALL),
    };
    Deployment::new(draft).unwrap()
}
