//! The sign-in page.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::auth::SignIn;
use crate::text;
use crate::ui::components::{field_error, form_error, ErrorAlert, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn SignInPage() -> impl IntoView {
    let action = FormAction::<SignIn>::new();
    let next = use_query_map().with_untracked(|q| q.get("next").unwrap_or_default());
    let show_password = RwSignal::new(false);
    // Back from a password reset: say it worked.
    let reset = use_query_map().with_untracked(|q| q.get("reinitialise").is_some());
    let reset_done = Signal::derive(move || reset.then(|| text::RESET_DONE.to_string()));
    view! {
        <Title text=text::SIGN_IN_TITLE/>
        <div class="fr-grid-row fr-grid-row--center">
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
                <h1>{text::SIGN_IN_TITLE}</h1>
                <p>{text::SIGN_IN_INTRO}</p>
                <SuccessAlert message=reset_done/>
                <ErrorAlert message=form_error(action)/>
                <ServerForm action>
                    <fieldset class="fr-fieldset" aria-label=text::SIGN_IN_TITLE>
                        <div class="fr-fieldset__element">
                            <TextField name="email" label=text::LABEL_EMAIL hint=text::HINT_EMAIL kind="email"
                                autocomplete="username" required=true error=field_error(action, "email")/>
                        </div>
                        <div class="fr-fieldset__element">
                            // The DSFR's password markup: the label, then the input in its wrap, then
                            // the « show » box, all direct children (the component lays them out).
                            <div class="fr-password">
                                <label class="fr-label" for="champ-password">{text::LABEL_PASSWORD}</label>
                                <div class="fr-input-wrap">
                                    <input class="fr-password__input fr-input" id="champ-password" name="password"
                                        type=move || if show_password.get() { "text" } else { "password" }
                                        autocomplete="current-password" required=true/>
                                </div>
                                <div class="fr-password__checkbox fr-checkbox-group fr-checkbox-group--sm">
                                    <input type="checkbox" id="afficher-mot-de-passe"
                                        on:change=move |ev| show_password.set(event_target_checked(&ev))/>
                                    <label class="fr-password__checkbox fr-label" for="afficher-mot-de-passe">{text::SHOW_PASSWORD}</label>
                                </div>
                            </div>
                        </div>
                        <input type="hidden" name="next" value=next/>
                        <div class="fr-fieldset__element">
                            <p class="fr-mb-0"><a class="fr-link" href="/mot-de-passe-oublie">{text::FORGOT_LINK}</a></p>
                        </div>
                        <div class="fr-fieldset__element fr-mt-2w">
                            <button type="submit" class="fr-btn">{text::NAV_SIGN_IN}</button>
                        </div>
                    </fieldset>
                </ServerForm>
            </div>
        </div>
    }
}
