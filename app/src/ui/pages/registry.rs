//! The prefecture's registry of conventions in force and the annual census of its department.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::registry::{AddConventionInForce, RegistryLine, RegistryPage, RemoveConventionInForce};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{error_view, field_error, form_error, reset_on_success, ErrorAlert};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn RegistryPageView() -> impl IntoView {
    let year = RwSignal::new(0i32);
    let add = FormAction::<AddConventionInForce>::new();
    let remove = FormAction::<RemoveConventionInForce>::new();
    let page = crate::ui::codec::load(
        move || (year.get(), add.version().get(), remove.version().get()),
        |(y, _, _)| call!(crate::api::registry::GetRegistry { year: y }),
    );
    view! {
        <Title text=text::REGISTRY_TITLE/>
        <h1>{text::REGISTRY_TITLE}</h1>
        <Suspense fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Registry page year add remove/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

fn flag(yes: bool) -> &'static str {
    if yes {
        text::CENSUS_YES
    } else {
        text::CENSUS_NO
    }
}

#[component]
fn Registry(
    page: RegistryPage,
    year: RwSignal<i32>,
    add: FormAction<AddConventionInForce>,
    remove: FormAction<RemoveConventionInForce>,
) -> impl IntoView {
    let RegistryPage {
        department,
        year: shown,
        entries,
        in_force_count,
        newly_signed_count,
        csv_url,
        kinds,
        years,
        other_evaluations,
    } = page;
    let form = reset_on_success(add);
    let error = move |field: &'static str| field_error(add, field);
    view! {
        <p>{format!("Département {department}. Le recensement compte, pour une année, les conventions en vigueur au 31 décembre et celles signées pendant l’année.")}</p>
        <div class="fr-grid-row fr-grid-row--gutters fr-grid-row--bottom fr-mb-2w">
            <div class="fr-col-12 fr-col-md-3">
                <div class="fr-select-group">
                    <label class="fr-label" for="recensement-annee">"Année du recensement"</label>
                    <select class="fr-select" id="recensement-annee" prop:value=shown.to_string() on:change=move |ev| {
                        if let Ok(y) = event_target_value(&ev).parse() { year.set(y) }
                    }>
                        {years.into_iter().map(|y| view! { <option value=y.to_string() selected=y == shown>{y.to_string()}</option> }).collect_view()}
                    </select>
                </div>
            </div>
            <div class="fr-col-12 fr-col-md-9">
                <p class="fr-mb-1w" id="recensement-totaux">{format!("{shown} : {in_force_count} convention(s) en vigueur au 31 décembre, {newly_signed_count} signée(s) pendant l’année.")}</p>
                <a class="fr-btn fr-btn--secondary fr-btn--sm fr-icon-download-line fr-btn--icon-left" href=csv_url id="recensement-csv">"Télécharger le recensement (CSV)"</a>
            </div>
        </div>
        {if entries.is_empty() {
            view! { <p>{text::REGISTRY_EMPTY}</p> }.into_any()
        } else {
            view! {
                <div class="fr-table">
                    <table>
                        <caption>"Conventions enregistrées"</caption>
                        <thead><tr>
                            <th scope="col">"Commune"</th><th scope="col">"Type"</th><th scope="col">"Référence et intitulé"</th>
                            <th scope="col">"Signée le"</th><th scope="col">"Période"</th>
                            <th scope="col">{format!("En vigueur au 31/12/{shown}")}</th><th scope="col">{format!("Signée en {shown}")}</th>
                            <th scope="col">"Évaluation de l’événement"</th>
                            <th scope="col"><span class="fr-sr-only">"Actions"</span></th>
                        </tr></thead>
                        <tbody>
                            {entries.into_iter().map(|e| view! { <Line entry=e remove/> }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {(!other_evaluations.is_empty()).then(|| view! {
            <div class="fr-table" id="evaluations-hors-registre">
                <table>
                    <caption>{text::REGISTRY_OTHER_EVALUATIONS}</caption>
                    <thead><tr>
                        <th scope="col">"Événement"</th><th scope="col">"Dates"</th><th scope="col">"Évaluation de l’événement"</th>
                    </tr></thead>
                    <tbody>
                        {other_evaluations.into_iter().map(|line| view! {
                            <tr>
                                <td>{line.name}</td>
                                <td>{line.dates}</td>
                                <td class="registre-evaluation"><a href=line.evaluation_url>{line.evaluation}</a></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        })}
        <h2 class="fr-h4">"Enregistrer une convention en vigueur"</h2>
        <ErrorAlert message=form_error(add)/>
        <ServerForm action=add node_ref=form>
            <div class="fr-grid-row fr-grid-row--gutters">
                <div class="fr-col-12 fr-col-md-3">
                    <div class="fr-input-group" class:fr-input-group--error=move || error("commune_code").get().is_some()>
                        <label class="fr-label" for="registre-commune">"Commune (code INSEE)"</label>
                        <input class="fr-input" id="registre-commune" name="commune_code" inputmode="numeric"/>
                        {move || error("commune_code").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                </div>
                <div class="fr-col-12 fr-col-md-9">
                    <div class="fr-select-group">
                        <label class="fr-label" for="registre-type">"Type"</label>
                        <select class="fr-select" id="registre-type" name="kind">
                            {crate::ui::components::options(kinds)}
                        </select>
                    </div>
                </div>
                <div class="fr-col-12 fr-col-md-4">
                    <div class="fr-input-group" class:fr-input-group--error=move || error("reference").get().is_some()>
                        <label class="fr-label" for="registre-reference">"Référence"</label>
                        <input class="fr-input" id="registre-reference" name="reference"/>
                        {move || error("reference").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                </div>
                <div class="fr-col-12 fr-col-md-8">
                    <div class="fr-input-group" class:fr-input-group--error=move || error("title").get().is_some()>
                        <label class="fr-label" for="registre-intitule">"Intitulé"</label>
                        <input class="fr-input" id="registre-intitule" name="title"/>
                        {move || error("title").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                </div>
                {[("signed", "Signée le", "registre-signature"), ("start", "En vigueur du", "registre-debut"), ("end", "Au (vide : sans terme)", "registre-fin")]
                    .into_iter()
                    .map(|(name, label, id)| view! {
                        <div class="fr-col-12 fr-col-md-4">
                            <div class="fr-input-group" class:fr-input-group--error=move || error(name).get().is_some()>
                                <label class="fr-label" for=id>{label}</label>
                                <input class="fr-input" type="date" id=id name=name/>
                                {move || error(name).get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                            </div>
                        </div>
                    })
                    .collect_view()}
            </div>
            <button type="submit" class="fr-btn fr-mt-2w">"Enregistrer la convention"</button>
        </ServerForm>
    }
}

#[component]
fn Line(entry: RegistryLine, remove: FormAction<RemoveConventionInForce>) -> impl IntoView {
    let RegistryLine {
        id,
        commune_code,
        kind,
        reference,
        title,
        signed,
        start,
        end,
        in_force_on_31_december,
        signed_during_year,
        evaluation,
        evaluation_url,
    } = entry;
    let label = format!("Retirer la convention {reference} du registre");
    view! {
        <tr>
            <td>{commune_code}</td>
            <td>{kind}</td>
            <td><strong>{reference}</strong><br/>{title}</td>
            <td>{signed}</td>
            <td>{format!("{start} → {end}")}</td>
            <td>{flag(in_force_on_31_december)}</td>
            <td>{flag(signed_during_year)}</td>
            <td class="registre-evaluation">
                {match (evaluation, evaluation_url) {
                    (Some(state), Some(url)) => view! { <a href=url>{state}</a> }.into_any(),
                    _ => view! { <span aria-label="sans objet">"—"</span> }.into_any(),
                }}
            </td>
            <td>
                <ServerForm action=remove>
                    <input type="hidden" name="id" value=id/>
                    <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm" aria-label=label>"Retirer"</button>
                </ServerForm>
            </td>
        </tr>
    }
}
