//! « Mes déploiements »: what a participant's members (a police unit, a municipal police, a
//! security company) need on the day — each of their shifts with its place, mission, agents
//! and radio channel, in time order — and whom to call. The organiser plans the whole event
//! and reads the timeline instead.

use leptos::prelude::*;

use super::SharedPage;

use crate::domain::plan::{Deployment, Plan, Visibility};
use crate::domain::time::format_short_fr;
use crate::text;

/// The shift of `d` as a line: "sam. 26/06 18:00 → 23:00" (the end's day only when it differs).
fn when(d: &Deployment, zone: chrono_tz::Tz) -> String {
    let (start, end) = (format_short_fr(d.window().start(), zone), format_short_fr(d.window().end(), zone));
    match (start.rsplit_once(' '), end.rsplit_once(' ')) {
        (Some((day, _)), Some((end_day, end_time))) if day == end_day => format!("{start} → {end_time}"),
        _ => format!("{start} → {end}"),
    }
}

/// Where `d` is: its zone, and its post when it has one.
fn place(plan: &Plan, d: &Deployment) -> String {
    let zone = plan.zone(d.zone_id()).map(|z| z.name().to_string()).unwrap_or_default();
    match d.post_id().and_then(|id| plan.posts.iter().find(|p| p.id() == id)) {
        Some(post) => format!("{zone} — {}", post.name()),
        None => zone,
    }
}

#[component]
pub fn MyDeployments(page: SharedPage) -> impl IntoView {
    let plan = &page.plan;
    let zone = plan.event.time_zone();
    let mine: Vec<&Deployment> = {
        let mut mine: Vec<&Deployment> = plan
            .deployments
            .iter()
            .filter(|d| page.access.own_participant_ids.iter().any(|p| p == d.participant_id()))
            .collect();
        mine.sort_by_key(|d| (d.window().start(), d.window().end()));
        mine
    };
    let agents = |d: &Deployment| -> String {
        let names: Vec<&str> = d
            .agent_ids()
            .iter()
            .filter_map(|id| plan.agents.iter().find(|a| a.id() == id).map(|a| a.display_name()))
            .collect();
        if names.is_empty() {
            text::MINE_NO_AGENT.to_string()
        } else {
            names.join(", ")
        }
    };
    let rows: Vec<(String, String, String, String, String, String, bool)> = mine
        .iter()
        .map(|d| {
            (
                d.id().to_string(),
                when(d, zone),
                place(plan, d),
                match d.mission().trim() {
                    "" => d.category().label().to_string(),
                    mission => format!("{} — {mission}", d.category().label()),
                },
                format!("{} · {}", text::mine_headcount(d.headcount()), agents(d)),
                d.radio().map(str::to_string).unwrap_or_else(|| "—".into()),
                d.visibility() == Visibility::Restricted,
            )
        })
        .collect();
    let contacts: Vec<(String, String, String)> = plan
        .participants
        .iter()
        .filter_map(|p| {
            let name = p.contact_name()?;
            let phone = p.contact_phone().map(|t| format!(" · {t}")).unwrap_or_default();
            Some((p.name().to_string(), p.role().label().to_string(), format!("{name}{phone}")))
        })
        .collect();
    let count = rows.len();
    view! {
        <section class="fr-mt-4w fr-mb-4w" aria-labelledby="titre-mes-deploiements">
            <h2 id="titre-mes-deploiements" class="fr-h4">{text::MINE_TITLE}</h2>
            <p class="fr-text--sm">{text::mine_count(count)}</p>
            {(count > 0).then(|| view! {
                <ol class="cordon-mine">
                    {rows.into_iter().map(|(id, when, place, mission, staff, radio, restricted)| view! {
                        <li class="cordon-mine__shift" data-deploiement=id>
                            <p class="fr-text--bold fr-mb-1v">
                                {when}
                                {restricted.then(|| view! { " " <span class="fr-badge fr-badge--sm fr-badge--purple-glycine">{text::MINE_RESTRICTED}</span> })}
                            </p>
                            <p class="fr-mb-1v">{place}</p>
                            <p class="fr-text--sm fr-mb-1v">{mission}</p>
                            <p class="fr-text--sm fr-mb-1v">{staff}</p>
                            <p class="fr-text--sm fr-mb-0">{format!("{} : {radio}", text::MINE_RADIO)}</p>
                        </li>
                    }).collect_view()}
                </ol>
            })}
            {(!contacts.is_empty()).then(|| view! {
                <h3 class="fr-h6 fr-mt-3w">{text::MINE_CONTACTS}</h3>
                <ul class="cordon-mine__contacts">
                    {contacts.into_iter().map(|(name, role, contact)| view! {
                        <li><span class="fr-text--bold">{name}</span>{format!(" ({role}) : {contact}")}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
