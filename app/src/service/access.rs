//! One event's plan as one person may use it: loaded once, with the access the domain
//! decides from what that person's organisations are ([`event_access`]), and the tag that
//! names the versions the person read (the JSON API's `ETag`); and the department a
//! prefecture's member acts for.

use sha2::{Digest, Sha256};

use crate::domain::document::lower_hex;
use crate::domain::plan::{event_access, EventAccess};
use crate::error::AppError;
use crate::store::plans::{load_plan, viewer_of, StoredPlan};
use crate::store::users::UserRow;
use crate::store::Db;

/// The plan of `event_id` and `user_id`'s access to it; `None` when the event does not exist
/// or that person has no access to it (the two read the same: "not found").
pub async fn plan_for(
    db: &Db,
    user_id: &str,
    event_id: &str,
) -> Result<Option<(StoredPlan, EventAccess)>, sqlx::Error> {
    let Some(stored) = load_plan(db, event_id).await? else { return Ok(None) };
    let viewer = viewer_of(db, user_id).await?;
    let department = stored.plan.event.department();
    let access =
        event_access(&viewer, &stored.organiser_organisation_id, department.as_str(), &stored.plan.participants);
    Ok(access.map(|access| (stored, access)))
}

/// The plan of `event_id` and the access its maker holds today, for a link someone made (a
/// calendar link, an agent's check-in link): a link follows its maker's rights, so `None` once
/// that person's account is disabled or it no longer reads the event. The caller judges the
/// link's own scope against the access.
pub async fn as_its_maker(
    db: &Db,
    created_by: &str,
    event_id: &str,
) -> Result<Option<(StoredPlan, EventAccess)>, sqlx::Error> {
    if !crate::store::users::is_active(db, created_by).await? {
        return Ok(None);
    }
    plan_for(db, created_by, event_id).await
}

/// The department of `user`'s prefecture: what a prefecture's own pages (its rules, its model
/// of the convention, its registry and census) act on. Refused (403) to anyone who is not a
/// member of a prefecture, from what its organisations are.
pub async fn prefecture_department(db: &Db, user: &UserRow) -> Result<String, AppError> {
    let viewer = viewer_of(db, &user.id).await?;
    viewer.prefecture_departments.first().cloned().ok_or(AppError::Forbidden)
}

/// A tag of the versions of the event and of every record `access` reads: it changes with
/// any change the reader could see, and never with one it could not (a restricted deployment
/// hidden from it), so it tells nothing of those.
pub fn plan_tag(stored: &StoredPlan, access: &EventAccess) -> String {
    let visible = stored.plan.clone().as_read_by(access);
    let mut ids: Vec<&str> = Vec::new();
    ids.extend(visible.zones.iter().map(|r| r.id()));
    ids.extend(visible.posts.iter().map(|r| r.id()));
    ids.extend(visible.participants.iter().map(|r| r.id()));
    ids.extend(visible.agents.iter().map(|r| r.id()));
    ids.extend(visible.needs.iter().map(|r| r.id()));
    ids.extend(visible.deployments.iter().map(|r| r.id()));
    ids.sort_unstable();
    let mut digest = Sha256::new();
    digest.update(format!("event:{}\n", stored.event_version));
    for id in ids {
        digest.update(format!("{id}:{}\n", stored.versions.get(id).copied().unwrap_or(0)));
    }
    format!("\"{}\"", &lower_hex(&digest.finalize())[..32])
}
