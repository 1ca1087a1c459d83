//! Compliance checks: the plan read against the Code de la sécurité intérieure, the CLCS
//! circular, the first-aid référentiel and the private-security working-time limits. Each
//! [`Finding`] says what is wrong, why (the rule and its reference) and how to fix it.
//!
//! Pure and deterministic: the plan, the rules in force and a [`ComplianceContext`] (the
//! current instant, the conventions already in force) in, findings out, in a stable order. It
//! runs on the server (command line, approval later) and in the browser (instant feedback).
//! The rules are data ([`RuleSet`], [`RuleSettings`]): see `docs/compliance.md`.

mod checker;
mod checks_cooperation;
mod checks_legal;
mod checks_sizing;
mod checks_staff;
mod digest;
mod finding;
mod legal_basis;
mod local;
mod preview;
mod reader;
mod rules;
pub mod working_time;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod scenarios_tests;
#[cfg(test)]
mod working_time_props;

use serde::{Deserialize, Serialize};

pub use digest::{digest, flags_its_deployments, Digest, RuleTally, SHOWN_PER_RULE};
pub use finding::Finding;
pub use legal_basis::{pat_down_basis, private_road_verdict, RoadVerdict};
pub use preview::{preview_deployment, PREVIEW_ID};
pub use reader::{document_reader, findings_as_read_by, findings_shown_to};
pub use rules::{Rule, RuleCode, RuleOverride, RuleSet, RuleSettings, SettingsError, Severity};
pub use working_time::{working_time, WorkingTimeBreach, WorkingTimeLimits};

use crate::domain::convention::{size, RiskAssessment, RiskAssessmentDraft, Sizing, SizingParameters};
use crate::domain::plan::{Plan, TimeWindow};
use crate::domain::time::Instant;

/// A convention already in force that the event's convention must cite rather than repeat:
/// a municipal police coordination convention (L512-4), a shopping-area convention, another
/// event's CLCS.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConventionInForce {
    /// How the convention is cited, e.g. "Convention de coordination de Martigues du 3 mars 2025".
    pub reference: String,
    /// The INSEE code of the commune it covers.
    pub commune_code: String,
    /// When it came into force.
    pub from: Instant,
    /// When it ends, if it has an end date.
    #[serde(default)]
    pub until: Option<Instant>,
    /// Its kind in the registry, when known (a coordination convention lifts L512-6's hours).
    #[serde(default)]
    pub kind: Option<crate::domain::convention::ConventionKind>,
}

impl ConventionInForce {
    /// Whether the convention is in force at some instant of `window`.
    pub fn in_force_during(&self, window: &TimeWindow) -> bool {
        self.from < window.end() && self.until.is_none_or(|until| until > window.start())
    }

    /// Whether it is a coordination convention of `commune_code` (CSI L512-4) in force during
    /// the whole of `window`.
    pub fn coordinates(&self, commune_code: &str, window: &TimeWindow) -> bool {
        self.kind == Some(crate::domain::convention::ConventionKind::Coordination)
            && self.commune_code.trim().eq_ignore_ascii_case(commune_code)
            && self.from <= window.start()
            && self.until.is_none_or(|until| until >= window.end())
    }
}

/// What the checks need besides the plan and the rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ComplianceContext {
    /// The current instant (deadlines are counted from its date in the event's zone); read from
    /// the clock by the caller, never here.
    pub now: Instant,
    #[serde(default)]
    pub conventions_in_force: Vec<ConventionInForce>,
    /// The convention's shared risk assessment, if the organiser filled it in: the first-aid
    /// and steward sizing are read from it, as Article 4 of the convention does. Without one,
    /// from the event's own figures at the lowest levels.
    #[serde(default)]
    pub risk: Option<RiskAssessment>,
    /// The sizing coefficients of the event's department.
    #[serde(default)]
    pub sizing: SizingParameters,
    /// The intercommunality (EPCI à fiscalité propre) of the event's commune and of its
    /// municipal police participants' communes, by INSEE code, from the official list; a
    /// commune missing here has none known.
    #[serde(default)]
    pub intercommunalities: std::collections::BTreeMap<String, String>,
}

impl ComplianceContext {
    /// A context at `now` with no convention in force.
    pub fn at(now: Instant) -> ComplianceContext {
        ComplianceContext {
            now,
            conventions_in_force: Vec::new(),
            risk: None,
            sizing: SizingParameters::defaults(),
            intercommunalities: std::collections::BTreeMap::new(),
        }
    }
}

impl ComplianceContext {
    /// Everything the checks read of this context and of `rules` for an event in `zone`, as one
    /// text: two equal keys give the same findings on the same plan (`service::findings` keeps
    /// them per key and plan revision). The instant counts only as its date there — the
    /// declaration's deadline (checks_sizing) is the one check that reads it.
    pub fn key(&self, rules: &RuleSet, zone: chrono_tz::Tz) -> String {
        let day = local::local_date(self.now, zone);
        let read = ComplianceContext { now: Instant(0), ..self.clone() };
        let text = |value: Result<String, serde_json::Error>| value.unwrap_or_default();
        format!("{day}|{}|{}", text(serde_json::to_string(&read)), text(serde_json::to_string(rules)))
    }
}

/// The communes whose intercommunality the checks read: the event's and its municipal police
/// participants' (L512-3's « communes limitrophes ou appartenant à une même agglomération »).
pub fn communes_concerned(plan: &Plan) -> Vec<&str> {
    let mut codes = vec![plan.event.commune().as_str()];
    codes.extend(
        plan.participants
            .iter()
            .filter(|p| p.role() == crate::domain::plan::ParticipantRole::PoliceMunicipale)
            .filter_map(|p| p.commune().map(|c| c.as_str())),
    );
    codes.sort_unstable();
    codes.dedup();
    codes
}

/// Every finding of `plan` under `rules`, blocking ones first, in a stable order.
pub fn check_plan(plan: &Plan, rules: &RuleSet, context: &ComplianceContext) -> Vec<Finding> {
    let mut checker = checker::Checker::new(plan, rules, context);
    checks_legal::check(&mut checker);
    checks_staff::check(&mut checker);
    checks_sizing::check(&mut checker);
    checks_cooperation::check(&mut checker);
    checker.finish()
}

/// The first-aid and steward sizing of `plan`: the one computation the rules, Article 4 and
/// the annex of the convention share (`convention::sizing::size`).
pub fn sizing_of(plan: &Plan, context: &ComplianceContext) -> Option<Sizing> {
    let risk = match &context.risk {
        Some(risk) => risk.clone(),
        None => RiskAssessment::new(RiskAssessmentDraft::from_event(&plan.event)).ok()?,
    };
    let static_posts = u32::try_from(plan.posts.len()).unwrap_or(u32::MAX);
    Some(size(&risk, static_posts, &context.sizing))
}

/// Whether any finding blocks the plan's approval.
pub fn has_blocking(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Bloquant)
}
