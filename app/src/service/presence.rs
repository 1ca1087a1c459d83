//! Presence on the day: the one place every door of the check-ins goes through — the page
//! « Opérations » (its block and server functions), the agent's phone page reached by its
//! personal link, the live stream and the no-show alerts raised every minute. It decides with
//! the domain's rules ([`may_mark`], [`check_movement`], [`coverage_now`], [`no_shows`]),
//! writes through `store::presence` and wakes the live pages.

use crate::domain::operations::is_open;
use crate::domain::plan::{Agent, Audience, Plan};
use crate::domain::presence::{
    check_movement, coverage_now, may_mark, no_show_alert, no_shows, shift_now_or_next, MarkedBy, Movement, Presence,
};
use crate::domain::time::format_short_fr;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::presence::{NewPresenceLink, NowOnPlan, PhonePage, PresenceBlock, TeamLine, ZoneNowLine};
use crate::state::AppState;
use crate::store::log::Author;
use crate::store::presence::PresenceLinkRow;
use crate::store::users::UserRow;
use crate::{store, text};

use super::access::as_its_maker;
use super::operations::reader_of;
use super::security::{hash_token, new_token};

/// The most live personal links one agent has at a time.
const MAX_LINKS_PER_AGENT: usize = 3;

/// The actor of a movement made through a personal link, in the audit chain.
fn link_actor(link: &PresenceLinkRow) -> String {
    format!("lien:{}", link.id)
}

async fn presence_of(state: &AppState, event_id: &str) -> Result<Presence, AppError> {
    Ok(Presence::from_marks(&store::presence::marks_after(&state.db, event_id, 0).await?))
}

/// The zones with a deployment under way, as a reader of `audience` counts them.
pub fn zone_lines(plan: &Plan, audience: Audience, presence: &Presence, now: Instant) -> Vec<ZoneNowLine> {
    coverage_now(plan, audience, presence, now)
        .into_iter()
        .filter(|z| z.planned > 0)
        .map(|z| ZoneNowLine {
            zone: plan.zone(&z.zone_id).map_or(String::new(), |zone| zone.name().to_string()),
            zone_id: z.zone_id,
            planned: z.planned,
            named: z.named,
            present: z.present,
        })
        .collect()
}

/// The plan page's "now" for a reader of `audience`, while the event's operations are under
/// way (`None` otherwise): the timeline's line and each zone's counts.
pub async fn now_on_plan(
    state: &AppState,
    plan: &Plan,
    audience: Audience,
    now: Instant,
) -> Result<Option<NowOnPlan>, AppError> {
    if !is_open(&plan.event, now) {
        return Ok(None);
    }
    let presence = presence_of(state, plan.event.id()).await?;
    Ok(Some(NowOnPlan { at: now, zones: zone_lines(plan, audience, &presence, now) }))
}

/// How an agent's shift and status read, in the event's zone.
fn shift_and_status(plan: &Plan, presence: &Presence, agent: &Agent, now: Instant) -> (String, String, bool) {
    let zone = plan.event.time_zone();
    let shift = match shift_now_or_next(plan, agent.id(), now) {
        Some(d) => text::presence_shift(
            plan.zone(d.zone_id()).map_or("", |z| z.name()),
            &format_short_fr(d.window().start(), zone),
            &format_short_fr(d.window().end(), zone),
        ),
        None => text::PRESENCE_NO_SHIFT.to_string(),
    };
    let (status, present) = match presence.last(agent.id()) {
        Some((Movement::Arrival, at)) => (text::presence_since(&format_short_fr(at, zone)), true),
        Some((Movement::Departure, at)) => (text::presence_left(&format_short_fr(at, zone)), false),
        None => (text::PRESENCE_NOT_CHECKED_IN.to_string(), false),
    };
    (shift, status, present)
}

/// One agent of a chief's team, as the page « Opérations » lists it.
fn team_line(plan: &Plan, presence: &Presence, links: &[PresenceLinkRow], agent: &Agent, now: Instant) -> TeamLine {
    let (shift, status, present) = shift_and_status(plan, presence, agent, now);
    TeamLine {
        agent_id: agent.id().to_string(),
        name: agent.display_name().to_string(),
        participant: plan.participant(agent.participant_id()).map_or(String::new(), |p| p.name().to_string()),
        shift,
        status,
        present,
        links: links.iter().filter(|l| l.agent_id == agent.id()).map(|l| l.id.clone()).collect(),
    }
}

/// The presence block of the page « Opérations » for `user`: the zones now (every reader of
/// the event), and its own agents deployed on the event with their check-ins and links.
pub async fn block(state: &AppState, user: &UserRow, event_id: &str, now: Instant) -> Result<PresenceBlock, AppError> {
    let (stored, access, reader) = reader_of(state, user, event_id).await?;
    let plan = &stored.plan;
    let presence = presence_of(state, event_id).await?;
    let links = store::presence::active_links(&state.db, event_id).await?;
    let deployed = |agent: &Agent| plan.deployments.iter().any(|d| d.agent_ids().iter().any(|a| a == agent.id()));
    let team = plan
        .agents
        .iter()
        .filter(|agent| may_mark(&access, agent) && deployed(agent))
        .map(|agent| team_line(plan, &presence, &links, agent, now))
        .collect();
    Ok(PresenceBlock { zones: zone_lines(plan, reader.audience, &presence, now), team })
}

/// The agent `agent_id` of `plan`, if `user`'s access lets it mark it: an unknown id is a form
/// error, another participant's agent a refusal.
fn own_agent<'a>(
    plan: &'a Plan,
    access: &crate::domain::plan::EventAccess,
    agent_id: &str,
) -> Result<&'a Agent, AppError> {
    let agent = plan
        .agents
        .iter()
        .find(|a| a.id() == agent_id.trim())
        .ok_or_else(|| AppError::invalid("agent", text::PRESENCE_AGENT_INVALID))?;
    if !may_mark(access, agent) {
        return Err(AppError::Forbidden);
    }
    Ok(agent)
}

/// Writes `movement` of `agent` if the rules accept it, and wakes the live pages.
async fn record(
    state: &AppState,
    plan: &Plan,
    agent: &Agent,
    movement: Movement,
    by: MarkedBy,
    actor: &str,
    now: Instant,
) -> Result<(), AppError> {
    let event_id = plan.event.id();
    let presence = presence_of(state, event_id).await?;
    check_movement(plan, &presence, agent.id(), movement, now).map_err(|m| AppError::Refused(m.to_string()))?;
    store::presence::mark(&state.db, event_id, agent.id(), movement, &by, actor, now)
        .await?
        .ok_or_else(|| AppError::Refused(text::PRESENCE_BUSY.into()))?;
    state.log_hub.grew(event_id);
    Ok(())
}

/// « Arrivée » / « Départ » for one agent of `user`'s team; the agent's line afterwards.
pub async fn mark(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    agent_id: &str,
    movement: &str,
    now: Instant,
) -> Result<TeamLine, AppError> {
    let (stored, access, _) = reader_of(state, user, event_id).await?;
    let agent = own_agent(&stored.plan, &access, agent_id)?;
    let movement =
        Movement::from_code(movement).ok_or_else(|| AppError::invalid("movement", text::PRESENCE_MOVEMENT_INVALID))?;
    let by = MarkedBy::Chief { name: user.name.clone() };
    record(state, &stored.plan, agent, movement, by, &user.id, now).await?;
    let presence = presence_of(state, event_id).await?;
    let links = store::presence::active_links(&state.db, event_id).await?;
    Ok(team_line(&stored.plan, &presence, &links, agent, now))
}

/// A new personal link of one agent of `user`'s team, shown once and stored hashed.
pub async fn create_link(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    agent_id: &str,
    now: Instant,
) -> Result<NewPresenceLink, AppError> {
    let (stored, access, _) = reader_of(state, user, event_id).await?;
    let agent = own_agent(&stored.plan, &access, agent_id)?;
    let live = store::presence::active_links(&state.db, event_id).await?;
    if live.iter().filter(|l| l.agent_id == agent.id()).count() >= MAX_LINKS_PER_AGENT {
        return Err(AppError::Refused(text::PRESENCE_TOO_MANY_LINKS.into()));
    }
    let token = new_token();
    let link_id =
        store::presence::create_link(&state.db, event_id, agent.id(), &hash_token(&token), &user.id, now).await?;
    let url = format!("{}/pointage/{token}", state.settings.base_url.trim_end_matches('/'));
    Ok(NewPresenceLink {
        agent_id: agent.id().to_string(),
        link_id,
        agent: agent.display_name().to_string(),
        qr_svg: super::releases::qr_svg(&url),
        url,
    })
}

/// Revokes a live link of one agent of `user`'s team: it answers 404 at once.
pub async fn revoke_link(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    link_id: &str,
    now: Instant,
) -> Result<(), AppError> {
    let (stored, access, _) = reader_of(state, user, event_id).await?;
    let links = store::presence::active_links(&state.db, event_id).await?;
    let link = links.iter().find(|l| l.id == link_id.trim()).ok_or(AppError::NotFound)?;
    let managed = stored.plan.agents.iter().any(|a| a.id() == link.agent_id && may_mark(&access, a));
    if !managed || !store::presence::revoke_link(&state.db, event_id, &link.id, now).await? {
        return Err(AppError::NotFound);
    }
    Ok(())
}

/// The link whose token is `token`, its plan and agent, while it serves: not revoked, and its
/// maker still an active member of the agent's participant (a link follows its maker's
/// rights, as a calendar link does). Anything else is 404, whatever the reason.
async fn link_in_force(
    state: &AppState,
    token: &str,
    now: Instant,
) -> Result<(PresenceLinkRow, Plan, Agent), AppError> {
    let link =
        store::presence::link_by_token(&state.db, &hash_token(token.trim()), now).await?.ok_or(AppError::NotFound)?;
    let (stored, access) =
        as_its_maker(&state.db, &link.created_by, &link.event_id).await?.ok_or(AppError::NotFound)?;
    let agent = stored.plan.agents.iter().find(|a| a.id() == link.agent_id && may_mark(&access, a)).cloned();
    let agent = agent.ok_or(AppError::NotFound)?;
    Ok((link, stored.plan, agent))
}

/// The agent's phone page, as its link reads it.
pub async fn phone_page(state: &AppState, token: &str, now: Instant) -> Result<PhonePage, AppError> {
    let (_, plan, agent) = link_in_force(state, token, now).await?;
    let presence = presence_of(state, plan.event.id()).await?;
    let (shift, status, present) = shift_and_status(&plan, &presence, &agent, now);
    Ok(PhonePage {
        event_name: plan.event.name().to_string(),
        agent_name: agent.display_name().to_string(),
        participant: plan.participant(agent.participant_id()).map_or(String::new(), |p| p.name().to_string()),
        shift,
        status,
        present,
        open: is_open(&plan.event, now),
        message: None,
    })
}

/// « J'arrive » / « Je pars » on the agent's phone page: the movement recorded, or the
/// refusal's message (one of [`crate::domain::presence::REFUSALS`]).
pub async fn mark_by_link(
    state: &AppState,
    token: &str,
    movement: &str,
    now: Instant,
) -> Result<Result<Movement, &'static str>, AppError> {
    let (link, plan, agent) = link_in_force(state, token, now).await?;
    let Some(movement) = Movement::from_code(movement) else { return Ok(Err(text::PRESENCE_MOVEMENT_INVALID)) };
    let presence = presence_of(state, plan.event.id()).await?;
    if let Err(refusal) = check_movement(&plan, &presence, agent.id(), movement, now) {
        return Ok(Err(refusal));
    }
    record(state, &plan, &agent, movement, MarkedBy::Agent, &link_actor(&link), now).await?;
    Ok(Ok(movement))
}

/// What the phone page says after a press, from its redirect's query: `fait` names the
/// movement recorded, `refus` the refusal's place in [`crate::domain::presence::REFUSALS`].
pub fn phone_notice(done: Option<&str>, refused: Option<&str>) -> Option<String> {
    if let Some(index) = refused.and_then(|r| r.parse::<usize>().ok()) {
        return crate::domain::presence::REFUSALS.get(index).map(|m| m.to_string());
    }
    match done.and_then(Movement::from_code)? {
        Movement::Arrival => Some(text::PRESENCE_PAGE_DONE_ARRIVAL.to_string()),
        Movement::Departure => Some(text::PRESENCE_PAGE_DONE_DEPARTURE.to_string()),
    }
}

/// Raises the no-show alerts due at `now` on every event under way: one per shift at most, on
/// whichever instance claims it first. Run every minute by the server; returns how many were
/// raised.
pub async fn raise_no_shows(state: &AppState, now: Instant) -> Result<usize, AppError> {
    let mut raised = 0;
    for event_id in store::presence::events_near(&state.db, now).await? {
        let Some(stored) = store::plans::load_plan(&state.db, &event_id).await? else { continue };
        // Only the deployments a release may carry: last year's still to confirm are in no
        // one's calendar, and nobody is expected on them.
        let plan = &stored.to_publish();
        if !is_open(&plan.event, now) {
            continue;
        }
        let presence = presence_of(state, &event_id).await?;
        for no_show in no_shows(plan, &presence, now) {
            if !store::presence::claim_no_show(&state.db, &event_id, &no_show.deployment_id, now).await? {
                continue;
            }
            let (target, severity, body) = no_show_alert(plan, &no_show);
            let sender = Author {
                user_id: "cordon".into(),
                name: text::NO_SHOW_SENDER.into(),
                organisation_id: String::new(),
                organisation_name: text::NO_SHOW_SENDER.into(),
            };
            match super::alerts::dispatch(state, plan, sender, target, severity, body, now).await {
                Ok(()) => raised += 1,
                Err(e) => tracing::warn!(error = %e, event = %event_id, "a no-show alert could not be sent"),
            }
        }
    }
    Ok(raised)
}
