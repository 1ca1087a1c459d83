//! Sizing against the attendance: the service d'ordre the prefect may require of a
//! profit-making event (L211-11), the declaration to the maire (R211-22), first-aid cover
//! (référentiel national DPS, by an approved association: L725-3) and the usual number of
//! security agents. The figures are the convention's own (`convention::sizing` and
//! `convention::provision`): one computation for the rule, Article 4 and the annex.

use chrono::Months;

use super::checker::{Checker, PRIVATE};
use super::finding::Draft;
use super::local::{decimal, local_date};
use super::rules::{Rule, RuleCode};
use crate::domain::convention::{provided, DpsCategory};
use crate::domain::plan::{ParticipantRole, Plan};
use crate::text;

pub(super) fn check(c: &mut Checker) {
    service_d_ordre(c);
    declaration(c);
    first_aid(c);
    stewards(c);
}

/// The participants whose people « concourent à la réalisation de la manifestation »
/// (R211-22): the organiser and its providers, not the public authorities' forces.
const EVENT_STAFF: [ParticipantRole; 4] =
    [ParticipantRole::Organisateur, ParticipantRole::SecuritePrivee, ParticipantRole::Secours, ParticipantRole::Autre];

/// The people R211-22 counts, « le public et le personnel qui concourt à la réalisation de la
/// manifestation »: the attendance expected at the peak plus the most people the organiser and
/// its providers have deployed at one time.
pub fn r211_22_people(plan: &Plan) -> u32 {
    let staff = plan
        .deployments
        .iter()
        .filter(|d| plan.participant(d.participant_id()).is_some_and(|p| EVENT_STAFF.contains(&p.role())));
    plan.event.expected_attendance().saturating_add(crate::domain::plan::peak_headcount(staff))
}

/// Above the rule's threshold, for a profit-making event: R211-22 and L211-11 concern those.
fn above(c: &Checker, rule: &Rule) -> bool {
    c.plan.event.legal().but_lucratif && f64::from(r211_22_people(c.plan)) > rule.parameter("seuil_personnes")
}

fn service_d_ordre(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::ServiceOrdreAbsent) else { return };
    if !above(c, rule) || c.deployments_by(&PRIVATE).next().is_some() {
        return;
    }
    let message = text::compliance_no_service_d_ordre(r211_22_people(c.plan), rule.parameter("seuil_personnes"));
    c.emit(RuleCode::ServiceOrdreAbsent, Draft::new(message, text::COMPLIANCE_FIX_NO_SERVICE_D_ORDRE));
}

/// Not filed yet: before the deadline, when to declare (information); after it, a warning. Filed
/// (`declaration_deposee_le`): nothing, unless it was filed after the deadline (a warning: R211-23
/// allows it only for a motivated urgency).
fn declaration(c: &mut Checker) {
    let due = c.active(RuleCode::DeclarationADeposer).filter(|rule| above(c, rule));
    let late = c.active(RuleCode::DeclarationDelaiDepasse).filter(|rule| above(c, rule));
    let zone = c.plan.event.time_zone();
    let start = local_date(c.plan.event.window().start(), zone);
    let today = local_date(c.context.now, zone);
    if today >= start {
        return;
    }
    let deadline_of = |rule: &Rule| {
        let months = rule.parameter("delai_mois").round() as u32;
        start.checked_sub_months(Months::new(months)).unwrap_or(start)
    };
    let shown = |date: chrono::NaiveDate| date.format("%d/%m/%Y").to_string();
    let people = r211_22_people(c.plan);
    if let Some(filed) = c.plan.event.legal().declaration_deposee_le {
        if let Some(rule) = late {
            let deadline = deadline_of(rule);
            if filed > deadline {
                let message = text::compliance_declaration_filed_late(&shown(filed), &shown(deadline));
                c.emit(
                    RuleCode::DeclarationDelaiDepasse,
                    Draft::new(message, text::COMPLIANCE_FIX_DECLARATION_FILED_LATE),
                );
            }
        }
        return;
    }
    if let Some(rule) = due {
        let deadline = deadline_of(rule);
        if today <= deadline {
            let message = text::compliance_declaration_due(people, rule.parameter("seuil_personnes"), &shown(deadline));
            c.emit(RuleCode::DeclarationADeposer, Draft::new(message, text::COMPLIANCE_FIX_DECLARATION_DUE));
        }
    }
    if let Some(rule) = late {
        let deadline = deadline_of(rule);
        if today > deadline {
            let message =
                text::compliance_declaration_late(people, rule.parameter("seuil_personnes"), &shown(deadline));
            c.emit(RuleCode::DeclarationDelaiDepasse, Draft::new(message, text::COMPLIANCE_FIX_DECLARATION_LATE));
        }
    }
}

/// The first-aid cover the référentiel asks for, against the first-aiders of approved
/// associations present at the weakest moment of the opening.
fn first_aid(c: &mut Checker) {
    if c.active(RuleCode::DpsInsuffisant).is_none() {
        return;
    }
    let Some(sizing) = c.sizing() else { return };
    if sizing.category == DpsCategory::DecisionAutorite {
        return;
    }
    let plan = c.plan;
    let planned = provided(plan).first_aiders.lowest;
    if planned >= sizing.first_aiders {
        return;
    }
    // "point d’alerte et de premiers secours", "DPS de petite envergure": mid-sentence.
    let label = sizing.category.label();
    let tier = if label.starts_with("DPS") { label.to_string() } else { label.to_lowercase() };
    let message = text::compliance_dps(&decimal(sizing.ris), &tier, sizing.first_aiders, planned);
    let draft = Draft::new(message, text::COMPLIANCE_FIX_DPS).deployments(
        plan.deployments
            .iter()
            .filter(|d| c.role(d.participant_id()) == Some(crate::domain::plan::ParticipantRole::Secours))
            .map(|d| d.id()),
    );
    c.emit(RuleCode::DpsInsuffisant, draft);
}

/// The security agents present at the peak (organiser and private security) against the
/// convention's suggestion: the static posts plus one agent per so many spectators.
fn stewards(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::StewardsInsuffisants) else { return };
    let Some(sizing) = c.sizing() else { return };
    let plan = c.plan;
    let planned = provided(plan).stewards.highest;
    if f64::from(planned) >= rule.parameter("part_minimale") * f64::from(sizing.stewards) {
        return;
    }
    let message = text::compliance_stewards(planned, sizing.stewards, plan.posts.len(), sizing.spectators_per_steward);
    let security: Vec<&str> = c.deployments_by(&PRIVATE).map(|d| d.id()).collect();
    let draft = Draft::new(message, text::COMPLIANCE_FIX_STEWARDS).deployments(security);
    c.emit(RuleCode::StewardsInsuffisants, draft);
}
