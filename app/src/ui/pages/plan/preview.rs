//! The compliance preview of a deployment being typed: the form's values, sent to the server
//! (`api::plan_edits::preview_deployment`), which checks the deployment they describe with the
//! rules of a save; the list of what it finds, under the form. The server checks again when the
//! form is saved.

use leptos::prelude::*;

use crate::domain::compliance::Finding;

/// The form's fields as the browser holds them: (name, value), repeated names kept.
pub type FormValues = Vec<(String, String)>;

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
