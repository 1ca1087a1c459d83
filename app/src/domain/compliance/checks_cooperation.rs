//! What the CLCS circular expects of the cooperation itself: a command post where the actors
//! coordinate, a named contact for each participant and an alert procedure (axis 4), the
//! commune's police regime the convention's Article 5 depends on, and no redundancy with a
//! convention already in force in the commune.

use super::checker::Checker;
use super::finding::Draft;
use super::rules::RuleCode;
use crate::domain::plan::{TimeWindow, ZoneKind};
use crate::text;

pub(super) fn check(c: &mut Checker) {
    command_post(c);
    named_contacts(c);
    alert_procedure(c);
    police_regime(c);
    conventions_in_force(c);
}

fn command_post(c: &mut Checker) {
    if c.active(RuleCode::PosteCommandementAbsent).is_none() {
        return;
    }
    if !c.plan.zones.iter().any(|z| z.kind() == ZoneKind::PosteCommandement) {
        let draft = Draft::new(text::COMPLIANCE_NO_COMMAND_POST.to_string(), text::COMPLIANCE_FIX_NO_COMMAND_POST);
        c.emit(RuleCode::PosteCommandementAbsent, draft);
    }
}

fn named_contacts(c: &mut Checker) {
    if c.active(RuleCode::ContactNommeAbsent).is_none() {
        return;
    }
    let plan = c.plan;
    for p in plan.participants.iter().filter(|p| p.contact_name().is_none()) {
        let draft =
            Draft::new(text::compliance_no_contact(p.name()), text::COMPLIANCE_FIX_NO_CONTACT).participants([p.id()]);
        c.emit(RuleCode::ContactNommeAbsent, draft);
    }
}

/// Article 5 of the convention says who keeps order at the event from the commune's police
/// regime (CGCT L2214-4): unstated, it can only cite both cases.
fn police_regime(c: &mut Checker) {
    if c.active(RuleCode::RegimePoliceNonRenseigne).is_none()
        || c.plan.event.legal().regime_police != crate::domain::plan::PoliceRegime::NonRenseigne
    {
        return;
    }
    let draft = Draft::new(text::COMPLIANCE_NO_POLICE_REGIME.to_string(), text::COMPLIANCE_FIX_NO_POLICE_REGIME);
    c.emit(RuleCode::RegimePoliceNonRenseigne, draft);
}

fn alert_procedure(c: &mut Checker) {
    if c.active(RuleCode::ProcedureAlerteAbsente).is_none() || c.plan.event.alert_procedure().is_some() {
        return;
    }
    let draft = Draft::new(text::COMPLIANCE_NO_ALERT_PROCEDURE.to_string(), text::COMPLIANCE_FIX_NO_ALERT_PROCEDURE);
    c.emit(RuleCode::ProcedureAlerteAbsente, draft);
}

/// A convention of the event's commune in force at some point of the operations (set-up to
/// tear-down).
fn conventions_in_force(c: &mut Checker) {
    if c.active(RuleCode::ConventionEnVigueurChevauchement).is_none() {
        return;
    }
    let plan = c.plan;
    let event = &plan.event;
    let Ok(operations) = TimeWindow::new(event.operations_start(), event.operations_end()) else { return };
    let commune = event.commune().as_str();
    let context = c.context;
    for convention in &context.conventions_in_force {
        let same_commune = convention.commune_code.trim().eq_ignore_ascii_case(commune);
        if same_commune && convention.in_force_during(&operations) {
            let draft = Draft::new(
                text::compliance_convention_overlap(convention.reference.trim()),
                text::COMPLIANCE_FIX_CONVENTION_OVERLAP,
            );
            c.emit(RuleCode::ConventionEnVigueurChevauchement, draft);
        }
    }
}
