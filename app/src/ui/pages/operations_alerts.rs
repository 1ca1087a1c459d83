//! The alerts of the page « Opérations »: at the top, the open alerts addressed to the
//! reader's organisation, each with « Accuser réception »; for the command post, the form
//! « Envoyer une alerte » and the alerts sent with who has acknowledged them and who has not.
//! Every alert and acknowledgement arrives by the page's live stream, and so does a closing: a
//! closed or withdrawn alert leaves the open ones for the folded list « Alertes closes », with
//! who closed it and when; the command post closes an alert (« Clore l'alerte »), its sender
//! withdraws it (« Retirer »).

use leptos::prelude::*;
use server_fn::ServerFn;

use crate::api::operations::{AcknowledgeAlert, AlertLine, CloseAlert, SendAlert};
use crate::domain::operations::Severity;
use crate::text;
use crate::ui::components::FormAction;
use crate::ui::components::{field_error, form_error, options, reset_on_success, submit_to, ErrorAlert};

/// Adds `line` to `alerts`, or replaces the alert it brings again (acknowledged since).
#[cfg(feature = "hydrate")]
pub fn upsert(alerts: RwSignal<Vec<AlertLine>>, line: AlertLine) {
    alerts.update(|all| match all.iter_mut().find(|a| a.id == line.id) {
        Some(known) => *known = line,
        None => all.push(line),
    });
}

fn severity_label(code: &str) -> &'static str {
    Severity::from_code(code).map_or("", Severity::label)
}

/// The open alerts addressed to the reader, newest first, each to acknowledge.
#[component]
pub fn OpenAlerts(
    event_id: String,
    alerts: RwSignal<Vec<AlertLine>>,
    ack: FormAction<AcknowledgeAlert>,
) -> impl IntoView {
    let open = move || {
        let mut open: Vec<AlertLine> = alerts
            .get()
            .into_iter()
            .filter(|a| a.addressed && a.acknowledged.is_none() && a.closed.is_none())
            .collect();
        open.reverse();
        open
    };
    // One list, kept: the folded list stays open while alerts change around it.
    let closed = Memo::new(move |_| {
        let mut closed: Vec<AlertLine> = alerts.get().into_iter().filter(|a| a.closed.is_some()).collect();
        closed.reverse();
        closed
    });
    view! {
        <section class="fr-mb-4w" aria-labelledby="titre-alertes" id="alertes-en-cours">
            <h2 id="titre-alertes" class="fr-h4">{text::ALERTS_OPEN_TITLE}</h2>
            <ErrorAlert message=form_error(ack)/>
            {move || {
                let open = open();
                if open.is_empty() {
                    view! { <p class="fr-text--sm" id="alertes-aucune">{text::ALERTS_NONE_OPEN}</p> }.into_any()
                } else {
                    let event_id = event_id.clone();
                    open.into_iter().map(|a| open_alert(&event_id, a, ack)).collect_view().into_any()
                }
            }}
            <details class="fr-mt-2w" id="alertes-closes" hidden=move || closed.with(Vec::is_empty)>
                <summary class="fr-text--sm">{move || text::alerts_closed_title(closed.with(Vec::len))}</summary>
                <ul class="fr-raw-list fr-mt-1w">{move || closed.get().into_iter().map(closed_alert).collect_view()}</ul>
            </details>
        </section>
    }
}

fn open_alert(event_id: &str, alert: AlertLine, ack: FormAction<AcknowledgeAlert>) -> impl IntoView {
    let AlertLine { id, at, sender, target, severity_code, text: body, restricted, .. } = alert;
    let kind = if matches!(severity_code.as_str(), "elevee" | "critique") { "error" } else { "warning" };
    let anchor = format!("alerte-{id}");
    view! {
        <div class=format!("fr-alert fr-alert--{kind} fr-mb-2w cordon-alert") id=anchor role="alert">
            <h3 class="fr-alert__title">{text::alert_from(&sender, &target)}</h3>
            <p class="fr-text--sm fr-mb-1w">
                {at}" "<span class=format!("fr-badge fr-badge--sm cordon-severity--{severity_code}")>{severity_label(&severity_code)}</span>
                {restricted.then(|| view! { " "<span class="fr-badge fr-badge--sm fr-badge--info">{text::LOG_RESTRICTED_BADGE}</span> })}
            </p>
            <p class="cordon-prewrap">{body}</p>
            <form method="post" action=AcknowledgeAlert::url() on:submit=submit_to(ack) class="fr-mt-2w">
                <input type="hidden" name="event_id" value=event_id.to_string()/>
                <input type="hidden" name="alert_id" value=id/>
                <button type="submit" class="fr-btn fr-btn--sm">{text::ALERT_ACKNOWLEDGE}</button>
            </form>
        </div>
    }
}

fn closed_alert(alert: AlertLine) -> impl IntoView {
    let AlertLine { id, at, sender, target, severity_code, text: body, closed, .. } = alert;
    view! {
        <li class="cordon-log-entry fr-mb-1w" id=format!("close-{id}")>
            <p class="fr-text--sm fr-mb-0">
                <strong>{text::alert_from(&sender, &target)}</strong>" · "{at}" "
                <span class=format!("fr-badge fr-badge--sm cordon-severity--{severity_code}")>{severity_label(&severity_code)}</span>
            </p>
            <p class="cordon-prewrap fr-mb-0">{body}</p>
            <p class="fr-text--sm fr-mb-0 cordon-alert-closed">{closed}</p>
        </li>
    }
}

/// The command post's part: the form and the alerts sent with their acknowledgements.
#[component]
pub fn CommandPost(
    event_id: String,
    targets: Vec<(String, String)>,
    alerts: RwSignal<Vec<AlertLine>>,
    send: FormAction<SendAlert>,
) -> impl IntoView {
    let form = reset_on_success(send);
    let close = FormAction::<CloseAlert>::new();
    let error = move |field: &'static str| field_error(send, field);
    let group = move |field: &'static str| move || error(field).get().is_some();
    let message =
        move |field: &'static str| move || error(field).get().map(|m| view! { <p class="fr-error-text">{m}</p> });
    let sent = move || {
        let mut sent: Vec<AlertLine> =
            alerts.get().into_iter().filter(|a| !a.recipients.is_empty() && a.closed.is_none()).collect();
        sent.reverse();
        sent
    };
    let event_id_for_close = event_id.clone();
    view! {
        <section class="fr-mb-4w" aria-labelledby="titre-envoyer-alerte">
            <h2 id="titre-envoyer-alerte" class="fr-h4">{text::ALERT_SEND_TITLE}</h2>
            <p class="fr-text--sm">{text::ALERT_SEND_INTRO}</p>
            <ErrorAlert message=form_error(send)/>
            <form method="post" action=SendAlert::url() node_ref=form on:submit=submit_to(send)>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-8 fr-select-group" class:fr-select-group--error=group("target")>
                        <label class="fr-label" for="alerte-cible">{text::ALERT_FIELD_TARGET}</label>
                        <select class="fr-select" id="alerte-cible" name="target">{options(targets)}</select>
                        {message("target")}
                    </div>
                    <div class="fr-col-12 fr-col-md-4 fr-select-group" class:fr-select-group--error=group("severity")>
                        <label class="fr-label" for="alerte-gravite">{text::ALERT_FIELD_SEVERITY}</label>
                        <select class="fr-select" id="alerte-gravite" name="severity">
                            {options(Severity::ALL.iter().rev().map(|s| (s.code().to_string(), s.label().to_string())).collect())}
                        </select>
                        {message("severity")}
                    </div>
                </div>
                <div class="fr-input-group" class:fr-input-group--error=group("text")>
                    <label class="fr-label" for="alerte-texte">
                        {text::ALERT_FIELD_TEXT}<span class="fr-hint-text">{text::ALERT_TEXT_HINT}</span>
                    </label>
                    <textarea class="fr-input" id="alerte-texte" name="text" rows="2" maxlength="480" required></textarea>
                    {message("text")}
                </div>
                <button type="submit" class="fr-btn fr-btn--icon-left fr-icon-alarm-warning-line">{text::ALERT_SEND}</button>
            </form>
            <h3 class="fr-h5 fr-mt-4w" id="titre-alertes-envoyees">{text::ALERTS_SENT_TITLE}</h3>
            <ErrorAlert message=form_error(close)/>
            <ul class="fr-raw-list" id="alertes-envoyees">
                {move || {
                    let sent = sent();
                    if sent.is_empty() {
                        view! { <li class="fr-text--sm">{text::ALERTS_NONE_SENT}</li> }.into_any()
                    } else {
                        let event_id = event_id_for_close.clone();
                        sent.into_iter().map(|a| sent_alert(&event_id, a, close)).collect_view().into_any()
                    }
                }}
            </ul>
        </section>
    }
}

fn sent_alert(event_id: &str, alert: AlertLine, close: FormAction<CloseAlert>) -> impl IntoView {
    let AlertLine { id, at, sender, target, severity_code, text: body, recipients, may_close, may_withdraw, .. } =
        alert;
    let button = |how: &'static str, label: &'static str, title: Option<&'static str>| {
        view! {
            <form method="post" action=CloseAlert::url() on:submit=submit_to(close)>
                <input type="hidden" name="event_id" value=event_id.to_string()/>
                <input type="hidden" name="alert_id" value=id.clone()/>
                <input type="hidden" name="how" value=how/>
                <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary" title=title>{label}</button>
            </form>
        }
    };
    let actions = view! {
        {may_close.then(|| button("clore", text::ALERT_CLOSE, None))}
        {may_withdraw.then(|| button("retirer", text::ALERT_WITHDRAW, Some(text::ALERT_WITHDRAW_HINT)))}
    };
    let done = recipients.iter().filter(|r| r.acknowledged.is_some()).count();
    let count = text::alert_ack_count(done, recipients.len());
    let anchor = format!("envoyee-{id}");
    view! {
        <li class="cordon-log-entry fr-mb-2w" id=anchor>
            <p class="fr-text--sm fr-mb-0">
                <strong>{text::alert_from(&sender, &target)}</strong>" · "{at}" "
                <span class=format!("fr-badge fr-badge--sm cordon-severity--{severity_code}")>{severity_label(&severity_code)}</span>
            </p>
            <p class="cordon-prewrap fr-mb-0">{body}</p>
            <p class="fr-text--sm fr-mb-0 fr-text--bold">{count}</p>
            <ul class="fr-text--sm">
                {recipients.into_iter().map(|r| {
                    let status = match r.acknowledged {
                        Some(done) => view! { <span class="cordon-ack-done">{done}</span> }.into_any(),
                        None => view! {
                            <span class="fr-badge fr-badge--sm fr-badge--warning cordon-ack-waiting">{text::ALERT_WAITING}</span>
                        }.into_any(),
                    };
                    view! { <li>{r.name}" : "{status}</li> }
                }).collect_view()}
            </ul>
            <div class="cordon-remove fr-mb-1w">{actions}</div>
        </li>
    }
}
