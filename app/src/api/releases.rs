//! Publishing an event's plan as releases (v1, v2, …) and subscribing to calendar feeds of the
//! latest release. The organiser publishes; each participant whose deployments changed is told
//! by e-mail; everyone who reads the event reads its release history; each reader creates feed
//! links for what it may read (its own participant and agents; zones and the whole event for
//! the organiser, the State forces and the prefecture).

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// One published release as a reader sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseInfo {
    pub number: u32,
    pub comment: String,
    /// "samedi 26 juin 2027 à 10:00", in the event's zone.
    pub published_at: String,
    /// What changed since the previous release, as this reader may read it.
    pub changes: Vec<String>,
}

/// A feed the reader may subscribe to: `value` goes back to [`create_feed`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedChoice {
    pub value: String,
    pub label: String,
}

/// A live feed link the reader created, or one a member of an organisation it administers
/// created (never the token itself).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeedInfo {
    /// Who created it, when not the reader.
    pub creator: Option<String>,
    pub id: String,
    pub label: String,
    pub created_at: String,
    /// "Jamais" or the last time a calendar fetched it.
    pub last_used: String,
}

/// The publication section of the plan page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublishingPage {
    pub may_publish: bool,
    pub releases: Vec<ReleaseInfo>,
    /// What publishing now would change (organiser only; empty when nothing changed).
    pub pending: Vec<String>,
    pub choices: Vec<FeedChoice>,
    pub feeds: Vec<FeedInfo>,
}

/// A feed link just created: shown once, in every form a calendar takes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewFeed {
    pub label: String,
    pub https: String,
    pub webcal: String,
    pub google: String,
    /// Outlook.com (personal Microsoft accounts).
    pub outlook: String,
    /// Outlook on the web of Microsoft 365 (the administrations' and companies' accounts).
    pub outlook_365: String,
    /// The `webcal://` link as a QR code (SVG markup of our own making).
    pub qr_svg: String,
}

#[server(endpoint = "get_publishing")]
pub async fn get_publishing(event_id: String) -> Result<PublishingPage, AppError> {
    use super::context::respond;
    respond(server::page(event_id).await)
}

/// Publishes the current plan as the next release (the organiser only).
#[server(endpoint = "publish_release")]
pub async fn publish_release(event_id: String, comment: String) -> Result<u32, AppError> {
    use super::context::respond;
    respond(server::publish(event_id, comment).await)
}

/// Creates a feed link for `scope` (`participant:ID`, `agent:ID`, `zone:ID` or `event`).
#[server(endpoint = "create_feed")]
pub async fn create_feed(event_id: String, scope: String) -> Result<NewFeed, AppError> {
    use super::context::respond;
    respond(server::create_feed(event_id, scope).await)
}

/// What changed between any two releases (`from` older than `to`), as the reader may read it.
#[server(endpoint = "compare_releases")]
pub async fn compare_releases(event_id: String, from: String, to: String) -> Result<Vec<String>, AppError> {
    use super::context::respond;
    respond(server::compare(event_id, from, to).await)
}

/// Revokes one of my feed links: it answers 404 at once.
#[server(endpoint = "revoke_feed")]
pub async fn revoke_feed(event_id: String, id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::revoke_feed(event_id, id).await)
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::{FeedChoice, FeedInfo, NewFeed, PublishingPage, ReleaseInfo};
    use crate::api::context::now;
    use crate::api::plan_context::plan_with_access;
    use crate::api::security::{hash_token, new_token};
    use crate::domain::ical::{render_feed, FeedOptions, FeedScope};
    use crate::domain::plan::{AgentDetail, Audience, EventAccess, Plan};
    use crate::domain::release::{describe_changes, describe_participant_changes, Release};
    use crate::domain::time::format_long_fr;
    use crate::error::AppError;
    use crate::service::plan_edits::require_organiser;
    use crate::state::{AppState, MailAttachment, OutgoingMail};
    use crate::store;
    use crate::store::releases;
    use crate::text;

    /// At most this many live feed links per person and event.
    const MAX_FEEDS: usize = 50;

    pub async fn page(event_id: String) -> Result<PublishingPage, AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        let zone = stored.plan.event.time_zone();
        let rows = releases::list(&state.db, &event_id).await?;
        let mut infos = Vec::with_capacity(rows.len());
        let mut newer: Option<Release> = None;
        // Newest first; each release is described against the one before it.
        for row in rows.iter().rev() {
            let release = releases::get(&state.db, &event_id, row.number)
                .await?
                .ok_or_else(|| AppError::internal("a listed release is missing", &event_id))?;
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
        let pending = if access.organiser {
            let draft = Release::publish(latest.as_ref(), stored.plan.clone(), "", now()).ok();
            draft.map(|d| describe_changes(latest.as_ref(), &d, &access)).unwrap_or_default()
        } else {
            Vec::new()
        };
        let plan = stored.plan.clone().for_audience(access.audience);
        let choices = if latest.is_some() { feed_choices(&plan, &access) } else { Vec::new() };
        let feeds = releases::tokens_managed_by(&state.db, &event_id, &user.id)
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
        Ok(PublishingPage { may_publish: access.organiser, releases: infos, pending, choices, feeds })
    }

    /// The feeds `access` may read: its own participants and their agents; zones and the whole
    /// event for the organiser, the State forces and the prefecture. The first is the default:
    /// the whole event for the organiser, one's own deployments for everyone else.
    fn feed_choices(plan: &Plan, access: &EventAccess) -> Vec<FeedChoice> {
        let mut choices = Vec::new();
        let wide = access.follows_whole_event();
        let whole = FeedChoice { value: "event".into(), label: text::FEED_WHOLE_EVENT.into() };
        if wide && access.organiser {
            choices.push(whole.clone());
        }
        for p in plan.participants.iter().filter(|p| access.edits_participant(p.id())) {
            choices
                .push(FeedChoice { value: format!("participant:{}", p.id()), label: text::feed_participant(p.name()) });
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

    pub async fn publish(event_id: String, comment: String) -> Result<u32, AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        require_organiser(&access)?;
        publish_as(&state, &event_id, stored.plan, &comment, &user.id).await
    }

    /// Publishes `plan` as the next release of `event_id` and tells each participant whose
    /// deployments changed. Shared with the command line.
    pub async fn publish_as(
        state: &AppState,
        event_id: &str,
        plan: Plan,
        comment: &str,
        published_by: &str,
    ) -> Result<u32, AppError> {
        let previous = releases::latest(&state.db, event_id).await?;
        let release = Release::publish(previous.as_ref(), plan, comment, now())
            .map_err(|e| AppError::invalid("comment", e.to_string()))?;
        if previous.is_some() && release.changelog().is_empty() {
            return Err(AppError::Refused(text::RELEASE_NOTHING_CHANGED.into()));
        }
        if !releases::insert(&state.db, event_id, &release, published_by).await? {
            return Err(AppError::Stale { message: text::RELEASE_PUBLISHED_MEANWHILE.into() });
        }
        let number = release.number().get();
        tracing::info!(event = %event_id, release = number, by = %published_by, "plan published");
        notify(state, previous.as_ref(), &release).await;
        if let Err(e) = crate::api::convention::server::follow_release(state, event_id, number, published_by).await {
            tracing::error!(error = %e, event = %event_id, "the convention file could not follow the release");
        }
        Ok(number)
    }

    /// E-mails the administrators of each participant whose deployments changed, with the
    /// changes it may read. A mail that cannot leave is logged, never undoes the publication.
    async fn notify(state: &AppState, previous: Option<&Release>, release: &Release) {
        let plan = release.plan();
        let event = &plan.event;
        let link = format!("{}/evenements/{}#titre-publication", state.settings.base_url, event.id());
        let organisations: Vec<&str> = plan.participants.iter().map(|p| p.organisation_id()).collect();
        let kinds = match store::organisations::kinds_of(&state.db, &organisations).await {
            Ok(kinds) => kinds,
            Err(e) => {
                tracing::error!(error = %e, "organisations of the participants could not be read");
                return;
            }
        };
        for participant_id in release.changelog().affected_participants() {
            let Some(participant) = plan.participant(participant_id) else { continue };
            // What its members read comes from what the organisation is, not from its role.
            let reads = kinds.get(participant.organisation_id()).is_some_and(|k| k.reads_restricted());
            let audience = if reads { Audience::StateAndPrefecture } else { Audience::Others };
            // The participant's members read its own agents whole, others' as the plan page shows them.
            let reader = EventAccess {
                audience,
                agents: if reads { AgentDetail::Names } else { AgentDetail::Withheld },
                organiser: false,
                own_participant_ids: vec![participant_id.to_string()],
                restricting_participant_ids: Vec::new(),
            };
            let lines = describe_participant_changes(previous, release, &reader, participant_id);
            if lines.is_empty() {
                continue;
            }
            // The participant's own feed of this release, to open in any calendar.
            let host = state.settings.base_url.split_once("://").map_or("cordon", |(_, r)| r);
            let host = host.split(['/', ':']).next().unwrap_or("cordon");
            let options = FeedOptions { host, audience, convention_reference: None, now: now() };
            let calendar = render_feed(release, &FeedScope::Participant(participant_id.to_string()), &options)
                .ok()
                .map(|content| MailAttachment {
                    filename: format!("dispositif-{}.ics", release.number()),
                    content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
                    content,
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

    pub async fn create_feed(event_id: String, scope: String) -> Result<NewFeed, AppError> {
        let (state, user, stored, access) = plan_with_access(&event_id).await?;
        if releases::latest(&state.db, &event_id).await?.is_none() {
            return Err(AppError::Refused(text::FEED_NOTHING_PUBLISHED.into()));
        }
        let plan = stored.plan.clone().for_audience(access.audience);
        let choice = feed_choices(&plan, &access)
            .into_iter()
            .find(|c| c.value == scope.trim())
            .ok_or_else(|| AppError::invalid("scope", text::CHOICE_INVALID))?;
        let (kind, id) = choice.value.split_once(':').unwrap_or(("event", ""));
        let mine =
            releases::list_tokens(&state.db, &event_id).await?.iter().filter(|t| t.created_by == user.id).count();
        if mine >= MAX_FEEDS {
            return Err(AppError::Refused(text::FEED_TOO_MANY.into()));
        }
        let token = new_token();
        let restricted = access.audience == Audience::StateAndPrefecture;
        releases::create_token(
            &state.db,
            &event_id,
            (kind, id),
            &choice.label,
            restricted,
            &hash_token(&token),
            &user.id,
            now(),
        )
        .await?;
        Ok(links(&state.settings.base_url, &token, &choice.label))
    }

    /// The subscription links of `token` on `base_url`.
    pub fn links(base_url: &str, token: &str, label: &str) -> NewFeed {
        let https = format!("{}/flux/{token}.ics", base_url.trim_end_matches('/'));
        let webcal = match https.split_once("://") {
            Some((_, rest)) => format!("webcal://{rest}"),
            None => https.clone(),
        };
        let encoded = percent(&webcal);
        let qr_svg = qrcode::QrCode::new(webcal.as_bytes())
            .map(|code| code.render::<qrcode::render::svg::Color>().min_dimensions(180, 180).quiet_zone(true).build())
            .unwrap_or_default();
        NewFeed {
            label: label.to_string(),
            google: format!("https://calendar.google.com/calendar/render?cid={encoded}"),
            outlook: format!(
                "https://outlook.live.com/calendar/0/addfromweb?url={}&name={}",
                percent(&https),
                percent(label)
            ),
            outlook_365: format!(
                "https://outlook.office.com/calendar/0/addfromweb?url={}&name={}",
                percent(&https),
                percent(label)
            ),
            https,
            webcal,
            qr_svg,
        }
    }

    fn percent(raw: &str) -> String {
        raw.bytes()
            .map(|b| match b {
                b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
                _ => format!("%{b:02X}"),
            })
            .collect()
    }

    pub async fn compare(event_id: String, from: String, to: String) -> Result<Vec<String>, AppError> {
        let (state, _, _, access) = plan_with_access(&event_id).await?;
        let number = |raw: &str, field: &str| {
            raw.trim()
                .trim_start_matches('v')
                .parse::<u32>()
                .map_err(|_| AppError::invalid(field, text::CHOICE_INVALID))
        };
        let (a, b) = (number(&from, "from")?, number(&to, "to")?);
        let (older, newer) = if a <= b { (a, b) } else { (b, a) };
        let load = |n: u32, field: &'static str| {
            let state = state.clone();
            let event_id = event_id.clone();
            async move {
                releases::get(&state.db, &event_id, n)
                    .await?
                    .ok_or_else(|| AppError::invalid(field, text::CHOICE_INVALID))
            }
        };
        let older = load(older, "from").await?;
        let newer = load(newer, "to").await?;
        Ok(describe_changes(Some(&older), &newer, &access))
    }

    pub async fn revoke_feed(event_id: String, id: String) -> Result<(), AppError> {
        let (state, user, _, _) = plan_with_access(&event_id).await?;
        let managed = releases::tokens_managed_by(&state.db, &event_id, &user.id).await?;
        if !managed.iter().any(|(t, _)| t.id == id.trim()) {
            return Err(AppError::NotFound);
        }
        releases::revoke_token(&state.db, &event_id, id.trim(), now()).await?;
        Ok(())
    }
}
