//! My events, and the form to create one.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::events::{list_events, list_organiser_choices, CreateEvent};
use crate::domain::plan::{EventKind, PublicBehaviour};
use crate::text;
use crate::ui::components::{error_view, field_error, form_error, ErrorAlert, SelectField, TextField};

#[component]
pub fn EventsPage() -> impl IntoView {
    let events = Resource::new(|| (), |_| list_events());
    // Only a member of an organiser organisation is offered to create an event.
    let organises = Resource::new(|| (), |_| list_organiser_choices());
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
                    Ok(list) => view! {
                        <div class="fr-table fr-table--no-caption">
                            <table>
                                <caption>{text::EVENTS_TITLE}</caption>
                                <thead><tr>
                                    <th scope="col">"Événement"</th><th scope="col">"Type"</th><th scope="col">"Commune"</th>
                                    <th scope="col">"Début"</th><th scope="col">"Fin"</th>
                                    <th scope="col">"Convention"</th><th scope="col">"Dépôt avant le"</th>
                                </tr></thead>
                                <tbody>
                                    {list.into_iter().map(|e| view! {
                                        <tr>
                                            <td><a href=format!("/evenements/{}", e.id)>{e.name}</a></td>
                                            <td>{e.kind}</td>
                                            <td>{format!("{} ({})", e.commune, e.department)}</td>
                                            <td>{e.starts}</td>
                                            <td>{e.ends}</td>
                                            <td><a href=format!("/evenements/{}/convention", e.id)>{e.convention}</a></td>
                                            <td>
                                                {e.due.unwrap_or_else(|| "—".into())}
                                                {e.due_flag.map(|f| view! { " " <span class="fr-badge fr-badge--sm fr-badge--warning cordon-due-flag">{f}</span> })}
                                            </td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </div>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn NewEventPage() -> impl IntoView {
    let create = ServerAction::<CreateEvent>::new();
    let organisations = Resource::new(|| (), |_| list_organiser_choices());
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
                            <ActionForm action=create>
                                <div class="fr-select-group">
                                    <label class="fr-label" for="champ-organisation_id">"Organisateur"</label>
                                    <select class="fr-select" id="champ-organisation_id" name="organisation_id">
                                        {options.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
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
                            </ActionForm>
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
