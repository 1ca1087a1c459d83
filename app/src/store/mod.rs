//! Persistence (server only). One pool for either backend, chosen at run time by the URL:
//! `sqlite://…` (the embedded default) or `postgres://…`. SQL is written once with `$n`
//! placeholders, which sqlx's `Any` driver accepts on both; instants are integers.

pub mod alerts;
pub mod api_tokens;
pub mod attachments;
pub mod conventions;
pub mod department_convention;
pub mod evaluations;
pub mod housekeeping;
pub mod invitations;
pub mod log;
pub mod memberships;
pub mod mobiles;
pub mod organisations;
pub mod password_resets;
pub mod plan_io;
pub mod plans;
pub mod presence;
pub mod releases;
pub mod rule_settings;
pub mod sessions;
pub mod testing;
pub mod throttle;
pub mod users;

use sqlx::any::AnyPoolOptions;
use sqlx::AnyPool;
use sqlx::Executor;

/// The backend behind a pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A database handle: the pool, which backend it talks to, and the plans this instance
/// decoded last (kept by revision: `plans::load_plan`).
#[derive(Debug, Clone)]
pub struct Db {
    pub pool: AnyPool,
    pub backend: Backend,
    pub(crate) plans: std::sync::Arc<plans::PlanCache>,
}

impl Backend {
    pub fn of_url(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Some(Backend::Postgres)
        } else {
            None
        }
    }
}

/// Opens a pool. For SQLite, the file is created if absent, with WAL and foreign keys on.
pub async fn connect(url: &str) -> Result<Db, sqlx::Error> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(url)
        .ok_or_else(|| sqlx::Error::Configuration("DATABASE_URL must start with sqlite: or postgres:".into()))?;
    let mut options = AnyPoolOptions::new();
    if backend == Backend::Sqlite {
        options = options.max_connections(8).after_connect(|conn, _meta| {
            Box::pin(async move {
                conn.execute("PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;")
                    .await?;
                Ok(())
            })
        });
    } else {
        options = options.max_connections(16);
    }
    let pool = options.connect(url).await?;
    Ok(Db { pool, backend, plans: Default::default() })
}

/// Applies the migrations of the pool's backend.
pub async fn migrate(db: &Db) -> Result<(), sqlx::migrate::MigrateError> {
    match db.backend {
        Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&db.pool).await,
        Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&db.pool).await,
    }
}

/// True when the database answers a trivial query (health check).
pub async fn ping(db: &Db) -> bool {
    sqlx::query("SELECT 1").execute(&db.pool).await.is_ok()
}

/// A new random id.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}
