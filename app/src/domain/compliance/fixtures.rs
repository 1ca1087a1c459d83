//! A compliant plan to break one rule at a time: the "Fête de la Saint-Jean" in Martigues,
//! Saturday 20 June 2026, 18:00 to 23:00, 1,000 people standing on the quay, an enclosed
//! venue whose entrance is filtered with pat-downs under the control of a judicial police
//! officer (L613-3). No finding at all.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::{check_plan, ComplianceContext, Finding, RuleCode, RuleSet};
use crate::domain::plan::{
    local_instant, Agent, AgentDraft, CnapsCard, Deployment, DeploymentDraft, Event, EventDraft, EventKind,
    LegalContext, MissionCategory, Need, NeedDraft, OrderKind, Participant, ParticipantDraft, ParticipantRole, Plan,
    PoliceRegime, Post, PostDraft, PrefectOrder, PrefectOrderFields, PublicBehaviour, Qualification, Sex, TimeWindow,
    Visibility, Zone, ZoneDraft, ZoneKind,
};
use crate::domain::time::Instant;

pub use crate::domain::plan::fixtures::id;

pub const COMMAND_POST: u32 = 10;
pub const ENTRANCE: u32 = 11;
pub const GATE: u32 = 12;
pub const AVENUE: u32 = 13;
pub const FIRST_AID_POST: u32 = 14;

pub const ORGANISER: u32 = 20;
pub const COMPANY: u32 = 21;
pub const MUNICIPAL: u32 = 22;
pub const POLICE: u32 = 23;
pub const RESCUE: u32 = 24;

pub const NADIA: u32 = 100;
pub const KARIM: u32 = 101;

pub const PAT_DOWN_NEED: u32 = 200;

pub const FILTERING: u32 = 300;
pub const TRAFFIC: u32 = 301;
pub const FIRST_AID: u32 = 302;
pub const COMMAND: u32 = 303;

/// The instant of a wall-clock time in Paris in 2026.
pub fn paris(month: u32, day: u32, hour: u32, minute: u32) -> Instant {
    crate::domain::plan::fixtures::paris(2026, month, day, hour, minute)
}

/// Midnight starting a day in Paris, any year: when cards expire.
pub fn card_expiry(year: i32, month: u32, day: u32) -> Instant {
    crate::domain::plan::fixtures::paris(year, month, day, 0, 0)
}

/// A window in June 2026, Paris time, from (day, hour, minute) to (day, hour, minute).
pub fn june(from: (u32, u32, u32), to: (u32, u32, u32)) -> TimeWindow {
    TimeWindow::new(paris(6, from.0, from.1, from.2), paris(6, to.0, to.1, to.2)).unwrap()
}

/// The evening of the fête: 20 June, 18:00 to 23:00.
pub fn evening() -> TimeWindow {
    june((20, 18, 0), (20, 23, 0))
}

/// "Today" for the checks: Friday 1 May 2026, 10:00 in Paris.
pub fn today() -> ComplianceContext {
    ComplianceContext::at(paris(5, 1, 10, 0))
}

fn event() -> EventDraft {
    EventDraft {
        id: id(1),
        name: "Fête de la Saint-Jean".into(),
        kind: EventKind::FeteFoire,
        commune_code: "13056".into(),
        commune_name: "Martigues".into(),
        address: "Quai Brescon, 13500 Martigues".into(),
        time_zone: None,
        window: evening(),
        setup: None,
        teardown: None,
        expected_attendance: 1_000,
        behaviour: PublicBehaviour::Debout,
        legal: LegalContext {
            palpations_sous_controle_opj: true,
            regime_police: PoliceRegime::PoliceEtat,
            ..LegalContext::default()
        },
        alert_procedure: Some("Le PC alerte chaque chef d’équipe sur le canal 1 ; le 17 est appelé par le PC.".into()),
    }
}

/// A zone; an entrance gives access to the enclosed venue.
fn zone(n: u32, name: &str, kind: ZoneKind) -> Zone {
    let public_road = kind == ZoneKind::VoiePublique;
    let acces_enceinte = kind == ZoneKind::EntreeFiltrage;
    Zone::new(ZoneDraft {
        id: id(n),
        name: name.into(),
        kind,
        public_road,
        acces_enceinte,
        address: None,
        polygon: None,
    })
    .unwrap()
}

/// A prefect's order of `kind`, numbered, for the whole site and event.
pub fn order(kind: OrderKind) -> PrefectOrder {
    order_in(kind, &[], None)
}

/// A prefect's order of `kind` for these zones and this validity window.
pub fn order_in(kind: OrderKind, zones: &[u32], valid: Option<TimeWindow>) -> PrefectOrder {
    PrefectOrder::new(PrefectOrderFields {
        kind,
        number: "13-2026-06-0412".into(),
        signed_on: NaiveDate::from_ymd_opt(2026, 6, 2),
        valid,
        zone_ids: zones.iter().map(|&z| id(z)).collect(),
    })
    .unwrap()
}

pub fn participant_draft(n: u32, name: &str, role: ParticipantRole) -> ParticipantDraft {
    ParticipantDraft {
        id: id(n),
        organisation_id: id(n + 1000),
        name: name.into(),
        role,
        contact_name: Some("Claire Martin".into()),
        contact_phone: Some("04 42 00 00 00".into()),
        cnaps_authorisation: None,
        commune_code: None,
        arrete_l512_3: None,
        cadre_intercommunal: None,
        service_interne_securite: false,
    }
}

fn participants() -> Vec<Participant> {
    let company = ParticipantDraft {
        cnaps_authorisation: Some("AUT-013-2118-05-12-20190412345".into()),
        ..participant_draft(COMPANY, "Provence Sécurité Événements", ParticipantRole::SecuritePrivee)
    };
    let municipal = ParticipantDraft {
        commune_code: Some("13056".into()),
        ..participant_draft(MUNICIPAL, "Police municipale de Martigues", ParticipantRole::PoliceMunicipale)
    };
    [
        participant_draft(ORGANISER, "Comité des fêtes de Martigues", ParticipantRole::Organisateur),
        company,
        municipal,
        participant_draft(POLICE, "Commissariat de Martigues", ParticipantRole::ForceEtat),
        participant_draft(RESCUE, "Protection civile des Bouches-du-Rhône", ParticipantRole::Secours),
    ]
    .into_iter()
    .map(|draft| Participant::new(draft).unwrap())
    .collect()
}

/// A security agent of the company, holding a card valid until 2029.
pub fn agent_draft(n: u32, name: &str, sex: Sex, qualifications: &[Qualification]) -> AgentDraft {
    AgentDraft {
        id: id(n),
        participant_id: id(COMPANY),
        display_name: name.into(),
        qualifications: qualifications.iter().copied().collect::<BTreeSet<_>>(),
        sex: Some(sex),
        cnaps_card: Some(CnapsCard::new(&format!("CAR-013-2029-{n}"), card_expiry(2029, 1, 1)).unwrap()),
        availability: vec![],
    }
}

/// A deployment of `participant` at `zone`.
pub fn deployment_draft(
    n: u32,
    participant: u32,
    zone: u32,
    window: TimeWindow,
    headcount: u32,
    agents: &[u32],
    category: MissionCategory,
) -> DeploymentDraft {
    DeploymentDraft {
        id: id(n),
        participant_id: id(participant),
        zone_id: id(zone),
        post_id: None,
        window,
        headcount,
        agent_ids: agents.iter().map(|&a| id(a)).collect(),
        category,
        mission: String::new(),
        radio: Some("Canal 1".into()),
        visibility: Visibility::AllParticipants,
    }
}

fn pat_down_need() -> Need {
    Need::new(NeedDraft {
        id: id(PAT_DOWN_NEED),
        zone_id: id(ENTRANCE),
        post_id: None,
        window: evening(),
        qualification: Some(Qualification::Palpation),
        min: 2,
        max: None,
        priority: 1,
        min_women: 1,
        min_men: 1,
    })
    .unwrap()
}

/// The compliant plan.
pub fn compliant_plan() -> Plan {
    use MissionCategory::*;
    let deployments = [
        deployment_draft(FILTERING, COMPANY, ENTRANCE, evening(), 4, &[NADIA, KARIM], Filtrage),
        deployment_draft(TRAFFIC, MUNICIPAL, AVENUE, june((20, 18, 0), (20, 22, 30)), 2, &[], Circulation),
        deployment_draft(FIRST_AID, RESCUE, FIRST_AID_POST, evening(), 2, &[], Secours),
        deployment_draft(COMMAND, POLICE, COMMAND_POST, evening(), 1, &[], Pc),
    ];
    Plan {
        event: Event::new(event()).unwrap(),
        zones: vec![
            zone(COMMAND_POST, "PC sécurité", ZoneKind::PosteCommandement),
            zone(ENTRANCE, "Entrée Quai Brescon", ZoneKind::EntreeFiltrage),
            zone(AVENUE, "Avenue Frédéric Mistral", ZoneKind::VoiePublique),
            zone(FIRST_AID_POST, "Poste de secours", ZoneKind::Secours),
        ],
        posts: vec![Post::new(PostDraft { id: id(GATE), zone_id: id(ENTRANCE), name: "Portique 1".into() }).unwrap()],
        participants: participants(),
        agents: vec![
            Agent::new(agent_draft(NADIA, "Nadia B.", Sex::Femme, &[Qualification::CqpAps, Qualification::Palpation]))
                .unwrap(),
            Agent::new(agent_draft(KARIM, "Karim D.", Sex::Homme, &[Qualification::CqpAps, Qualification::Palpation]))
                .unwrap(),
        ],
        needs: vec![pat_down_need()],
        deployments: deployments.into_iter().map(|d| Deployment::new(d).unwrap()).collect(),
    }
}

/// A plan being changed, one record at a time, through the records' drafts (so that every
/// change goes through the constructors).
pub struct Edit(pub Plan);

impl Edit {
    pub fn compliant() -> Edit {
        Edit(compliant_plan())
    }
    pub fn event(mut self, change: impl FnOnce(&mut EventDraft)) -> Edit {
        let mut draft = EventDraft::from(self.0.event.clone());
        change(&mut draft);
        self.0.event = Event::new(draft).unwrap();
        self
    }
    pub fn participant(mut self, n: u32, change: impl FnOnce(&mut ParticipantDraft)) -> Edit {
        let slot = self.0.participants.iter_mut().find(|p| p.id() == id(n)).unwrap();
        let mut draft = ParticipantDraft::from(slot.clone());
        change(&mut draft);
        *slot = Participant::new(draft).unwrap();
        self
    }
    pub fn agent(mut self, n: u32, change: impl FnOnce(&mut AgentDraft)) -> Edit {
        let slot = self.0.agents.iter_mut().find(|a| a.id() == id(n)).unwrap();
        let mut draft = AgentDraft::from(slot.clone());
        change(&mut draft);
        *slot = Agent::new(draft).unwrap();
        self
    }
    pub fn deployment(mut self, n: u32, change: impl FnOnce(&mut DeploymentDraft)) -> Edit {
        let slot = self.0.deployments.iter_mut().find(|d| d.id() == id(n)).unwrap();
        let mut draft = DeploymentDraft::from(slot.clone());
        change(&mut draft);
        *slot = Deployment::new(draft).unwrap();
        self
    }
    pub fn add_agent(mut self, draft: AgentDraft) -> Edit {
        self.0.agents.push(Agent::new(draft).unwrap());
        self
    }
    pub fn add_deployment(mut self, draft: DeploymentDraft) -> Edit {
        self.0.deployments.push(Deployment::new(draft).unwrap());
        self
    }
    pub fn remove_deployment(mut self, n: u32) -> Edit {
        self.0.deployments.retain(|d| d.id() != id(n));
        self
    }
    /// The event with one more prefect's order.
    pub fn with_order(self, order: PrefectOrder) -> Edit {
        self.event(|e| e.legal.orders.push(order))
    }
    pub fn zone(mut self, n: u32, change: impl FnOnce(&mut ZoneDraft)) -> Edit {
        let slot = self.0.zones.iter_mut().find(|z| z.id() == id(n)).unwrap();
        let mut draft = ZoneDraft::from(slot.clone());
        change(&mut draft);
        *slot = Zone::new(draft).unwrap();
        self
    }
    pub fn remove_zone(mut self, n: u32) -> Edit {
        self.0.zones.retain(|z| z.id() != id(n));
        self.0.deployments.retain(|d| d.zone_id() != id(n));
        self
    }
    /// The findings under the national defaults, today.
    pub fn findings(&self) -> Vec<Finding> {
        check_plan(&self.0, &RuleSet::defaults(), &today())
    }
    /// The rule codes of the findings, in order.
    pub fn codes(&self) -> Vec<RuleCode> {
        self.findings().iter().map(|f| f.rule).collect()
    }
}

/// Local noon of a date in Paris, for contexts.
pub fn noon(year: i32, month: u32, day: u32) -> Instant {
    let local = NaiveDate::from_ymd_opt(year, month, day).unwrap().and_hms_opt(12, 0, 0).unwrap();
    local_instant(chrono_tz::Europe::Paris, local).unwrap()
}
