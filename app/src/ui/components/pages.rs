//! Long tables a page at a time (issue 17): a city festival's thousands of deployments and
//! hundreds of needs are read [`PAGE_SIZE`] rows at a time, with buttons to the previous and next
//! pages; only the page on screen is in the HTML. A table of at most [`PAGE_SIZE`] rows has no
//! buttons. Printing prints every row (the tables say so where they print).

use leptos::prelude::*;

use crate::text;

/// Rows per page of a long table.
pub const PAGE_SIZE: usize = 100;

/// How many pages `count` rows make (one at least, empty or not).
pub fn page_count(count: usize) -> usize {
    count.div_ceil(PAGE_SIZE).max(1)
}

/// The rows of page `page` (from 0) of `count` rows; a page past the last is the last.
pub fn page_range(count: usize, page: usize) -> std::ops::Range<usize> {
    let start = page.min(page_count(count) - 1) * PAGE_SIZE;
    start..(start + PAGE_SIZE).min(count)
}

/// Under a table of `count` rows: which rows are on screen (« Déploiements 101 à 200 sur
/// 2 000 », announced when it changes) and the buttons to the previous and next pages. `name`
/// starts the buttons' ids (`{name}-page-precedente`, `{name}-page-suivante`, `{name}-page`).
#[component]
pub fn TablePages(count: usize, page: RwSignal<usize>, noun: &'static str, name: &'static str) -> impl IntoView {
    let last = page_count(count) - 1;
    let shown = move || {
        let range = page_range(count, page.get());
        text::table_page(noun, range.start + 1, range.end, count)
    };
    view! {
        <nav class="cordon-table-pages" aria-label=text::table_pages_label(noun)>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-arrow-left-s-line fr-btn--icon-left"
                id=format!("{name}-page-precedente")
                disabled=move || page.get() == 0
                on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                {text::TABLE_PREVIOUS}
            </button>
            <p class="fr-text--sm fr-mb-0" aria-live="polite" id=format!("{name}-page")>{shown}</p>
            <button type="button" class="fr-btn fr-btn--sm fr-btn--secondary fr-icon-arrow-right-s-line fr-btn--icon-right"
                id=format!("{name}-page-suivante")
                disabled={move || page.get() >= last}
                on:click=move |_| page.update(|p| *p = (*p + 1).min(last))>
                {text::TABLE_NEXT}
            </button>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_table_is_read_a_hundred_rows_at_a_time() {
        assert_eq!((page_count(0), page_range(0, 0)), (1, 0..0));
        assert_eq!((page_count(100), page_range(100, 0)), (1, 0..100));
        assert_eq!((page_count(2_001), page_range(2_001, 1)), (21, 100..200));
        assert_eq!(page_range(2_001, 20), 2_000..2_001, "the last page holds the rest");
        assert_eq!(page_range(2_001, 99), 2_000..2_001, "a page past the last is the last");
        assert_eq!(page_range(150, 7), 100..150, "a table that shrank after a save keeps a page");
    }

    #[test]
    fn the_pages_say_which_rows_are_on_screen_in_french() {
        assert_eq!(text::table_page("Besoins", 101, 200, 320), "Besoins 101 à 200 sur 320");
        assert_eq!(text::table_page("Déploiements", 1, 100, 2_000), "Déploiements 1 à 100 sur 2\u{202f}000");
        assert_eq!(text::table_pages_label("Besoins"), "Pages du tableau : besoins");
    }
}
