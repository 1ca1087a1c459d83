//! Opinions (avis): the instructor asks a body — the police or the gendarmerie, the municipal
//! police, the fire service (SDIS), another — for its opinion on the file by a deadline; the
//! body answers favourable, réservé or défavorable with a comment.
//!
//! A deadline is an instant: the request is overdue from that instant on (`now >= deadline`).
//! A late answer is still accepted and recorded as late.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::domain::plan::fields::{coded_enum, parse_free_text, parse_optional_label};
use crate::domain::time::Instant;
use crate::text;

/// The longest question or comment, in characters.
pub const MAX_OPINION_TEXT: usize = 4_000;

coded_enum! {
    /// Who is consulted.
    pub enum ConsultedBody {
        /// The State force of the area: police nationale or gendarmerie.
        PoliceGendarmerie => ("police_gendarmerie", "Police ou gendarmerie nationale"),
        PoliceMunicipale => ("police_municipale", "Police municipale"),
        /// Service départemental d'incendie et de secours: the fire and rescue service.
        Sdis => ("sdis", "Service départemental d’incendie et de secours (SDIS)"),
        /// The maire of the commune, holder of the general administrative police (CGCT L2212-2).
        Maire => ("maire", "Maire de la commune"),
        Autre => ("autre", "Autre service"),
    }
}

coded_enum! {
    /// The body's opinion.
    pub enum Verdict {
        Favorable => ("favorable", "Favorable"),
        /// Favourable under conditions, which the comment states.
        Reserve => ("reserve", "Réservé"),
        Defavorable => ("defavorable", "Défavorable"),
    }
}

/// Where a request stands at a given instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OpinionStatus {
    Pending,
    Answered,
    /// Unanswered and past its deadline.
    Overdue,
}

/// Why a request or an answer was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum OpinionError {
    #[error("{}", text::OPINION_DEADLINE_BEFORE_REQUEST)]
    DeadlineNotAfterRequest,
    #[error("{}", text::OPINION_BODY_NAME_REQUIRED)]
    BodyNameRequired,
    #[error("{}", text::OPINION_COMMENT_REQUIRED)]
    CommentRequired,
    #[error("{}", text::opinion_text_invalid(MAX_OPINION_TEXT))]
    TextInvalid,
    #[error("{}", text::OPINION_ALREADY_ANSWERED)]
    AlreadyAnswered,
    #[error("{}", text::OPINION_ANSWER_BEFORE_REQUEST)]
    AnswerBeforeRequest,
}

/// The instructor's request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionRequest {
    pub body: ConsultedBody,
    /// The body's own name ("Commissariat de Martigues"); required for [`ConsultedBody::Autre`].
    pub body_name: Option<String>,
    pub question: String,
    pub requested_at: Instant,
    pub deadline: Instant,
}

/// The body's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpinionAnswer {
    pub verdict: Verdict,
    pub comment: String,
    pub answered_at: Instant,
}

/// A request and, once given, its answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Opinion {
    pub request: OpinionRequest,
    pub answer: Option<OpinionAnswer>,
}

impl OpinionRequest {
    /// A checked request: the deadline after the request, a name for another body, a question
    /// without control characters.
    pub fn new(
        body: ConsultedBody,
        body_name: Option<&str>,
        question: &str,
        requested_at: Instant,
        deadline: Instant,
    ) -> Result<OpinionRequest, OpinionError> {
        if deadline <= requested_at {
            return Err(OpinionError::DeadlineNotAfterRequest);
        }
        let body_name = parse_optional_label(body_name, 160).map_err(|_| OpinionError::TextInvalid)?;
        if body == ConsultedBody::Autre && body_name.is_none() {
            return Err(OpinionError::BodyNameRequired);
        }
        let question = parse_free_text(question, MAX_OPINION_TEXT).map_err(|_| OpinionError::TextInvalid)?;
        Ok(OpinionRequest { body, body_name, question, requested_at, deadline })
    }
}

impl Opinion {
    /// A request not answered yet.
    pub fn requested(request: OpinionRequest) -> Opinion {
        Opinion { request, answer: None }
    }

    /// The opinion with its answer. A favourable opinion may come without a comment; a
    /// reserved or unfavourable one must say why. An opinion is given once.
    pub fn answer(&self, verdict: Verdict, comment: &str, at: Instant) -> Result<Opinion, OpinionError> {
        if self.answer.is_some() {
            return Err(OpinionError::AlreadyAnswered);
        }
        if at < self.request.requested_at {
            return Err(OpinionError::AnswerBeforeRequest);
        }
        let comment = parse_free_text(comment, MAX_OPINION_TEXT).map_err(|_| OpinionError::TextInvalid)?;
        if comment.is_empty() && verdict != Verdict::Favorable {
            return Err(OpinionError::CommentRequired);
        }
        Ok(Opinion { request: self.request.clone(), answer: Some(OpinionAnswer { verdict, comment, answered_at: at }) })
    }

    /// Where the request stands at `now`.
    pub fn status(&self, now: Instant) -> OpinionStatus {
        match &self.answer {
            Some(_) => OpinionStatus::Answered,
            None if now >= self.request.deadline => OpinionStatus::Overdue,
            None => OpinionStatus::Pending,
        }
    }

    /// Whether the answer came at or after the deadline.
    pub fn answered_late(&self) -> bool {
        self.answer.as_ref().is_some_and(|a| a.answered_at >= self.request.deadline)
    }

    /// The body as the file names it: its own name, or else its kind.
    pub fn body_label(&self) -> &str {
        self.request.body_name.as_deref().unwrap_or(self.request.body.label())
    }
}
