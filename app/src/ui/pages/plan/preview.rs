//! The compliance preview of a deployment being typed: the browser builds the deployment from
//! the form as it stands, adds it to the plan it holds and runs the same pure rules as the
//! server (the department's settings, the server's instant), then lists what would concern
//! that deployment. The server checks again when the form is saved: it stays the authority.

use leptos::prelude::*;

use crate::api::plan_types::PlanPage;
use crate::domain::compliance::{check_plan, Finding};
use crate::domain::plan::input::DeploymentInput;
use crate::domain::plan::Deployment;

/// The id given to a new deployment while it is previewed (never saved under it).
const PREVIEW_ID: &str = "00000000-0000-4000-8000-00000000a9e5";

/// The form's fields as the browser holds them: (name, value), repeated names kept.
pub type FormValues = Vec<(String, String)>;

/// The deployment the form describes, if it is complete and valid: read by the same parser as
/// the server's save ([`DeploymentInput::parse`]), so the preview never reads it differently.
pub fn candidate(page: &PlanPage, values: &FormValues) -> Option<Deployment> {
    let plan = &page.plan;
    let input = DeploymentInput::from_pairs(values);
    let id = match input.id.trim() {
        "" => PREVIEW_ID.to_string(),
        id => id.to_string(),
    };
    // An existing deployment stays with its participant, as on the server.
    let owner = plan
        .deployments
        .iter()
        .find(|d| d.id() == id)
        .map_or_else(|| input.participant_id.trim().to_string(), |d| d.participant_id().to_string());
    // The server's one rule, as the server decided it for this reader.
    let may_restrict = page.access.may_restrict(&owner);
    input.parse(plan, &id, &owner, may_restrict).ok()
}

/// What the rules find about `deployment` once it is in the plan (in place of its saved self).
pub fn findings_for(page: &PlanPage, deployment: Deployment) -> Vec<Finding> {
    let id = deployment.id().to_string();
    let mut plan = page.plan.clone();
    plan.deployments.retain(|d| d.id() != id);
    plan.deployments.push(deployment);
    check_plan(&plan, &page.rules, &page.compliance).into_iter().filter(|f| f.deployment_ids.contains(&id)).collect()
}

/// The values of the form holding the element an input event came from.
#[cfg(feature = "hydrate")]
pub fn form_values(ev: &leptos::ev::Event) -> Option<FormValues> {
    use wasm_bindgen::JsCast;
    let target: web_sys::Element = ev.target()?.dyn_into().ok()?;
    let form: web_sys::HtmlFormElement = target.closest("form").ok()??.dyn_into().ok()?;
    let data = web_sys::FormData::new_with_form(&form).ok()?;
    let mut values = Vec::new();
    let entries = js_sys_entries(&data)?;
    for (name, value) in entries {
        values.push((name, value));
    }
    Some(values)
}

#[cfg(feature = "hydrate")]
fn js_sys_entries(data: &web_sys::FormData) -> Option<Vec<(String, String)>> {
    use wasm_bindgen::JsCast;
    let iterator = data.entries();
    let mut out = Vec::new();
    loop {
        let next = iterator.next().ok()?;
        if next.done() {
            return Some(out);
        }
        let pair: js_sys::Array = next.value().dyn_into().ok()?;
        out.push((pair.get(0).as_string()?, pair.get(1).as_string().unwrap_or_default()));
    }
}

#[cfg(not(feature = "hydrate"))]
pub fn form_values(_ev: &leptos::ev::Event) -> Option<FormValues> {
    None
}

/// The live list under the form.
#[component]
pub fn CompliancePreview(findings: RwSignal<Option<Vec<Finding>>>) -> impl IntoView {
    view! {
        <div id="apercu-conformite" aria-live="polite" class="fr-mb-2w">
            {move || findings.get().map(|list| if list.is_empty() {
                view! { <p class="fr-text--sm fr-mb-0 cordon-preview-ok">"Aperçu : ce déploiement ne soulève aucune anomalie de conformité."</p> }.into_any()
            } else {
                view! {
                    <div class="fr-alert fr-alert--warning fr-alert--sm">
                        <p><strong>"Aperçu de la conformité de ce déploiement, avant enregistrement :"</strong></p>
                        <ul>
                            {list.into_iter().map(|f| view! {
                                <li data-rule=f.rule.code()>{format!("{} — {} ", f.severity.label(), f.message)}<em>{f.fix}</em></li>
                            }).collect_view()}
                        </ul>
                    </div>
                }.into_any()
            })}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, paris, AVENUE, COMPANY, ENTRANCE};
    use crate::domain::compliance::ComplianceContext;
    use crate::domain::compliance::RuleSet;

    fn page() -> PlanPage {
        let plan = compliant_plan();
        PlanPage {
            coverage: plan.coverage(),
            time_zone: plan.event.time_zone().name().to_string(),
            plan,
            access: crate::domain::plan::EventAccess {
                audience: crate::domain::plan::Audience::Others,
                agents: crate::domain::plan::AgentDetail::Withheld,
                organiser: false,
                own_participant_ids: vec![id(COMPANY)],
                restricting_participant_ids: vec![],
            },
            event_version: 1,
            versions: BTreeMap::new(),
            findings: Vec::new(),
            rules: RuleSet::defaults(),
            compliance: ComplianceContext::at(paris(5, 1, 10, 0)),
            directory: Vec::new(),
            edition_of: None,
        }
    }

    fn form(zone: u32) -> FormValues {
        [
            ("event_id", "x".to_string()),
            ("id", String::new()),
            ("participant_id", id(COMPANY)),
            ("zone_id", id(zone)),
            ("post_id", String::new()),
            ("start", "2026-06-20T18:00".into()),
            ("end", "2026-06-20T23:00".into()),
            ("headcount", "2".into()),
            ("category", "surveillance".into()),
            ("mission", "Surveillance".into()),
            ("radio", String::new()),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    #[test]
    fn private_agents_typed_on_a_public_road_are_flagged_before_saving_and_the_flag_goes_with_the_zone() {
        let page = page();
        let on_road = candidate(&page, &form(AVENUE)).expect("a complete form");
        let rules: Vec<&str> = findings_for(&page, on_road).iter().map(|f| f.rule.code()).collect();
        assert_eq!(rules, vec!["voie_publique_sans_autorisation"]);
        let at_entrance = candidate(&page, &form(ENTRANCE)).expect("a complete form");
        assert!(findings_for(&page, at_entrance).is_empty());
    }

    #[test]
    fn an_incomplete_form_gives_no_preview() {
        let page = page();
        let mut values = form(AVENUE);
        values.retain(|(n, _)| n != "end");
        assert!(candidate(&page, &values).is_none());
        let mut values = form(AVENUE);
        values.iter_mut().filter(|(n, _)| n == "category").for_each(|(_, v)| *v = "inconnue".into());
        assert!(candidate(&page, &values).is_none());
    }
}
