//! `GET|POST /pointage/{token}`: an agent's phone page, reached by its personal link (issue
//! 18, part 4). It shows the agent's shift and status and two buttons, « J'arrive » and « Je
//! pars », each a plain form posted back to the same address: no sign-in, no JavaScript, so it
//! opens at once on any phone. A press answers with a redirect to the page (`?fait=arrivee`,
//! `?refus=1`), so that reloading it never presses again. The token is the only credential (256 random bits, stored
//! hashed, revocable, following the rights of whoever made it: `app::service::presence`); an
//! unknown, revoked or no longer valid link answers 404 with the same page.

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use app::api::context::now;
use app::domain::document::escape_html;
use app::domain::presence::Movement;
use app::error::AppError;
use app::read_models::presence::PhonePage;
use app::state::AppState;
use app::text;

use crate::convention_http::error_response;

pub fn routes() -> Router<AppState> {
    Router::new().route("/pointage/{token}", get(show).post(act))
}

#[derive(Deserialize)]
struct Move {
    #[serde(default)]
    mouvement: String,
}

#[derive(Deserialize)]
struct Notice {
    fait: Option<String>,
    refus: Option<String>,
}

async fn show(State(state): State<AppState>, Path(token): Path<String>, Query(notice): Query<Notice>) -> Response {
    let page = app::service::presence::phone_page(&state, &token, now()).await.map(|mut page| {
        page.message = app::service::presence::phone_notice(notice.fait.as_deref(), notice.refus.as_deref());
        page
    });
    answer(page)
}

async fn act(State(state): State<AppState>, Path(token): Path<String>, Form(form): Form<Move>) -> Response {
    let query = match app::service::presence::mark_by_link(&state, &token, &form.mouvement, now()).await {
        Ok(Ok(movement)) => format!("fait={}", movement.code()),
        Ok(Err(refusal)) => {
            format!("refus={}", app::domain::presence::REFUSALS.iter().position(|r| *r == refusal).unwrap_or(0))
        }
        Err(e) => return answer(Err(e)),
    };
    // The token is URL-safe base64: it goes back into the address as it came.
    let mut response = Redirect::to(&format!("/pointage/{}?{query}", token.trim())).into_response();
    response.headers_mut().insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}

fn answer(result: Result<PhonePage, AppError>) -> Response {
    match result {
        Ok(page) => html(StatusCode::OK, &render(&page)),
        Err(AppError::NotFound) => html(
            StatusCode::NOT_FOUND,
            &frame(
                text::PRESENCE_PAGE_TITLE,
                &format!(
                    "<div class=\"fr-alert fr-alert--error\"><p>{}</p></div>",
                    escape_html(text::PRESENCE_PAGE_UNKNOWN)
                ),
            ),
        ),
        Err(e) => error_response(&e),
    }
}

/// The page around `body`: the DSFR's stylesheet from our origin, sized for a phone.
fn frame(title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\" data-fr-scheme=\"light\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\">\
         <title>{} — Cordon</title><link rel=\"stylesheet\" href=\"/dsfr/dsfr.min.css\">\
         <link rel=\"stylesheet\" href=\"/pkg/cordon.css\"></head>\
         <body><main class=\"fr-container fr-my-4w pointage\" id=\"contenu\">{body}</main></body></html>",
        escape_html(title)
    )
}

fn render(page: &PhonePage) -> String {
    let message = page.message.as_deref().map_or(String::new(), |m| {
        format!(
            "<div class=\"fr-alert fr-alert--info fr-alert--sm fr-mb-3w\" role=\"status\"><p>{}</p></div>",
            escape_html(m)
        )
    });
    let button = |movement: Movement, label: &str, primary: bool| {
        format!(
            "<form method=\"post\" class=\"fr-mb-2w\"><input type=\"hidden\" name=\"mouvement\" value=\"{}\">\
             <button type=\"submit\" class=\"fr-btn fr-btn--lg{}\" id=\"pointage-{}\">{}</button></form>",
            movement.code(),
            if primary { "" } else { " fr-btn--secondary" },
            movement.code(),
            escape_html(label)
        )
    };
    let actions = if !page.open {
        format!("<p class=\"fr-text--sm\">{}</p>", escape_html(text::PRESENCE_CLOSED))
    } else if page.present {
        button(Movement::Departure, text::PRESENCE_PAGE_LEAVE, false)
    } else {
        button(Movement::Arrival, text::PRESENCE_PAGE_ARRIVE, true)
    };
    let body = format!(
        "<p class=\"fr-text--sm fr-mb-1v\">{event}</p>\
         <h1 class=\"fr-h3\">{agent}</h1>\
         <p class=\"fr-text--sm\">{participant}</p>\
         {message}\
         <p class=\"fr-badge {badge} fr-mb-2w\" id=\"statut\">{status}</p>\
         <h2 class=\"fr-h6 fr-mb-1v\">{shift_title}</h2><p id=\"vacation\">{shift}</p>\
         {actions}",
        event = escape_html(&page.event_name),
        agent = escape_html(&page.agent_name),
        participant = escape_html(&page.participant),
        badge = if page.present { "fr-badge--success" } else { "fr-badge--warning" },
        status = escape_html(&page.status),
        shift_title = escape_html(text::PRESENCE_PAGE_NEXT_SHIFT),
        shift = escape_html(&page.shift),
    );
    frame(text::PRESENCE_PAGE_TITLE, &body)
}

fn html(status: StatusCode, page: &str) -> Response {
    let mut response = (status, page.to_string()).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    // The address carries the token: it must not leave in a Referer.
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
}
