//! The day's alerts: the one place every door of the alerts goes through — the page
//! « Opérations » and its server functions, the live stream. It reads the event with the
//! person's access (`service::operations::reader_of`), decides with the domain's rules
//! ([`check_send`], [`recipients`], [`AlertReading`]), writes with the audit entry in the same
//! transaction (`store::alerts`), wakes the live streams, and sends the e-mails and SMS through
//! the state's mail and SMS transports — the same mail path as every other e-mail.

use std::collections::BTreeMap;

use crate::domain::alerts::closing::already_closed;
use crate::domain::alerts::{
    check_send, may_send, recipients, Alert, AlertForm, AlertTarget, Closer, ClosingKind, ClosingRefusal,
};
use crate::domain::operations::{LogCursor, Register};
use crate::domain::plan::{Audience, Plan};
use crate::domain::time::format_short_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::operations::{AckLine, AlertLine};
use crate::state::{AppState, OutgoingMail, OutgoingSms};
use crate::store::alerts::{Acknowledged, NewAlert};
use crate::store::log::Author;
use crate::store::users::UserRow;
use crate::{store, text};

use super::operations::{reader_of, writing_as, LogReader};

/// `alert` as `reader` reads it; `None` when it may not read it at all.
pub fn line(reader: &LogReader, alert: &Alert) -> Option<AlertLine> {
    let reading = reader.alert_reading();
    if !reading.reads(alert) {
        return None;
    }
    let zone = reader.time_zone();
    let acknowledged = |r: &crate::domain::alerts::AlertRecipient| {
        r.acknowledged.as_ref().map(|a| text::alert_acknowledged_by(&a.by_name, &format_short_fr(a.at, zone)))
    };
    Some(AlertLine {
        id: alert.id.clone(),
        at: format_short_fr(alert.at, zone),
        sender: alert.sender_organisation_name.clone(),
        target: alert.target_label.clone(),
        severity_code: alert.severity.code().to_string(),
        text: alert.text.clone(),
        restricted: alert.reference.register == Register::Restricted,
        addressed: reading.addressed(alert),
        acknowledged: reading.own(alert).and_then(acknowledged),
        recipients: reading
            .recipients(alert)
            .into_iter()
            .map(|r| AckLine { name: r.recipient.name.clone(), acknowledged: acknowledged(r) })
            .collect(),
        closed: closed_line(reader, alert),
        may_close: reading.may_close(alert),
        may_withdraw: reading.may_withdraw(alert),
    })
}

/// « Alerte close par Julie Martin (Préfecture), sam. 20/06 19:40 », as `reader` may know.
fn closed_line(reader: &LogReader, alert: &Alert) -> Option<String> {
    let closing = alert.closing.as_ref()?;
    let by = reader.alert_reading().closed_by(alert)?;
    let at = format_short_fr(closing.at, reader.time_zone());
    Some(match closing.kind {
        ClosingKind::Closed => format!("{}, {at}", text::alert_closed_by(&by)),
        ClosingKind::Withdrawn => format!("{}, {at}", text::alert_withdrawn_by(&by)),
    })
}

/// Every alert `reader` reads, oldest first, and where its stream takes over.
pub(super) async fn lines(state: &AppState, reader: &LogReader) -> Result<(Vec<AlertLine>, LogCursor), AppError> {
    let registers = reader.registers();
    let alerts = store::alerts::of_event(&state.db, &reader.event_id, &registers).await?;
    let mut cursor = LogCursor::default();
    for register in registers {
        let number = store::alerts::last_number(&state.db, &reader.event_id, register).await?;
        cursor = cursor.after(crate::domain::operations::EntryRef { register, number });
    }
    Ok((alerts.iter().filter_map(|a| line(reader, a)).collect(), cursor))
}

/// The targets the command post chooses from (code, label): everyone, the State forces only
/// (for a reader of their register), each zone, each participant.
pub(super) fn targets(plan: &Plan, audience: Audience) -> Vec<(String, String)> {
    let mut out = vec![(AlertTarget::Everyone.code(), text::ALERT_TARGET_EVERYONE.to_string())];
    if Register::Restricted.read_by(audience) {
        out.push((AlertTarget::StateForces.code(), text::ALERT_TARGET_STATE.to_string()));
    }
    for zone in &plan.zones {
        let target = AlertTarget::Zone(zone.id().to_string());
        out.push((target.code(), target.label(plan)));
    }
    for participant in &plan.participants {
        out.push((AlertTarget::Participant(participant.id().to_string()).code(), participant.name().to_string()));
    }
    out
}

/// Sends an alert as `user` at `now`: the command post only (403 otherwise), while the log is
/// open, to at least one recipient. The alert shows at once in the recipients' open pages; its
/// e-mails and SMS leave in the background (a slow gateway never holds the command post).
pub async fn send(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    form: &AlertForm,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access, _) = reader_of(state, user, event_id).await?;
    if !may_send(&access) {
        return Err(AppError::Forbidden);
    }
    let plan = &stored.plan;
    let (target, severity, body) = form.parse(plan)?;
    check_send(plan, &access, &target, now).map_err(|refusal| match refusal {
        Some(field) => AppError::from(field),
        None => AppError::Forbidden,
    })?;
    let (organisation_id, organisation_name) = writing_as(state, user, &stored, &access).await?;
    let sender = Author { user_id: user.id.clone(), name: user.name.clone(), organisation_id, organisation_name };
    dispatch(state, plan, sender, target, severity, body, now).await
}

/// Stores an alert from `sender` and sends it: to the target's recipients (never the sender's
/// organisation), at once in their open pages, then by e-mail and SMS in the background. The
/// one way out of every alert: the command post's and those Cordon raises itself (a no-show,
/// `service::presence`).
pub(super) async fn dispatch(
    state: &AppState,
    plan: &Plan,
    sender: Author,
    target: AlertTarget,
    severity: crate::domain::operations::Severity,
    body: String,
    now: Instant,
) -> Result<(), AppError> {
    let mut kinds = BTreeMap::new();
    for participant in &plan.participants {
        if let Some(organisation) = store::organisations::get(&state.db, participant.organisation_id()).await? {
            kinds.insert(organisation.id, organisation.kind);
        }
    }
    let to = recipients(plan, &target, &kinds, &sender.organisation_id);
    if to.is_empty() {
        return Err(AppError::Invalid { field: "target".into(), message: text::ALERT_NO_RECIPIENT.into() });
    }
    let event_id = plan.event.id();
    let alert = NewAlert {
        event_id: event_id.to_string(),
        sender,
        target_label: target.label(plan),
        target,
        severity,
        text: body,
        recipients: to,
    };
    let sent =
        store::alerts::send(&state.db, &alert, now).await?.ok_or_else(|| AppError::Refused(text::ALERT_BUSY.into()))?;
    state.log_hub.grew(event_id);
    let (state, event_name) = (state.clone(), plan.event.name().to_string());
    tokio::spawn(async move { notify(&state, &sent, &event_name).await });
    Ok(())
}

/// Acknowledges an alert for `user`'s organisations that receive it. A second
/// acknowledgement changes nothing and is no error; an alert the person does not read is 404,
/// one it reads without being addressed 422.
pub async fn acknowledge(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    alert_id: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (_, _, reader) = reader_of(state, user, event_id).await?;
    let reading = reader.alert_reading();
    let alert = store::alerts::one(&state.db, alert_id).await?;
    let alert = alert.filter(|a| a.event_id == event_id && reading.reads(a)).ok_or(AppError::NotFound)?;
    if !reading.addressed(&alert) {
        return Err(AppError::Refused(text::ALERT_NOT_ADDRESSED.into()));
    }
    if alert.closing.is_some() {
        return Err(AppError::Refused(text::ALERT_CLOSED_NO_ACK.into()));
    }
    match store::alerts::acknowledge(&state.db, alert_id, &reading.organisation_ids, (&user.id, &user.name), now)
        .await?
    {
        Acknowledged::Now(_) => {
            state.log_hub.grew(event_id);
            Ok(())
        }
        Acknowledged::Already(_) => Ok(()),
        Acknowledged::NotAddressed => Err(AppError::Refused(text::ALERT_NOT_ADDRESSED.into())),
    }
}

/// Closes (`clore`, the command post) or withdraws (`retirer`, its sender) an alert as `user`
/// at `now`: it leaves the open alerts of every page at once, by the live stream. An alert
/// the person does not read is 404; a company closing, 403; someone else withdrawing, or a
/// second closing, a French refusal saying why.
pub async fn close(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    alert_id: &str,
    how: &str,
    now: Instant,
) -> Result<(), AppError> {
    let kind = ClosingKind::from_code(how)
        .ok_or_else(|| AppError::Invalid { field: "how".into(), message: text::ALERT_CLOSING_INVALID.into() })?;
    let (stored, access, reader) = reader_of(state, user, event_id).await?;
    let reading = reader.alert_reading();
    let alert = store::alerts::one(&state.db, alert_id).await?.filter(|a| a.event_id == event_id);
    let alert = alert.ok_or(AppError::NotFound)?;
    let refusal = |refusal: ClosingRefusal| match refusal {
        ClosingRefusal::Unknown => AppError::NotFound,
        ClosingRefusal::NotCommandPost => AppError::Forbidden,
        ClosingRefusal::NotSender => AppError::Refused(text::ALERT_NOT_SENDER.into()),
        ClosingRefusal::AlreadyClosed(closing) => {
            let at = format_short_fr(closing.at, reader.time_zone());
            AppError::Refused(already_closed(&closing, &reading.closer(&closing), &at))
        }
    };
    reading.decide_closing(&alert, kind).map_err(refusal)?;
    let (organisation_id, organisation_name) = writing_as(state, user, &stored, &access).await?;
    let by = Closer { user_id: user.id.clone(), name: user.name.clone(), organisation_id, organisation_name };
    let closing = reading.close(&alert, kind, by, now).map_err(refusal)?;
    match store::alerts::close(&state.db, &alert, &closing).await? {
        store::alerts::Closed::Now(_) => {
            state.log_hub.grew(event_id);
            Ok(())
        }
        store::alerts::Closed::Already(closed) => {
            Err(reading.decide_closing(&closed, kind).err().map_or(AppError::Internal, refusal))
        }
        store::alerts::Closed::NotFound => Err(AppError::NotFound),
    }
}

/// E-mails every active member of each recipient organisation, and texts those who gave a
/// mobile number. A failure is logged and the others still go (the alert itself is stored and
/// on every open page already); the SMS transport keeps what its gateway refuses in the outbox.
async fn notify(state: &AppState, alert: &Alert, event_name: &str) {
    let link = format!("{}/evenements/{}/operations", state.settings.base_url, alert.event_id);
    let severity = alert.severity.label();
    for recipient in &alert.recipients {
        let contacts = match store::mobiles::contacts(&state.db, &recipient.recipient.organisation_id).await {
            Ok(contacts) => contacts,
            Err(e) => {
                tracing::error!(error = %e, alert = %alert.id, "the recipients of an alert could not be read");
                continue;
            }
        };
        for contact in contacts {
            let mail = OutgoingMail {
                to: contact.email.clone(),
                subject: text::alert_subject(severity, event_name),
                body: text::alert_body(
                    &recipient.recipient.name,
                    &alert.sender_organisation_name,
                    event_name,
                    &alert.target_label,
                    &alert.text,
                    &link,
                ),
                attachment: None,
            };
            if let Err(e) = state.mail.send(mail).await {
                tracing::error!(error = %e, alert = %alert.id, "an alert's e-mail could not be sent");
            }
            if let Some(mobile) = contact.mobile {
                let sms = OutgoingSms {
                    to: mobile.as_str().to_string(),
                    text: text::alert_sms(severity, &alert.sender_organisation_name, &alert.text),
                };
                if let Err(e) = state.sms.send(sms).await {
                    tracing::error!(error = %e, alert = %alert.id, "an alert's SMS could not be sent nor kept");
                }
            }
        }
    }
}
