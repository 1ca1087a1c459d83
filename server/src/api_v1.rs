//! The JSON API, version 1: an event's plan as a `cordon-plan/3` file (docs/plan-format.md),
//! read with `GET` and sent back with `PUT` on `/api/v1/events/{id}/plan`; a plan file from
//! this Cordon or another one imported as a new event with `POST /api/v1/events`
//! (`?preview=true` to see how its organisations are recognised, `?copy=true` for new ids).
//!
//! Authentication is a personal API token in `Authorization: Bearer …` and nothing else: no
//! cookie is read here, so another site's page cannot act with a visitor's session. The
//! token's owner has exactly the rights the interface gives them: no access answers 404; a
//! reader who is neither a State force nor the prefecture never receives restricted
//! deployments; a `PUT` applies only what its sender may edit, all or nothing.

use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;

use app::domain::interchange::{ImportError, MAX_PLAN_BYTES};
use app::domain::plan::EventAccess;
use app::domain::Instant;
use app::service::access::{plan_for as plan_with_access, plan_tag};
use app::service::new_plans::{self, ImportOptions, ImportRefused, Importer};
use app::service::plan_edits::{self, ReplaceError, Replaced};
use app::service::security::hash_token;
use app::state::AppState;
use app::store::api_tokens;
use app::store::plans::StoredPlan;
use app::store::users::UserRow;
use app::text;

/// The API's routes, to merge into the application's router.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/events/{id}/plan", get(get_plan).put(put_plan))
        .route("/api/v1/events", post(post_event))
}

/// Why a request was refused; each answer is JSON with a French message.
#[derive(Debug)]
enum ApiError {
    /// No token, an unknown one or a revoked one.
    Unauthorised,
    NotFound,
    /// Signed in, but not allowed (French message).
    Forbidden(&'static str),
    TooLarge,
    Unreadable,
    /// The file's errors, each with its JSON path.
    Invalid(Vec<ImportError>),
    Conflict,
    Internal,
}

impl From<sqlx::Error> for ApiError {
    fn from(err: sqlx::Error) -> Self {
        tracing::error!(error = %err, "database error in the JSON API");
        ApiError::Internal
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match self {
            ApiError::Invalid(errors) => {
                return (StatusCode::UNPROCESSABLE_ENTITY, no_store(), Json(json!({ "errors": errors })))
                    .into_response()
            }
            ApiError::Unauthorised => {
                let challenge = [(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer realm=\"cordon\""))];
                let body = Json(json!({ "error": text::API_UNAUTHORISED }));
                return (StatusCode::UNAUTHORIZED, challenge, no_store(), body).into_response();
            }
            ApiError::NotFound => (StatusCode::NOT_FOUND, text::NOT_FOUND),
            ApiError::Forbidden(message) => (StatusCode::FORBIDDEN, message),
            ApiError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, text::API_TOO_LARGE),
            ApiError::Unreadable => (StatusCode::BAD_REQUEST, text::API_BODY_UNREADABLE),
            ApiError::Conflict => (StatusCode::CONFLICT, text::API_CONFLICT),
            ApiError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, text::INTERNAL),
        };
        (status, no_store(), Json(json!({ "error": message }))).into_response()
    }
}

/// Plans are not for shared caches.
fn no_store() -> [(header::HeaderName, HeaderValue); 1] {
    [(header::CACHE_CONTROL, HeaderValue::from_static("no-store"))]
}

fn now() -> Instant {
    Instant::from(chrono::Utc::now())
}

/// The token of an `Authorization: Bearer <token>` header.
fn bearer(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.trim().split_once(' ')?;
    Some(token.trim()).filter(|t| scheme.eq_ignore_ascii_case("bearer") && !t.is_empty())
}

/// The owner of the request's live token.
async fn caller(state: &AppState, headers: &HeaderMap) -> Result<UserRow, ApiError> {
    let token = bearer(headers).ok_or(ApiError::Unauthorised)?;
    api_tokens::user_of(&state.db, &hash_token(token), now()).await?.ok_or(ApiError::Unauthorised)
}

/// The stored plan of `event_id` and the caller's access; 404 for anyone without access.
async fn plan_for(state: &AppState, user: &UserRow, event_id: &str) -> Result<(StoredPlan, EventAccess), ApiError> {
    plan_with_access(&state.db, &user.id, event_id).await?.ok_or(ApiError::NotFound)
}

/// `GET /api/v1/events/{id}/plan`: the plan as the caller may read it, byte for byte what
/// `cordon plan export` writes for that reader.
async fn get_plan(
    State(state): State<AppState>,
    Path(event_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let user = caller(&state, &headers).await?;
    let (stored, access) = plan_for(&state, &user, &event_id).await?;
    let tag = plan_tag(&stored, &access);
    let file = new_plans::plan_file(&state.db, &stored.plan.as_read_by(&access)).await?;
    let mut response = (StatusCode::OK, no_store(), file).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json; charset=utf-8"));
    if let Ok(value) = HeaderValue::from_str(&tag) {
        headers.insert(header::ETAG, value);
    }
    Ok(response)
}

/// The body, refused as soon as it grows past `limit` bytes.
async fn read_limited(mut body: Body, limit: usize) -> Result<Vec<u8>, ApiError> {
    use axum::body::HttpBody;
    let mut bytes = Vec::new();
    while let Some(frame) = std::future::poll_fn(|cx| std::pin::Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame.map_err(|_| ApiError::Unreadable)?.into_data() else { continue };
        if bytes.len() + data.len() > limit {
            return Err(ApiError::TooLarge);
        }
        bytes.extend_from_slice(&data);
    }
    Ok(bytes)
}

/// A plan file sent as the body: refused at once when it says it is over the limit, and as soon
/// as it grows past it.
async fn plan_body(headers: &HeaderMap, body: Body) -> Result<Vec<u8>, ApiError> {
    let declared = headers.get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|length| length > MAX_PLAN_BYTES as u64) {
        return Err(ApiError::TooLarge);
    }
    read_limited(body, MAX_PLAN_BYTES).await
}

/// `PUT /api/v1/events/{id}/plan`: applies what the caller may change, in one transaction,
/// or nothing with every reason (422), or nothing because the plan changed meanwhile (409).
async fn put_plan(
    State(state): State<AppState>,
    Path(event_id): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let user = caller(&state, &headers).await?;
    // Every write names the versions it was based on: the `ETag` of the `GET` it started from.
    let based_on = headers.get(header::IF_MATCH).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let bytes = plan_body(&headers, body).await?;
    // The application layer decides, with the same rules as the forms.
    match plan_edits::replace_plan(&state, &user, &event_id, &based_on, &bytes, now()).await {
        Ok(replaced) => {
            let Replaced { created, updated, deleted } = replaced;
            tracing::info!(event = %event_id, user = %user.id, created, updated, deleted, "plan updated through the API");
            Ok((StatusCode::OK, no_store(), Json(replaced)).into_response())
        }
        Err(ReplaceError::NotFound) => Err(ApiError::NotFound),
        Err(ReplaceError::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(ReplaceError::Conflict) => Err(ApiError::Conflict),
        Err(ReplaceError::Store(e)) => Err(e.into()),
    }
}

/// `POST /api/v1/events`: a plan file imported as a new event organised by one of the
/// caller's organisations (201 with what was made), or with `?preview=true` only what would
/// be (200); its organisations recognised here, never created; `?copy=true` gives every
/// record a new id. Nothing is written unless all of it is.
async fn post_event(
    State(state): State<AppState>,
    Query(options): Query<ImportOptions>,
    headers: HeaderMap,
    body: Body,
) -> Result<Response, ApiError> {
    let user = caller(&state, &headers).await?;
    let bytes = plan_body(&headers, body).await?;
    match new_plans::import(&state, Importer::Member(&user), &bytes, options, now()).await {
        Ok(summary) => {
            let status = if summary.imported { StatusCode::CREATED } else { StatusCode::OK };
            Ok((status, no_store(), Json(summary)).into_response())
        }
        Err(ImportRefused::Invalid(errors)) => Err(ApiError::Invalid(errors)),
        Err(ImportRefused::Forbidden(message)) => Err(ApiError::Forbidden(message)),
        Err(ImportRefused::Store(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_is_read_up_to_the_limit_and_refused_one_byte_past_it() {
        assert_eq!(read_limited(Body::from(vec![b'x'; 10]), 10).await.unwrap().len(), 10);
        assert!(matches!(read_limited(Body::from(vec![b'x'; 11]), 10).await, Err(ApiError::TooLarge)));
    }

    #[test]
    fn only_a_bearer_authorisation_carries_a_token() {
        let with = |value: &'static str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::AUTHORIZATION, HeaderValue::from_static(value));
            bearer(&headers).map(str::to_string)
        };
        assert_eq!(with("Bearer abc"), Some("abc".into()));
        assert_eq!(with("bearer  abc "), Some("abc".into()));
        assert_eq!(with("Basic abc"), None);
        assert_eq!(with("Bearer "), None);
        assert_eq!(bearer(&HeaderMap::new()), None);
    }
}
