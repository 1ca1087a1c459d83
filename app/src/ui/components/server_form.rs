//! The pages' forms and their server functions, with little code in the browser bundle.
//!
//! Leptos's `ServerAction` and `ActionForm` are generic over each server function: each form
//! read the submitted fields into the function's arguments (`serde_qs`), wrote them back into
//! a request body (`serde_qs` again) and carried its own copy of the request's code. With 58
//! actions that was about 200 KiB of the bundle (BENCHMARKS.md §4). Here a form posts its
//! fields as the browser itself would post them (`application/x-www-form-urlencoded`, the
//! submit button included), which is what the server function already reads from a plain
//! post before the WebAssembly has loaded; only the answer's type is generic, and most
//! answers are `()`, read in the compact format (`ui::codec`). The server function's
//! arguments are never encoded in the browser.
//!
//! [`FormAction`] replaces `ServerAction` (same `value()`, `version()`, `pending()`: it
//! dereferences to an [`Action`] whose input is the form's body), [`ServerForm`] replaces
//! `ActionForm`. Clippy refuses Leptos's two (`clippy.toml`).

use std::marker::PhantomData;
use std::ops::Deref;

use leptos::ev::SubmitEvent;
use leptos::html::Form;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use server_fn::ServerFn;

use crate::error::AppError;

/// The last and current submissions of a form posting to the server function `S`.
pub struct FormAction<S: ServerFn> {
    inner: Action<String, Result<S::Output, AppError>>,
    server_fn: PhantomData<fn() -> S>,
}

impl<S: ServerFn> Clone for FormAction<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: ServerFn> Copy for FormAction<S> {}

impl<S> FormAction<S>
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned + Send + Sync + 'static,
{
    /// A fresh action. After a plain post (no WebAssembly yet) refused by the server, the page
    /// comes back with the error in its URL: the action starts with it, as `ServerAction` did.
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        FormAction { inner: action(S::PATH, redirected_error(S::PATH)), server_fn: PhantomData }
    }

    /// The server function's URL, the form's `action` attribute.
    pub fn url(&self) -> &'static str {
        S::PATH
    }
}

impl<S: ServerFn> Deref for FormAction<S>
where
    S::Output: Send + Sync + 'static,
{
    type Target = Action<String, Result<S::Output, AppError>>;

    fn deref(&self) -> &Self::Target {
        &self.inner
    }
}

/// The error a plain post to `path` was refused with, carried back in the page's URL.
fn redirected_error<O>(path: &str) -> Option<Result<O, AppError>> {
    use leptos::server::ServerActionError;
    use server_fn::error::ServerFnUrlError;
    use_context::<ServerActionError>()
        .filter(|error| error.path() == path)
        .map(|error| Err(ServerFnUrlError::<AppError>::decode_err(error.err())))
}

/// An action posting its input, a form's encoded fields, to `path`.
fn action<O>(path: &'static str, initial: Option<Result<O, AppError>>) -> Action<String, Result<O, AppError>>
where
    O: DeserializeOwned + Send + Sync + 'static,
{
    Action::new_with_value(initial, move |body: &String| post::<O>(path, body.clone()))
}

/// Posts `body` to the server function at `path` and reads its answer, asked for in the
/// compact format (`ui::codec`; see [`answer`]).
async fn post<O: DeserializeOwned>(path: &'static str, body: String) -> Result<O, AppError> {
    #[cfg(feature = "hydrate")]
    {
        use server_fn::request::{browser::BrowserRequest, ClientReq};
        let request = <BrowserRequest as ClientReq<AppError>>::try_new_post(
            path,
            "application/x-www-form-urlencoded",
            crate::ui::codec::COMPACT,
            body,
        );
        answer(request).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Forms are only submitted in the browser.
        let _ = (path, body);
        Err(AppError::Internal)
    }
}

/// Posts a form with a file to the server function `S` (`multipart/form-data`, as the browser
/// builds it) and reads its answer like [`post`]'s.
pub async fn post_with_file<S>(data: web_sys::FormData) -> Result<S::Output, AppError>
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned,
{
    #[cfg(feature = "hydrate")]
    {
        use server_fn::request::{browser::BrowserRequest, ClientReq};
        let request = <BrowserRequest as ClientReq<AppError>>::try_new_post_multipart(
            S::PATH,
            crate::ui::codec::COMPACT,
            data.into(),
        );
        answer(request).await
    }
    #[cfg(not(feature = "hydrate"))]
    {
        // Files are only sent from the browser.
        let _ = data;
        Err(AppError::Internal)
    }
}

/// Sends `request` and reads its answer in the compact format, as the server function's own
/// client does otherwise: an error status carries an [`AppError`] (in the compact format too,
/// `error::ErrorEncoding`), a redirection goes through the router's hook.
#[cfg(feature = "hydrate")]
async fn answer<O: DeserializeOwned>(
    request: Result<server_fn::request::browser::BrowserRequest, AppError>,
) -> Result<O, AppError> {
    use server_fn::client::{browser::BrowserClient, Client};
    use server_fn::error::{FromServerFnError, IntoAppError, ServerFnErrorErr};
    use server_fn::response::{browser::BrowserResponse, ClientRes};
    let response = <BrowserClient as Client<AppError>>::send(request?).await?;
    let status = <BrowserResponse as ClientRes<AppError>>::status(&response);
    let location = <BrowserResponse as ClientRes<AppError>>::location(&response);
    let redirected = <BrowserResponse as ClientRes<AppError>>::has_redirect(&response);
    let bytes = <BrowserResponse as ClientRes<AppError>>::try_into_bytes(response).await?;
    let outcome = if (400..=599).contains(&status) {
        Err(AppError::de(bytes))
    } else {
        crate::ui::codec::from_compact::<O>(&bytes)
            .map_err(|e| ServerFnErrorErr::Deserialization(e.to_string()).into_app_error())
    };
    if (300..=399).contains(&status) || redirected {
        server_fn::redirect::call_redirect_hook(&location);
    }
    outcome
}

/// Calls the server function `S` from the browser with `fields`, its arguments by name and as
/// text, posted as a form's fields would be (see `ui::codec::call!`).
pub fn fetch<S>(
    fields: &[(&str, String)],
) -> impl std::future::Future<Output = Result<S::Output, AppError>> + Send + 'static
where
    S: ServerFn<Error = AppError>,
    S::Output: DeserializeOwned + Send + Sync + 'static,
{
    post::<S::Output>(S::PATH, encode(fields))
}

/// `fields` as a URL-encoded form's body.
fn encode(fields: &[(&str, String)]) -> String {
    use crate::domain::url::percent_encode;
    let pairs: Vec<String> =
        fields.iter().map(|(name, value)| format!("{name}={}", percent_encode(value, b""))).collect();
    pairs.join("&")
}

/// The body a plain post of the submitted form would have: its fields, URL-encoded, with the
/// button that submitted it.
fn form_body(event: &SubmitEvent) -> Option<String> {
    #[cfg(feature = "hydrate")]
    {
        let data = leptos::form::form_data_from_event(event).ok()?;
        let params = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data).ok()?;
        params.to_string().as_string()
    }
    #[cfg(not(feature = "hydrate"))]
    {
        let _ = event;
        None
    }
}

/// The `on:submit` handler of a form posting to `action`'s server function: the browser does
/// not post the page, the action posts the form's fields.
pub fn submit_to<S>(action: FormAction<S>) -> impl Fn(SubmitEvent) + Clone + 'static
where
    S: ServerFn,
    S::Output: Send + Sync + 'static,
{
    let dispatch = Callback::new(move |body: String| {
        action.inner.dispatch(body);
    });
    move |event: SubmitEvent| submit(&event, dispatch)
}

fn submit(event: &SubmitEvent, dispatch: Callback<String>) {
    if event.default_prevented() {
        return;
    }
    event.prevent_default();
    if let Some(body) = form_body(event) {
        dispatch.run(body);
    }
}

/// A form posting to `action`'s server function, as Leptos's `ActionForm` (`method="post"` and
/// the function's URL: it works before the WebAssembly has loaded).
#[component]
pub fn ServerForm<S>(
    action: FormAction<S>,
    #[prop(optional)] node_ref: Option<NodeRef<Form>>,
    children: Children,
) -> impl IntoView
where
    S: ServerFn,
    S::Output: Send + Sync + 'static,
{
    let dispatch = Callback::new(move |body: String| {
        action.inner.dispatch(body);
    });
    form_view(S::PATH, dispatch, node_ref, children)
}

fn form_view(
    url: &'static str,
    dispatch: Callback<String>,
    node_ref: Option<NodeRef<Form>>,
    children: Children,
) -> AnyView {
    let node_ref = node_ref.unwrap_or_default();
    view! {
        <form action=url method="post" node_ref=node_ref on:submit=move |event: SubmitEvent| submit(&event, dispatch)>
            {children()}
        </form>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::encode;

    #[test]
    fn arguments_are_encoded_as_a_form_would_post_them() {
        let fields = [("event_id", String::from("a b/é&c=d")), ("year", 2026.to_string())];
        assert_eq!(encode(&fields), "event_id=a%20b%2F%C3%A9%26c%3Dd&year=2026");
        assert_eq!(encode(&[]), "");
    }
}
