//! The prefecture's page of its department's model of the event convention: the sizing
//! coefficients of the shared risk assessment (each change with its reason) and the
//! department's own clause per article.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::department_convention::{ClauseRow, CoefficientRow, SaveSizingCoefficient, SaveTemplateClause};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{error_view, field_error, form_error, reset_on_success, ErrorAlert, SuccessAlert};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn DepartmentModelView() -> impl IntoView {
    let save_coefficient = FormAction::<SaveSizingCoefficient>::new();
    let save_clause = FormAction::<SaveTemplateClause>::new();
    let page = crate::ui::codec::load(
        move || (save_coefficient.version().get(), save_clause.version().get()),
        |_| call!(crate::api::department_convention::GetDepartmentModel {}),
    );
    // Which form was sent last: its message is the one shown.
    let last = RwSignal::new(None::<&'static str>);
    Effect::new(move || {
        if matches!(save_coefficient.value().get(), Some(Ok(()))) {
            last.set(Some(text::MODEL_COEFFICIENT_SAVED));
        }
    });
    Effect::new(move || {
        if matches!(save_clause.value().get(), Some(Ok(()))) {
            last.set(Some(text::MODEL_CLAUSE_SAVED));
        }
    });
    Effect::new(move || {
        if save_coefficient.pending().get() || save_clause.pending().get() {
            last.set(None);
        }
    });
    let saved = Signal::derive(move || last.get().map(str::to_string));
    view! {
        <Title text=text::MODEL_TITLE/>
        <h1>{text::MODEL_TITLE}</h1>
        <p>{text::MODEL_INTRO}</p>
        <SuccessAlert message=saved/>
        <ErrorAlert message=form_error(save_coefficient)/>
        <ErrorAlert message=form_error(save_clause)/>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <p class="fr-text--sm" id="modele-etat">
                            {format!("Département {} · {}", page.department, page.updated.unwrap_or_else(|| text::MODEL_NEVER_SAVED.to_string()))}
                        </p>
                        <h2 class="fr-h4">{text::MODEL_SIZING_TITLE}</h2>
                        <CoefficientForm rows=page.coefficients.clone() save=save_coefficient/>
                        <div class="fr-table fr-table--no-caption" id="coefficients">
                            <table>
                                <caption>{text::MODEL_SIZING_TITLE}</caption>
                                <thead><tr>
                                    <th scope="col">"Coefficient"</th>
                                    <th scope="col">"Valeur"</th>
                                    <th scope="col">"National"</th>
                                    <th scope="col">"Référence et adaptation"</th>
                                </tr></thead>
                                <tbody>
                                    {page.coefficients.iter().cloned().map(coefficient_row).collect_view()}
                                </tbody>
                            </table>
                        </div>
                        <h2 class="fr-h4 fr-mt-6w">{text::MODEL_CLAUSES_TITLE}</h2>
                        <p class="fr-text--sm">{text::MODEL_CLAUSES_HINT}</p>
                        {page.clauses.into_iter().map(|clause| view! { <ClauseForm clause save=save_clause/> }).collect_view()}
                    }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

fn coefficient_row(row: CoefficientRow) -> impl IntoView {
    view! {
        <tr data-coefficient=row.code.clone()>
            <td>{row.label}</td>
            <td class="cordon-plan-table__time"><strong>{row.value}</strong></td>
            <td class="cordon-plan-table__time">{row.national}</td>
            <td class="fr-text--sm">
                {row.reference}
                {row.reason.map(|r| view! { <br/><span class="fr-badge fr-badge--sm fr-badge--info">"Adapté"</span>" "{r} })}
            </td>
        </tr>
    }
}

/// One form for every coefficient: pick it, give the value and the reason.
#[component]
fn CoefficientForm(rows: Vec<CoefficientRow>, save: FormAction<SaveSizingCoefficient>) -> impl IntoView {
    let error = move |field: &'static str| field_error(save, field);
    view! {
        <ServerForm action=save node_ref=reset_on_success(save) attr:class="fr-mb-4w" attr:id="formulaire-coefficient">
            <fieldset class="fr-fieldset">
                <legend class="fr-fieldset__legend fr-text--regular">"Changer un coefficient"</legend>
                <div class="fr-fieldset__element">
                    <div class="fr-select-group" class:fr-select-group--error=move || error("key").get().is_some()>
                        <label class="fr-label" for="coefficient-cle">"Coefficient"</label>
                        <select class="fr-select" id="coefficient-cle" name="key">
                            {crate::ui::components::options(rows.into_iter().map(|r| (r.code, format!("{} (actuellement {})", r.label, r.value))).collect())}
                        </select>
                        {move || error("key").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                </div>
                <div class="fr-fieldset__element">
                    <div class="fr-input-group" class:fr-input-group--error=move || error("value").get().is_some()>
                        <label class="fr-label" for="coefficient-valeur">"Nouvelle valeur"<span class="fr-hint-text">"Un nombre, avec une virgule décimale si besoin (0,35)"</span></label>
                        <input class="fr-input" id="coefficient-valeur" name="value" inputmode="decimal" required/>
                        {move || error("value").get().map(|m| view! { <p class="fr-error-text" id="coefficient-valeur-erreur">{m}</p> })}
                    </div>
                </div>
                <div class="fr-fieldset__element">
                    <div class="fr-input-group" class:fr-input-group--error=move || error("reason").get().is_some()>
                        <label class="fr-label" for="coefficient-raison">"Raison du changement (obligatoire)"<span class="fr-hint-text">"Par exemple l’arrêté ou la doctrine départementale qui le fonde"</span></label>
                        <input class="fr-input" id="coefficient-raison" name="reason"/>
                        {move || error("reason").get().map(|m| view! { <p class="fr-error-text" id="coefficient-raison-erreur">{m}</p> })}
                    </div>
                </div>
                <div class="fr-fieldset__element">
                    <button type="submit" class="fr-btn fr-btn--secondary">"Enregistrer le coefficient"</button>
                </div>
            </fieldset>
        </ServerForm>
    }
}

#[component]
fn ClauseForm(clause: ClauseRow, save: FormAction<SaveTemplateClause>) -> impl IntoView {
    let id = format!("clause-{}", clause.code);
    let ClauseRow { code, label, text: current } = clause;
    let filled = !current.is_empty();
    let data_article = code.clone();
    view! {
        <ServerForm action=save attr:class="fr-mb-3w" attr:data-article=data_article>
            <input type="hidden" name="article" value=code/>
            <div class="fr-input-group">
                <label class="fr-label" for=id.clone()>
                    {label}
                    {filled.then(|| view! { " "<span class="fr-badge fr-badge--sm fr-badge--info">"Clause du département"</span> })}
                </label>
                <textarea class="fr-input" id=id name="text" rows="3">{current}</textarea>
            </div>
            <button type="submit" class="fr-btn fr-btn--tertiary fr-btn--sm">"Enregistrer la clause"</button>
        </ServerForm>
    }
}
