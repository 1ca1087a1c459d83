//! Who may do what where (CSI): private agents on the public road (L613-1), pat-downs
//! (L613-2, L613-3), vehicle searches in a protection perimeter (L226-1), municipal police at
//! night without a coordination convention (L512-4 to L512-7) and outside their commune
//! without an order (L512-3).

use super::checker::{Checker, PRIVATE};
use super::finding::Draft;
use super::local::{date_time, night_overlap};
use super::rules::RuleCode;
use crate::domain::plan::{Deployment, MissionCategory, Need, ParticipantRole, Qualification, Sex};
use crate::text;

pub(super) fn check(c: &mut Checker) {
    public_road(c);
    pat_downs_without_basis(c);
    pat_downs_by_unqualified_agents(c);
    pat_downs_without_both_sexes(c);
    vehicle_searches(c);
    municipal_police_at_night(c);
    municipal_police_of_another_commune(c);
}

fn public_road(c: &mut Checker) {
    if c.active(RuleCode::VoiePubliqueSansAutorisation).is_none()
        || c.plan.event.legal().autorisation_voie_publique_l613_1
    {
        return;
    }
    for d in c.deployments_by(&[ParticipantRole::SecuritePrivee]).collect::<Vec<_>>() {
        if c.zone(d.zone_id()).is_some_and(|z| z.public_road()) {
            let message =
                text::compliance_public_road(c.participant_name(d.participant_id()), c.zone_name(d.zone_id()));
            let draft = Draft::new(message, text::COMPLIANCE_FIX_PUBLIC_ROAD)
                .zones([d.zone_id()])
                .deployments([d.id()])
                .participants([d.participant_id()]);
            c.emit(RuleCode::VoiePubliqueSansAutorisation, draft);
        }
    }
}

/// The needs requiring pat-downs that a deployment works at: same zone, the same post if
/// the need names one, overlapping windows.
fn pat_down_needs<'a>(c: &Checker<'a>, d: &Deployment) -> Vec<&'a Need> {
    c.plan
        .needs
        .iter()
        .filter(|n| n.qualification() == Some(Qualification::Palpation) && n.zone_id() == d.zone_id())
        .filter(|n| n.post_id().is_none() || n.post_id() == d.post_id())
        .filter(|n| n.window().overlaps(&d.window()))
        .collect()
}

/// Filtering deployments at a point where the plan needs pat-downs.
fn pat_down_deployments<'a>(c: &Checker<'a>) -> Vec<&'a Deployment> {
    c.plan
        .deployments
        .iter()
        .filter(|d| d.category() == MissionCategory::Filtrage && !pat_down_needs(c, d).is_empty())
        .collect()
}

fn pat_downs_without_basis(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::PalpationSansBaseLegale) else { return };
    let plan = c.plan;
    let event = &plan.event;
    let threshold = rule.parameter("seuil_spectateurs");
    let legal = event.legal();
    if f64::from(event.expected_attendance()) > threshold || legal.arrete_palpation_l613_2 || legal.perimetre_l226_1 {
        return;
    }
    for d in pat_down_deployments(c) {
        if c.role(d.participant_id()).is_some_and(|r| PRIVATE.contains(&r)) {
            let message = text::compliance_pat_down_no_basis(
                c.participant_name(d.participant_id()),
                c.zone_name(d.zone_id()),
                event.expected_attendance(),
                threshold,
            );
            let draft = Draft::new(message, text::COMPLIANCE_FIX_PAT_DOWN_NO_BASIS)
                .zones([d.zone_id()])
                .deployments([d.id()])
                .participants([d.participant_id()]);
            c.emit(RuleCode::PalpationSansBaseLegale, draft);
        }
    }
}

fn pat_downs_by_unqualified_agents(c: &mut Checker) {
    if c.active(RuleCode::PalpationAgentNonQualifie).is_none() {
        return;
    }
    for d in pat_down_deployments(c) {
        if !c.role(d.participant_id()).is_some_and(|r| PRIVATE.contains(&r)) {
            continue;
        }
        let unqualified: Vec<_> =
            d.agent_ids().iter().filter_map(|id| c.agent(id)).filter(|a| !a.holds(Qualification::Palpation)).collect();
        if unqualified.is_empty() {
            continue;
        }
        let names: Vec<&str> = unqualified.iter().map(|a| a.display_name()).collect();
        let message = text::compliance_pat_down_unqualified(c.zone_name(d.zone_id()), &names.join(", "));
        let draft = Draft::new(message, text::COMPLIANCE_FIX_PAT_DOWN_UNQUALIFIED)
            .zones([d.zone_id()])
            .deployments([d.id()])
            .participants([d.participant_id()])
            .agents(unqualified.iter().map(|a| a.id()));
        c.emit(RuleCode::PalpationAgentNonQualifie, draft);
    }
}

/// For each pat-down need with deployments at it, at least one woman and one man must be
/// named among them: the public is assumed mixed.
fn pat_downs_without_both_sexes(c: &mut Checker) {
    if c.active(RuleCode::PalpationSansMixite).is_none() {
        return;
    }
    let plan = c.plan;
    let deployments = pat_down_deployments(c);
    for need in plan.needs.iter().filter(|n| n.qualification() == Some(Qualification::Palpation)) {
        let at_need: Vec<&Deployment> =
            deployments.iter().copied().filter(|d| pat_down_needs(c, d).iter().any(|n| n.id() == need.id())).collect();
        if at_need.is_empty() {
            continue;
        }
        let sexes: Vec<Sex> =
            at_need.iter().flat_map(|d| d.agent_ids()).filter_map(|id| c.agent(id)).filter_map(|a| a.sex()).collect();
        let missing = match (sexes.contains(&Sex::Femme), sexes.contains(&Sex::Homme)) {
            (true, true) => continue,
            (false, true) => text::COMPLIANCE_NO_WOMAN,
            (true, false) => text::COMPLIANCE_NO_MAN,
            (false, false) => text::COMPLIANCE_NO_ONE_NAMED,
        };
        let message = text::compliance_pat_down_sexes(c.zone_name(need.zone_id()), missing);
        let draft = Draft::new(message, text::COMPLIANCE_FIX_PAT_DOWN_SEXES)
            .zones([need.zone_id()])
            .deployments(at_need.iter().map(|d| d.id()))
            .participants(at_need.iter().map(|d| d.participant_id()));
        c.emit(RuleCode::PalpationSansMixite, draft);
    }
}

fn vehicle_searches(c: &mut Checker) {
    if c.active(RuleCode::FouilleVehiculeHorsForcesEtat).is_none() || !c.plan.event.legal().perimetre_l226_1 {
        return;
    }
    let plan = c.plan;
    for d in plan.deployments.iter().filter(|d| d.category() == MissionCategory::FouilleVehicules) {
        if c.role(d.participant_id()) == Some(ParticipantRole::ForceEtat) {
            continue;
        }
        let message = text::compliance_vehicle_search(c.participant_name(d.participant_id()), c.zone_name(d.zone_id()));
        let draft = Draft::new(message, text::COMPLIANCE_FIX_VEHICLE_SEARCH)
            .zones([d.zone_id()])
            .deployments([d.id()])
            .participants([d.participant_id()]);
        c.emit(RuleCode::FouilleVehiculeHorsForcesEtat, draft);
    }
}

/// Minutes after midnight of an hour parameter (23 → 1380; 6.5 → 390).
fn minutes_of(hour: f64) -> u32 {
    // Hours are checked to lie in 0..=24 when settings are applied.
    (hour.clamp(0.0, 24.0) * 60.0).round() as u32
}

/// "23:00" for 1380 minutes.
fn clock(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

fn municipal_police_at_night(c: &mut Checker) {
    let Some(rule) = c.active(RuleCode::PoliceMunicipaleNuitSansConvention) else { return };
    if c.plan.event.legal().convention_coordination_en_vigueur {
        return;
    }
    let (from, to) = (minutes_of(rule.parameter("debut_nuit_heure")), minutes_of(rule.parameter("fin_nuit_heure")));
    let zone = c.plan.event.time_zone();
    for d in c.deployments_by(&[ParticipantRole::PoliceMunicipale]).collect::<Vec<_>>() {
        let Some(night) = night_overlap(d.window(), from, to, zone) else { continue };
        let message = text::compliance_municipal_night(
            c.participant_name(d.participant_id()),
            c.zone_name(d.zone_id()),
            &date_time(night.start(), zone),
            &date_time(night.end(), zone),
        );
        let draft = Draft::new(message, text::compliance_fix_municipal_night(&clock(from), &clock(to)))
            .zones([d.zone_id()])
            .deployments([d.id()])
            .participants([d.participant_id()]);
        c.emit(RuleCode::PoliceMunicipaleNuitSansConvention, draft);
    }
}

fn municipal_police_of_another_commune(c: &mut Checker) {
    if c.active(RuleCode::PoliceMunicipaleAutreCommuneSansArrete).is_none() {
        return;
    }
    let plan = c.plan;
    let event = &plan.event;
    for p in plan.participants.iter().filter(|p| p.role() == ParticipantRole::PoliceMunicipale) {
        let Some(commune) = p.commune().filter(|commune| *commune != event.commune()) else { continue };
        if p.arrete_l512_3().is_some() {
            continue;
        }
        let deployments: Vec<&Deployment> = plan.deployments.iter().filter(|d| d.participant_id() == p.id()).collect();
        let message = text::compliance_municipal_other_commune(p.name(), commune.as_str(), event.commune_name());
        let draft = Draft::new(message, text::COMPLIANCE_FIX_MUNICIPAL_OTHER_COMMUNE)
            .zones(deployments.iter().map(|d| d.zone_id()))
            .deployments(deployments.iter().map(|d| d.id()))
            .participants([p.id()]);
        c.emit(RuleCode::PoliceMunicipaleAutreCommuneSansArrete, draft);
    }
}
