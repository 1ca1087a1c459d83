//! The approval workflow, journey by journey.

use super::workflow::*;
use crate::domain::geo::Department;
use crate::domain::release::ReleaseNumber;

use ActorRole::*;

fn v(n: u32) -> ReleaseNumber {
    ReleaseNumber::new(n).unwrap()
}

fn run(start: Dossier, steps: &[(Action, ActorRole)]) -> Result<Dossier, WorkflowError> {
    steps.iter().try_fold(start, |dossier, (action, role)| transition(&dossier, action, *role))
}

fn corrections(message: &str) -> Action {
    Action::RequestCorrections { message: message.into() }
}

#[test]
fn a_file_is_submitted_corrected_resubmitted_and_approved() {
    let steps = [
        (Action::Submit, Organiser),
        (Action::TakeUp, PrefectureInstructor),
        (corrections("Précisez le circuit d’alerte entre le PC et le commissariat."), PrefectureInstructor),
        (Action::Comment { text: "Nous complétons l’article 4.".into() }, Participant),
        (Action::NewRelease { release: v(2) }, Organiser),
        (Action::Submit, Organiser),
        (Action::Approve, PrefectureInstructor),
    ];
    let approved = run(Dossier::new(v(1)), &steps).unwrap();
    assert_eq!(
        approved,
        Dossier { release: v(2), state: DossierState::Approuvee, approved_release: Some(v(2)), cycle: 1 }
    );
}

#[test]
fn the_corrections_message_travels_with_the_state() {
    let taken =
        run(Dossier::new(v(1)), &[(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor)]).unwrap();
    let sent_back = transition(&taken, &corrections("  Ajoutez le plan du site.  "), PrefectureInstructor).unwrap();
    assert_eq!(sent_back.state, DossierState::CorrectionsDemandees { message: "Ajoutez le plan du site.".into() });
    assert_eq!(transition(&taken, &corrections(" "), PrefectureInstructor), Err(WorkflowError::MessageRequired));
}

#[test]
fn an_organiser_can_never_approve_its_own_file() {
    let taken =
        run(Dossier::new(v(1)), &[(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor)]).unwrap();
    let refused = transition(&taken, &Action::Approve, Organiser).unwrap_err();
    assert_eq!(refused, WorkflowError::Forbidden { action: "approve", role: Organiser });
    assert_eq!(refused.to_string(), "Votre rôle ne vous permet pas d’approuver le dossier.");
}

#[test]
fn an_organiser_who_is_also_a_member_of_the_prefecture_acts_as_the_organiser() {
    let bdr = Department::parse("13").unwrap();
    assert_eq!(ActorRole::of(true, Some(&bdr), false, &bdr), Organiser);
    assert_eq!(ActorRole::of(false, Some(&bdr), false, &bdr), PrefectureInstructor);
}

#[test]
fn the_prefecture_of_another_department_is_nobody_to_the_file() {
    let bdr = Department::parse("13").unwrap();
    let var = Department::parse("83").unwrap();
    assert_eq!(ActorRole::of(false, Some(&var), false, &bdr), Other);
    assert_eq!(ActorRole::of(false, Some(&var), true, &bdr), Participant);
    let filed = transition(&Dossier::new(v(1)), &Action::Submit, Organiser).unwrap();
    assert!(matches!(transition(&filed, &Action::TakeUp, Other), Err(WorkflowError::Forbidden { .. })));
    assert!(matches!(
        transition(&filed, &Action::Comment { text: "Bonjour".into() }, Other),
        Err(WorkflowError::Forbidden { .. })
    ));
}

#[test]
fn participants_comment_but_never_move_the_file() {
    let filed = transition(&Dossier::new(v(1)), &Action::Submit, Organiser).unwrap();
    let commented = transition(&filed, &Action::Comment { text: "Le SDIS sera au PC dès 17 h.".into() }, Participant);
    assert_eq!(commented, Ok(filed.clone()));
    assert!(matches!(transition(&filed, &Action::TakeUp, Participant), Err(WorkflowError::Forbidden { .. })));
}

#[test]
fn a_file_cannot_be_approved_before_it_is_taken_up() {
    let filed = transition(&Dossier::new(v(1)), &Action::Submit, Organiser).unwrap();
    let refused = transition(&filed, &Action::Approve, PrefectureInstructor).unwrap_err();
    assert_eq!(refused, WorkflowError::NotInThisState { action: "approve", status: Status::Deposee });
    assert_eq!(refused.to_string(), "Impossible d’approuver le dossier : le dossier est à l’état « Déposée ».");
}

#[test]
fn the_organiser_withdraws_before_a_decision_and_may_file_again_as_a_new_cycle() {
    let taken =
        run(Dossier::new(v(1)), &[(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor)]).unwrap();
    let withdrawn = transition(&taken, &Action::Withdraw, Organiser).unwrap();
    assert_eq!(withdrawn.state, DossierState::Retiree);
    assert!(!withdrawn.state.status().is_terminal());
    assert!(transition(&withdrawn, &Action::Comment { text: "Annulé pour météo.".into() }, Organiser).is_ok());
    assert!(transition(&withdrawn, &Action::TakeUp, PrefectureInstructor).is_err(), "nothing to instruct");
    // Filed again as it stands: a new cycle, under instruction from the start.
    let refiled = transition(&withdrawn, &Action::Submit, Organiser).unwrap();
    assert_eq!((refiled.state.clone(), refiled.release, refiled.cycle), (DossierState::Deposee, v(1), 2));
    // Or a newer release published first: a new cycle in brouillon, filed when ready.
    let newer = transition(&withdrawn, &Action::NewRelease { release: v(2) }, Organiser).unwrap();
    assert_eq!((newer.state.clone(), newer.release, newer.cycle), (DossierState::Brouillon, v(2), 2));
    let filed = transition(&newer, &Action::Submit, Organiser).unwrap();
    assert_eq!((filed.state, filed.cycle), (DossierState::Deposee, 2));
    assert!(transition(&withdrawn, &Action::Submit, PrefectureInstructor).is_err());
}

#[test]
fn a_refusal_needs_reasons_and_leaves_nothing_to_do() {
    let taken =
        run(Dossier::new(v(1)), &[(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor)]).unwrap();
    assert_eq!(
        transition(&taken, &Action::Refuse { reasons: "".into() }, PrefectureInstructor),
        Err(WorkflowError::MessageRequired)
    );
    let refused =
        transition(&taken, &Action::Refuse { reasons: "Aucun DPS prévu.".into() }, PrefectureInstructor).unwrap();
    assert_eq!(refused.state, DossierState::Refusee { reasons: "Aucun DPS prévu.".into() });
    assert!(transition(&refused, &Action::Withdraw, Organiser).is_err());
    assert!(transition(&refused, &Action::Approve, PrefectureInstructor).is_err());
}

#[test]
fn a_file_left_in_corrections_can_be_closed_without_a_decision() {
    let steps = [
        (Action::Submit, Organiser),
        (Action::TakeUp, PrefectureInstructor),
        (corrections("Joignez l’attestation du DPS."), PrefectureInstructor),
        (Action::Close { reason: "Sans réponse de l’organisateur depuis six semaines.".into() }, PrefectureInstructor),
    ];
    assert_eq!(run(Dossier::new(v(1)), &steps).unwrap().state.status(), Status::ClasseeSansSuite);
}

#[test]
fn a_new_release_after_approval_opens_a_new_cycle_and_keeps_the_approved_release() {
    let steps =
        [(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor), (Action::Approve, PrefectureInstructor)];
    let approved = run(Dossier::new(v(3)), &steps).unwrap();
    let next = transition(&approved, &Action::NewRelease { release: v(4) }, Organiser).unwrap();
    assert_eq!(next, Dossier { release: v(4), state: DossierState::Brouillon, approved_release: Some(v(3)), cycle: 2 });
    assert_eq!(
        transition(&approved, &Action::NewRelease { release: v(3) }, Organiser),
        Err(WorkflowError::ReleaseNotNewer)
    );
}

#[test]
fn the_plan_cannot_change_under_an_instructor_s_eyes() {
    let taken =
        run(Dossier::new(v(1)), &[(Action::Submit, Organiser), (Action::TakeUp, PrefectureInstructor)]).unwrap();
    assert_eq!(
        transition(&taken, &Action::NewRelease { release: v(2) }, Organiser),
        Err(WorkflowError::NotInThisState { action: "new_release", status: Status::EnInstruction })
    );
}

#[test]
fn a_file_and_its_actions_serialise_with_stable_codes() {
    let dossier = Dossier {
        release: v(2),
        state: DossierState::CorrectionsDemandees { message: "Précisez".into() },
        approved_release: None,
        cycle: 1,
    };
    let json = serde_json::to_value(&dossier).unwrap();
    assert_eq!(json["state"], serde_json::json!({"status": "corrections_demandees", "message": "Précisez"}));
    assert_eq!(serde_json::from_value::<Dossier>(json).unwrap(), dossier);
    let action: Action = serde_json::from_str(r#"{"action": "refuse", "reasons": "Hors délai"}"#).unwrap();
    assert_eq!(action, Action::Refuse { reasons: "Hors délai".into() });
}
