//! Writing a plan as a `cordon-plan/3` file, byte for byte the same for the same plan.

use super::document::PlanDocument;
use crate::domain::organisation::OrganisationIdentity;
use crate::domain::plan::Plan;

/// The plan as a `cordon-plan/3` JSON file: UTF-8, every list sorted by id, keys in the
/// format's fixed order, two-space indentation, a final newline. `organisations` gives what
/// identifies each organisation taking part outside Cordon (those no participant stands for
/// are left out). The same plan always gives the same bytes, and importing them then
/// exporting again gives them back unchanged.
pub fn export_plan(plan: &Plan, organisations: &[OrganisationIdentity]) -> String {
    let document = PlanDocument::of(plan, organisations);
    // Only strings, integers, booleans, finite coordinates and lists: writing cannot fail.
    let mut text = serde_json::to_string_pretty(&document).expect("a plan document always serialises");
    text.push('\n');
    text
}
