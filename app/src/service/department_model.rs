//! A prefecture adapts the model of the event convention to its department: the sizing
//! coefficients of the shared risk assessment and its own clause per article. Each change
//! needs a reason (coefficients) and is an entry of the department's audit chain; the
//! conventions of the department's events are generated with the result.

use super::access::prefecture_department;
use crate::domain::convention::{sizing_reference, SizingKey, SizingParameters, SizingParametersError};
use crate::domain::document::ArticleId;
use crate::domain::geo::Department;
use crate::domain::plan::{default_time_zone, PlanError};
use crate::domain::time::format_long_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::department::{ClauseRow, CoefficientRow, DepartmentModelPage};
use crate::state::AppState;
use crate::store::department_convention;
use crate::store::users::{self, UserRow};
use crate::text;

/// The longest clause a department may write for one article.
const CLAUSE_MAX: usize = 4_000;
/// The longest reason of a change.
const REASON_MAX: usize = 500;

/// The model of `user`'s prefecture's department, as its page shows it (a prefecture member
/// only).
pub async fn page(state: &AppState, user: &UserRow) -> Result<DepartmentModelPage, AppError> {
    let department = prefecture_department(&state.db, user).await?;
    let model = department_convention::get(&state.db, &department).await?;
    let coefficients = SizingKey::ALL
        .iter()
        .map(|&key| CoefficientRow {
            code: key.code().to_string(),
            label: key.label().to_string(),
            value: text::convention_number(model.sizing.get(key)),
            national: text::convention_number(SizingParameters::default_of(key)),
            reference: sizing_reference(key).to_string(),
            reason: model.sizing.reason(key).map(str::to_string),
        })
        .collect();
    let clauses = ArticleId::ALL
        .iter()
        .map(|&article| ClauseRow {
            code: article.code().to_string(),
            label: article.label().to_string(),
            text: model.clauses.get(&article).cloned().unwrap_or_default(),
        })
        .collect();
    let zone = Department::parse(&department).map_or(chrono_tz::Europe::Paris, |d| default_time_zone(&d));
    let updated = match model.updated {
        Some((at, by)) => {
            let name = users::find_by_id(&state.db, &by).await?.map(|u| u.name).unwrap_or_default();
            Some(text::model_updated(&format_long_fr(at, zone), &name))
        }
        None => None,
    };
    Ok(DepartmentModelPage { department, coefficients, clauses, updated })
}

fn reason_checked(reason: &str) -> Result<String, AppError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", text::SIZING_REASON_REQUIRED));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(AppError::invalid("reason", PlanError::TextTooLong { max: REASON_MAX }));
    }
    Ok(reason.to_string())
}

/// The « Modifier le coefficient » form.
#[derive(Debug, Clone, Default)]
pub struct CoefficientChange {
    pub key: String,
    /// "0,3" or "0.3".
    pub value: String,
    pub reason: String,
}

/// Changes one sizing coefficient of `user`'s prefecture's department, with its reason.
pub async fn save_coefficient(
    state: &AppState,
    user: &UserRow,
    form: CoefficientChange,
    now: Instant,
) -> Result<(), AppError> {
    let department = prefecture_department(&state.db, user).await?;
    let key = SizingKey::from_code(form.key.trim()).ok_or_else(|| AppError::invalid("key", text::CHOICE_INVALID))?;
    let value: f64 = form
        .value
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| AppError::invalid("value", text::sizing_invalid_value(key.label())))?;
    let reason = reason_checked(&form.reason)?;
    let mut model = department_convention::get(&state.db, &department).await?;
    model.sizing = model.sizing.with_change(key, value, &reason).map_err(|e| match e {
        SizingParametersError::ReasonRequired => AppError::invalid("reason", e.to_string()),
        // The page names the coefficient by its label, not its code.
        SizingParametersError::InvalidValue(key) => AppError::invalid("value", text::sizing_invalid_value(key.label())),
        SizingParametersError::ThresholdsOutOfOrder(_) => AppError::invalid("value", e.to_string()),
    })?;
    model.sizing.department = Some(department.clone());
    let payload = serde_json::json!({ "coefficient": key.code(), "value": value, "reason": reason });
    department_convention::save(&state.db, &department, &model, &user.id, now, "convention_model.sizing", payload)
        .await?;
    tracing::info!(department = %department, coefficient = %key.code(), by = %user.id, "sizing coefficient changed");
    Ok(())
}

/// The department's clause of one article; a blank text removes it.
#[derive(Debug, Clone, Default)]
pub struct ClauseChange {
    pub article: String,
    pub text: String,
}

/// Sets (or, blank, removes) the department's clause of one article.
pub async fn save_clause(state: &AppState, user: &UserRow, form: ClauseChange, now: Instant) -> Result<(), AppError> {
    let department = prefecture_department(&state.db, user).await?;
    let article =
        ArticleId::from_code(form.article.trim()).ok_or_else(|| AppError::invalid("article", text::CHOICE_INVALID))?;
    let clause = form.text.trim().replace("\r\n", "\n");
    if clause.chars().count() > CLAUSE_MAX {
        return Err(AppError::invalid("text", PlanError::TextTooLong { max: CLAUSE_MAX }));
    }
    let mut model = department_convention::get(&state.db, &department).await?;
    if clause.is_empty() {
        model.clauses.remove(&article);
    } else {
        model.clauses.insert(article, clause.clone());
    }
    let payload = serde_json::json!({ "article": article.code(), "text": clause });
    department_convention::save(&state.db, &department, &model, &user.id, now, "convention_model.clause", payload)
        .await?;
    tracing::info!(department = %department, article = %article.code(), by = %user.id, "template clause changed");
    Ok(())
}
