//! The compliance panel: what the law and the circular find in the plan, each finding with
//! its severity, its reference, the zones it concerns and the fix proposed. Recomputed by the
//! server on every change of the plan (the page reloads its plan after each save).

use leptos::prelude::*;

use crate::api::plan_types::PlanPage;
use crate::domain::compliance::{Finding, Severity};
use crate::text;

#[component]
pub fn CompliancePanel(page: PlanPage) -> impl IntoView {
    let count = |severity: Severity| page.findings.iter().filter(|f| f.severity == severity).count();
    let (blocking, warnings, notes) =
        (count(Severity::Bloquant), count(Severity::Avertissement), count(Severity::Information));
    let zone_names = |f: &Finding| -> String {
        f.zone_ids
            .iter()
            .filter_map(|id| page.plan.zones.iter().find(|z| z.id() == id).map(|z| z.name().to_string()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let items: Vec<(Finding, String)> = page.findings.iter().map(|f| (f.clone(), zone_names(f))).collect();
    // The findings are the reader's own unless it reads the whole plan: the words say which.
    let whole = page.access.reads_all_findings();
    view! {
        <section class="fr-mb-4w" aria-labelledby="titre-conformite" id="conformite">
            <h2 id="titre-conformite" class="fr-h4">{text::compliance_title(whole)}</h2>
            {(!whole).then(|| view! { <p class="fr-text--sm" id="portee-conformite">{text::COMPLIANCE_OWN_SCOPE}</p> })}
            {if items.is_empty() {
                view! { <div class="fr-alert fr-alert--success fr-alert--sm" id="aucune-anomalie"><p>{text::compliance_none(whole)}</p></div> }.into_any()
            } else {
                view! {
                    <p id="resume-conformite">{summary(blocking, warnings, notes)}</p>
                    <ul class="cordon-findings" aria-labelledby="titre-conformite">
                        {items.into_iter().map(|(f, zones)| finding(f, zones)).collect_view()}
                    </ul>
                }.into_any()
            }}
            <p class="fr-text--xs">"Règles vérifiées : Code de la sécurité intérieure, référentiel national des DPS et circulaire du 5 janvier 2016. Une préfecture peut adapter certains seuils à son département."</p>
        </section>
    }
}

fn summary(blocking: usize, warnings: usize, notes: usize) -> String {
    let part = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    format!(
        "{}, {}, {}.",
        part(blocking, "point bloquant", "points bloquants"),
        part(warnings, "avertissement", "avertissements"),
        part(notes, "information", "informations")
    )
}

fn finding(f: Finding, zones: String) -> impl IntoView {
    let badge = match f.severity {
        Severity::Bloquant => "fr-badge fr-badge--sm fr-badge--error",
        Severity::Avertissement => "fr-badge fr-badge--sm fr-badge--warning",
        Severity::Information => "fr-badge fr-badge--sm fr-badge--info",
    };
    view! {
        <li class="cordon-finding" data-rule=f.rule.code()>
            <p class="fr-mb-1v"><span class=badge>{f.severity.label()}</span>" "{f.message.clone()}</p>
            <p class="fr-text--sm fr-mb-1v">
                <strong>"Référence : "</strong>{f.reference.clone()}
                {(!zones.is_empty()).then(|| view! { " · "<strong>"Zones : "</strong>{zones.clone()} })}
            </p>
            <p class="fr-text--sm fr-mb-2w"><strong>"Correction proposée : "</strong>{f.fix.clone()}</p>
        </li>
    }
}
