//! What a file needs before its organiser files it with the prefecture: the checklist the
//! convention page shows and the refusal a filing gets, decided here once. Today: the shared
//! risk assessment (the convention's first axis) is saved, and the published plan has no
//! blocking compliance finding.

use serde::{Deserialize, Serialize};

use crate::text;

/// One point of the checklist, as the organiser reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingItem {
    pub label: String,
    pub done: bool,
}

/// The checklist, `risk_assessed` telling whether the risk assessment is saved and `blocking`
/// holding the blocking findings of the release to be filed.
pub fn filing_checklist(risk_assessed: bool, blocking: &[String]) -> Vec<FilingItem> {
    vec![
        FilingItem { label: text::FILING_RISK.into(), done: risk_assessed },
        FilingItem { label: text::filing_findings(blocking.len()), done: blocking.is_empty() },
    ]
}

/// Why the file may not be filed yet, every missing point listed; `None` when it may.
pub fn filing_refusal(risk_assessed: bool, blocking: &[String]) -> Option<String> {
    (!risk_assessed || !blocking.is_empty()).then(|| text::dossier_not_ready(!risk_assessed, blocking))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_with_its_risk_assessment_and_no_blocking_finding_may_be_filed() {
        assert_eq!(filing_refusal(true, &[]), None);
        assert!(filing_checklist(true, &[]).iter().all(|item| item.done));
    }

    #[test]
    fn a_file_without_its_risk_assessment_is_refused_with_every_missing_point() {
        let blocking = vec!["Agents privés sur la voie publique sans autorisation (CSI L613-1)".to_string()];
        let refusal = filing_refusal(false, &blocking).unwrap();
        assert!(refusal.contains("l’évaluation des risques n’est pas enregistrée"), "{refusal}");
        assert!(refusal.contains("1 point(s) bloquant(s)"), "{refusal}");
        assert!(refusal.contains("CSI L613-1"), "{refusal}");
        let only_risk = filing_refusal(false, &[]).unwrap();
        assert!(!only_risk.contains("bloquant"), "{only_risk}");
        let checklist = filing_checklist(false, &blocking);
        assert_eq!(checklist.iter().map(|i| i.done).collect::<Vec<_>>(), vec![false, false]);
    }
}
