//! A prefecture adapts the compliance rules to its department: switch a rule off, change its
//! severity or its thresholds, always with a reason. Every version is logged; the plans of the
//! department's events are checked with the result. `service::rules` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::department::{RuleRow, RuleSettingsPage};

#[server(endpoint = "get_rule_settings")]
pub async fn get_rule_settings() -> Result<RuleSettingsPage, AppError> {
    use super::context::run;
    run(|state, user, _| async move { crate::service::rules::page(&state, &user).await }).await
}

/// Changes one rule for the prefecture's department (a prefecture member only).
#[server(endpoint = "save_rule_setting")]
pub async fn save_rule_setting(
    rule: String,
    enabled: Option<String>,
    severity: String,
    parameters: String,
    reason: String,
) -> Result<(), AppError> {
    use super::context::run;
    use crate::service::rules::{save, RuleChange};
    let form = RuleChange { rule, enabled, severity, parameters, reason };
    run(|state, user, now| async move { save(&state, &user, form, now).await }).await
}
