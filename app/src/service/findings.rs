//! What the compliance rules find, as each reader may read it: the plan page's list, and the
//! preview of a deployment being typed (`domain::compliance::preview_deployment`), both from
//! the department's rules and the server's context (instant, conventions in force, the risk
//! assessment's sizing).

use crate::domain::compliance::{
    check_plan, findings_shown_to, preview_deployment, ComplianceContext, Finding, RuleSet,
};
use crate::domain::plan::{EventAccess, Plan};
use crate::domain::Instant;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::users::UserRow;

/// The findings of the whole plan (a rule judges what is really planned), as this reader is
/// shown them ([`findings_shown_to`]).
pub fn as_read_by(plan: &Plan, access: &EventAccess, rules: &RuleSet, context: &ComplianceContext) -> Vec<Finding> {
    findings_shown_to(check_plan(plan, rules, context), plan, access)
}

/// « Aperçu de la conformité »: what the rules find about the deployment the form's (name,
/// value) `pairs` describe, before it is saved; `None` while the form is incomplete, or for a
/// deployment the person may not write.
pub async fn preview(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    pairs: &[(String, String)],
    now: Instant,
) -> Result<Option<Vec<Finding>>, AppError> {
    let (stored, access) = super::plan_edits::open(state, user, event_id).await?;
    let rules = super::rules::rules_for(&state.db, stored.plan.event.department().as_str()).await?;
    let context = super::convention::compliance_context(state, &stored.plan, now).await?;
    Ok(preview_deployment(&stored.plan, &access, &rules, &context, pairs))
}
