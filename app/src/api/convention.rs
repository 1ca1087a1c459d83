//! The event's convention file: its page (state, due date, the actions the caller may take,
//! the thread of messages and decisions, the approved PDFs), and the moves of the approval
//! workflow. The typed state machine of `domain::convention::workflow` decides every move;
//! each move and message is an entry of the file's audit chain; each change of state is
//! e-mailed to the organiser and the prefecture. Approval renders the stamped PDF once and
//! stores it, frozen.

// A server function receives one argument per form field: long forms make long signatures.
#![allow(clippy::too_many_arguments)]

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::convention::*;

#[server(endpoint = "get_convention")]
pub async fn get_convention(event_id: String) -> Result<ConventionPage, AppError> {
    use crate::service::convention;
    super::context::run(|state, user, now| async move { convention::page(&state, &user, &event_id, now).await }).await
}

/// Moves the file (`action` is a [`WorkflowChoice::code`]) or, with `comment`, adds a message.
#[server(endpoint = "act_on_convention")]
pub async fn act_on_convention(event_id: String, action: String, message: String) -> Result<String, AppError> {
    use crate::service::convention;
    super::context::run(|state, user, now| async move {
        convention::act(&state, &user, &event_id, (&action, &message), now).await
    })
    .await
}

/// The instructor asks an opinion of `target` (`participant:ID`, `sdis` or `autre` with
/// `body_name`) by `deadline` (a date, the end of that day in the event's zone).
#[server(endpoint = "ask_opinion")]
pub async fn ask_opinion(
    event_id: String,
    target: String,
    body_name: String,
    question: String,
    deadline: String,
) -> Result<(), AppError> {
    use crate::service::convention::{ask, OpinionAsk};
    let request = OpinionAsk { target, body_name, question, deadline };
    super::context::run(|state, user, now| async move { ask(&state, &user, &event_id, request, now).await }).await
}

/// The consulted body gives its opinion (`verdict`: favorable, reserve or defavorable).
#[server(endpoint = "answer_opinion")]
pub async fn answer_opinion(
    event_id: String,
    opinion_id: String,
    verdict: String,
    comment: String,
) -> Result<(), AppError> {
    use crate::service::convention;
    super::context::run(|state, user, now| async move {
        convention::answer(&state, &user, &event_id, (&opinion_id, &verdict, &comment), now).await
    })
    .await
}

/// The organiser saves the shared risk assessment (checkboxes: present means ticked).
#[server(endpoint = "save_risk_assessment")]
pub async fn save_risk_assessment(
    event_id: String,
    peak_attendance: String,
    behaviour: String,
    site: String,
    response_time_minutes: String,
    alcohol: Option<String>,
    night: Option<String>,
    threat: String,
    threat_notes: String,
    perimeter_l226_1: Option<String>,
    erp_type: String,
    notes: String,
    /// The version of the inputs the page showed (required; a missing one is refused in French).
    #[server(default)]
    version: String,
) -> Result<(), AppError> {
    use crate::domain::convention::RiskFormInput;
    use crate::service::convention::save_risk;
    let form = RiskFormInput {
        peak_attendance,
        behaviour,
        site,
        response_time_minutes,
        alcohol: alcohol.is_some_and(|v| !v.is_empty()),
        night: night.is_some_and(|v| !v.is_empty()),
        threat,
        threat_notes,
        perimeter_l226_1: perimeter_l226_1.is_some_and(|v| !v.is_empty()),
        erp_type,
        notes,
    };
    super::context::run(
        |state, user, now| async move { save_risk(&state, &user, &event_id, form, &version, now).await },
    )
    .await
}

/// Adds an amendment to an article (`article`: its code).
#[server(endpoint = "add_amendment")]
pub async fn add_amendment(
    event_id: String,
    article: String,
    text: String,
    /// The version of the inputs the page showed.
    #[server(default)]
    version: String,
) -> Result<(), AppError> {
    use crate::service::convention;
    super::context::run(|state, user, now| async move {
        convention::add_amendment(&state, &user, &event_id, (&article, &text, &version), now).await
    })
    .await
}

/// Removes one of the caller's side's amendments, by its place in the list the page showed at
/// `version`.
#[server(endpoint = "remove_amendment")]
pub async fn remove_amendment(
    event_id: String,
    index: usize,
    #[server(default)] version: String,
) -> Result<(), AppError> {
    use crate::service::convention;
    super::context::run(|state, user, now| async move {
        convention::remove_amendment(&state, &user, &event_id, (index, &version), now).await
    })
    .await
}

/// The organiser attaches a piece to the file: a multipart form with `event_id`, `kind` and
/// `file`. The content is read up to one byte over the limit, then refused; the checks are the
/// domain's (`AttachmentInput::parse`), the right the application layer's.
#[server(endpoint = "add_attachment", input = server_fn::codec::MultipartFormData)]
pub async fn add_attachment(data: server_fn::codec::MultipartData) -> Result<String, AppError> {
    use crate::domain::convention::attachment::{AttachmentInput, MAX_BYTES};
    use crate::text;
    let unreadable = || AppError::invalid("file", text::ATTACHMENT_UNREADABLE);
    let mut multipart = data.into_inner().ok_or_else(unreadable)?;
    let (mut event_id, mut kind, mut file_name, mut bytes) = (String::new(), String::new(), String::new(), Vec::new());
    'fields: while let Some(mut field) = multipart.next_field().await.map_err(|_| unreadable())? {
        let name = field.name().unwrap_or_default().to_string();
        match name.as_str() {
            "file" => {
                file_name = field.file_name().unwrap_or_default().to_string();
                while let Some(chunk) = field.chunk().await.map_err(|_| unreadable())? {
                    bytes.extend_from_slice(&chunk[..chunk.len().min(MAX_BYTES + 1 - bytes.len())]);
                    // One byte over the limit is enough for the domain to refuse it: the rest
                    // of the request is not read.
                    if bytes.len() > MAX_BYTES {
                        break 'fields;
                    }
                }
            }
            "event_id" | "kind" => {
                let value = field.text().await.map_err(|_| unreadable())?;
                if value.len() > 200 {
                    return Err(unreadable());
                }
                if name == "event_id" {
                    event_id = value
                } else {
                    kind = value
                }
            }
            _ => {}
        }
    }
    let input = AttachmentInput { kind, file_name, bytes };
    super::context::run(|state, user, now| async move {
        let meta = crate::service::attachments::add(&state, &user, &event_id, input, now).await?;
        Ok(meta.file_name)
    })
    .await
}

/// The organiser removes a piece from the file.
#[server(endpoint = "remove_attachment")]
pub async fn remove_attachment(event_id: String, id: String) -> Result<(), AppError> {
    super::context::run(|state, user, now| async move {
        crate::service::attachments::remove(&state, &user, &event_id, &id, now).await
    })
    .await
}
