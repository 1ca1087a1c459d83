//! The application layer (server only): what every door — server functions, the JSON API,
//! the command line, feeds, documents — calls to learn who may do what. A right is decided
//! here once, from the store's facts and the domain's rules; doors only translate.

pub mod access;
pub mod accounts;
pub mod agents_csv;
pub mod alerts;
pub mod api_tokens;
pub mod attachments;
pub mod convention;
pub mod coverage;
pub mod department_model;
pub mod evaluation;
pub mod feeds;
pub mod findings;
pub mod invitations;
pub mod live;
pub mod memberships;
pub mod mobile;
pub mod new_plans;
pub mod operations;
pub mod organisations;
pub mod password_reset;
pub mod plan_edits;
pub mod plan_merge;
#[cfg(test)]
mod plan_merge_tests;
pub mod presence;
pub mod registry;
pub mod releases;
pub mod rules;
pub mod schedule;
pub mod security;
