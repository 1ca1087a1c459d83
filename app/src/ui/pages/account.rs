//! The account page: who I am, my password, my personal API tokens, sign out everywhere.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::api_tokens::{parse_token_name, ApiTokenView, CreateApiToken, RevokeApiToken};
use crate::api::auth::SignOutEverywhere;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{
    error_view, field_error, form_error, reset_on_success, ErrorAlert, SuccessAlert, TextField,
};
use crate::ui::components::{FormAction, ServerForm};
use crate::ui::layout::SessionResource;
use crate::ui::pages::account_mobile::{load_mobile, MobileForm};
use crate::ui::pages::account_password::ChangePasswordForm;

#[component]
pub fn AccountPage() -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    let everywhere = FormAction::<SignOutEverywhere>::new();
    // Created before anything suspends, as every resource of a page (see the dashboard).
    let tokens = TokenList::new();
    let set_mobile = FormAction::<crate::api::accounts::SetMobile>::new();
    let mobile = load_mobile(set_mobile);
    view! {
        <Title text=text::ACCOUNT_TITLE/>
        <h1>{text::ACCOUNT_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match session.await.map(|s| s.user) {
                    Ok(Some(user)) => view! {
                        <dl class="fr-mb-4w">
                            <dt class="fr-text--bold">{text::LABEL_NAME}</dt><dd>{user.name}</dd>
                            <dt class="fr-text--bold">{text::LABEL_EMAIL}</dt><dd>{user.email}</dd>
                        </dl>
                        {user.is_platform_admin.then(|| view! {
                            <p class="fr-badge fr-badge--info fr-mb-4w">{text::PLATFORM_ADMIN_BADGE}</p>
                        })}
                        <ChangePasswordForm/>
                        <MobileForm action=set_mobile mobile/>
                        <ApiTokens tokens/>
                        <h2 class="fr-h4 fr-mt-6w">{text::SIGN_OUT_EVERYWHERE}</h2>
                        <p>{text::SIGN_OUT_EVERYWHERE_HINT}</p>
                        <ServerForm action=everywhere>
                            <button type="submit" class="fr-btn fr-btn--secondary">{text::SIGN_OUT_EVERYWHERE}</button>
                        </ServerForm>
                    }.into_any(),
                    Ok(None) => error_view(crate::error::AppError::NotSignedIn),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

/// My API tokens: the list with a revoke button each, and the form creating one, whose token
/// is shown once in an alert.
#[derive(Clone, Copy)]
struct TokenList {
    create: FormAction<CreateApiToken>,
    revoke: FormAction<RevokeApiToken>,
    list: crate::ui::codec::Loaded<Result<Vec<ApiTokenView>, crate::error::AppError>>,
}

impl TokenList {
    fn new() -> Self {
        let create = FormAction::<CreateApiToken>::new();
        let revoke = FormAction::<RevokeApiToken>::new();
        let list = crate::ui::codec::load(
            move || (create.version().get(), revoke.version().get()),
            |_| call!(crate::api::api_tokens::ListApiTokens {}),
        );
        TokenList { create, revoke, list }
    }
}

#[component]
fn ApiTokens(tokens: TokenList) -> impl IntoView {
    let TokenList { create, revoke, list: tokens } = tokens;
    let created = Signal::derive(move || create.value().get().and_then(Result::ok));
    let revoked = Signal::derive(move || {
        matches!(revoke.value().get(), Some(Ok(()))).then(|| text::API_TOKEN_REVOKED.to_string())
    });
    view! {
        <h2 class="fr-h4 fr-mt-6w">{text::API_TOKENS_TITLE}</h2>
        <p>{text::API_TOKENS_INTRO}</p>
        {move || created.get().map(|token| view! { <NewToken token/> })}
        <SuccessAlert message=revoked/>
        <ErrorAlert message=form_error(revoke)/>
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match tokens.await {
                    Ok(list) if list.is_empty() => view! { <p>{text::API_TOKENS_NONE}</p> }.into_any(),
                    Ok(list) => view! { <TokenTable list revoke/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Transition>
        <h3 class="fr-h5 fr-mt-4w">{text::API_TOKEN_CREATE}</h3>
        <ErrorAlert message=form_error(create)/>
        <ServerForm action=create node_ref=reset_on_success(create)>
            <TextField name="name" form="jeton" label=text::API_TOKEN_NAME hint=text::API_TOKEN_NAME_HINT
                autocomplete="off" required=true error=field_error(create, "name")
                live=|typed| parse_token_name(typed).err().map(str::to_string)/>
            <button type="submit" class="fr-btn">{text::API_TOKEN_CREATE}</button>
        </ServerForm>
    }
}

/// The token just created: the only time it is shown.
#[component]
fn NewToken(token: String) -> impl IntoView {
    view! {
        <div class="fr-alert fr-alert--success fr-mb-3w" role="status">
            <h3 class="fr-alert__title">{text::API_TOKEN_CREATED_TITLE}</h3>
            <p>{text::API_TOKEN_SHOWN_ONCE}</p>
            <div class="fr-input-group fr-mt-2w fr-mb-0">
                <label class="fr-label" for="nouveau-jeton">{text::API_TOKEN_VALUE}</label>
                <input class="fr-input" id="nouveau-jeton" type="text" readonly=true value=token
                    autocomplete="off" spellcheck="false"/>
            </div>
        </div>
    }
}

#[component]
fn TokenTable(list: Vec<ApiTokenView>, revoke: FormAction<RevokeApiToken>) -> impl IntoView {
    view! {
        <div class="fr-table fr-table--no-caption">
            <table>
                <caption>{text::API_TOKENS_TITLE}</caption>
                <thead><tr>
                    <th scope="col">{text::COL_NAME}</th>
                    <th scope="col">{text::COL_CREATED}</th>
                    <th scope="col">{text::COL_LAST_USED}</th>
                    <th scope="col">{text::COL_ACTIONS}</th>
                </tr></thead>
                <tbody>
                    {list.into_iter().map(|token| {
                        let label = text::api_token_revoke_label(&token.name);
                        view! {
                            <tr>
                                <td>{token.name}</td>
                                <td>{token.created}</td>
                                <td>{token.last_used.unwrap_or_else(|| text::API_TOKEN_NEVER_USED.to_string())}</td>
                                <td>
                                    <ServerForm action=revoke>
                                        <input type="hidden" name="id" value=token.id/>
                                        <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary"
                                            aria-label=label>{text::API_TOKEN_REVOKE}</button>
                                    </ServerForm>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
