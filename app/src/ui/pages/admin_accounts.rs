//! The accounts of the platform, where a platform administrator disables an account (after
//! confirming) or enables it again.

use leptos::prelude::*;

use crate::api::accounts::{AccountSummary, DisableAccount, EnableAccount};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{error_view, form_error, ConfirmButton, ErrorAlert, SuccessAlert};
use crate::ui::components::{FormAction, ServerForm};

/// The list of accounts with their state and the button that changes it.
#[component]
pub fn Accounts() -> impl IntoView {
    let disable = FormAction::<DisableAccount>::new();
    let enable = FormAction::<EnableAccount>::new();
    let accounts = crate::ui::codec::load(
        move || (disable.version().get(), enable.version().get()),
        |_| call!(crate::api::accounts::ListAccounts {}),
    );
    let done = Signal::derive(move || {
        let disabled = matches!(disable.value().get(), Some(Ok(()))).then(|| text::ACCOUNT_DISABLED_DONE);
        let enabled = matches!(enable.value().get(), Some(Ok(()))).then(|| text::ACCOUNT_ENABLED_DONE);
        // The most recent of the two actions speaks.
        let latest =
            if disable.version().get() >= enable.version().get() { disabled.or(enabled) } else { enabled.or(disabled) };
        latest.map(str::to_string)
    });
    let (disable_failed, enable_failed) = (form_error(disable), form_error(enable));
    let failed = Signal::derive(move || disable_failed.get().or_else(|| enable_failed.get()));
    view! {
        <h2 class="fr-h4 fr-mt-6w">{text::ACCOUNTS_TITLE}</h2>
        <p>{text::ACCOUNTS_INTRO}</p>
        <SuccessAlert message=done/>
        <ErrorAlert message=failed/>
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(list) => view! { <AccountTable list disable enable/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Transition>
    }
}

#[component]
fn AccountTable(
    list: Vec<AccountSummary>,
    disable: FormAction<DisableAccount>,
    enable: FormAction<EnableAccount>,
) -> impl IntoView {
    view! {
        <div class="fr-table fr-table--no-caption">
            <table>
                <caption>{text::ACCOUNTS_TITLE}</caption>
                <thead><tr>
                    <th scope="col">{text::COL_NAME}</th>
                    <th scope="col">{text::COL_EMAIL}</th>
                    <th scope="col">{text::COL_STATUS}</th>
                    <th scope="col">{text::COL_ACTIONS}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|account| view! { <AccountRow account disable enable/> }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn AccountRow(
    account: AccountSummary,
    disable: FormAction<DisableAccount>,
    enable: FormAction<EnableAccount>,
) -> impl IntoView {
    let status = if account.disabled {
        view! { <p class="fr-badge fr-badge--error fr-badge--sm">{text::ACCOUNT_DISABLED_STATUS}</p> }.into_any()
    } else {
        view! { <p class="fr-badge fr-badge--success fr-badge--sm">{text::ACCOUNT_ACTIVE}</p> }.into_any()
    };
    let (id, enable_label, disable_label) =
        (account.id.clone(), text::account_enable_label(&account.name), text::account_disable_label(&account.name));
    let action = if account.is_you {
        // Refused by the server too: an administrator never disables its own account.
        view! { <span class="fr-text--sm">{text::ACCOUNT_YOURS}</span> }.into_any()
    } else if account.disabled {
        view! {
            <ServerForm action=enable>
                <input type="hidden" name="user_id" value=id/>
                <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label=enable_label>{text::ACCOUNT_ENABLE}</button>
            </ServerForm>
        }
        .into_any()
    } else {
        view! {
            <ServerForm action=disable attr:class="cordon-remove">
                <input type="hidden" name="user_id" value=id/>
                <ConfirmButton label=text::ACCOUNT_DISABLE confirm=text::ACCOUNT_DISABLE_CONFIRM what=disable_label/>
            </ServerForm>
        }
        .into_any()
    };
    view! {
        <tr>
            <td>
                {account.name}
                {account.is_platform_admin.then(|| view! { <br/><span class="fr-text--xs">{text::PLATFORM_ADMIN_BADGE}</span> })}
            </td>
            <td>{account.email}</td>
            <td>{status}</td>
            <td>{action}</td>
        </tr>
    }
}
