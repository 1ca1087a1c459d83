//! The event's evaluation (RETEX): where it stands and its deadline; for each participant,
//! what it planned and what it reports (its own part as a form); the organiser's and the
//! prefecture's assessments; the prefecture's deadline and closing.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use server_fn::ServerFn;

use crate::api::evaluation::{
    CloseEvaluation, EvaluationPage, PartLine, SaveEvaluationAssessment, SaveEvaluationPart, SetEvaluationDeadline,
};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::FormAction;
use crate::ui::components::{error_view, field_error, form_error, submit_to, ErrorAlert, SuccessAlert};

/// Every action of the page, created before anything suspends; a success reads the page again.
#[derive(Clone, Copy)]
struct Actions {
    part: FormAction<SaveEvaluationPart>,
    assessment: FormAction<SaveEvaluationAssessment>,
    deadline: FormAction<SetEvaluationDeadline>,
    close: FormAction<CloseEvaluation>,
}

#[component]
pub fn EvaluationPageView() -> impl IntoView {
    let params = use_params_map();
    let event_id = move || params.with(|p| p.get("id").unwrap_or_default());
    let actions = Actions {
        part: FormAction::new(),
        assessment: FormAction::new(),
        deadline: FormAction::new(),
        close: FormAction::new(),
    };
    let page = crate::ui::codec::load(
        move || {
            let versions = (
                actions.part.version().get(),
                actions.assessment.version().get(),
                actions.deadline.version().get(),
                actions.close.version().get(),
            );
            (event_id(), versions)
        },
        |(id, _)| call!(crate::api::evaluation::GetEvaluation { event_id: id }),
    );
    view! {
        <Transition fallback=|| view! { <p>{text::LOADING}</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Evaluation page actions/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Transition>
    }
}

fn badge(code: &str) -> &'static str {
    match code {
        "cloturee" => "fr-badge fr-badge--success",
        "en_retard" => "fr-badge fr-badge--warning",
        "en_cours" => "fr-badge fr-badge--info",
        _ => "fr-badge",
    }
}

fn saved<I>(action: FormAction<I>, message: &'static str) -> Signal<Option<String>>
where
    I: server_fn::ServerFn<Output = (), Error = crate::error::AppError> + Clone + Send + Sync + 'static,
{
    Signal::derive(move || matches!(action.value().get(), Some(Ok(()))).then(|| message.to_string()))
}

#[component]
fn Evaluation(page: EvaluationPage, actions: Actions) -> impl IntoView {
    let EvaluationPage {
        event_id,
        event_name,
        state,
        state_code,
        deadline,
        lines,
        written,
        expected,
        organiser_assessment,
        prefecture_assessment,
        version,
        writes_organiser_assessment,
        writes_prefecture_assessment,
    } = page;
    let closed = state_code == "cloturee";
    let title = format!("{} — {event_name}", text::EVALUATION_TITLE);
    let back = format!("/evenements/{event_id}");
    let (mine, others): (Vec<PartLine>, Vec<PartLine>) = lines.into_iter().partition(|l| l.mine);
    view! {
        <Title text=title.clone()/>
        <p class="fr-mb-1w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href=back>{format!("Retour au plan de « {event_name} »")}</a></p>
        <h1>{title}</h1>
        <p id="evaluation-etat">
            <span class=badge(&state_code)>{state.clone()}</span>
            " "{format!("{written} contribution(s) reçue(s) sur {expected} attendue(s).")}
        </p>
        <p class="fr-text--sm">{text::EVALUATION_INTRO}</p>
        {mine.into_iter().map(|line| view! { <PartForm line event_id=event_id.clone() action=actions.part/> }).collect_view()}
        <section class="fr-mt-4w" aria-labelledby="titre-contributions">
            <h2 id="titre-contributions" class="fr-h4">"Contributions des participants"</h2>
            <div class="fr-table fr-table--no-caption">
                <table>
                    <caption>"Effectifs prévus et présents, et contributions de chaque participant"</caption>
                    <thead><tr>
                        <th scope="col">"Participant"</th>
                        <th scope="col">"Effectif prévu au pic"</th>
                        <th scope="col">"Effectif présent au pic"</th>
                        <th scope="col">"Incidents"</th>
                        <th scope="col">"Difficultés"</th>
                        <th scope="col">"Propositions"</th>
                    </tr></thead>
                    <tbody>
                        {others.into_iter().map(|line| view! { <PartRow line/> }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <Assessments
            event_id=event_id.clone()
            version
            organiser_assessment
            prefecture_assessment
            writes_organiser_assessment
            writes_prefecture_assessment
            action=actions.assessment
        />
        {(writes_prefecture_assessment && !closed).then(|| view! {
            <PrefectureControls event_id=event_id.clone() deadline version actions/>
        })}
    }
}

#[component]
fn PartRow(line: PartLine) -> impl IntoView {
    let PartLine { name, role, planned_peak, part, updated, withheld, .. } = line;
    let none = || view! { <span class="fr-text--sm">"—"</span> };
    let cell = |text: Option<String>| match text.filter(|t| !t.is_empty()) {
        Some(text) => view! { <span class="cordon-prewrap">{text}</span> }.into_any(),
        None => none().into_any(),
    };
    let (present, incidents, difficulties, proposals) = match part.clone() {
        Some(p) => {
            (p.headcount_present.map(|n| n.to_string()), Some(p.incidents), Some(p.difficulties), Some(p.proposals))
        }
        None => (None, None, None, None),
    };
    let status = match (&part, withheld) {
        (_, true) => Some(text::EVALUATION_RESTRICTED_OR_MISSING),
        (None, false) => Some(text::EVALUATION_MISSING),
        (Some(_), false) => None,
    };
    view! {
        <tr>
            <th scope="row">
                {name}<br/><span class="fr-text--xs">{role}</span>
                {updated.map(|u| view! { <br/><span class="fr-text--xs">{format!("mise à jour le {u}")}</span> })}
                {status.map(|s| view! { <br/><span class="fr-badge fr-badge--sm">{s}</span> })}
            </th>
            <td>{planned_peak}</td>
            <td>{cell(present)}</td>
            <td>{cell(incidents)}</td>
            <td>{cell(difficulties)}</td>
            <td>{cell(proposals)}</td>
        </tr>
    }
}

#[component]
fn PartForm(line: PartLine, event_id: String, action: FormAction<SaveEvaluationPart>) -> impl IntoView {
    let PartLine { participant_id, name, planned_peak, part, version, updated, .. } = line;
    let part = part.unwrap_or_else(|| crate::domain::evaluation::EvaluationPart {
        headcount_present: None,
        incidents: String::new(),
        difficulties: String::new(),
        proposals: String::new(),
    });
    let id = {
        let participant_id = participant_id.clone();
        move |field: &str| format!("evaluation-{participant_id}-{field}")
    };
    let title_id = format!("titre-{participant_id}");
    let labelled_by = title_id.clone();
    let error = move |field: &'static str| field_error(action, field);
    let area = move |field: &'static str, label: &'static str, hint: &'static str, value: String, id: String| {
        view! {
            <div class="fr-input-group" class:fr-input-group--error=move || error(field).get().is_some()>
                <label class="fr-label" for=id.clone()>{label}<span class="fr-hint-text">{hint}</span></label>
                <textarea class="fr-input" id=id name=field rows="3">{value}</textarea>
                {move || error(field).get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
            </div>
        }
    };
    view! {
        <section class="fr-mt-4w" aria-labelledby=labelled_by>
            <h2 id=title_id class="fr-h4">{format!("Contribution de {name}")}</h2>
            <p class="fr-text--sm">
                {format!("Effectif prévu au pic par le plan publié : {planned_peak} agent(s).")}
                {updated.map(|u| format!(" Dernière mise à jour le {u}."))}
            </p>
            <SuccessAlert message=saved(action, text::EVALUATION_PART_SAVED)/>
            <ErrorAlert message=form_error(action)/>
            <form method="post" action=SaveEvaluationPart::url() on:submit=submit_to(action)>
                <input type="hidden" name="event_id" value=event_id/>
                <input type="hidden" name="participant_id" value=participant_id.clone()/>
                <input type="hidden" name="version" value=version.to_string()/>
                <div class="fr-input-group" class:fr-input-group--error=move || error("headcount_present").get().is_some()>
                    <label class="fr-label" for=id("headcount")>
                        "Effectif présent au pic"<span class="fr-hint-text">"Le plus grand nombre de vos agents présents en même temps."</span>
                    </label>
                    <input class="fr-input" type="number" min="0" max="100000" inputmode="numeric" id=id("headcount")
                        name="headcount_present" value=part.headcount_present.map(|n| n.to_string()).unwrap_or_default()/>
                    {move || error("headcount_present").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                {area("incidents", "Incidents", "Faits survenus, interventions, suites données.", part.incidents, id("incidents"))}
                {area("difficulties", "Difficultés", "Ce qui a gêné la coopération ou l’exécution du plan.", part.difficulties, id("difficulties"))}
                {area("proposals", "Propositions", "Pour la prochaine édition.", part.proposals, id("proposals"))}
                <button type="submit" class="fr-btn">{text::EVALUATION_PART_BUTTON}</button>
            </form>
        </section>
    }
}

#[component]
fn Assessments(
    event_id: String,
    version: i64,
    organiser_assessment: String,
    prefecture_assessment: String,
    writes_organiser_assessment: bool,
    writes_prefecture_assessment: bool,
    action: FormAction<SaveEvaluationAssessment>,
) -> impl IntoView {
    let block = move |title: &'static str, id: &'static str, text_value: String, writes: bool| {
        let event_id = event_id.clone();
        if writes {
            view! {
                <div class="fr-col-12 fr-col-md-6">
                    <h3 class="fr-h5">{title}</h3>
                    <form method="post" action=SaveEvaluationAssessment::url() on:submit=submit_to(action)>
                        <input type="hidden" name="event_id" value=event_id/>
                        <input type="hidden" name="version" value=version.to_string()/>
                        <div class="fr-input-group" class:fr-input-group--error=move || field_error(action, "assessment").get().is_some()>
                            <label class="fr-label" for=id>{title}</label>
                            <textarea class="fr-input" id=id name="assessment" rows="6">{text_value}</textarea>
                            {move || field_error(action, "assessment").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                        </div>
                        <button type="submit" class="fr-btn fr-btn--secondary">{text::EVALUATION_ASSESSMENT_BUTTON}</button>
                    </form>
                </div>
            }
            .into_any()
        } else {
            let shown = if text_value.is_empty() { text::EVALUATION_NOT_WRITTEN.to_string() } else { text_value };
            view! {
                <div class="fr-col-12 fr-col-md-6">
                    <h3 class="fr-h5">{title}</h3>
                    <p class="cordon-prewrap" id=id>{shown}</p>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <section class="fr-mt-4w" aria-labelledby="titre-bilan">
            <h2 id="titre-bilan" class="fr-h4">"Bilan d’ensemble"</h2>
            <SuccessAlert message=saved(action, text::EVALUATION_ASSESSMENT_SAVED)/>
            <ErrorAlert message=form_error(action)/>
            <div class="fr-grid-row fr-grid-row--gutters">
                {block("Bilan de l’organisateur", "bilan-organisateur", organiser_assessment, writes_organiser_assessment)}
                {block("Bilan de la préfecture", "bilan-prefecture", prefecture_assessment, writes_prefecture_assessment)}
            </div>
        </section>
    }
}

#[component]
fn PrefectureControls(event_id: String, deadline: String, version: i64, actions: Actions) -> impl IntoView {
    let Actions { deadline: set, close, .. } = actions;
    let close_event_id = event_id.clone();
    view! {
        <section class="fr-mt-4w" aria-labelledby="titre-prefecture">
            <h2 id="titre-prefecture" class="fr-h4">"Échéance et clôture"</h2>
            <SuccessAlert message=saved(set, text::EVALUATION_DEADLINE_SAVED)/>
            <ErrorAlert message=form_error(set)/>
            <form method="post" action=SetEvaluationDeadline::url() on:submit=submit_to(set)>
                <input type="hidden" name="event_id" value=event_id.clone()/>
                <input type="hidden" name="version" value=version.to_string()/>
                <div class="fr-input-group" class:fr-input-group--error=move || field_error(set, "deadline").get().is_some()>
                    <label class="fr-label" for="evaluation-echeance">"Contributions attendues au plus tard le"</label>
                    <input class="fr-input" type="date" id="evaluation-echeance" name="deadline" value=deadline/>
                    {move || field_error(set, "deadline").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">"Enregistrer l’échéance"</button>
            </form>
            <SuccessAlert message=saved(close, text::EVALUATION_CLOSED_DONE)/>
            <ErrorAlert message=form_error(close)/>
            <form method="post" action=CloseEvaluation::url() on:submit=submit_to(close)>
                <input type="hidden" name="event_id" value=close_event_id/>
                <input type="hidden" name="version" value=version.to_string()/>
                <p class="fr-text--sm fr-mt-2w">{text::EVALUATION_CLOSE_HELP}</p>
                <button type="submit" class="fr-btn">"Clôturer l’évaluation"</button>
            </form>
        </section>
    }
}
