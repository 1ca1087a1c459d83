use super::*;
use crate::domain::plan::{Deployment, DeploymentDraft, MissionCategory, Visibility};
use crate::domain::release::fixtures::*;
use crate::domain::time::Span;

const HOST: &str = "cordon.example.fr";

fn published(hours: i64) -> Instant {
    at(chrono_tz::Europe::Paris, (2026, 6, 1), (9, 0)).plus(Span::hours(hours))
}

fn options(audience: Audience) -> FeedOptions<'static> {
    FeedOptions { host: HOST, audience, convention_reference: None, now: published(48) }
}

fn v1() -> Release {
    Release::publish(None, saint_jean(), "", published(0)).unwrap()
}

fn feed(release: &Release, scope: FeedScope, audience: Audience) -> String {
    render_feed(release, &scope, &options(audience)).unwrap()
}

/// The feed with its folded lines joined back.
fn unfolded(feed: &str) -> String {
    feed.replace("\r\n ", "")
}

/// The unfolded VEVENT of deployment `n`, if present.
fn vevent(feed: &str, n: u32) -> Option<String> {
    let text = unfolded(feed);
    let uid = format!("UID:{}@{HOST}\r\n", id(n));
    text.split("BEGIN:VEVENT\r\n")
        .skip(1)
        .find(|v| v.contains(&uid))
        .map(|v| v.split("END:VEVENT").next().unwrap().to_string())
}

fn property(block: &str, name: &str) -> String {
    block.lines().find_map(|l| l.strip_prefix(name)).unwrap_or_else(|| panic!("no {name} in {block}")).to_string()
}

#[test]
fn a_feed_is_a_vcalendar_of_crlf_lines_none_longer_than_75_octets() {
    let text = feed(&v1(), FeedScope::Event, Audience::StateAndPrefecture);
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Cordon//Plan de sécurité//FR\r\n"));
    assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert_eq!(text.matches('\n').count(), text.matches("\r\n").count(), "a bare LF");
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
}

#[test]
fn a_participants_feed_is_named_after_the_event_and_the_participant_and_refreshes_hourly() {
    let text = unfolded(&feed(&v1(), FeedScope::Participant(id(COMPANY)), Audience::Others));
    assert!(text.contains("\r\nNAME:Fête de la Saint-Jean — Provence Sécurité Événements\r\n"), "{text}");
    assert!(text.contains("\r\nX-WR-CALNAME:Fête de la Saint-Jean — Provence Sécurité Événements\r\n"));
    assert!(text.contains("\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n"));
    assert!(text.contains("\r\nX-WR-TIMEZONE:Europe/Paris\r\n"));
}

#[test]
fn a_shift_has_its_stable_uid_local_times_with_tzid_and_a_lock_screen_summary() {
    let text = feed(&v1(), FeedScope::Participant(id(COMPANY)), Audience::Others);
    let event = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&event, "DTSTART;TZID=Europe/Paris:"), "20260620T180000");
    assert_eq!(property(&event, "DTEND;TZID=Europe/Paris:"), "20260620T230000");
    assert_eq!(property(&event, "SUMMARY:"), "Filtrage · Entrée Nord · Fête de la Saint-Jean");
    assert_eq!(property(&event, "LOCATION:"), "Entrée Nord — Quai Brescon\\, Martigues");
    assert_eq!(property(&event, "GEO:"), "43.410000;5.060000");
    assert_eq!(property(&event, "STATUS:"), "CONFIRMED");
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
}

#[test]
fn dtstamp_and_last_modified_are_the_release_in_which_the_shift_last_changed() {
    let first = v1();
    let moved = with_deployment(saint_jean(), PATROL, |d| DeploymentDraft { window: june((20, 21), (21, 2)), ..d });
    let second = Release::publish(Some(&first), moved, "", published(30)).unwrap();
    let text = feed(&second, FeedScope::Event, Audience::StateAndPrefecture);
    let patrol = vevent(&text, PATROL).unwrap();
    // v2 was published on 2 June 2026 at 15:00 in Paris, 13:00 UTC.
    assert_eq!(property(&patrol, "DTSTAMP:"), "20260602T130000Z");
    assert_eq!(property(&patrol, "LAST-MODIFIED:"), "20260602T130000Z");
    assert_eq!(property(&patrol, "SEQUENCE:"), "1");
    let filtering = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&filtering, "DTSTAMP:"), "20260601T070000Z");
    assert_eq!(property(&filtering, "SEQUENCE:"), "0");
}

#[test]
fn named_agents_appear_in_their_units_feed_only() {
    let release = v1();
    let own = vevent(&feed(&release, FeedScope::Participant(id(COMPANY)), Audience::Others), FILTERING).unwrap();
    assert!(own.contains("\\nAgents : Nadia B.\\, Karim T.\\n"), "{own}");
    for scope in [FeedScope::Zone(id(NORTH)), FeedScope::Event, FeedScope::Participant(id(ORGANISER))] {
        let text = feed(&release, scope, Audience::StateAndPrefecture);
        assert!(!text.contains("Nadia"), "{text}");
    }
}

#[test]
fn an_agents_feed_holds_only_the_shifts_naming_that_agent() {
    let release = v1();
    let text = feed(&release, FeedScope::Agent(id(NADIA)), Audience::Others);
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    assert!(vevent(&text, FILTERING).is_some());
    assert!(unfolded(&text).contains("NAME:Fête de la Saint-Jean — Nadia B.\r\n"));
}

#[test]
fn a_restricted_shift_appears_only_for_the_state_forces_and_the_prefecture_and_is_marked_confidential() {
    let release = v1();
    assert!(vevent(&feed(&release, FeedScope::Event, Audience::Others), PATROL).is_none());
    assert!(vevent(&feed(&release, FeedScope::Zone(id(NORTH)), Audience::Others), PATROL).is_none());
    let patrol = vevent(&feed(&release, FeedScope::Event, Audience::StateAndPrefecture), PATROL).unwrap();
    assert_eq!(property(&patrol, "CLASS:"), "CONFIDENTIAL");
    assert!(patrol.contains("Diffusion restreinte"));
}

#[test]
fn the_description_gives_mission_headcount_radio_command_post_and_convention() {
    let options = FeedOptions { convention_reference: Some("CLCS-13-2026-042"), ..options(Audience::Others) };
    let text = render_feed(&v1(), &FeedScope::Participant(id(COMPANY)), &options).unwrap();
    let description = property(&vevent(&text, FILTERING).unwrap(), "DESCRIPTION:");
    assert_eq!(
        description,
        "Mission : Contrôle visuel des sacs\\nParticipant : Provence Sécurité Événements\\nEffectif : 2 agents\\n\
         Agents : Nadia B.\\, Karim T.\\nRadio : Canal 3\\nPoste de commandement : 04 42 00 00 01 (Comité des fêtes)\\n\
         Convention : CLCS-13-2026-042\\nPlan publié : version v1 (dernière modification de ce déploiement : v1)."
    );
}

#[test]
fn a_restricted_police_command_post_gives_its_phone_only_to_those_who_may_read_it() {
    let mut plan = saint_jean();
    let police_pc = DeploymentDraft {
        visibility: Visibility::Restricted,
        ..draft(104, POLICE, PC_ZONE, june((20, 15), (21, 4)), MissionCategory::Pc)
    };
    plan.deployments.push(Deployment::new(police_pc).unwrap());
    let release = Release::publish(None, plan, "", published(0)).unwrap();
    let phone = |audience| {
        let text = feed(&release, FeedScope::Zone(id(NORTH)), audience);
        let description = property(&vevent(&text, FILTERING).unwrap(), "DESCRIPTION:");
        description.split("\\n").find(|l| l.starts_with("Poste de commandement")).unwrap().to_string()
    };
    assert_eq!(phone(Audience::Others), "Poste de commandement : 04 42 00 00 01 (Comité des fêtes)");
    assert_eq!(
        phone(Audience::StateAndPrefecture),
        "Poste de commandement : 04 42 00 00 17 (Commissariat de Martigues)"
    );
}

#[test]
fn the_command_posts_phone_is_that_of_whoever_staffs_it_when_the_shift_starts_else_the_organisers() {
    let mut plan = with_deployment(saint_jean(), PC_SHIFT, |d| DeploymentDraft { window: june((21, 0), (21, 3)), ..d });
    let police_pc = draft(104, POLICE, PC_ZONE, june((20, 17), (20, 19)), MissionCategory::Pc);
    plan.deployments.push(Deployment::new(police_pc).unwrap());
    let release = Release::publish(None, plan, "", published(0)).unwrap();
    let text = feed(&release, FeedScope::Event, Audience::StateAndPrefecture);
    let pc_line = |n| {
        let description = property(&vevent(&text, n).unwrap(), "DESCRIPTION:");
        description.split("\\n").find(|l| l.starts_with("Poste de commandement")).unwrap().to_string()
    };
    // The filtering starts at 18:00, while the police staff the command post (17:00–19:00).
    assert_eq!(pc_line(FILTERING), "Poste de commandement : 04 42 00 00 17 (Commissariat de Martigues)");
    // The patrol starts at 20:00: nobody is at the command post, the organiser answers.
    assert_eq!(pc_line(PATROL), "Poste de commandement : 04 42 00 00 01 (Comité des fêtes)");
}

#[test]
fn every_shift_has_a_display_alarm_an_hour_before() {
    let text = feed(&v1(), FeedScope::Event, Audience::StateAndPrefecture);
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 3);
    assert_eq!(text.matches("BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT1H\r\n").count(), 3);
}

#[test]
fn a_cancelled_shift_stays_as_cancelled_without_alarm_until_thirty_days_after_the_event() {
    let first = v1();
    let second =
        Release::publish(Some(&first), without_deployment(saint_jean(), FILTERING), "", published(30)).unwrap();
    let text = feed(&second, FeedScope::Participant(id(COMPANY)), Audience::Others);
    let cancelled = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&cancelled, "STATUS:"), "CANCELLED");
    assert_eq!(property(&cancelled, "SUMMARY:"), "Annulé · Filtrage · Entrée Nord · Fête de la Saint-Jean");
    assert_eq!(property(&cancelled, "SEQUENCE:"), "1");
    assert_eq!(property(&cancelled, "DTSTAMP:"), "20260602T130000Z");
    assert!(!cancelled.contains("VALARM"));
    assert!(cancelled.contains("Déploiement annulé dans la version v2 du plan."));
    // The event ends on 21 June at 02:00 in Paris; the shift is kept 30 days, to 21 July 02:00.
    let end = second.plan().event.operations_end();
    let at_now = |now| FeedOptions { now, ..options(Audience::Others) };
    let kept = render_feed(&second, &FeedScope::Participant(id(COMPANY)), &at_now(end.plus(Span::days(30)))).unwrap();
    assert!(vevent(&kept, FILTERING).is_some());
    let later = at_now(end.plus(Span::days(30)).plus(Span(1)));
    let gone = render_feed(&second, &FeedScope::Participant(id(COMPANY)), &later).unwrap();
    assert!(vevent(&gone, FILTERING).is_none());
}

#[test]
fn a_night_shift_across_the_october_change_ends_at_six_local_nine_hours_later() {
    let paris = chrono_tz::Europe::Paris;
    let night =
        crate::domain::plan::TimeWindow::new(at(paris, (2026, 10, 24), (22, 0)), at(paris, (2026, 10, 25), (6, 0)))
            .unwrap();
    assert_eq!(night.duration(), Span::hours(9));
    let plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { window: night, ..d });
    let text = feed(&Release::publish(None, plan, "", published(0)).unwrap(), FeedScope::Event, Audience::Others);
    let event = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&event, "DTSTART;TZID=Europe/Paris:"), "20261024T220000");
    assert_eq!(property(&event, "DTEND;TZID=Europe/Paris:"), "20261025T060000");
    // The VTIMEZONE spans 2026 with both changes.
    assert!(text.contains("DTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\n"));
}

#[test]
fn a_start_in_the_second_occurrence_of_the_repeated_hour_is_written_in_utc() {
    // 25 October 2026, 02:30 in Paris happens twice; the second time (winter) is 01:30 UTC.
    let start = Instant(
        chrono::NaiveDate::from_ymd_opt(2026, 10, 25)
            .unwrap()
            .and_hms_opt(1, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis(),
    );
    let window = crate::domain::plan::TimeWindow::new(start, start.plus(Span::hours(4))).unwrap();
    let plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { window, ..d });
    let text = feed(&Release::publish(None, plan, "", published(0)).unwrap(), FeedScope::Event, Audience::Others);
    let event = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&event, "DTSTART:"), "20261025T013000Z");
    assert_eq!(property(&event, "DTEND;TZID=Europe/Paris:"), "20261025T063000");
}

#[test]
fn a_scope_naming_something_absent_from_the_release_is_refused() {
    let release = v1();
    let refused = |scope| render_feed(&release, &scope, &options(Audience::Others)).unwrap_err();
    assert_eq!(refused(FeedScope::Participant(id(99))), FeedError::UnknownParticipant);
    assert_eq!(refused(FeedScope::Agent(id(99))), FeedError::UnknownAgent);
    assert_eq!(refused(FeedScope::Zone(id(99))), FeedError::UnknownZone);
}

#[test]
fn the_same_release_renders_the_same_feed_byte_for_byte() {
    let release = v1();
    assert_eq!(
        feed(&release, FeedScope::Event, Audience::StateAndPrefecture),
        feed(&release, FeedScope::Event, Audience::StateAndPrefecture)
    );
}

#[test]
fn a_shift_at_a_post_names_it_in_the_summary_and_the_location_uses_the_zones_own_address() {
    let mut plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { post_id: Some(id(12)), ..d });
    plan.posts.push(
        crate::domain::plan::Post::new(crate::domain::plan::PostDraft {
            id: id(12),
            zone_id: id(NORTH),
            name: "Portique 3".into(),
        })
        .unwrap(),
    );
    let zone: crate::domain::plan::ZoneDraft = plan.zones[1].clone().into();
    plan.zones[1] = crate::domain::plan::Zone::new(crate::domain::plan::ZoneDraft {
        address: Some("Avenue Louis Sammut, 13500 Martigues".into()),
        ..zone
    })
    .unwrap();
    let text = feed(&Release::publish(None, plan, "", published(0)).unwrap(), FeedScope::Event, Audience::Others);
    let event = vevent(&text, FILTERING).unwrap();
    assert_eq!(property(&event, "SUMMARY:"), "Filtrage · Entrée Nord (Portique 3) · Fête de la Saint-Jean");
    assert_eq!(property(&event, "LOCATION:"), "Entrée Nord (Portique 3) — Avenue Louis Sammut\\, 13500 Martigues");
}

#[test]
fn a_feed_without_any_readable_shift_still_has_its_time_zone_and_no_event() {
    // The police's only shift is restricted: the others do not see it.
    let text = feed(&v1(), FeedScope::Participant(id(POLICE)), Audience::Others);
    assert_eq!(text.matches("BEGIN:VEVENT").count(), 0);
    assert!(text.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"));
}

/// The feed as a reviewer reads it: LF line ends, and the deployment ids and time stamps
/// replaced by placeholders, so that the snapshot only changes when the format does.
fn redacted(feed: &str) -> String {
    feed.split("\r\n")
        .map(|line| {
            for (name, placeholder) in [("UID:", "[uid]"), ("DTSTAMP:", "[stamp]"), ("LAST-MODIFIED:", "[stamp]")] {
                if line.starts_with(name) {
                    return format!("{name}{placeholder}");
                }
            }
            line.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_whole_event_feed_matches_its_reviewed_snapshot() {
    let text = feed(&v1(), FeedScope::Event, Audience::StateAndPrefecture);
    insta::assert_snapshot!("saint_jean_event_feed", redacted(&text));
}
