//! The documents of the `cordon-plan/3` format: one struct per JSON object, fields in the
//! order they are written. They are the format's own shape, mapped to and from the domain's
//! drafts, so that a change to a domain type cannot silently change the files.

use serde::Serialize;

use super::stamp::format_instant;
use super::PLAN_FORMAT;
use crate::domain::organisation::{OrganisationIdentity, OrganisationKind};
use crate::domain::plan::{
    AgentDraft, DeploymentDraft, EventDraft, EventKind, LegalContext, MissionCategory, MunicipalFramework, NeedDraft,
    OrderKind, ParticipantDraft, ParticipantRole, Plan, PoliceRegime, PostDraft, PublicBehaviour, Qualification, Sex,
    TimeWindow, Visibility, ZoneDraft, ZoneKind,
};

/// A whole plan file. Every list is sorted by id when written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlanDocument {
    /// Always [`PLAN_FORMAT`].
    pub format: String,
    pub event: EventDoc,
    pub zones: Vec<ZoneDoc>,
    pub posts: Vec<PostDoc>,
    /// What identifies each organisation taking part outside Cordon (`cordon-plan/3`).
    pub organisations: Vec<OrganisationDoc>,
    pub participants: Vec<ParticipantDoc>,
    pub agents: Vec<AgentDoc>,
    pub needs: Vec<NeedDoc>,
    pub deployments: Vec<DeploymentDoc>,
}

/// A time window `[start, end)`, both RFC 3339 UTC instants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WindowDoc {
    pub start: String,
    pub end: String,
}

/// The event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventDoc {
    pub id: String,
    pub name: String,
    pub kind: EventKind,
    pub commune_code: String,
    pub commune_name: String,
    pub address: String,
    /// IANA name; when absent on import, the department's default zone.
    pub time_zone: Option<String>,
    pub window: WindowDoc,
    pub setup: Option<WindowDoc>,
    pub teardown: Option<WindowDoc>,
    pub expected_attendance: u32,
    pub behaviour: PublicBehaviour,
    pub legal: LegalDoc,
    /// How field actors are alerted of an imminent risk; optional.
    pub alert_procedure: Option<String>,
}

/// The legal frame (see [`LegalContext`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LegalDoc {
    /// Sorted by kind, then number.
    pub orders: Vec<OrderDoc>,
    pub convention_coordination_en_vigueur: bool,
    pub organisee_par_la_commune: bool,
    pub but_lucratif: bool,
    pub palpations_sous_controle_opj: bool,
    pub regime_police: PoliceRegime,
    /// `YYYY-MM-DD`: the day the declaration was filed with the maire (R211-22); absent when
    /// not filed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_deposee_le: Option<String>,
}

/// A prefect's order (see [`crate::domain::plan::PrefectOrder`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrderDoc {
    pub kind: OrderKind,
    pub number: String,
    /// `YYYY-MM-DD`; optional.
    pub signed_on: Option<String>,
    /// When it is in force; optional (the whole event).
    pub valid: Option<WindowDoc>,
    /// The zones it covers, sorted; empty for the whole site.
    pub zone_ids: Vec<String>,
}

/// A zone of the site.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ZoneDoc {
    pub id: String,
    pub name: String,
    pub kind: ZoneKind,
    pub public_road: bool,
    pub acces_enceinte: bool,
    pub address: Option<String>,
    pub polygon: Option<PolygonDoc>,
}

/// A GeoJSON `Polygon`: `type` is `"Polygon"`, one closed ring of `[longitude, latitude]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PolygonDoc {
    #[serde(rename = "type")]
    pub kind: String,
    pub coordinates: Vec<Vec<[f64; 2]>>,
}

/// A post inside a zone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PostDoc {
    pub id: String,
    pub zone_id: String,
    pub name: String,
}

/// An organisation behind participants, as another Cordon recognises it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OrganisationDoc {
    /// Its id in the Cordon that wrote the file (participants' `organisation_id`).
    pub id: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub siret: Option<String>,
    pub cnaps_authorisation: Option<String>,
    pub commune_code: Option<String>,
    pub department: Option<String>,
}

impl From<OrganisationIdentity> for OrganisationDoc {
    fn from(o: OrganisationIdentity) -> Self {
        let OrganisationIdentity { id, name, kind, siret, cnaps_authorisation, commune_code, department } = o;
        OrganisationDoc { id, name, kind, siret, cnaps_authorisation, commune_code, department }
    }
}

/// An organisation taking part.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParticipantDoc {
    pub id: String,
    pub organisation_id: String,
    pub name: String,
    pub role: ParticipantRole,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// A security company's CNAPS authorisation (`AUT-…`); optional.
    pub cnaps_authorisation: Option<String>,
    /// A municipal police's commune (INSEE code); optional.
    pub commune_code: Option<String>,
    /// The prefect's L512-3 order putting a municipal police at the event's disposal; optional.
    pub arrete_l512_3: Option<String>,
    /// A municipal police's pooling (L512-1) or intercommunal (L512-2) framework; optional.
    pub cadre_intercommunal: Option<MunicipalFramework>,
    /// The organiser's people form an in-house security service (L612-25).
    pub service_interne_securite: bool,
}

/// A named agent of a participant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentDoc {
    pub id: String,
    pub participant_id: String,
    pub display_name: String,
    pub qualifications: Vec<Qualification>,
    pub sex: Option<Sex>,
    pub cnaps_card: Option<CnapsCardDoc>,
    pub availability: Vec<WindowDoc>,
}

/// A private agent's CNAPS card.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CnapsCardDoc {
    pub number: String,
    /// The first instant the card is no longer valid.
    pub expires: String,
}

/// A need of a zone or post.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NeedDoc {
    pub id: String,
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: WindowDoc,
    pub qualification: Option<Qualification>,
    pub min: u32,
    pub max: Option<u32>,
    pub priority: u8,
    pub min_women: u32,
    pub min_men: u32,
}

/// A deployment of a participant.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeploymentDoc {
    pub id: String,
    pub participant_id: String,
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: WindowDoc,
    pub headcount: u32,
    /// Sorted when written: the order carries no meaning.
    pub agent_ids: Vec<String>,
    pub category: MissionCategory,
    pub mission: String,
    pub radio: Option<String>,
    pub visibility: Visibility,
}

impl From<TimeWindow> for WindowDoc {
    fn from(window: TimeWindow) -> Self {
        WindowDoc { start: format_instant(window.start()), end: format_instant(window.end()) }
    }
}

impl From<LegalContext> for LegalDoc {
    fn from(legal: LegalContext) -> Self {
        let mut orders: Vec<OrderDoc> = legal
            .orders
            .iter()
            .map(|o| OrderDoc {
                kind: o.kind(),
                number: o.number().to_string(),
                signed_on: o.signed_on().map(|date| date.format("%Y-%m-%d").to_string()),
                valid: o.valid().map(WindowDoc::from),
                zone_ids: o.zone_ids().to_vec(),
            })
            .collect();
        orders.sort_by(|a, b| (a.kind, &a.number, &a.signed_on).cmp(&(b.kind, &b.number, &b.signed_on)));
        LegalDoc {
            orders,
            convention_coordination_en_vigueur: legal.convention_coordination_en_vigueur,
            organisee_par_la_commune: legal.organisee_par_la_commune,
            but_lucratif: legal.but_lucratif,
            palpations_sous_controle_opj: legal.palpations_sous_controle_opj,
            regime_police: legal.regime_police,
            declaration_deposee_le: legal.declaration_deposee_le.map(|day| day.format("%Y-%m-%d").to_string()),
        }
    }
}

impl From<EventDraft> for EventDoc {
    fn from(d: EventDraft) -> Self {
        EventDoc {
            id: d.id,
            name: d.name,
            kind: d.kind,
            commune_code: d.commune_code,
            commune_name: d.commune_name,
            address: d.address,
            time_zone: d.time_zone,
            window: d.window.into(),
            setup: d.setup.map(WindowDoc::from),
            teardown: d.teardown.map(WindowDoc::from),
            expected_attendance: d.expected_attendance,
            behaviour: d.behaviour,
            legal: d.legal.into(),
            alert_procedure: d.alert_procedure,
        }
    }
}

/// A coordinate rounded to 7 decimals (about a centimetre). Reading JSON numbers back may be
/// off by the last binary digit (serde_json's fast float parsing); rounding again absorbs it, so
/// that export → import → export keeps the same bytes.
fn to_centimetre(degrees: f64) -> f64 {
    (degrees * 1e7).round() / 1e7
}

impl From<ZoneDraft> for ZoneDoc {
    fn from(d: ZoneDraft) -> Self {
        let polygon = d.polygon.map(|p| PolygonDoc {
            kind: "Polygon".into(),
            coordinates: vec![p.ring().iter().map(|&[lon, lat]| [to_centimetre(lon), to_centimetre(lat)]).collect()],
        });
        ZoneDoc {
            id: d.id,
            name: d.name,
            kind: d.kind,
            public_road: d.public_road,
            acces_enceinte: d.acces_enceinte,
            address: d.address,
            polygon,
        }
    }
}

impl From<PostDraft> for PostDoc {
    fn from(d: PostDraft) -> Self {
        PostDoc { id: d.id, zone_id: d.zone_id, name: d.name }
    }
}

impl From<ParticipantDraft> for ParticipantDoc {
    fn from(d: ParticipantDraft) -> Self {
        let ParticipantDraft {
            id,
            organisation_id,
            name,
            role,
            contact_name,
            contact_phone,
            cnaps_authorisation,
            commune_code,
            arrete_l512_3,
            cadre_intercommunal,
            service_interne_securite,
        } = d;
        ParticipantDoc {
            id,
            organisation_id,
            name,
            role,
            contact_name,
            contact_phone,
            cnaps_authorisation,
            commune_code,
            arrete_l512_3,
            cadre_intercommunal,
            service_interne_securite,
        }
    }
}

impl From<AgentDraft> for AgentDoc {
    fn from(d: AgentDraft) -> Self {
        AgentDoc {
            id: d.id,
            participant_id: d.participant_id,
            display_name: d.display_name,
            qualifications: d.qualifications.into_iter().collect(),
            sex: d.sex,
            cnaps_card: d
                .cnaps_card
                .map(|card| CnapsCardDoc { number: card.number().into(), expires: format_instant(card.expires()) }),
            availability: d.availability.into_iter().map(WindowDoc::from).collect(),
        }
    }
}

impl From<NeedDraft> for NeedDoc {
    fn from(d: NeedDraft) -> Self {
        let NeedDraft { id, zone_id, post_id, window, qualification, min, max, priority, min_women, min_men } = d;
        NeedDoc { id, zone_id, post_id, window: window.into(), qualification, min, max, priority, min_women, min_men }
    }
}

impl From<DeploymentDraft> for DeploymentDoc {
    fn from(d: DeploymentDraft) -> Self {
        let mut agent_ids = d.agent_ids;
        agent_ids.sort();
        DeploymentDoc {
            id: d.id,
            participant_id: d.participant_id,
            zone_id: d.zone_id,
            post_id: d.post_id,
            window: d.window.into(),
            headcount: d.headcount,
            agent_ids,
            category: d.category,
            mission: d.mission,
            radio: d.radio,
            visibility: d.visibility,
        }
    }
}

/// Converts each record into its document, through the domain's draft, sorted by id.
fn sorted<R: Clone, Draft: From<R>, D: From<Draft>>(records: &[R], id: fn(&D) -> &str) -> Vec<D> {
    let mut docs: Vec<D> = records.iter().cloned().map(|r| D::from(Draft::from(r))).collect();
    docs.sort_by(|a, b| id(a).cmp(id(b)));
    docs
}

impl PlanDocument {
    /// The document of `plan`, with the identity of each of `organisations` that a
    /// participant stands for (the others are left out).
    pub fn of(plan: &Plan, organisations: &[OrganisationIdentity]) -> Self {
        let mut listed: Vec<OrganisationDoc> = organisations
            .iter()
            .filter(|o| plan.participants.iter().any(|p| p.organisation_id() == o.id))
            .cloned()
            .map(OrganisationDoc::from)
            .collect();
        listed.sort_by(|a, b| a.id.cmp(&b.id));
        listed.dedup_by(|a, b| a.id == b.id);
        PlanDocument {
            format: PLAN_FORMAT.into(),
            event: EventDraft::from(plan.event.clone()).into(),
            zones: sorted::<_, ZoneDraft, ZoneDoc>(&plan.zones, |d| &d.id),
            posts: sorted::<_, PostDraft, PostDoc>(&plan.posts, |d| &d.id),
            organisations: listed,
            participants: sorted::<_, ParticipantDraft, ParticipantDoc>(&plan.participants, |d| &d.id),
            agents: sorted::<_, AgentDraft, AgentDoc>(&plan.agents, |d| &d.id),
            needs: sorted::<_, NeedDraft, NeedDoc>(&plan.needs, |d| &d.id),
            deployments: sorted::<_, DeploymentDraft, DeploymentDoc>(&plan.deployments, |d| &d.id),
        }
    }
}
