//! Whether a calendar link still serves: a link follows its creator. It serves only while
//! the person who made it still holds, today, the rights it was made with (membership of a
//! participant or organiser, the kind of organisation that reads restricted deployments);
//! otherwise it reads as unknown. A link made by the command line is the operator's and
//! serves as it was made until revoked.

use super::access::as_its_maker;
use crate::store::releases::FeedTokenRow;
use crate::store::Db;

/// Whether the link `row` may still be served, judged on its creator's rights now.
pub async fn creator_still_allowed(db: &Db, row: &FeedTokenRow) -> Result<bool, sqlx::Error> {
    // The operator's links (`cordon feed token`) have no person to follow.
    if row.created_by == crate::store::releases::COMMAND_LINE_CREATOR {
        return Ok(true);
    }
    let Some((stored, access)) = as_its_maker(db, &row.created_by, &row.event_id).await? else { return Ok(false) };
    let owner = match row.scope_kind.as_str() {
        "participant" => Some(row.scope_id.as_str()),
        "agent" => stored.plan.agents.iter().find(|a| a.id() == row.scope_id).map(|a| a.participant_id()),
        _ => None,
    };
    Ok(access.follows_feed(&row.scope_kind, owner, row.restricted))
}
