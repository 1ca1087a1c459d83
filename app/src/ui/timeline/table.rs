//! The plan as an accessible DSFR table, one row per deployment, for screen readers and
//! printing. Each column header holds a button that sorts by it; the sorted column's
//! header carries `aria-sort`.

use std::sync::Arc;

use leptos::prelude::*;

use super::rows::{plan_rows, sort_rows, Column, Direction, PlanRow, Sort};
use super::text;
use crate::domain::plan::Plan;
use crate::ui::components::{page_range, TablePages, PAGE_SIZE};

/// Every deployment of `plan` with its zone, post, participant, local start and end,
/// headcount, named agents, mission and visibility; sorted by start until a header is
/// clicked. A plan of more than [`PAGE_SIZE`] deployments is shown a page at a time, with
/// buttons to the previous and next pages (issue 17: only the page on screen is in the page's
/// HTML; every row is printed); sorting sorts them all and goes back to the first page.
///
/// `plan` may change while the table is on screen (a deployment saved): a row whose values
/// changed is drawn again, the others stay.
#[component]
pub fn PlanTable(
    #[prop(into)] plan: Signal<Arc<Plan>>,
    /// Deployments a next edition took from the last one, still to confirm: marked as such.
    #[prop(optional)]
    to_confirm: Vec<String>,
) -> impl IntoView {
    let caption = move || {
        plan.with(|plan| text::table_caption(plan.event.name(), plan.deployments.len(), plan.event.time_zone().name()))
    };
    let rows = Memo::new(move |_| plan.with(|plan| plan_rows(plan)));
    let to_confirm = StoredValue::new(to_confirm);
    let count = Memo::new(move |_| rows.with(Vec::len));
    let sort = RwSignal::new(Sort::default());
    let page = RwSignal::new(0usize);
    let sorted = Memo::new(move |_| {
        let mut sorted = rows.get();
        sort_rows(&mut sorted, sort.get());
        sorted
    });
    let printing = crate::ui::components::printing();
    let on_page = move || {
        sorted
            .with(|rows| if printing.get() { rows.clone() } else { rows[page_range(rows.len(), page.get())].to_vec() })
    };
    let headers = Column::ALL.into_iter().map(|column| view! { <SortHeader column sort page/> }).collect_view();
    let body = move || {
        if sorted.with(Vec::is_empty) {
            let columns = Column::ALL.len().to_string();
            return view! { <tr><td colspan=columns>{text::TABLE_EMPTY}</td></tr> }.into_any();
        }
        view! {
            // Keyed by the whole row: a saved deployment's row is drawn again with its values.
            <For each=on_page key=|row| row.clone() let:row>
                <TableRow unconfirmed=to_confirm.with_value(|ids| ids.contains(&row.deployment_id)) row/>
            </For>
        }
        .into_any()
    };
    view! {
        <div class="fr-table fr-table--bordered cordon-plan-table">
            <div class="fr-table__wrapper">
                <div class="fr-table__container">
                    <div class="fr-table__content">
                        <table>
                            <caption>{caption}</caption>
                            <thead><tr>{headers}</tr></thead>
                            <tbody>{body}</tbody>
                        </table>
                    </div>
                </div>
            </div>
            {move || {
                let count = count.get();
                (count > PAGE_SIZE).then(|| view! { <TablePages count page noun=crate::text::TABLE_NOUN_DEPLOYMENTS name="tableau"/> })
            }}
        </div>
    }
}

/// A column header: a button sorting by the column; `aria-sort` when it is the sorted one.
/// Sorting goes back to the first page.
#[component]
fn SortHeader(column: Column, sort: RwSignal<Sort>, page: RwSignal<usize>) -> impl IntoView {
    let current = move || sort.with(|s| (s.column == column).then_some(s.direction));
    let icon = move || match current() {
        None => "fr-icon-arrow-up-down-line fr-icon--sm",
        Some(Direction::Ascending) => "fr-icon-arrow-up-line fr-icon--sm",
        Some(Direction::Descending) => "fr-icon-arrow-down-line fr-icon--sm",
    };
    view! {
        <th scope="col" aria-sort=move || current().map(Direction::aria)>
            <button type="button" class="cordon-plan-table__sort" on:click=move |_| {
                page.set(0);
                sort.update(|s| *s = s.clicked(column));
            }>
                {column.label()}
                <span class=icon aria-hidden="true"></span>
            </button>
        </th>
    }
}

/// One deployment's row.
#[component]
fn TableRow(row: PlanRow, unconfirmed: bool) -> impl IntoView {
    view! {
        <tr>
            <td>{row.zone}</td>
            <td>{row.post}</td>
            <td>{row.participant}</td>
            <td class="cordon-plan-table__time">{row.start_text}</td>
            <td class="cordon-plan-table__time">{row.end_text}</td>
            <td class="cordon-plan-table__number">{row.headcount}</td>
            <td class="cordon-plan-table__number">{row.named}</td>
            <td>{row.category}</td>
            <td>
                {row.mission}
                {unconfirmed.then(|| view! { " " <span class="fr-badge fr-badge--sm fr-badge--warning">{crate::text::TO_CONFIRM_BADGE}</span> })}
            </td>
            <td>{row.visibility}</td>
        </tr>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::festival;

    /// The table's HTML without the hydration markers (`<!>`) the erased components add.
    fn rendered(plan: Plan) -> String {
        Owner::new().with(|| view! { <PlanTable plan=Arc::new(plan)/> }.to_html()).replace("<!>", "")
    }

    #[test]
    fn the_table_has_a_caption_ten_column_headers_and_one_row_per_deployment() {
        let html = rendered(festival());
        assert!(html.contains("<caption>Dispositif de « Festival des Calanques » : 3 déploiements, en heure locale (Europe/Paris)</caption>"), "{html}");
        assert_eq!(html.matches("<th scope=\"col\"").count(), 10);
        assert_eq!(html.matches("<tr>").count(), 4);
        assert!(!html.contains("style="));
    }

    #[test]
    fn only_the_start_column_is_marked_as_sorted_at_first() {
        let html = rendered(festival());
        assert_eq!(html.matches("aria-sort=").count(), 1);
        assert!(html.contains("<th scope=\"col\" aria-sort=\"ascending\"><button type=\"button\" class=\"cordon-plan-table__sort\">Début"), "{html}");
    }

    #[test]
    fn the_rows_come_in_start_order_with_local_french_times() {
        let html = rendered(festival());
        let first = html.find("Sécurité Sud").unwrap();
        let second = html.find("Gendarmerie").unwrap();
        let third = html.find("Police municipale de Marseille").unwrap();
        assert!(first < second && second < third, "{html}");
        assert!(html.contains("<td class=\"cordon-plan-table__time\">ven. 10/07 18:00</td>"), "{html}");
    }

    #[test]
    fn a_city_festival_s_table_sends_its_first_hundred_rows_and_says_how_many_there_are() {
        let plan = crate::domain::plan::synthetic_plan(40, 2_000, 48, 1);
        let html = rendered(plan);
        assert_eq!(html.matches("<tr>").count(), 1 + 100, "the header and the first page");
        assert!(html.contains(">Déploiements 1 à 100 sur 2\u{202f}000</p>"), "{html}");
        assert!(html.contains("id=\"tableau-page-precedente\" disabled"), "no page before the first");
        assert!(!html.contains("id=\"tableau-page-suivante\" disabled"));
    }

    #[test]
    fn a_plan_of_a_hundred_deployments_or_fewer_has_no_pages() {
        assert!(!rendered(festival()).contains("tableau-page"));
    }

    #[test]
    fn a_plan_without_deployments_says_so_in_one_cell() {
        let mut plan = festival();
        plan.deployments.clear();
        let html = rendered(plan);
        assert!(html.contains("<td colspan=\"10\">Aucun déploiement n’est encore prévu.</td>"), "{html}");
    }
}
