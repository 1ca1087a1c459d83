//! Fresh databases for tests: a temporary SQLite file, or a PostgreSQL database with a random
//! name created for the test and dropped afterwards. Used by the store and HTTP test suites.

use super::{connect, migrate, Db};

/// The PostgreSQL server tests use (`CORDON_TEST_POSTGRES_URL`, default the local one).
pub fn postgres_admin_url() -> String {
    std::env::var("CORDON_TEST_POSTGRES_URL").unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A migrated database that disappears when the test is done (call [`TestDb::drop_now`]).
pub struct TestDb {
    pub db: Db,
    pub url: String,
    cleanup: Cleanup,
}

enum Cleanup {
    File(std::path::PathBuf),
    PgDatabase(String),
}

impl TestDb {
    pub async fn sqlite() -> TestDb {
        let path = std::env::temp_dir().join(format!("cordon-test-{}.sqlite", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}?mode=rwc", path.display());
        let db = connect(&url).await.expect("open temporary SQLite file");
        migrate(&db).await.expect("migrate SQLite");
        TestDb { db, url, cleanup: Cleanup::File(path) }
    }

    /// Panics if PostgreSQL is unreachable: a missing PostgreSQL is a failure, never a skip.
    pub async fn postgres() -> TestDb {
        let admin_url = postgres_admin_url();
        let admin = connect(&admin_url)
            .await
            .unwrap_or_else(|e| panic!("PostgreSQL is required for the store tests ({admin_url}): {e}"));
        let name = format!("cordon_test_{}", uuid::Uuid::new_v4().simple());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin.pool)
            .await
            .expect("CREATE DATABASE");
        admin.pool.close().await;
        let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap_or(&admin_url);
        let url = format!("{base}/{name}");
        let db = connect(&url).await.expect("connect to the test database");
        migrate(&db).await.expect("migrate PostgreSQL");
        TestDb { db, url, cleanup: Cleanup::PgDatabase(name) }
    }

    /// Closes the pool and removes the database.
    pub async fn drop_now(self) {
        self.db.pool.close().await;
        match self.cleanup {
            Cleanup::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Cleanup::PgDatabase(name) => {
                if let Ok(admin) = connect(&postgres_admin_url()).await {
                    let _ = sqlx::query(sqlx::AssertSqlSafe(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")))
                        .execute(&admin.pool)
                        .await;
                    admin.pool.close().await;
                }
            }
        }
    }
}

/// Runs `case` on `db`, then removes the database, even when the case fails.
pub async fn run_on<F, Fut>(db: TestDb, case: F)
where
    F: FnOnce(Db) -> Fut,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let outcome = tokio::spawn(case(db.db.clone())).await;
    db.drop_now().await;
    if let Err(e) = outcome {
        std::panic::resume_unwind(e.into_panic());
    }
}

/// Declares, for each `async fn case(db: Db)`, one test on a fresh SQLite file and one on a
/// fresh PostgreSQL database.
#[macro_export]
macro_rules! on_both_backends {
    ($($case:ident),* $(,)?) => {$(
        mod $case {
            #[tokio::test]
            async fn on_sqlite() {
                $crate::store::testing::run_on($crate::store::testing::TestDb::sqlite().await, super::$case).await;
            }
            #[tokio::test]
            async fn on_postgres() {
                $crate::store::testing::run_on($crate::store::testing::TestDb::postgres().await, super::$case).await;
            }
        }
    )*};
}
