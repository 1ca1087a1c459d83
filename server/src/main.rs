//! `cordon`: the Cordon server and its administration commands.

use std::io::BufRead;
use std::net::SocketAddr;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use app::domain::Instant;
use app::service::releases::{create_operator_feed, OperatorFeed};
use app::store;
use cordon_server::logging::{self, Writing};
use cordon_server::{config::Config, demo};

mod convention_cli;
mod plan_check;
mod schedule_cli;

#[derive(Parser)]
#[command(
    name = "cordon",
    version,
    about = "Cordon : planification de la sécurité des événements (CLCS).",
    long_about = "Cordon plans the security of one-off public events as a cooperation between State forces, \
municipal police and private security. Configuration comes from environment variables (see .env.example); \
without a command, `cordon` serves.",
    after_help = "Exemples :\n  cordon serve --demo                     servir sur 127.0.0.1:3000 avec l’événement de démonstration\n  cordon plan list                        les événements de la base\n  cordon plan --help                      les exemples des plans (de même pour user, feed, schedule, convention, audit)\n\nStatut de sortie : 0 réussi, 1 refusé ou en échec (raison en français sur la sortie d’erreur), 2 ligne de commande illisible."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application (the default command). Applies migrations; loads the demo
    /// data on first start when --demo is given.
    Serve {
        /// Address to listen on, HOST:PORT (default CORDON_ADDR or 127.0.0.1:3000).
        #[arg(long)]
        addr: Option<SocketAddr>,
        /// Load the demo data if the database has no account yet, and print the demo accounts.
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations and exit.
    Migrate,
    /// Load the demo data (organisations and accounts) into an empty database.
    Demo,
    /// Manage accounts.
    #[command(
        after_help = "Exemple :\n  echo 'mot de passe de 12 caractères ou plus' | cordon user add --email chef@mairie.fr --name 'Camille Roux' --org 'Mairie de Martigues' --role admin"
    )]
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Event plans as `cordon-plan/2` files (docs/plan-format.md; `/1` files are still read): list, export, import, check,
    /// publish.
    #[command(
        after_help = "Exemples :\n  cordon plan list\n  cordon plan export 0c3060e1-7122-456c-887a-f0c0f8ffa464 --output fete.json\n  cordon plan import fete.json --preview\n  cordon plan import fete.json --copy\n  cordon plan copy 0c3060e1-7122-456c-887a-f0c0f8ffa464 --start 2027-06-19T18:00\n  cordon plan check fete.json --today 2027-05-01\n  cordon plan publish 0c3060e1-7122-456c-887a-f0c0f8ffa464 --comment 'Version envoyée à la préfecture'"
    )]
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// Calendar feeds of the latest published release (docs/ical.md).
    #[command(
        after_help = "Exemples :\n  cordon feed token --event 0c3060e1-7122-456c-887a-f0c0f8ffa464 --all\n  cordon feed token --event 0c3060e1-7122-456c-887a-f0c0f8ffa464 --participant ORGANISATION_OU_PARTICIPANT"
    )]
    Feed {
        #[command(subcommand)]
        command: FeedCommand,
    },
    /// Stewards' shifts proposed automatically (docs/schedule-format.md): generate a
    /// synthetic problem, solve one, check a solution. Needs no database.
    #[command(
        after_help = "Exemples :\n  cordon schedule generate --size village --seed 1 > village.json\n  cordon schedule solve village.json --seconds 10 > solution.json\n  cordon schedule check village.json solution.json"
    )]
    Schedule {
        #[command(subcommand)]
        command: ScheduleCommand,
    },
    /// The event convention (a short-term CLCS) generated from the latest published release
    /// (docs/convention-document.md).
    #[command(
        after_help = "Exemple :\n  cordon convention pdf 0c3060e1-7122-456c-887a-f0c0f8ffa464 --output convention.pdf"
    )]
    Convention {
        #[command(subcommand)]
        command: ConventionCommand,
    },
    /// The audit trail of convention files and rule settings.
    #[command(after_help = "Exemple :\n  cordon audit verify")]
    Audit {
        #[command(subcommand)]
        command: AuditCommand,
    },
    /// The annual census of the conventions of a department (the circular's report to the
    /// Interior Ministry): those in force on 31 December and those signed during the year, as
    /// CSV on standard output.
    #[command(after_help = "Exemple :\n  cordon census --year 2026 --department 13 > recensement-2026.csv")]
    Census {
        #[arg(long)]
        year: i32,
        #[arg(long)]
        department: String,
        /// Who the census is addressed to (default CORDON_CENSUS_RECIPIENT, else the circular's).
        #[arg(long)]
        recipient: Option<String>,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check every chain of the audit trail; print each chain's state and, for a tampered
    /// one, the first entry that is not what the chain expects. Exit status 1 if any is.
    Verify,
}

#[derive(Subcommand)]
enum ConventionCommand {
    /// Write the convention of the event's latest published release as a PDF: A4, page
    /// numbers, the reference, the release version and its SHA-256 on every page, the
    /// compliance findings in the annex.
    Pdf {
        event_id: String,
        /// The PDF file to write.
        #[arg(long, short)]
        output: std::path::PathBuf,
        /// The convention's reference number (default: CLCS-<department>-<start of the event id>).
        #[arg(long)]
        reference: Option<String>,
        /// A JSON file of what the plan does not hold: reference, prefecture, risk lines, the
        /// department's clauses and the amendments, by article.
        #[arg(long)]
        inputs: Option<std::path::PathBuf>,
        /// The conventions in force, as for `cordon plan check --conventions`.
        #[arg(long)]
        conventions: Option<std::path::PathBuf>,
        /// The day the document is dated and deadlines are counted from, YYYY-MM-DD (default:
        /// today, from the clock).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
}

#[derive(Subcommand)]
enum FeedCommand {
    /// Create a feed link and print its URL (for administrators and scripts).
    Token {
        #[arg(long)]
        event: String,
        /// A participant's deployments: its participant id or its organisation's id.
        #[arg(long, group = "scope")]
        participant: Option<String>,
        /// One named agent's shifts.
        #[arg(long, group = "scope")]
        agent: Option<String>,
        /// One zone's deployments (for a command post).
        #[arg(long, group = "scope")]
        zone: Option<String>,
        /// The whole event.
        #[arg(long, group = "scope")]
        all: bool,
        /// Include restricted deployments (only for State forces and the prefecture). A
        /// State force's participant feed includes them without this flag.
        #[arg(long)]
        restricted: bool,
    },
}

#[derive(Subcommand)]
enum ScheduleCommand {
    /// Print a synthetic problem of the given size as JSON (deterministic by seed).
    Generate {
        /// village (~30 agents, 1 day), fair (~150, 3 days), stadium (~500, 1 day), city
        /// (~3,000, 48 h, 60 zones), route (a marathon: 90 small staggered posts), peaks (a
        /// match's entrance and exit peaks, 24 gates) or festival (~3,000, 4 days and nights).
        #[arg(long)]
        size: app::domain::schedule::Size,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Solve a problem file and print the solution as JSON.
    Solve {
        instance: std::path::PathBuf,
        /// Time limit in seconds (the search stops and returns its best solution).
        #[arg(long, default_value_t = 10.0)]
        seconds: f64,
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Print a solution's score, every hard rule it breaks and the explanations of its gaps
    /// that do not hold, as JSON; exits with status 1 if it breaks a hard rule.
    Check { instance: std::path::PathBuf, solution: std::path::PathBuf },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account; the password is read from standard input (one line).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Organisation to join: its id or its exact name (optional).
        #[arg(long)]
        org: Option<String>,
        /// Role in the organisation: member or admin.
        #[arg(long, default_value = "member")]
        role: String,
        /// Make the account a platform administrator.
        #[arg(long)]
        platform_admin: bool,
    },
}

#[derive(Subcommand)]
enum PlanCommand {
    /// List every event, one per line: id, name, start and end (in the event's time zone),
    /// separated by tabs.
    List,
    /// Write an event's whole plan, restricted deployments included, as a plan file.
    Export {
        event_id: String,
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<std::path::PathBuf>,
    },
    /// Publish the current plan as the next release (v1, v2, …) and notify by e-mail the
    /// participants whose deployments changed.
    Publish {
        event_id: String,
        #[arg(long)]
        comment: String,
    },
    /// Import a plan file as a new event: all or nothing. Its organisations are recognised in
    /// this database by their SIRET, CNAPS authorisation, commune or department (never
    /// created). Every error is printed on standard error as `path : message`; on success the
    /// event's id is printed on its first line, then how each organisation was recognised.
    Import {
        file: std::path::PathBuf,
        /// Give every record a new id: a second copy of a plan already in this database.
        #[arg(long)]
        copy: bool,
        /// Check and print what would be imported; import nothing.
        #[arg(long)]
        preview: bool,
    },
    /// Make next year's edition of an event: the same local times at a new date, zones,
    /// posts, needs, participants and deployments, as a draft to publish (no prefect's
    /// orders, no agent availabilities). Prints the new event's id.
    Copy {
        event_id: String,
        /// The new edition's start, in the event's time zone: YYYY-MM-DDTHH:MM.
        #[arg(long)]
        start: String,
    },
    /// Check a plan file against the law and the CLCS circular (docs/compliance.md) and print
    /// its findings as a JSON list on standard output, blocking ones first. Needs no database.
    Check {
        file: std::path::PathBuf,
        /// A prefecture's rule settings (JSON: `{"department": …, "overrides": […]}`).
        #[arg(long)]
        settings: Option<std::path::PathBuf>,
        /// The conventions in force (JSON list of `{"reference", "commune_code", "from", "until"}`,
        /// instants in RFC 3339 UTC, `until` optional).
        #[arg(long)]
        conventions: Option<std::path::PathBuf>,
        /// The day deadlines are counted from, YYYY-MM-DD (default: today, from the clock).
        #[arg(long)]
        today: Option<chrono::NaiveDate>,
    },
}

/// Exit status of a command that was refused or failed (its reason in French on stderr);
/// 0 is success, 2 a command line clap could not read.
const EXIT_REFUSED: u8 = 1;

/// mimalloc rather than the system's allocator: see server/Cargo.toml.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run().await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // The message and its causes, never a stack trace, whatever RUST_BACKTRACE says: an
            // operator reads a refusal, not the program's internals.
            eprintln!("{error:#}");
            std::process::ExitCode::from(EXIT_REFUSED)
        }
    }
}

async fn run() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve { addr: None, demo: false });
    let writing = if matches!(command, Command::Serve { .. }) { Writing::Background } else { Writing::Direct };
    // Held until main returns: the server's last log lines are written out when it drops.
    let _log = logging::init(std::env::var("CORDON_LOG_FORMAT").as_deref() == Ok("json"), writing);
    match command {
        Command::Serve { addr, demo } => serve(addr, demo).await,
        Command::Migrate => {
            open_database(&Config::from_env(None)?).await?;
            println!("Migrations appliquées.");
            Ok(())
        }
        Command::Demo => {
            let config = Config::from_env(None)?;
            let db = open_database(&config).await?;
            if demo::load_if_empty(&db, now()).await? {
                print!("{}", demo::accounts_banner(&config.base_url));
            } else {
                println!("La base contient déjà des comptes : données de démonstration non chargées.");
            }
            Ok(())
        }
        Command::User { command: UserCommand::Add { email, name, org, role, platform_admin } } => {
            add_user(email, name, org, role, platform_admin).await
        }
        Command::Plan { command: PlanCommand::Check { file, settings, conventions, today } } => {
            // Without the official list the check still runs: L512-3's conditions are then
            // left to the instructor with « intercommunalité inconnue ».
            let communes = match cordon_server::load_communes(&Config::from_env(None)?.communes_file) {
                Ok(communes) => communes,
                Err(e) => {
                    eprintln!("Liste officielle des communes illisible ({e}) : intercommunalités inconnues.");
                    std::sync::Arc::new(app::domain::communes::CommuneRegistry::default())
                }
            };
            plan_check::run(
                &file,
                settings.as_deref(),
                conventions.as_deref(),
                today.map_or_else(now, plan_check::noon_utc),
                &communes,
            )
        }
        Command::Plan { command: PlanCommand::Publish { event_id, comment } } => {
            plan_publish(&event_id, &comment).await
        }
        Command::Plan { command: PlanCommand::Import { file, copy, preview } } => {
            plan_import(&file, copy, preview).await
        }
        Command::Plan { command: PlanCommand::Copy { event_id, start } } => plan_copy(&event_id, &start).await,
        Command::Plan { command: PlanCommand::Export { event_id, output } } => plan_export(&event_id, output).await,
        Command::Feed { command: FeedCommand::Token { event, participant, agent, zone, all, restricted } } => {
            let scope = match (participant, agent, zone, all) {
                (Some(p), _, _, _) => OperatorFeed::Participant(p),
                (_, Some(a), _, _) => OperatorFeed::Agent(a),
                (_, _, Some(z), _) => OperatorFeed::Zone(z),
                (_, _, _, true) => OperatorFeed::Event,
                _ => bail!("choisissez --participant, --agent, --zone ou --all"),
            };
            feed_token(&event, scope, restricted).await
        }
        Command::Schedule { command } => match command {
            ScheduleCommand::Generate { size, seed } => schedule_cli::run_generate(size, seed),
            ScheduleCommand::Solve { instance, seconds, seed } => schedule_cli::run_solve(&instance, seconds, seed),
            ScheduleCommand::Check { instance, solution } => {
                if !schedule_cli::run_check(&instance, &solution)? {
                    std::process::exit(1);
                }
                Ok(())
            }
        },
        Command::Convention {
            command: ConventionCommand::Pdf { event_id, output, reference, inputs, conventions, today },
        } => {
            let config = Config::from_env(None)?;
            let db = open_database(&config).await?;
            let state = cordon_server::app_state(&config, db)?;
            let request = convention_cli::PdfRequest {
                event_id: &event_id,
                output: &output,
                reference: reference.as_deref(),
                inputs: inputs.as_deref(),
                conventions: conventions.as_deref(),
                now: today.map_or_else(now, plan_check::noon_utc),
            };
            convention_cli::run(&state, request).await
        }
        Command::Audit { command: AuditCommand::Verify } => {
            let db = open_database(&Config::from_env(None)?).await?;
            audit_verify(&db).await
        }
        Command::Census { year, department, recipient } => {
            let db = open_database(&Config::from_env(None)?).await?;
            let recipient = recipient.or_else(|| std::env::var("CORDON_CENSUS_RECIPIENT").ok());
            census(&db, year, &department, recipient.as_deref()).await
        }
        Command::Plan { command } => {
            let db = open_database(&Config::from_env(None)?).await?;
            match command {
                PlanCommand::List => plan_list(&db).await,
                PlanCommand::Check { .. }
                | PlanCommand::Publish { .. }
                | PlanCommand::Import { .. }
                | PlanCommand::Copy { .. }
                | PlanCommand::Export { .. } => unreachable!("handled above"),
            }
        }
    }
}

/// `cordon audit verify`: every chain, one line each; fails if one is tampered.
async fn audit_verify(db: &store::Db) -> anyhow::Result<()> {
    let chains = store::conventions::chains(db).await?;
    let mut bad = 0;
    for name in &chains {
        let entries = store::conventions::chain(db, name).await?;
        match app::domain::convention::verify(&entries) {
            Ok(()) => println!("{}", app::text::audit_chain_ok(name, entries.len())),
            Err(tampered) => {
                bad += 1;
                println!("{}", app::text::audit_chain_bad(name, &tampered.to_string()));
            }
        }
    }
    println!("{}", app::text::audit_summary(chains.len(), bad));
    if bad > 0 {
        std::process::exit(1);
    }
    Ok(())
}

/// `cordon census`: the census of a department's registry for a year, as CSV.
async fn census(db: &store::Db, year: i32, department: &str, recipient: Option<&str>) -> anyhow::Result<()> {
    let Some(department) = app::domain::geo::Department::parse(department) else {
        bail!("{} : {}", department, app::text::CENSUS_DEPARTMENT_INVALID);
    };
    if !(2000..=2100).contains(&year) {
        bail!("{year} : {}", app::text::CENSUS_YEAR_INVALID);
    }
    let census = app::service::registry::census_for(db, &department, year, now()).await?;
    let csv = app::domain::convention::census_csv(&census, recipient.unwrap_or(app::text::CENSUS_DEFAULT_RECIPIENT));
    std::io::Write::write_all(&mut std::io::stdout().lock(), csv.as_bytes())?;
    Ok(())
}

fn now() -> Instant {
    Instant::from(chrono::Utc::now())
}

/// `cordon plan publish`: the same publication as the "Publier" button, by "cli".
async fn plan_publish(event_id: &str, comment: &str) -> anyhow::Result<()> {
    let config = Config::from_env(None)?;
    let db = open_database(&config).await?;
    let stored = store::plans::load_plan(&db, event_id.trim())
        .await?
        .with_context(|| format!("aucun événement n’a l’identifiant {event_id}"))?;
    let state = cordon_server::app_state(&config, db)?;
    match app::service::releases::publish_as(&state, event_id.trim(), stored, comment, "cli", now()).await {
        Ok(number) => {
            println!("Version v{number} publiée.");
            Ok(())
        }
        Err(e) => bail!("{e}"),
    }
}

/// `cordon feed token`: a new feed link of the event, printed as its https URL.
async fn feed_token(event_id: &str, target: OperatorFeed, restricted: bool) -> anyhow::Result<()> {
    let config = Config::from_env(None)?;
    let db = open_database(&config).await?;
    let (token, label) = match create_operator_feed(&db, event_id.trim(), target, restricted, now()).await {
        Ok(made) => made,
        Err(app::error::AppError::NotFound) => bail!("aucun événement n’a l’identifiant {event_id}"),
        Err(e) => bail!("{e}"),
    };
    println!("{}", app::service::releases::links(&config.base_url, &token, &label).https);
    Ok(())
}

async fn open_database(config: &Config) -> anyhow::Result<store::Db> {
    if let Some(path) = sqlite_path(&config.database_url) {
        if let Some(dir) = std::path::Path::new(&path).parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
        }
    }
    let db = store::connect(&config.database_url).await.context("opening the database")?;
    store::migrate(&db).await.context("applying migrations")?;
    Ok(db)
}

/// The file behind a `sqlite://FILE?…` URL.
fn sqlite_path(url: &str) -> Option<String> {
    let rest = url.strip_prefix("sqlite://").or_else(|| url.strip_prefix("sqlite:"))?;
    Some(rest.split('?').next().unwrap_or(rest).to_string())
}

async fn serve(addr: Option<SocketAddr>, load_demo: bool) -> anyhow::Result<()> {
    let config = Config::from_env(addr)?;
    let db = open_database(&config).await?;
    if load_demo {
        demo::load_if_empty(&db, now()).await?;
        print!("{}", demo::accounts_banner(&config.base_url));
    }
    let state = cordon_server::app_state(&config, db)?;
    let listener =
        tokio::net::TcpListener::bind(config.addr).await.with_context(|| format!("binding {}", config.addr))?;
    tracing::info!(addr = %config.addr, base_url = %config.base_url, "Cordon is listening");
    cordon_server::serve(listener, state, cordon_server::shutdown_signal()).await?;
    Ok(())
}

async fn add_user(
    email: String,
    name: String,
    org: Option<String>,
    role: String,
    platform_admin: bool,
) -> anyhow::Result<()> {
    let config = Config::from_env(None)?;
    let db = open_database(&config).await?;
    eprintln!("Mot de passe (une ligne sur l’entrée standard, 12 caractères au moins) :");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let account = app::service::accounts::NewAccount {
        email: &email,
        name: &name,
        organisation: org.as_deref(),
        role: &role,
        platform_admin,
        password: line.trim_end_matches(['\r', '\n']),
    };
    let (id, joined) = match app::service::accounts::create_by_operator(&db, account, now()).await {
        Ok(made) => made,
        Err(app::error::AppError::Invalid { field, message }) => bail!("--{field}: {message}"),
        Err(e) => bail!("{e}"),
    };
    println!(
        "Compte créé : {} ({id}){}",
        email.trim(),
        joined.map(|(name, role)| format!(", {role} de {name}")).unwrap_or_default()
    );
    Ok(())
}

/// `cordon plan list`: every event, soonest first.
async fn plan_list(db: &store::Db) -> anyhow::Result<()> {
    for row in store::plan_io::all_events(db).await? {
        let event: app::domain::plan::Event = store::plans::decode(&row.data)?;
        let zone = event.time_zone();
        println!(
            "{}\t{}\t{}\t{}",
            row.id,
            row.name,
            app::domain::time::format_long_fr(row.starts_at, zone),
            app::domain::time::format_long_fr(row.ends_at, zone)
        );
    }
    Ok(())
}

/// The application's state for a command that acts as the operator.
async fn operator_state() -> anyhow::Result<app::state::AppState> {
    let config = Config::from_env(None)?;
    let db = open_database(&config).await?;
    cordon_server::app_state(&config, db)
}

/// `cordon plan export`: the full plan, as `export_plan` writes it, to a file or stdout.
async fn plan_export(event_id: &str, output: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let db = open_database(&Config::from_env(None)?).await?;
    let stored = store::plans::load_plan(&db, event_id.trim())
        .await?
        .with_context(|| format!("aucun événement n’a l’identifiant {event_id}"))?;
    let file = app::service::new_plans::plan_file(&db, &stored.plan).await?;
    match output {
        Some(path) => std::fs::write(&path, file).with_context(|| format!("écriture de {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), file.as_bytes())?,
    }
    Ok(())
}

/// `cordon plan import`: checks the whole file and recognises its organisations, then creates
/// the event and every record in one transaction; on any error, prints them all and imports
/// nothing.
async fn plan_import(file: &std::path::Path, copy: bool, preview: bool) -> anyhow::Result<()> {
    use app::service::new_plans::{import, ImportOptions, ImportRefused, Importer};
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .with_context(|| format!("lecture de {}", file.display()))?
        .take(app::domain::interchange::MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    let state = operator_state().await?;
    match import(&state, Importer::Operator, &bytes, ImportOptions { copy, preview }, now()).await {
        Ok(summary) => {
            if summary.imported {
                println!("{}", summary.event_id);
            }
            for line in summary.lines() {
                if summary.imported {
                    eprintln!("{line}");
                } else {
                    println!("{line}");
                }
            }
            Ok(())
        }
        Err(ImportRefused::Invalid(errors)) => {
            for error in &errors {
                eprintln!("{error}");
            }
            bail!("{} erreur(s) dans {} : rien n’a été importé", errors.len(), file.display())
        }
        Err(ImportRefused::Forbidden(message)) => bail!("{message}"),
        Err(ImportRefused::Store(e)) => Err(e.into()),
    }
}

/// `cordon plan copy`: next year's edition, as « Reconduire l'événement » makes it.
async fn plan_copy(event_id: &str, start: &str) -> anyhow::Result<()> {
    use app::service::new_plans::{next_edition, Importer};
    let state = operator_state().await?;
    match next_edition(&state, Importer::Operator, event_id, start, now()).await {
        Ok(id) => {
            println!("{id}");
            Ok(())
        }
        Err(app::error::AppError::NotFound) => bail!("aucun événement n’a l’identifiant {event_id}"),
        Err(e) => bail!("{e}"),
    }
}
