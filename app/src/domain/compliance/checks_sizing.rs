//! Sizing against the attendance: a service d'ordre above 1,500 people (L211-11), the
//! declaration deadline (R211-22), first-aid cover (référentiel national DPS) and the usual
//! number of security agents.

use chrono::Months;

use super::checker::{lowest_over, peak_over, Checker, PRIVATE};
use super::finding::Draft;
use super::local::{decimal, local_date};
use super::rules::{Rule, RuleCode};
use crate::domain::plan::{Deployment, MissionCategory, ParticipantRole, PublicBehaviour, Qualification};
use crate::text;

pub(super) fn check(c: &mut Checker) {
    service_d_ordre(c);
    declaration(c);
    first_aid(c);
    stewards(c);
}

fn above(c: &Checker, rule: &Rule) -> bool {
    f64::from(c.plan.event.expected_attendance()) > rule.parameter("seuil_personnes")
}

fn service_d_ordre(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::ServiceOrdreAbsent) else { return };
    if !above(c, rule) || c.deployments_by(&PRIVATE).next().is_some() {
        return;
    }
    let message =
        text::compliance_no_service_d_ordre(c.plan.event.expected_attendance(), rule.parameter("seuil_personnes"));
    c.emit(RuleCode::ServiceOrdreAbsent, Draft::new(message, text::COMPLIANCE_FIX_NO_SERVICE_D_ORDRE));
}

/// Before the deadline, when to declare (information); after it, a warning to check that the
/// declaration was made (the plan does not record it yet).
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
    if let Some(rule) = due {
        let deadline = deadline_of(rule);
        if today <= deadline {
            let message = text::compliance_declaration_due(rule.parameter("seuil_personnes"), &shown(deadline));
            c.emit(RuleCode::DeclarationADeposer, Draft::new(message, text::COMPLIANCE_FIX_DECLARATION_DUE));
        }
    }
    if let Some(rule) = late {
        let deadline = deadline_of(rule);
        if today > deadline {
            let message = text::compliance_declaration_late(rule.parameter("seuil_personnes"), &shown(deadline));
            c.emit(RuleCode::DeclarationDelaiDepasse, Draft::new(message, text::COMPLIANCE_FIX_DECLARATION_LATE));
        }
    }
}

/// How many first-aiders a deployment brings: all of it for a first-aid mission or a first-aid
/// participant, else its named agents qualified as secouriste.
fn first_aiders(c: &Checker, d: &Deployment) -> u32 {
    if d.category() == MissionCategory::Secours || c.role(d.participant_id()) == Some(ParticipantRole::Secours) {
        return d.staffed_headcount();
    }
    let qualified = d.agent_ids().iter().filter_map(|id| c.agent(id)).filter(|a| a.holds(Qualification::Secouriste));
    u32::try_from(qualified.count()).unwrap_or(u32::MAX)
}

/// The first-aid cover the référentiel asks for: RIS = (P2 + E1 + E2) × P / 1000.
fn first_aid(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::DpsInsuffisant) else { return };
    let plan = c.plan;
    let event = &plan.event;
    let p2 = rule.parameter(match event.behaviour() {
        PublicBehaviour::Assis => "p2_assis",
        PublicBehaviour::Debout => "p2_debout",
        PublicBehaviour::Dynamique => "p2_dynamique",
    });
    let (e1, e2) = (rule.parameter("e1"), rule.parameter("e2"));
    let attendance = f64::from(event.expected_attendance());
    let cap = rule.parameter("seuil_reduction_public");
    let public = if attendance > cap { cap + (attendance - cap) / 2.0 } else { attendance };
    let ris = (p2 + e1 + e2) * public / 1000.0;
    if ris < rule.parameter("ris_minimum") {
        return;
    }
    let (tier, required) = if ris <= rule.parameter("ris_petite_envergure") {
        (text::COMPLIANCE_TIER_PAPS, rule.parameter("secouristes_paps"))
    } else {
        let tier = if ris <= rule.parameter("ris_moyenne_envergure") {
            text::COMPLIANCE_TIER_SMALL
        } else if ris <= rule.parameter("ris_grande_envergure") {
            text::COMPLIANCE_TIER_MEDIUM
        } else {
            text::COMPLIANCE_TIER_LARGE
        };
        (tier, rule.parameter("secouristes_petite_envergure").max(ris.ceil()))
    };
    let required = required.ceil() as u32;
    let deployments: Vec<(&Deployment, u32)> =
        plan.deployments.iter().map(|d| (d, first_aiders(c, d))).filter(|(_, n)| *n > 0).collect();
    let planned = lowest_over(event.window(), deployments.iter().copied());
    if planned >= required {
        return;
    }
    let message = text::compliance_dps(&decimal(ris), tier, required, planned);
    let draft = Draft::new(message, text::compliance_fix_dps(&decimal(e1), &decimal(e2)))
        .deployments(deployments.iter().map(|(d, _)| d.id()));
    c.emit(RuleCode::DpsInsuffisant, draft);
}

/// The security agents present at the peak (organiser and private security, first-aid
/// missions aside) against the static posts plus one agent per so many spectators.
fn stewards(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::StewardsInsuffisants) else { return };
    let plan = c.plan;
    let event = &plan.event;
    let ratio = rule.parameter(match event.behaviour() {
        PublicBehaviour::Assis => "spectateurs_par_agent_assis",
        PublicBehaviour::Debout => "spectateurs_par_agent_debout",
        PublicBehaviour::Dynamique => "spectateurs_par_agent_dynamique",
    });
    if ratio <= 0.0 {
        return;
    }
    let posts = plan.posts.len();
    let suggested = posts as f64 + (f64::from(event.expected_attendance()) / ratio).ceil();
    let security: Vec<(&Deployment, u32)> = c
        .deployments_by(&PRIVATE)
        .filter(|d| d.category() != MissionCategory::Secours)
        .map(|d| (d, d.staffed_headcount()))
        .collect();
    let planned = peak_over(event.window(), security.iter().copied());
    if f64::from(planned) >= rule.parameter("part_minimale") * suggested {
        return;
    }
    let message = text::compliance_stewards(planned, suggested as u32, posts, ratio);
    let draft = Draft::new(message, text::COMPLIANCE_FIX_STEWARDS).deployments(security.iter().map(|(d, _)| d.id()));
    c.emit(RuleCode::StewardsInsuffisants, draft);
}
