//! The JSON formats: a generated instance reads back as itself, an invalid one is refused
//! whole with a French message, the generator is deterministic by seed and its sizes are the
//! announced ones.

use super::*;

#[test]
fn a_generated_village_reads_back_from_json_as_itself() {
    let village = generate(Size::Village, 4);
    let json = serde_json::to_string(&village).unwrap();
    assert_eq!(serde_json::from_str::<Instance>(&json).unwrap(), village);
}

#[test]
fn the_same_seed_generates_the_same_problem_and_another_seed_another() {
    assert_eq!(generate(Size::Fair, 9), generate(Size::Fair, 9));
    assert_ne!(generate(Size::Fair, 9), generate(Size::Fair, 10));
}

#[test]
fn each_size_has_its_announced_agents_and_zones() {
    let counts = |size| {
        let p = generate(size, 1);
        (p.agents.len(), p.zones.len(), p.event.window.duration().0 / 3_600_000)
    };
    assert_eq!(counts(Size::Village), (30, 4, 16));
    assert_eq!(counts(Size::Fair), (150, 12, 72));
    assert_eq!(counts(Size::Stadium), (500, 20, 14));
    assert_eq!(counts(Size::City), (3_000, 60, 48));
}

#[test]
fn a_need_of_priority_six_or_in_an_unknown_zone_is_refused_in_french() {
    let mut json = serde_json::to_value(generate(Size::Village, 1)).unwrap();
    json["needs"][0]["priority"] = 6.into();
    let refused = serde_json::from_value::<Instance>(json.clone()).unwrap_err().to_string();
    assert!(refused.contains("doit avoir une priorité de 1 à 5"), "{refused}");
    json["needs"][0]["priority"] = 1.into();
    json["needs"][0]["zone"] = "nulle-part".into();
    let refused = serde_json::from_value::<Instance>(json).unwrap_err().to_string();
    assert!(refused.contains("La zone « nulle-part » n’existe pas."), "{refused}");
}

#[test]
fn a_working_time_profile_left_out_takes_the_agreements_defaults_and_eleven_hours_of_rest_may_be_set() {
    let mut json = serde_json::to_value(generate(Size::Village, 1)).unwrap();
    json.as_object_mut().unwrap().remove("working_time");
    assert_eq!(serde_json::from_value::<Instance>(json.clone()).unwrap().working_time, WorkingTimeProfile::default());
    json["working_time"] = serde_json::json!({"min_rest_minutes": 660});
    let eleven = serde_json::from_value::<Instance>(json).unwrap().working_time;
    assert_eq!((eleven.min_rest_minutes, eleven.max_shift_minutes), (660, 720));
}
