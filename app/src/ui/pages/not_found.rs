//! The page for an unknown address.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::text;

#[component]
pub fn NotFoundPage() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(axum::http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=text::PAGE_NOT_FOUND/>
        <h1>{text::PAGE_NOT_FOUND}</h1>
        <p class="fr-text--lead">{text::PAGE_NOT_FOUND_TEXT}</p>
        <a class="fr-btn" href="/">{text::BACK_HOME}</a>
    }
}
