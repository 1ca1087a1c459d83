//! My events, and the form to create one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::events::CreateEvent;
use crate::api::plan_types::EventSummary;
use crate::domain::plan::{EventKind, PublicBehaviour};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{error_view, field_error, form_error, ErrorAlert, SelectField, TextField};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn EventsPage() -> impl IntoView {
    let events = crate::ui::codec::load(|| (), |_| call!(crate::api::events::ListEvents {}));
    // Only a member of an organiser organisation is offered to create an event.
    let organises = crate::ui::codec::load(|| (), |_| call!(crate::api::events::ListOrganiserChoices {}));
    view! {
        <Title text=text::EVENTS_TITLE/>
        <div class="fr-grid-row fr-grid-row--middle fr-mb-3w">
            <div class="fr-col"><h1 class="fr-mb-0">{text::EVENTS_TITLE}</h1></div>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match organises.await {
                        Ok(choices) if !choices.is_empty() => view! {
                            <div class="fr-col-auto"><a class="fr-btn fr-icon-add-line fr-btn--icon-left" href="/evenements/nouveau" id="creer-evenement">{text::CREATE_EVENT_TITLE}</a></div>
                        }.into_any(),
                        _ => ().into_any(),
                    }
                })}
            </Suspense>
        </div>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match events.await {
                    Err(e) => error_view(e),
                    Ok(list) if list.is_empty() => view! { <p>{text::NO_EVENT}</p> }.into_any(),
                    Ok(list) if list.iter().any(|e| e.tab.is_some()) => view! { <Worklist list/> }.into_any(),
                    Ok(list) => view! { <EventRows list=Signal::stored(list) worklist=false/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// The prefecture's worklist: the files of its department by status (with counts), late ones
/// first, filtered by commune and searched by name.
#[component]
fn Worklist(list: Vec<EventSummary>) -> impl IntoView {
    use crate::domain::convention::WorklistTab;
    let count_in =
        |list: &[EventSummary], tab: WorklistTab| list.iter().filter(|e| e.tab.as_deref() == Some(tab.code())).count();
    // The first tab holding a file, in the instructor's order.
    let first = WorklistTab::ALL.iter().copied().find(|&t| count_in(&list, t) > 0).unwrap_or(WorklistTab::Deposes);
    let mut communes: Vec<String> = list.iter().map(|e| e.commune.clone()).collect();
    communes.sort();
    communes.dedup();
    let all = StoredValue::new(list);
    let tab = RwSignal::new(first);
    let commune = RwSignal::new(String::new());
    let search = RwSignal::new(String::new());
    // The files the filters keep, whatever their tab: the counts are of these.
    let kept = move || {
        let (commune, needle) = (commune.get(), search.get().to_lowercase());
        all.with_value(|all| {
            all.iter()
                .filter(|e| commune.is_empty() || e.commune == commune)
                .filter(|e| needle.is_empty() || e.name.to_lowercase().contains(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let shown = Signal::derive(move || {
        let tab = tab.get();
        kept().into_iter().filter(|e| e.tab.as_deref() == Some(tab.code())).collect::<Vec<_>>()
    });
    view! {
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
                <div class="fr-input-group">
                    <label class="fr-label" for="recherche-dossiers">{text::WORKLIST_SEARCH}</label>
                    <input class="fr-input" type="search" id="recherche-dossiers" on:input=move |ev| search.set(event_target_value(&ev))/>
                </div>
            </div>
            <div class="fr-col-12 fr-col-md-6">
                <div class="fr-select-group">
                    <label class="fr-label" for="commune-dossiers">{text::WORKLIST_COMMUNE}</label>
                    <select class="fr-select" id="commune-dossiers" on:change=move |ev| commune.set(event_target_value(&ev))>
                        <option value="">{text::WORKLIST_ALL_COMMUNES}</option>
                        {crate::ui::components::options(communes.into_iter().map(|c| (c.clone(), c.clone())).collect())}
                    </select>
                </div>
            </div>
        </div>
        <ul class="fr-tags-group fr-mt-2w" aria-label=text::WORKLIST_TABS id="onglets-dossiers">
            {WorklistTab::ALL.iter().copied().map(|t| view! {
                <li>
                    <button type="button" class="fr-tag" data-onglet=t.code()
                        aria-pressed=move || if tab.get() == t { "true" } else { "false" }
                        on:click=move |_| tab.set(t)>
                        {move || format!("{} ({})", t.label(), count_in(&kept(), t))}
                    </button>
                </li>
            }).collect_view()}
        </ul>
        <p class="fr-text--sm" aria-live="polite" id="compte-dossiers">
            {move || text::worklist_count(shown.get().len(), tab.get().label())}
        </p>
        <EventRows list=shown worklist=true/>
    }
}

/// Events as a table on a large screen and as cards on a phone (no column off-screen). A
/// worklist shows the filing date, the due date and the status; an actor's list, the type and
/// the end.
#[component]
fn EventRows(#[prop(into)] list: Signal<Vec<EventSummary>>, worklist: bool) -> impl IntoView {
    let due = |e: &EventSummary| {
        view! {
            {e.due.clone().unwrap_or_else(|| "—".into())}
            {e.due_flag.clone().map(|f| view! { " " <span class="fr-badge fr-badge--sm fr-badge--warning cordon-due-flag">{f}</span> })}
        }
    };
    let awaited = |e: &EventSummary| {
        (e.opinions_awaited > 0).then(|| view! { " " <span class="fr-badge fr-badge--sm fr-badge--info">{text::worklist_awaited(e.opinions_awaited)}</span> })
    };
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
        <div class="fr-table fr-table--no-caption fr-hidden fr-unhidden-md">
            <table>
                <caption>{text::EVENTS_TITLE}</caption>
                <thead><tr>
                    <th scope="col">"Événement"</th>
                    {(!worklist).then(|| view! { <th scope="col">"Type"</th> })}
                    <th scope="col">"Commune"</th>
                    <th scope="col">"Début"</th>
                    {(!worklist).then(|| view! { <th scope="col">"Fin"</th> })}
                    {worklist.then(|| view! { <th scope="col">"Déposé le"</th> })}
                    <th scope="col">"Convention"</th><th scope="col">"Dépôt avant le"</th>
                </tr></thead>
                <tbody>
                    <For each=move || list.get() key=|e| e.id.clone() let:e>
                        <tr>
                            <td><a href=format!("/evenements/{}", e.id)>{e.name.clone()}</a></td>
                            {(!worklist).then(|| view! { <td>{e.kind.clone()}</td> })}
                            <td>{format!("{} ({})", e.commune, e.department)}</td>
                            <td>{e.starts.clone()}</td>
                            {(!worklist).then(|| view! { <td>{e.ends.clone()}</td> })}
                            {worklist.then(|| view! { <td>{e.filed_on.clone().unwrap_or_else(|| "—".into())}</td> })}
                            <td><a href=format!("/evenements/{}/convention", e.id)>{e.convention.clone()}</a>{awaited(&e)}</td>
                            <td>{due(&e)}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </div>
        <ul class="fr-hidden-md cordon-event-cards" aria-label=text::EVENTS_TITLE>
            <For each=move || list.get() key=|e| e.id.clone() let:e>
                <li class="fr-card fr-card--sm fr-mb-2w">
                    <div class="fr-card__body">
                        <div class="fr-card__content">
                            <h2 class="fr-card__title fr-h6"><a href=format!("/evenements/{}", e.id)>{e.name.clone()}</a></h2>
                            <p class="fr-card__desc">{format!("{} · {} · {}", e.commune, e.starts, e.kind)}</p>
                            <div class="fr-card__start">
                                <p class="fr-card__detail">
                                    <a href=format!("/evenements/{}/convention", e.id)>{format!("Convention : {}", e.convention)}</a>
                                    {awaited(&e)}
                                </p>
                            </div>
                            <div class="fr-card__end">
                                <p class="fr-card__detail">
                                    {e.filed_on.clone().map(|d| format!("Déposé le {d} · "))}
                                    "Dépôt avant le " {due(&e)}
                                </p>
                            </div>
                        </div>
                    </div>
                </li>
            </For>
        </ul>
        </Show>
    }
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    let create = FormAction::<CreateEvent>::new();
    let organisations = crate::ui::codec::load(|| (), |_| call!(crate::api::events::ListOrganiserChoices {}));
    let kinds: Vec<(&'static str, &'static str)> = EventKind::ALL.iter().map(|k| (k.code(), k.label())).collect();
    let behaviours: Vec<(&'static str, &'static str)> =
        PublicBehaviour::ALL.iter().map(|b| (b.code(), b.label())).collect();
    view! {
        <Title text=text::CREATE_EVENT_TITLE/>
        <h1>{text::CREATE_EVENT_TITLE}</h1>
        <ErrorAlert message=form_error(create)/>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || {
                let kinds = kinds.clone();
                let behaviours = behaviours.clone();
                Suspend::new(async move {
                match organisations.await {
                    Err(e) => error_view(e),
                    Ok(choices) if choices.is_empty() => view! {
                        <div class="fr-alert fr-alert--info"><p>{text::NOT_AN_ORGANISER}</p></div>
                    }.into_any(),
                    Ok(choices) => {
                        let options: Vec<(String, String)> = choices.into_iter().map(|c| (c.id, c.name)).collect();
                        let check = crate::ui::pages::plan::window_fields::window_check("", "");
                        view! {
                            <ServerForm action=create>
                                <div class="fr-select-group">
                                    <label class="fr-label" for="champ-organisation_id">"Organisateur"</label>
                                    <select class="fr-select" id="champ-organisation_id" name="organisation_id">
                                        {crate::ui::components::options(options)}
                                    </select>
                                </div>
                                <TextField name="name" label="Nom de l’événement" required=true error=field_error(create, "name")/>
                                <SelectField name="kind" label="Type d’événement" options=kinds error=field_error(create, "kind")/>
                                <TextField name="commune_code" label="Code INSEE de la commune"
                                    hint="Code officiel géographique, par exemple 13056 pour Martigues (et non le code postal)"
                                    required=true error=field_error(create, "commune_code")/>
                                <TextField name="address" label="Adresse ou lieu" required=true error=field_error(create, "address")/>
                                <div class="fr-grid-row fr-grid-row--gutters">
                                    <div class="fr-col-12 fr-col-md-6">
                                        <TextField name="start" label="Début (heure locale)" kind="datetime-local" required=true error=field_error(create, "start") mirror=check.start/>
                                    </div>
                                    <div class="fr-col-12 fr-col-md-6">
                                        <TextField name="end" label="Fin (heure locale)" kind="datetime-local" required=true error=field_error(create, "end") mirror=check.end cross=check.message/>
                                    </div>
                                </div>
                                <TextField name="expected_attendance" label="Fréquentation attendue au pic" kind="number" required=true
                                    error=field_error(create, "expected_attendance")/>
                                <SelectField name="behaviour" label="Comportement du public" options=behaviours error=field_error(create, "behaviour")/>
                                <LegalFacts legal=crate::domain::plan::LegalContext::default()
                                    declaration_error=field_error(create, "declaration_deposee_le")/>
                                <button type="submit" class="fr-btn">{text::CREATE_EVENT_BUTTON}</button>
                            </ServerForm>
                        }.into_any()
                    }
                }
            })}}
        </Suspense>
    }
}

/// The facts of the event's legal frame the law turns on, as checkboxes (the event's creation
/// and edit forms). The prefect's orders are recorded one by one on the plan page.
#[component]
pub fn LegalFacts(
    legal: crate::domain::plan::LegalContext,
    /// The server's message for the declaration's date.
    #[prop(into)]
    declaration_error: Signal<Option<String>>,
    /// Distinguishes the field's id when several forms share a page.
    #[prop(optional)]
    form: Option<&'static str>,
) -> impl IntoView {
    let declared = legal.declaration_deposee_le.map(|d| d.format("%Y-%m-%d").to_string());
    view! {
        <fieldset class="fr-fieldset">
            <legend class="fr-fieldset__legend">
                {text::LEGAL_FRAME}
                <span class="fr-hint-text">{text::LEGAL_FRAME_HINT}</span>
            </legend>
            <Checkbox name="organisee_par_la_commune" label=text::LEGAL_ORGANISEE_PAR_LA_COMMUNE checked=legal.organisee_par_la_commune/>
            <Checkbox name="but_lucratif" label=text::LEGAL_BUT_LUCRATIF checked=legal.but_lucratif/>
            <div class="fr-fieldset__element">
                {match form {
                    Some(form) => view! {
                        <TextField form=form name="declaration_deposee_le" label=text::LEGAL_DECLARATION_DEPOSEE_LE
                            hint=text::LEGAL_DECLARATION_DEPOSEE_LE_HINT kind="date" value=declared.unwrap_or_default() error=declaration_error/>
                    }.into_any(),
                    None => view! {
                        <TextField name="declaration_deposee_le" label=text::LEGAL_DECLARATION_DEPOSEE_LE
                            hint=text::LEGAL_DECLARATION_DEPOSEE_LE_HINT kind="date" value=declared.unwrap_or_default() error=declaration_error/>
                    }.into_any(),
                }}
            </div>
            <Checkbox name="palpations_sous_controle_opj" label=text::LEGAL_PALPATIONS_OPJ checked=legal.palpations_sous_controle_opj/>
            <Checkbox name="convention_coordination_en_vigueur" label=text::LEGAL_CONVENTION_COORDINATION checked=legal.convention_coordination_en_vigueur/>
            <div class="fr-fieldset__element">
                <div class="fr-select-group">
                    <label class="fr-label" for="champ-regime_police">{text::LEGAL_REGIME_POLICE}<span class="fr-hint-text">{text::LEGAL_REGIME_POLICE_HINT}</span></label>
                    <select class="fr-select" id="champ-regime_police" name="regime_police">
                        {crate::domain::plan::PoliceRegime::ALL.iter().map(|r| view! {
                            <option value=r.code() selected=*r == legal.regime_police>{r.label()}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
        </fieldset>
    }
}

/// A DSFR checkbox.
#[component]
pub fn Checkbox(name: &'static str, label: &'static str, #[prop(optional)] checked: bool) -> impl IntoView {
    let id = format!("champ-{name}");
    view! {
        <div class="fr-fieldset__element">
            <div class="fr-checkbox-group">
                <input type="checkbox" id=id.clone() name=name value="oui" checked=checked/>
                <label class="fr-label" for=id>{label}</label>
            </div>
        </div>
    }
}
