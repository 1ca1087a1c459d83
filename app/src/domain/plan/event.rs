//! The event being planned: what, where, when, for how many people, and the legal context
//! that decides what each kind of security actor may do there.

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::error::PlanError;
use super::fields::{coded_enum, parse_free_text, parse_id, parse_label};
use super::time_zone::{default_time_zone, parse_time_zone};
use super::window::TimeWindow;
use crate::domain::geo::{CommuneCode, Department};
use crate::domain::time::Instant;

/// The largest expected peak attendance the planner accepts.
pub const MAX_ATTENDANCE: u32 = 2_000_000;

coded_enum! {
    /// What kind of public event this is.
    pub enum EventKind {
        FeteFoire => ("fete_foire", "Fête, foire"),
        FestivalConcert => ("festival_concert", "Festival, concert"),
        Sport => ("sport", "Manifestation sportive"),
        Marche => ("marche", "Marché"),
        Autre => ("autre", "Autre"),
    }
}

coded_enum! {
    /// How the public behaves, which drives first-aid and steward sizing.
    pub enum PublicBehaviour {
        Assis => ("assis", "Public assis"),
        Debout => ("debout", "Public debout"),
        /// Moving, dancing or pressing forward: the highest risk.
        Dynamique => ("dynamique", "Public dynamique"),
    }
}

coded_enum! {
    /// The kinds of prefect's order a security plan relies on (Code de la sécurité intérieure).
    /// An L512-3 order is recorded here with its validity and zones (an older plan carries only
    /// its reference, on the municipal police participant it concerns).
    pub enum OrderKind {
        /// Pat-downs by private security agents, for a duration and places the order fixes
        /// (L613-2, circumstances tied to grave threats to public security).
        PalpationL613_2 => ("palpation_l613_2", "Arrêté autorisant les palpations de sécurité (L613-2)"),
        /// A protection perimeter (L226-1): access checks under the authority of judicial
        /// police officers, private agents assisting.
        PerimetreL226_1 => ("perimetre_l226_1", "Arrêté instituant un périmètre de protection (L226-1)"),
        /// Private agents on the public road, to watch the goods they guard (L613-1 al. 2).
        VoiePubliqueL613_1 => ("voie_publique_l613_1", "Autorisation d’agents privés sur la voie publique (L613-1)"),
        /// The maires of neighbouring communes, or of one agglomeration, use their municipal
        /// police in common for the event, for a set time, in administrative police only (L512-3).
        PoliceMunicipaleL512_3 => ("police_municipale_l512_3", "Arrêté d’utilisation en commun de polices municipales (L512-3)"),
    }
}

coded_enum! {
    /// Which State force the commune depends on, which decides who keeps order at large
    /// gatherings (CGCT L2214-4).
    #[derive(Default)]
    pub enum PoliceRegime {
        /// Not stated: the convention states both cases.
        #[default]
        NonRenseigne => ("non_renseigne", "Non renseigné"),
        /// A commune under the State police regime (police nationale): the State maintains
        /// order at large gatherings (CGCT L2214-4).
        PoliceEtat => ("police_etat", "Commune sous le régime de la police d’État (police nationale)"),
        /// A gendarmerie zone: the maire's police, the gendarmerie for the State.
        Gendarmerie => ("gendarmerie", "Zone de gendarmerie nationale"),
    }
}

/// The longest order number accepted, in characters.
pub const MAX_ORDER_NUMBER: usize = 80;

/// A prefect's order as the plan records it: what it allows, its number and date, when it is
/// in force and where. Cordon does not issue orders: the organiser or the prefecture copies
/// them from the signed text, and the convention cites each with its number and date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PrefectOrderFields", into = "PrefectOrderFields")]
pub struct PrefectOrder {
    kind: OrderKind,
    number: String,
    signed_on: Option<NaiveDate>,
    valid: Option<TimeWindow>,
    zone_ids: Vec<String>,
}

/// The unchecked fields of a [`PrefectOrder`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrefectOrderFields {
    pub kind: OrderKind,
    /// The order's number as printed on it, e.g. "13-2026-06-0412".
    pub number: String,
    /// The date it was signed; `None` when not yet known (orders read from an older file).
    #[serde(default)]
    pub signed_on: Option<NaiveDate>,
    /// When it is in force; `None` for the whole event.
    #[serde(default)]
    pub valid: Option<TimeWindow>,
    /// The zones it covers; empty for the whole site.
    #[serde(default)]
    pub zone_ids: Vec<String>,
}

/// The number written for an order recorded before numbers were asked for.
pub const ORDER_NUMBER_UNKNOWN: &str = "non renseigné";

impl PrefectOrder {
    /// Checks the number (a one-line label) and the zone ids; sorts and dedups the zones.
    pub fn new(fields: PrefectOrderFields) -> Result<Self, PlanError> {
        let number = parse_label(&fields.number, MAX_ORDER_NUMBER)?;
        let mut zone_ids = fields.zone_ids.iter().map(|id| parse_id(id)).collect::<Result<Vec<_>, _>>()?;
        zone_ids.sort();
        zone_ids.dedup();
        Ok(PrefectOrder { kind: fields.kind, number, signed_on: fields.signed_on, valid: fields.valid, zone_ids })
    }
    /// An order recorded as a mere tick, before orders were data: no number, no date, the
    /// whole event and site.
    pub fn unnumbered(kind: OrderKind) -> PrefectOrder {
        PrefectOrder { kind, number: ORDER_NUMBER_UNKNOWN.into(), signed_on: None, valid: None, zone_ids: Vec::new() }
    }
    pub fn kind(&self) -> OrderKind {
        self.kind
    }
    pub fn number(&self) -> &str {
        &self.number
    }
    pub fn signed_on(&self) -> Option<NaiveDate> {
        self.signed_on
    }
    pub fn valid(&self) -> Option<TimeWindow> {
        self.valid
    }
    /// The zones covered; empty means the whole site.
    pub fn zone_ids(&self) -> &[String] {
        &self.zone_ids
    }
    /// Whether the order covers work in `zone_id` during the whole of `window`.
    pub fn covers(&self, zone_id: &str, window: &TimeWindow) -> bool {
        let in_zone = self.zone_ids.is_empty() || self.zone_ids.iter().any(|z| z == zone_id);
        let in_time = self.valid.is_none_or(|valid| valid.contains_window(window));
        in_zone && in_time
    }
    /// How the convention cites it: "arrêté préfectoral n° 13-2026-0412 du 02/06/2026".
    pub fn citation(&self) -> String {
        match self.signed_on {
            Some(date) => format!("arrêté préfectoral n° {} du {}", self.number, date.format("%d/%m/%Y")),
            None => format!("arrêté préfectoral n° {} (date non renseignée)", self.number),
        }
    }
}

impl TryFrom<PrefectOrderFields> for PrefectOrder {
    type Error = PlanError;
    fn try_from(fields: PrefectOrderFields) -> Result<Self, PlanError> {
        PrefectOrder::new(fields)
    }
}

impl From<PrefectOrder> for PrefectOrderFields {
    fn from(order: PrefectOrder) -> Self {
        let PrefectOrder { kind, number, signed_on, valid, zone_ids } = order;
        PrefectOrderFields { kind, number, signed_on, valid, zone_ids }
    }
}

/// The legal frame of the event: the prefect's orders in force and the facts the law turns on
/// (Code de la sécurité intérieure). See `docs/compliance.md`.
///
/// Its JSON (stored rows, plan files, releases' digests) leaves out an unknown declaration
/// date and is read through `LegalContextFields`; the browser's compact format
/// (`ui::codec`), which has no field names, carries every field in order
/// (`LegalContextCompact`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(remote = "Self")]
pub struct LegalContext {
    /// The prefect's orders the plan relies on.
    pub orders: Vec<PrefectOrder>,
    /// The commune has a municipal police / State forces coordination convention in force
    /// (L512-4); without one, municipal police work only 06:00–23:00 (L512-6).
    pub convention_coordination_en_vigueur: bool,
    /// The commune (or its EPCI) organises the event: its municipal police may watch it at
    /// night without a coordination convention (L512-6).
    pub organisee_par_la_commune: bool,
    /// The event is profit-making: the declaration to the maire (R211-22) and the service
    /// d'ordre the prefect may require (L211-11) concern such events only.
    pub but_lucratif: bool,
    /// Pat-downs at the entrances of the enclosed venue are made under the control of a
    /// judicial police officer (L613-3).
    pub palpations_sous_controle_opj: bool,
    /// The commune's police regime (CGCT L2214-4): who keeps order at large gatherings.
    pub regime_police: PoliceRegime,
    /// The day the organiser filed the declaration with the maire (R211-22, R211-23); `None`
    /// when not filed, or not known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declaration_deposee_le: Option<NaiveDate>,
}

impl Serialize for LegalContext {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            LegalContext::serialize(self, serializer)
        } else {
            LegalContextCompact::serialize(self, serializer)
        }
    }
}

impl<'de> Deserialize<'de> for LegalContext {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if deserializer.is_human_readable() {
            LegalContextFields::deserialize(deserializer).map(LegalContext::from)
        } else {
            LegalContextCompact::deserialize(deserializer)
        }
    }
}

/// A [`LegalContext`] in the compact format: every field, in order.
#[derive(Serialize, Deserialize)]
#[serde(remote = "LegalContext")]
struct LegalContextCompact {
    orders: Vec<PrefectOrder>,
    convention_coordination_en_vigueur: bool,
    organisee_par_la_commune: bool,
    but_lucratif: bool,
    palpations_sous_controle_opj: bool,
    regime_police: PoliceRegime,
    declaration_deposee_le: Option<NaiveDate>,
}

/// The stored shape of a [`LegalContext`], which also reads the four ticks of earlier
/// versions (each order tick becomes an order without number or date).
#[derive(Deserialize)]
struct LegalContextFields {
    #[serde(default)]
    orders: Vec<PrefectOrder>,
    #[serde(default)]
    convention_coordination_en_vigueur: bool,
    #[serde(default)]
    organisee_par_la_commune: bool,
    #[serde(default)]
    but_lucratif: bool,
    #[serde(default)]
    palpations_sous_controle_opj: bool,
    #[serde(default)]
    regime_police: PoliceRegime,
    #[serde(default)]
    declaration_deposee_le: Option<NaiveDate>,
    #[serde(default)]
    perimetre_l226_1: bool,
    #[serde(default)]
    arrete_palpation_l613_2: bool,
    #[serde(default)]
    autorisation_voie_publique_l613_1: bool,
}

impl From<LegalContextFields> for LegalContext {
    fn from(f: LegalContextFields) -> Self {
        let mut orders = f.orders;
        let ticked = ticked_orders(f.arrete_palpation_l613_2, f.perimetre_l226_1, f.autorisation_voie_publique_l613_1);
        let kinds: Vec<OrderKind> = orders.iter().map(PrefectOrder::kind).collect();
        orders.extend(ticked.into_iter().filter(|t| !kinds.contains(&t.kind())));
        LegalContext {
            orders,
            convention_coordination_en_vigueur: f.convention_coordination_en_vigueur,
            organisee_par_la_commune: f.organisee_par_la_commune,
            but_lucratif: f.but_lucratif,
            palpations_sous_controle_opj: f.palpations_sous_controle_opj,
            regime_police: f.regime_police,
            declaration_deposee_le: f.declaration_deposee_le,
        }
    }
}

/// The orders an earlier version recorded as ticks (stored rows, `cordon-plan/1` files): each
/// ticked one becomes an order without number or date, for the whole event and site. The one
/// reading of those ticks.
fn ticked_orders(palpation_l613_2: bool, perimetre_l226_1: bool, voie_publique_l613_1: bool) -> Vec<PrefectOrder> {
    [
        (palpation_l613_2, OrderKind::PalpationL613_2),
        (perimetre_l226_1, OrderKind::PerimetreL226_1),
        (voie_publique_l613_1, OrderKind::VoiePubliqueL613_1),
    ]
    .into_iter()
    .filter(|(ticked, _)| *ticked)
    .map(|(_, kind)| PrefectOrder::unnumbered(kind))
    .collect()
}

impl LegalContext {
    /// The legal frame of an earlier version's four ticks; the facts it did not carry read as
    /// not stated.
    pub fn from_ticks(
        palpation_l613_2: bool,
        perimetre_l226_1: bool,
        voie_publique_l613_1: bool,
        convention_coordination_en_vigueur: bool,
    ) -> LegalContext {
        LegalContext {
            orders: ticked_orders(palpation_l613_2, perimetre_l226_1, voie_publique_l613_1),
            convention_coordination_en_vigueur,
            ..LegalContext::default()
        }
    }

    /// The orders of `kind`.
    pub fn orders_of(&self, kind: OrderKind) -> impl Iterator<Item = &PrefectOrder> {
        self.orders.iter().filter(move |o| o.kind() == kind)
    }
    /// Whether some order of `kind` is recorded, wherever and whenever it applies.
    pub fn has(&self, kind: OrderKind) -> bool {
        self.orders_of(kind).next().is_some()
    }
    /// The first order of `kind` covering work in `zone_id` during `window`.
    pub fn covering(&self, kind: OrderKind, zone_id: &str, window: &TimeWindow) -> Option<&PrefectOrder> {
        self.orders_of(kind).find(|o| o.covers(zone_id, window))
    }
}

/// What a form or a plan file supplies to build an [`Event`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDraft {
    pub id: String,
    pub name: String,
    pub kind: EventKind,
    /// The INSEE code of the commune, e.g. `13004`.
    pub commune_code: String,
    pub commune_name: String,
    pub address: String,
    /// An IANA zone name; `None` takes the department's default.
    pub time_zone: Option<String>,
    pub window: TimeWindow,
    pub setup: Option<TimeWindow>,
    pub teardown: Option<TimeWindow>,
    pub expected_attendance: u32,
    pub behaviour: PublicBehaviour,
    pub legal: LegalContext,
    /// How field actors are alerted of an imminent risk (who calls whom, on which channel):
    /// axis 4 of the CLCS circular. Free text, at most 2,000 characters.
    #[serde(default)]
    pub alert_procedure: Option<String>,
}

/// The longest alert procedure accepted, in characters.
pub const MAX_ALERT_PROCEDURE: usize = 2_000;

/// A valid event: its set-up ends by the start, its tear-down starts after the end, its
/// attendance is between 1 and 2,000,000 and its commune belongs to a known department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "EventDraft", into = "EventDraft")]
pub struct Event {
    id: String,
    name: String,
    kind: EventKind,
    commune: CommuneCode,
    commune_name: String,
    department: Department,
    address: String,
    time_zone: Tz,
    window: TimeWindow,
    setup: Option<TimeWindow>,
    teardown: Option<TimeWindow>,
    expected_attendance: u32,
    behaviour: PublicBehaviour,
    legal: LegalContext,
    alert_procedure: Option<String>,
}

impl Event {
    /// Checks every field of the draft; the first problem found is returned.
    pub fn new(draft: EventDraft) -> Result<Self, PlanError> {
        let commune = CommuneCode::parse(&draft.commune_code).ok_or(PlanError::InvalidCommune)?;
        let department = commune.department().ok_or(PlanError::InvalidCommune)?;
        let time_zone = match draft.time_zone.as_deref().map(str::trim) {
            None | Some("") => default_time_zone(&department),
            Some(name) => parse_time_zone(name)?,
        };
        if !(1..=MAX_ATTENDANCE).contains(&draft.expected_attendance) {
            return Err(PlanError::AttendanceOutOfRange);
        }
        if draft.setup.is_some_and(|setup| setup.end() > draft.window.start()) {
            return Err(PlanError::SetupAfterStart);
        }
        if draft.teardown.is_some_and(|teardown| teardown.start() < draft.window.end()) {
            return Err(PlanError::TeardownBeforeEnd);
        }
        Ok(Event {
            id: parse_id(&draft.id)?,
            name: parse_label(&draft.name, 200)?,
            kind: draft.kind,
            commune,
            commune_name: parse_label(&draft.commune_name, 100)?,
            department,
            address: parse_label(&draft.address, 300)?,
            time_zone,
            window: draft.window,
            setup: draft.setup,
            teardown: draft.teardown,
            expected_attendance: draft.expected_attendance,
            behaviour: draft.behaviour,
            legal: draft.legal,
            alert_procedure: match draft.alert_procedure.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(text) => Some(parse_free_text(text, MAX_ALERT_PROCEDURE)?),
            },
        })
    }

    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The event's public name.
    pub fn name(&self) -> &str {
        &self.name
    }
    /// What kind of event it is.
    pub fn kind(&self) -> EventKind {
        self.kind
    }
    /// The INSEE code of the commune where it happens.
    pub fn commune(&self) -> &CommuneCode {
        &self.commune
    }
    /// The commune's name, as the official list spells it.
    pub fn commune_name(&self) -> &str {
        &self.commune_name
    }
    /// The department, derived from the commune: its prefecture reads the plan.
    pub fn department(&self) -> &Department {
        &self.department
    }
    /// The street address.
    pub fn address(&self) -> &str {
        &self.address
    }
    /// The IANA zone every time of the event is shown in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }
    /// When the public is there.
    pub fn window(&self) -> TimeWindow {
        self.window
    }
    /// The set-up before the opening, if any.
    pub fn setup(&self) -> Option<TimeWindow> {
        self.setup
    }
    /// The tear-down after the closing, if any.
    pub fn teardown(&self) -> Option<TimeWindow> {
        self.teardown
    }
    /// The expected peak attendance.
    pub fn expected_attendance(&self) -> u32 {
        self.expected_attendance
    }
    /// How the public behaves.
    pub fn behaviour(&self) -> PublicBehaviour {
        self.behaviour
    }
    /// The orders and agreements in force.
    pub fn legal(&self) -> &LegalContext {
        &self.legal
    }
    /// How field actors are alerted of an imminent risk, if written down.
    pub fn alert_procedure(&self) -> Option<&str> {
        self.alert_procedure.as_deref()
    }
    /// The first instant anyone may be deployed: the set-up start, or else the opening.
    pub fn operations_start(&self) -> Instant {
        self.setup.map_or(self.window.start(), |setup| setup.start())
    }
    /// The first instant after operations: the tear-down end, or else the closing.
    pub fn operations_end(&self) -> Instant {
        self.teardown.map_or(self.window.end(), |teardown| teardown.end())
    }
}

impl TryFrom<EventDraft> for Event {
    type Error = PlanError;
    fn try_from(draft: EventDraft) -> Result<Self, PlanError> {
        Event::new(draft)
    }
}

impl From<Event> for EventDraft {
    fn from(event: Event) -> Self {
        EventDraft {
            id: event.id,
            name: event.name,
            kind: event.kind,
            commune_code: event.commune.as_str().to_string(),
            commune_name: event.commune_name,
            address: event.address,
            time_zone: Some(event.time_zone.name().to_string()),
            window: event.window,
            setup: event.setup,
            teardown: event.teardown,
            expected_attendance: event.expected_attendance,
            behaviour: event.behaviour,
            legal: event.legal,
            alert_procedure: event.alert_procedure,
        }
    }
}

#[cfg(test)]
#[path = "event_tests.rs"]
mod tests;
