//! Needs: how many agents, with which qualification, a zone or a post requires over a time
//! window — e.g. "Entrée Nord, 18:00–23:30, 6 agents palpation dont 2 femmes".

use serde::{Deserialize, Serialize};

use super::actors::Qualification;
use super::error::PlanError;
use super::fields::{parse_id, parse_optional_id};
use super::window::TimeWindow;

/// The largest headcount a single need or deployment may state.
pub const MAX_HEADCOUNT: u32 = 10_000;

/// What a form or a plan file supplies to build a [`Need`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NeedDraft {
    pub id: String,
    pub zone_id: String,
    pub post_id: Option<String>,
    pub window: TimeWindow,
    pub qualification: Option<Qualification>,
    pub min: u32,
    pub max: Option<u32>,
    pub priority: u8,
    pub min_women: u32,
    pub min_men: u32,
}

/// A valid need: `1 <= min <= max <= 10,000`, priority 1 (highest) to 5, and the women and
/// men minima (for same-sex pat-downs) fitting together within `min`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "NeedDraft", into = "NeedDraft")]
pub struct Need {
    id: String,
    zone_id: String,
    post_id: Option<String>,
    window: TimeWindow,
    qualification: Option<Qualification>,
    min: u32,
    max: Option<u32>,
    priority: u8,
    min_women: u32,
    min_men: u32,
}

impl Need {
    /// Checks the draft; the first problem found is returned.
    pub fn new(draft: NeedDraft) -> Result<Self, PlanError> {
        if !(1..=MAX_HEADCOUNT).contains(&draft.min) {
            return Err(PlanError::NeedMinOutOfRange);
        }
        if draft.max.is_some_and(|max| max < draft.min || max > MAX_HEADCOUNT) {
            return Err(PlanError::NeedMaxOutOfRange);
        }
        if !(1..=5).contains(&draft.priority) {
            return Err(PlanError::PriorityOutOfRange);
        }
        if u64::from(draft.min_women) + u64::from(draft.min_men) > u64::from(draft.min) {
            return Err(PlanError::SexMinimaExceedMin);
        }
        Ok(Need {
            id: parse_id(&draft.id)?,
            zone_id: parse_id(&draft.zone_id)?,
            post_id: parse_optional_id(draft.post_id.as_deref())?,
            window: draft.window,
            qualification: draft.qualification,
            min: draft.min,
            max: draft.max,
            priority: draft.priority,
            min_women: draft.min_women,
            min_men: draft.min_men,
        })
    }
    /// The stable id (UUID text).
    pub fn id(&self) -> &str {
        &self.id
    }
    /// The zone that needs agents.
    pub fn zone_id(&self) -> &str {
        &self.zone_id
    }
    /// The post inside the zone, when the need is that precise.
    pub fn post_id(&self) -> Option<&str> {
        self.post_id.as_deref()
    }
    /// When the agents are needed.
    pub fn window(&self) -> TimeWindow {
        self.window
    }
    /// The qualification every counted agent must hold, if any.
    pub fn qualification(&self) -> Option<Qualification> {
        self.qualification
    }
    /// The headcount below which the need is not covered.
    pub fn min(&self) -> u32 {
        self.min
    }
    /// The headcount beyond which agents are wasted, if stated.
    pub fn max(&self) -> Option<u32> {
        self.max
    }
    /// 1 is the most important, 5 the least.
    pub fn priority(&self) -> u8 {
        self.priority
    }
    /// How many of the agents must be women (pat-downs of women).
    pub fn min_women(&self) -> u32 {
        self.min_women
    }
    /// How many of the agents must be men (pat-downs of men).
    pub fn min_men(&self) -> u32 {
        self.min_men
    }
}

impl TryFrom<NeedDraft> for Need {
    type Error = PlanError;
    fn try_from(draft: NeedDraft) -> Result<Self, PlanError> {
        Need::new(draft)
    }
}

impl From<Need> for NeedDraft {
    fn from(need: Need) -> Self {
        let Need { id, zone_id, post_id, window, qualification, min, max, priority, min_women, min_men } = need;
        NeedDraft { id, zone_id, post_id, window, qualification, min, max, priority, min_women, min_men }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::plan::fixtures::{id, july};

    /// "Entrée Nord, 18:00–23:30, 6 agents palpation dont 2 femmes".
    fn north_entrance_pat_downs() -> NeedDraft {
        NeedDraft {
            id: id(200),
            zone_id: id(10),
            post_id: None,
            window: july((10, 18, 0), (10, 23, 30)),
            qualification: Some(Qualification::Palpation),
            min: 6,
            max: Some(8),
            priority: 1,
            min_women: 2,
            min_men: 0,
        }
    }

    #[test]
    fn six_pat_down_agents_including_two_women_is_a_valid_need() {
        let need = Need::new(north_entrance_pat_downs()).unwrap();
        assert_eq!((need.min(), need.max(), need.min_women()), (6, Some(8), 2));
        assert_eq!(need.window().duration(), crate::domain::time::Span::minutes(330));
    }

    #[test]
    fn a_need_for_no_one_or_for_more_than_ten_thousand_is_refused() {
        for min in [0, 10_001, 1_000_000_000] {
            let draft = NeedDraft { min, max: None, min_women: 0, ..north_entrance_pat_downs() };
            assert_eq!(Need::new(draft), Err(PlanError::NeedMinOutOfRange), "{min}");
        }
    }

    #[test]
    fn a_maximum_below_the_minimum_is_refused() {
        let draft = NeedDraft { max: Some(5), ..north_entrance_pat_downs() };
        assert_eq!(Need::new(draft), Err(PlanError::NeedMaxOutOfRange));
        let equal = NeedDraft { max: Some(6), ..north_entrance_pat_downs() };
        assert!(Need::new(equal).is_ok());
    }

    #[test]
    fn a_priority_outside_one_to_five_is_refused() {
        for priority in [0, 6, 255] {
            let draft = NeedDraft { priority, ..north_entrance_pat_downs() };
            assert_eq!(Need::new(draft), Err(PlanError::PriorityOutOfRange));
        }
    }

    #[test]
    fn four_women_and_three_men_do_not_fit_in_six_agents() {
        let draft = NeedDraft { min_women: 4, min_men: 3, ..north_entrance_pat_downs() };
        assert_eq!(Need::new(draft), Err(PlanError::SexMinimaExceedMin));
        let huge = NeedDraft { min_women: u32::MAX, min_men: u32::MAX, ..north_entrance_pat_downs() };
        assert_eq!(Need::new(huge), Err(PlanError::SexMinimaExceedMin));
    }

    #[test]
    fn a_need_read_from_json_is_checked_like_a_form() {
        let need = Need::new(north_entrance_pat_downs()).unwrap();
        let mut value = serde_json::to_value(&need).unwrap();
        assert_eq!(serde_json::from_value::<Need>(value.clone()).unwrap(), need);
        value["min"] = 1_000_000_000.into();
        let refused = serde_json::from_value::<Need>(value).unwrap_err().to_string();
        assert_eq!(refused, "L'effectif minimum doit être compris entre 1 et 10 000.");
    }
}
