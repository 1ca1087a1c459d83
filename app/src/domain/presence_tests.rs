use super::*;
use crate::domain::compliance::fixtures::{self as f, paris, Edit};
use crate::domain::organisation::OrganisationKind;
use crate::domain::plan::{event_access, Viewer};

fn org(n: u32) -> String {
    f::id(n + 1000)
}

/// The access of a member of participant `n`'s organisation.
fn access_of(plan: &Plan, n: u32, kind: OrganisationKind) -> EventAccess {
    let viewer = Viewer::from_organisations([(org(n), kind, None)]);
    event_access(&viewer, &org(f::ORGANISER), "13", &plan.participants).unwrap()
}

fn mark(number: u64, at: Instant, agent: u32, movement: Movement) -> PresenceMark {
    PresenceMark { number, at, agent_id: f::id(agent), movement, by: MarkedBy::Agent }
}

fn zone(zones: &[ZoneNow], n: u32) -> &ZoneNow {
    zones.iter().find(|z| z.zone_id == f::id(n)).unwrap()
}

#[test]
fn an_agent_checked_in_counts_as_present_in_its_zone_until_it_checks_out() {
    let plan = f::compliant_plan();
    let at_seven = paris(6, 20, 19, 0);
    let arrived = [mark(1, paris(6, 20, 17, 50), f::NADIA, Movement::Arrival)];
    let presence = Presence::from_marks(&arrived);
    let entrance = zone(&coverage_now(&plan, Audience::Others, &presence, at_seven), f::ENTRANCE).clone();
    assert_eq!(entrance, ZoneNow { zone_id: f::id(f::ENTRANCE), planned: 4, named: 2, present: 1 });
    assert_eq!(presence.present_since(&f::id(f::NADIA)), Some(paris(6, 20, 17, 50)));

    let left = [arrived[0].clone(), mark(2, paris(6, 20, 18, 40), f::NADIA, Movement::Departure)];
    let presence = Presence::from_marks(&left);
    assert_eq!(zone(&coverage_now(&plan, Audience::Others, &presence, at_seven), f::ENTRANCE).present, 0);
    assert_eq!(presence.last(&f::id(f::NADIA)), Some((Movement::Departure, paris(6, 20, 18, 40))));
    assert_eq!(presence.number(), 2);
}

#[test]
fn a_zone_counts_only_the_shifts_under_way_and_a_restricted_one_only_for_the_state_forces() {
    let plan = Edit::compliant().deployment(f::COMMAND, |d| d.visibility = Visibility::Restricted).0;
    let presence = Presence::default();
    let at_seven = paris(6, 20, 19, 0);
    assert_eq!(
        zone(&coverage_now(&plan, Audience::StateAndPrefecture, &presence, at_seven), f::COMMAND_POST).planned,
        1
    );
    assert_eq!(zone(&coverage_now(&plan, Audience::Others, &presence, at_seven), f::COMMAND_POST).planned, 0);
    // The avenue's traffic shift ends at 22:30.
    assert_eq!(zone(&coverage_now(&plan, Audience::Others, &presence, at_seven), f::AVENUE).planned, 2);
    assert_eq!(zone(&coverage_now(&plan, Audience::Others, &presence, paris(6, 20, 22, 45)), f::AVENUE).planned, 0);
    assert!(coverage_now(&plan, Audience::Others, &presence, paris(6, 20, 17, 0)).iter().all(|z| z.planned == 0));
}

#[test]
fn an_arrival_twice_a_departure_without_arrival_and_a_movement_outside_the_day_are_refused() {
    let plan = f::compliant_plan();
    let nadia = f::id(f::NADIA);
    let none = Presence::default();
    let during = paris(6, 20, 18, 5);
    assert_eq!(check_movement(&plan, &none, &nadia, Movement::Arrival, during), Ok(()));
    assert_eq!(check_movement(&plan, &none, &nadia, Movement::Departure, during), Err(text::PRESENCE_NOT_IN));
    let present = Presence::from_marks(&[mark(1, during, f::NADIA, Movement::Arrival)]);
    assert_eq!(check_movement(&plan, &present, &nadia, Movement::Arrival, during), Err(text::PRESENCE_ALREADY_IN));
    assert_eq!(check_movement(&plan, &present, &nadia, Movement::Departure, during), Ok(()));
    assert_eq!(
        check_movement(&plan, &none, &nadia, Movement::Arrival, paris(6, 20, 17, 0)),
        Err(text::PRESENCE_CLOSED)
    );
    assert_eq!(
        check_movement(&plan, &present, &nadia, Movement::Departure, paris(6, 21, 0, 0)),
        Err(text::PRESENCE_CLOSED)
    );
}

#[test]
fn a_shift_missing_agents_a_quarter_of_an_hour_after_its_start_is_a_no_show_and_not_before() {
    let plan = f::compliant_plan();
    assert!(no_shows(&plan, &Presence::default(), paris(6, 20, 18, 14)).is_empty());
    let found = no_shows(&plan, &Presence::default(), paris(6, 20, 18, 15));
    assert_eq!(
        found,
        vec![NoShow {
            deployment_id: f::id(f::FILTERING),
            participant_id: f::id(f::COMPANY),
            zone_id: f::id(f::ENTRANCE),
            start: paris(6, 20, 18, 0),
            named: 2,
            missing: 2,
            restricted: false,
        }],
        "only the filtering names its agents: the counted shifts cannot be checked in"
    );
    let nadia = [mark(1, paris(6, 20, 17, 58), f::NADIA, Movement::Arrival)];
    assert_eq!(no_shows(&plan, &Presence::from_marks(&nadia), paris(6, 20, 18, 20))[0].missing, 1);
    let both = [nadia[0].clone(), mark(2, paris(6, 20, 18, 21), f::KARIM, Movement::Arrival)];
    assert!(no_shows(&plan, &Presence::from_marks(&both), paris(6, 20, 18, 30)).is_empty());
    assert!(no_shows(&plan, &Presence::default(), paris(6, 20, 23, 0)).is_empty(), "the shift is over");
}

#[test]
fn a_no_show_alert_goes_to_the_company_or_for_a_restricted_shift_to_the_state_forces_and_names_no_agent() {
    let plan = f::compliant_plan();
    let found = no_shows(&plan, &Presence::default(), paris(6, 20, 18, 15));
    let (target, severity, body) = no_show_alert(&plan, &found[0]);
    assert_eq!(target, AlertTarget::Participant(f::id(f::COMPANY)));
    assert_eq!(severity, Severity::High);
    assert!(body.contains("2 agents sur 2"), "{body}");
    assert!(body.contains("sam. 20/06 18:00"), "{body}");
    assert!(!body.contains("Nadia") && !body.contains("Karim"), "{body}");

    let restricted = NoShow { restricted: true, ..found[0].clone() };
    assert_eq!(no_show_alert(&plan, &restricted).0, AlertTarget::StateForces);
}

#[test]
fn only_a_member_of_the_agents_own_participant_marks_it() {
    let plan = f::compliant_plan();
    let nadia = plan.agents.iter().find(|a| a.id() == f::id(f::NADIA)).unwrap();
    assert!(may_mark(&access_of(&plan, f::COMPANY, OrganisationKind::SecuritePrivee), nadia));
    assert!(!may_mark(&access_of(&plan, f::ORGANISER, OrganisationKind::Organisateur), nadia));
    assert!(!may_mark(&access_of(&plan, f::POLICE, OrganisationKind::PoliceNationale), nadia));
}

#[test]
fn the_next_shift_of_an_agent_is_the_one_under_way_else_the_first_to_come() {
    let plan = f::compliant_plan();
    let nadia = f::id(f::NADIA);
    assert_eq!(
        shift_now_or_next(&plan, &nadia, paris(6, 20, 12, 0)).map(|d| d.id()),
        Some(f::id(f::FILTERING).as_str())
    );
    assert_eq!(
        shift_now_or_next(&plan, &nadia, paris(6, 20, 19, 0)).map(|d| d.id()),
        Some(f::id(f::FILTERING).as_str())
    );
    assert_eq!(shift_now_or_next(&plan, &nadia, paris(6, 20, 23, 0)), None);
}
