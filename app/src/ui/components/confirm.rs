//! A submit button that asks for confirmation: the first press (page hydrated) turns it into
//! « Confirmer … » with a cancel button beside it, the second submits its form. Without
//! JavaScript the form posts at once.

use leptos::prelude::*;

use crate::text;

/// The confirming submit button of a form. `label` and `confirm` are the button's two texts,
/// `what` completes its accessible label; `on_confirm` runs just before the form is sent.
#[component]
pub fn ConfirmButton(
    label: &'static str,
    confirm: &'static str,
    what: String,
    #[prop(optional)] on_confirm: Option<Callback<()>>,
) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let confirm_label = format!("{confirm} : {what}");
    view! {
        <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm"
            class:cordon-danger=move || confirming.get()
            aria-label=move || if confirming.get() { confirm_label.clone() } else { what.clone() }
            on:click=move |ev| {
                if confirming.get_untracked() {
                    if let Some(callback) = on_confirm {
                        callback.run(());
                    }
                    confirming.set(false);
                } else {
                    ev.prevent_default();
                    confirming.set(true);
                }
            }>
            {move || if confirming.get() { confirm } else { label }}
        </button>
        {move || confirming.get().then(|| view! {
            <button type="button" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" on:click=move |_| confirming.set(false)>
                {text::REMOVE_CANCEL}
            </button>
        })}
    }
}
