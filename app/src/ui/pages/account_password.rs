//! « Changer de mot de passe » on the account page: the current password, the new one twice,
//! each error under its field.

use leptos::prelude::*;

use crate::api::accounts::ChangePassword;
use crate::domain::Password;
use crate::text;
use crate::ui::components::{field_error, form_error, reset_on_success, ErrorAlert, SuccessAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

/// The password-change form.
#[component]
pub fn ChangePasswordForm() -> impl IntoView {
    let action = FormAction::<ChangePassword>::new();
    let changed = Signal::derive(move || {
        matches!(action.value().get(), Some(Ok(()))).then(|| text::PASSWORD_CHANGED.to_string())
    });
    view! {
        <h2 class="fr-h4 fr-mt-6w">{text::CHANGE_PASSWORD_TITLE}</h2>
        <p>{text::CHANGE_PASSWORD_INTRO}</p>
        <SuccessAlert message=changed/>
        <ErrorAlert message=form_error(action)/>
        <ServerForm action node_ref=reset_on_success(action)>
            <TextField name="current_password" form="mdp" label=text::LABEL_CURRENT_PASSWORD kind="password"
                autocomplete="current-password" required=true error=field_error(action, "current_password")/>
            <TextField name="new_password" form="mdp" label=text::LABEL_NEW_PASSWORD hint=text::HINT_PASSWORD_NEW
                kind="password" autocomplete="new-password" required=true error=field_error(action, "new_password")
                live=Password::problem/>
            <TextField name="new_password_confirm" form="mdp" label=text::LABEL_NEW_PASSWORD_CONFIRM kind="password"
                autocomplete="new-password" required=true error=field_error(action, "new_password_confirm")/>
            <button type="submit" class="fr-btn">{text::CHANGE_PASSWORD_BUTTON}</button>
        </ServerForm>
    }
}
