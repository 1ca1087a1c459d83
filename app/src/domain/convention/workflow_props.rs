//! Properties of the approval workflow over random sequences of actions by random roles: no
//! sequence reaches a state the diagram does not allow, only the prefecture decides,
//! participants and outsiders never move a file, terminal states accept only comments.

use proptest::prelude::*;

use super::workflow::*;
use crate::domain::release::ReleaseNumber;

use Status::*;

fn role() -> impl Strategy<Value = ActorRole> {
    prop_oneof![
        Just(ActorRole::Organiser),
        Just(ActorRole::PrefectureInstructor),
        Just(ActorRole::Participant),
        Just(ActorRole::Other),
    ]
}

/// A message as people type it, blank and oversized ones included.
fn message() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        1 => Just("   ".to_string()),
        6 => Just("Précisez le circuit d’alerte.".to_string()),
        1 => Just("x".repeat(MAX_MESSAGE + 1)),
        1 => "[a-zA-Zéè \u{7}]{0,20}",
    ]
}

fn action() -> impl Strategy<Value = Action> {
    prop_oneof![
        Just(Action::Submit),
        Just(Action::TakeUp),
        message().prop_map(|message| Action::RequestCorrections { message }),
        Just(Action::Approve),
        message().prop_map(|reasons| Action::Refuse { reasons }),
        message().prop_map(|reason| Action::Close { reason }),
        Just(Action::Withdraw),
        (1u32..8).prop_map(|n| Action::NewRelease { release: ReleaseNumber::new(n).unwrap() }),
        message().prop_map(|text| Action::Comment { text }),
    ]
}

/// Every change of status the diagram allows, with the one role that may make it.
fn allowed_move(from: Status, to: Status, role: ActorRole) -> bool {
    use ActorRole::*;
    let expected = match (from, to) {
        (Brouillon, Deposee) | (CorrectionsDemandees, EnInstruction) | (Approuvee, Brouillon) => Organiser,
        (Retiree, Deposee) | (Retiree, Brouillon) => Organiser,
        (Deposee | EnInstruction | CorrectionsDemandees, Retiree) => Organiser,
        (Deposee, EnInstruction)
        | (EnInstruction, CorrectionsDemandees | Approuvee | Refusee)
        | (Deposee | EnInstruction | CorrectionsDemandees, ClasseeSansSuite) => PrefectureInstructor,
        _ => return false,
    };
    role == expected
}

fn state_is_consistent(dossier: &Dossier) -> bool {
    let texts_filled = match &dossier.state {
        DossierState::CorrectionsDemandees { message: text }
        | DossierState::Refusee { reasons: text }
        | DossierState::ClasseeSansSuite { reason: text } => {
            !text.trim().is_empty() && text.chars().count() <= MAX_MESSAGE
        }
        _ => true,
    };
    let approved_consistent = match dossier.state {
        DossierState::Approuvee => dossier.approved_release == Some(dossier.release),
        _ => dossier.approved_release.is_none_or(|approved| approved <= dossier.release),
    };
    texts_filled && approved_consistent && dossier.cycle >= 1
}

/// The role that may take an action: most generated steps use it, so that random sequences
/// get deep into the diagram instead of being refused at the first step.
fn natural_role(action: &Action) -> ActorRole {
    match action {
        Action::Submit | Action::Withdraw | Action::NewRelease { .. } => ActorRole::Organiser,
        Action::Comment { .. } => ActorRole::Participant,
        _ => ActorRole::PrefectureInstructor,
    }
}

/// An action and who takes it: three times in four the role that may, else any role.
fn step() -> impl Strategy<Value = (Action, ActorRole)> {
    (action(), role(), 0u8..4).prop_map(|(action, role, dice)| {
        let role = if dice == 0 { role } else { natural_role(&action) };
        (action, role)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_actions_reaches_a_state_the_diagram_does_not_allow(
        steps in proptest::collection::vec(step(), 0..40)
    ) {
        let mut dossier = Dossier::new(ReleaseNumber::FIRST);
        for (action, role) in &steps {
            let before = dossier.clone();
            let Ok(after) = transition(&before, action, *role) else { continue };
            let (from, to) = (before.state.status(), after.state.status());
            if from == to {
                // Staying put: a comment (nothing changes) or a draft following a newer release.
                let follows_release = matches!(action, Action::NewRelease { .. })
                    && *role == ActorRole::Organiser
                    && after.release > before.release;
                prop_assert!(after == before || follows_release, "{before:?} --{action:?}/{role:?}--> {after:?}");
            } else {
                prop_assert!(allowed_move(from, to, *role), "{from:?} -> {to:?} by {role:?}");
            }
            prop_assert!(state_is_consistent(&after), "{after:?}");
            prop_assert!(after.release >= before.release);
            prop_assert!(after.approved_release >= before.approved_release);
            // A new cycle starts after an approval or a withdrawal, and only then.
            let new_cycle = (from == Approuvee && to == Brouillon) || (from == Retiree && to != Retiree);
            prop_assert_eq!(after.cycle > before.cycle, new_cycle);
            dossier = after;
        }
    }

    #[test]
    fn only_the_prefecture_reaches_approval_or_refusal(
        steps in proptest::collection::vec(step(), 0..40)
    ) {
        let mut dossier = Dossier::new(ReleaseNumber::FIRST);
        for (action, role) in &steps {
            if let Ok(after) = transition(&dossier, action, *role) {
                let decided = matches!(after.state.status(), Approuvee | Refusee);
                if decided && after.state.status() != dossier.state.status() {
                    prop_assert_eq!(*role, ActorRole::PrefectureInstructor);
                }
                dossier = after;
            }
        }
    }

    #[test]
    fn participants_and_outsiders_never_change_a_file(
        setup in proptest::collection::vec(step(), 0..20),
        action in action(),
        role in prop_oneof![Just(ActorRole::Participant), Just(ActorRole::Other)],
    ) {
        let dossier = setup.iter().fold(Dossier::new(ReleaseNumber::FIRST), |d, (a, r)| transition(&d, a, *r).unwrap_or(d));
        if let Ok(after) = transition(&dossier, &action, role) {
            prop_assert_eq!(after, dossier);
            let comment_by_participant = matches!(action, Action::Comment { .. }) && role == ActorRole::Participant;
            prop_assert!(comment_by_participant, "{:?} by {:?} was accepted", action, role);
        }
    }

    #[test]
    fn terminal_states_accept_only_comments_which_change_nothing(
        setup in proptest::collection::vec(step(), 0..40),
        action in action(),
        role in role(),
    ) {
        let dossier = setup.iter().fold(Dossier::new(ReleaseNumber::FIRST), |d, (a, r)| transition(&d, a, *r).unwrap_or(d));
        if dossier.state.status().is_terminal() {
            if let Ok(after) = transition(&dossier, &action, role) {
                let comment = matches!(action, Action::Comment { .. });
                prop_assert!(comment, "{:?} accepted in a terminal state", action);
                prop_assert_eq!(after, dossier);
            }
        }
    }
}

#[test]
fn every_status_of_the_diagram_is_reachable_from_a_draft() {
    use ActorRole::*;
    let v2 = ReleaseNumber::new(2).unwrap();
    let approve =
        [(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor), (Action::Approve, PrefectureInstructor)];
    let mut seen = std::collections::BTreeSet::new();
    let mut dossier = Dossier::new(ReleaseNumber::FIRST);
    seen.insert(dossier.state.status());
    for (action, role) in approve.iter().cloned().chain([(Action::NewRelease { release: v2 }, Organiser)]) {
        dossier = transition(&dossier, &action, role).unwrap();
        seen.insert(dossier.state.status());
    }
    let taken =
        transition(&transition(&dossier, &Action::Submit, Organiser).unwrap(), &Action::TakeUp, PrefectureInstructor)
            .unwrap();
    for (action, role) in [
        (Action::RequestCorrections { message: "Précisez".into() }, PrefectureInstructor),
        (Action::Refuse { reasons: "Hors délai".into() }, PrefectureInstructor),
        (Action::Close { reason: "Événement annulé".into() }, PrefectureInstructor),
        (Action::Withdraw, Organiser),
    ] {
        seen.insert(transition(&taken, &action, role).unwrap().state.status());
    }
    assert_eq!(seen.into_iter().collect::<Vec<_>>(), Status::ALL);
}
