//! One module per page.

pub mod account;
pub mod admin;
pub mod convention;
pub mod dashboard;
pub mod department_model;
pub mod events;
pub mod invitation;
pub mod not_found;
pub mod organisation;
pub mod plan;
pub mod plan_views;
pub mod registry;
pub mod rule_settings;
pub mod sign_in;
