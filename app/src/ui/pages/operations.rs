//! « Opérations »: the event's log (main courante) on the day, for every actor, usable on a
//! phone. The form writes an entry; the list shows the entries the reader may read, newest
//! first, filtered by zone and severity, and grows live: the page follows the server's event
//! stream (`/evenements/{id}/operations/flux`), which resumes where it stopped after a cut.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

use crate::api::operations::{AcknowledgeAlert, AlertLine, LogLine, OperationsPage, SendAlert, WriteLogEntry};
use crate::api::presence::{PresenceBlock, ZoneNowLine};
use crate::domain::operations::{EntryRef, LogCategory, Register, Severity};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::FormAction;
use crate::ui::components::{error_view, field_error, form_error, options, reset_on_success, submit_to, ErrorAlert};
use crate::ui::pages::operations_alerts::{CommandPost, OpenAlerts};
use crate::ui::pages::operations_presence::{PresenceActions, TeamPresence, ZonesNow};

/// The page's actions, made once at the top of the page (before anything suspends).
#[derive(Clone, Copy)]
struct Actions {
    write: FormAction<WriteLogEntry>,
    send: FormAction<SendAlert>,
    ack: FormAction<AcknowledgeAlert>,
}

#[component]
pub fn OperationsPageView() -> impl IntoView {
    let params = use_params_map();
    let event_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let actions = Actions {
        write: FormAction::<WriteLogEntry>::new(),
        send: FormAction::<SendAlert>::new(),
        ack: FormAction::<AcknowledgeAlert>::new(),
    };
    let presence_actions = PresenceActions::new();
    let page = crate::ui::codec::load(event_id, |id| call!(crate::api::operations::GetOperations { event_id: id }));
    let presence = crate::ui::codec::load(event_id, |id| call!(crate::api::presence::GetPresence { event_id: id }));
    view! {
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match (page.await, presence.await) {
                    (Ok(page), Ok(presence)) => view! { <Operations page presence actions presence_actions/> }.into_any(),
                    (Err(e), _) | (_, Err(e)) => error_view(e),
                }
            })}
        </Transition>
    }
}

/// Adds `line` to `lines` unless it is there already (a stream that reconnects may bring it
/// again). The writer's own entry comes by the stream too.
#[cfg(feature = "hydrate")]
fn add(lines: RwSignal<Vec<LogLine>>, line: LogLine) {
    lines.update(|all| {
        if !all.iter().any(|l| l.code == line.code) {
            all.push(line);
        }
    });
}

#[component]
fn Operations(
    page: OperationsPage,
    presence: PresenceBlock,
    actions: Actions,
    presence_actions: PresenceActions,
) -> impl IntoView {
    let OperationsPage {
        event_id,
        event_name,
        open,
        status,
        zones,
        writes_restricted,
        lines,
        cursor,
        alerts,
        alert_targets,
    } = page;
    let Actions { write, send, ack } = actions;
    let lines = RwSignal::new(lines);
    let alerts = RwSignal::new(alerts);
    let live = RwSignal::new(false);
    let zone_filter = RwSignal::new(String::new());
    let severity_filter = RwSignal::new(String::new());
    let PresenceBlock { zones: zones_now, team } = presence;
    let zones_now = RwSignal::new(zones_now);
    let presence_changed = RwSignal::new(0u32);
    follow(&event_id, cursor, (lines, alerts, (zones_now, presence_changed)), live);
    let command_post = !alert_targets.is_empty();
    let title = format!("{} — {event_name}", text::OPERATIONS_TITLE);
    let back = format!("/evenements/{event_id}");
    let csv = format!("/evenements/{event_id}/operations/main-courante.csv");
    let pdf = format!("/evenements/{event_id}/operations/main-courante.pdf");
    let shown = move || {
        let (zone, severity) = (zone_filter.get(), severity_filter.get());
        let mut shown: Vec<LogLine> = lines
            .get()
            .into_iter()
            .filter(|l| (zone.is_empty() || l.zone_id == zone) && (severity.is_empty() || l.severity_code == severity))
            .collect();
        shown.reverse();
        shown
    };
    let zone_options = zones.clone();
    view! {
        <Title text=title.clone()/>
        <p class="fr-mb-1w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href=back>{format!("Retour au plan de « {event_name} »")}</a></p>
        <h1>{title}</h1>
        {(!open).then(|| view! { <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" id="operations-etat"><p>{status}</p></div> })}
        <OpenAlerts event_id=event_id.clone() alerts ack/>
        <ZonesNow zones=zones_now/>
        {(!team.is_empty()).then(|| view! {
            <TeamPresence event_id=event_id.clone() team open actions=presence_actions changed=presence_changed/>
        })}
        {command_post.then(|| view! { <CommandPost event_id=event_id.clone() targets=alert_targets alerts send/> })}
        {open.then(|| view! { <LogForm event_id=event_id.clone() zones writes_restricted write/> })}
        <section class="fr-mt-4w" aria-labelledby="titre-main-courante">
            <h2 id="titre-main-courante" class="fr-h4">{text::LOG_TITLE}</h2>
            <p class="fr-text--sm" id="operations-direct" aria-live="polite">
                {move || if live.get() { text::LOG_LIVE } else { "" }}
                " "<a class="fr-link fr-link--sm" href=csv download="">{text::LOG_EXPORT_CSV}</a>
                " "<a class="fr-link fr-link--sm" href=pdf download="" id="main-courante-pdf">{text::LOG_PDF}</a>
            </p>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-6 fr-select-group">
                    <label class="fr-label" for="filtre-zone">{text::LOG_FILTER_ZONE}</label>
                    <select class="fr-select" id="filtre-zone" on:change=move |ev| zone_filter.set(event_target_value(&ev))>
                        <option value="">{text::LOG_ALL_ZONES}</option>
                        {options(zone_options)}
                    </select>
                </div>
                <div class="fr-col-12 fr-col-md-6 fr-select-group">
                    <label class="fr-label" for="filtre-gravite">{text::LOG_FILTER_SEVERITY}</label>
                    <select class="fr-select" id="filtre-gravite" on:change=move |ev| severity_filter.set(event_target_value(&ev))>
                        <option value="">{text::LOG_ALL_SEVERITIES}</option>
                        {options(severities())}
                    </select>
                </div>
            </div>
            <ul class="cordon-log fr-raw-list" id="main-courante">
                {move || {
                    let shown = shown();
                    if shown.is_empty() {
                        let empty = if lines.with(Vec::is_empty) { text::LOG_EMPTY } else { text::LOG_NONE_MATCH };
                        view! { <li class="cordon-log-empty">{empty}</li> }.into_any()
                    } else {
                        shown.into_iter().map(entry).collect_view().into_any()
                    }
                }}
            </ul>
        </section>
    }
}

fn severities() -> Vec<(String, String)> {
    Severity::ALL.iter().map(|s| (s.code().to_string(), s.label().to_string())).collect()
}

fn entry(line: LogLine) -> impl IntoView {
    let LogLine {
        reference, code, at, author, organisation, zone, category, severity_code, text: body, corrects, ..
    } = line;
    let writer = match author {
        Some(author) => format!("{author} ({organisation})"),
        None => organisation,
    };
    let place = if zone.is_empty() { String::new() } else { format!(" · {zone}") };
    let restricted = EntryRef::from_code(&code).is_some_and(|r| r.register == Register::Restricted);
    let severity = Severity::from_code(&severity_code).map_or("", Severity::label);
    view! {
        <li class=format!("cordon-log-entry cordon-log--{severity_code}") id=format!("entree-{code}")>
            <p class="fr-text--sm fr-mb-0">
                <strong>{reference}</strong>" · "{at}{place}" · "{category}" "
                <span class=format!("fr-badge fr-badge--sm cordon-severity--{severity_code}")>{severity}</span>
                {restricted.then(|| view! { " "<span class="fr-badge fr-badge--sm fr-badge--info">{text::LOG_RESTRICTED_BADGE}</span> })}
            </p>
            <p class="cordon-prewrap fr-mb-0">{body}</p>
            <p class="fr-text--xs fr-mb-0">
                {writer}
                {corrects.map(|c| format!(" — {} {c}", text::LOG_CORRECTS))}
            </p>
        </li>
    }
}

#[component]
fn LogForm(
    event_id: String,
    zones: Vec<(String, String)>,
    writes_restricted: bool,
    write: FormAction<WriteLogEntry>,
) -> impl IntoView {
    let form = reset_on_success(write);
    let error = move |field: &'static str| field_error(write, field);
    let group = move |field: &'static str| move || error(field).get().is_some();
    let message =
        move |field: &'static str| move || error(field).get().map(|m| view! { <p class="fr-error-text">{m}</p> });
    view! {
        <section aria-labelledby="titre-nouvelle-entree">
            <h2 id="titre-nouvelle-entree" class="fr-h4">{text::LOG_NEW}</h2>
            <ErrorAlert message=form_error(write)/>
            <form method="post" action=WriteLogEntry::url() node_ref=form on:submit=submit_to(write)>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-4 fr-select-group" class:fr-select-group--error=group("category")>
                        <label class="fr-label" for="entree-categorie">{text::LOG_FIELD_CATEGORY}</label>
                        <select class="fr-select" id="entree-categorie" name="category">
                            {options(LogCategory::ALL.iter().map(|c| (c.code().to_string(), c.label().to_string())).collect())}
                        </select>
                        {message("category")}
                    </div>
                    <div class="fr-col-12 fr-col-md-4 fr-select-group" class:fr-select-group--error=group("severity")>
                        <label class="fr-label" for="entree-gravite">{text::LOG_FIELD_SEVERITY}</label>
                        <select class="fr-select" id="entree-gravite" name="severity">
                            {options(severities())}
                        </select>
                        {message("severity")}
                    </div>
                    <div class="fr-col-12 fr-col-md-4 fr-select-group" class:fr-select-group--error=group("zone_id")>
                        <label class="fr-label" for="entree-zone">{text::LOG_FIELD_ZONE}</label>
                        <select class="fr-select" id="entree-zone" name="zone_id">
                            <option value="">{text::LOG_NO_ZONE}</option>
                            {options(zones)}
                        </select>
                        {message("zone_id")}
                    </div>
                </div>
                <div class="fr-input-group" class:fr-input-group--error=group("text")>
                    <label class="fr-label" for="entree-texte">{text::LOG_FIELD_TEXT}</label>
                    <textarea class="fr-input" id="entree-texte" name="text" rows="3" required></textarea>
                    {message("text")}
                </div>
                <div class="fr-grid-row fr-grid-row--gutters">
                    <div class="fr-col-12 fr-col-md-6 fr-select-group" class:fr-select-group--error=group("register")>
                        <label class="fr-label" for="entree-lecteurs">{text::LOG_FIELD_REGISTER}</label>
                        <select class="fr-select" id="entree-lecteurs" name="register">
                            <option value="tous">{text::LOG_REGISTER_SHARED}</option>
                            {writes_restricted.then(|| view! { <option value="etat">{text::LOG_REGISTER_RESTRICTED}</option> })}
                        </select>
                        {message("register")}
                    </div>
                    <div class="fr-col-12 fr-col-md-6 fr-input-group" class:fr-input-group--error=group("corrects")>
                        <label class="fr-label" for="entree-corrige">
                            {text::LOG_FIELD_CORRECTS}<span class="fr-hint-text">{text::LOG_CORRECTS_HINT}</span>
                        </label>
                        <input class="fr-input" type="text" id="entree-corrige" name="corrects" autocomplete="off"/>
                        {message("corrects")}
                    </div>
                </div>
                <button type="submit" class="fr-btn fr-mt-2w">{text::LOG_WRITE}</button>
            </form>
        </section>
    }
}

/// Follows the log's live stream from `cursor` and adds each entry it brings (in the browser
/// only; the server renders the page as it is).
#[cfg(feature = "hydrate")]
fn follow(event_id: &str, cursor: String, (lines, alerts, (zones, changed)): Signals, live: RwSignal<bool>) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let url = format!("/evenements/{event_id}/operations/flux?depuis={cursor}&format=compact");
    let Ok(source) = web_sys::EventSource::new(&url) else { return };
    let on_message = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(data) = ev.data().as_string() {
            // Read like every other answer, in the compact format (`ui::codec`).
            if let Some(line) = crate::ui::codec::from_compact_text::<LogLine>(&data) {
                add(lines, line);
            }
        }
    });
    let on_alert = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(data) = ev.data().as_string() {
            if let Some(alert) = crate::ui::codec::from_compact_text::<AlertLine>(&data) {
                crate::ui::pages::operations_alerts::upsert(alerts, alert);
            }
        }
    });
    let on_presence = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
        if let Some(data) = ev.data().as_string() {
            if let Some(now) = crate::ui::codec::from_compact_text::<Vec<ZoneNowLine>>(&data) {
                zones.set(now);
                changed.update(|n| *n = n.wrapping_add(1));
            }
        }
    });
    let on_open = Closure::<dyn FnMut()>::new(move || live.set(true));
    let on_error = Closure::<dyn FnMut()>::new(move || live.set(false));
    source.add_event_listener_with_callback("entree", on_message.as_ref().unchecked_ref()).ok();
    source.add_event_listener_with_callback("alerte", on_alert.as_ref().unchecked_ref()).ok();
    source.add_event_listener_with_callback("presence", on_presence.as_ref().unchecked_ref()).ok();
    source.set_onopen(Some(on_open.as_ref().unchecked_ref()));
    source.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_alert.forget();
    on_presence.forget();
    on_open.forget();
    on_error.forget();
    // The stream closes with the page. Leptos wants a cleanup it can send between threads, and
    // a browser object is not one: the page keeps it here under a number.
    thread_local! {
        static OPEN: std::cell::RefCell<Vec<(u32, web_sys::EventSource)>> = const { std::cell::RefCell::new(Vec::new()) };
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let key = NEXT.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    OPEN.with(|open| open.borrow_mut().push((key, source)));
    on_cleanup(move || {
        OPEN.with(|open| {
            open.borrow_mut().retain(|(k, source)| {
                if *k == key {
                    source.close();
                }
                *k != key
            })
        })
    });
}

#[cfg(not(feature = "hydrate"))]
fn follow(_: &str, _: String, _: Signals, _: RwSignal<bool>) {}

/// The entries and the alerts the stream adds to, the zones now it replaces and the count of
/// its `presence` events.
type Signals = (RwSignal<Vec<LogLine>>, RwSignal<Vec<AlertLine>>, (RwSignal<Vec<ZoneNowLine>>, RwSignal<u32>));
