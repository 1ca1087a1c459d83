//! One module per page.

pub mod account;
pub mod account_mobile;
pub mod account_password;
pub mod admin;
pub mod admin_accounts;
pub mod convention;
pub mod dashboard;
pub mod department_model;
pub mod evaluation;
pub mod events;
pub mod invitation;
pub mod not_found;
pub mod operations;
pub mod operations_alerts;
pub mod operations_presence;
pub mod organisation;
pub mod organisation_members;
pub mod password_reset;
pub mod plan;
pub mod plan_views;
pub mod registry;
pub mod rule_settings;
pub mod sign_in;
