//! The day of the event: the « Opérations » page's data and the log's entries. Every server
//! function calls `service::operations`, where the rights are decided.
// A server function receives one argument per form field.
#![allow(clippy::too_many_arguments)]

use crate::error::AppError;
use leptos::prelude::*;

pub use crate::read_models::operations::{AckLine, AlertLine, LogLine, OperationsPage};

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

/// « Envoyer l'alerte »: the command post's alert to a zone, a participant, everyone or the
/// State forces only. It shows by the live stream, as entries do.
#[server(endpoint = "send_alert")]
pub async fn send_alert(event_id: String, target: String, severity: String, text: String) -> Result<(), AppError> {
    use super::context::run;
    use crate::domain::alerts::AlertForm;
    let form = AlertForm { target, severity, text };
    run(|state, user, now| async move { crate::service::alerts::send(&state, &user, &event_id, &form, now).await })
        .await
}

/// « Accuser réception » of an alert, for the person's organisation; once is enough.
#[server(endpoint = "acknowledge_alert")]
pub async fn acknowledge_alert(event_id: String, alert_id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::alerts::acknowledge(&state, &user, &event_id, &alert_id, now).await
    })
    .await
}

/// « Clore l'alerte » (`how` = `clore`, the command post) or « Retirer » (`retirer`, its
/// sender): the alert leaves the open alerts of every page by the live stream.
#[server(endpoint = "close_alert")]
pub async fn close_alert(event_id: String, alert_id: String, how: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move {
        crate::service::alerts::close(&state, &user, &event_id, &alert_id, &how, now).await
    })
    .await
}
