//! Who may do what where (CSI): private agents on the public road (L613-1), pat-downs
//! (L613-2 order, L613-3 enclosed venue, L226-1 perimeter), vehicle searches (L226-1, code de
//! procédure pénale), municipal police at night without a coordination convention (L512-6)
//! and outside their commune (L512-1 to L512-3). Orders count only where and when they apply.

use super::checker::{Checker, Standing};
use super::finding::Draft;
use super::legal_basis::{enclosed_venue_basis, pat_down_basis, private_road_verdict, RoadVerdict};
use super::local::{date_time, night_overlap};
use super::rules::RuleCode;
use crate::domain::plan::{
    Deployment, MissionCategory, Need, OrderKind, Participant, ParticipantRole, PrefectOrder, Qualification, Sex,
};
use crate::text;

pub(super) fn check(c: &mut Checker) {
    public_road(c);
    pat_downs_without_basis(c);
    pat_downs_by_volunteers(c);
    pat_downs_by_unqualified_agents(c);
    pat_downs_without_both_sexes(c);
    vehicle_searches(c);
    municipal_police_at_night(c);
    municipal_police_of_another_commune(c);
}

fn public_road(c: &mut Checker) {
    if c.active(RuleCode::VoiePubliqueSansAutorisation).is_none()
        && c.active(RuleCode::VoiePubliqueMissionHorsAutorisation).is_none()
    {
        return;
    }
    let plan = c.plan;
    for d in &plan.deployments {
        if c.standing(d.participant_id()) != Standing::SecurityAgents {
            continue;
        }
        let (participant, zone) = (c.participant_name(d.participant_id()), c.zone_name(d.zone_id()));
        let (code, draft) = match private_road_verdict(plan, d.zone_id(), &d.window(), d.category()) {
            RoadVerdict::Allowed => continue,
            RoadVerdict::NoAuthorisation => (
                RuleCode::VoiePubliqueSansAutorisation,
                Draft::new(text::compliance_public_road(participant, zone), text::COMPLIANCE_FIX_PUBLIC_ROAD),
            ),
            RoadVerdict::MissionNotCovered => (
                RuleCode::VoiePubliqueMissionHorsAutorisation,
                Draft::new(
                    text::compliance_public_road_mission(participant, zone, d.category().label()),
                    text::COMPLIANCE_FIX_PUBLIC_ROAD_MISSION,
                ),
            ),
        };
        if c.active(code).is_some() {
            c.emit(code, draft.zones([d.zone_id()]).deployments([d.id()]).participants([d.participant_id()]));
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

/// Pat-downs with no legal basis for who does them: security agents need an L613-2 order, an
/// L226-1 perimeter or L613-3's enclosed venue; the organiser's volunteers only L613-3's
/// enclosed venue (the orders and the perimeter open pat-downs to security agents, L613-2 and
/// L226-1 al. 4); a first-aid association or any other participant none at all.
fn pat_downs_without_basis(c: &mut Checker) {
    if c.active(RuleCode::PalpationSansBaseLegale).is_none() {
        return;
    }
    for d in pat_down_deployments(c) {
        let (participant, zone) = (c.participant_name(d.participant_id()), c.zone_name(d.zone_id()));
        let (message, fix) = match c.standing(d.participant_id()) {
            Standing::Public => continue,
            Standing::SecurityAgents => {
                let Err(missing) = pat_down_basis(c.plan, c.rules(), d.zone_id(), &d.window()) else { continue };
                (
                    text::compliance_pat_down_no_basis(participant, zone, &missing),
                    text::COMPLIANCE_FIX_PAT_DOWN_NO_BASIS,
                )
            }
            Standing::Volunteers => {
                let Err(missing) = enclosed_venue_basis(c.plan, c.rules(), d.zone_id()) else { continue };
                (
                    text::compliance_pat_down_volunteers_no_basis(participant, zone, &missing),
                    text::COMPLIANCE_FIX_PAT_DOWN_VOLUNTEERS_NO_BASIS,
                )
            }
            Standing::NoSecurityPower => {
                (text::compliance_pat_down_no_power(participant, zone), text::COMPLIANCE_FIX_PAT_DOWN_NO_POWER)
            }
        };
        let draft =
            Draft::new(message, fix).zones([d.zone_id()]).deployments([d.id()]).participants([d.participant_id()]);
        c.emit(RuleCode::PalpationSansBaseLegale, draft);
    }
}

/// The organiser's volunteers or stewards (no in-house security service) may pat down only
/// at the entrance of an enclosed venue, each with the L613-3 agrément; people not named
/// cannot be shown to hold it.
fn pat_downs_by_volunteers(c: &mut Checker) {
    if c.active(RuleCode::PalpationBenevoleSansAgrement).is_none() {
        return;
    }
    for d in pat_down_deployments(c) {
        let Some(p) = c.participant(d.participant_id()) else { continue };
        if Standing::of(p) != Standing::Volunteers {
            continue;
        }
        let named: Vec<_> = d.agent_ids().iter().filter_map(|id| c.agent(id)).collect();
        let without: Vec<_> = named.iter().filter(|a| !a.holds(Qualification::AgrementL613_3)).collect();
        let unnamed = d.staffed_headcount().saturating_sub(u32::try_from(named.len()).unwrap_or(u32::MAX));
        if without.is_empty() && unnamed == 0 {
            continue;
        }
        let mut people: Vec<String> = without.iter().map(|a| a.display_name().to_string()).collect();
        if unnamed > 0 {
            people.push(text::compliance_unnamed(unnamed));
        }
        let message = text::compliance_pat_down_volunteers(p.name(), c.zone_name(d.zone_id()), &people.join(", "));
        let draft = Draft::new(message, text::COMPLIANCE_FIX_PAT_DOWN_VOLUNTEERS)
            .zones([d.zone_id()])
            .deployments([d.id()])
            .participants([d.participant_id()])
            .agents(without.iter().map(|a| a.id()));
        c.emit(RuleCode::PalpationBenevoleSansAgrement, draft);
    }
}

fn pat_downs_by_unqualified_agents(c: &mut Checker) {
    if c.active(RuleCode::PalpationAgentNonQualifie).is_none() {
        return;
    }
    for d in pat_down_deployments(c) {
        if c.standing(d.participant_id()) != Standing::SecurityAgents {
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
    // Each pat-down need's deployments, in the plan's order (looked up once per deployment).
    let mut at: std::collections::BTreeMap<&str, Vec<&Deployment>> = std::collections::BTreeMap::new();
    for d in pat_down_deployments(c) {
        for need in pat_down_needs(c, d) {
            at.entry(need.id()).or_default().push(d);
        }
    }
    for need in plan.needs.iter().filter(|n| n.qualification() == Some(Qualification::Palpation)) {
        let Some(at_need) = at.get(need.id()) else { continue };
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

/// Vehicle searches: the State forces' (judicial police officers and agents), inside a
/// protection perimeter (L226-1) or under the code de procédure pénale; a private agent or an
/// organiser never searches one, and the municipal police is not named for it either (the
/// reading kept until the current text of L226-1 is checked: docs/legal-references.md).
fn vehicle_searches(c: &mut Checker) {
    if c.active(RuleCode::FouilleVehiculeHorsForcesEtat).is_none() {
        return;
    }
    let plan = c.plan;
    for d in plan.deployments.iter().filter(|d| d.category() == MissionCategory::FouilleVehicules) {
        let (participant, zone) = (c.participant_name(d.participant_id()), c.zone_name(d.zone_id()));
        let message = match c.role(d.participant_id()) {
            Some(ParticipantRole::ForceEtat) => continue,
            Some(ParticipantRole::PoliceMunicipale) => text::compliance_vehicle_search_municipal(participant, zone),
            _ => text::compliance_vehicle_search_private(participant, zone),
        };
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
    // L512-6: without a convention, 06:00–23:00, except the surveillance of ceremonies, fêtes
    // and festivities the commune organises.
    // A coordination convention counts whether the organiser ticked it or the department's
    // registry holds one of the commune in force for the deployment.
    let legal = c.plan.event.legal();
    if legal.convention_coordination_en_vigueur || legal.organisee_par_la_commune {
        return;
    }
    let commune = c.plan.event.commune().as_str();
    let (from, to) = (minutes_of(rule.parameter("debut_nuit_heure")), minutes_of(rule.parameter("fin_nuit_heure")));
    let zone = c.plan.event.time_zone();
    for d in c.deployments_by(&[ParticipantRole::PoliceMunicipale]).collect::<Vec<_>>() {
        if c.context.conventions_in_force.iter().any(|cv| cv.coordinates(commune, &d.window())) {
            continue;
        }
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

/// An L512-3 order lets the maires of « communes limitrophes ou appartenant à une même
/// agglomération » use their municipal police in common, « exclusivement en matière de police
/// administrative ». Cordon has no list of neighbouring communes: when the two communes are not
/// in the same intercommunality, it asks the instructor to check that the order says so
/// (information, never a block: neighbouring communes of two intercommunalities are lawful).
/// Administrative police only: the one judicial-police mission Cordon knows, vehicle searches,
/// is already refused to municipal police (`fouille_vehicule_hors_forces_etat`).
fn l512_3_conditions(c: &mut Checker, p: &Participant, order: &str, lending: &str) {
    if c.active(RuleCode::PoliceMunicipaleL512_3Conditions).is_none() {
        return;
    }
    let event = &c.plan.event;
    let epci = |code: &str| c.context.intercommunalities.get(code).cloned();
    let (theirs, ours) = (epci(lending), epci(event.commune().as_str()));
    if theirs.is_some() && theirs == ours {
        return;
    }
    let deployments: Vec<&Deployment> = c.plan.deployments.iter().filter(|d| d.participant_id() == p.id()).collect();
    let message = text::compliance_l512_3_conditions(
        p.name(),
        order,
        lending,
        theirs.as_deref(),
        event.commune_name(),
        ours.as_deref(),
    );
    let draft = Draft::new(message, text::COMPLIANCE_FIX_L512_3_CONDITIONS)
        .zones(deployments.iter().map(|d| d.zone_id()))
        .deployments(deployments.iter().map(|d| d.id()))
        .participants([p.id()]);
    c.emit(RuleCode::PoliceMunicipaleL512_3Conditions, draft);
}

fn municipal_police_of_another_commune(c: &mut Checker) {
    if c.active(RuleCode::PoliceMunicipaleAutreCommuneSansArrete).is_none() {
        return;
    }
    let plan = c.plan;
    let event = &plan.event;
    for p in plan.participants.iter().filter(|p| p.role() == ParticipantRole::PoliceMunicipale) {
        let Some(commune) = p.commune().filter(|commune| *commune != event.commune()) else { continue };
        // Pooled (L512-1) or intercommunal (L512-2) officers need no order.
        if p.cadre_intercommunal().is_some() {
            continue;
        }
        if let Some(order) = p.arrete_l512_3() {
            l512_3_conditions(c, p, order, commune.as_str());
            continue;
        }
        // An L512-3 order of the event's list covers the deployments inside its validity and
        // zones (« pour un délai déterminé »); the others have no basis.
        let deployments: Vec<&Deployment> = plan.deployments.iter().filter(|d| d.participant_id() == p.id()).collect();
        let orders: Vec<&PrefectOrder> = event.legal().orders_of(OrderKind::PoliceMunicipaleL512_3).collect();
        if let Some(first) = orders.first() {
            let covering =
                |d: &Deployment| event.legal().covering(OrderKind::PoliceMunicipaleL512_3, d.zone_id(), &d.window());
            let uncovered: Vec<&Deployment> = deployments.iter().copied().filter(|d| covering(d).is_none()).collect();
            let order = deployments.iter().find_map(|d| covering(d)).unwrap_or(first);
            l512_3_conditions(c, p, &order.citation(), commune.as_str());
            if uncovered.is_empty() {
                continue;
            }
            let message = text::compliance_municipal_outside_order(p.name(), commune.as_str(), &order.citation());
            let draft = Draft::new(message, text::COMPLIANCE_FIX_MUNICIPAL_OTHER_COMMUNE)
                .zones(uncovered.iter().map(|d| d.zone_id()))
                .deployments(uncovered.iter().map(|d| d.id()))
                .participants([p.id()]);
            c.emit(RuleCode::PoliceMunicipaleAutreCommuneSansArrete, draft);
            continue;
        }
        let message = text::compliance_municipal_other_commune(p.name(), commune.as_str(), event.commune_name());
        let draft = Draft::new(message, text::COMPLIANCE_FIX_MUNICIPAL_OTHER_COMMUNE)
            .zones(deployments.iter().map(|d| d.zone_id()))
            .deployments(deployments.iter().map(|d| d.id()))
            .participants([p.id()]);
        c.emit(RuleCode::PoliceMunicipaleAutreCommuneSansArrete, draft);
    }
}
