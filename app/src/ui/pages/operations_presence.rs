//! The page « Opérations »'s presence: the zones now (planned against present, kept live by
//! the stream's `presence` events) and, for a participant's members, their team's check-ins
//! and personal links.

use leptos::prelude::*;
use server_fn::ServerFn;

use crate::api::presence::{
    CreatePresenceLink, MarkPresence, NewPresenceLink, RevokePresenceLink, TeamLine, ZoneNowLine,
};
use crate::text;
use crate::ui::components::{form_error, submit_to, ErrorAlert, FormAction};

/// The presence's actions, made once at the top of the page.
#[derive(Clone, Copy)]
pub struct PresenceActions {
    pub mark: FormAction<MarkPresence>,
    pub link: FormAction<CreatePresenceLink>,
    pub revoke: FormAction<RevokePresenceLink>,
}

impl PresenceActions {
    pub fn new() -> Self {
        PresenceActions {
            mark: FormAction::<MarkPresence>::new(),
            link: FormAction::<CreatePresenceLink>::new(),
            revoke: FormAction::<RevokePresenceLink>::new(),
        }
    }
}

/// « Couverture maintenant »: each zone with a deployment under way.
#[component]
pub fn ZonesNow(zones: RwSignal<Vec<ZoneNowLine>>) -> impl IntoView {
    view! {
        <section class="fr-mt-4w fr-mb-4w" aria-labelledby="titre-couverture">
            <h2 id="titre-couverture" class="fr-h4">{text::PRESENCE_COVERAGE_TITLE}</h2>
            <p class="fr-text--sm">{text::PRESENCE_COVERAGE_HELP}</p>
            {move || {
                let lines = zones.get();
                if lines.is_empty() {
                    return view! { <p id="couverture-maintenant">{text::PRESENCE_NOTHING_NOW}</p> }.into_any();
                }
                view! {
                    <div class="fr-table fr-table--no-caption fr-mb-0"><table id="couverture-maintenant">
                        <caption>{text::PRESENCE_COVERAGE_TITLE}</caption>
                        <thead><tr>
                            <th scope="col">{text::PRESENCE_COL_ZONE}</th>
                            <th scope="col">{text::PRESENCE_COL_PRESENT}</th>
                            <th scope="col">{text::PRESENCE_COL_NAMED}</th>
                            <th scope="col">{text::PRESENCE_COL_PLANNED}</th>
                        </tr></thead>
                        <tbody>
                            {lines.into_iter().map(|z| {
                                let short = z.present < z.named;
                                view! {
                                    <tr class:cordon-presence--short=short>
                                        <td>{z.zone}</td>
                                        <td><strong>{z.present}</strong></td>
                                        <td>{z.named}</td>
                                        <td>{z.planned}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table></div>
                }
                .into_any()
            }}
        </section>
    }
}

/// « Pointage de mon équipe »: the reader's agents deployed on the event.
#[component]
pub fn TeamPresence(
    event_id: String,
    team: Vec<TeamLine>,
    open: bool,
    actions: PresenceActions,
    /// Counts the stream's `presence` events: an agent checked in or out somewhere (its own
    /// link, another chief), and the team's lines are read again.
    changed: RwSignal<u32>,
) -> impl IntoView {
    let PresenceActions { mark, link, revoke } = actions;
    let team = RwSignal::new(team);
    refresh_on_change(event_id.clone(), changed, team);
    // The agent's line as the server answers it after « Arrivée » / « Départ ».
    Effect::new(move |_| {
        if let Some(Ok(line)) = mark.value().get() {
            team.update(|all| {
                if let Some(slot) = all.iter_mut().find(|l| l.agent_id == line.agent_id) {
                    *slot = line;
                }
            });
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(new)) = link.value().get() {
            team.update(|all| {
                if let Some(slot) = all.iter_mut().find(|l| l.agent_id == new.agent_id) {
                    if !slot.links.contains(&new.link_id) {
                        slot.links.push(new.link_id.clone());
                    }
                }
            });
        }
    });
    // A link revoked: the team's lines read again (they list each agent's live links).
    let revoked = RwSignal::new(0u32);
    Effect::new(move |_| {
        if let Some(Ok(())) = revoke.value().get() {
            revoked.update(|n| *n = n.wrapping_add(1));
        }
    });
    refresh_on_change(event_id.clone(), revoked, team);
    let errors = move || form_error(mark).get().or(form_error(link).get()).or(form_error(revoke).get());
    view! {
        <section class="fr-mt-4w" aria-labelledby="titre-equipe">
            <h2 id="titre-equipe" class="fr-h4">{text::PRESENCE_TEAM_TITLE}</h2>
            <p class="fr-text--sm">{text::PRESENCE_TEAM_HELP}</p>
            <ErrorAlert message=Signal::derive(errors)/>
            <ul class="fr-raw-list cordon-team" id="equipe">
                {move || team.get().into_iter().map(|line| member(&event_id, line, open, actions)).collect_view()}
            </ul>
        </section>
    }
}

/// Reads the team's lines again after each `presence` event (in the browser only).
#[cfg(feature = "hydrate")]
fn refresh_on_change(event_id: String, changed: RwSignal<u32>, team: RwSignal<Vec<TeamLine>>) {
    Effect::new(move |previous: Option<u32>| {
        let now = changed.get();
        if previous.is_some_and(|p| p != now) {
            let event_id = event_id.clone();
            leptos::task::spawn_local(async move {
                if let Ok(block) =
                    crate::ui::codec::call!(crate::api::presence::GetPresence { event_id: event_id }).await
                {
                    team.set(block.team);
                }
            });
        }
        now
    });
}

#[cfg(not(feature = "hydrate"))]
fn refresh_on_change(_: String, _: RwSignal<u32>, _: RwSignal<Vec<TeamLine>>) {}

fn shown_link(new: NewPresenceLink) -> impl IntoView {
    view! {
        <div class="fr-callout fr-mt-1w fr-mb-1w" id="lien-pointage">
            <p class="fr-callout__title">{format!("{} — {}", text::PRESENCE_NEW_LINK, new.agent)}</p>
            <p class="fr-text--sm">{text::PRESENCE_LINK_SHOWN_ONCE}</p>
            <input class="fr-input fr-mb-1w" type="text" readonly value=new.url.clone() aria-label=text::PRESENCE_NEW_LINK/>
            <div class="cordon-presence__qr" role="img" aria-label="Code QR du lien de pointage" inner_html=new.qr_svg></div>
        </div>
    }
}

fn member(event_id: &str, line: TeamLine, open: bool, actions: PresenceActions) -> impl IntoView {
    let PresenceActions { mark, link, revoke } = actions;
    let TeamLine { agent_id, name, participant, shift, status, present, links } = line;
    let (movement, label) = if present {
        (crate::domain::presence::Movement::Departure, text::PRESENCE_DEPARTURE)
    } else {
        (crate::domain::presence::Movement::Arrival, text::PRESENCE_ARRIVAL)
    };
    let badge =
        if present { "fr-badge fr-badge--sm fr-badge--success" } else { "fr-badge fr-badge--sm fr-badge--warning" };
    let count = text::presence_links_active(links.len());
    let this_agent = agent_id.clone();
    // The new link shows beside the button pressed, once.
    let new_link = move || link.value().get().and_then(Result::ok).filter(|n| n.agent_id == this_agent).map(shown_link);
    view! {
        <li class="cordon-team__member fr-py-2w" id=format!("agent-{agent_id}")>
            <p class="fr-mb-0"><strong>{name}</strong>" · "<span class="fr-text--sm">{participant}</span>" "
                <span class=badge>{status}</span></p>
            <p class="fr-text--sm fr-mb-1w">{shift}{(!count.is_empty()).then(|| format!(" · {count}"))}</p>
            <div class="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
                {open.then(|| view! {
                    <form method="post" action=MarkPresence::url() on:submit=submit_to(mark)>
                        <input type="hidden" name="event_id" value=event_id.to_string()/>
                        <input type="hidden" name="agent_id" value=agent_id.clone()/>
                        <input type="hidden" name="movement" value=movement.code()/>
                        <button type="submit" class="fr-btn fr-btn--sm">{label}</button>
                    </form>
                })}
                <form method="post" action=CreatePresenceLink::url() on:submit=submit_to(link)>
                    <input type="hidden" name="event_id" value=event_id.to_string()/>
                    <input type="hidden" name="agent_id" value=agent_id.clone()/>
                    <button type="submit" class="fr-btn fr-btn--sm fr-btn--secondary">{text::PRESENCE_NEW_LINK}</button>
                </form>
                {links.into_iter().map(|link_id| view! {
                    <form method="post" action=RevokePresenceLink::url() on:submit=submit_to(revoke)>
                        <input type="hidden" name="event_id" value=event_id.to_string()/>
                        <input type="hidden" name="link_id" value=link_id/>
                        <button type="submit" class="fr-btn fr-btn--sm fr-btn--tertiary">{text::PRESENCE_REVOKE_LINK}</button>
                    </form>
                }).collect_view()}
            </div>
            {new_link}
        </li>
    }
}
