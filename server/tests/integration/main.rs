//! Every integration test of the `cordon` crate in one binary: each links the whole server
//! (Typst included), so one binary instead of twelve saves minutes of linking and gigabytes
//! of `target/` (a CI run once ran out of disk). Each module is a former `tests/*.rs` file.

mod common;

mod bench_seed;
mod cli;
mod cli_check;
mod cli_convention;
mod cli_plans;
mod cli_schedule;
mod http_accounts;
mod http_alerts;
mod http_alerts_closing;
mod http_api_v1;
mod http_attachments;
mod http_authority;
mod http_compact;
mod http_convention;
mod http_delegation;
mod http_department_model;
mod http_evaluation;
mod http_feeds;
mod http_matrix;
mod http_new_plans;
mod http_offboarding;
mod http_operations;
mod http_orders;
mod http_plan_edits;
mod http_plans;
mod http_presence;
mod http_registry;
mod http_schedule;
mod sms_tls;
