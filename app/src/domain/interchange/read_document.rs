//! Reading a parsed JSON value into the format's documents: every field's presence and JSON
//! type, the closed lists of codes, and no field the format does not know. What the values
//! mean (instants, ranges, texts) is checked afterwards, on the drafts.

use serde_json::Value;

use super::document::{
    AgentDoc, CnapsCardDoc, DeploymentDoc, EventDoc, LegalDoc, NeedDoc, OrderDoc, OrganisationDoc, ParticipantDoc,
    PolygonDoc, PostDoc, ZoneDoc,
};
use super::reader::{boolean, code_reader, count, item, list, list_of, number, small, string, window, Obj};
use super::report::Report;
use super::{PLAN_FORMAT, PLAN_FORMAT_V1, PLAN_FORMAT_V2};
use crate::domain::organisation::OrganisationKind;
use crate::domain::plan::{
    EventKind, LegalContext, MissionCategory, MunicipalFramework, OrderKind, ParticipantRole, PoliceRegime,
    PublicBehaviour, Qualification, Sex, Visibility, ZoneKind,
};

/// A file read as far as it could be: each record is `None` where it was malformed, at the
/// same index as in the file so that later checks report the right path.
#[derive(Debug, Default)]
pub(super) struct ReadDocument {
    pub event: Option<EventDoc>,
    pub zones: Vec<Option<ZoneDoc>>,
    pub posts: Vec<Option<PostDoc>>,
    /// Empty in files before `cordon-plan/3`.
    pub organisations: Vec<Option<OrganisationDoc>>,
    pub participants: Vec<Option<ParticipantDoc>>,
    pub agents: Vec<Option<AgentDoc>>,
    pub needs: Vec<Option<NeedDoc>>,
    pub deployments: Vec<Option<DeploymentDoc>>,
}

/// The French message for a file without the right `format`.
pub(super) fn wrong_format_message(found: Option<&Value>) -> String {
    match found {
        None => format!("Champ « format » manquant : ce fichier n'est pas un plan Cordon (« {PLAN_FORMAT} » attendu)."),
        Some(value) => {
            let shown: String =
                value.as_str().map_or_else(|| value.to_string(), str::to_string).chars().take(40).collect();
            format!(
                "Format « {shown} » inconnu : « {PLAN_FORMAT} » (ou « {PLAN_FORMAT_V2} », « {PLAN_FORMAT_V1} ») est attendu."
            )
        }
    }
}

/// Reads the whole document. A root that is not an object, or a wrong `format`, stops the
/// reading there: the rest of such a file would only produce noise.
pub(super) fn read_document(root: &Value, report: &mut Report) -> Option<ReadDocument> {
    let mut obj = Obj::open(root, "$", report)?;
    let format = obj.optional("format");
    let (v1, v3) = match format.and_then(Value::as_str) {
        Some(PLAN_FORMAT) => (false, true),
        Some(PLAN_FORMAT_V2) => (false, false),
        Some(PLAN_FORMAT_V1) => (true, false),
        _ => {
            report.push("$.format", wrong_format_message(format));
            return None;
        }
    };
    let event = obj.req("event", report, if v1 { event_doc_v1 } else { event_doc });
    let document = ReadDocument {
        event,
        zones: section(&mut obj, "zones", report, if v1 { zone_doc_v1 } else { zone_doc }),
        posts: section(&mut obj, "posts", report, post_doc),
        organisations: if v3 { section(&mut obj, "organisations", report, organisation_doc) } else { Vec::new() },
        participants: section(&mut obj, "participants", report, if v1 { participant_doc_v1 } else { participant_doc }),
        agents: section(&mut obj, "agents", report, agent_doc),
        needs: section(&mut obj, "needs", report, need_doc),
        deployments: section(&mut obj, "deployments", report, deployment_doc),
    };
    obj.finish(report);
    Some(document)
}

/// One of the lists of records, each read with `read`.
fn section<T>(obj: &mut Obj, key: &'static str, report: &mut Report, read: super::reader::Read<T>) -> Vec<Option<T>> {
    let path = obj.at(key);
    let Some(items) = obj.required(key, report).and_then(|value| list(value, &path, report)) else {
        return Vec::new();
    };
    let mut read_items = Vec::with_capacity(items.len());
    for (i, value) in items.iter().enumerate() {
        if report.is_full() {
            break;
        }
        read_items.push(read(value, &item(&path, i), report));
    }
    read_items
}

code_reader!(event_kind, EventKind);
code_reader!(behaviour, PublicBehaviour);
code_reader!(zone_kind, ZoneKind);
code_reader!(role, ParticipantRole);
code_reader!(qualification, Qualification);
code_reader!(sex, Sex);
code_reader!(category, MissionCategory);
code_reader!(visibility, Visibility);
code_reader!(order_kind, OrderKind);
code_reader!(framework, MunicipalFramework);
code_reader!(police_regime, PoliceRegime);
fn organisation_kind(value: &Value, path: &str, report: &mut Report) -> Option<OrganisationKind> {
    super::reader::code(value, path, report, &OrganisationKind::ALL, OrganisationKind::code)
}

fn event_doc(value: &Value, path: &str, r: &mut Report) -> Option<EventDoc> {
    event_doc_in(value, path, r, legal_doc)
}

/// An event of a `cordon-plan/1` file: the same, with the four ticks of that version.
fn event_doc_v1(value: &Value, path: &str, r: &mut Report) -> Option<EventDoc> {
    event_doc_in(value, path, r, legal_doc_v1)
}

fn event_doc_in(
    value: &Value,
    path: &str,
    r: &mut Report,
    legal_doc: super::reader::Read<LegalDoc>,
) -> Option<EventDoc> {
    let mut o = Obj::open(value, path, r)?;
    let doc = (
        o.req("id", r, string),
        o.req("name", r, string),
        o.req("kind", r, event_kind),
        o.req("commune_code", r, string),
        o.req("commune_name", r, string),
        o.req("address", r, string),
        o.opt("time_zone", r, string),
        o.req("window", r, window),
        o.opt("setup", r, window),
        o.opt("teardown", r, window),
        o.req("expected_attendance", r, count),
        o.req("behaviour", r, behaviour),
        o.req("legal", r, legal_doc),
        o.opt("alert_procedure", r, string),
    );
    o.finish(r);
    let (
        id,
        name,
        kind,
        commune_code,
        commune_name,
        address,
        time_zone,
        window,
        setup,
        teardown,
        attendance,
        behaviour,
        legal,
        alert_procedure,
    ) = doc;
    Some(EventDoc {
        id: id?,
        name: name?,
        kind: kind?,
        commune_code: commune_code?,
        commune_name: commune_name?,
        address: address?,
        time_zone: time_zone?,
        window: window?,
        setup: setup?,
        teardown: teardown?,
        expected_attendance: attendance?,
        behaviour: behaviour?,
        legal: legal?,
        alert_procedure: alert_procedure?,
    })
}

fn legal_doc(value: &Value, path: &str, r: &mut Report) -> Option<LegalDoc> {
    let mut o = Obj::open(value, path, r)?;
    let orders = o.req("orders", r, |v, p, r| list_of(v, p, r, order_doc));
    let convention = o.req("convention_coordination_en_vigueur", r, boolean);
    let commune = o.req("organisee_par_la_commune", r, boolean);
    let lucratif = o.req("but_lucratif", r, boolean);
    let opj = o.req("palpations_sous_controle_opj", r, boolean);
    let regime = o.req("regime_police", r, police_regime);
    let declared = o.opt("declaration_deposee_le", r, string);
    o.finish(r);
    Some(LegalDoc {
        orders: orders?,
        convention_coordination_en_vigueur: convention?,
        organisee_par_la_commune: commune?,
        but_lucratif: lucratif?,
        palpations_sous_controle_opj: opj?,
        regime_police: regime?,
        declaration_deposee_le: declared?,
    })
}

fn order_doc(value: &Value, path: &str, r: &mut Report) -> Option<OrderDoc> {
    let mut o = Obj::open(value, path, r)?;
    let kind = o.req("kind", r, order_kind);
    let number = o.req("number", r, string);
    let signed_on = o.opt("signed_on", r, string);
    let valid = o.opt("valid", r, window);
    let zone_ids = o.req("zone_ids", r, |v, p, r| list_of(v, p, r, string));
    o.finish(r);
    Some(OrderDoc { kind: kind?, number: number?, signed_on: signed_on?, valid: valid?, zone_ids: zone_ids? })
}

/// The legal ticks of `cordon-plan/1`: each ticked order becomes an order without number or
/// date, for the whole event and site; the facts that version did not carry are not stated.
fn legal_doc_v1(value: &Value, path: &str, r: &mut Report) -> Option<LegalDoc> {
    let mut o = Obj::open(value, path, r)?;
    let perimetre = o.req("perimetre_l226_1", r, boolean);
    let palpation = o.req("arrete_palpation_l613_2", r, boolean);
    let voie_publique = o.req("autorisation_voie_publique_l613_1", r, boolean);
    let convention = o.req("convention_coordination_en_vigueur", r, boolean);
    o.finish(r);
    Some(LegalDoc::from(LegalContext::from_ticks(palpation?, perimetre?, voie_publique?, convention?)))
}

fn zone_doc(value: &Value, path: &str, r: &mut Report) -> Option<ZoneDoc> {
    zone_doc_in(value, path, r, false)
}

fn zone_doc_v1(value: &Value, path: &str, r: &mut Report) -> Option<ZoneDoc> {
    zone_doc_in(value, path, r, true)
}

fn zone_doc_in(value: &Value, path: &str, r: &mut Report, v1: bool) -> Option<ZoneDoc> {
    let mut o = Obj::open(value, path, r)?;
    let id = o.req("id", r, string);
    let name = o.req("name", r, string);
    let kind = o.req("kind", r, zone_kind);
    let public_road = o.req("public_road", r, boolean);
    let acces_enceinte = if v1 { Some(false) } else { o.req("acces_enceinte", r, boolean) };
    let address = o.opt("address", r, string);
    let polygon = o.opt("polygon", r, polygon_doc);
    o.finish(r);
    Some(ZoneDoc {
        id: id?,
        name: name?,
        kind: kind?,
        public_road: public_road?,
        acces_enceinte: acces_enceinte?,
        address: address?,
        polygon: polygon?,
    })
}

fn polygon_doc(value: &Value, path: &str, r: &mut Report) -> Option<PolygonDoc> {
    let mut o = Obj::open(value, path, r)?;
    let kind = o.req("type", r, string);
    let coordinates = o.req("coordinates", r, |v, p, r| list_of(v, p, r, |v, p, r| list_of(v, p, r, position)));
    o.finish(r);
    Some(PolygonDoc { kind: kind?, coordinates: coordinates? })
}

fn position(value: &Value, path: &str, r: &mut Report) -> Option<[f64; 2]> {
    match list(value, path, r)? {
        [lon, lat] => Some([number(lon, &item(path, 0), r)?, number(lat, &item(path, 1), r)?]),
        _ => {
            r.push(path, "Une position [longitude, latitude] est attendue.");
            None
        }
    }
}

fn post_doc(value: &Value, path: &str, r: &mut Report) -> Option<PostDoc> {
    let mut o = Obj::open(value, path, r)?;
    let id = o.req("id", r, string);
    let zone_id = o.req("zone_id", r, string);
    let name = o.req("name", r, string);
    o.finish(r);
    Some(PostDoc { id: id?, zone_id: zone_id?, name: name? })
}

fn organisation_doc(value: &Value, path: &str, r: &mut Report) -> Option<OrganisationDoc> {
    let mut o = Obj::open(value, path, r)?;
    let id = o.req("id", r, string);
    let name = o.req("name", r, string);
    let kind = o.req("kind", r, organisation_kind);
    let siret = o.opt("siret", r, string);
    let cnaps_authorisation = o.opt("cnaps_authorisation", r, string);
    let commune_code = o.opt("commune_code", r, string);
    let department = o.opt("department", r, string);
    o.finish(r);
    Some(OrganisationDoc {
        id: id?,
        name: name?,
        kind: kind?,
        siret: siret?,
        cnaps_authorisation: cnaps_authorisation?,
        commune_code: commune_code?,
        department: department?,
    })
}

fn participant_doc(value: &Value, path: &str, r: &mut Report) -> Option<ParticipantDoc> {
    participant_doc_in(value, path, r, false)
}

fn participant_doc_v1(value: &Value, path: &str, r: &mut Report) -> Option<ParticipantDoc> {
    participant_doc_in(value, path, r, true)
}

fn participant_doc_in(value: &Value, path: &str, r: &mut Report, v1: bool) -> Option<ParticipantDoc> {
    let mut o = Obj::open(value, path, r)?;
    let id = o.req("id", r, string);
    let organisation_id = o.req("organisation_id", r, string);
    let name = o.req("name", r, string);
    let role = o.req("role", r, role);
    let contact_name = o.opt("contact_name", r, string);
    let contact_phone = o.opt("contact_phone", r, string);
    let cnaps_authorisation = o.opt("cnaps_authorisation", r, string);
    let commune_code = o.opt("commune_code", r, string);
    let arrete_l512_3 = o.opt("arrete_l512_3", r, string);
    let cadre_intercommunal = if v1 { Some(None) } else { o.opt("cadre_intercommunal", r, framework) };
    let service_interne = if v1 { Some(false) } else { o.req("service_interne_securite", r, boolean) };
    o.finish(r);
    Some(ParticipantDoc {
        id: id?,
        organisation_id: organisation_id?,
        name: name?,
        role: role?,
        contact_name: contact_name?,
        contact_phone: contact_phone?,
        cnaps_authorisation: cnaps_authorisation?,
        commune_code: commune_code?,
        arrete_l512_3: arrete_l512_3?,
        cadre_intercommunal: cadre_intercommunal?,
        service_interne_securite: service_interne?,
    })
}

fn agent_doc(value: &Value, path: &str, r: &mut Report) -> Option<AgentDoc> {
    let mut o = Obj::open(value, path, r)?;
    let id = o.req("id", r, string);
    let participant_id = o.req("participant_id", r, string);
    let display_name = o.req("display_name", r, string);
    let qualifications = o.req("qualifications", r, |v, p, r| list_of(v, p, r, qualification));
    let sex = o.opt("sex", r, sex);
    let cnaps_card = o.opt("cnaps_card", r, card_doc);
    let availability = o.req("availability", r, |v, p, r| list_of(v, p, r, window));
    o.finish(r);
    Some(AgentDoc {
        id: id?,
        participant_id: participant_id?,
        display_name: display_name?,
        qualifications: qualifications?,
        sex: sex?,
        cnaps_card: cnaps_card?,
        availability: availability?,
    })
}

fn card_doc(value: &Value, path: &str, r: &mut Report) -> Option<CnapsCardDoc> {
    let mut o = Obj::open(value, path, r)?;
    let number = o.req("number", r, string);
    let expires = o.req("expires", r, string);
    o.finish(r);
    Some(CnapsCardDoc { number: number?, expires: expires? })
}

fn need_doc(value: &Value, path: &str, r: &mut Report) -> Option<NeedDoc> {
    let mut o = Obj::open(value, path, r)?;
    let (id, zone_id, post_id) = (o.req("id", r, string), o.req("zone_id", r, string), o.opt("post_id", r, string));
    let window = o.req("window", r, window);
    let qualification = o.opt("qualification", r, qualification);
    let (min, max) = (o.req("min", r, count), o.opt("max", r, count));
    let priority = o.req("priority", r, small);
    let (min_women, min_men) = (o.req("min_women", r, count), o.req("min_men", r, count));
    o.finish(r);
    Some(NeedDoc {
        id: id?,
        zone_id: zone_id?,
        post_id: post_id?,
        window: window?,
        qualification: qualification?,
        min: min?,
        max: max?,
        priority: priority?,
        min_women: min_women?,
        min_men: min_men?,
    })
}

fn deployment_doc(value: &Value, path: &str, r: &mut Report) -> Option<DeploymentDoc> {
    let mut o = Obj::open(value, path, r)?;
    let (id, participant_id) = (o.req("id", r, string), o.req("participant_id", r, string));
    let (zone_id, post_id) = (o.req("zone_id", r, string), o.opt("post_id", r, string));
    let (window, headcount) = (o.req("window", r, window), o.req("headcount", r, count));
    let agent_ids = o.req("agent_ids", r, |v, p, r| list_of(v, p, r, string));
    let (category, mission) = (o.req("category", r, category), o.req("mission", r, string));
    let (radio, visibility) = (o.opt("radio", r, string), o.req("visibility", r, visibility));
    o.finish(r);
    Some(DeploymentDoc {
        id: id?,
        participant_id: participant_id?,
        zone_id: zone_id?,
        post_id: post_id?,
        window: window?,
        headcount: headcount?,
        agent_ids: agent_ids?,
        category: category?,
        mission: mission?,
        radio: radio?,
        visibility: visibility?,
    })
}
