//! The prefecture's page of the compliance rules of its department: each rule with its
//! reference, whether it is checked, its severity and thresholds; a change needs a reason.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::rule_settings::{RuleRow, SaveRuleSetting};
use crate::domain::compliance::Severity;
use crate::ui::codec::call;
use crate::ui::components::{error_view, field_error, form_error, ErrorAlert, SuccessAlert};
use crate::ui::components::{FormAction, ServerForm};

#[component]
pub fn RuleSettingsPageView() -> impl IntoView {
    let save = FormAction::<SaveRuleSetting>::new();
    let page =
        crate::ui::codec::load(move || save.version().get(), |_| call!(crate::api::rule_settings::GetRuleSettings {}));
    let saved = Signal::derive(move || {
        matches!(save.value().get(), Some(Ok(())))
            .then(|| "Règle enregistrée ; les plans du département sont vérifiés avec elle.".to_string())
    });
    view! {
        <Title text="Règles de conformité du département"/>
        <h1>"Règles de conformité du département"</h1>
        <SuccessAlert message=saved/>
        <ErrorAlert message=form_error(save)/>
        <Suspense fallback=|| view! { <p>"Chargement…"</p> }>
            {move || Suspend::new(async move {
                match page.await {
                    Ok(page) => view! {
                        <p>{format!("Département {} · {} version(s) enregistrée(s) de ces réglages. Chaque changement garde sa raison et son auteur.", page.department, page.versions)}</p>
                        <ul class="cordon-findings">
                            {page.rules.into_iter().map(|rule| view! { <RuleItem rule save/> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(e) => error_view(e),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RuleItem(rule: RuleRow, save: FormAction<SaveRuleSetting>) -> impl IntoView {
    let severities: Vec<(&'static str, &'static str)> = Severity::ALL.iter().map(|s| (s.code(), s.label())).collect();
    let code = rule.code.clone();
    let id = move |field: &str| format!("regle-{code}-{field}");
    let state = if rule.enabled { "vérifiée" } else { "désactivée" };
    let current = severities.iter().find(|(c, _)| *c == rule.severity).map_or("", |(_, l)| *l);
    let RuleRow { code: rule_code, label, reference, enabled, severity, parameters, reason } = rule;
    let summary = format!(" — {reference} — {state}, {current}");
    let data_rule = rule_code.clone();
    view! {
        <li class="cordon-finding" data-rule=data_rule>
            <details>
                <summary>
                    <strong>{label}</strong>
                    {summary}
                    {reason.clone().map(|r| view! { <span class="fr-text--sm">{format!(" — adaptée : {r}")}</span> })}
                </summary>
                <ServerForm action=save attr:class="fr-mt-2w">
                    <input type="hidden" name="rule" value=rule_code/>
                    <div class="fr-checkbox-group fr-mb-2w">
                        <input type="checkbox" id=id("enabled") name="enabled" value="oui" checked=enabled/>
                        <label class="fr-label" for=id("enabled")>"Vérifier cette règle"</label>
                    </div>
                    <div class="fr-select-group">
                        <label class="fr-label" for=id("severity")>"Gravité"</label>
                        <select class="fr-select" id=id("severity") name="severity">
                            {severities.iter().map(|(code, label)| view! { <option value=*code selected=*code == severity>{*label}</option> }).collect_view()}
                        </select>
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || field_error(save, "parameters").get().is_some()>
                        <label class="fr-label" for=id("parameters")>"Paramètres"<span class="fr-hint-text">"nom=valeur, séparés par « ; »"</span></label>
                        <input class="fr-input" id=id("parameters") name="parameters" value=parameters/>
                        {move || field_error(save, "parameters").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <div class="fr-input-group" class:fr-input-group--error=move || field_error(save, "reason").get().is_some()>
                        <label class="fr-label" for=id("reason")>"Raison du changement (obligatoire)"</label>
                        <input class="fr-input" id=id("reason") name="reason" value=reason.unwrap_or_default()/>
                        {move || field_error(save, "reason").get().map(|m| view! { <p class="fr-error-text">{m}</p> })}
                    </div>
                    <button type="submit" class="fr-btn fr-btn--secondary fr-btn--sm">"Enregistrer cette règle"</button>
                </ServerForm>
            </details>
        </li>
    }
}
