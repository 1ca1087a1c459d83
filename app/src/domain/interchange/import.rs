//! Reading a `cordon-plan/2` (or `/1`) file into a plan, all or nothing: the whole file is checked,
//! and if anything is wrong the report lists every problem and no part of the plan is kept.

use super::read_document::{read_document, ReadDocument};
use super::reader::item;
use super::references::check_references;
use super::report::{ImportReport, Report};
use super::strict_json::parse_strict;
use super::{check, drafts, MAX_PLAN_BYTES};
use crate::domain::plan::Plan;

/// The French message for a file over [`MAX_PLAN_BYTES`].
pub(super) const TOO_LARGE: &str = "Le fichier dépasse la taille maximale d'un plan : 10 Mio (10 485 760 octets).";

/// Reads a plan file. Refuses, with every error found (JSON path and French reason): a file
/// over 10 MiB, text that is not UTF-8 or not JSON, a missing or unknown `format`, any field
/// the domain refuses, an id used twice, and any reference to a record the file lacks. The
/// plan's lists come back sorted by id.
pub fn import_plan(bytes: &[u8]) -> Result<Plan, ImportReport> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(ImportReport::single("$", TOO_LARGE));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| not_utf8(bytes, error.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = parse_strict(text).map_err(|message| ImportReport::single("$", message))?;
    let mut report = Report::default();
    let Some(document) = read_document(&root, &mut report) else {
        return Err(report.into_report());
    };
    let plan = build(document, &mut report);
    if !report.is_full() {
        check_references(&root, &mut report);
    }
    match plan {
        Some(plan) if report.is_clean() => Ok(plan),
        _ => Err(report.into_report()),
    }
}

/// Where the first byte that is not UTF-8 is, as a line and a column (in bytes).
fn not_utf8(bytes: &[u8], valid_up_to: usize) -> ImportReport {
    let before = &bytes[..valid_up_to];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let column = valid_up_to - before.iter().rposition(|&b| b == b'\n').map_or(0, |newline| newline + 1) + 1;
    ImportReport::single(
        "$",
        format!("Le fichier n'est pas encodé en UTF-8 : octet invalide à la ligne {line}, colonne {column}."),
    )
}

/// Builds each record through its draft and the domain's checks; `None` if any failed.
fn build(document: ReadDocument, report: &mut Report) -> Option<Plan> {
    let event = document.event.map(|doc| drafts::event(doc, "$.event", report));
    let event = event.and_then(|drafted| check::event(drafted, "$.event", report));
    let zones =
        each(document.zones, "$.zones", report, |doc, path, r| check::zone(drafts::zone(doc, path, r), path, r));
    let posts = each(document.posts, "$.posts", report, |doc, path, r| check::post((drafts::post(doc), true), path, r));
    let participants = each(document.participants, "$.participants", report, |doc, path, r| {
        check::participant((drafts::participant(doc), true), path, r)
    });
    let agents =
        each(document.agents, "$.agents", report, |doc, path, r| check::agent(drafts::agent(doc, path, r), path, r));
    let needs =
        each(document.needs, "$.needs", report, |doc, path, r| check::need(drafts::need(doc, path, r), path, r));
    let deployments = each(document.deployments, "$.deployments", report, |doc, path, r| {
        check::deployment(drafts::deployment(doc, path, r), path, r)
    });
    let mut plan = Plan {
        event: event?,
        zones: zones?,
        posts: posts?,
        participants: participants?,
        agents: agents?,
        needs: needs?,
        deployments: deployments?,
    };
    plan.zones.sort_by(|a, b| a.id().cmp(b.id()));
    plan.posts.sort_by(|a, b| a.id().cmp(b.id()));
    plan.participants.sort_by(|a, b| a.id().cmp(b.id()));
    plan.agents.sort_by(|a, b| a.id().cmp(b.id()));
    plan.needs.sort_by(|a, b| a.id().cmp(b.id()));
    plan.deployments.sort_by(|a, b| a.id().cmp(b.id()));
    Some(plan)
}

/// Turns each read document of a section into its record; `None` if any is missing or refused.
fn each<D, T>(
    docs: Vec<Option<D>>,
    section: &str,
    report: &mut Report,
    make: impl Fn(D, &str, &mut Report) -> Option<T>,
) -> Option<Vec<T>> {
    let mut made = Vec::with_capacity(docs.len());
    for (i, doc) in docs.into_iter().enumerate() {
        if report.is_full() {
            return None;
        }
        made.push(doc.and_then(|doc| make(doc, &item(section, i), report)));
    }
    made.into_iter().collect()
}
