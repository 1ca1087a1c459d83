use super::*;
use crate::domain::compliance::fixtures::{self as f, paris};
use crate::domain::plan::{AgentDetail, Audience, Deployment};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The fête: 20 June 2026, 18:00 to 23:00 in Paris.
fn fete() -> Event {
    f::compliant_plan().event
}

fn access(own: &[u32], organiser: bool) -> EventAccess {
    EventAccess {
        audience: Audience::Others,
        agents: AgentDetail::Withheld,
        organiser,
        own_participant_ids: own.iter().map(|&n| f::id(n)).collect(),
        restricting_participant_ids: vec![],
    }
}

#[test]
fn the_deadline_defaults_to_the_debrief_the_convention_states_fifteen_days_after_the_end() {
    assert_eq!(default_deadline(&fete()), day(2026, 7, 5));
    // The convention's article states the same day (`domain::document` uses `debrief_instant`).
    assert_eq!(local_day(debrief_instant(&fete()), chrono_tz::Europe::Paris), day(2026, 7, 5));
}

#[test]
fn an_evaluation_opens_at_the_events_end_runs_late_after_its_deadline_and_closes() {
    let event = fete();
    assert_eq!(EvaluationState::of(&event, None, None, paris(6, 20, 22, 59)), EvaluationState::Upcoming);
    let open = EvaluationState::of(&event, None, None, paris(6, 20, 23, 0));
    assert_eq!(open, EvaluationState::Open { deadline: day(2026, 7, 5), late: false });
    assert_eq!(open.label(), "en cours (contributions attendues au plus tard le 05/07/2026)");
    let set = Some(day(2026, 6, 30));
    assert_eq!(EvaluationState::of(&event, set, None, paris(6, 30, 23, 59)).code(), "en_cours", "the whole last day");
    let late = EvaluationState::of(&event, set, None, paris(7, 1, 0, 0));
    assert_eq!((late.code(), late.label().as_str()), ("en_retard", "en retard (échéance du 30/06/2026 dépassée)"));
    let closed = EvaluationState::of(&event, set, Some(paris(7, 2, 9, 0)), paris(7, 3, 0, 0));
    assert_eq!((closed.code(), closed.label().as_str()), ("cloturee", "clôturée le 02/07/2026"));
}

#[test]
fn each_participant_writes_its_own_part_only_and_only_once_the_event_has_ended() {
    let open = EvaluationState::Open { deadline: day(2026, 7, 5), late: false };
    let company = access(&[f::COMPANY], false);
    let own = EvaluationAction::WritePart(f::id(f::COMPANY));
    let other = EvaluationAction::WritePart(f::id(f::MUNICIPAL));
    assert_eq!(may(ActorRole::Participant, &company, &own, open), Ok(()));
    assert_eq!(may(ActorRole::Participant, &company, &other, open), Err(text::EVALUATION_NOT_YOURS.into()));
    let late = EvaluationState::Open { deadline: day(2026, 7, 5), late: true };
    assert_eq!(may(ActorRole::Participant, &company, &own, late), Ok(()), "a late part is still welcome");
    assert_eq!(
        may(ActorRole::Participant, &company, &own, EvaluationState::Upcoming),
        Err(text::EVALUATION_NOT_YET.into())
    );
    let closed = EvaluationState::Closed { on: day(2026, 7, 6) };
    assert_eq!(may(ActorRole::Participant, &company, &own, closed), Err(text::EVALUATION_CLOSED_ALREADY.into()));
}

#[test]
fn the_organiser_writes_its_assessment_and_the_prefecture_its_own_the_deadline_and_the_closing() {
    let open = EvaluationState::Open { deadline: day(2026, 7, 5), late: false };
    let organiser = access(&[f::ORGANISER], true);
    let prefecture = access(&[], false);
    use EvaluationAction::*;
    assert_eq!(may(ActorRole::Organiser, &organiser, &WriteOrganiserAssessment, open), Ok(()));
    for action in [WritePrefectureAssessment, SetDeadline, Close { prefecture_assessment_written: true }] {
        assert_eq!(may(ActorRole::Organiser, &organiser, &action, open), Err(text::EVALUATION_NOT_YOURS.into()));
        assert_eq!(may(ActorRole::PrefectureInstructor, &prefecture, &action, open), Ok(()));
    }
    assert_eq!(
        may(ActorRole::PrefectureInstructor, &prefecture, &WriteOrganiserAssessment, open),
        Err(text::EVALUATION_NOT_YOURS.into())
    );
    assert_eq!(
        may(ActorRole::PrefectureInstructor, &prefecture, &Close { prefecture_assessment_written: false }, open),
        Err(text::EVALUATION_CLOSE_NEEDS_ASSESSMENT.into())
    );
    assert_eq!(
        may(ActorRole::PrefectureInstructor, &prefecture, &SetDeadline, EvaluationState::Upcoming),
        Ok(()),
        "the deadline may be set before the event"
    );
    assert_eq!(
        may(ActorRole::Participant, &access(&[f::POLICE], false), &Close { prefecture_assessment_written: true }, open),
        Err(text::EVALUATION_NOT_YOURS.into()),
        "a State force does not close it"
    );
}

#[test]
fn a_part_needs_something_and_refuses_a_headcount_that_is_not_one_beside_its_field() {
    let part = EvaluationPart::parse(" 12 ", "Malaise à l’entrée nord, pris en charge.", "", "").unwrap();
    assert_eq!(
        (part.headcount_present, part.incidents.as_str()),
        (Some(12), "Malaise à l’entrée nord, pris en charge.")
    );
    assert_eq!(EvaluationPart::parse("", " ", "", "").unwrap_err().field, "headcount_present");
    assert_eq!(EvaluationPart::parse("douze", "", "", "").unwrap_err().message, text::EVALUATION_HEADCOUNT_INVALID);
    assert_eq!(EvaluationPart::parse("-1", "", "", "").unwrap_err().field, "headcount_present");
    assert_eq!(EvaluationPart::parse("100001", "", "", "").unwrap_err().field, "headcount_present");
    let long = "x".repeat(MAX_EVALUATION_TEXT + 1);
    assert_eq!(EvaluationPart::parse("3", "", &long, "").unwrap_err().field, "difficulties");
    assert_eq!(parse_assessment(&long).unwrap_err().field, "assessment");
    assert_eq!(parse_assessment("  ").unwrap(), "");
}

#[test]
fn the_planned_peak_counts_the_agents_on_site_at_once_a_relief_not_twice() {
    let plan = f::compliant_plan();
    let company: Vec<&Deployment> =
        plan.deployments.iter().filter(|d| d.participant_id() == f::id(f::COMPANY)).collect();
    assert_eq!(crate::domain::plan::peak_headcount(company.iter().copied()), 4);
    let relief = |n, from, to, headcount| {
        Deployment::new(f::deployment_draft(
            n,
            f::COMPANY,
            f::ENTRANCE,
            f::june(from, to),
            headcount,
            &[],
            crate::domain::plan::MissionCategory::Filtrage,
        ))
        .unwrap()
    };
    let shifts = [
        relief(900, (20, 18, 0), (20, 21, 0), 4),
        relief(901, (20, 21, 0), (20, 23, 0), 5),
        relief(902, (20, 20, 0), (20, 22, 0), 1),
    ];
    assert_eq!(crate::domain::plan::peak_headcount(shifts.iter()), 6, "21:00: 4 leave as 5 arrive, and 1 is there");
    assert_eq!(crate::domain::plan::peak_headcount(std::iter::empty()), 0);
}
