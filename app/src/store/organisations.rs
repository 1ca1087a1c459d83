//! Organisations and memberships.

use sqlx::any::AnyRow;
use sqlx::Row;

use super::{new_id, Db};
use crate::domain::organisation::SignatureDelegation;
use crate::domain::{Instant, MembershipRole, OrganisationKind, OrganisationProfile};
use crate::read_models::{Member, MyOrganisation, OrganisationSummary};

const COLUMNS: &str = "o.id, o.name, o.kind, o.commune_code, o.cnaps_authorisation, o.department, o.siret";

fn summary(row: &sqlx::any::AnyRow) -> Result<OrganisationSummary, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    Ok(OrganisationSummary {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        kind: OrganisationKind::from_code(&kind)
            .ok_or_else(|| sqlx::Error::Decode(format!("unknown organisation kind {kind}").into()))?,
        commune_code: row.try_get("commune_code")?,
        cnaps_authorisation: row.try_get("cnaps_authorisation")?,
        department: row.try_get("department")?,
        siret: row.try_get("siret")?,
    })
}

fn role(row: &sqlx::any::AnyRow) -> Result<MembershipRole, sqlx::Error> {
    let code: String = row.try_get("role")?;
    MembershipRole::from_code(&code).ok_or_else(|| sqlx::Error::Decode(format!("unknown role {code}").into()))
}

pub async fn create(db: &Db, profile: &OrganisationProfile, now: Instant) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO organisations (id, name, kind, commune_code, cnaps_authorisation, department, siret, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(profile.name.as_str())
    .bind(profile.kind.code())
    .bind(profile.commune.as_ref().map(|c| c.as_str().to_string()))
    .bind(profile.cnaps_authorisation.clone())
    .bind(profile.department.as_ref().map(|d| d.as_str().to_string()))
    .bind(profile.siret.clone())
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(id)
}

/// Sets (or, with `None`, removes) an organisation's SIRET.
/// `by` (who changed it) goes with the entry of the organisation's audit chain.
pub async fn set_siret(db: &Db, id: &str, siret: Option<&str>, by: &str, now: Instant) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let done = sqlx::query("UPDATE organisations SET siret = $1 WHERE id = $2")
        .bind(siret.map(str::to_string))
        .bind(id)
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    let chain = super::conventions::organisation_chain(id);
    let payload = serde_json::json!({ "siret": siret });
    super::conventions::record_in(&mut tx, chain, (by, "organisation.siret"), payload, now).await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn get(db: &Db, id: &str) -> Result<Option<OrganisationSummary>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisations o WHERE o.id = $1")))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(summary)
        .transpose()
}

/// The kind of each of `ids` that the database holds (unknown ids are absent).
pub async fn kinds_of(
    db: &Db,
    ids: &[&str],
) -> Result<std::collections::BTreeMap<String, OrganisationKind>, sqlx::Error> {
    let mut kinds = std::collections::BTreeMap::new();
    for chunk in ids.chunks(500) {
        let placeholders = (1..=chunk.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let sql = format!("SELECT {COLUMNS} FROM organisations o WHERE o.id IN ({placeholders})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in chunk {
            query = query.bind(id.to_string());
        }
        for row in query.fetch_all(&db.pool).await? {
            let organisation = summary(&row)?;
            kinds.insert(organisation.id, organisation.kind);
        }
    }
    Ok(kinds)
}

pub async fn list_all(db: &Db) -> Result<Vec<OrganisationSummary>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!("SELECT {COLUMNS} FROM organisations o ORDER BY o.name, o.id")))
        .fetch_all(&db.pool)
        .await?
        .iter()
        .map(summary)
        .collect()
}

pub async fn list_for_user(db: &Db, user_id: &str) -> Result<Vec<MyOrganisation>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS}, m.role FROM organisations o JOIN memberships m ON m.organisation_id = o.id \
         WHERE m.user_id = $1 ORDER BY o.name, o.id"
    )))
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|row| Ok(MyOrganisation { organisation: summary(row)?, role: role(row)? }))
    .collect()
}

/// The role `user_id` holds in `organisation_id`, if any.
pub async fn membership(db: &Db, user_id: &str, organisation_id: &str) -> Result<Option<MembershipRole>, sqlx::Error> {
    sqlx::query("SELECT role FROM memberships WHERE user_id = $1 AND organisation_id = $2")
        .bind(user_id)
        .bind(organisation_id)
        .fetch_optional(&db.pool)
        .await?
        .as_ref()
        .map(role)
        .transpose()
}

/// Adds a member; a person already a member keeps their role.
pub async fn add_member(
    db: &Db,
    user_id: &str,
    organisation_id: &str,
    role: MembershipRole,
    now: Instant,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memberships (user_id, organisation_id, role, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT (user_id, organisation_id) DO NOTHING",
    )
    .bind(user_id)
    .bind(organisation_id)
    .bind(role.code())
    .bind(now.0)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn members(db: &Db, organisation_id: &str) -> Result<Vec<Member>, sqlx::Error> {
    sqlx::query(
        "SELECT u.id, u.name, u.email, m.role, m.delegation_arrete, m.delegation_date FROM memberships m \
         JOIN users u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY u.name, u.id",
    )
    .bind(organisation_id)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(|row| {
        Ok(Member {
            user_id: row.try_get("id")?,
            name: row.try_get("name")?,
            email: row.try_get("email")?,
            role: role(row)?,
            delegation: delegation_in(row)?,
        })
    })
    .collect()
}

/// The délégation de signature columns of a membership row.
fn delegation_in(row: &AnyRow) -> Result<Option<SignatureDelegation>, sqlx::Error> {
    let arrete: Option<String> = row.try_get("delegation_arrete")?;
    let date: Option<String> = row.try_get("delegation_date")?;
    Ok(match (arrete, date.and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())) {
        (Some(arrete), Some(date)) => Some(SignatureDelegation { arrete, date }),
        _ => None,
    })
}

/// The délégation de signature `user_id` holds in `organisation_id`, if any.
pub async fn delegation(
    db: &Db,
    user_id: &str,
    organisation_id: &str,
) -> Result<Option<SignatureDelegation>, sqlx::Error> {
    let row = sqlx::query(
        "SELECT delegation_arrete, delegation_date FROM memberships WHERE user_id = $1 AND organisation_id = $2",
    )
    .bind(user_id)
    .bind(organisation_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(match row {
        Some(row) => delegation_in(&row)?,
        None => None,
    })
}

/// Records (or, with `None`, withdraws) a member's délégation de signature. False when the
/// person is not a member.
pub async fn set_delegation(
    db: &Db,
    user_id: &str,
    organisation_id: &str,
    delegation: Option<&SignatureDelegation>,
    (by, now): (&str, Instant),
) -> Result<bool, sqlx::Error> {
    let mut tx = db.pool.begin().await?;
    let arrete = delegation.map(|d| d.arrete.clone());
    let date = delegation.map(|d| d.date.format("%Y-%m-%d").to_string());
    let done = sqlx::query(
        "UPDATE memberships SET delegation_arrete = $1, delegation_date = $2 WHERE user_id = $3 AND organisation_id = $4",
    )
    .bind(arrete.clone())
    .bind(date.clone())
    .bind(user_id)
    .bind(organisation_id)
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        tx.rollback().await?;
        return Ok(false);
    }
    let chain = super::conventions::organisation_chain(organisation_id);
    let payload = serde_json::json!({ "user": user_id, "arrete": arrete, "date": date });
    super::conventions::record_in(&mut tx, chain, (by, "membership.delegation"), payload, now).await?;
    tx.commit().await?;
    Ok(true)
}

pub async fn find_by_name(db: &Db, name: &str) -> Result<Option<OrganisationSummary>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM organisations o WHERE o.name = $1 ORDER BY o.id LIMIT 1"
    )))
    .bind(name)
    .fetch_optional(&db.pool)
    .await?
    .as_ref()
    .map(summary)
    .transpose()
}

/// The prefecture organisations of a department.
pub async fn prefectures_of(db: &Db, department: &str) -> Result<Vec<OrganisationSummary>, sqlx::Error> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "SELECT {COLUMNS} FROM organisations o WHERE o.kind = 'prefecture' AND o.department = $1 ORDER BY o.name, o.id"
    )))
    .bind(department)
    .fetch_all(&db.pool)
    .await?
    .iter()
    .map(summary)
    .collect()
}
