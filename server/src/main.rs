//! `cordon`: the Cordon server and its administration commands.

use std::io::BufRead;
use std::net::SocketAddr;

use anyhow::{bail, Context};
use clap::{Parser, Subcommand};

use app::domain::{Email, Instant, MembershipRole, Password, PersonName};
use app::store;
use cordon_server::{config::Config, demo, logging};

#[derive(Parser)]
#[command(
    name = "cordon",
    version,
    about = "Cordon : planification de la sécurité des événements (CLCS).",
    long_about = "Cordon plans the security of one-off public events as a cooperation between State forces, \
municipal police and private security. Configuration comes from environment variables (see .env.example); \
without a command, `cordon` serves."
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
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Event plans as `cordon-plan/1` files (docs/plan-format.md): list, export, import.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
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
    /// Import a plan file as a new event: all or nothing. Every error is printed on standard
    /// error as `path : message`; on success the event's id is printed.
    Import { file: std::path::PathBuf },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    logging::init(std::env::var("CORDON_LOG_FORMAT").as_deref() == Ok("json"));
    match cli.command.unwrap_or(Command::Serve { addr: None, demo: false }) {
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
        Command::Plan { command } => {
            let db = open_database(&Config::from_env(None)?).await?;
            match command {
                PlanCommand::List => plan_list(&db).await,
                PlanCommand::Export { event_id, output } => plan_export(&db, &event_id, output).await,
                PlanCommand::Import { file } => plan_import(&db, &file).await,
            }
        }
    }
}

fn now() -> Instant {
    Instant::from(chrono::Utc::now())
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
    let email = Email::parse(&email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = PersonName::parse(&name).map_err(|e| anyhow::anyhow!("--name: {e}"))?;
    let role = MembershipRole::from_code(&role).ok_or_else(|| anyhow::anyhow!("--role: member ou admin"))?;
    let organisation = match org {
        None => None,
        Some(key) => Some(match store::organisations::get(&db, &key).await? {
            Some(o) => o,
            None => store::organisations::find_by_name(&db, &key)
                .await?
                .with_context(|| format!("--org: aucune organisation « {key} »"))?,
        }),
    };
    if store::users::find_by_email(&db, &email).await?.is_some() {
        bail!("un compte existe déjà pour {}", email.as_str());
    }
    eprintln!("Mot de passe (une ligne sur l’entrée standard, 12 caractères au moins) :");
    let mut line = String::new();
    std::io::stdin().lock().read_line(&mut line)?;
    let password = Password::parse(line.trim_end_matches(['\r', '\n'])).map_err(|e| anyhow::anyhow!("{e}"))?;
    let hash = app::api::security::hash_password(&password).await.map_err(anyhow::Error::msg)?;
    let id = store::users::create(&db, &email, &name, &hash, platform_admin, now()).await?;
    if let Some(organisation) = &organisation {
        store::organisations::add_member(&db, &id, &organisation.id, role, now()).await?;
    }
    println!(
        "Compte créé : {} ({id}){}",
        email.as_str(),
        organisation.map(|o| format!(", {} de {}", role.label(), o.name)).unwrap_or_default()
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

/// `cordon plan export`: the full plan, as `export_plan` writes it, to a file or stdout.
async fn plan_export(db: &store::Db, event_id: &str, output: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    let stored = store::plans::load_plan(db, event_id.trim())
        .await?
        .with_context(|| format!("aucun événement n’a l’identifiant {event_id}"))?;
    let file = app::domain::interchange::export_plan(&stored.plan);
    match output {
        Some(path) => std::fs::write(&path, file).with_context(|| format!("écriture de {}", path.display()))?,
        None => std::io::Write::write_all(&mut std::io::stdout().lock(), file.as_bytes())?,
    }
    Ok(())
}

/// `cordon plan import`: checks the whole file, then creates the event and every record in
/// one transaction; on any error, prints them all and imports nothing.
async fn plan_import(db: &store::Db, file: &std::path::Path) -> anyhow::Result<()> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(file)
        .with_context(|| format!("lecture de {}", file.display()))?
        .take(app::domain::interchange::MAX_PLAN_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    let errors = match app::domain::interchange::import_plan(&bytes) {
        Err(report) => report.errors,
        Ok(plan) => {
            let paths = store::plan_io::record_paths(&bytes);
            let mut problems = store::plan_io::import_problems(db, &plan, &paths).await?;
            let communes = cordon_server::load_communes(&Config::from_env(None)?.communes_file)?;
            problems.extend(cordon_server::commune_error(&communes, &plan.event));
            if problems.is_empty() {
                let organiser = store::plan_io::organiser_of(&plan).context("no organiser")?.organisation_id();
                store::plan_io::import_plan_records(db, &plan, organiser, now()).await?;
                println!("{}", plan.event.id());
                return Ok(());
            }
            problems
        }
    };
    for error in &errors {
        eprintln!("{error}");
    }
    bail!("{} erreur(s) dans {} : rien n’a été importé", errors.len(), file.display())
}
