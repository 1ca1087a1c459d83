//! What the compliance rules find, as each reader may read it: the plan page's list, and the
//! preview of a deployment being typed (`domain::compliance::preview_deployment`), both from
//! the department's rules and the server's context (instant, conventions in force, the risk
//! assessment's sizing).

use crate::domain::compliance::{
    check_plan, findings_shown_to, preview_deployment, ComplianceContext, Finding, RuleSet,
};
use crate::domain::plan::EventAccess;
use crate::domain::Instant;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::plans::{memo, StoredPlan};
use crate::store::users::UserRow;

/// The findings of the whole plan as read (`stored`), as this reader is shown them
/// ([`findings_shown_to`]), under the department's rules and the server's context at `now`.
pub async fn shown(
    state: &AppState,
    stored: &StoredPlan,
    access: &EventAccess,
    now: Instant,
) -> Result<Vec<Finding>, AppError> {
    let plan = &stored.plan;
    let rules = super::rules::rules_for(&state.db, plan.event.department().as_str()).await?;
    let context = super::convention::compliance_context(state, plan, now).await?;
    Ok(findings_shown_to(of_plan(state, stored, &rules, &context), plan, access))
}

/// Every finding of the plan as read (`stored`) under `rules` and `context` — a rule judges
/// what is really planned: worked out once per revision of the plan and per rules and context
/// (their [`ComplianceContext::key`]) on this instance, where a city festival's checks take
/// most of its page's time.
fn of_plan(state: &AppState, stored: &StoredPlan, rules: &RuleSet, context: &ComplianceContext) -> Vec<Finding> {
    let key = format!("findings|{}", context.key(rules, stored.plan.event.time_zone()));
    memo(&state.db, stored, &key, || check_plan(&stored.plan, rules, context))
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
