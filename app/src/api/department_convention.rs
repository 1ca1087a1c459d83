//! A prefecture adapts the model of the event convention to its department: the sizing
//! coefficients of the shared risk assessment and its own clause per article. Each change
//! needs a reason (coefficients) and is an entry of the department's audit chain; the
//! conventions of the department's events are generated with the result.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One sizing coefficient as the prefecture's page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoefficientRow {
    pub code: String,
    pub label: String,
    /// The value in force, written the French way ("0,3").
    pub value: String,
    /// The national value, written the same way.
    pub national: String,
    pub reference: String,
    /// The department's reason, when it changed the coefficient.
    pub reason: Option<String>,
}

/// The department's clause of one article (blank: none).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClauseRow {
    pub code: String,
    pub label: String,
    pub text: String,
}

/// The model of the prefecture's department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DepartmentModelPage {
    pub department: String,
    pub coefficients: Vec<CoefficientRow>,
    pub clauses: Vec<ClauseRow>,
    /// "le 3 mars 2027 à 10:15 par Nadia Benali", when it was saved once.
    pub updated: Option<String>,
}

#[server(endpoint = "get_department_model")]
pub async fn get_department_model() -> Result<DepartmentModelPage, AppError> {
    use super::context::respond;
    respond(server::page().await)
}

/// Changes one sizing coefficient of the prefecture's department (a prefecture member only).
#[server(endpoint = "save_sizing_coefficient")]
pub async fn save_sizing_coefficient(key: String, value: String, reason: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::save_coefficient(key, value, reason).await)
}

/// Sets the department's clause of one article; a blank text removes it.
#[server(endpoint = "save_template_clause")]
pub async fn save_template_clause(article: String, text: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::save_clause(article, text).await)
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::{ClauseRow, CoefficientRow, DepartmentModelPage};
    use crate::api::context::now;
    use crate::api::rule_settings::server::department;
    use crate::domain::convention::{sizing_reference, SizingKey, SizingParameters, SizingParametersError};
    use crate::domain::document::ArticleId;
    use crate::domain::geo::Department;
    use crate::domain::plan::default_time_zone;
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::store::department_convention;
    use crate::text;

    /// The longest clause a department may write for one article.
    const CLAUSE_MAX: usize = 4_000;
    /// The longest reason of a change.
    const REASON_MAX: usize = 500;

    pub async fn page() -> Result<DepartmentModelPage, AppError> {
        let (state, _, department) = department().await?;
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
                let name = crate::store::users::find_by_id(&state.db, &by).await?.map(|u| u.name).unwrap_or_default();
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
            return Err(AppError::invalid("reason", crate::domain::plan::PlanError::TextTooLong { max: REASON_MAX }));
        }
        Ok(reason.to_string())
    }

    pub async fn save_coefficient(key: String, value: String, reason: String) -> Result<(), AppError> {
        let (state, user_id, department) = department().await?;
        let key = SizingKey::from_code(key.trim()).ok_or_else(|| AppError::invalid("key", text::CHOICE_INVALID))?;
        let value: f64 = value
            .trim()
            .replace(',', ".")
            .parse()
            .map_err(|_| AppError::invalid("value", text::sizing_invalid_value(key.label())))?;
        let reason = reason_checked(&reason)?;
        let mut model = department_convention::get(&state.db, &department).await?;
        model.sizing = model.sizing.with_change(key, value, &reason).map_err(|e| match e {
            SizingParametersError::ReasonRequired => AppError::invalid("reason", e.to_string()),
            // The page names the coefficient by its label, not its code.
            SizingParametersError::InvalidValue(key) => {
                AppError::invalid("value", text::sizing_invalid_value(key.label()))
            }
            SizingParametersError::ThresholdsOutOfOrder(_) => AppError::invalid("value", e.to_string()),
        })?;
        model.sizing.department = Some(department.clone());
        let payload = serde_json::json!({ "coefficient": key.code(), "value": value, "reason": reason });
        department_convention::save(
            &state.db,
            &department,
            &model,
            &user_id,
            now(),
            "convention_model.sizing",
            payload,
        )
        .await?;
        tracing::info!(department = %department, coefficient = %key.code(), by = %user_id, "sizing coefficient changed");
        Ok(())
    }

    pub async fn save_clause(article: String, clause: String) -> Result<(), AppError> {
        let (state, user_id, department) = department().await?;
        let article =
            ArticleId::from_code(article.trim()).ok_or_else(|| AppError::invalid("article", text::CHOICE_INVALID))?;
        let clause = clause.trim().replace("\r\n", "\n");
        if clause.chars().count() > CLAUSE_MAX {
            return Err(AppError::invalid("text", crate::domain::plan::PlanError::TextTooLong { max: CLAUSE_MAX }));
        }
        let mut model = department_convention::get(&state.db, &department).await?;
        if clause.is_empty() {
            model.clauses.remove(&article);
        } else {
            model.clauses.insert(article, clause.clone());
        }
        let payload = serde_json::json!({ "article": article.code(), "text": clause });
        department_convention::save(
            &state.db,
            &department,
            &model,
            &user_id,
            now(),
            "convention_model.clause",
            payload,
        )
        .await?;
        tracing::info!(department = %department, article = %article.code(), by = %user_id, "template clause changed");
        Ok(())
    }
}
