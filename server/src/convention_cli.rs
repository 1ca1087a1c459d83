//! `cordon convention pdf`: the convention of an event's latest published release as a PDF.
//! The edge of the pure document builder: it reads the database, the files and the clock,
//! computes the findings under the department's rules, and writes the file.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{bail, Context};
use serde::Deserialize;

use app::domain::document::{Amendment, ArticleId, ConventionInputs, RiskSection};
use app::domain::Instant;
use app::service::convention::{default_reference, document_with};
use app::store;

/// What `--inputs FILE` may supply (JSON, every field optional); see
/// docs/convention-document.md.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InputsFile {
    #[serde(default)]
    pub reference: Option<String>,
    #[serde(default)]
    pub prefecture: Option<String>,
    #[serde(default)]
    pub risk: Option<RiskSection>,
    #[serde(default)]
    pub template_clauses: BTreeMap<ArticleId, String>,
    #[serde(default)]
    pub amendments: Vec<Amendment>,
}

/// What the command was asked.
pub struct PdfRequest<'a> {
    pub event_id: &'a str,
    pub output: &'a Path,
    pub reference: Option<&'a str>,
    pub inputs: Option<&'a Path>,
    pub conventions: Option<&'a Path>,
    pub now: Instant,
}

/// Builds and writes the PDF; prints where, with the version and its digest.
pub async fn run(state: &app::state::AppState, request: PdfRequest<'_>) -> anyhow::Result<()> {
    let db = &state.db;
    let event_id = request.event_id.trim();
    let Some(release) = store::releases::latest(db, event_id).await? else {
        if store::plans::load_plan(db, event_id).await?.is_none() {
            bail!("aucun événement n’a l’identifiant {event_id}");
        }
        bail!(
            "l’événement {event_id} n’a aucune version publiée : publiez son plan (cordon plan publish) avant \
de produire la convention"
        );
    };
    let file: InputsFile = match request.inputs {
        None => InputsFile::default(),
        Some(path) => serde_json::from_slice(&crate::plan_check::read_limited(path)?)
            .with_context(|| format!("{} : données de la convention illisibles", path.display()))?,
    };
    let department = release.plan().event.department().as_str().to_string();
    let reference = request
        .reference
        .or(file.reference.as_deref())
        .map(str::to_string)
        .unwrap_or_else(|| default_reference(&department, event_id));
    let inputs = ConventionInputs {
        prefecture: file.prefecture,
        risk: file.risk,
        conventions_in_force: crate::plan_check::conventions(request.conventions)?,
        template_clauses: file.template_clauses,
        amendments: file.amendments,
        ..ConventionInputs::new(&reference, request.now)
    };
    let document = document_with(state, &release, inputs).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let pdf = app::pdf::render_convention_pdf(&document).map_err(|e| anyhow::anyhow!("{e}"))?;
    std::fs::write(request.output, &pdf).with_context(|| format!("écriture de {}", request.output.display()))?;
    println!(
        "Convention {reference} (version v{} du plan, SHA-256 {}) écrite dans {}.",
        document.release_number,
        document.release_sha256,
        request.output.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_reference_is_the_department_and_the_start_of_the_event_id() {
        assert_eq!(default_reference("13", "1a2b3c4d-0000-4000-8000-000000000001"), "CLCS-13-1A2B3C4D");
        assert_eq!(default_reference("2A", ""), "CLCS-2A-");
    }

    #[test]
    fn an_inputs_file_reads_clauses_and_amendments_by_article_code() {
        let file: InputsFile = serde_json::from_str(
            r#"{"reference": "R-1", "template_clauses": {"objet": "Clause"},
                "amendments": [{"article": "engagements", "author": "prefecture", "text": "Texte"}],
                "risk": {"lines": ["Ligne"]}}"#,
        )
        .unwrap();
        assert_eq!(file.template_clauses.get(&ArticleId::Objet).map(String::as_str), Some("Clause"));
        assert_eq!(file.amendments[0].article, ArticleId::Engagements);
        assert!(serde_json::from_str::<InputsFile>(r#"{"referense": "typo"}"#).is_err());
    }
}
