//! Publication and calendar links (server side): the organiser publishes the plan as the next
//! release, each participant whose deployments changed is told what it may read; each reader
//! makes feed links for what it may read and revokes those it manages. Every door (server
//! functions, the command line) calls these.

use super::plan_edits::{open, require_organiser};
use super::security::{hash_token, new_token};
use crate::domain::ical::{render_feed, FeedOptions, FeedScope};
use crate::domain::plan::{organisation_access, Audience, EventAccess, Plan};
use crate::domain::release::{describe_changes, describe_participant_changes, Release};
use crate::domain::time::format_long_fr;
use crate::domain::url::percent_encode;
use crate::domain::Instant;
use crate::error::AppError;
use crate::read_models::releases::{FeedChoice, FeedInfo, NewFeed, PublishingPage, ReleaseInfo};
use crate::state::{AppState, MailAttachment, OutgoingMail};
use crate::store;
use crate::store::releases;
use crate::store::users::UserRow;
use crate::text;

/// At most this many live feed links per person and event.
const MAX_FEEDS: usize = 50;

pub async fn page(state: &AppState, user: &UserRow, event_id: &str, now: Instant) -> Result<PublishingPage, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    let zone = stored.plan.event.time_zone();
    let rows = releases::list(&state.db, event_id).await?;
    let mut infos = Vec::with_capacity(rows.len());
    let mut newer: Option<Release> = None;
    // Newest first; each release is described against the one before it.
    for row in rows.iter().rev() {
        let release = releases::get(&state.db, event_id, row.number)
            .await?
            .ok_or_else(|| AppError::internal("a listed release is missing", event_id))?;
        infos.push(ReleaseInfo {
            number: row.number,
            comment: row.comment.clone(),
            published_at: format_long_fr(row.published_at, zone),
            changes: describe_changes(newer.as_ref(), &release, &access),
        });
        newer = Some(release);
    }
    infos.reverse();
    let latest = newer;
    let mut pending = if access.organiser && latest.as_ref().is_none_or(|l| now > l.published_at()) {
        // The changes since the last release: worked out once per revision of the plan, last
        // release and reader on this instance (thousands of sentences for a city festival).
        let last = latest.as_ref().map(|l| l.number());
        let key = format!("pending|{last:?}|{}", serde_json::to_string(&access).unwrap_or_default());
        store::plans::memo(&state.db, &stored, &key, || {
            let draft = Release::publish(latest.as_ref(), stored.to_publish(), "", now).ok();
            draft.map(|d| describe_changes(latest.as_ref(), &d, &access)).unwrap_or_default()
        })
    } else {
        Vec::new()
    };
    let pending_count = pending.len();
    pending.truncate(crate::read_models::releases::PENDING_SHOWN);
    let plan = &stored.plan;
    let unconfirmed =
        if access.organiser { still_to_confirm(plan, access.audience, &stored.to_confirm) } else { Vec::new() };
    let choices = if latest.is_some() { feed_choices(plan, &access) } else { Vec::new() };
    let feeds = releases::tokens_managed_by(&state.db, event_id, &user.id)
        .await?
        .into_iter()
        .map(|(t, creator)| FeedInfo {
            creator: if t.created_by == user.id { None } else { Some(creator) },
            id: t.id,
            label: t.label,
            created_at: format_long_fr(t.created_at, zone),
            last_used: t.last_used_at.map(|at| format_long_fr(at, zone)).unwrap_or_else(|| text::NEVER.into()),
        })
        .collect();
    Ok(PublishingPage {
        may_publish: access.organiser,
        releases: infos,
        pending,
        pending_count,
        unconfirmed,
        choices,
        feeds,
    })
}

/// Each participant with deployments of `plan` that `audience` reads still to confirm, and
/// how many: what the next publication leaves out.
fn still_to_confirm(plan: &Plan, audience: Audience, to_confirm: &std::collections::BTreeSet<String>) -> Vec<String> {
    plan.participants
        .iter()
        .filter_map(|p| {
            let count = plan
                .deployments
                .iter()
                .filter(|d| audience.reads(d) && d.participant_id() == p.id() && to_confirm.contains(d.id()))
                .count();
            (count > 0).then(|| text::deployments_to_confirm_of(p.name(), count))
        })
        .collect()
}

/// The feeds `access` may read: its own participants and their agents; zones and the whole
/// event for the organiser, the State forces and the prefecture (no deployment is named). The first is the default:
/// the whole event for the organiser, one's own deployments for everyone else.
fn feed_choices(plan: &Plan, access: &EventAccess) -> Vec<FeedChoice> {
    let mut choices = Vec::new();
    let wide = access.follows_whole_event();
    let whole = FeedChoice { value: "event".into(), label: text::FEED_WHOLE_EVENT.into() };
    if wide && access.organiser {
        choices.push(whole.clone());
    }
    for p in plan.participants.iter().filter(|p| access.edits_participant(p.id())) {
        choices.push(FeedChoice { value: format!("participant:{}", p.id()), label: text::feed_participant(p.name()) });
    }
    if wide && !access.organiser {
        choices.push(whole);
    }
    for a in plan.agents.iter().filter(|a| access.edits_participant(a.participant_id())) {
        choices.push(FeedChoice { value: format!("agent:{}", a.id()), label: text::feed_agent(a.display_name()) });
    }
    if wide {
        for z in &plan.zones {
            choices.push(FeedChoice { value: format!("zone:{}", z.id()), label: text::feed_zone(z.name()) });
        }
    }
    choices
}

/// « Publier » : the organiser publishes the plan as it is now.
pub async fn publish(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    comment: &str,
    now: Instant,
) -> Result<u32, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    require_organiser(&access)?;
    publish_as(state, event_id, stored, comment, &user.id, now).await
}

/// Publishes the stored plan as the next release of `event_id` and tells each participant whose
/// deployments changed. Shared with the command line.
pub async fn publish_as(
    state: &AppState,
    event_id: &str,
    stored: store::plans::StoredPlan,
    comment: &str,
    published_by: &str,
    now: Instant,
) -> Result<u32, AppError> {
    let previous = releases::latest(&state.db, event_id).await?;
    let release = Release::publish(previous.as_ref(), stored.to_publish(), comment, now)
        .map_err(|e| AppError::invalid("comment", e.to_string()))?;
    if previous.is_some() && release.changelog().is_empty() {
        return Err(AppError::Refused(text::RELEASE_NOTHING_CHANGED.into()));
    }
    if !releases::insert(&state.db, event_id, &release, published_by).await? {
        return Err(AppError::Stale { message: text::RELEASE_PUBLISHED_MEANWHILE.into() });
    }
    let number = release.number().get();
    tracing::info!(event = %event_id, release = number, by = %published_by, "plan published");
    notify(state, previous.as_ref(), &release, &stored.organiser_organisation_id, now).await;
    if let Err(e) = super::convention::follow_release(state, event_id, number, published_by, now).await {
        tracing::error!(error = %e, event = %event_id, "the convention file could not follow the release");
    }
    Ok(number)
}

/// E-mails the administrators of each participant whose deployments changed, with the
/// changes it may read. A mail that cannot leave is logged, never undoes the publication.
async fn notify(state: &AppState, previous: Option<&Release>, release: &Release, organiser: &str, now: Instant) {
    let plan = release.plan();
    let event = &plan.event;
    let link = format!("{}/evenements/{}#titre-publication", state.settings.base_url, event.id());
    for participant_id in release.changelog().affected_participants() {
        let Some(participant) = plan.participant(participant_id) else { continue };
        let organisation = match store::organisations::get(&state.db, participant.organisation_id()).await {
            Ok(Some(found)) => found,
            Ok(None) => continue,
            Err(e) => {
                tracing::error!(error = %e, "the organisation of a participant could not be read");
                return;
            }
        };
        // What its members read: the one rule of rights, from what the organisation is.
        let Some(reader) = organisation_access(
            (organisation.id, organisation.kind, organisation.department),
            organiser,
            event.department().as_str(),
            &plan.participants,
        ) else {
            continue;
        };
        let audience = reader.audience;
        let lines = describe_participant_changes(previous, release, &reader, participant_id);
        if lines.is_empty() {
            continue;
        }
        // The participant's own feed of this release, to open in any calendar.
        let host = state.settings.base_url.split_once("://").map_or("cordon", |(_, r)| r);
        let host = host.split(['/', ':']).next().unwrap_or("cordon");
        let options = FeedOptions { host, audience, convention_reference: None, now };
        let calendar =
            render_feed(release, &FeedScope::Participant(participant_id.to_string()), &options).ok().map(|content| {
                MailAttachment {
                    filename: format!("dispositif-{}.ics", release.number()),
                    content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                    content,
                }
            });
        let members = match store::organisations::members(&state.db, participant.organisation_id()).await {
            Ok(members) => members,
            Err(e) => {
                tracing::error!(error = %e, "members of a participant could not be read");
                continue;
            }
        };
        for admin in members.iter().filter(|m| m.role == crate::domain::MembershipRole::Admin) {
            let mail = OutgoingMail {
                to: admin.email.clone(),
                subject: text::release_subject(event.name(), &release.number().to_string()),
                body: text::release_body(
                    participant.name(),
                    event.name(),
                    &release.number().to_string(),
                    &lines,
                    &link,
                ),
                attachment: calendar.clone(),
            };
            if let Err(e) = state.mail.send(mail).await {
                tracing::error!(error = %e, "release e-mail could not be sent");
            }
        }
    }
}

/// What an operator's feed link (`cordon feed token`) follows: a participant (by its id or its
/// organisation's), an agent, a zone, or the whole event.
pub enum OperatorFeed {
    Participant(String),
    Agent(String),
    Zone(String),
    Event,
}

/// `cordon feed token`: a new feed link of `event_id` made by the operator (every right; the
/// link serves restricted deployments when `restricted` or when it follows a participant whose
/// organisation reads them). Returns the token, never stored in clear, and the link's label.
pub async fn create_operator_feed(
    db: &store::Db,
    event_id: &str,
    target: OperatorFeed,
    restricted: bool,
    now: Instant,
) -> Result<(String, String), AppError> {
    let stored = store::plans::load_plan(db, event_id).await?.ok_or(AppError::NotFound)?;
    if releases::latest_number(db, event_id).await?.is_none() {
        return Err(AppError::Refused(text::FEED_NOTHING_PUBLISHED.into()));
    }
    let plan = &stored.plan;
    let (kind, id, label, state_force) = match target {
        OperatorFeed::Participant(key) => {
            let p = plan
                .participants
                .iter()
                .find(|p| p.id() == key || p.organisation_id() == key)
                .ok_or_else(|| AppError::Refused(text::feed_no_participant(&key)))?;
            // Who reads restricted deployments comes from what the organisation is.
            let kind = store::organisations::get(db, p.organisation_id()).await?.map(|o| o.kind);
            let reads = kind.is_some_and(crate::domain::OrganisationKind::reads_restricted);
            ("participant", p.id().to_string(), text::feed_participant(p.name()), reads)
        }
        OperatorFeed::Agent(key) => {
            let a = plan
                .agents
                .iter()
                .find(|a| a.id() == key)
                .ok_or_else(|| AppError::Refused(text::feed_no_agent(&key)))?;
            ("agent", a.id().to_string(), text::feed_agent(a.display_name()), false)
        }
        OperatorFeed::Zone(key) => {
            let z =
                plan.zones.iter().find(|z| z.id() == key).ok_or_else(|| AppError::Refused(text::feed_no_zone(&key)))?;
            ("zone", z.id().to_string(), text::feed_zone(z.name()), false)
        }
        OperatorFeed::Event => ("event", String::new(), text::FEED_WHOLE_EVENT.to_string(), false),
    };
    let token = new_token();
    releases::create_token(
        db,
        event_id,
        (kind, &id),
        &label,
        restricted || state_force,
        &hash_token(&token),
        releases::COMMAND_LINE_CREATOR,
        now,
    )
    .await?;
    Ok((token, label))
}

/// A new calendar link for `scope` (`participant:ID`, `agent:ID`, `zone:ID` or `event`), among
/// the feeds the reader may read; the token is shown once and stored hashed.
pub async fn create_feed(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    scope: &str,
    now: Instant,
) -> Result<NewFeed, AppError> {
    let (stored, access) = open(state, user, event_id).await?;
    if releases::latest(&state.db, event_id).await?.is_none() {
        return Err(AppError::Refused(text::FEED_NOTHING_PUBLISHED.into()));
    }
    let plan = stored.plan.clone().for_audience(access.audience);
    let choice = feed_choices(&plan, &access)
        .into_iter()
        .find(|c| c.value == scope.trim())
        .ok_or_else(|| AppError::invalid("scope", text::CHOICE_INVALID))?;
    let (kind, id) = choice.value.split_once(':').unwrap_or(("event", ""));
    let mine = releases::list_tokens(&state.db, event_id).await?.iter().filter(|t| t.created_by == user.id).count();
    if mine >= MAX_FEEDS {
        return Err(AppError::Refused(text::FEED_TOO_MANY.into()));
    }
    let token = new_token();
    let restricted = access.audience == Audience::StateAndPrefecture;
    releases::create_token(
        &state.db,
        event_id,
        (kind, id),
        &choice.label,
        restricted,
        &hash_token(&token),
        &user.id,
        now,
    )
    .await?;
    Ok(links(&state.settings.base_url, &token, &choice.label))
}

/// `text` as a QR code (SVG, at least 180 px): what a phone scans to open a link.
pub fn qr_svg(text: &str) -> String {
    qrcode::QrCode::new(text.as_bytes())
        .map(|code| code.render::<qrcode::render::svg::Color>().min_dimensions(180, 180).quiet_zone(true).build())
        .unwrap_or_default()
}

/// The subscription links of `token` on `base_url`.
pub fn links(base_url: &str, token: &str, label: &str) -> NewFeed {
    let https = format!("{}/flux/{token}.ics", base_url.trim_end_matches('/'));
    let webcal = match https.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => https.clone(),
    };
    let encoded = percent_encode(&webcal, b"");
    let qr_svg = qr_svg(&webcal);
    NewFeed {
        label: label.to_string(),
        google: format!("https://calendar.google.com/calendar/render?cid={encoded}"),
        outlook: format!(
            "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
            percent_encode(&https, b""),
            percent_encode(label, b"")
        ),
        outlook_365: format!(
            "https://outlook.office.com/calendar/0/addfromweb?url={}&name={}",
            percent_encode(&https, b""),
            percent_encode(label, b"")
        ),
        https,
        webcal,
        qr_svg,
    }
}

/// What changed between any two releases, as the reader may read it.
pub async fn compare(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    from: &str,
    to: &str,
) -> Result<Vec<String>, AppError> {
    let (_, access) = open(state, user, event_id).await?;
    let number = |raw: &str, field: &str| {
        raw.trim().trim_start_matches('v').parse::<u32>().map_err(|_| AppError::invalid(field, text::CHOICE_INVALID))
    };
    let (a, b) = (number(from, "from")?, number(to, "to")?);
    let (older, newer) = if a <= b { (a, b) } else { (b, a) };
    let load = |n: u32, field: &'static str| {
        let state = state.clone();
        let event_id = event_id.to_string();
        async move {
            releases::get(&state.db, &event_id, n).await?.ok_or_else(|| AppError::invalid(field, text::CHOICE_INVALID))
        }
    };
    let older = load(older, "from").await?;
    let newer = load(newer, "to").await?;
    Ok(describe_changes(Some(&older), &newer, &access))
}

/// Revokes a link the reader made or manages (its organisation's admins manage every link of
/// their organisation): it answers 404 at once.
pub async fn revoke_feed(
    state: &AppState,
    user: &UserRow,
    event_id: &str,
    id: &str,
    now: Instant,
) -> Result<(), AppError> {
    open(state, user, event_id).await?;
    let managed = releases::tokens_managed_by(&state.db, event_id, &user.id).await?;
    if !managed.iter().any(|(t, _)| t.id == id.trim()) {
        return Err(AppError::NotFound);
    }
    releases::revoke_token(&state.db, event_id, id.trim(), now).await?;
    Ok(())
}
