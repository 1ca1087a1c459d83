//! Server functions, named verb_noun. Each is thin: it reads the request (who asks, the form)
//! and calls one action of `crate::service`, which decides and writes; it never writes to the
//! store itself (`app/tests/integration/layering.rs`).
//! Their fixed endpoints (`/api/<name>`) are part of our HTTP surface and tested as such.

pub mod accounts;
pub mod agents;
pub mod api_tokens;
pub mod auth;
#[cfg(feature = "ssr")]
pub mod context;
pub mod convention;
pub mod department_convention;
pub mod evaluation;
pub mod events;
pub mod invitations;
pub mod memberships;
pub mod operations;
pub mod organisations;
pub mod password_reset;
#[cfg(feature = "ssr")]
pub mod plan_context;
pub mod plan_edits;
pub mod plan_types;
pub mod plan_wire;
pub mod presence;
pub mod registry;
pub mod releases;
pub mod rule_settings;
pub mod schedule;
pub mod types;
