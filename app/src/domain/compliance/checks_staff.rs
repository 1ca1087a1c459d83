//! The staff: CNAPS cards of the private agents and authorisation of the companies (L612-9,
//! L612-20), and the working-time limits of the named agents — the agreement's (IDCC 1351) for
//! companies' agents, the public service's (décret n° 2000-815) for municipal police officers.

use super::checker::{Checker, Standing};
use super::finding::Draft;
use super::local::{date_time, hours, short_date};
use super::rules::RuleCode;
use super::working_time::{working_time, WorkingTimeBreach, WorkingTimeLimits};
use crate::domain::plan::{Agent, Deployment, ParticipantRole, TimeWindow};
use crate::domain::time::Span;
use crate::text;

pub(super) fn check(c: &mut Checker) {
    company_authorisations(c);
    agent_cards(c);
    agents_working_time(c);
}

fn company_authorisations(c: &mut Checker) {
    if c.active(RuleCode::EntrepriseSansAutorisation).is_none() {
        return;
    }
    let plan = c.plan;
    for p in plan.participants.iter().filter(|p| p.role() == ParticipantRole::SecuritePrivee) {
        if p.cnaps_authorisation().is_none() {
            let draft = Draft::new(
                text::compliance_company_without_authorisation(p.name()),
                text::COMPLIANCE_FIX_COMPANY_WITHOUT_AUTHORISATION,
            )
            .participants([p.id()]);
            c.emit(RuleCode::EntrepriseSansAutorisation, draft);
        }
    }
}

/// Security agents (a company's, or the organiser's in-house security service, L612-25): they
/// need a CNAPS card (L612-20); the organiser's volunteers and the State forces do not.
fn private_agents<'a>(c: &Checker<'a>) -> Vec<&'a Agent> {
    c.plan.agents.iter().filter(|a| c.standing(a.participant_id()) == Standing::SecurityAgents).collect()
}

fn agent_cards(c: &mut Checker) {
    let missing = c.active(RuleCode::AgentPriveSansCarte).is_some();
    let expired = c.active(RuleCode::CarteProfessionnelleExpiree).is_some();
    let zone = c.plan.event.time_zone();
    for agent in private_agents(c) {
        let deployments: Vec<&Deployment> = c.deployments_of_agent(agent.id()).collect();
        let participant = c.participant_name(agent.participant_id());
        let draft = |message: String, fix: &str| {
            Draft::new(message, fix)
                .zones(deployments.iter().map(|d| d.zone_id()))
                .deployments(deployments.iter().map(|d| d.id()))
                .participants([agent.participant_id()])
                .agents([agent.id()])
        };
        match agent.cnaps_card() {
            None if missing => {
                let message = text::compliance_agent_without_card(agent.display_name(), participant);
                c.emit(RuleCode::AgentPriveSansCarte, draft(message, text::COMPLIANCE_FIX_AGENT_WITHOUT_CARD));
            }
            Some(card) if expired => {
                // The card must cover the agent's last mission, or the whole operation when
                // the agent is not deployed yet.
                let until = deployments.iter().map(|d| d.window().end()).max().unwrap_or(c.plan.event.operations_end());
                if card.expires() < until {
                    let message = text::compliance_card_expired(
                        agent.display_name(),
                        participant,
                        &short_date(card.expires(), zone),
                        &date_time(until, zone),
                    );
                    c.emit(RuleCode::CarteProfessionnelleExpiree, draft(message, text::COMPLIANCE_FIX_CARD_EXPIRED));
                }
            }
            _ => {}
        }
    }
}

fn agents_working_time(c: &mut Checker) {
    let zone = c.plan.event.time_zone();
    for agent in c.plan.agents.iter() {
        let Some(role) = c.role(agent.participant_id()) else { continue };
        let Some(limits) = WorkingTimeLimits::of_employer(c.rules(), role) else { continue };
        let public_service = role == ParticipantRole::PoliceMunicipale;
        let deployments: Vec<&Deployment> = c.deployments_of_agent(agent.id()).collect();
        let windows: Vec<TimeWindow> = deployments.iter().map(|d| d.window()).collect();
        for breach in working_time(&windows, &limits, zone) {
            let (code, message, fix) = describe(c, agent.display_name(), &breach, &limits);
            // A municipal officer's limits are one rule of their own, with the derogation the
            // decree allows for exceptional circumstances (art. 3 II b).
            let (code, fix) = if public_service {
                (RuleCode::TempsTravailFonctionPublique, text::COMPLIANCE_FIX_PUBLIC_SERVICE_WORKING_TIME)
            } else {
                (code, fix)
            };
            if c.active(code).is_none() {
                continue;
            }
            let period = breach.period();
            let concerned: Vec<&&Deployment> = deployments.iter().filter(|d| d.window().overlaps(&period)).collect();
            let draft = Draft::new(message, fix)
                .zones(concerned.iter().map(|d| d.zone_id()))
                .deployments(concerned.iter().map(|d| d.id()))
                .participants([agent.participant_id()])
                .agents([agent.id()]);
            c.emit(code, draft);
        }
    }
}

/// The rule, message and fix of a breach.
fn describe(
    c: &Checker,
    agent: &str,
    breach: &WorkingTimeBreach,
    limits: &WorkingTimeLimits,
) -> (RuleCode, String, &'static str) {
    let zone = c.plan.event.time_zone();
    let at = |t| date_time(t, zone);
    match *breach {
        WorkingTimeBreach::DailyWork { period, worked } => (
            RuleCode::TempsTravailJournalier,
            text::compliance_daily_work(
                agent,
                &hours(worked),
                &at(period.start()),
                &at(period.end()),
                &hours(limits.max_daily),
            ),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::Rest { period } => (
            RuleCode::TempsTravailRepos,
            text::compliance_rest(agent, &at(period.start()), &at(period.end()), &hours(limits.min_rest)),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::WeeklyWork { week, worked } => (
            RuleCode::TempsTravailHebdomadaire,
            text::compliance_weekly_work(
                agent,
                &hours(worked),
                &short_date(week.start(), zone),
                &hours(limits.max_weekly),
            ),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::DaysPerWeek { week, days } => (
            RuleCode::TempsTravailJoursSemaine,
            text::compliance_days_per_week(
                agent,
                days,
                &short_date(week.start(), zone),
                f64::from(limits.max_days_per_week),
            ),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::NoLongRest { period, worked } => (
            RuleCode::TempsTravailRepos,
            text::compliance_no_long_rest(
                agent,
                &hours(worked),
                &at(period.start()),
                &at(period.end()),
                &hours(limits.long_rest),
                &hours(limits.max_work_between_long_rests),
            ),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::Amplitude { period } => (
            RuleCode::TempsTravailJournalier,
            text::compliance_amplitude(
                agent,
                &at(period.start()),
                &at(period.end()),
                &hours(limits.max_amplitude.unwrap_or(Span(0))),
            ),
            text::COMPLIANCE_FIX_WORKING_TIME,
        ),
        WorkingTimeBreach::ShortShift { shift } => (
            RuleCode::VacationTropCourte,
            text::compliance_short_shift(agent, &at(shift.start()), &at(shift.end()), &hours(limits.min_shift)),
            text::COMPLIANCE_FIX_SHORT_SHIFT,
        ),
    }
}
