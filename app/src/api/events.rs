//! Events: the list I may see, creating one, reading a plan with its coverage.
// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use super::plan_types::{EventSummary, OrganiserChoice, PlanPage};
use crate::error::AppError;

/// Events of my organisations, and for a prefecture those of its department.
#[server(endpoint = "list_events")]
pub async fn list_events() -> Result<Vec<EventSummary>, AppError> {
    use super::context::respond;
    respond(server::list().await)
}

/// The organiser organisations I belong to (to create an event with).
#[server(endpoint = "list_organiser_choices")]
pub async fn list_organiser_choices() -> Result<Vec<OrganiserChoice>, AppError> {
    use super::context::respond;
    respond(server::organiser_choices().await)
}

/// Creates an event organised by one of my organiser organisations. Returns its id.
#[server(endpoint = "create_event")]
pub async fn create_event(
    organisation_id: String,
    name: String,
    kind: String,
    commune_code: String,
    address: String,
    start: String,
    end: String,
    expected_attendance: String,
    behaviour: String,
    convention_coordination_en_vigueur: Option<String>,
    organisee_par_la_commune: Option<String>,
    but_lucratif: Option<String>,
    palpations_sous_controle_opj: Option<String>,
    /// The commune's police regime (CGCT L2214-4): `police_etat`, `gendarmerie`, or blank.
    regime_police: Option<String>,
    /// The day the declaration was filed with the maire (R211-22), `AAAA-MM-JJ`; blank: not filed.
    declaration_deposee_le: Option<String>,
) -> Result<String, AppError> {
    use super::context::run;
    use crate::service::plan_edits;
    let form = plan_edits::NewEvent {
        organisation_id,
        name,
        kind,
        commune_code,
        address,
        start,
        end,
        expected_attendance,
        behaviour,
        legal: crate::domain::plan::input::LegalInput {
            convention_coordination_en_vigueur,
            organisee_par_la_commune,
            but_lucratif,
            palpations_sous_controle_opj,
            regime_police,
            declaration_deposee_le,
        },
    };
    run(|state, user, now| async move {
        let id = plan_edits::create_event(&state, &user, form, now).await?;
        leptos_axum::redirect(&format!("/evenements/{id}"));
        Ok(id)
    })
    .await
}

/// « Reconduire l'événement »: next year's edition of an event I organise, starting at
/// `start` (its local time); redirects to the new event. Returns its id.
#[server(endpoint = "next_edition")]
pub async fn next_edition(event_id: String, start: String) -> Result<String, AppError> {
    use super::context::run;
    use crate::service::new_plans::{next_edition, Importer};
    run(|state, user, now| async move {
        let id = next_edition(&state, Importer::Member(&user), &event_id, &start, now).await?;
        leptos_axum::redirect(&format!("/evenements/{id}"));
        Ok(id)
    })
    .await
}

/// An event's plan as I may read it, with its coverage computed here (the authority).
#[server(endpoint = "get_plan")]
pub async fn get_plan(event_id: String) -> Result<PlanPage, AppError> {
    use super::context::respond;
    respond(server::plan(event_id).await)
}

/// Every finding of one rule in the plan, as I am shown them (the plan page carries each
/// rule's first ones only).
#[server(endpoint = "list_rule_findings")]
pub async fn list_rule_findings(
    event_id: String,
    rule: String,
) -> Result<Vec<crate::domain::compliance::Finding>, AppError> {
    use super::context::respond;
    respond(server::rule_findings(event_id, rule).await)
}

#[cfg(feature = "ssr")]
mod server {
    use super::{EventSummary, OrganiserChoice, PlanPage};
    use crate::api::context::{now, require_user, state};
    use crate::api::plan_context::plan_with_access;
    use crate::domain::plan::Event;
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::text;

    pub async fn list() -> Result<Vec<EventSummary>, AppError> {
        use crate::domain::convention::{
            census::local_day, deadline_status, due_date, tab_of, worklist_order, DeadlineStatus, DueDate, FileFacts,
            LeadTimes, Status,
        };
        let user = require_user().await?;
        let state = state()?;
        let viewer = crate::store::plans::viewer_of(&state.db, &user.id).await?;
        let rows = crate::store::plans::list_events(&state.db, &viewer).await?;
        let ids: Vec<String> = rows.iter().map(|r| r.id.clone()).collect();
        let files = crate::store::conventions::summaries(&state.db, &ids).await?;
        let lead_times = LeadTimes::defaults();
        let prefecture = !viewer.prefecture_departments.is_empty();
        let mut listed: Vec<(Option<DueDate>, EventSummary)> = Vec::with_capacity(rows.len());
        for row in rows {
            let event: Event = crate::store::plans::decode(&row.data)?;
            let zone = event.time_zone();
            let file = files.get(&row.id);
            let status = file.and_then(|f| Status::from_code(&f.status)).unwrap_or(Status::Brouillon);
            let due = due_date(&FileFacts::from_event(&event), &lead_times);
            let open = matches!(status, Status::Brouillon | Status::CorrectionsDemandees);
            let submitted = file.and_then(|f| f.submitted_at).map(|at| local_day(at, zone));
            let deadline = due.as_ref().map(|due| deadline_status(due, submitted, local_day(now(), zone), &lead_times));
            let flag = match deadline {
                Some(DeadlineStatus::AtRisk { .. }) if open => Some(text::DUE_AT_RISK),
                Some(DeadlineStatus::Late { .. }) if open => Some(text::DUE_LATE),
                Some(DeadlineStatus::FiledLate { .. }) => Some(text::DUE_FILED_LATE),
                _ => None,
            };
            let late = matches!(deadline, Some(DeadlineStatus::Late { .. }) if open)
                || matches!(deadline, Some(DeadlineStatus::FiledLate { .. }));
            // The worklist's tab, for a prefecture: opinions still awaited count there.
            let (tab, opinions_awaited) = if prefecture {
                let awaited = match file {
                    Some(_) => crate::store::conventions::opinions(&state.db, &row.id)
                        .await?
                        .iter()
                        .filter(|o| o.opinion.answer.is_none())
                        .count(),
                    None => 0,
                };
                (Some(tab_of(file.map(|_| status), awaited).code().to_string()), awaited)
            } else {
                (None, 0)
            };
            let summary = EventSummary {
                id: row.id,
                name: row.name,
                kind: event.kind().label().to_string(),
                commune: event.commune_name().to_string(),
                department: row.department,
                starts: format_long_fr(row.starts_at, zone),
                ends: format_long_fr(row.ends_at, zone),
                convention: if file.is_some() {
                    status.label().to_string()
                } else {
                    text::DOSSIER_NOT_FILED.to_string()
                },
                due: due.as_ref().map(|d| d.date.format("%d/%m/%Y").to_string()),
                due_flag: flag.map(str::to_string),
                status: status.code().to_string(),
                filed_on: submitted.map(|day| day.format("%d/%m/%Y").to_string()),
                tab,
                opinions_awaited,
                late,
            };
            listed.push((due, summary));
        }
        // A prefecture's worklist: late files first, then by due date, earliest first (the
        // store's order, by start, is kept among equals).
        if prefecture {
            listed.sort_by(|a, b| worklist_order((a.1.late, a.0.as_ref()), (b.1.late, b.0.as_ref())));
        }
        Ok(listed.into_iter().map(|(_, e)| e).collect())
    }

    pub async fn organiser_choices() -> Result<Vec<OrganiserChoice>, AppError> {
        let user = require_user().await?;
        let mine = crate::service::organisations::mine(&state()?, &user).await?;
        Ok(mine
            .into_iter()
            .filter(|m| m.organisation.kind.organises_events())
            .map(|m| OrganiserChoice { id: m.organisation.id, name: m.organisation.name })
            .collect())
    }

    /// Every finding of `rule` in the plan, as this reader is shown them.
    pub async fn rule_findings(
        event_id: String,
        rule: String,
    ) -> Result<Vec<crate::domain::compliance::Finding>, AppError> {
        let rule = crate::domain::compliance::RuleCode::from_code(&rule)
            .ok_or_else(|| AppError::invalid("rule", crate::text::CHOICE_INVALID))?;
        let (state, _, stored, access) = plan_with_access(&event_id).await?;
        let mut all = crate::service::findings::shown(&state, &stored, &access, now()).await?;
        all.retain(|f| f.rule == rule);
        Ok(all)
    }

    pub async fn plan(event_id: String) -> Result<PlanPage, AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        // Coverage counts the agents' qualifications and sex before they are reduced for
        // this reader, and only the deployments this reader may know of. The page draws the
        // gaps, not each need's staffing curve: the per-need intervals stay on the server.
        let on_now = crate::service::presence::now_on_plan(&state, &stored.plan, access.audience, now()).await?;
        let mut coverage = crate::service::coverage::of_plan(&state, &stored, access.audience);
        coverage.needs.clear();
        let findings = crate::service::findings::shown(&state, &stored, &access, now()).await?;
        // The page only shows and names the reader's own agents; the plan file (API) carries
        // the others as far as the reader may know them. Another participant's named agents are
        // counted, not identified (left out before the reader's view reduces them).
        let mut plan = stored.plan;
        plan.agents.retain(|a| access.edits_participant(a.participant_id()));
        let mut plan = plan.as_read_by(&access);
        plan.deployments = std::mem::take(&mut plan.deployments)
            .into_iter()
            .map(|d| if access.edits_participant(d.participant_id()) { d } else { d.with_agents_numbered() })
            .collect();
        // A city festival's thousands of findings: each rule's first ones and its count.
        let digest = crate::domain::compliance::digest(findings, crate::domain::compliance::SHOWN_PER_RULE);
        let flagged = plan
            .deployments
            .iter()
            .enumerate()
            .filter(|(_, d)| digest.flagged.contains(d.id()))
            .filter_map(|(i, _)| u32::try_from(i).ok())
            .collect();
        // Versions travel for what the reader may change, nothing else (the one rule of rights).
        use crate::domain::plan::RecordKind as K;
        let may = |kind, owner: Option<&str>| access.may_write(kind, owner);
        let mut editable: std::collections::BTreeSet<&str> = std::collections::BTreeSet::new();
        editable.extend(plan.zones.iter().filter(|_| may(K::Zone, None)).map(|z| z.id()));
        editable.extend(plan.posts.iter().filter(|_| may(K::Post, None)).map(|p| p.id()));
        editable.extend(plan.needs.iter().filter(|_| may(K::Need, None)).map(|n| n.id()));
        editable.extend(plan.agents.iter().filter(|a| may(K::Agent, Some(a.participant_id()))).map(|a| a.id()));
        editable
            .extend(plan.deployments.iter().filter(|d| may(K::Deployment, Some(d.participant_id()))).map(|d| d.id()));
        // A participant's members change its contact; the organiser, the rest.
        editable.extend(
            plan.participants
                .iter()
                .filter(|p| may(K::Participant, None) || access.edits_participant(p.id()))
                .map(|p| p.id()),
        );
        let to_confirm = plan
            .deployments
            .iter()
            .filter(|d| stored.to_confirm.contains(d.id()))
            .map(|d| d.id().to_string())
            .collect();
        let versions = stored.versions.into_iter().filter(|(id, _)| editable.contains(id.as_str())).collect();
        let time_zone = plan.event.time_zone().name().to_string();
        let directory =
            if access.organiser { crate::service::organisations::directory(&state, &user).await? } else { Vec::new() };
        let edition_of = match crate::store::releases::latest_number(&state.db, plan.event.id()).await? {
            None => crate::store::plan_io::edition_source(&state.db, plan.event.id()).await?,
            Some(_) => None,
        };
        Ok(PlanPage {
            plan,
            coverage,
            access,
            event_version: stored.event_version,
            versions,
            time_zone,
            findings: digest.shown,
            finding_tallies: digest.tallies,
            flagged,
            directory,
            edition_of,
            to_confirm,
            now: on_now,
        })
    }
}
