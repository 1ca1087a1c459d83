//! What a file needs before its organiser files it with the prefecture: the checklist the
//! convention page shows and the refusal a filing gets, decided here once. Today: the shared
//! risk assessment (the convention's first axis) is saved, and the published plan has no
//! blocking compliance finding. The attachments are listed but optional: no text requires a
//! given piece for every event, and refusing a file without one would block lawful plans.

use serde::{Deserialize, Serialize};

use crate::text;

/// One point of the checklist, as the organiser reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilingItem {
    pub label: String,
    pub done: bool,
    /// A point that does not hold the filing back.
    #[serde(default)]
    pub optional: bool,
}

/// The checklist, `risk_assessed` telling whether the risk assessment is saved and `blocking`
/// holding the blocking findings of the release to be filed and `attachments` the number of
/// pieces attached to the file.
pub fn filing_checklist(risk_assessed: bool, blocking: &[String], attachments: usize) -> Vec<FilingItem> {
    vec![
        FilingItem { label: text::FILING_RISK.into(), done: risk_assessed, optional: false },
        FilingItem { label: text::filing_findings(blocking.len()), done: blocking.is_empty(), optional: false },
        FilingItem { label: text::filing_attachments(attachments), done: attachments > 0, optional: true },
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
        assert!(filing_checklist(true, &[], 1).iter().all(|item| item.done));
        // Without attachments the file may still be filed: that point is optional.
        let checklist = filing_checklist(true, &[], 0);
        assert!(checklist.iter().all(|item| item.done || item.optional));
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
        let checklist = filing_checklist(false, &blocking, 0);
        assert_eq!(checklist.iter().map(|i| i.done).collect::<Vec<_>>(), vec![false, false, false]);
        assert_eq!(checklist.iter().map(|i| i.optional).collect::<Vec<_>>(), vec![false, false, true]);
    }
}
