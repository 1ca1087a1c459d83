//! Property test of every output a reader receives, for every kind of reader: on random
//! synthetic plans (several companies, restricted police deployments, carded agents), the
//! plan file, the release history and e-mails, the compliance findings, the calendar feeds and
//! the convention document never carry a restricted deployment to a reader who may not read it,
//! another company's agent's name to a reader who may not know it, nor a card's number or expiry
//! date to anyone but the agent's company and the prefecture. Each reader's rights come from the
//! one rule (`organisation_access`, as `event_access`), from what its organisation is.

use proptest::prelude::*;

use crate::domain::compliance::{check_plan, findings_as_read_by, ComplianceContext, RuleSet};
use crate::domain::document::{build_convention, ConventionInputs};
use crate::domain::ical::{render_feed, FeedOptions, FeedScope};
use crate::domain::interchange::export_plan;
use crate::domain::organisation::OrganisationKind;
use crate::domain::plan::{
    organisation_access, synthetic_plan, AgentDetail, AgentDraft, Audience, CnapsCard, Deployment, DeploymentDraft,
    EventAccess, ParticipantRole, Plan, Visibility,
};
use crate::domain::release::{describe_changes, describe_participant_changes, Release};
use crate::domain::Instant;

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
            draft.cnaps_card = draft.cnaps_card.map(|card| CnapsCard::new(card.number(), expiry(i)).unwrap());
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

/// The kind of organisation a participant of the synthetic plan stands for.
fn kind_of(role: ParticipantRole) -> OrganisationKind {
    match role {
        ParticipantRole::Organisateur => OrganisationKind::Organisateur,
        ParticipantRole::ForceEtat => OrganisationKind::PoliceNationale,
        ParticipantRole::PoliceMunicipale => OrganisationKind::PoliceMunicipale,
        ParticipantRole::SecuritePrivee => OrganisationKind::SecuritePrivee,
        ParticipantRole::Prefecture => OrganisationKind::Prefecture,
        ParticipantRole::Secours | ParticipantRole::Autre => OrganisationKind::Autre,
    }
}

/// Every kind of reader of the synthetic plan, each a member of one participant's organisation
/// (organiser, police, municipal police, three companies, first aid, prefecture), with the
/// rights the one rule gives it (`event_access`), never written by hand.
fn readers(plan: &Plan) -> Vec<(String, EventAccess)> {
    let organiser = plan.participants[0].organisation_id();
    let department = plan.event.department().as_str();
    plan.participants
        .iter()
        .filter_map(|p| {
            let kind = kind_of(p.role());
            let prefecture = (kind == OrganisationKind::Prefecture).then(|| department.to_string());
            let access = organisation_access(
                (p.organisation_id().to_string(), kind, prefecture),
                organiser,
                department,
                &plan.participants,
            )?;
            Some((p.name().to_string(), access))
        })
        .collect()
}

/// The day a card of the `i`-th agent expires: a distinct day of 1999 or 2000 for each agent
/// (the cards are expired, so that the findings name them), printed « jj/mm/aaaa ».
fn expiry(i: usize) -> Instant {
    Instant(915_192_000_000 + i64::try_from(i).unwrap_or(0) * 86_400_000)
}

/// Everything `access` receives of `plan`, as one text.
fn outputs(plan: &Plan, access: &EventAccess) -> String {
    let now = plan.event.window().start();
    let release = Release::publish(None, plan.clone(), "v1", now).unwrap();
    let mut out = export_plan(&plan.clone().as_read_by(access), &[]);
    out.push_str(&describe_changes(None, &release, access).join("\n"));
    // The release e-mail each of its participants' administrators receives.
    for participant in &access.own_participant_ids {
        out.push_str(&describe_participant_changes(None, &release, access, participant).join("\n"));
    }
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
                    let zone = plan.event.time_zone();
                    let expires = card.expires().to_chrono().unwrap().with_timezone(&zone).format("%d/%m/%Y").to_string();
                    prop_assert!(!out.contains(&expires), "{name} reads the expiry date {expires} of another's card");
                }
            }
        }
    }
}

#[test]
fn a_company_reads_no_expiry_date_of_a_competitors_card_in_the_findings() {
    use crate::domain::compliance::RuleCode;
    let plan = marked(4, 50, 7);
    let now = plan.event.window().start();
    let findings = check_plan(&plan, &RuleSet::defaults(), &ComplianceContext::at(now));
    let expired = findings.iter().filter(|f| f.rule == RuleCode::CarteProfessionnelleExpiree).count();
    assert!(expired > 1, "the cards of several companies are expired: {expired}");
    let (name, company) =
        readers(&plan).into_iter().find(|(_, a)| a.agents == AgentDetail::Withheld && !a.organiser).unwrap();
    let zone = plan.event.time_zone();
    let read: String =
        findings_as_read_by(findings, &plan, &company).iter().map(|f| format!("{}\n", f.message)).collect();
    for agent in plan.agents.iter().filter(|a| !company.edits_participant(a.participant_id())) {
        let Some(card) = agent.cnaps_card() else { continue };
        let expires = card.expires().to_chrono().unwrap().with_timezone(&zone).format("%d/%m/%Y").to_string();
        assert!(!read.contains(&expires), "{name} reads {expires}, the expiry of {}'s card", agent.display_name());
    }
}
