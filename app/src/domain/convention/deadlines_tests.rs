//! Lead times, due dates and the warnings they give.

use chrono::NaiveDate;

use super::deadlines::*;
use crate::domain::plan::fixtures::festival_draft;
use crate::domain::plan::Event;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn festival() -> FileFacts {
    FileFacts::from_event(&Event::new(festival_draft()).unwrap())
}

#[test]
fn the_calanques_festival_of_twelve_thousand_is_due_one_month_before_its_first_day() {
    let facts = festival();
    assert_eq!((facts.start, facts.attendance), (day(2026, 7, 10), 12_000));
    let due = due_date(&facts, &LeadTimes::defaults()).unwrap();
    assert_eq!(due, DueDate { date: day(2026, 6, 10), months: 1, case: LeadTimeCase::GrandRassemblement });
}

#[test]
fn a_prefecture_asking_two_months_moves_the_due_date_back() {
    let lead = LeadTimes::defaults()
        .with_months(LeadTimeCase::GrandRassemblement, 2, "Arrêté préfectoral des Bouches-du-Rhône")
        .unwrap();
    assert_eq!(due_date(&festival(), &lead).unwrap().date, day(2026, 5, 10));
    assert!(LeadTimes::defaults().with_months(LeadTimeCase::GrandRassemblement, 2, " ").is_err());
    assert!(LeadTimes::defaults().with_months(LeadTimeCase::GrandRassemblement, 25, "x").is_err());
}

#[test]
fn fifteen_hundred_people_exactly_impose_no_lead_time() {
    let facts = FileFacts { attendance: 1_500, ..festival() };
    assert_eq!(due_date(&facts, &LeadTimes::defaults()), None);
}

#[test]
fn a_timed_race_on_public_roads_across_departments_takes_the_longest_lead_time() {
    let facts = FileFacts {
        start: day(2026, 9, 13),
        attendance: 800,
        sport_on_public_road: true,
        timed_or_ranked: true,
        several_departments: true,
        public_building: false,
    };
    let lead = LeadTimes::defaults();
    assert_eq!(
        facts.cases(&lead),
        [LeadTimeCase::SportVoiePublique, LeadTimeCase::SportChronometre, LeadTimeCase::SportPlusieursDepartements]
    );
    let due = due_date(&facts, &lead).unwrap();
    assert_eq!((due.date, due.months, due.case), (day(2026, 6, 13), 3, LeadTimeCase::SportPlusieursDepartements));
}

#[test]
fn timing_alone_without_a_public_road_imposes_nothing() {
    let facts = FileFacts { attendance: 300, timed_or_ranked: true, ..festival() };
    assert_eq!(due_date(&facts, &LeadTimes::defaults()), None);
}

#[test]
fn one_month_before_the_thirty_first_of_march_is_the_last_day_of_february() {
    let facts = FileFacts { start: day(2026, 3, 31), attendance: 300, public_building: true, ..festival() };
    assert_eq!(due_date(&facts, &LeadTimes::defaults()).unwrap().date, day(2026, 2, 28));
}

#[test]
fn a_file_filed_on_its_due_date_is_on_time_and_the_next_day_late() {
    let due = due_date(&festival(), &LeadTimes::defaults()).unwrap();
    assert!(!is_late(&due, day(2026, 6, 10)));
    assert!(is_late(&due, day(2026, 6, 11)));
    let lead = LeadTimes::defaults();
    assert_eq!(status(&due, Some(day(2026, 6, 10)), day(2026, 7, 1), &lead), DeadlineStatus::FiledOnTime);
    let late = status(&due, Some(day(2026, 6, 13)), day(2026, 7, 1), &lead);
    assert_eq!(late, DeadlineStatus::FiledLate { days_late: 3 });
    assert_eq!(
        warning(&due, late).unwrap(),
        "Dossier déposé avec 3 jours de retard sur la date limite du 10/06/2026 (1 mois avant l’événement : \
         manifestation de plus de 1 500 personnes)."
    );
}

#[test]
fn an_unfiled_file_is_on_time_then_at_risk_then_late() {
    let due = due_date(&festival(), &LeadTimes::defaults()).unwrap();
    let lead = LeadTimes::defaults();
    assert_eq!(status(&due, None, day(2026, 5, 20), &lead), DeadlineStatus::OnTime { days_left: 21 });
    assert_eq!(warning(&due, DeadlineStatus::OnTime { days_left: 21 }), None);
    let at_risk = status(&due, None, day(2026, 6, 1), &lead);
    assert_eq!(at_risk, DeadlineStatus::AtRisk { days_left: 9 });
    assert_eq!(
        warning(&due, at_risk).unwrap(),
        "Le dossier doit être déposé au plus tard le 10/06/2026 (1 mois avant l’événement : manifestation de plus \
         de 1 500 personnes) : il reste 9 jours."
    );
    assert_eq!(status(&due, None, day(2026, 6, 10), &lead), DeadlineStatus::AtRisk { days_left: 0 });
    let late = status(&due, None, day(2026, 6, 11), &lead);
    assert_eq!(late, DeadlineStatus::Late { days_late: 1 });
    assert!(warning(&due, late).unwrap().starts_with("Dépôt tardif : la date limite était le 10/06/2026"));
}

#[test]
fn the_dashboard_lists_the_earliest_due_date_first_and_files_without_one_last() {
    let lead = LeadTimes::defaults();
    let festival = due_date(&festival(), &lead);
    let race = due_date(
        &FileFacts {
            start: day(2026, 6, 1),
            attendance: 200,
            sport_on_public_road: true,
            ..FileFacts::from_event(&Event::new(festival_draft()).unwrap())
        },
        &lead,
    );
    let mut files = [("marché", None), ("festival", festival), ("course", race)];
    files.sort_by(|a, b| dashboard_order(a.1.as_ref(), b.1.as_ref()));
    assert_eq!(files.iter().map(|f| f.0).collect::<Vec<_>>(), ["course", "festival", "marché"]);
}
