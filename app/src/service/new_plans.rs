//! Every way a whole plan becomes a new event, other than the « Créer un événement » form: a
//! plan file imported (from this Cordon or another one, as it is or as a copy under new ids)
//! and next year's edition of an event. The command line, the JSON API and the pages call
//! these; each checks here who asks, recognises the organisations, and writes the event and
//! every record in one transaction, or nothing.

use serde::{Deserialize, Serialize};

use crate::domain::interchange::{import_plan_file, match_organisations, ImportError, OrganisationMatch, PlanFile};
use crate::domain::organisation::OrganisationIdentity;
use crate::domain::plan::{as_brought_by, copy_plan, event_access, next_edition as next_edition_of, Plan};
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::OrganisationSummary;
use crate::state::AppState;
use crate::store::plan_io;
use crate::store::users::UserRow;
use crate::{store, text};

/// Who brings a plan in.
#[derive(Debug, Clone, Copy)]
pub enum Importer<'a> {
    /// The command line, run by whoever runs the server: every right, recorded as `cli`.
    Operator,
    /// A person (the JSON API, the pages): only as a member of the plan's organiser.
    Member(&'a UserRow),
}

impl Importer<'_> {
    fn actor(&self) -> &str {
        match self {
            Importer::Operator => "cli",
            Importer::Member(user) => &user.id,
        }
    }
}

/// How a plan file is brought in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct ImportOptions {
    /// Under new ids: a second copy of a plan already here, or a model.
    #[serde(default)]
    pub copy: bool,
    /// Check and tell what would be imported, import nothing.
    #[serde(default)]
    pub preview: bool,
}

/// What an import made, or would make: the event, its records, and how each organisation of
/// the file was recognised here.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    pub event_id: String,
    pub event_name: String,
    pub copy: bool,
    /// False for a preview.
    pub imported: bool,
    pub zones: usize,
    pub participants: usize,
    pub agents: usize,
    pub needs: usize,
    pub deployments: usize,
    pub organisations: Vec<OrganisationMatch>,
}

impl ImportSummary {
    /// The lines the command line prints.
    pub fn lines(&self) -> Vec<String> {
        let mut lines = vec![format!(
            "{} « {} » ({}) : {} zone(s), {} participant(s), {} agent(s), {} besoin(s), {} déploiement(s){}.",
            if self.imported { "Importé" } else { "Aperçu, rien n’est importé :" },
            self.event_name,
            self.event_id,
            self.zones,
            self.participants,
            self.agents,
            self.needs,
            self.deployments,
            if self.copy { ", sous de nouveaux identifiants" } else { "" },
        )];
        lines.extend(self.organisations.iter().map(|m| format!("  {}", m.describe())));
        lines
    }
}

/// Why a plan file was not imported.
#[derive(Debug)]
pub enum ImportRefused {
    /// The file's problems, each at its JSON path.
    Invalid(Vec<ImportError>),
    /// The person may not import this plan (French message).
    Forbidden(&'static str),
    Store(sqlx::Error),
}

impl From<sqlx::Error> for ImportRefused {
    fn from(error: sqlx::Error) -> Self {
        ImportRefused::Store(error)
    }
}

/// What identifies an organisation of this database outside Cordon.
pub fn identity(o: &OrganisationSummary) -> OrganisationIdentity {
    OrganisationIdentity {
        id: o.id.clone(),
        name: o.name.clone(),
        kind: o.kind,
        siret: o.siret.clone(),
        cnaps_authorisation: o.cnaps_authorisation.clone(),
        commune_code: o.commune_code.clone(),
        department: o.department.clone(),
    }
}

/// The identities of every organisation of this database, for a plan file's `organisations`.
pub async fn identities(state: &AppState) -> Result<Vec<OrganisationIdentity>, sqlx::Error> {
    Ok(store::organisations::list_all(&state.db).await?.iter().map(identity).collect())
}

/// Imports a plan file as a new event (or, with `preview`, only says what it would import).
/// The file is read whole; its organisations are recognised in this database by what
/// identifies them outside Cordon (never created); with `copy`, every record gets a new id.
/// All of it is written in one transaction, or nothing.
pub async fn import(
    state: &AppState,
    importer: Importer<'_>,
    bytes: &[u8],
    options: ImportOptions,
    now: Instant,
) -> Result<ImportSummary, ImportRefused> {
    let PlanFile { plan, organisations } =
        import_plan_file(bytes).map_err(|report| ImportRefused::Invalid(report.errors))?;
    let local = identities(state).await?;
    let matches = match_organisations(&plan, &organisations, &local).map_err(ImportRefused::Invalid)?;
    let plan = crate::domain::interchange::with_local_organisations(plan, &matches).map_err(|e| {
        ImportRefused::Invalid(vec![ImportError { path: "$.participants".into(), message: e.to_string() }])
    })?;
    let paths = plan_io::record_paths(bytes);
    let mut errors = plan_io::import_problems(&state.db, &plan, &paths, options.copy).await?;
    errors.extend(super::plan_edits::commune_error(&state.communes, &plan.event));
    if !errors.is_empty() {
        return Err(ImportRefused::Invalid(errors));
    }
    let organiser = plan_io::organiser_of(&plan).map(|p| p.organisation_id().to_string()).unwrap_or_default();
    // A person brings in what it may write or read, by the one rule of rights: its own
    // participants' agents, and no restricted deployment unless it reads them.
    let plan = match importer {
        Importer::Operator => plan,
        Importer::Member(user) => {
            let viewer = store::plans::viewer_of(&state.db, &user.id).await?;
            let department = plan.event.department().as_str().to_string();
            let access = event_access(&viewer, &organiser, &department, &plan.participants)
                .filter(|access| access.organiser)
                .ok_or(ImportRefused::Forbidden(text::IMPORT_NOT_ORGANISER_MEMBER))?;
            as_brought_by(plan, &access)
                .map_err(|e| ImportRefused::Invalid(vec![ImportError { path: "$".into(), message: e.to_string() }]))?
        }
    };
    let plan = if options.copy {
        copy_plan(&plan, &mut crate::store::new_id)
            .map_err(|e| ImportRefused::Invalid(vec![ImportError { path: "$".into(), message: e.to_string() }]))?
    } else {
        plan
    };
    if !options.preview {
        plan_io::import_plan_records(&state.db, importer.actor(), &plan, &organiser, None, now).await?;
        tracing::info!(event = %plan.event.id(), by = %importer.actor(), copy = options.copy, "plan imported");
    }
    Ok(summary(&plan, matches, options))
}

fn summary(plan: &Plan, organisations: Vec<OrganisationMatch>, options: ImportOptions) -> ImportSummary {
    ImportSummary {
        event_id: plan.event.id().to_string(),
        event_name: plan.event.name().to_string(),
        copy: options.copy,
        imported: !options.preview,
        zones: plan.zones.len(),
        participants: plan.participants.len(),
        agents: plan.agents.len(),
        needs: plan.needs.len(),
        deployments: plan.deployments.len(),
        organisations,
    }
}

/// « Reconduire l'événement »: next year's edition of `event_id`, starting at `start` (a
/// `datetime-local` value in the event's zone), as a new event under new ids with no release
/// (a draft until its organiser publishes it). Only the event's organiser may, and it brings
/// what the one rule of rights lets it (`plan::as_brought_by`): its own agents, other
/// participants' deployments with their headcount but without naming their agents, no
/// restricted deployment it may not read. Returns the new event's id.
pub async fn next_edition(
    state: &AppState,
    importer: Importer<'_>,
    event_id: &str,
    start: &str,
    now: Instant,
) -> Result<String, AppError> {
    let (source, organiser) = match importer {
        Importer::Operator => {
            let stored = store::plans::load_plan(&state.db, event_id.trim()).await?.ok_or(AppError::NotFound)?;
            (stored.plan, stored.organiser_organisation_id)
        }
        Importer::Member(user) => {
            let (stored, access) = super::plan_edits::open(state, user, event_id).await?;
            super::plan_edits::require_organiser(&access)?;
            // What the organiser may bring into a new event, as through the API's import:
            // its own agents only (a company names its own), no restricted deployment it
            // does not read.
            let brought = as_brought_by(stored.plan, &access).map_err(|e| AppError::Refused(e.to_string()))?;
            (brought, stored.organiser_organisation_id)
        }
    };
    let start = crate::domain::plan::input::wall_clock(start, "start")?;
    let plan = next_edition_of(&source, start, &mut crate::store::new_id).map_err(|e| AppError::invalid("start", e))?;
    // The organisations may have changed since: the participation rule holds again.
    let problems = plan_io::import_problems(&state.db, &plan, &Default::default(), true).await?;
    if !problems.is_empty() {
        let reasons = problems.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join(" ");
        return Err(AppError::Refused(reasons));
    }
    plan_io::import_plan_records(&state.db, importer.actor(), &plan, &organiser, Some(source.event.id()), now).await?;
    tracing::info!(event = %plan.event.id(), from = %source.event.id(), by = %importer.actor(), "next edition created");
    Ok(plan.event.id().to_string())
}

/// `plan` as a plan file, with what identifies outside Cordon each organisation its
/// participants stand for: the one writer every door (command line, JSON API) calls. The
/// caller passes the plan as its reader may read it.
pub async fn plan_file(db: &crate::store::Db, plan: &Plan) -> Result<String, sqlx::Error> {
    let ids: Vec<&str> = plan.participants.iter().map(|p| p.organisation_id()).collect();
    let mut organisations = Vec::new();
    for id in ids {
        if let Some(found) = store::organisations::get(db, id).await? {
            organisations.push(identity(&found));
        }
    }
    Ok(crate::domain::interchange::export_plan(plan, &organisations))
}
