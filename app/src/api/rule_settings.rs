//! A prefecture adapts the compliance rules to its department: switch a rule off, change its
//! severity or its thresholds, always with a reason. Every version is logged; the plans of the
//! department's events are checked with the result.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One rule as the prefecture's page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleRow {
    pub code: String,
    pub label: String,
    pub reference: String,
    pub enabled: bool,
    pub severity: String,
    /// `name=value` pairs, separated by "; ".
    pub parameters: String,
    /// The department's reason, when it changed the rule.
    pub reason: Option<String>,
}

/// The rules of the prefecture's department.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RuleSettingsPage {
    pub department: String,
    pub rules: Vec<RuleRow>,
    /// How many versions of the settings were saved.
    pub versions: i64,
}

#[server(endpoint = "get_rule_settings")]
pub async fn get_rule_settings() -> Result<RuleSettingsPage, AppError> {
    use super::context::respond;
    respond(server::page().await)
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
    use super::context::respond;
    respond(server::save(rule, enabled, severity, parameters, reason).await)
}

#[cfg(feature = "ssr")]
pub mod server {
    use std::collections::BTreeMap;

    use super::{RuleRow, RuleSettingsPage};
    use crate::api::context::{now, require_user, state};
    use crate::domain::compliance::{RuleCode, RuleOverride, RuleSet, RuleSettings, Severity};
    use crate::error::AppError;
    use crate::state::AppState;
    use crate::store::{plans::viewer_of, rule_settings};
    use crate::text;

    /// The department of the caller's prefecture; refused for anyone else.
    pub(crate) async fn department() -> Result<(AppState, String, String), AppError> {
        let user = require_user().await?;
        let state = state()?;
        let viewer = viewer_of(&state.db, &user.id).await?;
        let department = viewer.prefecture_departments.first().cloned().ok_or(AppError::Forbidden)?;
        Ok((state, user.id, department))
    }

    pub use crate::service::rules::rules_for;

    pub async fn page() -> Result<RuleSettingsPage, AppError> {
        let (state, _, department) = department().await?;
        let set = rules_for(&state.db, &department).await?;
        let rules = set
            .rules
            .iter()
            .map(|r| RuleRow {
                code: r.code.code().to_string(),
                label: r.code.label().to_string(),
                reference: r.reference.clone(),
                enabled: r.enabled,
                severity: r.severity.code().to_string(),
                parameters: r.parameters.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join("; "),
                reason: r.reason.clone(),
            })
            .collect();
        let versions = rule_settings::log_len(&state.db, &department).await?;
        Ok(RuleSettingsPage { department, rules, versions })
    }

    /// `name=value; name=value` → the map (a blank text: no change).
    fn parse_parameters(raw: &str) -> Result<BTreeMap<String, f64>, AppError> {
        raw.split(';')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|pair| {
                let (name, value) = pair
                    .split_once('=')
                    .ok_or_else(|| AppError::invalid("parameters", text::RULE_PARAMETERS_FORMAT))?;
                let value = value
                    .trim()
                    .replace(',', ".")
                    .parse::<f64>()
                    .map_err(|_| AppError::invalid("parameters", text::RULE_PARAMETERS_FORMAT))?;
                Ok((name.trim().to_string(), value))
            })
            .collect()
    }

    pub async fn save(
        rule: String,
        enabled: Option<String>,
        severity: String,
        parameters: String,
        reason: String,
    ) -> Result<(), AppError> {
        let (state, user_id, department) = department().await?;
        let code = RuleCode::from_code(rule.trim()).ok_or_else(|| AppError::invalid("rule", text::CHOICE_INVALID))?;
        if reason.trim().is_empty() {
            return Err(AppError::invalid("reason", text::RULE_REASON_REQUIRED));
        }
        if reason.trim().chars().count() > 500 {
            return Err(AppError::invalid("reason", crate::domain::plan::PlanError::TextTooLong { max: 500 }));
        }
        let severity =
            Severity::from_code(severity.trim()).ok_or_else(|| AppError::invalid("severity", text::CHOICE_INVALID))?;
        let change = RuleOverride {
            rule: code,
            enabled: Some(enabled.as_deref().is_some_and(|v| !v.is_empty())),
            severity: Some(severity),
            parameters: parse_parameters(&parameters)?,
            reason: reason.trim().to_string(),
        };
        let mut settings = rule_settings::get(&state.db, &department)
            .await?
            .unwrap_or(RuleSettings { department: Some(department.clone()), overrides: Vec::new() });
        settings.department = Some(department.clone());
        settings.overrides.retain(|o| o.rule != code);
        settings.overrides.push(change);
        // The whole overlay must apply: an unknown parameter or a bad value is refused here.
        RuleSet::with_settings(&settings).map_err(|e| AppError::invalid("parameters", e.to_string()))?;
        rule_settings::save(&state.db, &department, &settings, &user_id, now()).await?;
        tracing::info!(department = %department, rule = %code.code(), by = %user_id, "compliance rule changed");
        Ok(())
    }
}
