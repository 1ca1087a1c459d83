//! The evaluation after the event (RETEX): the one place every door of it goes through. It
//! reads the plan with the person's access, decides with the domain's rule
//! ([`crate::domain::evaluation::may`]) and writes through the store; it also sends, once,
//! the reminders before the deadline.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::convention::role_of;
use super::plan_edits::open;
use crate::domain::convention::census::local_day;
use crate::domain::evaluation::{may, parse_assessment, EvaluationAction, EvaluationPart, EvaluationState};
use crate::domain::plan::{Audience, EventAccess, Plan};
use crate::domain::time::format_long_fr;
use crate::domain::{Instant, OrganisationKind};
use crate::error::AppError;
use crate::read_models::evaluation::{EvaluationPage, PartLine};
use crate::state::{AppState, OutgoingMail};
use crate::store::evaluations::{self, Change, StoredEvaluation};
use crate::store::plans::StoredPlan;
use crate::store::users::UserRow;
use crate::{store, text};

/// The participants asked for a part: every one but the prefecture (which writes the
/// assessment), with whether its organisation is a State force.
async fn asked(state: &AppState, plan: &Plan) -> Result<Vec<(String, bool)>, AppError> {
    let organisations: Vec<&str> = plan.participants.iter().map(|p| p.organisation_id()).collect();
    let kinds = store::organisations::kinds_of(&state.db, &organisations).await?;
    Ok(plan
        .participants
        .iter()
        .filter_map(|p| {
            let kind = kinds.get(p.organisation_id()).copied();
            (kind != Some(OrganisationKind::Prefecture))
                .then(|| (p.id().to_string(), kind.is_some_and(OrganisationKind::is_state_force)))
        })
        .collect())
}

/// The plan the evaluation sets the parts against: the latest release (what the participants
/// received), else the plan as it stands.
async fn planned(state: &AppState, stored: &StoredPlan) -> Result<Plan, AppError> {
    let event_id = stored.plan.event.id();
    let release = match store::releases::latest_number(&state.db, event_id).await? {
        Some(number) => store::releases::get(&state.db, event_id, number).await?,
        None => None,
    };
    Ok(release.map_or_else(|| stored.plan.clone(), |r| r.plan().clone()))
}

fn state_of(stored: &StoredPlan, evaluation: &StoredEvaluation, now: Instant) -> EvaluationState {
    EvaluationState::of(&stored.plan.event, evaluation.deadline, evaluation.closed_at, now)
}

/// The evaluation page as `user` may read it.
pub async fn page(state: &AppState, user: &UserRow, event_id: &str, now: Instant) -> Result<EvaluationPage, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let event = &stored.plan.event;
    let role = role_of(&state.db, user, &access, event.department()).await?;
    let evaluation = evaluations::get(&state.db, event_id).await?;
    let current = state_of(&stored, &evaluation, now);
    let plan = planned(state, &stored).await?.for_audience(access.audience);
    let parts = evaluations::parts(&state.db, event_id).await?;
    let asked = asked(state, &stored.plan).await?;
    let zone = event.time_zone();
    let reads_restricted = access.audience == Audience::StateAndPrefecture;
    let mut lines: Vec<PartLine> = asked
        .iter()
        .filter_map(|(id, state_force)| {
            let participant = stored.plan.participant(id)?;
            let stored_part = parts.iter().find(|p| &p.participant_id == id);
            let readable = !*state_force || reads_restricted || access.edits_participant(id);
            Some(PartLine {
                participant_id: id.clone(),
                name: participant.name().to_string(),
                role: participant.role().label().to_string(),
                planned_peak: crate::domain::plan::peak_headcount(
                    plan.deployments.iter().filter(|d| d.participant_id() == id),
                ),
                part: stored_part.filter(|_| readable).map(|p| p.part.clone()),
                updated: stored_part.filter(|_| readable).map(|p| format_long_fr(p.updated_at, zone)),
                version: stored_part.filter(|_| readable).map_or(0, |p| p.version),
                mine: may(role, &access, &EvaluationAction::WritePart(id.clone()), current).is_ok(),
                withheld: !readable,
            })
        })
        .collect();
    lines.sort_by(|a, b| a.name.cmp(&b.name));
    // Counted over the parts this reader may read (a withheld part's existence is not told),
    // before the proposals below.
    let written = lines.iter().filter(|l| !l.withheld && l.part.is_some()).count();
    let expected = lines.iter().filter(|l| !l.withheld).count();
    // A part not written yet proposes its incidents from the day's log: what its organisation
    // wrote there of an incident, a request for reinforcements or first aid.
    if lines.iter().any(|l| l.mine && l.part.is_none()) {
        let entries = super::operations::readable_entries(state, user, event_id).await?;
        for line in lines.iter_mut().filter(|l| l.mine && l.part.is_none()) {
            let Some(participant) = stored.plan.participant(&line.participant_id) else { continue };
            let incidents = crate::domain::operations::incidents_of(
                &entries,
                participant.organisation_id(),
                zone,
                crate::domain::evaluation::MAX_EVALUATION_TEXT,
            );
            if !incidents.is_empty() {
                line.part = Some(crate::domain::evaluation::EvaluationPart {
                    headcount_present: None,
                    incidents,
                    difficulties: String::new(),
                    proposals: String::new(),
                });
            }
        }
    }
    let allowed = |action: EvaluationAction| may(role, &access, &action, current).is_ok();
    Ok(EvaluationPage {
        event_id: event_id.to_string(),
        event_name: event.name().to_string(),
        state: current.label(),
        state_code: current.code().to_string(),
        deadline: evaluation
            .deadline
            .unwrap_or_else(|| crate::domain::evaluation::default_deadline(event))
            .format("%Y-%m-%d")
            .to_string(),
        written,
        expected,
        lines,
        organiser_assessment: evaluation.organiser_assessment,
        prefecture_assessment: evaluation.prefecture_assessment,
        version: evaluation.version,
        writes_organiser_assessment: allowed(EvaluationAction::WriteOrganiserAssessment),
        writes_prefecture_assessment: allowed(EvaluationAction::WritePrefectureAssessment),
    })
}

/// The form of a participant's part.
pub struct PartForm {
    pub participant_id: String,
    pub version: String,
    pub headcount_present: String,
    pub incidents: String,
    pub difficulties: String,
    pub proposals: String,
}

/// The event, the person's access and role, and where the evaluation stands.
async fn context(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    now: Instant,
) -> Result<(StoredPlan, EventAccess, crate::domain::convention::ActorRole, StoredEvaluation, EvaluationState), AppError>
{
    let (stored, access) = open(state, user, event_id).await?;
    let role = role_of(&state.db, user, &access, stored.plan.event.department()).await?;
    let evaluation = evaluations::get(&state.db, event_id).await?;
    let current = state_of(&stored, &evaluation, now);
    Ok((stored, access, role, evaluation, current))
}

/// « Enregistrer ma contribution »: a participant's members write its part.
pub async fn save_part(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    form: PartForm,
    now: Instant,
) -> Result<(), AppError> {
    let (_, access, role, _, current) = context(state, user, event_id, now).await?;
    let participant = form.participant_id.trim().to_string();
    may(role, &access, &EvaluationAction::WritePart(participant.clone()), current).map_err(AppError::Refused)?;
    let part = EvaluationPart::parse(&form.headcount_present, &form.incidents, &form.difficulties, &form.proposals)?;
    let based_on = super::plan_edits::based_on_or_new(&form.version)?;
    if !evaluations::save_part(&state.db, event_id, &participant, &part, &user.id, based_on, now).await? {
        return Err(AppError::Stale { message: text::EVALUATION_STALE.into() });
    }
    tracing::info!(event = %event_id, participant = %participant, by = %user.id, "evaluation part saved");
    Ok(())
}

/// The organiser's or the prefecture's assessment, whichever `user` writes.
pub async fn save_assessment(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    version: &str,
    assessment: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (_, access, role, _, current) = context(state, user, event_id, now).await?;
    let text_typed = parse_assessment(assessment)?;
    let change = if may(role, &access, &EvaluationAction::WriteOrganiserAssessment, current).is_ok() {
        Change::OrganiserAssessment(&text_typed)
    } else {
        may(role, &access, &EvaluationAction::WritePrefectureAssessment, current).map_err(AppError::Refused)?;
        Change::PrefectureAssessment(&text_typed)
    };
    if !evaluations::change(
        &state.db,
        event_id,
        change,
        &user.id,
        Some(super::plan_edits::based_on_or_new(version)?),
        now,
    )
    .await?
    {
        return Err(AppError::Stale { message: text::EVALUATION_STALE.into() });
    }
    Ok(())
}

/// The contributions' deadline (the prefecture).
pub async fn set_deadline(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    (raw, version): (&str, &str),
    now: Instant,
) -> Result<(), AppError> {
    let (_, access, role, evaluation, current) = context(state, user, event_id, now).await?;
    may(role, &access, &EvaluationAction::SetDeadline, current).map_err(AppError::Refused)?;
    let day = NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("deadline", text::EVALUATION_DEADLINE_INVALID))?;
    let based_on = super::plan_edits::based_on_or_new(version)?;
    unchanged_since(&evaluation, based_on)?;
    if !evaluations::change(&state.db, event_id, Change::Deadline(day), &user.id, Some(based_on), now).await? {
        return Err(AppError::Stale { message: text::EVALUATION_STALE.into() });
    }
    Ok(())
}

/// A change based on the evaluation at `based_on` when it has moved on since: refused, nobody's
/// change lost (the page then shows the newer one).
fn unchanged_since(evaluation: &StoredEvaluation, based_on: i64) -> Result<(), AppError> {
    if evaluation.version == based_on {
        Ok(())
    } else {
        Err(AppError::Stale { message: text::EVALUATION_STALE.into() })
    }
}

/// « Clôturer l'évaluation » (the prefecture, its assessment written), from the evaluation as
/// its page showed it (`version`).
pub async fn close(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    version: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (_, access, role, evaluation, current) = context(state, user, event_id, now).await?;
    let written = !evaluation.prefecture_assessment.trim().is_empty();
    may(role, &access, &EvaluationAction::Close { prefecture_assessment_written: written }, current)
        .map_err(AppError::Refused)?;
    let based_on = super::plan_edits::based_on_or_new(version)?;
    unchanged_since(&evaluation, based_on)?;
    if !evaluations::change(&state.db, event_id, Change::Close, &user.id, Some(based_on), now).await? {
        return Err(AppError::Stale { message: text::EVALUATION_STALE.into() });
    }
    tracing::info!(event = %event_id, by = %user.id, "evaluation closed");
    Ok(())
}

/// Days before the deadline the reminders go.
pub const REMINDER_DAYS: i64 = 3;

/// Sends, once per event, a reminder to the members of each participant whose part is still
/// missing, when the deadline is at most [`REMINDER_DAYS`] days away (and not passed). Run by
/// the housekeeping task; returns how many e-mails went.
pub async fn send_reminders(state: &AppState, now: Instant) -> Result<usize, sqlx::Error> {
    // An evaluation stays open until the prefecture closes it, its deadline set as it sees fit:
    // the events of the last year are looked at.
    let events = evaluations::ended_between(&state.db, Instant(now.0 - 366 * 86_400_000), now).await?;
    let mut sent = 0;
    for event_id in events {
        let Some(stored) = store::plans::load_plan(&state.db, &event_id).await? else { continue };
        let evaluation = evaluations::get(&state.db, &event_id).await?;
        let EvaluationState::Open { deadline, late: false } = state_of(&stored, &evaluation, now) else { continue };
        let today = local_day(now, stored.plan.event.time_zone());
        if evaluation.reminded_at.is_some() || (deadline - today).num_days() > REMINDER_DAYS {
            continue;
        }
        if !evaluations::mark_reminded(&state.db, &event_id, now).await? {
            continue; // another instance sent them
        }
        let written: BTreeSet<String> =
            evaluations::parts(&state.db, &event_id).await?.into_iter().map(|p| p.participant_id).collect();
        let asked = match asked(state, &stored.plan).await {
            Ok(asked) => asked,
            Err(_) => continue,
        };
        let link = format!("{}/evenements/{event_id}/evaluation", state.settings.base_url);
        let day = deadline.format("%d/%m/%Y").to_string();
        for (participant_id, _) in asked.iter().filter(|(id, _)| !written.contains(id)) {
            let Some(participant) = stored.plan.participant(participant_id) else { continue };
            for member in store::organisations::members(&state.db, participant.organisation_id()).await? {
                let mail = OutgoingMail {
                    to: member.email,
                    subject: text::evaluation_reminder_subject(stored.plan.event.name()),
                    body: text::evaluation_reminder_body(participant.name(), stored.plan.event.name(), &day, &link),
                    attachment: None,
                };
                match state.mail.send(mail).await {
                    Ok(()) => sent += 1,
                    Err(e) => tracing::error!(error = %e, event = %event_id, "evaluation reminder could not be sent"),
                }
            }
        }
    }
    Ok(sent)
}
