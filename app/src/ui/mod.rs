//! Pages and shared components. The layout follows the State's design system (DSFR).

pub mod codec;
pub mod components;
mod layout;
mod pages;
pub mod timeline;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

use crate::text;
use layout::Layout;
use pages::{
    account::AccountPage,
    admin::AdminPage,
    dashboard::DashboardPage,
    events::{EventsPage, NewEventPage},
    invitation::InvitationPage,
    not_found::NotFoundPage,
    organisation::OrganisationPageView,
    plan::PlanPageView,
    sign_in::SignInPage,
};

/// The HTML document around the application, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    provide_request_nonce();
    view! {
        <!DOCTYPE html>
        <html lang="fr" data-fr-scheme="light">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="format-detection" content="telephone=no"/>
                <link rel="stylesheet" href="/dsfr/dsfr.min.css"/>
                <link rel="stylesheet" href="/dsfr/utility/icons/icons.min.css"/>
                <link rel="stylesheet" href="/pkg/cordon.css"/>
                // The three faces of Marianne every page writes with, asked for with the
                // stylesheets rather than once the first layout finds text in them: each face
                // arriving later made the browser lay the page out again (BENCHMARKS.md §2).
                <link rel="preload" href="/dsfr/fonts/Marianne-Regular.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="preload" href="/dsfr/fonts/Marianne-Medium.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="preload" href="/dsfr/fonts/Marianne-Bold.woff2" r#as="font" r#type="font/woff2" crossorigin=""/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <link rel="apple-touch-icon" href="/dsfr/favicon/apple-touch-icon.png"/>
                <link rel="manifest" href="/site.webmanifest"/>
                <Hydration options/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Loads the browser bundle and hydrates the page, as Leptos's `HydrationScripts` does but for
/// when. Leptos's script is a deferred module: the JavaScript glue ran, and the WebAssembly began
/// compiling, only once the whole page had been parsed, after the stylesheets and the first
/// layout — on a phone the bundle had long arrived by then. Here the script is an `async`
/// module, so the bundle is fetched, compiled and instantiated as soon as it arrives, and the
/// page is hydrated once it is parsed (`DOMContentLoaded`), never before: the demo on a phone's
/// profile became interactive about 175 ms sooner (BENCHMARKS.md §2). The bundle's names come
/// from the options (`cordon.js`, `cordon.wasm`, as `tools/site.sh` writes them).
#[component]
fn Hydration(options: LeptosOptions) -> impl IntoView {
    let nonce = leptos::nonce::use_nonce();
    let pkg = format!("/{}/{}", options.site_pkg_dir, options.output_name);
    let (js, wasm) = (format!("{pkg}.js"), format!("{pkg}.wasm"));
    let script = format!(
        "const ready = import(\"{js}\").then((m) => m.default({{ module_or_path: \"{wasm}\" }}).then(() => m));\
         const parsed = document.readyState === \"loading\" \
           ? new Promise((done) => document.addEventListener(\"DOMContentLoaded\", done, {{ once: true }})) \
           : Promise.resolve();\
         Promise.all([ready, parsed]).then(([m]) => m.hydrate());"
    );
    view! {
        <link rel="modulepreload" href=js crossorigin=""/>
        <link rel="preload" href=wasm r#as="fetch" r#type="application/wasm" crossorigin=""/>
        <script type="module" async nonce=nonce>{script}</script>
    }
}

/// Gives Leptos the nonce that the security-headers layer put in this response's CSP.
#[cfg(feature = "ssr")]
fn provide_request_nonce() {
    let nonce = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<crate::state::CspNonce>().cloned());
    if let Some(nonce) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(nonce.0));
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    // Effects run only in the browser, once hydrated: this marks the page as interactive
    // (browser tests wait for it; CSS may use it).
    Effect::new(|_| {
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-hydrated", "true");
        }
    });
    view! {
        <Title formatter=|page: String| if page.is_empty() { text::APP_NAME.to_string() } else { format!("{page} — {}", text::APP_NAME) }/>
        <Router>
            <Layout>
                <Routes fallback=|| view! { <NotFoundPage/> }>
                    <Route path=path!("/") view=DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/connexion") view=SignInPage ssr=SsrMode::Async/>
                    <Route path=path!("/compte") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin") view=AdminPage ssr=SsrMode::Async/>
                    <Route path=path!("/organisations/:id") view=OrganisationPageView ssr=SsrMode::Async/>
                    <Route path=path!("/invitation/:token") view=InvitationPage ssr=SsrMode::Async/>
                    <Route path=path!("/mot-de-passe-oublie") view=pages::password_reset::ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/reinitialisation/:token") view=pages::password_reset::ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/evenements") view=EventsPage ssr=SsrMode::Async/>
                    <Route path=path!("/evenements/nouveau") view=NewEventPage ssr=SsrMode::Async/>
                    <Route path=path!("/evenements/:id") view=PlanPageView ssr=SsrMode::Async/>
                    <Route path=path!("/evenements/:id/convention") view=pages::convention::ConventionPageView ssr=SsrMode::Async/>
                    <Route path=path!("/evenements/:id/evaluation") view=pages::evaluation::EvaluationPageView ssr=SsrMode::Async/>
                    <Route path=path!("/evenements/:id/operations") view=pages::operations::OperationsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/prefecture/conventions") view=pages::registry::RegistryPageView ssr=SsrMode::Async/>
                    <Route path=path!("/prefecture/regles") view=pages::rule_settings::RuleSettingsPageView ssr=SsrMode::Async/>
                    <Route path=path!("/prefecture/modele-convention") view=pages::department_model::DepartmentModelView ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}
