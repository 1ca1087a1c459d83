//! The prefecture's worklist: which tab a convention file sits in, and the order files are
//! listed in (late ones first, then by due date). Pure: the status, the opinions still awaited
//! and the deadline's verdict in, a tab and an order out.

use std::cmp::Ordering;

use super::deadlines::DueDate;
use super::workflow::Status;
use crate::domain::plan::fields::coded_enum;

coded_enum! {
    /// The worklist's tabs, in the order an instructor works through them. Every file is in
    /// exactly one.
    pub enum WorklistTab {
        /// Filed, not yet taken up.
        Deposes => ("deposes", "Déposés"),
        /// Filed or under instruction, with an opinion asked and not yet given.
        AvisEnAttente => ("avis_en_attente", "Avis en attente"),
        /// Taken up by the instructor.
        EnInstruction => ("en_instruction", "En instruction"),
        /// Sent back to the organiser.
        CorrectionsDemandees => ("corrections_demandees", "Corrections demandées"),
        /// Approved, refused or closed.
        Decides => ("decides", "Décidés"),
        /// Not filed yet, or withdrawn by the organiser.
        NonDeposes => ("non_deposes", "Non déposés"),
    }
}

/// The tab of a file in `status` (`None`: never filed) with `opinions_awaited` opinions asked
/// and not yet given.
pub fn tab_of(status: Option<Status>, opinions_awaited: usize) -> WorklistTab {
    match status {
        Some(Status::Deposee | Status::EnInstruction) if opinions_awaited > 0 => WorklistTab::AvisEnAttente,
        Some(Status::Deposee) => WorklistTab::Deposes,
        Some(Status::EnInstruction) => WorklistTab::EnInstruction,
        Some(Status::CorrectionsDemandees) => WorklistTab::CorrectionsDemandees,
        Some(Status::Approuvee | Status::Refusee | Status::ClasseeSansSuite) => WorklistTab::Decides,
        None | Some(Status::Brouillon | Status::Retiree) => WorklistTab::NonDeposes,
    }
}

/// The worklist's order: late files first, then the earliest due date, files without one last.
pub fn worklist_order(a: (bool, Option<&DueDate>), b: (bool, Option<&DueDate>)) -> Ordering {
    b.0.cmp(&a.0).then_with(|| super::deadlines::dashboard_order(a.1, b.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_falls_in_one_tab_and_awaited_opinions_take_a_filed_file_to_their_own() {
        assert_eq!(tab_of(None, 0), WorklistTab::NonDeposes);
        assert_eq!(tab_of(Some(Status::Brouillon), 0), WorklistTab::NonDeposes);
        assert_eq!(tab_of(Some(Status::Retiree), 0), WorklistTab::NonDeposes);
        assert_eq!(tab_of(Some(Status::Deposee), 0), WorklistTab::Deposes);
        assert_eq!(tab_of(Some(Status::Deposee), 1), WorklistTab::AvisEnAttente);
        assert_eq!(tab_of(Some(Status::EnInstruction), 0), WorklistTab::EnInstruction);
        assert_eq!(tab_of(Some(Status::EnInstruction), 2), WorklistTab::AvisEnAttente);
        assert_eq!(tab_of(Some(Status::CorrectionsDemandees), 1), WorklistTab::CorrectionsDemandees);
        for decided in [Status::Approuvee, Status::Refusee, Status::ClasseeSansSuite] {
            assert_eq!(tab_of(Some(decided), 0), WorklistTab::Decides);
        }
    }

    #[test]
    fn late_files_come_first_then_the_earliest_due_date() {
        let due = |d: u32| DueDate {
            date: chrono::NaiveDate::from_ymd_opt(2027, 5, d).unwrap(),
            months: 1,
            case: super::super::deadlines::LeadTimeCase::GrandRassemblement,
        };
        let (early, later) = (due(2), due(20));
        assert_eq!(worklist_order((true, Some(&later)), (false, Some(&early))), Ordering::Less);
        assert_eq!(worklist_order((false, Some(&early)), (false, Some(&later))), Ordering::Less);
        assert_eq!(worklist_order((false, None), (false, Some(&later))), Ordering::Greater);
    }
}
