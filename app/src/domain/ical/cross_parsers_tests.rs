//! Independent parsers read the feeds Cordon writes: PyPI's `icalendar` and npm's `ical.js`
//! (Mozilla's) each parse the tricky cases written to `tests/output/ical/*.ics` and print, per
//! VEVENT, its UID and the UTC instants of DTSTART and DTEND, which must be exactly the
//! expected ones. A missing parser fails the test with the command that installs it. The
//! `icalendar` crate's parser (Rust) reads the same cases in-process.

use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::NaiveDate;
use serde::Deserialize;

use super::*;
use crate::domain::plan::{DeploymentDraft, MissionCategory, Plan, TimeWindow, Zone, ZoneDraft, ZoneKind};
use crate::domain::release::fixtures::*;

const HOST: &str = "cordon.example.fr";

/// One VEVENT as a parser read it.
#[derive(Debug, Deserialize, PartialEq)]
struct Parsed {
    file: String,
    uid: String,
    dtstart: String,
    dtend: String,
    summary: String,
    description: String,
    status: String,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap().to_path_buf()
}

fn utc(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> Instant {
    Instant(NaiveDate::from_ymd_opt(y, mo, d).unwrap().and_hms_opt(h, mi, 0).unwrap().and_utc().timestamp_millis())
}

fn window(start: Instant, end: Instant) -> TimeWindow {
    TimeWindow::new(start, end).unwrap()
}

/// The Saint-Jean plan moved to `commune` with only the filtering shift, over `shift`.
fn one_shift(commune: (&str, &str), shift: TimeWindow) -> Plan {
    let mut plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { window: shift, ..d });
    plan.deployments.retain(|d| d.id() == id(FILTERING));
    plan.event = event(commune.0, commune.1, shift);
    plan
}

/// A shift's deployment number and its expected UTC start and end.
type Expected = (u32, &'static str, &'static str);

/// The files, their plans and their expected shifts.
fn cases() -> Vec<(&'static str, Plan, Vec<Expected>)> {
    let paris = chrono_tz::Europe::Paris;
    // Paris: a night across the October change (22:00 to 06:00 local is 9 hours), a shift
    // starting in the repeated hour's second occurrence, and a night across the March change.
    let mut dst = one_shift(
        ("13056", "Martigues"),
        window(at(paris, (2026, 10, 24), (22, 0)), at(paris, (2026, 10, 25), (6, 0))),
    );
    let repeated = draft(
        200,
        COMPANY,
        NORTH,
        window(utc(2026, 10, 25, 1, 30), utc(2026, 10, 25, 5, 30)),
        MissionCategory::Secours,
    );
    let march = draft(
        201,
        COMPANY,
        NORTH,
        window(at(paris, (2026, 3, 28), (22, 0)), at(paris, (2026, 3, 29), (6, 0))),
        MissionCategory::Surveillance,
    );
    dst.deployments.extend([repeated, march].map(|d| crate::domain::plan::Deployment::new(d).unwrap()));
    let reunion = chrono_tz::Indian::Reunion;
    let cayenne = chrono_tz::America::Cayenne;
    vec![
        (
            "paris-dst.ics",
            dst,
            vec![
                (FILTERING, "2026-10-24T20:00:00Z", "2026-10-25T05:00:00Z"),
                (200, "2026-10-25T01:30:00Z", "2026-10-25T05:30:00Z"),
                (201, "2026-03-28T21:00:00Z", "2026-03-29T04:00:00Z"),
            ],
        ),
        (
            "reunion.ics",
            one_shift(
                ("97411", "Saint-Denis"),
                window(at(reunion, (2026, 6, 20), (20, 0)), at(reunion, (2026, 6, 21), (4, 0))),
            ),
            vec![(FILTERING, "2026-06-20T16:00:00Z", "2026-06-21T00:00:00Z")],
        ),
        (
            "cayenne.ics",
            one_shift(
                ("97302", "Cayenne"),
                window(at(cayenne, (2026, 6, 20), (20, 0)), at(cayenne, (2026, 6, 21), (4, 0))),
            ),
            vec![(FILTERING, "2026-06-20T23:00:00Z", "2026-06-21T07:00:00Z")],
        ),
        ("tricky-text.ics", tricky_text(), vec![(FILTERING, "2026-06-20T16:00:00Z", "2026-06-20T21:00:00Z")]),
    ]
}

const TRICKY_ZONE: &str = "Entrée « Nord », côté quai; accès\\PMR\nporte B";

fn tricky_mission() -> String {
    let mission =
        "Filtrage renforcé: sacs, palpations; contrôle\\billets\nPuis ronde à l’Étang de Berre, çà et là — œuvre ";
    mission.repeat(5).chars().take(200).collect::<String>().trim().to_string()
}

fn tricky_event_name() -> String {
    "Fête de la Saint-Jean; feux, bal \\ « guinguette » à Martigues "
        .repeat(4)
        .chars()
        .take(200)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Names and a mission with accents, commas, semicolons, backslashes, new lines, 200 characters.
fn tricky_text() -> Plan {
    let mut plan = with_deployment(saint_jean(), FILTERING, |d| DeploymentDraft { mission: tricky_mission(), ..d });
    plan.deployments.retain(|d| d.id() == id(FILTERING));
    plan.zones[1] =
        Zone::new(ZoneDraft { name: TRICKY_ZONE.into(), ..ZoneDraft::from(plan.zones[1].clone()) }).unwrap();
    assert_eq!(plan.zones[1].kind(), ZoneKind::EntreeFiltrage);
    let draft: crate::domain::plan::EventDraft = plan.event.clone().into();
    plan.event =
        crate::domain::plan::Event::new(crate::domain::plan::EventDraft { name: tricky_event_name(), ..draft })
            .unwrap();
    assert!((190..=200).contains(&plan.event.name().chars().count()));
    plan
}

/// Writes the cases' feeds (the event's feed, as the State forces read it).
fn write_cases(folder: &Path) {
    std::fs::create_dir_all(folder).unwrap();
    for entry in std::fs::read_dir(folder).unwrap() {
        std::fs::remove_file(entry.unwrap().path()).unwrap();
    }
    let published = utc(2026, 3, 1, 9, 0);
    for (file, plan, _) in cases() {
        let release = Release::publish(None, plan, "", published).unwrap();
        let options = FeedOptions {
            host: HOST,
            audience: Audience::StateAndPrefecture,
            convention_reference: None,
            now: published,
        };
        std::fs::write(folder.join(file), render_feed(&release, &FeedScope::Event, &options).unwrap()).unwrap();
    }
}

/// Runs a parser; a missing program or package fails with the way to install it.
fn run(program: &str, script: &str, folder: &Path, install: &str) -> Vec<Parsed> {
    let output = Command::new(program)
        .arg(workspace().join(script))
        .arg(folder)
        .current_dir(workspace())
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{program}` ({e}): the iCal parser tests need it. Install: {install}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{program} {script} failed ({}): {stderr}\nInstall: {install}", output.status);
    String::from_utf8(output.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn check(parser: &str, parsed: &[Parsed]) {
    let mut got: Vec<(String, String, String, String)> =
        parsed.iter().map(|p| (p.file.clone(), p.uid.clone(), p.dtstart.clone(), p.dtend.clone())).collect();
    let mut expected: Vec<(String, String, String, String)> = cases()
        .into_iter()
        .flat_map(|(file, _, shifts)| {
            shifts.into_iter().map(move |(n, s, e)| (file.to_string(), format!("{}@{HOST}", id(n)), s.into(), e.into()))
        })
        .collect();
    got.sort();
    expected.sort();
    assert_eq!(got, expected, "{parser}: instants differ");
    let tricky = parsed.iter().find(|p| p.file == "tricky-text.ics").unwrap();
    let summary = format!("Filtrage · {TRICKY_ZONE} · {}", tricky_event_name());
    assert_eq!(tricky.summary, summary, "{parser}: summary");
    assert!(
        tricky.description.starts_with(&format!("Mission : {}\n", tricky_mission())),
        "{parser}: {}",
        tricky.description
    );
    assert!(parsed.iter().all(|p| p.status == "CONFIRMED"), "{parser}: status");
}

/// The `icalendar` crate's parser reading every `.ics` of `folder`: per VEVENT, what the other
/// parsers print. A time given with its TZID is converted with that zone's rules (the first
/// occurrence of a repeated hour, as RFC 5545 says); a floating or date-only time fails.
fn read_with_the_icalendar_crate(folder: &Path) -> Vec<Parsed> {
    use chrono::TimeZone;
    use icalendar::{CalendarComponent, CalendarDateTime, Component, DatePerhapsTime};
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ics"))
        .collect();
    files.sort();
    let mut parsed = Vec::new();
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let calendar: icalendar::Calendar = text.parse().unwrap_or_else(|e| panic!("{name}: {e}"));
        for component in calendar.iter() {
            let CalendarComponent::Event(event) = component else { continue };
            let utc = |value: Option<DatePerhapsTime>| -> String {
                let instant = match value {
                    Some(DatePerhapsTime::DateTime(CalendarDateTime::Utc(at))) => at,
                    Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone { date_time, tzid })) => {
                        let zone: chrono_tz::Tz = tzid.parse().unwrap_or_else(|_| panic!("{name}: zone {tzid}"));
                        zone.from_local_datetime(&date_time).earliest().unwrap().with_timezone(&chrono::Utc)
                    }
                    other => panic!("{name}: a floating or date-only time: {other:?}"),
                };
                instant.format("%Y-%m-%dT%H:%M:%SZ").to_string()
            };
            parsed.push(Parsed {
                file: name.clone(),
                uid: event.get_uid().unwrap_or_default().to_string(),
                dtstart: utc(event.get_start()),
                dtend: utc(event.get_end()),
                summary: event.get_summary().unwrap_or_default().to_string(),
                description: event.get_description().unwrap_or_default().to_string(),
                status: event.property_value("STATUS").unwrap_or_default().to_string(),
            });
        }
    }
    parsed
}

#[test]
fn the_icalendar_crate_reads_the_tricky_feeds_at_the_expected_instants() {
    // A folder of its own: the other parsers' test rewrites its folder while this one reads.
    let folder = workspace().join("tests/output/ical-rust");
    write_cases(&folder);
    check("icalendar (Rust crate)", &read_with_the_icalendar_crate(&folder));
}

#[test]
fn python_icalendar_and_mozillas_ical_js_read_the_tricky_feeds_at_the_expected_instants() {
    let folder = workspace().join("tests/output/ical");
    write_cases(&folder);
    let python = run(
        "python3",
        "tests/ical/check_icalendar.py",
        &folder,
        "apt-get install -y python3 python3-pip && pip install -r tests/requirements.txt",
    );
    check("icalendar (Python)", &python);
    let node =
        run("node", "tests/ical/check_icaljs.mjs", &folder, "Node.js 20 and `npm ci` (ical.js is in package.json)");
    check("ical.js (Node)", &node);
}
