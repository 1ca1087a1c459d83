//! Saves on the plan page happen in place: the page is not reloaded, its content is redrawn
//! from the saved plan while the old one stays on screen (a `Transition`), and the person finds
//! the page where they left it — the same scroll position, the focus on the same control — with
//! what was saved announced to screen readers by a live region that outlives the redraw.
//!
//! A control is found again by its id, or, when it has none (a form's submit button), by its
//! rank among the focusable controls of its nearest ancestor carrying an id.

use leptos::prelude::*;

/// Where the person was when a save succeeded: restored once the page has redrawn.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Place {
    /// The id of the focused control, or of its nearest ancestor with an id.
    pub anchor: Option<String>,
    /// The focused control's rank among the anchor's focusable controls, when the anchor is an
    /// ancestor rather than the control itself.
    pub rank: Option<usize>,
    /// The control's distance from the top of the window: it is put back at that height, so
    /// that what changed above it (a gap closed, a finding gone) does not move it.
    pub top: Option<f64>,
    pub scroll_y: f64,
}

/// The controls a person can focus, in document order.
#[cfg(feature = "hydrate")]
const FOCUSABLE: &str = "a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])";

/// The page's memory of the last place, shared by the actions and the redrawn page.
#[derive(Clone, Copy)]
pub struct InPlace {
    place: StoredValue<Option<Place>>,
    /// What the last save did, for the live region (« Déploiement enregistré. »).
    pub announcement: RwSignal<String>,
}

impl InPlace {
    pub fn new() -> Self {
        InPlace { place: StoredValue::new(None), announcement: RwSignal::new(String::new()) }
    }

    /// Notes where the person is, before the page redraws after a save of `what`.
    pub fn remember(&self, what: &str) {
        self.place.set_value(current_place());
        self.announcement.set(what.to_string());
    }

    /// Puts the person back where they were, once the redrawn page is in the document.
    pub fn restore(&self) {
        if let Some(place) = self.place.try_update_value(Option::take).flatten() {
            restore_place(place);
        }
    }
}

#[cfg(feature = "hydrate")]
fn current_place() -> Option<Place> {
    use wasm_bindgen::JsCast;
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    let document = document();
    let active = document.active_element().filter(|e| e.tag_name() != "BODY");
    let Some(active) = active else { return Some(Place { anchor: None, rank: None, top: None, scroll_y }) };
    let top = Some(active.get_bounding_client_rect().top());
    if !active.id().is_empty() {
        return Some(Place { anchor: Some(active.id()), rank: None, top, scroll_y });
    }
    let ancestor = active.parent_element().and_then(|p| p.closest("[id]").ok().flatten());
    let (anchor, rank) = match ancestor {
        Some(ancestor) => {
            let controls = ancestor.query_selector_all(FOCUSABLE).ok();
            let rank = controls.and_then(|list| {
                (0..list.length()).find(|&i| {
                    list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()).is_some_and(|e| e == active)
                })
            });
            (Some(ancestor.id()), rank.map(|r| r as usize))
        }
        None => (None, None),
    };
    Some(Place { anchor, rank, top, scroll_y })
}

#[cfg(not(feature = "hydrate"))]
fn current_place() -> Option<Place> {
    None
}

#[cfg(feature = "hydrate")]
fn restore_place(place: Place) {
    request_animation_frame(move || {
        use wasm_bindgen::JsCast;
        window().scroll_to_with_x_and_y(0.0, place.scroll_y);
        let Some(anchor) = place.anchor.and_then(|id| document().get_element_by_id(&id)) else { return };
        let target = match place.rank {
            None => Some(anchor),
            Some(rank) => anchor
                .query_selector_all(FOCUSABLE)
                .ok()
                .and_then(|list| list.item(rank as u32))
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok()),
        };
        if let Some(target) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            if let Some(top) = place.top {
                window().scroll_by_with_x_and_y(0.0, target.get_bounding_client_rect().top() - top);
            }
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = target.focus_with_options(&options);
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn restore_place(_place: Place) {}

/// The live region announcing each save; it stays in the document while the page redraws.
#[component]
pub fn SaveAnnouncer(in_place: InPlace) -> impl IntoView {
    view! {
        <p class="fr-sr-only" role="status" aria-live="polite" id="annonce-enregistrement">
            {move || in_place.announcement.get()}
        </p>
    }
}
