//! The sweep behind coverage: turns "so many agents present over this window" pieces into a
//! step function over a frame, as maximal intervals of constant level.

use super::window::TimeWindow;
use crate::domain::time::Instant;

/// A step of a staffing profile: `level` agents present over `window`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub window: TimeWindow,
    pub level: u32,
}

/// The level of presence over `frame`, as steps that tile it exactly, in time order, two
/// neighbours never having the same level. Presences are clipped to the frame; those with
/// a count of zero or outside the frame change nothing. O(n log n) in the presences.
pub fn profile(frame: TimeWindow, presences: impl IntoIterator<Item = (TimeWindow, u32)>) -> Vec<Step> {
    let mut changes: Vec<(Instant, i64)> = Vec::new();
    for (window, count) in presences {
        if count == 0 {
            continue;
        }
        if let Some(clipped) = frame.intersection(&window) {
            changes.push((clipped.start(), i64::from(count)));
            changes.push((clipped.end(), -i64::from(count)));
        }
    }
    changes.sort_unstable_by_key(|&(at, _)| at);
    let mut steps = Vec::new();
    let (mut level, mut cursor, mut next) = (0_i64, frame.start(), 0);
    while next < changes.len() {
        let at = changes[next].0;
        push_step(&mut steps, cursor, at, level);
        while next < changes.len() && changes[next].0 == at {
            level += changes[next].1;
            next += 1;
        }
        cursor = at;
    }
    push_step(&mut steps, cursor, frame.end(), level);
    steps
}

/// Appends `[from, to)` at `level`, extending the last step when the level is unchanged.
fn push_step(steps: &mut Vec<Step>, from: Instant, to: Instant, level: i64) {
    let level = u32::try_from(level.max(0)).unwrap_or(u32::MAX);
    match steps.last_mut() {
        Some(last) if last.level == level && last.window.end() == from => {
            if let Ok(longer) = TimeWindow::new(last.window.start(), to) {
                last.window = longer;
            }
        }
        _ => {
            if let Ok(window) = TimeWindow::new(from, to) {
                steps.push(Step { window, level });
            }
        }
    }
}

/// The windows where the level falls short of `required`, with the shortfall, adjacent
/// windows of equal shortfall merged.
pub fn shortfalls(steps: &[Step], required: u32) -> Vec<(TimeWindow, u32)> {
    let mut found: Vec<(TimeWindow, u32)> = Vec::new();
    for step in steps.iter().filter(|step| step.level < required) {
        let missing = required - step.level;
        match found.last_mut() {
            Some((window, short)) if *short == missing && window.end() == step.window.start() => {
                if let Ok(longer) = TimeWindow::new(window.start(), step.window.end()) {
                    *window = longer;
                }
            }
            _ => found.push((step.window, missing)),
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: i64 = 3_600_000;

    fn w(start_h: i64, end_h: i64) -> TimeWindow {
        TimeWindow::new(Instant(start_h * H), Instant(end_h * H)).unwrap()
    }

    #[test]
    fn nobody_present_is_one_step_at_level_zero() {
        assert_eq!(profile(w(18, 24), []), vec![Step { window: w(18, 24), level: 0 }]);
    }

    #[test]
    fn presences_are_clipped_to_the_frame_and_summed_where_they_overlap() {
        let steps = profile(w(18, 24), [(w(16, 20), 2), (w(19, 30), 3), (w(30, 31), 9)]);
        assert_eq!(
            steps,
            vec![
                Step { window: w(18, 19), level: 2 },
                Step { window: w(19, 20), level: 5 },
                Step { window: w(20, 24), level: 3 },
            ]
        );
    }

    #[test]
    fn a_relay_at_the_same_level_makes_one_step() {
        let steps = profile(w(18, 24), [(w(18, 21), 4), (w(21, 24), 4)]);
        assert_eq!(steps, vec![Step { window: w(18, 24), level: 4 }]);
    }

    #[test]
    fn shortfalls_of_equal_size_on_touching_steps_merge() {
        let steps = [
            Step { window: w(18, 19), level: 1 },
            Step { window: w(19, 20), level: 1 },
            Step { window: w(20, 21), level: 6 },
            Step { window: w(21, 22), level: 0 },
        ];
        assert_eq!(shortfalls(&steps, 6), vec![(w(18, 20), 5), (w(21, 22), 6)]);
    }
}
