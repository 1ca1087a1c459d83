//! `cordon plan check`: a plan file's compliance findings as JSON on standard output. The
//! edge of the pure check: it reads the files and the clock, the domain decides.

use std::io::Read;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;

use app::domain::compliance::{check_plan, ComplianceContext, ConventionInForce, RuleSet, RuleSettings};
use app::domain::interchange::{import_plan, parse_instant, MAX_PLAN_BYTES};
use app::domain::Instant;

/// A convention in force as the `--conventions` file writes it: instants as RFC 3339 text.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConventionLine {
    reference: String,
    commune_code: String,
    from: String,
    #[serde(default)]
    until: Option<String>,
    /// `coordination`, `clcs`, `evenement` or `zones_commerciales` (optional).
    #[serde(default)]
    kind: Option<app::domain::convention::ConventionKind>,
}

/// Noon UTC of `day`: the instant `--today` stands for.
pub fn noon_utc(day: chrono::NaiveDate) -> Instant {
    Instant::from(day.and_hms_opt(12, 0, 0).unwrap_or_default().and_utc())
}

pub fn read_limited(path: &Path) -> anyhow::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .with_context(|| format!("lecture de {}", path.display()))?
        .take(MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn rules(settings: Option<&Path>) -> anyhow::Result<RuleSet> {
    let Some(path) = settings else { return Ok(RuleSet::defaults()) };
    let settings: RuleSettings = serde_json::from_slice(&read_limited(path)?)
        .with_context(|| format!("{} : réglages des règles illisibles", path.display()))?;
    RuleSet::with_settings(&settings).map_err(|e| anyhow::anyhow!("{} : {e}", path.display()))
}

pub fn conventions(path: Option<&Path>) -> anyhow::Result<Vec<ConventionInForce>> {
    let Some(path) = path else { return Ok(Vec::new()) };
    let lines: Vec<ConventionLine> = serde_json::from_slice(&read_limited(path)?)
        .with_context(|| format!("{} : liste de conventions illisible", path.display()))?;
    let instant = |raw: &str| parse_instant(raw).map_err(|e| anyhow::anyhow!("{} : {e}", path.display()));
    lines
        .into_iter()
        .map(|line| {
            Ok(ConventionInForce {
                reference: line.reference,
                commune_code: line.commune_code,
                from: instant(&line.from)?,
                until: line.until.as_deref().map(instant).transpose()?,
                kind: line.kind,
            })
        })
        .collect()
}

/// Reads the plan file (refused as `plan import` would, with every error on standard error),
/// checks it and prints the findings.
pub fn run(
    file: &Path,
    settings: Option<&Path>,
    conventions_file: Option<&Path>,
    now: Instant,
    communes: &app::domain::communes::CommuneRegistry,
) -> anyhow::Result<()> {
    let rules = rules(settings)?;
    let mut context = ComplianceContext::at(now);
    context.conventions_in_force = conventions(conventions_file)?;
    let plan = match import_plan(&read_limited(file)?) {
        Ok(plan) => plan,
        Err(report) => {
            for error in &report.errors {
                eprintln!("{error}");
            }
            bail!("{} erreur(s) dans {} : plan non vérifié", report.errors.len(), file.display());
        }
    };
    // The intercommunalities of the official list, as the server reads them (L512-3).
    context.intercommunalities = communes.intercommunalities(app::domain::compliance::communes_concerned(&plan));
    let findings = check_plan(&plan, &rules, &context);
    println!("{}", serde_json::to_string_pretty(&findings)?);
    Ok(())
}
