//! The event's convention file: where it stands, its due date, the decisions the caller may
//! take, the thread of messages and decisions, the draft and the approved conventions.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use crate::api::convention::{
    ActOnConvention, AddAmendment, AmendmentLine, AnswerOpinion, AskOpinion, AttachmentLine, Choice, ConventionPage,
    OpinionLine, RemoveAmendment, RemoveAttachment, RiskForm, SaveRiskAssessment, WorkflowChoice,
};
use crate::text;
use crate::ui::codec::call;
use crate::ui::components::{
    error_view, field_error, field_error_of, form_error, form_error_of, ErrorAlert, SuccessAlert,
};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn ConventionPageView() -> impl IntoView {
    let params = use_params_map();
    let event_id = move || params.with(|p| p.get("id").unwrap_or_default());
    // Each form has its own action (its errors stay next to it); a success reloads the page.
    let reload = RwSignal::new(0u32);
    let done = RwSignal::new(None::<String>);
    let page = crate::ui::codec::load(
        move || (event_id(), reload.get()),
        |(id, _)| call!(crate::api::convention::GetConvention { event_id: id }),
    );
    view! {
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! { <Dossier page event_id=event_id() reload done/> }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

fn badge(status: &str) -> &'static str {
    match status {
        "approuvee" => "fr-badge fr-badge--success",
        "refusee" => "fr-badge fr-badge--error",
        "corrections_demandees" => "fr-badge fr-badge--warning",
        "deposee" | "en_instruction" => "fr-badge fr-badge--info",
        _ => "fr-badge",
    }
}

#[component]
fn Dossier(
    page: ConventionPage,
    event_id: String,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let comment = FormAction::<ActOnConvention>::new();
    reload_on_success(comment, reload, done);
    let title = format!("{} — {}", text::DOSSIER_TITLE, page.event_name);
    let back = format!("/evenements/{event_id}");
    let ConventionPage {
        event_name,
        reference,
        status,
        status_label,
        state_message,
        release,
        cycle,
        newer_release,
        due,
        warning,
        actions,
        may_comment,
        thread,
        approved,
        preview_url,
        chain_intact,
        opinions,
        opinion_targets,
        risk_form,
        risk_lines,
        may_edit_inputs,
        inputs_version,
        amendments,
        may_amend,
        articles,
        attachments,
        may_attach,
        attachment_kinds,
        blocking,
        filing,
    } = page;
    let version = inputs_version.to_string();
    let message_kind =
        if status == "refusee" || status == "classee_sans_suite" { "fr-alert--error" } else { "fr-alert--warning" };
    view! {
        <Title text=title/>
        <p class="fr-mb-1w"><a class="fr-link fr-icon-arrow-left-line fr-link--icon-left" href=back>{format!("Retour au dispositif « {event_name} »")}</a></p>
        <h1>{text::DOSSIER_TITLE}</h1>
        <p class="fr-mb-1w">
            <span class=badge(&status) data-status=status.clone()>{status_label}</span>
            {format!(" Convention {reference}")}
            {release.map(|r| format!(" · {r}"))}
            {format!(" · {cycle}")}
        </p>
        {due.map(|d| view! { <p class="fr-text--sm fr-mb-1w">{d}</p> })}
        {warning.map(|w| view! { <div class="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w"><p>{w}</p></div> })}
        {state_message.map(|m| view! { <div class=format!("fr-alert {message_kind} fr-alert--sm fr-mb-2w") id="message-decision"><p>{m}</p></div> })}
        {newer_release.map(|m| view! { <div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w"><p>{m}</p></div> })}
        {(!chain_intact).then(|| view! { <div class="fr-alert fr-alert--error fr-mb-2w"><p>{text::DOSSIER_CHAIN_BROKEN}</p></div> })}
        <SuccessAlert message=done/>
        <ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--icon-left fr-mb-2w">
            {preview_url.map(|url| view! {
                <li><a class="fr-btn fr-btn--secondary fr-icon-download-line" href=url.clone() id="projet-pdf" target="_blank" rel="noopener">{text::DOSSIER_PREVIEW}</a></li>
                <li><a class="fr-btn fr-btn--tertiary fr-icon-file-text-line" href=url.replace(".pdf", ".html") id="projet-html" target="_blank" rel="noopener">{text::DOSSIER_PREVIEW_HTML}</a></li>
            })}
        </ul>
        {(!approved.is_empty()).then(|| view! {
            <h2 class="fr-h4">{text::DOSSIER_APPROVED_PDFS}</h2>
            <ul>
                {approved.into_iter().map(|a| view! {
                    <li>
                        <a class="fr-link fr-icon-download-line fr-link--icon-right convention-approuvee" href=a.url target="_blank" rel="noopener">{a.label}</a>
                        <br/><span class="fr-text--xs cordon-digest">{format!("Empreinte SHA-256 : {}", a.sha256)}</span>
                    </li>
                }).collect_view()}
            </ul>
        })}
        {(!blocking.is_empty()).then(|| view! {
            <div class="fr-alert fr-alert--error fr-mb-3w" id="points-bloquants">
                <h2 class="fr-alert__title">{text::DOSSIER_BLOCKING_TITLE}</h2>
                <ul>{blocking.into_iter().map(|b| view! { <li>{b}</li> }).collect_view()}</ul>
                <p>{text::DOSSIER_BLOCKING_HINT}</p>
            </div>
        })}
        {(!filing.is_empty()).then(|| view! {
            <h2 class="fr-h4" id="titre-depot">{text::FILING_TITLE}</h2>
            <ul class="cordon-checklist fr-mb-3w" id="liste-depot">
                {filing.into_iter().map(|item| {
                    let (class, state) = if item.done {
                        ("fr-icon-checkbox-circle-line cordon-checklist__done", text::FILING_DONE)
                    } else if item.optional {
                        ("fr-icon-information-line cordon-checklist__optional", text::FILING_OPTIONAL)
                    } else {
                        ("fr-icon-close-circle-line cordon-checklist__missing", text::FILING_MISSING)
                    };
                    view! {
                        <li class=class data-done=item.done.to_string()>
                            <span class="fr-sr-only">{state}</span>{item.label}
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
        {(!actions.is_empty()).then(|| view! {
            <h2 class="fr-h4" id="titre-decisions">"Décisions"</h2>
            <div class="cordon-decisions">
                {actions.into_iter().map(|choice| view! { <Decision choice event_id=event_id.clone() reload done/> }).collect_view()}
            </div>
        })}
        <Risk form=risk_form lines=risk_lines editable=may_edit_inputs event_id=event_id.clone() version=version.clone() reload/>
        <Amendments amendments may_amend articles event_id=event_id.clone() version reload/>
        <Attachments attachments may_attach kinds=attachment_kinds event_id=event_id.clone() reload/>
        <Opinions opinions targets=opinion_targets event_id=event_id.clone() reload/>
        <h2 class="fr-h4" id="titre-echanges">{text::DOSSIER_THREAD}</h2>
        {if thread.is_empty() {
            view! { <p>{text::DOSSIER_THREAD_EMPTY}</p> }.into_any()
        } else {
            view! {
                <ol class="cordon-thread">
                    {thread.into_iter().map(|line| view! {
                        <li class="fr-mb-2w" data-seq=line.seq>
                            <p class="fr-mb-0"><strong>{line.what}</strong>{format!(" — {} — {}", line.author, line.at)}</p>
                            {line.text.map(|t| view! { <p class="fr-mb-0 cordon-thread__text">{t}</p> })}
                        </li>
                    }).collect_view()}
                </ol>
            }.into_any()
        }}
        {may_comment.then(|| view! {
            <ErrorAlert message=form_error(comment)/>
            <ServerForm action=comment attr:class="fr-mt-2w" attr:id="form-message">
                <input type="hidden" name="event_id" value=event_id.clone()/>
                <input type="hidden" name="action" value="comment"/>
                <div class="fr-input-group">
                    <label class="fr-label" for="message-comment">{text::DOSSIER_MESSAGE}</label>
                    <textarea class="fr-input" id="message-comment" name="message" rows="3"></textarea>
                    {move || field_error(comment, "message").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary">{text::DOSSIER_SEND_MESSAGE}</button>
            </ServerForm>
        })}
    }
}

#[component]
fn Decision(
    choice: WorkflowChoice,
    event_id: String,
    reload: RwSignal<u32>,
    done: RwSignal<Option<String>>,
) -> impl IntoView {
    let act = FormAction::<ActOnConvention>::new();
    reload_on_success(act, reload, done);
    let WorkflowChoice { code, label, needs_message } = choice;
    let id = format!("message-{code}");
    let button_id = format!("action-{code}");
    let danger = matches!(code.as_str(), "refuse" | "close" | "withdraw");
    let class = if danger { "fr-btn fr-btn--tertiary" } else { "fr-btn" };
    // A weighty move (approve, refuse, close, withdraw) asks for confirmation, saying what follows.
    let consequence = text::decision_consequence(&code);
    let message = needs_message.then(|| {
        let label_id = id.clone();
        let label = label.clone();
        view! {
            <div class="fr-input-group" class:fr-input-group--error=move || field_error(act, "message").get().is_some()>
                <label class="fr-label" for=label_id.clone()>{format!("{label} : message")}<span class="fr-hint-text">{text::DOSSIER_REQUIRED_MESSAGE_HINT}</span></label>
                <textarea class="fr-input" id=label_id name="message" rows="3"></textarea>
                {move || field_error(act, "message").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
            </div>
        }
    });
    let no_message = (!needs_message).then(|| view! { <input type="hidden" name="message" value=""/> });
    let body = match consequence {
        None => view! {
            {message}
            {no_message}
            <button type="submit" class=class id=button_id>{label}</button>
        }
        .into_any(),
        Some(consequence) => {
            let details = NodeRef::<leptos::html::Details>::new();
            let panel_id = format!("confirmation-{code}");
            let confirm_id = format!("confirm-{code}");
            let cancel_id = format!("cancel-{code}");
            let confirm = text::decision_confirm(&label);
            let group_label = confirm.clone();
            view! {
                <details class="cordon-confirm" node_ref=details>
                    <summary class=class id=button_id aria-controls=panel_id.clone()>{label}</summary>
                    <div class="fr-callout fr-mt-1w cordon-confirm__panel" id=panel_id role="group" aria-label=group_label>
                        <p class="fr-callout__text fr-text--md">{consequence}</p>
                        {message}
                        {no_message}
                        <ul class="fr-btns-group fr-btns-group--inline-md">
                            <li><button type="submit" class=class id=confirm_id>{confirm}</button></li>
                            <li>
                                <button type="button" class="fr-btn fr-btn--secondary" id=cancel_id
                                    on:click=move |_| { if let Some(d) = details.get() { d.set_open(false); } }>
                                    {text::DECISION_CANCEL}
                                </button>
                            </li>
                        </ul>
                    </div>
                </details>
            }
            .into_any()
        }
    };
    view! {
        <ErrorAlert message=form_error(act)/>
        <ServerForm action=act attr:class="fr-mb-3w">
            <input type="hidden" name="event_id" value=event_id/>
            <input type="hidden" name="action" value=code.clone()/>
            {body}
        </ServerForm>
    }
}

/// After a successful move or message: say so and reload the file.
fn reload_on_success(action: FormAction<ActOnConvention>, reload: RwSignal<u32>, done: RwSignal<Option<String>>) {
    Effect::new(move |_| {
        if let Some(Ok(status)) = action.value().get() {
            done.set(Some(format!("C’est fait. État du dossier : {status}.")));
            reload.update(|n| *n += 1);
        }
    });
}

/// Reloads the page after a success of an opinion form.
fn reload_after<I>(action: FormAction<I>, reload: RwSignal<u32>)
where
    I: server_fn::ServerFn<Output = (), Error = crate::error::AppError> + Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            reload.update(|n| *n += 1);
        }
    });
}

#[component]
fn Opinions(
    opinions: Vec<OpinionLine>,
    targets: Vec<Choice>,
    event_id: String,
    reload: RwSignal<u32>,
) -> impl IntoView {
    if opinions.is_empty() && targets.is_empty() {
        return ().into_any();
    }
    let ask = FormAction::<AskOpinion>::new();
    reload_after(ask, reload);
    let asking = !targets.is_empty();
    let error = move |field: &'static str| field_error(ask, field);
    view! {
        <h2 class="fr-h4" id="titre-avis">{text::OPINIONS_TITLE}</h2>
        {if opinions.is_empty() {
            view! { <p>{text::OPINIONS_NONE}</p> }.into_any()
        } else {
            view! {
                <ul class="cordon-opinions">
                    {opinions.into_iter().map(|o| view! { <OpinionItem opinion=o event_id=event_id.clone() reload/> }).collect_view()}
                </ul>
            }.into_any()
        }}
        {asking.then(|| view! {
            <details class="fr-mb-3w">
                <summary>"Demander un avis"</summary>
                <ErrorAlert message=form_error(ask)/>
                <ServerForm action=ask attr:class="fr-mt-2w">
                    <input type="hidden" name="event_id" value=event_id.clone()/>
                    <div class="fr-select-group" class:fr-select-group--error=move || error("target").get().is_some()>
                        <label class="fr-label" for="avis-cible">"Service consulté"</label>
                        <select class="fr-select" id="avis-cible" name="target">
                            {crate::ui::components::options(targets.into_iter().map(|c| (c.value, c.label)).collect())}
                        </select>
                        {move || error("target").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || error("body_name").get().is_some()>
                        <label class="fr-label" for="avis-nom">"Nom du service"<span class="fr-hint-text">"Pour le SDIS ou un autre service : « SDIS 13, groupement Ouest »"</span></label>
                        <input class="fr-input" id="avis-nom" name="body_name"/>
                        {move || error("body_name").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || error("question").get().is_some()>
                        <label class="fr-label" for="avis-question">"Question"</label>
                        <textarea class="fr-input" id="avis-question" name="question" rows="3"></textarea>
                        {move || error("question").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || error("deadline").get().is_some()>
                        <label class="fr-label" for="avis-date">"Réponse attendue au plus tard le"</label>
                        <input class="fr-input" type="date" id="avis-date" name="deadline"/>
                        {move || error("deadline").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <button type="submit" class="fr-btn fr-btn--secondary">{text::OPINION_ASK}</button>
                </ServerForm>
            </details>
        })}
    }
    .into_any()
}

#[component]
fn OpinionItem(opinion: OpinionLine, event_id: String, reload: RwSignal<u32>) -> impl IntoView {
    let answer = FormAction::<AnswerOpinion>::new();
    reload_after(answer, reload);
    let OpinionLine { id, body, question, requested_at, deadline, status, verdict, comment, answered_at, may_answer } =
        opinion;
    let badge = match (verdict.as_deref(), status.as_str()) {
        (Some("Favorable"), _) => "fr-badge fr-badge--sm fr-badge--success",
        (Some("Défavorable"), _) => "fr-badge fr-badge--sm fr-badge--error",
        (Some(_), _) => "fr-badge fr-badge--sm fr-badge--warning",
        (None, s) if s == text::OPINION_OVERDUE => "fr-badge fr-badge--sm fr-badge--error",
        (None, _) => "fr-badge fr-badge--sm fr-badge--info",
    };
    let shown = verdict.clone().unwrap_or_else(|| status.clone());
    let field = format!("avis-{id}");
    view! {
        <li class="fr-mb-2w cordon-opinion">
            <p class="fr-mb-0"><strong>{body}</strong>" "<span class=badge>{shown}</span></p>
            <p class="fr-mb-0 fr-text--sm">{format!("Demandé le {requested_at}, réponse attendue avant le {deadline}")}</p>
            <p class="fr-mb-0">{question}</p>
            {answered_at.map(|at| view! { <p class="fr-mb-0 fr-text--sm">{format!("{status} le {at}")}</p> })}
            {comment.map(|c| view! { <p class="fr-mb-0"><em>{c}</em></p> })}
            {may_answer.then(|| view! {
                <ErrorAlert message=form_error(answer)/>
                <ServerForm action=answer attr:class="fr-mt-1w">
                    <input type="hidden" name="event_id" value=event_id/>
                    <input type="hidden" name="opinion_id" value=id/>
                    <div class="fr-select-group">
                        <label class="fr-label" for=format!("{field}-verdict")>"Avis"</label>
                        <select class="fr-select" id=format!("{field}-verdict") name="verdict">
                            <option value="favorable">"Favorable"</option>
                            <option value="reserve">"Réservé"</option>
                            <option value="defavorable">"Défavorable"</option>
                        </select>
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || field_error(answer, "comment").get().is_some()>
                        <label class="fr-label" for=format!("{field}-commentaire")>"Commentaire"<span class="fr-hint-text">"Obligatoire pour un avis réservé ou défavorable"</span></label>
                        <textarea class="fr-input" id=format!("{field}-commentaire") name="comment" rows="2"></textarea>
                        {move || field_error(answer, "comment").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <button type="submit" class="fr-btn fr-btn--sm">{text::OPINION_GIVE}</button>
                </ServerForm>
            })}
        </li>
    }
}

#[component]
fn Risk(
    form: RiskForm,
    lines: Vec<String>,
    editable: bool,
    event_id: String,
    version: String,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let save = FormAction::<SaveRiskAssessment>::new();
    reload_after(save, reload);
    let error = move |field: &'static str| field_error(save, field);
    let RiskForm {
        values:
            crate::domain::convention::RiskFormInput {
                peak_attendance,
                behaviour,
                site,
                response_time_minutes,
                alcohol,
                night,
                threat,
                threat_notes,
                perimeter_l226_1,
                erp_type,
                notes,
            },
        behaviours,
        sites,
        threats,
    } = form;
    let select =
        move |id: &'static str, name: &'static str, label: &'static str, options: Vec<Choice>, current: String| {
            view! {
                <div class="fr-select-group" class:fr-select-group--error=move || error(name).get().is_some()>
                    <label class="fr-label" for=id>{label}</label>
                    <select class="fr-select" id=id name=name>
                        {options.into_iter().map(|c| {
                            let selected = c.value == current;
                            view! { <option value=c.value selected=selected>{c.label}</option> }
                        }).collect_view()}
                    </select>
                    {move || error(name).get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
            }
        };
    let input = move |id: &'static str, name: &'static str, label: &'static str, value: String, numeric: bool| {
        view! {
            <div class="fr-input-group" class:fr-input-group--error=move || error(name).get().is_some()>
                <label class="fr-label" for=id>{label}</label>
                <input class="fr-input" id=id name=name value=value inputmode=if numeric { "numeric" } else { "text" }/>
                {move || error(name).get().map(|m| view! { <p class="fr-error-text" id=format!("{id}-erreur")>{m}</p> })}
            </div>
        }
    };
    let checkbox = |id: &'static str, name: &'static str, label: &'static str, checked: bool| {
        view! {
            <div class="fr-checkbox-group fr-mb-1w">
                <input type="checkbox" id=id name=name value="oui" checked=checked/>
                <label class="fr-label" for=id>{label}</label>
            </div>
        }
    };
    view! {
        <h2 class="fr-h4" id="titre-risques">{text::RISK_TITLE}</h2>
        {if lines.is_empty() {
            view! { <p>{text::RISK_NOT_FILLED}</p> }.into_any()
        } else {
            view! { <ul class="cordon-risk">{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul> }.into_any()
        }}
        {editable.then(|| view! {
            <details class="fr-mb-3w" open=true>
                <summary>"Renseigner l’évaluation"</summary>
                <ErrorAlert message=form_error(save)/>
                <ServerForm action=save attr:class="fr-mt-2w" attr:id="form-risques">
                    <input type="hidden" name="event_id" value=event_id/>
                    <input type="hidden" name="version" value=version/>
                    <div class="fr-grid-row fr-grid-row--gutters">
                        <div class="fr-col-12 fr-col-md-6">{input("risque-effectif", "peak_attendance", "Effectif maximal simultané (P1)", peak_attendance, true)}</div>
                        <div class="fr-col-12 fr-col-md-6">{input("risque-delai", "response_time_minutes", "Délai d’intervention des secours publics, en minutes (E2)", response_time_minutes, true)}</div>
                        <div class="fr-col-12 fr-col-md-6">{select("risque-comportement", "behaviour", "Comportement du public (P2)", behaviours, behaviour)}</div>
                        <div class="fr-col-12 fr-col-md-6">{select("risque-site", "site", "Site et accès (E1)", sites, site)}</div>
                        <div class="fr-col-12 fr-col-md-6">{select("risque-menace", "threat", "Niveau de menace", threats, threat)}</div>
                        <div class="fr-col-12 fr-col-md-6">{input("risque-erp", "erp_type", "Type d’ERP, si l’événement se tient dans un établissement (L, PA, CTS…)", erp_type, false)}</div>
                    </div>
                    {checkbox("risque-alcool", "alcohol", "Vente ou consommation d’alcool", alcohol)}
                    {checkbox("risque-nuit", "night", "Événement de nuit", night)}
                    {checkbox("risque-perimetre", "perimeter_l226_1", "Périmètre de protection (CSI L226-1)", perimeter_l226_1)}
                    <div class="fr-input-group" class:fr-input-group--error=move || error("threat_notes").get().is_some()>
                        <label class="fr-label" for="risque-menace-notes">"Contexte de menace (selon les forces de l’État)"</label>
                        <textarea class="fr-input" id="risque-menace-notes" name="threat_notes" rows="2">{threat_notes}</textarea>
                        {move || error("threat_notes").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || error("notes").get().is_some()>
                        <label class="fr-label" for="risque-notes">"Observations"</label>
                        <textarea class="fr-input" id="risque-notes" name="notes" rows="2">{notes}</textarea>
                        {move || error("notes").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <button type="submit" class="fr-btn fr-btn--secondary">"Enregistrer l’évaluation"</button>
                </ServerForm>
            </details>
        })}
    }
}

/// The pieces attached to the file: listed for every reader, added and removed by the
/// organiser while it may change the file. The upload is a multipart form sent by the browser.
#[component]
fn Attachments(
    attachments: Vec<AttachmentLine>,
    may_attach: bool,
    kinds: Vec<Choice>,
    event_id: String,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let remove = FormAction::<RemoveAttachment>::new();
    reload_after(remove, reload);
    // Through the pages' own client (the answer in the compact format), not the server
    // function's: its JSON reader would be the bundle's only one (BENCHMARKS.md §4).
    let upload = Action::new_local(|data: &web_sys::FormData| {
        crate::ui::components::post_with_file::<crate::api::convention::AddAttachment>(data.clone())
    });
    let uploaded = upload.value();
    Effect::new(move |_| {
        if matches!(uploaded.get(), Some(Ok(_))) {
            clear_upload_form();
            reload.update(|n| *n += 1);
        }
    });
    let outcome = Signal::derive(move || uploaded.get());
    let upload_error = move |field: &'static str| field_error_of(outcome, field);
    let upload_alert = form_error_of(outcome);
    let remove_event = event_id.clone();
    view! {
        <h2 class="fr-h4" id="titre-pieces">{text::ATTACHMENTS_TITLE}</h2>
        <ErrorAlert message=form_error(remove)/>
        {if attachments.is_empty() {
            view! { <p id="pieces-jointes">{text::ATTACHMENTS_NONE}</p> }.into_any()
        } else {
            view! {
                <ul class="cordon-attachments" id="pieces-jointes">
                    {attachments.into_iter().map(|a| {
                        let event_id = remove_event.clone();
                        let label = format!("{} la pièce « {} »", text::ATTACHMENT_REMOVE, a.file_name);
                        view! {
                            <li class="fr-mb-1w">
                                <a class="fr-link fr-icon-download-line fr-link--icon-right" href=a.url download=a.file_name.clone()>{a.label}</a>
                                {may_attach.then(|| view! {
                                    <ServerForm action=remove attr:class="cordon-inline-form">
                                        <input type="hidden" name="event_id" value=event_id/>
                                        <input type="hidden" name="id" value=a.id/>
                                        <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" aria-label=label>{text::ATTACHMENT_REMOVE}</button>
                                    </ServerForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {may_attach.then(|| view! {
            <p class="fr-text--sm">{text::ATTACHMENTS_HINT}</p>
            <ErrorAlert message=upload_alert/>
            <form class="fr-mb-3w" id="form-piece" enctype="multipart/form-data"
                on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    if let Some(data) = form_data_of(&ev) {
                        upload.dispatch_local(data);
                    }
                }>
                <input type="hidden" name="event_id" value=event_id/>
                <div class="fr-select-group" class:fr-select-group--error=move || upload_error("kind").get().is_some()>
                    <label class="fr-label" for="piece-nature">{text::ATTACHMENT_KIND}</label>
                    <select class="fr-select" id="piece-nature" name="kind">
                        {crate::ui::components::options(kinds.into_iter().map(|c| (c.value, c.label)).collect())}
                    </select>
                    {move || upload_error("kind").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                </div>
                <div class="fr-upload-group" class:fr-input-group--error=move || upload_error("file").get().is_some()>
                    <label class="fr-label" for="piece-fichier">{text::ATTACHMENT_FILE}
                        <span class="fr-hint-text">{text::attachment_file_hint(crate::domain::convention::attachment::MAX_BYTES / (1024 * 1024))}</span>
                    </label>
                    <input class="fr-upload" type="file" id="piece-fichier" name="file" accept="application/pdf,image/png,image/jpeg"
                        aria-describedby="piece-fichier-erreur"/>
                    <p id="piece-fichier-erreur" class="fr-error-text" class:fr-hidden=move || upload_error("file").get().is_none()>
                        {move || upload_error("file").get()}
                    </p>
                </div>
                <button type="submit" class="fr-btn fr-btn--secondary fr-mt-2w" id="joindre-piece"
                    disabled=move || upload.pending().get()>{text::ATTACHMENT_ADD}</button>
            </form>
        })}
    }
}

/// The form's fields as the browser sends a multipart form (`None` on the server).
#[cfg(feature = "hydrate")]
fn form_data_of(ev: &leptos::ev::SubmitEvent) -> Option<web_sys::FormData> {
    use wasm_bindgen::JsCast;
    let form = ev.target()?.dyn_into::<web_sys::HtmlFormElement>().ok()?;
    web_sys::FormData::new_with_form(&form).ok()
}

/// Empties the upload form once its piece is attached (the chosen file's name goes away).
fn clear_upload_form() {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        if let Some(form) =
            document().get_element_by_id("form-piece").and_then(|e| e.dyn_into::<web_sys::HtmlFormElement>().ok())
        {
            form.reset();
        }
    }
}

#[cfg(not(feature = "hydrate"))]
fn form_data_of(_ev: &leptos::ev::SubmitEvent) -> Option<web_sys::FormData> {
    None
}

#[component]
fn Amendments(
    amendments: Vec<AmendmentLine>,
    may_amend: bool,
    articles: Vec<Choice>,
    event_id: String,
    version: String,
    reload: RwSignal<u32>,
) -> impl IntoView {
    let add = FormAction::<AddAmendment>::new();
    let remove = FormAction::<RemoveAmendment>::new();
    reload_after(add, reload);
    reload_after(remove, reload);
    let remove_event = event_id.clone();
    view! {
        <h2 class="fr-h4" id="titre-amendements">{text::AMENDMENTS_TITLE}</h2>
        <ErrorAlert message=form_error(remove)/>
        {if amendments.is_empty() {
            view! { <p>{text::AMENDMENTS_NONE}</p> }.into_any()
        } else {
            view! {
                <ul class="cordon-amendments">
                    {amendments.into_iter().map(|a| {
                        let event_id = remove_event.clone();
                        let version = version.clone();
                        let label = format!("Retirer l’amendement à l’article « {} »", a.article);
                        view! {
                            <li class="fr-mb-1w">
                                <strong>{a.article}</strong>{format!(" — {} : ", a.author)}{a.text}
                                {a.may_remove.then(|| view! {
                                    <ServerForm action=remove attr:class="cordon-inline-form">
                                        <input type="hidden" name="event_id" value=event_id/>
                                        <input type="hidden" name="index" value=a.index.to_string()/>
                                        <input type="hidden" name="version" value=version/>
                                        <button type="submit" class="fr-btn fr-btn--tertiary-no-outline fr-btn--sm" aria-label=label>"Retirer"</button>
                                    </ServerForm>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }.into_any()
        }}
        {may_amend.then(|| view! {
            <details class="fr-mb-3w">
                <summary>"Amender un article"</summary>
                <ErrorAlert message=form_error(add)/>
                <ServerForm action=add attr:class="fr-mt-2w">
                    <input type="hidden" name="event_id" value=event_id/>
                    <input type="hidden" name="version" value=version/>
                    <div class="fr-select-group">
                        <label class="fr-label" for="amendement-article">"Article"</label>
                        <select class="fr-select" id="amendement-article" name="article">
                            {crate::ui::components::options(articles.into_iter().map(|c| (c.value, c.label)).collect())}
                        </select>
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || field_error(add, "text").get().is_some()>
                        <label class="fr-label" for="amendement-texte">"Texte ajouté à l’article"</label>
                        <textarea class="fr-input" id="amendement-texte" name="text" rows="3"></textarea>
                        {move || field_error(add, "text").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <button type="submit" class="fr-btn fr-btn--secondary">"Ajouter l’amendement"</button>
                </ServerForm>
            </details>
        })}
    }
}
