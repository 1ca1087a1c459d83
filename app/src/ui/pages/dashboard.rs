//! The dashboard: my organisations, filterable as I type.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::types::MyOrganisation;
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::error_view;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let organisations = crate::ui::codec::load(|| (), |_| call!(crate::api::organisations::ListMyOrganisations {}));
    // Every resource of the page is created here, before anything suspends: a resource created
    // inside a suspended view is numbered differently on the server and in the browser, and
    // hydration then fails now and then (the prefecture's files count below).
    let files = crate::ui::codec::load(|| (), |_| call!(crate::api::events::ListEvents {}));
    view! {
        <Title text=text::DASHBOARD_TITLE/>
        <h1>{text::DASHBOARD_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match organisations.await {
                    Ok(list) => view! { <OrganisationList list files/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

type EventList = crate::ui::codec::Loaded<Result<Vec<crate::api::plan_types::EventSummary>, crate::error::AppError>>;

#[component]
fn OrganisationList(list: Vec<MyOrganisation>, files: EventList) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{text::NO_ORGANISATION}</p> }.into_any();
    }
    let prefecture = list.iter().any(|m| m.organisation.kind == crate::domain::OrganisationKind::Prefecture);
    let filter = RwSignal::new(String::new());
    let total = list.len();
    let list = StoredValue::new(list);
    let shown = move || {
        let needle = filter.get().to_lowercase();
        list.with_value(|all| {
            all.iter()
                .filter(|m| {
                    needle.is_empty()
                        || m.organisation.name.to_lowercase().contains(&needle)
                        || m.organisation.kind.label().to_lowercase().contains(&needle)
                })
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        {prefecture.then(|| view! {
            <FilesToInstruct events=files/>
            <div class="fr-callout fr-mb-4w">
                <h2 class="fr-callout__title fr-h6">"Règles de conformité du département"</h2>
                <p class="fr-callout__text fr-text--sm">"Adaptez les seuils et les règles vérifiées sur les plans des événements de votre département."</p>
                <a class="fr-btn fr-btn--secondary fr-btn--sm" href="/prefecture/regles">"Voir et adapter les règles"</a>
            </div>
            <div class="fr-callout fr-mb-4w">
                <h2 class="fr-callout__title fr-h6">"Conventions en vigueur et recensement"</h2>
                <p class="fr-callout__text fr-text--sm">"Le registre des conventions de coordination et des CLCS de votre département, et le recensement annuel à transmettre."</p>
                <a class="fr-btn fr-btn--secondary fr-btn--sm" href="/prefecture/conventions">"Ouvrir le registre"</a>
            </div>
            <div class="fr-callout fr-mb-4w">
                <h2 class="fr-callout__title fr-h6">{text::MODEL_TITLE}</h2>
                <p class="fr-callout__text fr-text--sm">"Les coefficients de dimensionnement et les clauses propres au département, repris dans chaque convention d’événement."</p>
                <a class="fr-btn fr-btn--secondary fr-btn--sm" href="/prefecture/modele-convention">"Adapter le modèle"</a>
            </div>
        })}
        <h2 class="fr-h4">{text::MY_ORGANISATIONS}</h2>
        <div class="fr-input-group fr-col-12 fr-col-md-6">
            <label class="fr-label" for="filtre-organisations">"Filtrer par nom ou par type"</label>
            <input class="fr-input" type="search" id="filtre-organisations"
                on:input=move |ev| filter.set(event_target_value(&ev))/>
        </div>
        <p class="fr-text--sm" aria-live="polite" id="compte-organisations">
            {move || {
                let n = shown().len();
                if n == total { format!("{total} organisation(s)") } else { format!("{n} organisation(s) sur {total}") }
            }}
        </p>
        <div class="fr-grid-row fr-grid-row--gutters">
            <For each=shown key=|m| m.organisation.id.clone() let:m>
                <div class="fr-col-12 fr-col-md-6 fr-col-lg-4">
                    <div class="fr-card fr-enlarge-link">
                        <div class="fr-card__body">
                            <div class="fr-card__content">
                                <h3 class="fr-card__title">
                                    <a href=format!("/organisations/{}", m.organisation.id)>{m.organisation.name.clone()}</a>
                                </h3>
                                <p class="fr-card__desc">{m.organisation.details()}</p>
                                <div class="fr-card__start">
                                    <ul class="fr-tags-group">
                                        <li><p class="fr-tag">{m.organisation.kind.label()}</p></li>
                                        <li><p class="fr-tag">{m.role.label()}</p></li>
                                    </ul>
                                </div>
                            </div>
                        </div>
                    </div>
                </div>
            </For>
        </div>
    }
    .into_any()
}

/// A prefecture's files to instruct, counted by the worklist's tabs, with the way to the list.
#[component]
fn FilesToInstruct(events: EventList) -> impl IntoView {
    use crate::domain::convention::WorklistTab;
    view! {
        <div class="fr-callout fr-callout--brown-caramel fr-mb-4w" id="dossiers-a-instruire">
            <h2 class="fr-callout__title fr-h6">{text::WORKLIST_DASHBOARD_TITLE}</h2>
            <Suspense fallback=|| view! { <p class="fr-callout__text fr-text--sm">{text::LOADING}</p> }>
                {move || Suspend::new(async move {
                    let list = match events.await {
                        Ok(list) => list,
                        Err(e) => return error_view(e),
                    };
                    let counts: Vec<String> = [WorklistTab::Deposes, WorklistTab::AvisEnAttente, WorklistTab::EnInstruction, WorklistTab::CorrectionsDemandees]
                        .iter()
                        .map(|t| format!("{} : {}", t.label(), list.iter().filter(|e| e.tab.as_deref() == Some(t.code())).count()))
                        .collect();
                    let late = list.iter().filter(|e| e.late && e.tab.as_deref() != Some(WorklistTab::Decides.code())).count();
                    view! {
                        <p class="fr-callout__text fr-text--sm">{counts.join(" · ")}</p>
                        {(late > 0).then(|| view! { <p class="fr-callout__text fr-text--sm"><span class="fr-badge fr-badge--sm fr-badge--warning">{text::worklist_late(late)}</span></p> })}
                    }
                    .into_any()
                })}
            </Suspense>
            <a class="fr-btn fr-btn--sm" href="/evenements">{text::WORKLIST_OPEN}</a>
        </div>
    }
}
