//! The start and end of a time window, checked together while typing: the same rules as the
//! domain (the end after the start, at most 31 days), shown under the end field before any
//! round trip to the server.

use chrono::NaiveDateTime;
use leptos::prelude::*;

use crate::domain::plan::{PlanError, MAX_WINDOW};
use crate::ui::components::TextField;

/// What is wrong with the window typed so far, if anything (`datetime-local` values).
pub fn window_hint(start: &str, end: &str) -> Option<String> {
    let parse = |raw: &str| NaiveDateTime::parse_from_str(raw.trim(), "%Y-%m-%dT%H:%M").ok();
    let (start, end) = (parse(start)?, parse(end)?);
    // Wall-clock times: a window across a DST change is off by an hour at most, which the
    // server, reading them in the event's zone, decides exactly.
    if end <= start {
        Some(PlanError::WindowEndNotAfterStart.to_string())
    } else if (end - start).num_milliseconds() > MAX_WINDOW.0 {
        Some(PlanError::WindowTooLong.to_string())
    } else {
        None
    }
}

/// The two fields' typed values and the message their combination gives (none until typed).
pub struct WindowCheck {
    pub start: RwSignal<Option<String>>,
    pub end: RwSignal<Option<String>>,
    pub message: Signal<Option<String>>,
}

/// Watches a start and an end field, which show `start` and `end` initially.
pub fn window_check(start: &str, end: &str) -> WindowCheck {
    let typed_start = RwSignal::new(None::<String>);
    let typed_end = RwSignal::new(None::<String>);
    let (initial_start, initial_end) = (start.to_string(), end.to_string());
    let message = Signal::derive(move || {
        if typed_start.with(Option::is_none) && typed_end.with(Option::is_none) {
            return None;
        }
        let s = typed_start.get().unwrap_or_else(|| initial_start.clone());
        let e = typed_end.get().unwrap_or_else(|| initial_end.clone());
        window_hint(&s, &e)
    });
    WindowCheck { start: typed_start, end: typed_end, message }
}

#[component]
pub fn WindowFields(
    form: &'static str,
    start: String,
    end: String,
    #[prop(into)] start_error: Signal<Option<String>>,
    #[prop(into)] end_error: Signal<Option<String>>,
) -> impl IntoView {
    let WindowCheck { start: typed_start, end: typed_end, message: cross } = window_check(&start, &end);
    view! {
        <div class="fr-grid-row fr-grid-row--gutters">
            <div class="fr-col-12 fr-col-md-6">
                <TextField form name="start" label="Début (heure locale)" kind="datetime-local" required=true value=start error=start_error mirror=typed_start/>
            </div>
            <div class="fr-col-12 fr-col-md-6">
                <TextField form name="end" label="Fin (heure locale)" kind="datetime-local" required=true value=end error=end_error mirror=typed_end cross/>
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_end_before_or_at_the_start_is_flagged_while_typing() {
        assert_eq!(
            window_hint("2027-06-26T18:00", "2027-06-26T17:30"),
            Some(PlanError::WindowEndNotAfterStart.to_string())
        );
        assert_eq!(
            window_hint("2027-06-26T18:00", "2027-06-26T18:00"),
            Some(PlanError::WindowEndNotAfterStart.to_string())
        );
    }

    #[test]
    fn a_night_shift_across_midnight_is_fine() {
        assert_eq!(window_hint("2027-06-26T22:00", "2027-06-27T06:00"), None);
    }

    #[test]
    fn a_window_over_31_days_is_flagged_and_a_half_typed_date_is_not_judged() {
        assert_eq!(window_hint("2027-06-01T00:00", "2027-07-05T00:00"), Some(PlanError::WindowTooLong.to_string()));
        assert_eq!(window_hint("2027-06-26T18:00", ""), None);
    }
}
