//! A prefecture adapts the model of the event convention to its department: the sizing
//! coefficients of the shared risk assessment and its own clause per article. Each change
//! needs a reason (coefficients) and is an entry of the department's audit chain; the
//! conventions of the department's events are generated with the result.
//! `service::department_model` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::department::{ClauseRow, CoefficientRow, DepartmentModelPage};

#[server(endpoint = "get_department_model")]
pub async fn get_department_model() -> Result<DepartmentModelPage, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::department_model::page(&state, &user).await }).await
}

/// Changes one sizing coefficient of the prefecture's department (a prefecture member only).
#[server(endpoint = "save_sizing_coefficient")]
pub async fn save_sizing_coefficient(key: String, value: String, reason: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::department_model::{save_coefficient, CoefficientChange};
    let form = CoefficientChange { key, value, reason };
    run(|state, user, now| async move { save_coefficient(&state, &user, form, now).await }).await
}

/// Sets the department's clause of one article; a blank text removes it.
#[server(endpoint = "save_template_clause")]
pub async fn save_template_clause(article: String, text: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::department_model::{save_clause, ClauseChange};
    let form = ClauseChange { article, text };
    run(|state, user, now| async move { save_clause(&state, &user, form, now).await }).await
}
