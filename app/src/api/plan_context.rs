//! Server-side helpers shared by the planning server functions: loading a plan with the
//! caller's access, parsing local date-times and numbers from forms.

use super::context::{require_user, state};
use crate::domain::plan::{EventAccess, PlanError};
use crate::error::AppError;
use crate::service::access::plan_for;
use crate::state::AppState;
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;
use crate::text;

/// The plan of `event_id` with the caller's access; "not found" for anyone without access.
pub async fn plan_with_access(event_id: &str) -> Result<(AppState, UserRow, StoredPlan, EventAccess), AppError> {
    let user = require_user().await?;
    let state = state()?;
    let (stored, access) = plan_for(&state.db, &user.id, event_id).await?.ok_or(AppError::NotFound)?;
    Ok((state, user, stored, access))
}

/// Refuses unless the caller organises the event.
pub fn require_organiser(access: &EventAccess) -> Result<(), AppError> {
    if access.organiser {
        Ok(())
    } else {
        Err(AppError::Refused(text::ORGANISER_ONLY.into()))
    }
}

// The form parsers live once in the domain, compiled for the browser's preview too.
pub use crate::domain::plan::input::{field_of, local_datetime, local_window, optional_number};

/// The version a save or a removal was based on: required, never guessed (a save without
/// its version would silently overwrite someone else's).
pub fn based_on(raw: &str) -> Result<i64, AppError> {
    raw.trim()
        .parse::<i64>()
        .ok()
        .filter(|v| *v >= 1)
        .ok_or_else(|| AppError::invalid("version", text::VERSION_REQUIRED))
}

pub fn number(raw: &str, field: &str) -> Result<u32, AppError> {
    optional_number(raw, field)?.ok_or_else(|| AppError::invalid(field, text::NUMBER_INVALID))
}

/// A coded choice from a select.
pub fn choice<T>(raw: &str, field: &str, parse: fn(&str) -> Option<T>) -> Result<T, AppError> {
    parse(raw.trim()).ok_or_else(|| AppError::invalid(field, text::CHOICE_INVALID))
}

/// Maps a domain refusal to a field error.
pub fn refused(fallback: &'static str) -> impl Fn(PlanError) -> AppError {
    move |e| AppError::invalid(&field_of(&e, fallback), e)
}

/// A checkbox: present (any value) means ticked.
pub fn ticked(value: &Option<String>) -> bool {
    value.as_deref().is_some_and(|v| !v.is_empty())
}

/// The legal facts of the event's forms (creation and edit): four checkboxes and the police
/// regime, read once for both.
pub struct LegalForm {
    pub convention_coordination_en_vigueur: Option<String>,
    pub organisee_par_la_commune: Option<String>,
    pub but_lucratif: Option<String>,
    pub palpations_sous_controle_opj: Option<String>,
    pub regime_police: Option<String>,
}

impl LegalForm {
    /// The event's legal frame with these facts and the `orders` it already holds.
    pub fn context(
        &self,
        orders: Vec<crate::domain::plan::PrefectOrder>,
    ) -> Result<crate::domain::plan::LegalContext, AppError> {
        use crate::domain::plan::{LegalContext, PoliceRegime};
        let regime_police = match self.regime_police.as_deref().map(str::trim) {
            None | Some("") => PoliceRegime::NonRenseigne,
            Some(code) => choice(code, "regime_police", PoliceRegime::from_code)?,
        };
        Ok(LegalContext {
            orders,
            convention_coordination_en_vigueur: ticked(&self.convention_coordination_en_vigueur),
            organisee_par_la_commune: ticked(&self.organisee_par_la_commune),
            but_lucratif: ticked(&self.but_lucratif),
            palpations_sous_controle_opj: ticked(&self.palpations_sous_controle_opj),
            regime_police,
        })
    }
}
