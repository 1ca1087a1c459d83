//! A finding: what is wrong in a plan, why (the rule and its reference), where (the zones,
//! deployments, participants and agents concerned) and how to fix it, in French.

use serde::{Deserialize, Serialize};

use super::rules::{RuleCode, Severity};

/// One problem found in a plan. Serialised as JSON for the command line and the browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// The rule's stable code, e.g. `voie_publique_sans_autorisation`.
    pub rule: RuleCode,
    pub severity: Severity,
    /// What is wrong, in French, naming the zone, the participant or the agent.
    pub message: String,
    /// The article or text the rule applies.
    pub reference: String,
    /// How to fix it, in French.
    pub fix: String,
    /// Ids of the zones concerned, sorted.
    pub zone_ids: Vec<String>,
    /// Ids of the deployments concerned, sorted.
    pub deployment_ids: Vec<String>,
    /// Ids of the participants concerned, sorted.
    pub participant_ids: Vec<String>,
    /// Ids of the named agents concerned, sorted.
    pub agent_ids: Vec<String>,
}

/// The record a check fills before the rule's severity and reference are added.
#[derive(Debug, Clone, Default)]
pub(super) struct Draft {
    pub message: String,
    pub fix: String,
    pub zones: Vec<String>,
    pub deployments: Vec<String>,
    pub participants: Vec<String>,
    pub agents: Vec<String>,
}

impl Draft {
    pub fn new(message: String, fix: impl Into<String>) -> Draft {
        Draft { message, fix: fix.into(), ..Draft::default() }
    }
    pub fn zones<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Draft {
        self.zones.extend(ids.into_iter().map(str::to_string));
        self
    }
    pub fn deployments<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Draft {
        self.deployments.extend(ids.into_iter().map(str::to_string));
        self
    }
    pub fn participants<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Draft {
        self.participants.extend(ids.into_iter().map(str::to_string));
        self
    }
    pub fn agents<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Draft {
        self.agents.extend(ids.into_iter().map(str::to_string));
        self
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids.dedup();
    ids
}

impl Finding {
    pub(super) fn from_draft(rule: RuleCode, severity: Severity, reference: &str, draft: Draft) -> Finding {
        Finding {
            rule,
            severity,
            message: draft.message,
            reference: reference.to_string(),
            fix: draft.fix,
            zone_ids: sorted(draft.zones),
            deployment_ids: sorted(draft.deployments),
            participant_ids: sorted(draft.participants),
            agent_ids: sorted(draft.agents),
        }
    }
}

/// Sorts findings the one way they are shown: blocking first, then by rule (in the table's
/// order), then by the ids concerned and the message, so that the same plan always gives the
/// same list.
pub(super) fn sort_findings(findings: &mut [Finding]) {
    findings.sort_by(|a, b| {
        (a.severity, a.rule, &a.zone_ids, &a.deployment_ids, &a.participant_ids, &a.agent_ids, &a.message).cmp(&(
            b.severity,
            b.rule,
            &b.zone_ids,
            &b.deployment_ids,
            &b.participant_ids,
            &b.agent_ids,
            &b.message,
        ))
    });
}
