//! The convention's PDFs over HTTP, for a signed-in reader of the event: the current draft
//! (`/evenements/{id}/convention.pdf`, built from the release the file is about) and each
//! approved, stamped and frozen convention (`/evenements/{id}/convention/approuvee-{cycle}.pdf`).
//! The handlers run the same access checks as the server functions, inside a Leptos owner
//! that holds the request and the state.

use std::future::Future;

use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, request::Parts, HeaderValue, Request, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use leptos::prelude::provide_context;
use leptos::reactive::computed::ScopedFuture;
use leptos::reactive::owner::Owner;

use app::api::context::{caller, now};
use app::error::AppError;
use app::service::convention::{approved_pdf, preview_html, preview_pdf, readable};
use app::state::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/evenements/{id}/convention.pdf", get(preview))
        .route("/evenements/{id}/convention.html", get(preview_page))
        .route("/evenements/{id}/convention/{file}", get(approved))
        .route("/evenements/{id}/convention/pieces/{piece}", get(attachment))
        .route("/prefecture/recensement/{file}", get(census_csv))
}

/// Runs `work` where the server functions' helpers find the request and the state.
pub(crate) async fn in_context<T>(state: AppState, parts: Parts, work: impl Future<Output = T> + Send + 'static) -> T {
    let owner = Owner::new();
    owner
        .with(|| {
            ScopedFuture::new(async move {
                provide_context(parts);
                provide_context(state);
                work.await
            })
        })
        .await
}

fn pdf_response(result: Result<Option<Vec<u8>>, AppError>, filename: &str) -> Response {
    match result {
        Ok(Some(pdf)) => {
            let disposition = format!("inline; filename=\"{filename}\"");
            let mut response = (StatusCode::OK, pdf).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/pdf"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Ok(None) => error_response(&AppError::NotFound),
        Err(e) => error_response(&e),
    }
}

pub(crate) fn error_response(error: &AppError) -> Response {
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = (status, error.to_string()).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

async fn preview(State(state): State<AppState>, Path(id): Path<String>, req: Request<Body>) -> Response {
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        let reference = readable(&state, &user, &id).await?;
        let pdf = preview_pdf(&state, &id, &reference, now()).await?;
        Ok::<_, AppError>((pdf, reference))
    })
    .await;
    match result {
        Ok((pdf, reference)) => pdf_response(Ok(pdf), &format!("projet-convention-{reference}.pdf")),
        Err(e) => error_response(&e),
    }
}

/// The draft convention as a page of its own (the document's HTML view), styled by the
/// DSFR's stylesheet from our origin; the same access as the PDF.
async fn preview_page(State(state): State<AppState>, Path(id): Path<String>, req: Request<Body>) -> Response {
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        let reference = readable(&state, &user, &id).await?;
        preview_html(&state, &id, &reference, now()).await
    })
    .await;
    match result {
        Ok(Some((title, body))) => {
            let page = format!(
                "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>{}</title><link rel=\"stylesheet\" href=\"/dsfr/dsfr.min.css\"></head>\
                 <body><main class=\"fr-container fr-my-4w\">{body}</main></body></html>",
                app::domain::document::escape_html(&title)
            );
            let mut response = (StatusCode::OK, page).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            response
        }
        Ok(None) => error_response(&AppError::NotFound),
        Err(e) => error_response(&e),
    }
}

async fn approved(
    State(state): State<AppState>,
    Path((id, file)): Path<(String, String)>,
    req: Request<Body>,
) -> Response {
    let Some(cycle) = file.strip_prefix("approuvee-").and_then(|f| f.strip_suffix(".pdf")).and_then(|n| n.parse().ok())
    else {
        return error_response(&AppError::NotFound);
    };
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        approved_pdf(&state, &user, &id, cycle).await
    })
    .await;
    pdf_response(result, &format!("convention-approuvee-{cycle}.pdf"))
}

/// A piece attached to the file, for a reader of the file, as a download under its name.
async fn attachment(
    State(state): State<AppState>,
    Path((id, piece)): Path<(String, String)>,
    req: Request<Body>,
) -> Response {
    let (parts, _) = req.into_parts();
    let result = in_context(state, parts, async move {
        let (state, user) = caller().await?;
        app::service::attachments::download(&state, &user, &id, &piece).await
    })
    .await;
    match result {
        Ok((meta, bytes)) => {
            let mut response = (StatusCode::OK, bytes).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(meta.format.content_type()));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
            // RFC 6266: an ASCII fallback and the UTF-8 name.
            let ascii: String = meta
                .file_name
                .chars()
                .map(|c| if c.is_ascii_graphic() && c != '"' && c != '\\' { c } else { '_' })
                .collect();
            let disposition = format!(
                "attachment; filename=\"{ascii}\"; filename*=UTF-8''{}",
                app::domain::url::percent_encode(&meta.file_name, b"")
            );
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(e) => error_response(&e),
    }
}

/// `/prefecture/recensement/2026.csv`: the census of the caller's department (a prefecture).
async fn census_csv(State(state): State<AppState>, Path(file): Path<String>, req: Request<Body>) -> Response {
    let Some(year) = file.strip_suffix(".csv").and_then(|y| y.parse::<i32>().ok()) else {
        return error_response(&AppError::NotFound);
    };
    let recipient =
        std::env::var("CORDON_CENSUS_RECIPIENT").unwrap_or_else(|_| app::text::CENSUS_DEFAULT_RECIPIENT.into());
    let (parts, _) = req.into_parts();
    let census = async move {
        let (state, user) = caller().await?;
        app::service::registry::census_file(&state, &user, year, &recipient, now()).await
    };
    match in_context(state, parts, census).await {
        Ok((body, department)) => {
            let mut response = (StatusCode::OK, body).into_response();
            let headers = response.headers_mut();
            headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8"));
            headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
            if let Ok(value) =
                HeaderValue::from_str(&format!("attachment; filename=\"recensement-{department}-{year}.csv\""))
            {
                headers.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(e) => error_response(&e),
    }
}
