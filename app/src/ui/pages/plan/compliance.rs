//! The compliance panel: what the law and the circular find in the plan, each finding with
//! its severity, its reference, the zones it concerns and the fix proposed. Recomputed by the
//! server on every change of the plan (the page reloads its plan after each save). A city
//! festival's thousands of findings: the page carries each rule's first ones and every rule's
//! count (`compliance::digest`); a button under a rule's last one shown reads the others.

use std::collections::HashMap;

use leptos::prelude::*;

use super::SharedPage;

use crate::domain::compliance::{Finding, RuleCode, RuleTally, Severity};
use crate::error::AppError;
use crate::text;

/// The zones' names by id, to name the zones a finding concerns.
type ZoneNames = StoredValue<HashMap<String, String>>;

#[component]
pub fn CompliancePanel(page: SharedPage) -> impl IntoView {
    let count =
        |severity: Severity| page.finding_tallies.iter().filter(|t| t.severity == severity).map(|t| t.count).sum();
    let (blocking, warnings, notes) =
        (count(Severity::Bloquant), count(Severity::Avertissement), count(Severity::Information));
    let zones: ZoneNames =
        StoredValue::new(page.plan.zones.iter().map(|z| (z.id().to_string(), z.name().to_string())).collect());
    let event_id = page.plan.event.id().to_string();
    let items = items(&page.findings, &page.finding_tallies)
        .into_iter()
        .map(|item| match item {
            Item::Finding(f) => finding(f, zones).into_any(),
            Item::More { rule, shown, hidden } => {
                view! { <MoreFindings event_id=event_id.clone() rule shown hidden zones/> }.into_any()
            }
        })
        .collect_view();
    // The findings are the reader's own unless it reads the whole plan: the words say which.
    let whole = page.access.reads_all_findings();
    view! {
        <section class="fr-mb-4w" aria-labelledby="titre-conformite" id="conformite">
            <h2 id="titre-conformite" class="fr-h4">{text::compliance_title(whole)}</h2>
            {(!whole).then(|| view! { <p class="fr-text--sm" id="portee-conformite">{text::COMPLIANCE_OWN_SCOPE}</p> })}
            {if page.findings.is_empty() {
                view! { <div class="fr-alert fr-alert--success fr-alert--sm" id="aucune-anomalie"><p>{text::compliance_none(whole)}</p></div> }.into_any()
            } else {
                view! {
                    <p id="resume-conformite">{summary(blocking, warnings, notes)}</p>
                    <ul class="cordon-findings" aria-labelledby="titre-conformite">{items}</ul>
                }.into_any()
            }}
            <p class="fr-text--xs">"Règles vérifiées : Code de la sécurité intérieure, référentiel national des DPS et circulaire du 5 janvier 2016. Une préfecture peut adapter certains seuils à son département."</p>
        </section>
    }
}

/// A line of the list: a finding, or the button reading a rule's findings not shown.
#[derive(Debug, PartialEq)]
enum Item {
    Finding(Finding),
    More { rule: RuleCode, shown: usize, hidden: usize },
}

/// The findings shown in their order, with, after a rule's last one shown, the button for the
/// others when the rule has more (`tallies`).
fn items(shown: &[Finding], tallies: &[RuleTally]) -> Vec<Item> {
    let mut seen: HashMap<RuleCode, usize> = HashMap::new();
    let mut items = Vec::with_capacity(shown.len());
    for (i, f) in shown.iter().enumerate() {
        let so_far = seen.entry(f.rule).or_default();
        *so_far += 1;
        items.push(Item::Finding(f.clone()));
        let last_of_rule = !shown[i + 1..].iter().any(|later| later.rule == f.rule);
        let total = tallies.iter().find(|t| t.rule == f.rule).map_or(0, |t| t.count);
        if last_of_rule && total > *so_far {
            items.push(Item::More { rule: f.rule, shown: *so_far, hidden: total - *so_far });
        }
    }
    items
}

fn summary(blocking: usize, warnings: usize, notes: usize) -> String {
    let part = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", crate::text::thousands(n as u64))
        }
    };
    format!(
        "{}, {}, {}.",
        part(blocking, "point bloquant", "points bloquants"),
        part(warnings, "avertissement", "avertissements"),
        part(notes, "information", "informations")
    )
}

/// The button under a rule's first findings; pressed, the rule's other findings in its place.
#[component]
fn MoreFindings(event_id: String, rule: RuleCode, shown: usize, hidden: usize, zones: ZoneNames) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<Vec<Finding>, AppError>>);
    let pending = RwSignal::new(false);
    let read = move |_| {
        if pending.get_untracked() {
            return;
        }
        pending.set(true);
        let event_id = event_id.clone();
        leptos::task::spawn_local(async move {
            let answer = crate::ui::codec::call!(crate::api::events::ListRuleFindings {
                event_id: event_id,
                rule: rule.code().to_string()
            })
            .await;
            loaded.set(Some(answer));
        });
    };
    move || {
        match loaded.get() {
        Some(Ok(all)) => all.into_iter().skip(shown).map(|f| finding(f, zones).into_any()).collect_view().into_any(),
        Some(Err(e)) => view! {
            <li class="cordon-finding-more"><p class="fr-error-text">{e.to_string()}</p></li>
        }
        .into_any(),
        None => view! {
            <li class="cordon-finding-more">
                <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary fr-mb-2w" on:click=read.clone()
                    data-rule=rule.code() aria-busy=move || pending.get().then_some("true")>
                    {move || if pending.get() { text::COMPLIANCE_MORE_LOADING.to_string() } else { text::compliance_more(hidden, rule.label()) }}
                </button>
            </li>
        }
        .into_any(),
    }
    }
}

fn finding(f: Finding, zones: ZoneNames) -> impl IntoView {
    let badge = match f.severity {
        Severity::Bloquant => "fr-badge fr-badge--sm fr-badge--error",
        Severity::Avertissement => "fr-badge fr-badge--sm fr-badge--warning",
        Severity::Information => "fr-badge fr-badge--sm fr-badge--info",
    };
    let zones = zones
        .with_value(|names| f.zone_ids.iter().filter_map(|id| names.get(id).cloned()).collect::<Vec<_>>().join(", "));
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::digest;

    fn finding(rule: RuleCode, n: usize) -> Finding {
        Finding {
            rule,
            severity: Severity::Avertissement,
            message: format!("{} {n}", rule.code()),
            reference: "IDCC 1351".into(),
            fix: "Espacez les vacations.".into(),
            zone_ids: vec![],
            deployment_ids: vec![],
            participant_ids: vec![],
            agent_ids: vec![],
        }
    }

    #[test]
    fn the_button_for_a_rule_s_other_findings_follows_its_last_one_shown() {
        let daily = RuleCode::TempsTravailJournalier;
        let rest = RuleCode::TempsTravailRepos;
        let mut all: Vec<Finding> = (0..7).map(|n| finding(daily, n)).collect();
        all.insert(1, finding(rest, 0));
        let digest = digest(all, 3);
        let lines: Vec<String> = items(&digest.shown, &digest.tallies)
            .into_iter()
            .map(|item| match item {
                Item::Finding(f) => f.message,
                Item::More { rule, shown, hidden } => format!("+{hidden} {} after {shown}", rule.code()),
            })
            .collect();
        assert_eq!(
            lines,
            [
                "temps_travail_journalier 0",
                "temps_travail_repos 0",
                "temps_travail_journalier 1",
                "temps_travail_journalier 2",
                "+4 temps_travail_journalier after 3",
            ]
        );
    }

    #[test]
    fn the_button_says_how_many_findings_it_shows_in_french() {
        assert_eq!(text::compliance_more(1, "Carte expirée"), "Afficher l’autre constat « Carte expirée »");
        assert_eq!(
            text::compliance_more(1_176, "Durée de travail journalière dépassée"),
            "Afficher les 1\u{202f}176 autres constats « Durée de travail journalière dépassée »"
        );
        assert_eq!(summary(0, 2_683, 3), "0 points bloquants, 2\u{202f}683 avertissements, 3 informations.");
    }
}
