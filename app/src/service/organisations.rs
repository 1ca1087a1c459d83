//! Who manages an organisation: its administrators and the platform's. The one check behind
//! inviting and removing members.

use crate::domain::MembershipRole;
use crate::error::AppError;
use crate::store::users::UserRow;
use crate::store::{organisations, Db};

/// Ok when `user` manages `organisation_id`; anyone outside the organisation is told it does
/// not exist (404), a plain member is refused (403).
pub async fn require_manager(db: &Db, user: &UserRow, organisation_id: &str) -> Result<(), AppError> {
    if user.is_platform_admin {
        return Ok(());
    }
    match organisations::membership(db, &user.id, organisation_id).await? {
        None => Err(AppError::NotFound),
        Some(MembershipRole::Admin) => Ok(()),
        Some(_) => Err(AppError::Forbidden),
    }
}
