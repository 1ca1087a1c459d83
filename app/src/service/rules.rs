//! The rules and coefficients in force in a department: the one reading of the prefecture's
//! settings that the checks, the scheduler, the documents and the pages share; and the
//! prefecture's changes to its rules (switch a rule off, change its severity or its
//! thresholds, always with a reason, every version logged).

use std::collections::BTreeMap;

use super::access::prefecture_department;
use crate::domain::compliance::{RuleCode, RuleOverride, RuleSet, RuleSettings, Severity};
use crate::domain::convention::SizingParameters;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::department::{RuleRow, RuleSettingsPage};
use crate::state::AppState;
use crate::store::users::UserRow;
use crate::store::{department_convention, rule_settings, Db};
use crate::text;

/// The rules applying to `department`: the defaults with its overlay, if valid.
pub async fn rules_for(db: &Db, department: &str) -> Result<RuleSet, AppError> {
    let settings = rule_settings::get(db, department).await?;
    // A saved overlay naming a parameter the rules no longer have keeps the rest of it.
    Ok(settings
        .and_then(|s| RuleSet::with_settings(&s).or_else(|_| RuleSet::with_settings(&s.known_parameters_only())).ok())
        .unwrap_or_else(RuleSet::defaults))
}

/// The sizing coefficients in force in `department` (the national ones if it kept them).
pub async fn sizing_for(db: &Db, department: &str) -> Result<SizingParameters, AppError> {
    Ok(department_convention::get(db, department).await?.sizing)
}

/// The rules of `user`'s prefecture's department, as its page shows them (a prefecture
/// member only).
pub async fn page(state: &AppState, user: &UserRow) -> Result<RuleSettingsPage, AppError> {
    let department = prefecture_department(&state.db, user).await?;
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

/// The « Modifier la règle » form.
#[derive(Debug, Clone, Default)]
pub struct RuleChange {
    pub rule: String,
    /// Ticked: any non-blank value.
    pub enabled: Option<String>,
    pub severity: String,
    /// `name=value; name=value` (blank: no change).
    pub parameters: String,
    pub reason: String,
}

/// `name=value; name=value` → the map (a blank text: no change).
fn parse_parameters(raw: &str) -> Result<BTreeMap<String, f64>, AppError> {
    raw.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (name, value) =
                pair.split_once('=').ok_or_else(|| AppError::invalid("parameters", text::RULE_PARAMETERS_FORMAT))?;
            let value = value
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .map_err(|_| AppError::invalid("parameters", text::RULE_PARAMETERS_FORMAT))?;
            Ok((name.trim().to_string(), value))
        })
        .collect()
}

/// Changes one rule for `user`'s prefecture's department (a prefecture member only), with its
/// reason; the whole overlay must still apply.
pub async fn save(state: &AppState, user: &UserRow, form: RuleChange, now: Instant) -> Result<(), AppError> {
    let department = prefecture_department(&state.db, user).await?;
    let code = RuleCode::from_code(form.rule.trim()).ok_or_else(|| AppError::invalid("rule", text::CHOICE_INVALID))?;
    let reason = form.reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid("reason", text::RULE_REASON_REQUIRED));
    }
    if reason.chars().count() > 500 {
        return Err(AppError::invalid("reason", crate::domain::plan::PlanError::TextTooLong { max: 500 }));
    }
    let severity =
        Severity::from_code(form.severity.trim()).ok_or_else(|| AppError::invalid("severity", text::CHOICE_INVALID))?;
    let change = RuleOverride {
        rule: code,
        enabled: Some(form.enabled.as_deref().is_some_and(|v| !v.is_empty())),
        severity: Some(severity),
        parameters: parse_parameters(&form.parameters)?,
        reason: reason.to_string(),
    };
    let mut settings = rule_settings::get(&state.db, &department)
        .await?
        .unwrap_or(RuleSettings { department: Some(department.clone()), overrides: Vec::new() });
    settings.department = Some(department.clone());
    settings.overrides.retain(|o| o.rule != code);
    settings.overrides.push(change);
    // The whole overlay must apply: an unknown parameter or a bad value is refused here.
    RuleSet::with_settings(&settings).map_err(|e| AppError::invalid("parameters", e.to_string()))?;
    rule_settings::save(&state.db, &department, &settings, &user.id, now).await?;
    tracing::info!(department = %department, rule = %code.code(), by = %user.id, "compliance rule changed");
    Ok(())
}
