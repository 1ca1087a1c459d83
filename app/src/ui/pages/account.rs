//! The account page: who I am, sign out everywhere.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::auth::SignOutEverywhere;
use crate::text;
use crate::ui::components::error_view;
use crate::ui::layout::SessionResource;

#[component]
pub fn AccountPage() -> impl IntoView {
    let session = expect_context::<SessionResource>().0;
    let everywhere = ServerAction::<SignOutEverywhere>::new();
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
                        <h2 class="fr-h4">{text::SIGN_OUT_EVERYWHERE}</h2>
                        <p>{text::SIGN_OUT_EVERYWHERE_HINT}</p>
                        <ActionForm action=everywhere>
                            <button type="submit" class="fr-btn fr-btn--secondary">{text::SIGN_OUT_EVERYWHERE}</button>
                        </ActionForm>
                    }.into_any(),
                    Ok(None) => error_view(crate::error::AppError::NotSignedIn),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}
