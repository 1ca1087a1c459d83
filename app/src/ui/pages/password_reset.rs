//! Forgotten password: the page asking for a link by e-mail (« Mot de passe oublié »), and the
//! page the link opens, where a new password is chosen.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::password_reset::{RequestPasswordReset, ResetPassword};
use crate::domain::Password;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{field_error, form_error, ErrorAlert, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

/// `/mot-de-passe-oublie`: one e-mail field, then the same neutral answer for every address.
#[component]
pub fn ForgotPasswordPage() -> impl IntoView {
    let action = FormAction::<RequestPasswordReset>::new();
    // Sent: the action succeeded here, or the form was posted without JavaScript and the
    // server sent the browser back with `?envoye=1`.
    let posted = use_query_map().with_untracked(|q| q.get("envoye").is_some());
    let sent = Signal::derive(move || {
        (posted || matches!(action.value().get(), Some(Ok(())))).then(|| text::FORGOT_SENT.to_string())
    });
    view! {
        <Title text=text::FORGOT_TITLE/>
        <div class="fr-grid-row fr-grid-row--center">
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
                <h1>{text::FORGOT_TITLE}</h1>
                <p>{text::FORGOT_INTRO}</p>
                <SuccessAlert message=sent/>
                <ErrorAlert message=form_error(action)/>
                <ServerForm action>
                    <TextField name="email" label=text::LABEL_EMAIL hint=text::HINT_EMAIL kind="email"
                        autocomplete="username" required=true error=field_error(action, "email")/>
                    <button type="submit" class="fr-btn">{text::FORGOT_BUTTON}</button>
                </ServerForm>
                <p class="fr-mt-3w"><a class="fr-link" href="/connexion">{text::NAV_SIGN_IN}</a></p>
            </div>
        </div>
    }
}

/// `/reinitialisation/{token}`: the new password twice, or why the link no longer works.
#[component]
pub fn ResetPasswordPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let usable = crate::ui::codec::load(token, |t| call!(crate::api::password_reset::CheckPasswordReset { token: t }));
    view! {
        <Title text=text::RESET_TITLE/>
        <div class="fr-grid-row fr-grid-row--center">
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
                <h1>{text::RESET_TITLE}</h1>
                <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
                    {move || Suspend::new(async move {
                        match usable.await {
                            Ok(()) => view! { <ResetForm token=token()/> }.into_any(),
                            Err(e) => view! {
                                <div class="fr-alert fr-alert--error" role="alert">
                                    <p>{e.to_string()}</p>
                                </div>
                                <a class="fr-btn fr-mt-3w" href="/mot-de-passe-oublie">{text::FORGOT_AGAIN}</a>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </div>
    }
}

#[component]
fn ResetForm(token: String) -> impl IntoView {
    let action = FormAction::<ResetPassword>::new();
    view! {
        <ErrorAlert message=form_error(action)/>
        <ServerForm action>
            <input type="hidden" name="token" value=token/>
            <TextField name="password" label=text::LABEL_NEW_PASSWORD hint=text::HINT_PASSWORD_NEW kind="password"
                autocomplete="new-password" required=true error=field_error(action, "password") live=Password::problem/>
            <TextField name="password_confirm" label=text::LABEL_NEW_PASSWORD_CONFIRM kind="password"
                autocomplete="new-password" required=true error=field_error(action, "password_confirm")/>
            <button type="submit" class="fr-btn">{text::RESET_BUTTON}</button>
        </ServerForm>
    }
}
