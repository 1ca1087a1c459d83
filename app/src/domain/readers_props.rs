//! Property test of every output a reader receives, for every kind of reader: on random
//! synthetic plans (several companies, restricted police deployments, carded agents), the
//! plan file, the release history, the compliance findings, the calendar feeds and the
//! convention document never carry a restricted deployment to a reader who may not read it,
//! another company's agent's name to a reader who may not know it, nor a card number to
//! anyone but the agent's company and the prefecture.

use proptest::prelude::*;

use crate::domain::compliance::{check_plan, findings_as_read_by, ComplianceContext, RuleSet};
use crate::domain::document::{build_convention, ConventionInputs};
use crate::domain::ical::{render_feed, FeedOptions, FeedScope};
use crate::domain::interchange::export_plan;
use crate::domain::plan::{
    synthetic_plan, AgentDetail, AgentDraft, Audience, Deployment, DeploymentDraft, EventAccess, Plan, Visibility,
};
use crate::domain::release::{describe_changes, Release};

/// The synthetic plan with markers that cannot appear by chance: each agent's name and each
/// restricted deployment's mission are unique words.
fn marked(zones: usize, deployments: usize, seed: u64) -> Plan {
    let mut plan = synthetic_plan(zones, deployments, 24, seed);
    plan.agents = plan
        .agents
        .into_iter()
        .enumerate()
        .map(|(i, agent)| {
            let mut draft = AgentDraft::from(agent);
            draft.display_name = format!("Zorglub{i:04}");
            crate::domain::plan::Agent::new(draft).unwrap()
        })
        .collect();
    plan.deployments = plan
        .deployments
        .into_iter()
        .enumerate()
        .map(|(i, d)| {
            let mut draft = DeploymentDraft::from(d);
            if draft.visibility == Visibility::Restricted {
                draft.mission = format!("Secretissime{i:04}");
            }
            Deployment::new(draft).unwrap()
        })
        .collect();
    plan
}

/// Every kind of reader of the synthetic plan (participants in its order: organiser,
/// police, municipal police, three companies, first aid, prefecture).
fn readers(plan: &Plan) -> Vec<(&'static str, EventAccess)> {
    let own = |i: usize| vec![plan.participants[i].id().to_string()];
    let reader = |audience, agents, organiser, own_participant_ids| EventAccess {
        audience,
        agents,
        organiser,
        own_participant_ids,
        restricting_participant_ids: Vec::new(),
    };
    vec![
        ("organisateur", reader(Audience::Others, AgentDetail::Names, true, own(0))),
        ("police", reader(Audience::StateAndPrefecture, AgentDetail::Names, false, own(1))),
        ("police municipale", reader(Audience::Others, AgentDetail::Withheld, false, own(2))),
        ("société A", reader(Audience::Others, AgentDetail::Withheld, false, own(3))),
        ("société B", reader(Audience::Others, AgentDetail::Withheld, false, own(4))),
        ("secours", reader(Audience::Others, AgentDetail::Withheld, false, own(6))),
        ("préfecture", reader(Audience::StateAndPrefecture, AgentDetail::Cards, false, vec![])),
    ]
}

/// Everything `access` receives of `plan`, as one text.
fn outputs(plan: &Plan, access: &EventAccess) -> String {
    let now = plan.event.window().start();
    let release = Release::publish(None, plan.clone(), "v1", now).unwrap();
    let mut out = export_plan(&plan.clone().as_read_by(access), &[]);
    out.push_str(&describe_changes(None, &release, access).join("\n"));
    let findings = check_plan(plan, &RuleSet::defaults(), &ComplianceContext::at(now));
    for f in findings_as_read_by(findings.clone(), plan, access) {
        out.push_str(&format!("\n{}\n{}\n{:?}", f.message, f.fix, f.deployment_ids));
    }
    let options = FeedOptions { host: "cordon.test", audience: access.audience, convention_reference: None, now };
    for participant in &access.own_participant_ids {
        out.push_str(&render_feed(&release, &FeedScope::Participant(participant.clone()), &options).unwrap());
    }
    if access.follows_whole_event() {
        out.push_str(&render_feed(&release, &FeedScope::Event, &options).unwrap());
    }
    let document = build_convention(&release, &findings, &ConventionInputs::new("CLCS-13-TEST", now));
    out.push_str(&format!("{document:?}"));
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn no_output_carries_what_its_reader_may_not_know(zones in 2usize..6, deployments in 10usize..60, seed in 1u64..10_000) {
        let plan = marked(zones, deployments, seed);
        for (name, access) in readers(&plan) {
            let out = outputs(&plan, &access);
            for d in plan.deployments.iter().filter(|d| d.visibility() == Visibility::Restricted) {
                if access.audience == Audience::Others {
                    prop_assert!(!out.contains(d.id()), "{name} reads the restricted deployment {}", d.id());
                    prop_assert!(!out.contains(d.mission()), "{name} reads the restricted mission {}", d.mission());
                }
            }
            for agent in plan.agents.iter().filter(|a| !access.edits_participant(a.participant_id())) {
                if access.agents == AgentDetail::Withheld {
                    prop_assert!(!out.contains(agent.display_name()), "{name} reads {}", agent.display_name());
                }
                if let Some(card) = agent.cnaps_card().filter(|_| access.agents != AgentDetail::Cards) {
                    prop_assert!(!out.contains(card.number()), "{name} reads the card {}", card.number());
                }
            }
        }
    }
}
