//! The plan interchange format `cordon-plan/3` (a whole event's plan as one JSON document,
//! described in `docs/plan-format.md`) and the CSV import of agents. Pure: bytes and text in,
//! plans, drafts and French error reports out; the command line and the HTTP API read the
//! files and talk to the store.

mod agents_csv;
mod check;
mod csv;
mod document;
mod drafts;
mod export;
mod import;
mod matching;
mod read_document;
mod reader;
mod references;
mod report;
mod stamp;
mod strict_json;

#[cfg(test)]
mod agents_csv_tests;
#[cfg(test)]
mod example_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod import_tests;
#[cfg(test)]
mod matching_tests;
#[cfg(test)]
mod plan_gen;
#[cfg(test)]
mod props;
#[cfg(test)]
mod references_tests;

pub use agents_csv::{end_of_day_in_paris, parse_agents_csv, CsvImport, CsvRow, AGENTS_CSV_HEADER};
pub use document::{
    AgentDoc, CnapsCardDoc, DeploymentDoc, EventDoc, LegalDoc, NeedDoc, OrderDoc, OrganisationDoc, ParticipantDoc,
    PlanDocument, PolygonDoc, PostDoc, WindowDoc, ZoneDoc,
};
pub use export::export_plan;
pub use import::{import_plan, import_plan_file, PlanFile};
pub use matching::{match_organisations, with_local_organisations, MatchedBy, OrganisationMatch};
pub use report::{ImportError, ImportReport, MAX_REPORTED_ERRORS};
pub use stamp::{format_instant, parse_instant};

/// The value of the `format` field this version writes.
pub const PLAN_FORMAT: &str = "cordon-plan/3";
/// The previous format, still read: the same without the `organisations` section, so its
/// organisations are recognised by their ids only (the database it came from).
pub const PLAN_FORMAT_V2: &str = "cordon-plan/2";
/// The first format, still read: its four legal ticks become orders without number or date,
/// and the facts it did not carry (enclosed venue, in-house service…) read as not stated.
pub const PLAN_FORMAT_V1: &str = "cordon-plan/1";

/// The largest plan file accepted: 10 MiB, ten times a plan of 2,000 deployments and 400 agents.
pub const MAX_PLAN_BYTES: usize = 10 * 1024 * 1024;
