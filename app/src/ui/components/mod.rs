//! Shared components: form fields with their error message, alerts, error handling.

mod confirm;
mod field;
mod pages;
mod printing;
mod server_form;
pub use confirm::ConfirmButton;
pub use field::{field_id, SelectField, TextField};
pub use pages::{page_count, page_range, TablePages, PAGE_SIZE};
pub use printing::printing;
pub use server_form::{fetch, post_with_file, submit_to, FormAction, ServerForm};

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::use_location;

use crate::error::AppError;

/// The field's error from the last submission of `action`, if it concerns `field`.
pub fn field_error<I, O>(action: FormAction<I>, field: &'static str) -> Signal<Option<String>>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + 'static,
    O: Clone + Send + Sync + 'static,
{
    field_error_of(action.value().into(), field)
}

/// As [`field_error`], for any action's last outcome (an upload's local action).
pub fn field_error_of<O>(outcome: Signal<Option<Result<O, AppError>>>, field: &'static str) -> Signal<Option<String>>
where
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || outcome.get().and_then(|r| r.err()).and_then(|e| e.message_for(field)))
}

/// The last submission's error when it concerns no single field.
pub fn form_error<I, O>(action: FormAction<I>) -> Signal<Option<String>>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + 'static,
    O: Clone + Send + Sync + 'static,
{
    form_error_of(action.value().into())
}

/// As [`form_error`], for any action's last outcome (an upload's local action).
pub fn form_error_of<O>(outcome: Signal<Option<Result<O, AppError>>>) -> Signal<Option<String>>
where
    O: Clone + Send + Sync + 'static,
{
    Signal::derive(move || {
        outcome.get().and_then(|r| r.err()).filter(|e| !matches!(e, AppError::Invalid { .. })).map(|e| e.to_string())
    })
}

/// The `<option>`s of a select, each (value, label). Every select of the pages goes through
/// this one function: each `map(|…| view! { <option … /> })` of its own added its own copy of
/// the rendering code to the browser bundle (BENCHMARKS.md §4).
pub fn options(items: Vec<(String, String)>) -> AnyView {
    items.into_iter().map(|(value, label)| view! { <option value=value>{label}</option> }).collect_view().into_any()
}

/// A form reference that empties its form after each successful submission of `action`.
pub fn reset_on_success<I, O>(action: FormAction<I>) -> NodeRef<leptos::html::Form>
where
    I: server_fn::ServerFn<Output = O, Error = AppError> + 'static,
    O: Clone + Send + Sync + 'static,
{
    let form = NodeRef::<leptos::html::Form>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    form
}

/// A DSFR error alert that appears when `message` holds something.
#[component]
pub fn ErrorAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <div class="fr-alert fr-alert--error fr-alert--sm fr-mb-3w" role="alert">
                    <p>{m}</p>
                </div>
            }
        })
    }
}

/// A DSFR success alert.
#[component]
pub fn SuccessAlert(#[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    move || {
        message.get().map(|m| {
            view! {
                <div class="fr-alert fr-alert--success fr-alert--sm fr-mb-3w" role="status">
                    <p>{m}</p>
                </div>
            }
        })
    }
}

/// What a page shows when loading its data failed: the sign-in page for a visitor
/// (coming back here afterwards), otherwise the French message.
pub fn error_view(err: AppError) -> AnyView {
    match err {
        AppError::NotSignedIn => {
            let location = use_location();
            let here = location.pathname.get_untracked();
            let path = format!("/connexion?next={}", crate::domain::url::percent_encode(&here, b"/"));
            view! { <Redirect path/> }.into_any()
        }
        other => {
            let message = other.to_string();
            view! {
                <div class="fr-alert fr-alert--error" role="alert">
                    <h2 class="fr-alert__title">"Accès impossible"</h2>
                    <p>{message}</p>
                </div>
            }
            .into_any()
        }
    }
}
