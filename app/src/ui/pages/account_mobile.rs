//! « Numéro de mobile » on the account page: the optional number the day's alerts are texted
//! to, its error under the field.

use leptos::prelude::*;

use crate::api::accounts::SetMobile;
use crate::error::AppError;
use crate::text;
use crate::ui::codec::call;
use crate::ui::codec::Loaded;
use crate::ui::components::{field_error, form_error, ErrorAlert, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

/// The number as stored, loaded at the top of the page (before anything suspends).
pub type MobileResource = Loaded<Result<String, AppError>>;

/// Made by the account page with its other resources.
pub fn load_mobile(action: FormAction<SetMobile>) -> MobileResource {
    crate::ui::codec::load(move || action.version().get(), |_| call!(crate::api::accounts::GetMobile {}))
}

/// The mobile number form.
#[component]
pub fn MobileForm(action: FormAction<SetMobile>, mobile: MobileResource) -> impl IntoView {
    let saved = Signal::derive(move || match action.value().get() {
        Some(Ok(number)) if number.is_empty() => Some(text::MOBILE_REMOVED.to_string()),
        Some(Ok(_)) => Some(text::MOBILE_SAVED.to_string()),
        _ => None,
    });
    view! {
        <h2 class="fr-h4 fr-mt-6w">{text::MOBILE_TITLE}</h2>
        <p>{text::MOBILE_INTRO}</p>
        <SuccessAlert message=saved/>
        <ErrorAlert message=form_error(action)/>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                let current = mobile.await.unwrap_or_default();
                view! {
                    <ServerForm action>
                        <TextField name="mobile" form="mobile" label=text::MOBILE_LABEL hint=text::MOBILE_HINT kind="tel"
                            autocomplete="tel" value=current error=field_error(action, "mobile")/>
                        <button type="submit" class="fr-btn">{text::MOBILE_SAVE}</button>
                    </ServerForm>
                }
            })}
        </Suspense>
    }
}
