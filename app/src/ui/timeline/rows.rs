//! The plan as table rows, one per deployment, and their sorting by any column. Pure, so
//! the order a screen reader hears is tested natively.

use std::collections::HashMap;

use super::format::{short_date_time, sort_key};
use super::text;
use crate::domain::plan::Plan;
use crate::domain::time::Instant;

/// One deployment as the table shows it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PlanRow {
    pub deployment_id: String,
    pub zone: String,
    /// The post's name, or "—".
    pub post: String,
    pub participant: String,
    pub start: Instant,
    pub end: Instant,
    /// "ven. 10/07 18:00" on the event's clock.
    pub start_text: String,
    pub end_text: String,
    /// Agents on the ground: the stated headcount or the named agents, whichever is larger.
    pub headcount: u32,
    pub named: usize,
    pub category: &'static str,
    pub mission: String,
    pub visibility: &'static str,
}

/// A column of the table, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Zone,
    Post,
    Participant,
    Start,
    End,
    Headcount,
    Named,
    Category,
    Mission,
    Visibility,
}

impl Column {
    /// Every column, in display order.
    pub const ALL: [Column; 10] = [
        Column::Zone,
        Column::Post,
        Column::Participant,
        Column::Start,
        Column::End,
        Column::Headcount,
        Column::Named,
        Column::Category,
        Column::Mission,
        Column::Visibility,
    ];

    /// The column's header.
    pub fn label(self) -> &'static str {
        match self {
            Column::Zone => text::COLUMN_ZONE,
            Column::Post => text::COLUMN_POST,
            Column::Participant => text::COLUMN_PARTICIPANT,
            Column::Start => text::COLUMN_START,
            Column::End => text::COLUMN_END,
            Column::Headcount => text::COLUMN_HEADCOUNT,
            Column::Named => text::COLUMN_NAMED,
            Column::Category => text::COLUMN_CATEGORY,
            Column::Mission => text::COLUMN_MISSION,
            Column::Visibility => text::COLUMN_VISIBILITY,
        }
    }

    /// What a row is sorted by on this column alone (text ignoring case and accents).
    fn key(self, row: &PlanRow) -> Key {
        match self {
            Column::Zone => Key::Text(sort_key(&row.zone)),
            Column::Post => Key::Text(sort_key(&row.post)),
            Column::Participant => Key::Text(sort_key(&row.participant)),
            Column::Start => Key::Number(row.start.0),
            Column::End => Key::Number(row.end.0),
            Column::Headcount => Key::Number(i64::from(row.headcount)),
            Column::Named => Key::Number(i64::try_from(row.named).unwrap_or(i64::MAX)),
            Column::Category => Key::Text(sort_key(row.category)),
            Column::Mission => Key::Text(sort_key(&row.mission)),
            Column::Visibility => Key::Text(sort_key(row.visibility)),
        }
    }
}

/// A row's value on one column, as sorted: the same variant for every row of a column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Text((String, String)),
    Number(i64),
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Ascending,
    Descending,
}

impl Direction {
    /// The value of `aria-sort` on the sorted column's header.
    pub fn aria(self) -> &'static str {
        match self {
            Direction::Ascending => "ascending",
            Direction::Descending => "descending",
        }
    }
}

/// The table's sort: a column and a direction. Starts by start time, earliest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    pub column: Column,
    pub direction: Direction,
}

impl Default for Sort {
    fn default() -> Self {
        Sort { column: Column::Start, direction: Direction::Ascending }
    }
}

impl Sort {
    /// The sort after clicking `column`'s header: the other direction if it is the sorted
    /// column, else that column ascending.
    pub fn clicked(self, column: Column) -> Sort {
        match (self.column == column, self.direction) {
            (true, Direction::Ascending) => Sort { column, direction: Direction::Descending },
            _ => Sort { column, direction: Direction::Ascending },
        }
    }
}

/// One row per deployment of `plan`, in the plan's order.
pub fn plan_rows(plan: &Plan) -> Vec<PlanRow> {
    let zone_tz = plan.event.time_zone();
    let zones: HashMap<&str, &str> = plan.zones.iter().map(|z| (z.id(), z.name())).collect();
    let posts: HashMap<&str, &str> = plan.posts.iter().map(|p| (p.id(), p.name())).collect();
    let participants: HashMap<&str, &str> = plan.participants.iter().map(|p| (p.id(), p.name())).collect();
    plan.deployments
        .iter()
        .map(|d| PlanRow {
            deployment_id: d.id().to_string(),
            zone: zones.get(d.zone_id()).copied().unwrap_or(text::UNKNOWN_ZONE).to_string(),
            post: d.post_id().map_or(text::NONE, |id| posts.get(id).copied().unwrap_or(text::UNKNOWN_POST)).to_string(),
            participant: participants.get(d.participant_id()).copied().unwrap_or(text::UNKNOWN_PARTICIPANT).to_string(),
            start: d.window().start(),
            end: d.window().end(),
            start_text: short_date_time(d.window().start(), zone_tz),
            end_text: short_date_time(d.window().end(), zone_tz),
            headcount: d.staffed_headcount(),
            named: d.agent_ids().len(),
            category: d.category().label(),
            mission: d.mission().to_string(),
            visibility: d.visibility().label(),
        })
        .collect()
}

/// Sorts the rows by `sort`; ties keep the order by start, then zone, then id, so that the
/// order never depends on how the rows came.
pub fn sort_rows(rows: &mut [PlanRow], sort: Sort) {
    // Each row's keys are worked out once, not at every comparison: folding French text
    // allocates, and a city festival's table has thousands of rows.
    let mut keyed: Vec<(Key, Key, usize)> =
        rows.iter().enumerate().map(|(i, row)| (sort.column.key(row), Column::Zone.key(row), i)).collect();
    keyed.sort_by(|(a_column, a_zone, a), (b_column, b_zone, b)| {
        let (a, b) = (&rows[*a], &rows[*b]);
        let on_column = a_column.cmp(b_column);
        let on_column = if sort.direction == Direction::Descending { on_column.reverse() } else { on_column };
        on_column
            .then_with(|| a.start.cmp(&b.start))
            .then_with(|| a_zone.cmp(b_zone))
            .then_with(|| a.deployment_id.cmp(&b.deployment_id))
    });
    // Where each row goes, then the rows swapped there (no row copied).
    let mut to = vec![0; rows.len()];
    for (place, (.., from)) in keyed.into_iter().enumerate() {
        to[from] = place;
    }
    for i in 0..rows.len() {
        while to[i] != i {
            let j = to[i];
            rows.swap(i, j);
            to.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::{festival, id, october_night, paris};

    fn ids(rows: &[PlanRow]) -> Vec<String> {
        rows.iter().map(|r| r.deployment_id.clone()).collect()
    }

    #[test]
    fn a_row_shows_a_deployment_in_french_on_the_event_clock() {
        let rows = plan_rows(&festival());
        let expected = PlanRow {
            deployment_id: id(101),
            zone: "Entrée Nord".into(),
            post: "—".into(),
            participant: "Police municipale de Marseille".into(),
            start: paris(2026, 7, 10, 20, 0),
            end: paris(2026, 7, 10, 23, 0),
            start_text: "ven. 10/07 20:00".into(),
            end_text: "ven. 10/07 23:00".into(),
            headcount: 2,
            named: 0,
            category: "Filtrage",
            mission: "Contrôle visuel des sacs".into(),
            visibility: "Tous les participants",
        };
        assert_eq!(rows[1], expected);
    }

    #[test]
    fn rows_start_by_start_time_and_ties_go_by_zone_name() {
        let mut rows = plan_rows(&festival());
        sort_rows(&mut rows, Sort::default());
        // 100 (Entrée Nord) and 102 (Parking Sud) both start at 18:00.
        assert_eq!(ids(&rows), [id(100), id(102), id(101)]);
    }

    #[test]
    fn clicking_the_participant_header_twice_sorts_it_backwards() {
        let mut rows = plan_rows(&festival());
        let once = Sort::default().clicked(Column::Participant);
        assert_eq!(once, Sort { column: Column::Participant, direction: Direction::Ascending });
        sort_rows(&mut rows, once);
        assert_eq!(ids(&rows), [id(102), id(101), id(100)]);
        let twice = once.clicked(Column::Participant);
        assert_eq!(twice.direction.aria(), "descending");
        sort_rows(&mut rows, twice);
        assert_eq!(ids(&rows), [id(100), id(101), id(102)]);
    }

    #[test]
    fn sorting_by_headcount_puts_the_smallest_team_first() {
        let mut rows = plan_rows(&festival());
        sort_rows(&mut rows, Sort { column: Column::Headcount, direction: Direction::Ascending });
        assert_eq!(rows.iter().map(|r| r.headcount).collect::<Vec<_>>(), [2, 3, 4]);
    }

    #[test]
    fn a_large_plan_sorts_on_every_column_both_ways_as_the_rule_says() {
        // The rule: the column (text without case nor accents), then start, zone, id.
        let plan = crate::domain::plan::synthetic_plan(6, 300, 24, 7);
        let rows = plan_rows(&plan);
        for column in Column::ALL {
            for direction in [Direction::Ascending, Direction::Descending] {
                let sort = Sort { column, direction };
                let mut expected = rows.clone();
                expected.sort_by(|a, b| {
                    let on_column = column.key(a).cmp(&column.key(b));
                    let on_column = if direction == Direction::Descending { on_column.reverse() } else { on_column };
                    on_column
                        .then_with(|| a.start.cmp(&b.start))
                        .then_with(|| sort_key(&a.zone).cmp(&sort_key(&b.zone)))
                        .then_with(|| a.deployment_id.cmp(&b.deployment_id))
                });
                let mut sorted = rows.clone();
                sort_rows(&mut sorted, sort);
                assert_eq!(ids(&sorted), ids(&expected), "{column:?} {direction:?}");
            }
        }
    }

    #[test]
    fn a_night_across_the_october_change_reads_on_the_local_clock() {
        let rows = plan_rows(&october_night());
        assert_eq!((rows[0].start_text.as_str(), rows[0].end_text.as_str()), ("sam. 24/10 22:00", "dim. 25/10 06:00"));
    }
}
