//! The plan shown two ways: the coverage timeline (click a bar to edit it) and the table
//! of deployments (for screen readers and printing).

use leptos::prelude::*;

use crate::api::plan_types::PlanPage;
use crate::ui::timeline::{CoverageTimeline, PlanTable};

#[component]
pub fn PlanViews(page: PlanPage, selected: RwSignal<Option<String>>) -> impl IntoView {
    let editable: Vec<String> = page
        .plan
        .deployments
        .iter()
        .filter(|d| page.access.own_participant_ids.iter().any(|p| p == d.participant_id()))
        .map(|d| d.id().to_string())
        .collect();
    let selectable = editable.clone();
    let on_select = Callback::new(move |id: String| {
        if editable.contains(&id) {
            selected.set(Some(id));
            #[cfg(feature = "hydrate")]
            if let Some(form) = document().get_element_by_id("formulaire-deploiement") {
                form.scroll_into_view();
            }
        }
    });
    // Which deployments the findings flag, as the server decided it (`compliance::digest`).
    let flagged: Vec<String> = page
        .flagged
        .iter()
        .filter_map(|&i| page.plan.deployments.get(i as usize).map(|d| d.id().to_string()))
        .collect();
    view! {
        <div class="fr-mb-4w">
            {if selectable.is_empty() {
                view! { <CoverageTimeline plan=page.plan.clone() coverage=page.coverage.clone() flagged now=page.now.clone()/> }.into_any()
            } else {
                view! { <CoverageTimeline plan=page.plan.clone() coverage=page.coverage.clone() on_select selectable flagged now=page.now.clone()/> }.into_any()
            }}
        </div>
        <div class="fr-mb-4w">
            <PlanTable plan=page.plan.clone() to_confirm=page.to_confirm.clone()/>
        </div>
    }
}
