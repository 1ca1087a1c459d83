//! The one error type of server functions. It travels to the browser as JSON and carries
//! only what a user may read: a French message and, for bad input, the field it concerns.
//! Internal causes are logged on the server and never put in here.

use serde::{Deserialize, Serialize};
use server_fn::error::{FromServerFnError, ServerFnErrorErr};
use thiserror::Error;

use crate::text;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Error)]
pub enum AppError {
    /// Bad input: `field` is the form field's name, `message` the French explanation.
    #[error("{message}")]
    Invalid { field: String, message: String },
    /// Sign-in refused (wrong password, unknown account, throttled): one message for all.
    #[error("{0}")]
    SignInRefused(String),
    #[error("{}", text::NOT_SIGNED_IN)]
    NotSignedIn,
    #[error("{}", text::FORBIDDEN)]
    Forbidden,
    #[error("{}", text::NOT_FOUND)]
    NotFound,
    /// A refusal the user can act on, with its French message (expired invitation, …).
    #[error("{0}")]
    Refused(String),
    /// Someone else saved this record first; `message` describes the newer values.
    #[error("{message}")]
    Stale { message: String },
    #[error("{}", text::INTERNAL)]
    Internal,
    /// An internal error, with the request's id for the user to quote (its cause is in the
    /// server's log under that id).
    #[error("{}", text::internal_with_reference(.0))]
    InternalReference(String),
    /// The request never reached our code properly (network, encoding).
    #[error("{}", text::INTERNAL)]
    Transport(String),
}

impl From<crate::domain::plan::input::FieldError> for AppError {
    fn from(error: crate::domain::plan::input::FieldError) -> Self {
        AppError::Invalid { field: error.field, message: error.message }
    }
}

impl AppError {
    /// An internal error whose cause is logged here (the user reads only the French message,
    /// with the request's id to quote).
    #[cfg(feature = "ssr")]
    pub fn internal(what: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(cause = %cause, "{what}");
        AppError::Internal
    }

    pub fn invalid(field: &str, message: impl ToString) -> Self {
        AppError::Invalid { field: field.to_string(), message: message.to_string() }
    }

    /// The message for `field` if this error concerns it.
    pub fn message_for(&self, field: &str) -> Option<String> {
        match self {
            AppError::Invalid { field: f, message } if f == field => Some(message.clone()),
            _ => None,
        }
    }

    /// The HTTP status that goes with the error.
    pub fn status(&self) -> u16 {
        match self {
            AppError::Invalid { .. } | AppError::Refused(_) => 422,
            AppError::SignInRefused(_) | AppError::NotSignedIn => 401,
            AppError::Forbidden => 403,
            AppError::Stale { .. } => 409,
            AppError::NotFound => 404,
            AppError::Internal | AppError::InternalReference(_) | AppError::Transport(_) => 500,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = ErrorEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        AppError::Transport(value.to_string())
    }
}

/// How a server function's error travels between the server and its own browser: in the
/// compact format (`ui::codec`), in the answer's body and, after a plain form post, in the URL
/// the page comes back to. With the two calls that read their answers through Leptos's own
/// client moved to the pages' (`ui::components::{fetch, post_with_file}`), the browser reads
/// no JSON at all: serde_json's reader, its messages and its float tables left
/// the bundle (−31.7 KB gzip, BENCHMARKS.md §4). Anyone else calling a server function (tests,
/// scripts) still gets the error in JSON: the server's `compact_answers` layer reads it back
/// (`AppError::de`) and writes it with [`AppError::to_json`] when the request did not ask for
/// the compact format.
pub struct ErrorEncoding;

impl server_fn::ContentType for ErrorEncoding {
    const CONTENT_TYPE: &'static str = crate::ui::codec::COMPACT;
}

impl server_fn::FormatType for ErrorEncoding {
    const FORMAT_TYPE: server_fn::Format = server_fn::Format::Binary;
}

impl server_fn::Encodes<AppError> for ErrorEncoding {
    type Error = postcard::Error;

    fn encode(error: &AppError) -> Result<server_fn::Bytes, postcard::Error> {
        crate::ui::codec::to_compact(error).map(server_fn::Bytes::from)
    }
}

impl server_fn::Decodes<AppError> for ErrorEncoding {
    type Error = postcard::Error;

    fn decode(bytes: server_fn::Bytes) -> Result<AppError, postcard::Error> {
        crate::ui::codec::from_compact(&bytes)
    }
}

#[cfg(feature = "ssr")]
impl AppError {
    /// The error in JSON, as server functions answer whoever did not ask for the compact
    /// format: `{"Invalid":{"field":"end","message":"…"}}`, `"Forbidden"`.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).unwrap_or_else(|_| b"\"Internal\"".to_vec())
    }
}

#[cfg(feature = "ssr")]
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error");
        AppError::Internal
    }
}
