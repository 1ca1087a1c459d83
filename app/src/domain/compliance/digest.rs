//! The findings as a page carries them (issue 17): a city festival's plan has thousands (2,686
//! on the benchmark's 2,000 deployments, most of them working-time breaches), which the plan page
//! cannot send and draw whole. The page carries, for each rule found, its count and its first
//! findings; the others of a rule are read on demand. Which deployments a finding flags on the
//! timeline is decided here too, once.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

use super::{Finding, RuleCode, Severity};

/// How many findings of a rule the plan page shows before « Afficher les n autres ».
pub const SHOWN_PER_RULE: usize = 5;

/// One rule's findings in a plan: how many, and how serious.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleTally {
    pub rule: RuleCode,
    pub severity: Severity,
    pub count: usize,
}

/// The findings of a plan as a page carries them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Digest {
    /// The first [`SHOWN_PER_RULE`] findings of each rule, in the findings' order.
    pub shown: Vec<Finding>,
    /// Each rule found, in the order of its first finding.
    pub tallies: Vec<RuleTally>,
    /// The deployments a finding flags on the timeline ([`flags_its_deployments`]).
    pub flagged: BTreeSet<String>,
}

/// Whether `finding` marks its deployments on the timeline: a warning or a blocking point about
/// some deployments, not a note, and not a rule about the whole event.
pub fn flags_its_deployments(finding: &Finding) -> bool {
    finding.severity != Severity::Information && !finding.rule.is_event_wide()
}

/// `findings` (in their stable order) as a page carries them, `per_rule` shown for each rule.
pub fn digest(findings: Vec<Finding>, per_rule: usize) -> Digest {
    let mut digest = Digest::default();
    for finding in findings {
        if flags_its_deployments(&finding) {
            digest.flagged.extend(finding.deployment_ids.iter().cloned());
        }
        let tally = match digest.tallies.iter_mut().find(|t| t.rule == finding.rule) {
            Some(tally) => tally,
            None => {
                digest.tallies.push(RuleTally { rule: finding.rule, severity: finding.severity, count: 0 });
                digest.tallies.last_mut().expect("just pushed")
            }
        };
        tally.count += 1;
        if tally.count <= per_rule {
            digest.shown.push(finding);
        }
    }
    digest
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(rule: RuleCode, severity: Severity, deployment: &str) -> Finding {
        Finding {
            rule,
            severity,
            message: format!("{} {deployment}", rule.code()),
            reference: "CSI".into(),
            fix: "Corrigez.".into(),
            zone_ids: vec![],
            deployment_ids: vec![deployment.to_string()],
            participant_ids: vec![],
            agent_ids: vec![],
        }
    }

    #[test]
    fn a_page_shows_the_first_findings_of_each_rule_and_counts_them_all() {
        let daily = RuleCode::TempsTravailJournalier;
        let pat_down = RuleCode::PalpationAgentNonQualifie;
        let mut findings: Vec<Finding> =
            (0..8).map(|i| finding(daily, Severity::Avertissement, &format!("d{i}"))).collect();
        findings.insert(2, finding(pat_down, Severity::Bloquant, "p"));
        let digest = digest(findings, 3);
        assert_eq!(
            digest.tallies,
            [
                RuleTally { rule: daily, severity: Severity::Avertissement, count: 8 },
                RuleTally { rule: pat_down, severity: Severity::Bloquant, count: 1 },
            ]
        );
        let shown: Vec<&str> = digest.shown.iter().map(|f| f.deployment_ids[0].as_str()).collect();
        assert_eq!(shown, ["d0", "d1", "p", "d2"]);
        assert_eq!(digest.flagged.len(), 9, "every finding flags its deployment, shown or not");
    }

    #[test]
    fn a_note_flags_no_deployment() {
        let note = finding(RuleCode::TempsTravailJournalier, Severity::Information, "d");
        assert!(!flags_its_deployments(&note));
        assert!(digest(vec![note], 5).flagged.is_empty());
    }
}
