//! "Proposer un planning" on the Fête de la Saint-Jean (compliance fixtures): an entrance that
//! needs two pat-down agents, one woman and one man, 18:00–23:00, and the company's two agents.

use std::collections::BTreeSet;

use super::*;
use crate::domain::compliance::fixtures::{
    deployment_draft, evening, id, june, Edit, COMMAND_POST, COMPANY, ENTRANCE, FILTERING, KARIM, MUNICIPAL, NADIA,
    ORGANISER, PAT_DOWN_NEED,
};
use crate::domain::compliance::RuleSet;
use crate::domain::schedule::{check, solve, steps};

/// The plan without the company's filtering deployment: the entrance is left to schedule.
fn unstaffed() -> Edit {
    Edit::compliant().remove_deployment(FILTERING)
}

fn proposal_for(plan: &Plan) -> (Prepared, Proposal) {
    let prepared = prepare(plan, &RuleSet::defaults(), &id(COMPANY), WorkingTimeProfile::default()).unwrap();
    let solution = solve(&prepared.instance, 1, &mut steps(10_000));
    assert!(check(&prepared.instance, &solution).is_feasible());
    let proposal = propose(plan, &prepared, &solution);
    (prepared, proposal)
}

fn accept(plan: &Plan, proposal: &Proposal, agents: &[u32]) -> Accepted {
    let accepted: BTreeSet<String> = agents.iter().map(|&a| id(a)).collect();
    let mut n = 900;
    apply(plan, proposal, &accepted, || {
        n += 1;
        id(n)
    })
    .unwrap()
}

#[test]
fn the_company_s_two_agents_are_proposed_at_the_entrance_for_the_whole_evening() {
    let plan = unstaffed().0;
    let (prepared, proposal) = proposal_for(&plan);
    assert_eq!(prepared.instance.needs.len(), 1);
    assert_eq!(prepared.instance.needs[0].min_headcount, 2);
    assert_eq!((prepared.instance.needs[0].min_women, prepared.instance.needs[0].min_men), (1, 1));
    assert_eq!(
        proposal.deployments,
        vec![ProposedDeployment {
            zone_id: id(ENTRANCE),
            post_id: None,
            window: evening(),
            category: MissionCategory::Filtrage,
            agent_ids: vec![id(NADIA), id(KARIM)].into_iter().collect::<BTreeSet<_>>().into_iter().collect(),
        }]
    );
    assert!(proposal.agents.iter().all(|a| a.kind == AgentChangeKind::Added));
    assert_eq!(proposal.changed(), 2);
    assert!(proposal.gaps.is_empty());
    assert_eq!((proposal.covered_minutes, proposal.required_minutes), (600, 600));
}

#[test]
fn accepting_the_proposal_creates_one_deployment_naming_both_agents_and_closes_the_gap() {
    let mut plan = unstaffed().0;
    let (_, proposal) = proposal_for(&plan);
    let accepted = accept(&plan, &proposal, &[NADIA, KARIM]);
    assert!(accepted.update.is_empty() && accepted.delete.is_empty());
    assert_eq!(accepted.create.len(), 1);
    assert_eq!(accepted.create[0].participant_id(), id(COMPANY));
    plan.deployments.extend(accepted.create);
    let report = plan.coverage();
    assert!(report.gaps.is_empty(), "{:?}", report.gaps);
    assert!(report.sex_gaps.is_empty(), "{:?}", report.sex_gaps);
}

#[test]
fn accepting_one_agent_only_leaves_the_other_as_he_was() {
    let plan = unstaffed().0;
    let (_, proposal) = proposal_for(&plan);
    let accepted = accept(&plan, &proposal, &[KARIM]);
    assert_eq!(accepted.create.len(), 1);
    assert_eq!(accepted.create[0].agent_ids(), &[id(KARIM)]);
}

#[test]
fn an_agent_whose_sex_is_not_recorded_is_never_proposed_for_pat_downs() {
    let plan = unstaffed().agent(NADIA, |a| a.sex = None).0;
    let (_, proposal) = proposal_for(&plan);
    assert!(proposal.deployments.iter().all(|d| !d.agent_ids.contains(&id(NADIA))));
    assert_eq!(proposal.gaps.len(), 1);
    assert_eq!(proposal.gaps[0].need_id, id(PAT_DOWN_NEED));
}

#[test]
fn agents_already_covering_the_need_by_name_are_left_unchanged() {
    // The company names both agents and states no more than it names.
    let plan = Edit::compliant().deployment(FILTERING, |d| d.headcount = 2).0;
    let (prepared, proposal) = proposal_for(&plan);
    assert_eq!(prepared.replaceable(), &[id(FILTERING)]);
    assert!(proposal.agents.iter().all(|a| a.kind == AgentChangeKind::Unchanged), "{:?}", proposal.agents);
    let accepted = accept(&plan, &proposal, &[NADIA, KARIM]);
    assert_eq!(accepted, Accepted { create: vec![], update: vec![], delete: vec![] });
}

#[test]
fn a_deployment_stating_more_agents_than_it_names_counts_as_given() {
    // The compliant plan: 4 agents at the entrance, two of them named.
    let plan = Edit::compliant().0;
    let prepared = prepare(&plan, &RuleSet::defaults(), &id(COMPANY), WorkingTimeProfile::default()).unwrap();
    assert!(prepared.replaceable().is_empty());
    assert!(prepared.instance.needs.is_empty(), "the need is met: {:?}", prepared.instance.needs);
}

#[test]
fn an_agent_busy_at_the_command_post_is_not_proposed_then() {
    use MissionCategory::Pc;
    let plan = unstaffed().add_deployment(deployment_draft(400, COMPANY, COMMAND_POST, evening(), 0, &[KARIM], Pc)).0;
    let (prepared, proposal) = proposal_for(&plan);
    let karim = prepared.instance.agents.iter().find(|a| a.id == id(KARIM)).unwrap();
    assert!(karim.availability.iter().all(|w| !w.overlaps(&evening())));
    assert!(proposal.deployments.iter().all(|d| !d.agent_ids.contains(&id(KARIM))));
}

#[test]
fn moving_an_agent_to_the_entrance_takes_him_off_his_old_deployment() {
    // Karim was put at the entrance only from 21:00; the need starts at 18:00.
    let late = june((20, 21, 0), (20, 23, 0));
    let plan = unstaffed()
        .add_deployment(deployment_draft(401, COMPANY, ENTRANCE, late, 0, &[KARIM], MissionCategory::Filtrage))
        .0;
    let (prepared, proposal) = proposal_for(&plan);
    assert_eq!(prepared.replaceable(), &[id(401)]);
    let karim = proposal.agents.iter().find(|a| a.agent_id == id(KARIM)).unwrap();
    assert_eq!(karim.kind, AgentChangeKind::Moved);
    assert_eq!(karim.after[0].window, evening());
    let accepted = accept(&plan, &proposal, &[KARIM, NADIA]);
    assert_eq!(accepted.delete, vec![id(401)]);
}

#[test]
fn only_security_companies_and_municipal_police_get_proposals() {
    let plan = Edit::compliant().0;
    assert_eq!(
        prepare(&plan, &RuleSet::defaults(), &id(ORGANISER), WorkingTimeProfile::default()).unwrap_err(),
        ProposalError::NotSchedulable
    );
    assert_eq!(
        prepare(&plan, &RuleSet::defaults(), &id(MUNICIPAL), WorkingTimeProfile::default()).unwrap_err(),
        ProposalError::NoAgents
    );
    assert_eq!(
        prepare(&plan, &RuleSet::defaults(), &id(999), WorkingTimeProfile::default()).unwrap_err(),
        ProposalError::UnknownParticipant
    );
}

#[test]
fn a_municipal_polices_officers_are_scheduled_under_the_public_services_limits_and_a_companys_under_the_agreement() {
    let plan = Edit::compliant().0;
    let rules = RuleSet::defaults();
    let municipal = profile_for(&plan, &rules, &id(MUNICIPAL)).unwrap();
    assert_eq!(
        (municipal.max_daily_minutes, municipal.min_rest_minutes, municipal.max_amplitude_minutes),
        (600, 660, Some(720))
    );
    assert_eq!((municipal.min_shift_minutes, municipal.long_rest_minutes), (0, 35 * 60));
    let company = profile_for(&plan, &rules, &id(COMPANY)).unwrap();
    assert_eq!(company, WorkingTimeProfile::from_rules(&rules));
    assert_eq!((company.max_daily_minutes, company.max_amplitude_minutes), (720, None));
    assert_eq!(profile_for(&plan, &rules, &id(ORGANISER)).unwrap_err(), ProposalError::NotSchedulable);
}

#[test]
fn the_scheduler_offers_no_pat_downs_where_the_compliance_rules_see_no_legal_basis() {
    // The same plan, its entrance no longer giving access to an enclosed venue: no L613-3
    // basis, no order. The proposal must agree with `palpation_sans_base_legale`.
    let plan = unstaffed().zone(ENTRANCE, |z| z.acces_enceinte = false).0;
    let prepared = prepare(&plan, &RuleSet::defaults(), &id(COMPANY), WorkingTimeProfile::default()).unwrap();
    let pat_downs: Vec<&ScheduleNeed> = prepared.instance.needs.iter().filter(|n| n.is_pat_down()).collect();
    assert!(!pat_downs.is_empty());
    assert!(pat_downs.iter().all(|n| !n.pat_downs_allowed));
    let solution = solve(&prepared.instance, 1, &mut steps(10_000));
    assert!(solution.shifts.iter().all(|s| !pat_downs.iter().any(|n| n.id == s.need)), "no pat-down shift proposed");

    // With a prefect's order for the entrance, the same need has a basis.
    let ordered = Edit(plan).with_order(crate::domain::compliance::fixtures::order_in(
        crate::domain::plan::OrderKind::PalpationL613_2,
        &[ENTRANCE],
        None,
    ));
    let prepared = prepare(&ordered.0, &RuleSet::defaults(), &id(COMPANY), WorkingTimeProfile::default()).unwrap();
    assert!(prepared.instance.needs.iter().filter(|n| n.is_pat_down()).all(|n| n.pat_downs_allowed));
}

#[test]
fn the_scheduler_reads_the_departments_working_time_rules() {
    use crate::domain::compliance::{RuleCode, RuleOverride, RuleSettings};
    let settings = RuleSettings {
        department: Some("13".into()),
        overrides: vec![RuleOverride {
            rule: RuleCode::TempsTravailJournalier,
            enabled: None,
            severity: None,
            parameters: [("max_heures".to_string(), 10.0)].into(),
            reason: "Arrêté préfectoral local".into(),
        }],
    };
    let rules = RuleSet::with_settings(&settings).unwrap();
    let profile = WorkingTimeProfile::from_rules(&rules);
    assert_eq!((profile.max_daily_minutes, profile.max_shift_minutes), (600, 600));
    // The national rules are the agreement's profile, with the 2 h break of CCN art. 7.12.
    assert_eq!(
        WorkingTimeProfile::from_rules(&RuleSet::defaults()),
        WorkingTimeProfile { max_unpaid_break_minutes: 120, ..WorkingTimeProfile::default() }
    );
}
