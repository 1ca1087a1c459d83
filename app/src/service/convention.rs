//! The event's convention file (server side): its page for one reader, and every move of it —
//! the approval workflow (file, take up, ask corrections, approve, refuse, close, withdraw,
//! comment), opinions asked and answered, the organiser's risk assessment and the amendments.
//! Each takes the signed-in person, the event and one typed input, decides the person's role
//! from what its organisations are (`ActorRole`), lets the domain's state machine decide, and
//! writes the change with its entry of the file's audit chain. Server functions, the HTTP
//! documents and the command line call these; nothing else writes a file.

use serde_json::json;
use sha2::{Digest, Sha256};

use super::plan_edits::open;
use super::rules::{rules_for, sizing_for};
use crate::domain::compliance::{check_plan, ComplianceContext, ConventionInForce, Severity};
use crate::domain::convention::attachment::{size_fr, AttachmentKind, AttachmentMeta};
use crate::domain::convention::RiskFormInput;
use crate::domain::convention::{
    compare, provided, size, BehaviourP2, RiskAssessment, RiskAssessmentDraft, SiteE1, SizingParameters, ThreatLevel,
};
use crate::domain::convention::{
    deadline_status, deadline_warning, due_date, overlapping, transition, verify, Action, ActorRole, ConsultedBody,
    Dossier, DossierState, FileFacts, LeadTimes, Opinion, OpinionError, OpinionRequest, OpinionStatus, Status, Verdict,
    WorkflowError,
};
use crate::domain::document::{build_convention, render_html, ConventionDocument, ConventionInputs, Stamp};
use crate::domain::document::{risk_section, Amendment, AmendmentAuthor, ArticleId, RiskSection};
use crate::domain::geo::Department;
use crate::domain::plan::{local_instant, EventAccess, ParticipantRole, Plan};
use crate::domain::release::{Release, ReleaseNumber};
use crate::domain::time::format_long_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::convention::{
    AmendmentLine, ApprovedLink, AttachmentLine, Choice, ConventionPage, OpinionLine, RiskForm, ThreadLine,
    WorkflowChoice,
};
use crate::state::{AppState, OutgoingMail};
use crate::store::conventions::StoredInputs;
use crate::store::conventions::{self as files, event_chain, ApprovedPdf, Move, NewEntry, StoredFile};
use crate::store::users::UserRow;
use crate::store::{self, Db};
use crate::text;

/// The reference of an event's convention: "CLCS-13-1A2B3C4D", from the department and
/// the start of the event's id.
pub fn default_reference(department: &str, event_id: &str) -> String {
    let short: String = event_id.chars().filter(char::is_ascii_hexdigit).take(8).collect();
    format!("CLCS-{department}-{}", short.to_uppercase())
}

/// The role of the caller for the workflow.
pub(crate) async fn role_of(
    db: &Db,
    user: &UserRow,
    access: &EventAccess,
    department: &Department,
) -> Result<ActorRole, AppError> {
    let viewer = store::plans::viewer_of(db, &user.id).await?;
    let prefecture = viewer.prefecture_departments.iter().find(|d| d.as_str() == department.as_str());
    let prefecture = prefecture.and_then(|d| Department::parse(d));
    Ok(ActorRole::of(access.organiser, prefecture.as_ref(), !access.own_participant_ids.is_empty(), department))
}

/// The stored file, or a new one in brouillon on the latest release (not stored until its
/// first move). `None` when nothing was published.
async fn file_or_draft(db: &Db, event_id: &str, department: &str) -> Result<Option<(StoredFile, bool)>, AppError> {
    if let Some(file) = files::get_file(db, event_id).await? {
        return Ok(Some((file, true)));
    }
    let Some(latest) = store::releases::latest_number(db, event_id).await?.and_then(ReleaseNumber::new) else {
        return Ok(None);
    };
    let file = StoredFile {
        dossier: Dossier::new(latest),
        reference: default_reference(department, event_id),
        submitted_at: None,
        version: 0,
    };
    Ok(Some((file, false)))
}

/// Candidate moves, with a placeholder message to ask the state machine what it accepts.
fn candidates() -> Vec<Action> {
    let m = || "—".to_string();
    vec![
        Action::Submit,
        Action::TakeUp,
        Action::RequestCorrections { message: m() },
        Action::Approve,
        Action::Refuse { reasons: m() },
        Action::Close { reason: m() },
        Action::Withdraw,
    ]
}

fn action_of(code: &str, message: &str) -> Option<Action> {
    let m = message.to_string();
    Some(match code {
        "submit" => Action::Submit,
        "take_up" => Action::TakeUp,
        "request_corrections" => Action::RequestCorrections { message: m },
        "approve" => Action::Approve,
        "refuse" => Action::Refuse { reasons: m },
        "close" => Action::Close { reason: m },
        "withdraw" => Action::Withdraw,
        "comment" => Action::Comment { text: m },
        _ => return None,
    })
}

fn needs_message(action: &Action) -> bool {
    matches!(
        action,
        Action::RequestCorrections { .. } | Action::Refuse { .. } | Action::Close { .. } | Action::Comment { .. }
    )
}

fn state_message(state: &DossierState) -> Option<String> {
    match state {
        DossierState::CorrectionsDemandees { message } => Some(message.clone()),
        DossierState::Refusee { reasons } => Some(reasons.clone()),
        DossierState::ClasseeSansSuite { reason } => Some(reason.clone()),
        _ => None,
    }
}

pub async fn page(state: &AppState, user: &UserRow, event_id: &str, now: Instant) -> Result<ConventionPage, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let event = &stored.plan.event;
    let zone = event.time_zone();
    let department = event.department().clone();
    let role = role_of(&state.db, user, &access, &department).await?;
    let latest = store::releases::latest_number(&state.db, event_id).await?;
    let file = file_or_draft(&state.db, event_id, department.as_str()).await?;
    let chain = files::chain(&state.db, &event_chain(event_id)).await?;
    let today = crate::domain::convention::census::local_day(now, zone);
    let lead_times = LeadTimes::defaults();
    let due = due_date(&FileFacts::from_event(event), &lead_times);
    let (due_text, warning) = match &due {
        Some(due) => {
            let submitted = file
                .as_ref()
                .and_then(|(f, _)| f.submitted_at)
                .map(|at| crate::domain::convention::census::local_day(at, zone));
            let status = deadline_status(due, submitted, today, &lead_times);
            let why = text::deadline_why(due.months, due.case.label());
            (Some(text::dossier_due(&due.date.format("%d/%m/%Y").to_string(), &why)), deadline_warning(due, status))
        }
        None => (None, None),
    };
    let thread = chain
        .iter()
        .map(|entry| {
            let payload: serde_json::Value = serde_json::from_str(&entry.payload).unwrap_or_default();
            let field = |name: &str| payload.get(name).and_then(|v| v.as_str()).map(str::to_string);
            ThreadLine {
                seq: entry.seq,
                at: format_long_fr(entry.at, zone),
                author: field("author").unwrap_or_else(|| "Cordon".into()),
                what: text::dossier_event(&entry.kind).to_string(),
                text: field("message").filter(|m| !m.is_empty()),
            }
        })
        .collect();
    let approved = files::approved(&state.db, event_id)
        .await?
        .into_iter()
        .map(|row| ApprovedLink {
            label: text::dossier_approved_line(
                row.cycle,
                row.release_number,
                &format_long_fr(row.approved_at, zone),
                &row.approved_by,
            ),
            url: format!("/evenements/{event_id}/convention/approuvee-{}.pdf", row.cycle),
            sha256: row.pdf_sha256,
        })
        .collect();
    let opinions = opinion_lines(&state.db, event_id, &access, role, zone, now).await?;
    let stored_inputs = files::inputs(&state.db, event_id).await?;
    let status = file.as_ref().map(|(f, _)| f.dossier.state.status());
    let may_edit_inputs = role == ActorRole::Organiser && organiser_edits(status);
    let may_amend = may_edit_inputs || (role == ActorRole::PrefectureInstructor && prefecture_amends(status));
    let risk_form = risk_form(&stored.plan, stored_inputs.risk.as_ref());
    let sizing = sizing_for(&state.db, stored.plan.event.department().as_str()).await?;
    let risk_lines =
        stored_inputs.risk.as_ref().map(|risk| axis_one(&stored.plan, risk, &sizing).lines).unwrap_or_default();
    let amendments = amendment_lines(&stored_inputs.amendments, role, status);
    let articles =
        ArticleId::ALL.iter().map(|a| Choice { value: a.code().into(), label: a.label().into() }).collect::<Vec<_>>();
    let attached = store::attachments::list(&state.db, event_id).await?;
    let attachment_count = attached.len();
    let attachments = attachment_lines(event_id, attached);
    let attachment_kinds = choices(&AttachmentKind::ALL, AttachmentKind::code, AttachmentKind::label);
    let Some((file, _)) = file else {
        return Ok(ConventionPage {
            opinions,
            opinion_targets: Vec::new(),
            risk_form,
            risk_lines,
            may_edit_inputs,
            inputs_version: stored_inputs.version,
            amendments,
            may_amend: may_edit_inputs,
            articles,
            attachments,
            may_attach: may_edit_inputs,
            attachment_kinds,
            blocking: Vec::new(),
            filing: Vec::new(),
            event_name: event.name().to_string(),
            reference: default_reference(department.as_str(), event_id),
            status: Status::Brouillon.code().into(),
            status_label: Status::Brouillon.label().into(),
            state_message: Some(text::DOSSIER_NOTHING_PUBLISHED.into()),
            release: None,
            cycle: text::dossier_cycle(1),
            newer_release: None,
            due: due_text,
            warning,
            actions: Vec::new(),
            may_comment: false,
            thread,
            approved,
            preview_url: None,
            chain_intact: verify(&chain).is_ok(),
        });
    };
    let dossier = &file.dossier;
    let blocking = match store::releases::get(&state.db, event_id, dossier.release.get()).await? {
        Some(release) if role != ActorRole::Participant => blocking_findings(state, &release, &access, now).await?,
        _ => Vec::new(),
    };
    let risk_assessed = stored_inputs.risk.is_some();
    let filing_refused = crate::domain::convention::filing::filing_refusal(risk_assessed, &blocking);
    // The organiser sees what filing needs while the file may be filed (or filed again).
    let filing = if transition(dossier, &Action::Submit, role).is_ok() {
        crate::domain::convention::filing::filing_checklist(risk_assessed, &blocking, attachment_count)
    } else {
        Vec::new()
    };
    let actions = candidates()
        .into_iter()
        .filter(|a| transition(dossier, a, role).is_ok())
        .filter(|a| filing_refused.is_none() || !matches!(a, Action::Submit))
        .map(|a| WorkflowChoice {
            code: a.code().into(),
            label: text::dossier_button(a.code()).into(),
            needs_message: needs_message(&a),
        })
        .collect();
    let filed = dossier.release.get();
    // Approving before any consulted body has answered is allowed, but said.
    let warning = match warning {
        None if role == ActorRole::PrefectureInstructor
            && transition(dossier, &Action::Approve, role).is_ok()
            && !opinions.iter().any(|o| o.verdict.is_some()) =>
        {
            Some(text::OPINION_NONE_RECEIVED.to_string())
        }
        kept => kept,
    };
    let opinion_targets =
        if role == ActorRole::PrefectureInstructor && may_ask(dossier) { targets(&stored.plan) } else { Vec::new() };
    Ok(ConventionPage {
        opinions,
        opinion_targets,
        risk_form,
        risk_lines,
        may_edit_inputs,
        inputs_version: stored_inputs.version,
        amendments,
        may_amend,
        articles,
        attachments,
        may_attach: may_edit_inputs,
        attachment_kinds,
        blocking,
        filing,
        event_name: event.name().to_string(),
        reference: file.reference.clone(),
        status: dossier.state.status().code().into(),
        status_label: dossier.state.status().label().into(),
        state_message: state_message(&dossier.state),
        release: Some(text::dossier_release(filed)),
        cycle: text::dossier_cycle(dossier.cycle),
        newer_release: latest.filter(|&n| n > filed).map(|n| text::dossier_newer_release(filed, n)),
        due: due_text,
        warning,
        actions,
        may_comment: role != ActorRole::Other,
        thread,
        approved,
        preview_url: Some(format!("/evenements/{event_id}/convention.pdf")),
        chain_intact: verify(&chain).is_ok(),
    })
}

/// What the checks of `plan` need besides the rules: the conventions in force, the file's
/// shared risk assessment and the department's sizing coefficients (so that the first-aid
/// finding and Article 4 of the convention are one computation), and the intercommunalities
/// of the communes concerned (L512-3).
pub async fn compliance_context(state: &AppState, plan: &Plan, at: Instant) -> Result<ComplianceContext, AppError> {
    let db = &state.db;
    let event = &plan.event;
    let stored = files::inputs(db, event.id()).await?;
    let model = store::department_convention::get(db, event.department().as_str()).await?;
    let mut context = ComplianceContext::at(at);
    context.conventions_in_force = conventions_for(db, event).await?;
    context.risk = stored.risk;
    context.sizing = model.sizing;
    context.intercommunalities = state.communes.intercommunalities(crate::domain::compliance::communes_concerned(plan));
    Ok(context)
}

/// The blocking findings of `release`'s plan under the department's rules, as sentences.
async fn blocking_findings(
    state: &AppState,
    release: &Release,
    reader: &EventAccess,
    now: Instant,
) -> Result<Vec<String>, AppError> {
    let rules = rules_for(&state.db, release.plan().event.department().as_str()).await?;
    let context = compliance_context(state, release.plan(), now).await?;
    let findings = check_plan(release.plan(), &rules, &context);
    Ok(crate::domain::compliance::findings_as_read_by(findings, release.plan(), reader)
        .into_iter()
        .filter(|f| f.severity == Severity::Bloquant)
        .map(|f| format!("{} ({})", f.message, f.reference))
        .collect())
}

/// The organiser changes the convention's inputs while the file is in its hands.
pub(super) fn organiser_edits(status: Option<Status>) -> bool {
    matches!(status, None | Some(Status::Brouillon) | Some(Status::CorrectionsDemandees))
}

/// The instructor amends a filed file until it is decided.
fn prefecture_amends(status: Option<Status>) -> bool {
    matches!(status, Some(Status::Deposee) | Some(Status::EnInstruction) | Some(Status::CorrectionsDemandees))
}

fn choices<T: Copy>(all: &[T], code: fn(T) -> &'static str, label: fn(T) -> &'static str) -> Vec<Choice> {
    all.iter().map(|&v| Choice { value: code(v).into(), label: label(v).into() }).collect()
}

fn risk_form(plan: &Plan, risk: Option<&RiskAssessment>) -> RiskForm {
    let draft: RiskAssessmentDraft = match risk {
        Some(risk) => risk.clone().into(),
        None => RiskAssessmentDraft::from_event(&plan.event),
    };
    RiskForm {
        values: RiskFormInput::from_draft(draft),
        behaviours: choices(BehaviourP2::ALL, BehaviourP2::code, BehaviourP2::label),
        sites: choices(SiteE1::ALL, SiteE1::code, SiteE1::label),
        threats: choices(ThreatLevel::ALL, ThreatLevel::code, ThreatLevel::label),
    }
}

/// Axis 1 of the convention for `plan` with `risk` (national sizing parameters).
/// Axis 1 of `plan` sized with the coefficients of its department.
fn axis_one(plan: &Plan, risk: &RiskAssessment, parameters: &SizingParameters) -> RiskSection {
    let provision = provided(plan);
    let sizing = size(risk, provision.static_posts, parameters);
    risk_section(risk, &sizing, &compare(&sizing, &provision))
}

fn amendment_lines(amendments: &[Amendment], role: ActorRole, status: Option<Status>) -> Vec<AmendmentLine> {
    amendments
        .iter()
        .enumerate()
        .map(|(index, a)| AmendmentLine {
            index,
            article: a.article.label().into(),
            author: a.author.label().into(),
            text: a.text.clone(),
            may_remove: match a.author {
                AmendmentAuthor::Organisateur => role == ActorRole::Organiser && organiser_edits(status),
                AmendmentAuthor::Prefecture => role == ActorRole::PrefectureInstructor && prefecture_amends(status),
            },
        })
        .collect()
}

/// The attachments as the page lists them, each with its download address.
fn attachment_lines(event_id: &str, attached: Vec<AttachmentMeta>) -> Vec<AttachmentLine> {
    attached
        .into_iter()
        .map(|a| AttachmentLine {
            label: text::attachment_line(a.kind.label(), &a.file_name, &size_fr(a.size)),
            url: format!("/evenements/{event_id}/convention/pieces/{}", a.id),
            file_name: a.file_name,
            id: a.id,
        })
        .collect()
}

/// The instructor's request for an opinion: `target` is `participant:ID`, `maire`, `sdis` or
/// `autre` (then `body_name` names it); `deadline` is a date, the end of that day in the
/// event's zone.
pub struct OpinionAsk {
    pub target: String,
    pub body_name: String,
    pub question: String,
    pub deadline: String,
}

/// The caller's role, the file's status and the stored inputs, for a change of the inputs.
/// `based_on` is the version of the assessment and amendments the caller's page showed (`"0"`
/// when none were saved yet), for a change of them: required, and a change based on an
/// outdated one is refused (nobody's change is lost, no amendment other than the one shown is
/// removed). Attachments, records of their own, pass `None`.
pub(super) async fn inputs_context(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    based_on: Option<&str>,
) -> Result<(ActorRole, Option<Status>, StoredInputs), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let role = role_of(&state.db, user, &access, stored.plan.event.department()).await?;
    let based_on = based_on.map(super::plan_edits::based_on_or_new).transpose()?;
    let status = files::get_file(&state.db, event_id).await?.map(|f| f.dossier.state.status());
    let inputs = files::inputs(&state.db, event_id).await?;
    if based_on.is_some_and(|v| v != inputs.version) {
        return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
    }
    Ok((role, status, inputs))
}

/// Saves the inputs and records the change in the file's chain.
async fn save_inputs(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    inputs: &StoredInputs,
    kind: &str,
    message: String,
    at: Instant,
) -> Result<(), AppError> {
    let entry = input_change_entry(state, user, event_id, kind, message, at).await?;
    if !files::save_inputs(&state.db, event_id, inputs, &user.id, &entry, at).await? {
        return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
    }
    Ok(())
}

/// The chain entry of a change of the file's inputs (assessment, amendments, attachments),
/// with the author as the thread shows it; written in the change's own transaction.
pub(super) async fn input_change_entry(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    kind: &str,
    message: String,
    at: Instant,
) -> Result<NewEntry, AppError> {
    Ok(NewEntry {
        chain: event_chain(event_id),
        at,
        actor: user.id.clone(),
        kind: kind.into(),
        payload: json!({ "author": author(&state.db, user).await?, "message": message }),
    })
}

pub async fn save_risk(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    form: RiskFormInput,
    based_on: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (role, status, mut inputs) = inputs_context(state, user, event_id, Some(based_on)).await?;
    if role != ActorRole::Organiser {
        return Err(AppError::Refused(text::ORGANISER_ONLY.into()));
    }
    if !organiser_edits(status) {
        return Err(AppError::Refused(text::INPUTS_FROZEN.into()));
    }
    let risk = form.parse().map_err(|e| AppError::invalid(&e.field, e.message))?;
    inputs.risk = Some(risk);
    save_inputs(state, user, event_id, &inputs, "inputs.risk", text::RISK_SAVED.into(), now).await
}

/// At most this many amendments per file.
const MAX_AMENDMENTS: usize = 50;

pub async fn add_amendment(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    (article, body, based_on): (&str, &str, &str),
    now: Instant,
) -> Result<(), AppError> {
    let (role, status, mut inputs) = inputs_context(state, user, event_id, Some(based_on)).await?;
    let author = match role {
        ActorRole::Organiser if organiser_edits(status) => AmendmentAuthor::Organisateur,
        ActorRole::PrefectureInstructor if prefecture_amends(status) => AmendmentAuthor::Prefecture,
        ActorRole::Organiser => return Err(AppError::Refused(text::INPUTS_FROZEN.into())),
        _ => return Err(AppError::Refused(text::workflow_forbidden("amend"))),
    };
    let article =
        ArticleId::from_code(article.trim()).ok_or_else(|| AppError::invalid("article", text::CHOICE_INVALID))?;
    if body.trim().is_empty() {
        return Err(AppError::invalid("text", text::AMENDMENT_TEXT_REQUIRED));
    }
    let body = crate::domain::plan::fields::parse_free_text(body, 4_000).map_err(|e| AppError::invalid("text", e))?;
    if inputs.amendments.len() >= MAX_AMENDMENTS {
        return Err(AppError::Refused(text::AMENDMENTS_TOO_MANY.into()));
    }
    let message = format!("{} — {} : {body}", author.label(), article.label());
    inputs.amendments.push(Amendment { article, author, text: body });
    save_inputs(state, user, event_id, &inputs, "inputs.amendment", message, now).await
}

pub async fn remove_amendment(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    (index, based_on): (usize, &str),
    now: Instant,
) -> Result<(), AppError> {
    let (role, status, mut inputs) = inputs_context(state, user, event_id, Some(based_on)).await?;
    let line = amendment_lines(&inputs.amendments, role, status).into_iter().find(|l| l.index == index);
    match line {
        Some(line) if line.may_remove => {
            let removed = inputs.amendments.remove(index);
            let message = format!("{} — {} : {}", removed.author.label(), removed.article.label(), removed.text);
            save_inputs(state, user, event_id, &inputs, "inputs.amendment_removed", message, now).await
        }
        Some(_) => Err(AppError::Refused(text::workflow_forbidden("amend"))),
        None => Err(AppError::NotFound),
    }
}

/// A file on which opinions may be asked: filed and not decided.
fn may_ask(dossier: &Dossier) -> bool {
    matches!(dossier.state.status(), Status::Deposee | Status::EnInstruction | Status::CorrectionsDemandees)
}

fn body_of(role: ParticipantRole) -> ConsultedBody {
    match role {
        ParticipantRole::ForceEtat => ConsultedBody::PoliceGendarmerie,
        ParticipantRole::PoliceMunicipale => ConsultedBody::PoliceMunicipale,
        ParticipantRole::Secours => ConsultedBody::Sdis,
        _ => ConsultedBody::Autre,
    }
}

/// The participants an instructor may consult, then services outside Cordon.
fn targets(plan: &Plan) -> Vec<Choice> {
    let mut choices: Vec<Choice> = plan
        .participants
        .iter()
        .filter(|p| {
            matches!(
                p.role(),
                ParticipantRole::ForceEtat
                    | ParticipantRole::PoliceMunicipale
                    | ParticipantRole::Secours
                    | ParticipantRole::Autre
            )
        })
        .map(|p| Choice {
            value: format!("participant:{}", p.id()),
            label: format!("{} ({})", p.name(), p.role().label()),
        })
        .collect();
    choices.push(Choice { value: "maire".into(), label: text::opinion_target_maire(plan.event.commune_name()) });
    choices.push(Choice { value: "sdis".into(), label: text::OPINION_TARGET_SDIS.into() });
    choices.push(Choice { value: "autre".into(), label: text::OPINION_TARGET_OTHER.into() });
    choices
}

/// Whether the caller answers an opinion asked of `participant_id` (none: a service outside
/// Cordon, whose answer the instructor records).
fn answers(participant_id: Option<&str>, access: &EventAccess, role: ActorRole) -> bool {
    match participant_id {
        Some(p) => access.edits_participant(p),
        None => role == ActorRole::PrefectureInstructor,
    }
}

async fn opinion_lines(
    db: &Db,
    event_id: &str,
    access: &EventAccess,
    role: ActorRole,
    zone: chrono_tz::Tz,
    at: Instant,
) -> Result<Vec<OpinionLine>, AppError> {
    Ok(files::opinions(db, event_id)
        .await?
        .into_iter()
        .map(|stored| {
            let opinion = &stored.opinion;
            let status = match opinion.status(at) {
                OpinionStatus::Pending => text::OPINION_PENDING,
                OpinionStatus::Answered if opinion.answered_late() => text::OPINION_ANSWERED_LATE,
                OpinionStatus::Answered => text::OPINION_ANSWERED,
                OpinionStatus::Overdue => text::OPINION_OVERDUE,
            };
            OpinionLine {
                id: stored.id.clone(),
                body: opinion.body_label().to_string(),
                question: opinion.request.question.clone(),
                requested_at: format_long_fr(opinion.request.requested_at, zone),
                deadline: format_long_fr(opinion.request.deadline, zone),
                status: status.into(),
                verdict: opinion.answer.as_ref().map(|a| a.verdict.label().to_string()),
                comment: opinion.answer.as_ref().map(|a| a.comment.clone()).filter(|c| !c.is_empty()),
                answered_at: opinion.answer.as_ref().map(|a| format_long_fr(a.answered_at, zone)),
                may_answer: opinion.answer.is_none() && answers(stored.participant_id.as_deref(), access, role),
            }
        })
        .collect())
}

fn opinion_error(e: OpinionError) -> AppError {
    let field = match e {
        OpinionError::DeadlineNotAfterRequest => "deadline",
        OpinionError::BodyNameRequired => "body_name",
        OpinionError::CommentRequired => "comment",
        OpinionError::TextInvalid => "question",
        OpinionError::AlreadyAnswered | OpinionError::AnswerBeforeRequest => {
            return AppError::Refused(e.to_string());
        }
    };
    AppError::invalid(field, e)
}

pub async fn ask(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    request: OpinionAsk,
    now: Instant,
) -> Result<(), AppError> {
    let OpinionAsk { target, body_name, question, deadline } = request;
    let (stored, access) = open(state, user, event_id).await?;
    let event = &stored.plan.event;
    let zone = event.time_zone();
    let role = role_of(&state.db, user, &access, event.department()).await?;
    if role != ActorRole::PrefectureInstructor {
        return Err(AppError::Refused(text::OPINION_INSTRUCTOR_ONLY.into()));
    }
    let file = files::get_file(&state.db, event_id).await?;
    if !file.as_ref().is_some_and(|f| may_ask(&f.dossier)) {
        return Err(AppError::Refused(text::OPINION_NOT_NOW.into()));
    }
    let (body, participant) = match target.trim() {
        "sdis" => (ConsultedBody::Sdis, None),
        "maire" => (ConsultedBody::Maire, None),
        "autre" => (ConsultedBody::Autre, None),
        other => {
            let id = other.strip_prefix("participant:").unwrap_or_default();
            let participant = stored
                .plan
                .participants
                .iter()
                .find(|p| p.id() == id && targets(&stored.plan).iter().any(|c| c.value == other))
                .ok_or_else(|| AppError::invalid("target", text::CHOICE_INVALID))?;
            (body_of(participant.role()), Some(participant))
        }
    };
    let day = chrono::NaiveDate::parse_from_str(deadline.trim(), "%Y-%m-%d")
        .map_err(|_| AppError::invalid("deadline", text::DATE_INVALID))?;
    let end_of_day = day
        .succ_opt()
        .and_then(|next| next.and_hms_opt(0, 0, 0))
        .and_then(|midnight| local_instant(zone, midnight).ok())
        .ok_or_else(|| AppError::invalid("deadline", text::DATE_INVALID))?;
    let at = now;
    let name = participant
        .map(|p| p.name().to_string())
        .or_else(|| Some(body_name.trim().to_string()).filter(|n| !n.is_empty()));
    let request = OpinionRequest::new(body, name.as_deref(), &question, at, end_of_day).map_err(opinion_error)?;
    let opinion = Opinion::requested(request);
    let author = author(&state.db, user).await?;
    let entry = NewEntry {
        chain: event_chain(event_id),
        at,
        actor: user.id.clone(),
        kind: "opinion.request".into(),
        payload: json!({
            "author": author,
            "message": text::opinion_requested_line(opinion.body_label(), &opinion.request.question, &format_long_fr(end_of_day, zone)),
        }),
    };
    if files::ask_opinion(&state.db, event_id, participant.map(|p| p.id()), &opinion, &entry).await?.is_none() {
        return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
    }
    if let Some(participant) = participant {
        let link = format!("{}/evenements/{event_id}/convention", state.settings.base_url);
        match store::organisations::members(&state.db, participant.organisation_id()).await {
            Ok(members) => {
                for m in members {
                    let mail = OutgoingMail {
                        to: m.email,
                        subject: text::opinion_mail_subject(event.name()),
                        body: text::opinion_mail_body(
                            event.name(),
                            &author,
                            &opinion.request.question,
                            &format_long_fr(end_of_day, zone),
                            &link,
                        ),
                        attachment: None,
                    };
                    if let Err(e) = state.mail.send(mail).await {
                        tracing::error!(error = %e, "opinion e-mail could not be sent");
                    }
                }
            }
            Err(e) => tracing::error!(error = %e, "consulted participant's members could not be read"),
        }
    }
    Ok(())
}

pub async fn answer(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    (opinion_id, verdict, comment): (&str, &str, &str),
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let role = role_of(&state.db, user, &access, stored.plan.event.department()).await?;
    let found = files::opinions(&state.db, event_id)
        .await?
        .into_iter()
        .find(|o| o.id == opinion_id.trim())
        .ok_or(AppError::NotFound)?;
    if !answers(found.participant_id.as_deref(), &access, role) {
        return Err(AppError::Refused(text::OPINION_NOT_YOURS.into()));
    }
    let verdict =
        Verdict::from_code(verdict.trim()).ok_or_else(|| AppError::invalid("verdict", text::CHOICE_INVALID))?;
    let at = now;
    let answered = found.opinion.answer(verdict, comment, at).map_err(|e| match e {
        OpinionError::TextInvalid => AppError::invalid("comment", e),
        other => opinion_error(other),
    })?;
    let author = author(&state.db, user).await?;
    let entry = NewEntry {
        chain: event_chain(event_id),
        at,
        actor: user.id.clone(),
        kind: "opinion.answer".into(),
        payload: json!({
            "author": author,
            "opinion": found.id,
            "message": text::opinion_answered_line(found.opinion.body_label(), verdict.label(), comment.trim()),
        }),
    };
    if !files::answer_opinion(&state.db, event_id, &found, &answered, &entry).await? {
        return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
    }
    Ok(())
}

/// Who acted, as the thread shows it: "Claire Martin (Préfecture des Bouches-du-Rhône)".
pub(super) async fn author(db: &Db, user: &UserRow) -> Result<String, AppError> {
    let organisations = store::organisations::list_for_user(db, &user.id).await?;
    Ok(match organisations.first() {
        Some(org) => format!("{} ({})", user.name, org.organisation.name),
        None => user.name.clone(),
    })
}

pub async fn act(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    (code, message): (&str, &str),
    now: Instant,
) -> Result<String, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let event = &stored.plan.event;
    let department = event.department().clone();
    let role = role_of(&state.db, user, &access, &department).await?;
    let action = action_of(code.trim(), message).ok_or_else(|| AppError::invalid("action", text::CHOICE_INVALID))?;
    let Some((file, exists)) = file_or_draft(&state.db, event_id, department.as_str()).await? else {
        return Err(AppError::Refused(text::DOSSIER_NOTHING_PUBLISHED.into()));
    };
    let next = transition(&file.dossier, &action, role).map_err(|e| match e {
        WorkflowError::Forbidden { .. } => AppError::Refused(e.to_string()),
        WorkflowError::MessageRequired | WorkflowError::MessageInvalid => AppError::invalid("message", e),
        other => AppError::Refused(other.to_string()),
    })?;
    if matches!(action, Action::Submit) {
        let release = store::releases::get(&state.db, event_id, next.release.get())
            .await?
            .ok_or_else(|| AppError::internal("the release being filed is missing", event_id))?;
        let blocking = blocking_findings(state, &release, &access, now).await?;
        let risk_assessed = files::inputs(&state.db, event_id).await?.risk.is_some();
        if let Some(refusal) = crate::domain::convention::filing::filing_refusal(risk_assessed, &blocking) {
            return Err(AppError::Refused(refusal));
        }
    }
    let at = now;
    let author = author(&state.db, user).await?;
    let message_text = needs_message(&action).then(|| message.trim().to_string());
    let payload = json!({
        "author": author,
        "status": next.state.status().code(),
        "release": next.release.get(),
        "message": message_text.clone().unwrap_or_default(),
    });
    if let Action::Comment { .. } = action {
        let entry =
            NewEntry { chain: event_chain(event_id), at, actor: user.id.clone(), kind: "comment".into(), payload };
        if !files::append_entry(&state.db, &entry).await? {
            return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
        }
        return Ok(next.state.status().label().into());
    }
    let submitted_at = match (&action, file.submitted_at) {
        (Action::Submit, None) => Some(at),
        (_, kept) => kept,
    };
    // An approval stamps the PDF and enters the convention in the department's registry.
    let (approved, registered) = match action {
        Action::Approve => {
            let (pdf, entry) = approve_pdf(state, event_id, &file, &next, user, at).await?;
            (Some(pdf), Some(entry))
        }
        _ => (None, None),
    };
    let change = Move {
        event_id,
        expected_version: exists.then_some(file.version),
        dossier: &next,
        reference: &file.reference,
        submitted_at,
        entry: NewEntry {
            chain: event_chain(event_id),
            at,
            actor: user.id.clone(),
            kind: format!("transition.{}", action.code()),
            payload,
        },
        approved,
        registered,
    };
    if !files::apply_move(&state.db, &change).await? {
        return Err(AppError::Stale { message: text::DOSSIER_CHANGED_MEANWHILE.into() });
    }
    tracing::info!(event = %event_id, action = action.code(), by = %user.id, "convention file moved");
    notify(
        state,
        &stored.organiser_organisation_id,
        event.name(),
        event_id,
        &department,
        &next,
        &author,
        message_text.as_deref(),
        &user.id,
    )
    .await;
    Ok(next.state.status().label().into())
}

/// The PDF of the file's release, stamped with the approver and the date, and the registry
/// entry of the convention it approves (cited as the stamp's reference).
async fn approve_pdf(
    state: &AppState,
    event_id: &str,
    file: &StoredFile,
    next: &Dossier,
    user: &UserRow,
    at: Instant,
) -> Result<(ApprovedPdf, crate::domain::convention::RegistryEntry), AppError> {
    let release = store::releases::get(&state.db, event_id, file.dossier.release.get())
        .await?
        .ok_or_else(|| AppError::internal("the file's release is missing", event_id))?;
    let department = release.plan().event.department().as_str().to_string();
    let prefectures = store::organisations::prefectures_of(&state.db, &department).await?;
    let prefecture = prefectures
        .first()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| format!("Préfecture du département {department}"));
    // « Par délégation » only with a délégation de signature recorded for the approver.
    let mut delegation = None;
    for p in &prefectures {
        if let Some(found) = store::organisations::delegation(&state.db, &user.id, &p.id).await? {
            delegation = Some(found.citation());
            break;
        }
    }
    let document = document(state, &release, &file.reference, at).await?;
    let zone = release.plan().event.time_zone();
    let approval = format!("{}-A{}", file.reference, next.cycle);
    let entry = crate::domain::convention::census::approved_event_entry(release.plan(), &approval, at)
        .map_err(|e| AppError::internal("the approved event's registry entry could not be made", e))?;
    let stamp = Stamp {
        approver_name: user.name.clone(),
        approver_role: text::approver_role(&prefecture, delegation.as_deref()),
        approved_at: at,
        reference: approval,
    };
    let document = document.stamped(stamp, zone);
    let sha = document.release_sha256.clone();
    let pdf = render(document).await?;
    let approved = ApprovedPdf {
        cycle: next.cycle,
        release_number: file.dossier.release.get(),
        reference: file.reference.clone(),
        release_sha256: sha,
        pdf_sha256: crate::domain::document::lower_hex(&Sha256::digest(&pdf)),
        pdf,
        approved_by: user.name.clone(),
        approved_at: at,
    };
    Ok((approved, entry))
}

/// Renders a document to PDF off the async threads.
pub async fn render(document: ConventionDocument) -> Result<Vec<u8>, AppError> {
    tokio::task::spawn_blocking(move || crate::pdf::render_convention_pdf(&document))
        .await
        .map_err(|e| {
            tracing::error!(error = %e, "PDF task failed");
            AppError::Internal
        })?
        .map_err(|e| {
            tracing::error!(error = %e, "convention PDF failed");
            AppError::Refused(text::DOSSIER_PDF_FAILED.into())
        })
}

/// The conventions in force of the department's registry that cover the event's commune
/// during the event, as the compliance rules and the document cite them.
pub async fn conventions_for(db: &Db, event: &crate::domain::plan::Event) -> Result<Vec<ConventionInForce>, AppError> {
    let zone = event.time_zone();
    // The event's own approved conventions (registered as « <reference>-A<cycle> ») are not
    // conventions to cite in it.
    let own = files::get_file(db, event.id()).await?.map(|file| format!("{}-A", file.reference));
    let entries: Vec<_> = files::in_force(db, event.department().as_str())
        .await?
        .into_iter()
        .map(|(_, entry)| entry)
        .filter(|entry| own.as_deref().is_none_or(|own| !entry.reference().starts_with(own)))
        .collect();
    let commune = event.commune().clone();
    let midnight = |day: chrono::NaiveDate| day.and_hms_opt(0, 0, 0).and_then(|naive| local_instant(zone, naive).ok());
    Ok(overlapping(&event.window(), zone, &commune, &entries)
        .into_iter()
        .filter_map(|entry| {
            Some(ConventionInForce {
                reference: format!("{} ({})", entry.title(), entry.reference()),
                commune_code: entry.commune().as_str().to_string(),
                from: midnight(entry.start())?,
                until: entry.end().and_then(|end| end.succ_opt()).and_then(midnight),
                kind: Some(entry.kind()),
            })
        })
        .collect())
}

/// The convention of `release`: findings under the department's rules, the registry's
/// conventions in force, the prefecture's name. Shared with `cordon convention pdf`.
pub async fn document(
    state: &AppState,
    release: &Release,
    reference: &str,
    at: Instant,
) -> Result<ConventionDocument, AppError> {
    document_with(state, release, ConventionInputs::new(reference, at)).await
}

/// As [`document`], with the caller's inputs (the command line's file); the registry's
/// conventions and the prefecture's name are added to what the inputs already hold.
pub async fn document_with(
    state: &AppState,
    release: &Release,
    mut inputs: ConventionInputs,
) -> Result<ConventionDocument, AppError> {
    let db = &state.db;
    let event = &release.plan().event;
    let department = event.department().as_str().to_string();
    let rules = rules_for(db, &department).await?;
    inputs.conventions_in_force.extend(conventions_for(db, event).await?);
    let stored = files::inputs(db, event.id()).await?;
    let model = store::department_convention::get(db, &department).await?;
    if inputs.risk.is_none() {
        inputs.risk = stored.risk.as_ref().map(|risk| axis_one(release.plan(), risk, &model.sizing));
    }
    // The department's clauses, unless the caller's inputs give that article's own.
    for (article, clause) in model.clauses {
        inputs.template_clauses.entry(article).or_insert(clause);
    }
    if inputs.amendments.is_empty() {
        inputs.amendments = stored.amendments;
    }
    if inputs.attachments.is_empty() {
        inputs.attachments = store::attachments::list(db, event.id()).await?;
    }
    if inputs.prefecture.is_none() {
        inputs.prefecture =
            store::organisations::prefectures_of(db, &department).await?.into_iter().next().map(|p| p.name);
    }
    // The same context as every other check, with the caller's conventions added.
    let mut context = compliance_context(state, release.plan(), inputs.generated_at).await?;
    context.conventions_in_force = inputs.conventions_in_force.clone();
    let findings = check_plan(release.plan(), &rules, &context);
    Ok(build_convention(release, &findings, &inputs))
}

/// The current draft of the convention, built from the release the file is about (the
/// latest one before any file): `None` before the first release.
async fn draft_document(
    state: &AppState,
    event_id: &str,
    reference: &str,
    now: Instant,
) -> Result<Option<ConventionDocument>, AppError> {
    let db = &state.db;
    let Some(release) = store::releases::latest(db, event_id).await? else { return Ok(None) };
    let release = match files::get_file(db, event_id).await? {
        Some(file) => store::releases::get(db, event_id, file.dossier.release.get()).await?.unwrap_or(release),
        None => release,
    };
    document(state, &release, reference, now).await.map(Some)
}

/// The current draft of the convention as a PDF, for anyone who reads the event.
pub async fn preview_pdf(
    state: &AppState,
    event_id: &str,
    reference: &str,
    now: Instant,
) -> Result<Option<Vec<u8>>, AppError> {
    match draft_document(state, event_id, reference, now).await? {
        Some(document) => render(document).await.map(Some),
        None => Ok(None),
    }
}

/// The current draft of the convention as an HTML fragment (the document's sections), for
/// anyone who reads the event, and its title.
pub async fn preview_html(
    state: &AppState,
    event_id: &str,
    reference: &str,
    now: Instant,
) -> Result<Option<(String, String)>, AppError> {
    Ok(draft_document(state, event_id, reference, now)
        .await?
        .map(|document| (format!("Projet de convention {}", document.reference), render_html(&document))))
}

/// The caller may read the event (the same check as every plan read).
pub async fn readable(state: &AppState, user: &UserRow, event_id: &str) -> Result<String, AppError> {
    let (stored, _) = open(state, user, event_id).await?;
    let reference = match files::get_file(&state.db, event_id).await? {
        Some(file) => file.reference,
        None => default_reference(stored.plan.event.department().as_str(), event_id),
    };
    Ok(reference)
}

/// Follows a new release: a draft or a file under correction moves to it, an approved file
/// opens a new cycle; a file being instructed keeps the release it was filed with.
pub async fn follow_release(
    state: &AppState,
    event_id: &str,
    release: u32,
    by: &str,
    now: Instant,
) -> Result<(), AppError> {
    let Some(file) = files::get_file(&state.db, event_id).await? else { return Ok(()) };
    let Some(number) = ReleaseNumber::new(release) else { return Ok(()) };
    let Ok(next) = transition(&file.dossier, &Action::NewRelease { release: number }, ActorRole::Organiser) else {
        return Ok(());
    };
    let at = now;
    let submitted_at = if next.cycle != file.dossier.cycle { None } else { file.submitted_at };
    let change = Move {
        event_id,
        expected_version: Some(file.version),
        dossier: &next,
        reference: &file.reference,
        submitted_at,
        entry: NewEntry {
            chain: event_chain(event_id),
            at,
            actor: by.to_string(),
            kind: "transition.new_release".into(),
            payload: json!({ "author": "Cordon", "status": next.state.status().code(), "release": release, "message": "" }),
        },
        approved: None,
        registered: None,
    };
    if !files::apply_move(&state.db, &change).await? {
        tracing::warn!(event = %event_id, "convention file moved while a release was published");
    }
    Ok(())
}

/// E-mails the organiser's administrators and the members of the department's prefecture,
/// except the person who acted. A mail that cannot leave is logged; the move stands.
#[allow(clippy::too_many_arguments)]
async fn notify(
    state: &AppState,
    organiser_id: &str,
    event_name: &str,
    event_id: &str,
    department: &Department,
    next: &Dossier,
    author: &str,
    message: Option<&str>,
    actor_id: &str,
) {
    let link = format!("{}/evenements/{event_id}/convention", state.settings.base_url);
    let mut recipients: Vec<String> = Vec::new();
    let mut add = |members: Vec<crate::read_models::Member>, admins_only: bool| {
        for m in members {
            let admin = m.role == crate::domain::MembershipRole::Admin;
            if m.user_id != actor_id && (admin || !admins_only) && !recipients.contains(&m.email) {
                recipients.push(m.email);
            }
        }
    };
    match store::organisations::members(&state.db, organiser_id).await {
        Ok(members) => add(members, true),
        Err(e) => tracing::error!(error = %e, "organiser's members could not be read"),
    }
    match store::organisations::prefectures_of(&state.db, department.as_str()).await {
        Ok(prefectures) => {
            for p in prefectures {
                match store::organisations::members(&state.db, &p.id).await {
                    Ok(members) => add(members, false),
                    Err(e) => tracing::error!(error = %e, "prefecture's members could not be read"),
                }
            }
        }
        Err(e) => tracing::error!(error = %e, "prefectures could not be read"),
    }
    let status = next.state.status().label();
    for to in recipients {
        let mail = OutgoingMail {
            to,
            subject: text::dossier_mail_subject(event_name, status),
            body: text::dossier_mail_body(event_name, status, author, message, &link),
            attachment: None,
        };
        if let Err(e) = state.mail.send(mail).await {
            tracing::error!(error = %e, "convention e-mail could not be sent");
        }
    }
}

/// The signed-in user may read `event_id`'s approved PDF of `cycle`.
pub async fn approved_pdf(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    cycle: u32,
) -> Result<Option<Vec<u8>>, AppError> {
    readable(state, user, event_id).await?;
    Ok(files::approved_pdf(&state.db, event_id, cycle).await?)
}
