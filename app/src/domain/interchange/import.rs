//! Reading a `cordon-plan/3` (or `/2`, `/1`) file into a plan, all or nothing: the whole file is checked,
//! and if anything is wrong the report lists every problem and no part of the plan is kept.

use super::document::OrganisationDoc;
use super::read_document::{read_document, ReadDocument};
use super::reader::{child, item};
use super::references::check_references;
use super::report::{ImportReport, Report};
use super::strict_json::parse_strict;
use super::{check, drafts, MAX_PLAN_BYTES};
use crate::domain::organisation::OrganisationIdentity;
use crate::domain::plan::Plan;
use crate::text;

/// The French message for a file over [`MAX_PLAN_BYTES`].
pub(super) const TOO_LARGE: &str = "Le fichier dépasse la taille maximale d'un plan : 10 Mio (10 485 760 octets).";

/// A plan file read whole: the plan, and what identifies each organisation it lists outside
/// Cordon (none before `cordon-plan/3`).
#[derive(Debug, Clone, PartialEq)]
pub struct PlanFile {
    pub plan: Plan,
    pub organisations: Vec<OrganisationIdentity>,
}

/// Reads a plan file's plan (see [`import_plan_file`]).
pub fn import_plan(bytes: &[u8]) -> Result<Plan, ImportReport> {
    import_plan_file(bytes).map(|file| file.plan)
}

/// Reads a plan file. Refuses, with every error found (JSON path and French reason): a file
/// over 10 MiB, text that is not UTF-8 or not JSON, a missing or unknown `format`, any field
/// the domain refuses, an id used twice, and any reference to a record the file lacks. The
/// plan's lists come back sorted by id.
pub fn import_plan_file(bytes: &[u8]) -> Result<PlanFile, ImportReport> {
    if bytes.len() > MAX_PLAN_BYTES {
        return Err(ImportReport::single("$", TOO_LARGE));
    }
    let text = std::str::from_utf8(bytes).map_err(|error| not_utf8(bytes, error.valid_up_to()))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let root = parse_strict(text).map_err(|message| ImportReport::single("$", message))?;
    let mut report = Report::default();
    let Some(mut document) = read_document(&root, &mut report) else {
        return Err(report.into_report());
    };
    let organisations = organisations(std::mem::take(&mut document.organisations), &mut report);
    let plan = build(document, &mut report);
    if !report.is_full() {
        check_references(&root, &mut report);
    }
    match (plan, organisations) {
        (Some(plan), Some(organisations)) if report.is_clean() => Ok(PlanFile { plan, organisations }),
        _ => Err(report.into_report()),
    }
}

/// The `organisations` section checked: ids (UUIDs, each once), names, and each number in the
/// shape its register gives it (the same parsers as the organisation's form).
fn organisations(docs: Vec<Option<OrganisationDoc>>, report: &mut Report) -> Option<Vec<OrganisationIdentity>> {
    use crate::domain::geo::{CommuneCode, Department};
    use crate::domain::organisation::{parse_cnaps_authorisation, parse_siret, OrganisationName};
    let mut seen = std::collections::BTreeMap::new();
    let mut made = Vec::new();
    for (i, doc) in docs.into_iter().enumerate() {
        let path = item("$.organisations", i);
        let Some(doc) = doc else {
            made.push(None);
            continue;
        };
        let before = report.len();
        let id = match uuid::Uuid::parse_str(doc.id.trim()) {
            Ok(id) => id.hyphenated().to_string(),
            Err(_) => {
                report.push(&child(&path, "id"), text::ID_INVALID);
                String::new()
            }
        };
        if !id.is_empty() {
            if let Some(first) = seen.insert(id.clone(), path.clone()) {
                report.push(&child(&path, "id"), format!("Identifiant déjà utilisé par {first}."));
            }
        }
        let name = OrganisationName::parse(&doc.name).map(|n| n.as_str().to_string());
        let name = name.map_err(|e| report.push(&child(&path, "name"), e.to_string())).ok();
        let field = |raw: Option<String>, key: &str, report: &mut Report, ok: &dyn Fn(&str) -> Option<String>| {
            let raw = raw.filter(|v| !v.trim().is_empty())?;
            let parsed = ok(&raw);
            if parsed.is_none() {
                report.push(&child(&path, key), format!("{} : « {} ».", text::IDENTITY_INVALID, raw.trim()));
            }
            parsed
        };
        let siret = field(doc.siret, "siret", report, &|raw| parse_siret(raw).ok().flatten());
        let cnaps =
            field(doc.cnaps_authorisation, "cnaps_authorisation", report, &|raw| parse_cnaps_authorisation(raw).ok());
        let commune =
            field(doc.commune_code, "commune_code", report, &|raw| CommuneCode::parse(raw).map(|c| c.as_str().into()));
        let department =
            field(doc.department, "department", report, &|raw| Department::parse(raw).map(|d| d.as_str().into()));
        made.push((report.len() == before).then(|| OrganisationIdentity {
            id,
            name: name.unwrap_or_default(),
            kind: doc.kind,
            siret,
            cnaps_authorisation: cnaps,
            commune_code: commune,
            department,
        }));
    }
    made.into_iter().collect()
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
