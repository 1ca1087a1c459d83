//! The documented example: it imports, exporting it gives it back byte for byte, the copy in
//! `docs/plan-format.md` is the same file, and the JSON Schema knows every field it uses.

use serde_json::Value;

use super::fixtures::EXAMPLE;
use super::{export_plan, import_plan_file};

const GUIDE: &str = include_str!("../../../../docs/plan-format.md");
const SCHEMA: &str = include_str!("../../../../docs/plan-format.schema.json");

#[test]
fn the_example_imports_and_exports_back_byte_for_byte() {
    let file = import_plan_file(EXAMPLE.as_bytes()).unwrap();
    let plan = &file.plan;
    assert_eq!((plan.zones.len(), plan.posts.len(), plan.participants.len()), (2, 1, 3));
    assert_eq!((plan.agents.len(), plan.needs.len(), plan.deployments.len()), (2, 2, 3));
    assert_eq!(file.organisations.len(), 3);
    assert_eq!(export_plan(plan, &file.organisations), EXAMPLE);
}

#[test]
fn the_example_in_the_guide_is_the_example_file() {
    let start = GUIDE.find("```json\n").expect("the guide shows a JSON example") + "```json\n".len();
    let end = start + GUIDE[start..].find("```\n").expect("the example block is closed");
    assert_eq!(&GUIDE[start..end], EXAMPLE);
}

#[test]
fn exporting_the_same_plan_with_its_lists_in_another_order_gives_the_same_bytes() {
    let file = import_plan_file(EXAMPLE.as_bytes()).unwrap();
    let mut plan = file.plan;
    let mut organisations = file.organisations;
    plan.deployments.reverse();
    plan.participants.rotate_left(1);
    plan.zones.reverse();
    organisations.reverse();
    assert_eq!(export_plan(&plan, &organisations), EXAMPLE);
}

/// The schema's definition an object of the example at `pointer` follows.
fn definition<'a>(schema: &'a Value, name: &str) -> &'a Value {
    schema.pointer(&format!("/$defs/{name}")).unwrap_or_else(|| panic!("no definition {name}"))
}

/// Every key of `object` is a property of `definition`, and every required property is there.
fn assert_follows(object: &Value, definition: &Value, at: &str) {
    let properties = definition["properties"].as_object().unwrap_or_else(|| panic!("{at}: no properties"));
    for key in object.as_object().unwrap().keys() {
        assert!(properties.contains_key(key), "{at}.{key} is not in the schema");
    }
    for required in definition["required"].as_array().unwrap() {
        assert!(object.get(required.as_str().unwrap()).is_some(), "{at}: {required} missing");
    }
    assert_eq!(definition["additionalProperties"], Value::Bool(false), "{at}");
}

#[test]
fn the_schema_is_draft_2020_12_and_describes_every_object_of_the_example() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let example: Value = serde_json::from_str(EXAMPLE).unwrap();
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["properties"]["format"]["const"], "cordon-plan/3");
    assert_follows(&example, &schema, "$");
    assert_follows(&example["event"], definition(&schema, "event"), "$.event");
    assert_follows(&example["event"]["legal"], definition(&schema, "legal"), "$.event.legal");
    assert_follows(&example["event"]["window"], definition(&schema, "window"), "$.event.window");
    for (i, order) in example["event"]["legal"]["orders"].as_array().unwrap().iter().enumerate() {
        assert_follows(order, definition(&schema, "order"), &format!("$.event.legal.orders[{i}]"));
    }
    let sections = [
        ("zones", "zone"),
        ("posts", "post"),
        ("organisations", "organisation"),
        ("participants", "participant"),
        ("agents", "agent"),
        ("needs", "need"),
        ("deployments", "deployment"),
    ];
    for (section, name) in sections {
        for (i, record) in example[section].as_array().unwrap().iter().enumerate() {
            assert_follows(record, definition(&schema, name), &format!("$.{section}[{i}]"));
        }
    }
    assert_follows(&example["agents"][0]["cnaps_card"], definition(&schema, "cnaps_card"), "$.agents[0].cnaps_card");
}
