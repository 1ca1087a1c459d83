//! The plan shown two ways: the coverage timeline (click a bar to edit it) and the table
//! of deployments (for screen readers and printing).
//!
//! A deployment saved on the page shows in both as soon as the server answers the save, as
//! the server saved it ([`SavedDeployment`]): the page's plan, read before the save, is shown
//! with it ([`with_saved`]) until the plan read again after the save replaces the page.

use std::sync::Arc;

use leptos::prelude::*;

use crate::api::plan_edits::SavedDeployment;
use crate::api::plan_types::PlanPage;
use crate::domain::plan::Plan;
use crate::ui::timeline::{CoverageTimeline, PlanTable};

/// The deployments saved on this page, each with the number of the plan's read that includes
/// it (the page's `reload` count after the save): kept by the page across its reads.
pub type Saves = RwSignal<Vec<(u32, SavedDeployment)>>;

#[component]
pub fn PlanViews(
    page: Arc<PlanPage>,
    selected: RwSignal<Option<String>>,
    /// The deployments saved on the page, and which read of the plan `page` is.
    saves: Saves,
    read_at: u32,
) -> impl IntoView {
    let own = Arc::new(page.access.own_participant_ids.clone());
    let base = Arc::new(page.plan.clone());
    let shown: Memo<Arc<Plan>> = Memo::new(move |_| {
        saves.with(|saves| with_saved(&base, read_at, saves)).map(Arc::new).unwrap_or_else(|| base.clone())
    });
    let mine = own.clone();
    let editable = move |plan: &Plan| -> Vec<String> {
        plan.deployments
            .iter()
            .filter(|d| mine.iter().any(|p| p == d.participant_id()))
            .map(|d| d.id().to_string())
            .collect()
    };
    let selectable = Memo::new(move |_| shown.with(|plan| editable(plan)));
    let on_select = Callback::new(move |id: String| {
        let own_deployment = shown.with_untracked(|plan| {
            plan.deployments.iter().any(|d| d.id() == id && own.iter().any(|p| p == d.participant_id()))
        });
        if own_deployment {
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
    let picks = !page.access.own_participant_ids.is_empty();
    view! {
        <div class="fr-mb-4w">
            {if picks {
                view! { <CoverageTimeline plan=shown coverage=page.coverage.clone() on_select selectable flagged now=page.now.clone()/> }.into_any()
            } else {
                view! { <CoverageTimeline plan=shown coverage=page.coverage.clone() flagged now=page.now.clone()/> }.into_any()
            }}
        </div>
        <div class="fr-mb-4w">
            <PlanTable plan=shown to_confirm=page.to_confirm.clone()/>
        </div>
    }
}

/// `plan`, read as the page's `read_at`-th read, with the deployments saved since (those
/// whose read comes later): each in place of its former self, a new one last. `None` when
/// every save is already in `plan`.
pub fn with_saved(plan: &Plan, read_at: u32, saves: &[(u32, SavedDeployment)]) -> Option<Plan> {
    let mut newer = saves.iter().filter(|(read, _)| *read > read_at).map(|(_, saved)| &saved.deployment).peekable();
    newer.peek()?;
    let mut plan = plan.clone();
    for saved in newer {
        match plan.deployments.iter_mut().find(|d| d.id() == saved.id()) {
            Some(shown) => *shown = saved.clone(),
            None => plan.deployments.push(saved.clone()),
        }
    }
    Some(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::{Deployment, DeploymentDraft};

    fn plan() -> Plan {
        crate::ui::timeline::fixtures::festival()
    }

    fn saved(deployment: Deployment, version: i64) -> SavedDeployment {
        SavedDeployment { deployment, version }
    }

    #[test]
    fn a_saved_deployment_replaces_its_former_self_until_the_plan_is_read_again() {
        let plan = plan();
        let first = plan.deployments[0].clone();
        let moved =
            Deployment::new(DeploymentDraft { mission: "Filtrage entrée nord (déplacé)".into(), ..first.into() })
                .unwrap();
        let saves = vec![(3, saved(moved.clone(), 2))];
        let shown = with_saved(&plan, 2, &saves).expect("the save is newer than the plan read");
        assert_eq!(shown.deployments.len(), plan.deployments.len());
        assert_eq!(shown.deployments[0], moved);
        assert_eq!(&shown.deployments[1..], &plan.deployments[1..]);
        assert_eq!(with_saved(&plan, 3, &saves), None, "the read after the save includes it");
    }

    #[test]
    fn a_new_deployment_is_shown_last_and_a_removed_one_is_not_brought_back() {
        let plan = plan();
        let new = Deployment::new(DeploymentDraft {
            id: crate::ui::timeline::fixtures::id(999),
            ..plan.deployments[0].clone().into()
        })
        .unwrap();
        let saves = vec![(1, saved(new.clone(), 1))];
        let shown = with_saved(&plan, 0, &saves).unwrap();
        assert_eq!(shown.deployments.last(), Some(&new));
        // Saved, then removed: the plan read after the removal has it not, and it stays out.
        assert_eq!(with_saved(&plan, 2, &saves), None);
    }
}
