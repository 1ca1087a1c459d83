//! Opinions asked of the police, the municipal police, the SDIS or another body.

use super::opinions::*;
use crate::domain::plan::fixtures::paris;

fn sdis_request() -> OpinionRequest {
    OpinionRequest::new(
        ConsultedBody::Sdis,
        None,
        "Avis sur le dispositif de secours du Festival des Calanques.",
        paris(2026, 5, 4, 9, 0),
        paris(2026, 5, 18, 18, 0),
    )
    .unwrap()
}

#[test]
fn a_request_is_pending_until_its_deadline_then_overdue() {
    let opinion = Opinion::requested(sdis_request());
    assert_eq!(opinion.status(paris(2026, 5, 18, 17, 59)), OpinionStatus::Pending);
    assert_eq!(opinion.status(paris(2026, 5, 18, 18, 0)), OpinionStatus::Overdue);
    assert_eq!(opinion.body_label(), "Service départemental d’incendie et de secours (SDIS)");
}

#[test]
fn an_answer_in_time_is_answered_and_not_late() {
    let answered = Opinion::requested(sdis_request())
        .answer(Verdict::Reserve, "Prévoir un second poste de secours côté plage.", paris(2026, 5, 15, 11, 0))
        .unwrap();
    assert_eq!(answered.status(paris(2026, 6, 1, 0, 0)), OpinionStatus::Answered);
    assert!(!answered.answered_late());
    assert_eq!(answered.answer.as_ref().map(|a| a.verdict), Some(Verdict::Reserve));
}

#[test]
fn a_late_answer_is_accepted_and_recorded_as_late() {
    let answered =
        Opinion::requested(sdis_request()).answer(Verdict::Favorable, "", paris(2026, 5, 19, 8, 30)).unwrap();
    assert_eq!(answered.status(paris(2026, 5, 19, 8, 30)), OpinionStatus::Answered);
    assert!(answered.answered_late());
}

#[test]
fn an_unfavourable_or_reserved_opinion_must_say_why() {
    let opinion = Opinion::requested(sdis_request());
    let at = paris(2026, 5, 10, 10, 0);
    assert_eq!(opinion.answer(Verdict::Defavorable, "  ", at), Err(OpinionError::CommentRequired));
    assert_eq!(
        OpinionError::CommentRequired.to_string(),
        "Un avis réservé ou défavorable doit être motivé : rédigez un commentaire."
    );
    assert!(opinion.answer(Verdict::Favorable, "", at).is_ok());
}

#[test]
fn an_opinion_is_given_once_and_never_before_it_is_asked() {
    let opinion = Opinion::requested(sdis_request());
    assert_eq!(opinion.answer(Verdict::Favorable, "", paris(2026, 5, 3, 9, 0)), Err(OpinionError::AnswerBeforeRequest));
    let answered = opinion.answer(Verdict::Favorable, "", paris(2026, 5, 5, 9, 0)).unwrap();
    assert_eq!(
        answered.answer(Verdict::Defavorable, "Changement d’avis", paris(2026, 5, 6, 9, 0)),
        Err(OpinionError::AlreadyAnswered)
    );
}

#[test]
fn another_body_must_be_named_and_the_deadline_must_follow_the_request() {
    let at = paris(2026, 5, 4, 9, 0);
    assert_eq!(
        OpinionRequest::new(ConsultedBody::Autre, Some(" "), "Avis ?", at, paris(2026, 5, 10, 9, 0)),
        Err(OpinionError::BodyNameRequired)
    );
    let dir = OpinionRequest::new(ConsultedBody::Autre, Some("Direction des routes"), "", at, paris(2026, 5, 10, 9, 0));
    assert_eq!(Opinion::requested(dir.unwrap()).body_label(), "Direction des routes");
    assert_eq!(
        OpinionRequest::new(ConsultedBody::PoliceGendarmerie, None, "Avis ?", at, at),
        Err(OpinionError::DeadlineNotAfterRequest)
    );
}

#[test]
fn an_opinion_serialises_with_stable_codes() {
    let answered = Opinion::requested(sdis_request()).answer(
        Verdict::Defavorable,
        "Accès pompiers bloqué.",
        paris(2026, 5, 6, 9, 0),
    );
    let json = serde_json::to_value(answered.unwrap()).unwrap();
    assert_eq!(
        (json["request"]["body"].as_str(), json["answer"]["verdict"].as_str()),
        (Some("sdis"), Some("defavorable"))
    );
}
