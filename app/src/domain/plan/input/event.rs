//! The event's forms as typed — the event itself, its legal facts, a prefect's order — and
//! their one parser each, compiled for the browser and the server alike. Pure; each refusal
//! names the field it concerns.

use super::{choice, local_datetime, local_window, number, refused, ticked, FieldError};
use crate::domain::plan::{
    Event, EventDraft, EventKind, LegalContext, OrderKind, Plan, PoliceRegime, PrefectOrder, PrefectOrderFields,
    PublicBehaviour, TimeWindow, MAX_ALERT_PROCEDURE,
};
use crate::text;

/// The legal facts of the event's forms (creation and edit): four checkboxes, the police
/// regime and the day the declaration was filed, read once for both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LegalInput {
    pub convention_coordination_en_vigueur: Option<String>,
    pub organisee_par_la_commune: Option<String>,
    pub but_lucratif: Option<String>,
    pub palpations_sous_controle_opj: Option<String>,
    /// The commune's police regime (CGCT L2214-4): `police_etat`, `gendarmerie`, or blank.
    pub regime_police: Option<String>,
    /// The day the declaration was filed with the maire (R211-22), `AAAA-MM-JJ`; blank: not filed.
    pub declaration_deposee_le: Option<String>,
}

impl LegalInput {
    /// The event's legal frame with these facts and the `orders` it already holds.
    pub fn context(&self, orders: Vec<PrefectOrder>) -> Result<LegalContext, FieldError> {
        let regime_police = match self.regime_police.as_deref().map(str::trim) {
            None | Some("") => PoliceRegime::NonRenseigne,
            Some(code) => choice(code, "regime_police", PoliceRegime::from_code)?,
        };
        let declaration_deposee_le = optional_date(self.declaration_deposee_le.as_deref(), "declaration_deposee_le")?;
        Ok(LegalContext {
            orders,
            convention_coordination_en_vigueur: ticked(&self.convention_coordination_en_vigueur),
            organisee_par_la_commune: ticked(&self.organisee_par_la_commune),
            but_lucratif: ticked(&self.but_lucratif),
            palpations_sous_controle_opj: ticked(&self.palpations_sous_controle_opj),
            regime_police,
            declaration_deposee_le,
        })
    }
}

/// A day typed `AAAA-MM-JJ` (a date field), blank for none; refused at `field` otherwise.
fn optional_date(raw: Option<&str>, field: &str) -> Result<Option<chrono::NaiveDate>, FieldError> {
    match raw.map(str::trim).unwrap_or_default() {
        "" => Ok(None),
        raw => chrono::NaiveDate::parse_from_str(raw, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| FieldError::new(field, text::DATE_INVALID)),
    }
}

/// The event's edit form (the commune and the time zone are set at creation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventInput {
    pub name: String,
    pub kind: String,
    pub address: String,
    pub start: String,
    pub end: String,
    /// Blank: no set-up period.
    pub setup_start: String,
    /// Blank: no tear-down period.
    pub teardown_end: String,
    pub expected_attendance: String,
    pub behaviour: String,
    pub legal: LegalInput,
    /// How field actors are alerted of an imminent risk; `None`: unchanged.
    pub alert_procedure: Option<String>,
}

impl EventInput {
    /// `event` as this form changes it (its orders kept).
    pub fn apply(&self, event: &Event) -> Result<Event, FieldError> {
        let zone = event.time_zone();
        let window = local_window(zone, &self.start, &self.end)?;
        let setup = match self.setup_start.trim() {
            "" => None,
            raw => Some(
                TimeWindow::new(local_datetime(zone, raw, "setup_start")?, window.start())
                    .map_err(|_| FieldError::new("setup_start", text::SETUP_AFTER_START))?,
            ),
        };
        let teardown = match self.teardown_end.trim() {
            "" => None,
            raw => Some(
                TimeWindow::new(window.end(), local_datetime(zone, raw, "teardown_end")?)
                    .map_err(|_| FieldError::new("teardown_end", text::TEARDOWN_BEFORE_END))?,
            ),
        };
        let mut draft = EventDraft::from(event.clone());
        draft.name = self.name.clone();
        draft.kind = choice(&self.kind, "kind", EventKind::from_code)?;
        draft.address = self.address.clone();
        draft.window = window;
        draft.setup = setup;
        draft.teardown = teardown;
        draft.expected_attendance = number(&self.expected_attendance, "expected_attendance")?;
        draft.behaviour = choice(&self.behaviour, "behaviour", PublicBehaviour::from_code)?;
        draft.legal = self.legal.context(std::mem::take(&mut draft.legal.orders))?;
        if let Some(procedure) = &self.alert_procedure {
            if procedure.trim().chars().count() > MAX_ALERT_PROCEDURE {
                let error = crate::domain::plan::PlanError::TextTooLong { max: MAX_ALERT_PROCEDURE };
                return Err(FieldError::new("alert_procedure", error));
            }
            draft.alert_procedure = Some(procedure.clone()).filter(|p| !p.trim().is_empty());
        }
        Event::new(draft).map_err(refused("name"))
    }
}

/// A prefect's order as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrderInput {
    pub kind: String,
    pub number: String,
    /// `YYYY-MM-DD`, or blank.
    pub signed_on: String,
    pub valid_from: String,
    pub valid_until: String,
    /// The zones it covers (none: the whole site).
    pub zone_ids: Vec<String>,
}

impl OrderInput {
    /// The order as read in `plan`'s time zone, its zones among `plan`'s.
    pub fn parse(&self, plan: &Plan) -> Result<PrefectOrder, FieldError> {
        let zone = plan.event.time_zone();
        let kind = choice(&self.kind, "kind", OrderKind::from_code)?;
        let signed_on = optional_date(Some(&self.signed_on), "signed_on")?;
        let valid = match (self.valid_from.trim(), self.valid_until.trim()) {
            ("", "") => None,
            (from, until) => {
                let from = local_datetime(zone, from, "valid_from")?;
                let until = local_datetime(zone, until, "valid_until")?;
                Some(TimeWindow::new(from, until).map_err(|e| FieldError::new("valid_until", e))?)
            }
        };
        let zone_ids: Vec<String> = self.zone_ids.iter().map(|z| z.trim().to_string()).collect();
        if zone_ids.iter().any(|z| plan.zone(z).is_none()) {
            return Err(FieldError::new("zone_ids", text::UNKNOWN_ZONE));
        }
        PrefectOrder::new(PrefectOrderFields { kind, number: self.number.clone(), signed_on, valid, zone_ids })
            .map_err(refused("number"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, ENTRANCE};

    fn form() -> EventInput {
        EventInput {
            name: "Fête de la Saint-Jean".into(),
            kind: "fete_foire".into(),
            address: "Quai".into(),
            start: "2026-06-20T18:00".into(),
            end: "2026-06-21T01:00".into(),
            expected_attendance: "2000".into(),
            behaviour: "calme".into(),
            ..EventInput::default()
        }
    }

    #[test]
    fn the_event_form_keeps_the_orders_and_refuses_a_setup_after_the_start_at_its_field() {
        let plan = compliant_plan();
        let mut with_order = form();
        with_order.kind = plan.event.kind().code().into();
        with_order.behaviour = plan.event.behaviour().code().into();
        let edited = with_order.apply(&plan.event).unwrap();
        assert_eq!(edited.legal().orders, plan.event.legal().orders);
        assert_eq!(edited.expected_attendance(), 2000);
        let mut late = with_order.clone();
        late.setup_start = "2026-06-20T19:00".into();
        assert_eq!(late.apply(&plan.event).unwrap_err(), FieldError::new("setup_start", text::SETUP_AFTER_START));
        let mut bad = with_order.clone();
        bad.legal.regime_police = Some("armee".into());
        assert_eq!(bad.apply(&plan.event).unwrap_err().field, "regime_police");
        let mut declared = with_order;
        declared.legal.declaration_deposee_le = Some("2026-05-04".into());
        assert_eq!(
            declared.apply(&plan.event).unwrap().legal().declaration_deposee_le,
            chrono::NaiveDate::from_ymd_opt(2026, 5, 4)
        );
        declared.legal.declaration_deposee_le = Some("04/05/2026".into());
        assert_eq!(declared.apply(&plan.event).unwrap_err().field, "declaration_deposee_le");
    }

    #[test]
    fn an_order_names_only_zones_of_the_plan_and_an_unreadable_date_is_refused_at_its_field() {
        let plan = compliant_plan();
        let order = OrderInput {
            kind: "palpation_l613_2".into(),
            number: "13-2026-06-01".into(),
            zone_ids: vec![id(ENTRANCE)],
            ..OrderInput::default()
        };
        assert_eq!(order.parse(&plan).unwrap().zone_ids(), [id(ENTRANCE)]);
        let elsewhere = OrderInput { zone_ids: vec!["x".into()], ..order.clone() };
        assert_eq!(elsewhere.parse(&plan).unwrap_err().field, "zone_ids");
        let undated = OrderInput { signed_on: "le 3 juin".into(), ..order };
        assert_eq!(undated.parse(&plan).unwrap_err().field, "signed_on");
    }
}
