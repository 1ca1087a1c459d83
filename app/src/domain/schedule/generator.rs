//! Synthetic scheduling problems of realistic shape, deterministic by seed: a village fête,
//! a three-day fair, a stadium match, a city-wide 48-hour event, and three shapes the solver
//! was not tuned on (issue 15): a marathon route of many small staggered posts, a match with
//! sharp entrance and exit peaks, and a four-day festival of several thousand agents working
//! nights. Shares follow the field:
//! about a third of agents are women, half hold the pat-down training, one in eight is
//! SSIAP 1, one in ten is a municipal police officer, a fifth of zones are on the public
//! road, and demand is about four fifths of what the agents can lawfully work.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::instance::{
    Employer, Instance, ScheduleAgent, ScheduleEvent, ScheduleNeed, ScheduleRules, ScheduleZone, WorkingTimeProfile,
    INSTANCE_FORMAT,
};
use super::state::splitmix;
use crate::domain::plan::{local_instant, Qualification, Sex, TimeWindow};
use crate::domain::time::{Instant, Span};

/// The sizes the generator knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Size {
    /// About 30 agents, one day, 4 zones.
    Village,
    /// About 150 agents, three days, 12 zones.
    Fair,
    /// About 500 agents, one day, 20 zones.
    Stadium,
    /// About 3,000 agents, 48 hours, 60 zones.
    City,
    /// A marathon: 90 posts along the route, each held one to three hours as the runners
    /// pass (staggered by 3 minutes a post), 1 to 3 agents each, on the public road.
    Route,
    /// A match with its peaks: the gates' pat-down lines from 2 h 30 before kick-off, a thin
    /// watch during the game, the crowd at the exit, 24 gates.
    Peaks,
    /// A four-day festival: 3,000 agents, 50 zones open day and night, fewer at night.
    Festival,
}

impl std::str::FromStr for Size {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "village" => Ok(Size::Village),
            "fair" => Ok(Size::Fair),
            "stadium" => Ok(Size::Stadium),
            "city" => Ok(Size::City),
            "route" => Ok(Size::Route),
            "peaks" => Ok(Size::Peaks),
            "festival" => Ok(Size::Festival),
            other => Err(crate::text::fr::schedule_unknown_size(other)),
        }
    }
}

/// (agents, hours, zones, attendance, first hour, L613-1 authorised)
fn shape(size: Size) -> (usize, i64, usize, u32, u32, bool) {
    match size {
        Size::Village => (30, 16, 4, 800, 8, false),
        Size::Fair => (150, 72, 12, 6_000, 0, true),
        Size::Stadium => (500, 14, 20, 40_000, 12, true),
        Size::City => (3_000, 48, 60, 200_000, 6, true),
        Size::Route => (160, 10, 90, 30_000, 6, true),
        Size::Peaks => (700, 12, 24, 45_000, 15, true),
        Size::Festival => (3_000, 96, 50, 120_000, 10, true),
    }
}

/// A deterministic pseudo-random stream (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(1);
        splitmix(self.0)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn per_mille(&mut self, p: u64) -> bool {
        self.below(1000) < p
    }
}

/// The problem of the given size for `seed`; the same pair always gives the same problem.
pub fn generate(size: Size, seed: u64) -> Instance {
    let mut rng = Rng(splitmix(seed ^ 0xC0D0));
    let (agents, hours, zones, attendance, first_hour, road) = shape(size);
    let day = NaiveDate::from_ymd_opt(2027, 6, 18).and_then(|d| d.and_hms_opt(first_hour, 0, 0)).unwrap_or_default();
    let start = local_instant(chrono_tz::Europe::Paris, day).unwrap_or(Instant(1_813_298_400_000));
    let end = start.plus(Span::hours(hours));
    let window = TimeWindow::new(start, end).expect("generated windows last at most three days");
    let event = ScheduleEvent { time_zone: "Europe/Paris".to_string(), window };
    // A fifth of the zones on the public road; private agents may work there with an L613-1
    // authorisation or inside the city's L226-1 perimeter. Pat-downs have a basis for more
    // than 300 spectators (the generated venues are enclosed, under OPJ control).
    let zones: Vec<(ScheduleZone, bool)> = (0..zones)
        .map(|z| {
            let on_road = rng.per_mille(200);
            (ScheduleZone { id: format!("zone-{z:02}") }, !on_road || road || size == Size::City)
        })
        .collect();
    let agents: Vec<ScheduleAgent> = (0..agents).map(|a| agent(&mut rng, a, window)).collect();
    let needs = match size {
        Size::Route => route_needs(&mut rng, &zones, window),
        Size::Peaks => peak_needs(&mut rng, &zones, window, agents.len()),
        Size::Festival => festival_needs(&mut rng, &zones, window, agents.len()),
        _ => needs(&mut rng, &zones, window, agents.len(), attendance > 300),
    };
    let zones = zones.into_iter().map(|(zone, _)| zone).collect();
    Instance {
        format: INSTANCE_FORMAT.to_string(),
        event,
        zones,
        needs,
        agents,
        working_time: WorkingTimeProfile::default(),
        rules: ScheduleRules::default(),
        previous: None,
    }
}

fn agent(rng: &mut Rng, a: usize, event: TimeWindow) -> ScheduleAgent {
    let employer = if rng.per_mille(100) { Employer::Municipal } else { Employer::Private };
    let mut qualifications = BTreeSet::new();
    let mut grant = |q, p| {
        if rng.per_mille(p) {
            qualifications.insert(q);
        }
    };
    grant(Qualification::CqpAps, 900);
    grant(Qualification::Palpation, 500);
    grant(Qualification::Ssiap1, 125);
    grant(Qualification::ChefEquipe, 80);
    grant(Qualification::Secouriste, 100);
    let sex = if rng.per_mille(330) { Sex::Femme } else { Sex::Homme };
    let card_expires = match (employer, rng.below(100)) {
        (Employer::Municipal, _) => None,
        (_, 0) => None,
        (_, 1..=3) => Some(event.start().plus(Span::hours(rng.below(24) as i64))),
        _ => Some(event.end().plus(Span::days(365))),
    };
    let hours = event.duration().0 / Span::hours(1).0;
    let availability = if rng.per_mille(850) {
        vec![event]
    } else {
        let from = event.start().plus(Span::hours(rng.below(hours as u64 / 2 + 1) as i64));
        let to = from.plus(Span::hours(12 + rng.below(12) as i64)).min(event.end());
        TimeWindow::new(from, to).map(|w| vec![w]).unwrap_or_else(|_| vec![event])
    };
    ScheduleAgent { id: format!("agent-{a:04}"), qualifications, sex, card_expires, employer, availability }
}

/// Per zone, the event cut into blocks of 4 to 8 hours, each a need; headcounts scaled so
/// that demand is about 80 % of ten hours a day per agent.
fn needs(
    rng: &mut Rng,
    zones: &[(ScheduleZone, bool)],
    event: TimeWindow,
    agents: usize,
    pat_downs: bool,
) -> Vec<ScheduleNeed> {
    let mut drafts = Vec::new();
    for (zone, private_allowed) in zones {
        let mut at = event.start().plus(Span::hours(rng.below(3) as i64));
        while at < event.end() {
            let to = at.plus(Span::hours(4 + rng.below(5) as i64)).min(event.end());
            if let Ok(window) = TimeWindow::new(at, to) {
                drafts.push(((zone.id.clone(), *private_allowed), window, 1 + rng.below(4) as u32, rng.next()));
            }
            at = to.plus(Span::hours(rng.below(2) as i64));
        }
    }
    let days = (event.duration().0 as f64 / Span::days(1).0 as f64).max(1.0);
    let target_hours = 0.8 * agents as f64 * 10.0 * days;
    let weighted: f64 = drafts.iter().map(|d| f64::from(d.2) * d.1.duration().0 as f64 / 3_600_000.0).sum();
    let scale = target_hours / weighted.max(1.0);
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, ((zone, private_allowed), window, weight, draw))| ScheduleNeed {
            private_allowed,
            pat_downs_allowed: pat_downs,
            ..need(i, zone, window, weight, scale, draw)
        })
        .collect()
}

fn need(i: usize, zone: String, window: TimeWindow, weight: u32, scale: f64, draw: u64) -> ScheduleNeed {
    let min_headcount = ((f64::from(weight) * scale).round() as u32).max(1);
    let qualification = match draw % 20 {
        0..=4 => Some(Qualification::Palpation),
        5 | 6 => Some(Qualification::Ssiap1),
        7 => Some(Qualification::ChefEquipe),
        8..=15 => Some(Qualification::CqpAps),
        _ => None,
    };
    let women = if qualification == Some(Qualification::Palpation) { min_headcount / 3 } else { 0 };
    let men = if qualification == Some(Qualification::Palpation) && women > 0 { min_headcount / 3 } else { 0 };
    let priority = 1 + ((draw >> 8) % 5) as u8;
    ScheduleNeed {
        id: format!("need-{i:04}"),
        zone,
        window,
        qualification,
        min_headcount,
        priority,
        min_women: women,
        min_men: men,
        private_allowed: true,
        pat_downs_allowed: true,
    }
}

/// Along a route: post `k` is held while the runners pass it, from 1 h 30 after the start
/// plus 3 minutes a post, for 1 to 3 hours; 1 to 3 agents, none searching (the public road).
fn route_needs(rng: &mut Rng, zones: &[(ScheduleZone, bool)], event: TimeWindow) -> Vec<ScheduleNeed> {
    let first = event.start().plus(Span::minutes(90));
    let mut out = Vec::new();
    for (k, (zone, private_allowed)) in zones.iter().enumerate() {
        let start = first.plus(Span::minutes(3 * k as i64));
        let end = start.plus(Span::minutes(60 + 15 * rng.below(9) as i64)).min(event.end());
        let Ok(window) = TimeWindow::new(start, end) else { continue };
        let headcount = 1 + rng.below(3) as u32;
        let qualification = if rng.per_mille(250) { Some(Qualification::CqpAps) } else { None };
        out.push(ScheduleNeed {
            id: format!("need-{:04}", out.len()),
            zone: zone.id.clone(),
            window,
            qualification,
            min_headcount: headcount,
            priority: 1 + rng.below(5) as u8,
            min_women: 0,
            min_men: 0,
            // Most of the route is public road; the organiser holds an L613-1 authorisation
            // for part of it, the rest is the municipal police's.
            private_allowed: *private_allowed && rng.per_mille(700),
            pat_downs_allowed: false,
        });
    }
    out
}

/// A match: per gate, the pat-down line from 2 h 30 before kick-off to 15 minutes after it
/// (a third women at least), a watch of one or two during the game, the exit peak for an
/// hour after the final whistle; kick-off 6 h after the event opens, two hours of game.
fn peak_needs(rng: &mut Rng, zones: &[(ScheduleZone, bool)], event: TimeWindow, agents: usize) -> Vec<ScheduleNeed> {
    let kick_off = event.start().plus(Span::hours(6));
    let whistle = kick_off.plus(Span::minutes(115));
    let mut drafts = Vec::new();
    for (zone, private_allowed) in zones {
        let lines = [
            (kick_off.minus(Span::minutes(150)), kick_off.plus(Span::minutes(15)), 6 + rng.below(6) as u32, true, 1u8),
            (kick_off.plus(Span::minutes(15)), whistle, 1 + rng.below(2) as u32, false, 3),
            (whistle, whistle.plus(Span::hours(1)), 4 + rng.below(4) as u32, false, 2),
        ];
        for (from, to, headcount, search, priority) in lines {
            let Ok(window) = TimeWindow::new(from, to.min(event.end())) else { continue };
            drafts.push((zone.id.clone(), *private_allowed, window, headcount, search, priority));
        }
    }
    // Headcounts scaled so that the peak asks for about nine tenths of the agents.
    let peak: u32 = drafts.iter().filter(|d| d.4).map(|d| d.3).sum();
    let scale = 0.9 * agents as f64 / f64::from(peak.max(1));
    drafts
        .into_iter()
        .enumerate()
        .map(|(i, (zone, private_allowed, window, headcount, search, priority))| {
            let min_headcount = ((f64::from(headcount) * scale).round() as u32).max(1);
            ScheduleNeed {
                id: format!("need-{i:04}"),
                zone,
                window,
                qualification: Some(if search { Qualification::Palpation } else { Qualification::CqpAps }),
                min_headcount,
                priority,
                min_women: if search { min_headcount / 3 } else { 0 },
                min_men: if search { min_headcount / 3 } else { 0 },
                private_allowed,
                pat_downs_allowed: true,
            }
        })
        .collect()
}

/// A festival open day and night: per zone, blocks of 6 to 8 hours end to end; at night
/// (blocks starting from 22:00 to 5:59, local time) half the headcount and no pat-downs.
fn festival_needs(
    rng: &mut Rng,
    zones: &[(ScheduleZone, bool)],
    event: TimeWindow,
    agents: usize,
) -> Vec<ScheduleNeed> {
    let mut out = needs(rng, zones, event, agents, true);
    for need in &mut out {
        let hour = chrono::TimeZone::from_utc_datetime(
            &chrono_tz::Europe::Paris,
            &chrono::DateTime::from_timestamp_millis(need.window.start().0).unwrap_or_default().naive_utc(),
        );
        let night = !(6..22).contains(&chrono::Timelike::hour(&hour));
        if night {
            need.min_headcount = need.min_headcount.div_ceil(2);
            if need.qualification == Some(Qualification::Palpation) {
                need.qualification = Some(Qualification::CqpAps);
            }
            need.min_women = 0;
            need.min_men = 0;
        }
    }
    out
}
