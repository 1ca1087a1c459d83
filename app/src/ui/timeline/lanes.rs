//! Stacking overlapping intervals of one zone into lanes, so that no two bars of a row are
//! drawn on top of each other.

use crate::domain::plan::TimeWindow;

/// The lane of each window, in the order given: the lowest lane free at its start, windows
/// taken by start (then end). Touching windows share a lane (`[18:00, 20:00)` then
/// `[20:00, 22:00)`). A window that would need lane `max_lanes` or beyond gets `None`: the
/// row would grow unreadable, and the plan table lists every deployment anyway.
/// O(n log n + n × max_lanes).
pub fn assign_lanes(windows: &[TimeWindow], max_lanes: usize) -> Vec<Option<usize>> {
    let mut order: Vec<usize> = (0..windows.len()).collect();
    order.sort_by_key(|&i| (windows[i].start(), windows[i].end(), i));
    let mut lane_ends = Vec::with_capacity(max_lanes);
    let mut lanes = vec![None; windows.len()];
    for i in order {
        let window = windows[i];
        let free = lane_ends.iter().position(|&end| end <= window.start());
        let lane = match free {
            Some(lane) => Some(lane),
            None if lane_ends.len() < max_lanes => {
                lane_ends.push(window.start());
                Some(lane_ends.len() - 1)
            }
            None => None,
        };
        if let Some(lane) = lane {
            lane_ends[lane] = window.end();
        }
        lanes[i] = lane;
    }
    lanes
}

/// How many lanes the assignment uses.
pub fn lane_count(lanes: &[Option<usize>]) -> usize {
    lanes.iter().flatten().max().map_or(0, |&highest| highest + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::timeline::fixtures::july;

    #[test]
    fn touching_shifts_share_the_first_lane() {
        let shifts = [july((10, 18, 0), (10, 20, 0)), july((10, 20, 0), (10, 22, 0))];
        assert_eq!(assign_lanes(&shifts, 8), vec![Some(0), Some(0)]);
    }

    #[test]
    fn overlapping_shifts_stack_and_a_later_one_reuses_the_freed_lane() {
        let shifts = [
            july((10, 20, 0), (10, 23, 0)),
            july((10, 18, 0), (10, 23, 30)),
            july((10, 23, 0), (11, 1, 0)),
            july((10, 19, 0), (10, 21, 0)),
        ];
        // By start: 18:00–23:30 → 0, 19:00–21:00 → 1, 20:00–23:00 → 2, 23:00–01:00 → 1.
        assert_eq!(assign_lanes(&shifts, 8), vec![Some(2), Some(0), Some(1), Some(1)]);
        assert_eq!(lane_count(&assign_lanes(&shifts, 8)), 3);
    }

    #[test]
    fn a_shift_beyond_the_last_lane_is_left_out() {
        let same = july((10, 18, 0), (10, 20, 0));
        assert_eq!(assign_lanes(&[same, same, same], 2), vec![Some(0), Some(1), None]);
        assert_eq!(lane_count(&[]), 0);
    }
}
