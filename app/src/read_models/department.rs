//! What a prefecture's pages of its department show, as the application layer builds them:
//! the compliance rules (`service::rules`) and the model of the event convention
//! (`service::department_model`).

use serde::{Deserialize, Serialize};

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
