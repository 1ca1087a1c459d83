//! The rules and coefficients in force in a department: the one reading of the prefecture's
//! settings that the checks, the scheduler, the documents and the pages share.

use crate::domain::compliance::RuleSet;
use crate::domain::convention::SizingParameters;
use crate::error::AppError;
use crate::store::{department_convention, rule_settings, Db};

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
