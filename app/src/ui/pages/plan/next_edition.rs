//! « Reconduire l'événement » on the plan page (the organiser): next year's edition at a new
//! date, proposed 52 weeks later (the same day of the week), as a draft to check and publish.

use leptos::prelude::*;

use super::SharedPage;

use crate::api::events::NextEdition;
use crate::domain::time::format_input_local;
use crate::domain::Instant;
use crate::text;
use crate::ui::components::{field_error, form_error, ErrorAlert, TextField};
use crate::ui::components::{FormAction, ServerForm};

/// Fifty-two weeks: next year's same day of the week.
const WEEKS_52: i64 = 52 * 7 * 24 * 3_600_000;

#[component]
pub fn NextEditionSection(page: SharedPage, action: FormAction<NextEdition>) -> impl IntoView {
    let event = page.plan.event.clone();
    let proposed = format_input_local(Instant(event.window().start().0 + WEEKS_52), event.time_zone());
    view! {
        <section class="fr-mt-6w" aria-labelledby="titre-reconduire">
            <h2 id="titre-reconduire" class="fr-h4">{text::NEXT_EDITION_TITLE}</h2>
            <p class="fr-text--sm">{text::NEXT_EDITION_HELP}</p>
            <ErrorAlert message=form_error(action)/>
            <ServerForm action>
                <input type="hidden" name="event_id" value=event.id().to_string()/>
                <TextField form="reconduire" name="start" label=text::NEXT_EDITION_START kind="datetime-local" required=true
                    value=proposed error=field_error(action, "start")/>
                <button type="submit" class="fr-btn fr-btn--secondary fr-icon-calendar-event-line fr-btn--icon-left">
                    {text::NEXT_EDITION_BUTTON}
                </button>
            </ServerForm>
        </section>
    }
}
