//! The frame of every page: DSFR header with navigation, main content, footer.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::auth::SignOut;
use crate::api::types::SessionInfo;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{FormAction, ServerForm};

/// The session as the layout loaded it, shared with pages through context.
#[derive(Clone, Copy)]
pub struct SessionResource(pub crate::ui::codec::Loaded<Result<SessionInfo, crate::error::AppError>>);

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    let location = use_location();
    let session = crate::ui::codec::load(move || location.pathname.get(), |_| call!(crate::api::auth::Whoami {}));
    provide_context(SessionResource(session));
    let menu_open = RwSignal::new(false);
    // Close the mobile menu whenever the page changes.
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    view! {
        <div class="fr-skiplinks">
            <nav class="fr-container" role="navigation" aria-label="Accès rapide">
                <ul class="fr-skiplinks__list">
                    <li><a class="fr-link" href="#contenu">"Contenu"</a></li>
                    <li><a class="fr-link" href="#navigation">"Menu"</a></li>
                </ul>
            </nav>
        </div>
        <header role="banner" class="fr-header">
            <div class="fr-header__body">
                <div class="fr-container">
                    <div class="fr-header__body-row">
                        <div class="fr-header__brand fr-enlarge-link">
                            <div class="fr-header__brand-top">
                                <Suspense fallback=|| ()>
                                    {move || Suspend::new(async move {
                                        let branded = session.await.map(|s| s.state_branding).unwrap_or(false);
                                        branded.then(|| view! {
                                            <div class="fr-header__logo">
                                                <p class="fr-logo">"République"<br/>"française"</p>
                                            </div>
                                        })
                                    })}
                                </Suspense>
                                <div class="fr-header__navbar">
                                    <button
                                        class="fr-btn--menu fr-btn"
                                        id="bouton-menu"
                                        aria-controls="menu-principal"
                                        aria-expanded=move || menu_open.get().to_string()
                                        title="Menu"
                                        on:click=move |_| menu_open.update(|o| *o = !*o)
                                    >
                                        "Menu"
                                    </button>
                                </div>
                            </div>
                            <div class="fr-header__service">
                                <a href="/" title="Accueil — Cordon">
                                    <p class="fr-header__service-title">{text::APP_NAME}</p>
                                </a>
                                <p class="fr-header__service-tagline">{text::APP_TAGLINE}</p>
                            </div>
                        </div>
                        <div class="fr-header__tools">
                            <div class="fr-header__tools-links">
                                <ToolLinks session/>
                            </div>
                        </div>
                    </div>
                </div>
            </div>
            <div class="fr-header__menu fr-modal" class:fr-modal--opened=move || menu_open.get() id="menu-principal">
                <div class="fr-container">
                    <button class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer"
                        on:click=move |_| menu_open.set(false)>"Fermer"</button>
                    <div class="fr-header__menu-links">
                        <ToolLinks session/>
                    </div>
                    <nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
                        <ul class="fr-nav__list">
                            <li class="fr-nav__item"><A href="/" attr:class="fr-nav__link">{text::NAV_DASHBOARD}</A></li>
                            <li class="fr-nav__item"><A href="/evenements" attr:class="fr-nav__link">{text::NAV_EVENTS}</A></li>
                            <Suspense fallback=|| ()>
                                {move || Suspend::new(async move {
                                    let admin = session.await.ok().and_then(|s| s.user).is_some_and(|u| u.is_platform_admin);
                                    admin.then(|| view! {
                                        <li class="fr-nav__item"><A href="/admin" attr:class="fr-nav__link">{text::NAV_ADMIN}</A></li>
                                    })
                                })}
                            </Suspense>
                        </ul>
                    </nav>
                </div>
            </div>
        </header>
        <main role="main" id="contenu" class="fr-container fr-py-6w">
            {children()}
        </main>
        <footer class="fr-footer" role="contentinfo" id="pied-de-page">
            <div class="fr-container">
                <div class="fr-footer__body">
                    <div class="fr-footer__brand">
                        <p class="fr-h5 fr-mb-0">{text::APP_NAME}</p>
                    </div>
                    <div class="fr-footer__content">
                        <p class="fr-footer__content-desc">{text::FOOTER_TEXT}</p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// Account link and sign-out button, or the sign-in link for a visitor.
#[component]
fn ToolLinks(session: crate::ui::codec::Loaded<Result<SessionInfo, crate::error::AppError>>) -> impl IntoView {
    view! {
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                match session.await.ok().and_then(|s| s.user) {
                    Some(user) => view! { <SignedInLinks name=user.name/> }.into_any(),
                    None => view! {
                        <ul class="fr-btns-group">
                            <li><a class="fr-btn fr-icon-lock-line" href="/connexion">{text::NAV_SIGN_IN}</a></li>
                        </ul>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SignedInLinks(name: String) -> impl IntoView {
    let sign_out = FormAction::<SignOut>::new();
    view! {
        <ul class="fr-btns-group">
            <li><a class="fr-btn fr-icon-account-circle-line" href="/compte" title=format!("{} — {name}", text::NAV_ACCOUNT)>{name.clone()}</a></li>
            <li>
                <ServerForm action=sign_out>
                    <button type="submit" class="fr-btn fr-icon-logout-box-r-line">{text::NAV_SIGN_OUT}</button>
                </ServerForm>
            </li>
        </ul>
    }
}
