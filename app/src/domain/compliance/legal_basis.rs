//! The legal bases of what private security agents do, decided once: the compliance rules,
//! the shift scheduler and any other door ask here whether pat-downs at a place and time have
//! a basis (CSI L613-2, L613-3, L226-1) and whether a private agent may work on the public road
//! (L613-1 al. 2, L226-1). See `docs/compliance.md` and `docs/legal-references.md`.

use super::rules::{RuleCode, RuleSet};
use crate::domain::plan::{MissionCategory, OrderKind, Plan, TimeWindow};
use crate::text;

/// What is missing for pat-downs by private agents at `zone_id` during `window`, in words
/// (joined with commas), or `Ok` when an L613-2 order or an L226-1 perimeter covers that place
/// and time, or when the zone gives access to an enclosed venue of more than the rule's
/// threshold of spectators (300) and the pat-downs are under an OPJ's control (L613-3).
pub fn pat_down_basis(plan: &Plan, rules: &RuleSet, zone_id: &str, window: &TimeWindow) -> Result<(), String> {
    let event = &plan.event;
    let legal = event.legal();
    let ordered = [OrderKind::PalpationL613_2, OrderKind::PerimetreL226_1]
        .into_iter()
        .any(|kind| legal.covering(kind, zone_id, window).is_some());
    if ordered {
        return Ok(());
    }
    enclosed_venue_basis(plan, rules, zone_id)
}

/// What is missing for L613-3's pat-downs at `zone_id`, in words (joined with commas): the zone
/// gives access to an enclosed venue, the event gathers more than the rule's threshold of
/// spectators (300), and the pat-downs are under an OPJ's control. The only basis on which the
/// organiser's volunteers (service d'ordre, with the agrément) may pat down.
pub fn enclosed_venue_basis(plan: &Plan, rules: &RuleSet, zone_id: &str) -> Result<(), String> {
    let event = &plan.event;
    let legal = event.legal();
    let threshold = rules.rule(RuleCode::PalpationSansBaseLegale).parameter("seuil_spectateurs");
    let mut missing = Vec::new();
    if !plan.zone(zone_id).is_some_and(|z| z.acces_enceinte()) {
        missing.push(text::COMPLIANCE_L613_3_NOT_ENCLOSED.to_string());
    }
    if f64::from(event.expected_attendance()) <= threshold {
        missing.push(text::compliance_l613_3_too_few(event.expected_attendance(), threshold));
    }
    if !legal.palpations_sous_controle_opj {
        missing.push(text::COMPLIANCE_L613_3_NO_OPJ.to_string());
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join(", "))
    }
}

/// Whether a private security agent may work somewhere, for a mission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoadVerdict {
    /// Off the public road, inside an L226-1 perimeter (assisting the judicial police), or an
    /// authorised surveillance (L613-1 al. 2).
    Allowed,
    /// On the public road without an L613-1 authorisation covering the place and time.
    NoAuthorisation,
    /// Authorised on the public road, but for a mission the authorisation does not cover
    /// (filtering, traffic, intervention, vehicle searches).
    MissionNotCovered,
}

/// What L613-1 al. 2 lets an authorised private agent do on the public road: watch the goods
/// guarded, even on the move (first aid is no security mission and is not limited here).
fn covered_by_l613_1(category: MissionCategory) -> bool {
    matches!(category, MissionCategory::Surveillance | MissionCategory::Patrouille | MissionCategory::Secours)
}

/// Whether a private security agent may do `category` at `zone_id` during `window`.
pub fn private_road_verdict(plan: &Plan, zone_id: &str, window: &TimeWindow, category: MissionCategory) -> RoadVerdict {
    if !plan.zone(zone_id).is_some_and(|z| z.public_road()) {
        return RoadVerdict::Allowed;
    }
    let legal = plan.event.legal();
    if legal.covering(OrderKind::PerimetreL226_1, zone_id, window).is_some() {
        return RoadVerdict::Allowed;
    }
    match legal.covering(OrderKind::VoiePubliqueL613_1, zone_id, window) {
        None => RoadVerdict::NoAuthorisation,
        Some(_) if covered_by_l613_1(category) => RoadVerdict::Allowed,
        Some(_) => RoadVerdict::MissionNotCovered,
    }
}
