//! From the format's documents to the domain's drafts: instants read from RFC 3339 text,
//! windows, polygons and CNAPS cards built by their domain constructors, each refusal
//! reported at the path of the value at fault. A value refused here is replaced by a neutral
//! one (no polygon, a placeholder window) and the draft marked incomplete, so that the other
//! fields of the record are still checked, but the record itself is never built.

use super::check::probe_window;
use super::document::{
    AgentDoc, CnapsCardDoc, DeploymentDoc, EventDoc, LegalDoc, NeedDoc, OrderDoc, ParticipantDoc, PolygonDoc, PostDoc,
    WindowDoc, ZoneDoc,
};
use super::reader::{child, item};
use super::report::Report;
use super::stamp::parse_instant;
use crate::domain::plan::{
    AgentDraft, CnapsCard, DeploymentDraft, EventDraft, GeoPolygon, LegalContext, NeedDraft, ParticipantDraft,
    PlanError, PostDraft, PrefectOrder, PrefectOrderFields, TimeWindow, ZoneDraft,
};
use crate::domain::time::Instant;

fn instant(raw: &str, path: &str, r: &mut Report) -> Option<Instant> {
    parse_instant(raw).map_err(|message| r.push(path, message)).ok()
}

/// A window; an end not after the start, or too far after it, is reported at `….end`.
fn window(doc: &WindowDoc, path: &str, r: &mut Report) -> Option<TimeWindow> {
    let start = instant(&doc.start, &child(path, "start"), r);
    let end = instant(&doc.end, &child(path, "end"), r);
    TimeWindow::new(start?, end?).map_err(|e| r.push(&child(path, "end"), e.to_string())).ok()
}

/// An optional window: `Some(None)` when absent, `None` when invalid.
fn optional_window(doc: Option<&WindowDoc>, path: &str, r: &mut Report) -> Option<Option<TimeWindow>> {
    match doc {
        None => Some(None),
        Some(doc) => window(doc, path, r).map(Some),
    }
}

/// Every window of a list, or `None` if any is invalid (all of them reported).
fn windows(docs: &[WindowDoc], path: &str, r: &mut Report) -> Option<Vec<TimeWindow>> {
    let read: Vec<_> = docs.iter().enumerate().map(|(i, doc)| window(doc, &item(path, i), r)).collect();
    read.into_iter().collect()
}

/// A draft and whether every value of its document was accepted.
pub(super) type Drafted<D> = (D, bool);

pub(super) fn event(doc: EventDoc, path: &str, r: &mut Report) -> Drafted<EventDraft> {
    let event_window = window(&doc.window, &child(path, "window"), r);
    let setup = optional_window(doc.setup.as_ref(), &child(path, "setup"), r);
    let teardown = optional_window(doc.teardown.as_ref(), &child(path, "teardown"), r);
    let (legal, legal_complete) = legal(doc.legal, &child(path, "legal"), r);
    let complete = event_window.is_some() && setup.is_some() && teardown.is_some() && legal_complete;
    let draft = EventDraft {
        id: doc.id,
        name: doc.name,
        kind: doc.kind,
        commune_code: doc.commune_code,
        commune_name: doc.commune_name,
        address: doc.address,
        time_zone: doc.time_zone,
        window: event_window.unwrap_or_else(probe_window),
        setup: setup.flatten(),
        teardown: teardown.flatten(),
        expected_attendance: doc.expected_attendance,
        behaviour: doc.behaviour,
        legal,
        alert_procedure: doc.alert_procedure,
    };
    (draft, complete)
}

/// The legal frame; each order refused is reported at its path and left out.
fn legal(doc: LegalDoc, path: &str, r: &mut Report) -> (LegalContext, bool) {
    let orders_path = child(path, "orders");
    let read: Vec<Option<PrefectOrder>> =
        doc.orders.into_iter().enumerate().map(|(i, o)| order(o, &item(&orders_path, i), r)).collect();
    let declared = optional_day(doc.declaration_deposee_le.as_deref(), &child(path, "declaration_deposee_le"), r);
    let complete = read.iter().all(Option::is_some) && declared.is_some();
    let legal = LegalContext {
        orders: read.into_iter().flatten().collect(),
        convention_coordination_en_vigueur: doc.convention_coordination_en_vigueur,
        organisee_par_la_commune: doc.organisee_par_la_commune,
        but_lucratif: doc.but_lucratif,
        palpations_sous_controle_opj: doc.palpations_sous_controle_opj,
        regime_police: doc.regime_police,
        declaration_deposee_le: declared.flatten(),
    };
    (legal, complete)
}

/// An optional `YYYY-MM-DD` day: `Some(None)` when absent or blank, `None` (reported at `path`)
/// when unreadable.
fn optional_day(raw: Option<&str>, path: &str, r: &mut Report) -> Option<Option<chrono::NaiveDate>> {
    match raw.map(str::trim) {
        None | Some("") => Some(None),
        Some(raw) => match chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
            Ok(date) => Some(Some(date)),
            Err(_) => {
                r.push(path, "Une date AAAA-MM-JJ est attendue.");
                None
            }
        },
    }
}

fn order(doc: OrderDoc, path: &str, r: &mut Report) -> Option<PrefectOrder> {
    let signed_on = optional_day(doc.signed_on.as_deref(), &child(path, "signed_on"), r);
    let valid = optional_window(doc.valid.as_ref(), &child(path, "valid"), r);
    let fields = PrefectOrderFields {
        kind: doc.kind,
        number: doc.number,
        signed_on: signed_on?,
        valid: valid?,
        zone_ids: doc.zone_ids,
    };
    PrefectOrder::new(fields)
        .map_err(|e| {
            let field = if e == PlanError::InvalidId { "zone_ids" } else { "number" };
            r.push(&child(path, field), e.to_string())
        })
        .ok()
}

/// A GeoJSON polygon with exactly one ring; other shapes are reported at `….polygon`.
fn polygon(doc: PolygonDoc, path: &str, r: &mut Report) -> Option<GeoPolygon> {
    let mut rings = doc.coordinates.into_iter();
    let built = match (doc.kind.as_str(), rings.next(), rings.next()) {
        ("Polygon", Some(ring), None) => GeoPolygon::new(ring),
        _ => Err(PlanError::InvalidPolygon),
    };
    built.map_err(|e| r.push(path, e.to_string())).ok()
}

pub(super) fn zone(doc: ZoneDoc, path: &str, r: &mut Report) -> Drafted<ZoneDraft> {
    let polygon = doc.polygon.map(|shape| polygon(shape, &child(path, "polygon"), r));
    let complete = !matches!(polygon, Some(None));
    let draft = ZoneDraft {
        id: doc.id,
        name: doc.name,
        kind: doc.kind,
        public_road: doc.public_road,
        acces_enceinte: doc.acces_enceinte,
        address: doc.address,
        polygon: polygon.flatten(),
    };
    (draft, complete)
}

pub(super) fn post(doc: PostDoc) -> PostDraft {
    PostDraft { id: doc.id, zone_id: doc.zone_id, name: doc.name }
}

pub(super) fn participant(doc: ParticipantDoc) -> ParticipantDraft {
    let ParticipantDoc {
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
    } = doc;
    ParticipantDraft {
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

fn card(doc: CnapsCardDoc, path: &str, r: &mut Report) -> Option<CnapsCard> {
    let expires = instant(&doc.expires, &child(path, "expires"), r);
    let number_path = child(path, "number");
    let card = CnapsCard::new(&doc.number, expires.unwrap_or(Instant(0)));
    let card = card.map_err(|e| r.push(&number_path, e.to_string())).ok();
    expires.and(card)
}

pub(super) fn agent(doc: AgentDoc, path: &str, r: &mut Report) -> Drafted<AgentDraft> {
    let cnaps_card = doc.cnaps_card.map(|card_doc| card(card_doc, &child(path, "cnaps_card"), r));
    let availability = windows(&doc.availability, &child(path, "availability"), r);
    let complete = !matches!(cnaps_card, Some(None)) && availability.is_some();
    let draft = AgentDraft {
        id: doc.id,
        participant_id: doc.participant_id,
        display_name: doc.display_name,
        qualifications: doc.qualifications.into_iter().collect(),
        sex: doc.sex,
        cnaps_card: cnaps_card.flatten(),
        availability: availability.unwrap_or_default(),
    };
    (draft, complete)
}

pub(super) fn need(doc: NeedDoc, path: &str, r: &mut Report) -> Drafted<NeedDraft> {
    let need_window = window(&doc.window, &child(path, "window"), r);
    let NeedDoc { id, zone_id, post_id, qualification, min, max, priority, min_women, min_men, .. } = doc;
    let window = need_window.unwrap_or_else(probe_window);
    let draft = NeedDraft { id, zone_id, post_id, window, qualification, min, max, priority, min_women, min_men };
    (draft, need_window.is_some())
}

pub(super) fn deployment(doc: DeploymentDoc, path: &str, r: &mut Report) -> Drafted<DeploymentDraft> {
    let deployment_window = window(&doc.window, &child(path, "window"), r);
    let draft = DeploymentDraft {
        id: doc.id,
        participant_id: doc.participant_id,
        zone_id: doc.zone_id,
        post_id: doc.post_id,
        window: deployment_window.unwrap_or_else(probe_window),
        headcount: doc.headcount,
        agent_ids: doc.agent_ids,
        category: doc.category,
        mission: doc.mission,
        radio: doc.radio,
        visibility: doc.visibility,
    };
    (draft, deployment_window.is_some())
}
