//! Behaviour of the solver on small problems built by hand.

use super::fixtures::{agent, instance, need, window};
use super::*;
use crate::domain::plan::{Qualification, Sex};

#[test]
fn a_pat_down_post_short_of_women_still_takes_the_men_who_lessen_what_it_misses() {
    // Six searchers, two of them women, and only three men able to search: each man there
    // leaves one agent fewer missing (6 → 3), though no woman can come.
    let mut post = need("entree", "stade", (10, 14), Some(Qualification::Palpation), 6);
    post.min_women = 2;
    post.min_men = 2;
    let men: Vec<ScheduleAgent> =
        (1..=3).map(|i| agent(&format!("h{i}"), &[Qualification::Palpation], Sex::Homme)).collect();
    let problem = instance(vec![post], men);
    let solution = solve(&problem, 1, &mut steps(10_000));
    let mut on_post: Vec<&str> = solution.shifts.iter().map(|s| s.agent.as_str()).collect();
    on_post.sort_unstable();
    assert_eq!(on_post, ["h1", "h2", "h3"]);
    let gap = &solution.uncovered[0];
    assert_eq!(
        (gap.need.as_str(), gap.missing, gap.start, gap.end),
        ("entree", 3, window(10, 14).start(), window(10, 14).end())
    );
}

#[test]
fn re_planning_keeps_a_published_shift_that_a_fresh_plan_would_give_to_someone_else() {
    // Published: Bruno holds the gate. Claire, paid nothing yet, would be the fairer choice
    // in a fresh plan; re-planning leaves Bruno where he is.
    let gate = need("porte", "stade", (8, 12), None, 1);
    let agents = vec![agent("bruno", &[], Sex::Homme), agent("claire", &[], Sex::Femme)];
    let mut problem = instance(vec![gate.clone(), need("parvis", "stade", (14, 18), None, 1)], agents);
    let bruno_at_the_gate =
        Shift { agent: "bruno".into(), need: "porte".into(), start: gate.window.start(), end: gate.window.end() };
    let release = Solution::new(
        vec![
            bruno_at_the_gate.clone(),
            Shift {
                agent: "bruno".into(),
                need: "parvis".into(),
                start: window(14, 18).start(),
                end: window(14, 18).end(),
            },
        ],
        Vec::new(),
    );
    // The forecourt is cancelled: Bruno's morning shift stays, nobody is added.
    problem.needs.retain(|n| n.id == "porte");
    problem.previous = Some(release);
    let replanned = solve(&problem, 1, &mut steps(10_000));
    assert_eq!(replanned.shifts, vec![bruno_at_the_gate]);
}
