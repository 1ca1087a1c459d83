//! Accepting an invitation: choose a name and a password, or confirm an existing account.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::invitations::AcceptInvitation;
use crate::api::types::InvitationPreview;
use crate::domain::Password;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{field_error, form_error, ErrorAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn InvitationPage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.with(|p| p.get("token").unwrap_or_default());
    let preview = crate::ui::codec::load(token, |t| call!(crate::api::invitations::GetInvitation { token: t }));
    view! {
        <Title text=text::ACCEPT_TITLE/>
        <div class="fr-grid-row fr-grid-row--center">
            <div class="fr-col-12 fr-col-md-8 fr-col-lg-6">
                <h1>{text::ACCEPT_TITLE}</h1>
                <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
                    {move || Suspend::new(async move {
                        match preview.await {
                            Ok(preview) => view! { <AcceptForm preview token=token()/> }.into_any(),
                            Err(e) => view! {
                                <div class="fr-alert fr-alert--error" role="alert">
                                    <p>{e.to_string()}</p>
                                </div>
                                <a class="fr-btn fr-mt-3w" href="/connexion">{text::NAV_SIGN_IN}</a>
                            }.into_any(),
                        }
                    })}
                </Suspense>
            </div>
        </div>
    }
}

#[component]
fn AcceptForm(preview: InvitationPreview, token: String) -> impl IntoView {
    let action = FormAction::<AcceptInvitation>::new();
    let existing = preview.existing_account;
    view! {
        <p class="fr-text--lead">
            "Vous êtes invité(e) à rejoindre « "<strong>{preview.organisation_name}</strong>" » avec l’adresse "
            <strong>{preview.email}</strong>"."
        </p>
        <ErrorAlert message=form_error(action)/>
        <ServerForm action>
            <input type="hidden" name="token" value=token/>
            {if existing {
                view! {
                    <p>{text::INVITATION_EXISTING_ACCOUNT_PASSWORD}</p>
                    <input type="hidden" name="name" value=""/>
                    <input type="hidden" name="password_confirm" value=""/>
                    <TextField name="password" label=text::LABEL_PASSWORD kind="password"
                        autocomplete="current-password" required=true error=field_error(action, "password")/>
                    <button type="submit" class="fr-btn">{text::ACCEPT_EXISTING_BUTTON}</button>
                }.into_any()
            } else {
                view! {
                    <TextField name="name" label=text::LABEL_NAME autocomplete="name" required=true
                        error=field_error(action, "name")/>
                    <TextField name="password" label=text::LABEL_PASSWORD hint=text::HINT_PASSWORD_NEW kind="password"
                        autocomplete="new-password" required=true error=field_error(action, "password")
                        live=Password::problem/>
                    <TextField name="password_confirm" label=text::LABEL_PASSWORD_CONFIRM kind="password"
                        autocomplete="new-password" required=true error=field_error(action, "password_confirm")/>
                    <button type="submit" class="fr-btn">{text::ACCEPT_BUTTON}</button>
                }.into_any()
            }}
        </ServerForm>
    }
}
