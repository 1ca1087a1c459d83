//! The day of the event: the « Opérations » page's data and the log's entries. Every server
//! function calls `service::operations`, where the rights are decided.
// A server function receives one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::read_models::operations::{LogLine, OperationsPage};

#[server(endpoint = "get_operations")]
pub async fn get_operations(event_id: String) -> Result<OperationsPage, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::operations::page(&state, &user, &event_id, now).await }).await
}

/// « Inscrire » an entry in the log. The page shows it when the live stream brings it, as it
/// does for everyone's (the answer carries nothing more: a smaller browser bundle).
#[server(endpoint = "write_log_entry")]
pub async fn write_log_entry(
    event_id: String,
    zone_id: String,
    category: String,
    severity: String,
    register: String,
    text: String,
    corrects: String,
) -> Result<(), AppError> {
    use super::context::run;
    use crate::domain::operations::LogForm;
    let form = LogForm { zone_id, category, severity, register, text, corrects };
    run(|state, user, now| async move {
        crate::service::operations::write(&state, &user, &event_id, &form, now).await.map(|_| ())
    })
    .await
}
