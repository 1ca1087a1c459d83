//! The participant's edit form as typed, and its one parser: what a sender may change of a
//! participant depends on who it is, decided here once. Pure.

use super::{choice, refused, ticked, FieldError};
use crate::domain::plan::{MunicipalFramework, Participant, ParticipantDraft, ParticipantRole, PlanError};

/// The participant's edit form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParticipantEditInput {
    pub role: String,
    pub contact_name: String,
    pub contact_phone: String,
    /// The prefect's L512-3 order lending a municipal police to this commune (organiser only;
    /// `None`: not in the form).
    pub arrete_l512_3: Option<String>,
    /// A municipal police's pooling (L512-1) or intercommunal (L512-2) framework (organiser
    /// only; `None`: not in the form).
    pub cadre_intercommunal: Option<String>,
    /// The organiser's people form an in-house security service, L612-25 (organiser only).
    pub service_interne_securite: Option<String>,
}

impl ParticipantEditInput {
    /// `current` as this form changes it. The participant's own members change its contact;
    /// the organiser (`organiser`) changes the rest too, except that its own participant stays
    /// the organiser (`organiser_organisation_id`). Whether the role agrees with what the
    /// organisation is, is checked after ([`crate::domain::plan::check_participant`]).
    pub fn apply(
        &self,
        current: &Participant,
        organiser: bool,
        organiser_organisation_id: &str,
    ) -> Result<Participant, FieldError> {
        let role = if organiser && current.organisation_id() != organiser_organisation_id {
            choice(&self.role, "role", ParticipantRole::from_code)?
        } else {
            current.role()
        };
        if self.contact_phone.trim().chars().count() > 40 {
            return Err(FieldError::new("contact_phone", PlanError::TextTooLong { max: 40 }));
        }
        let mut draft = ParticipantDraft::from(current.clone());
        draft.role = role;
        draft.contact_name = Some(self.contact_name.clone()).filter(|c| !c.trim().is_empty());
        draft.contact_phone = Some(self.contact_phone.clone()).filter(|c| !c.trim().is_empty());
        if organiser {
            if let Some(order) = &self.arrete_l512_3 {
                if order.trim().chars().count() > 120 {
                    return Err(FieldError::new("arrete_l512_3", PlanError::TextTooLong { max: 120 }));
                }
                draft.arrete_l512_3 = Some(order.clone()).filter(|o| !o.trim().is_empty());
            }
            if let Some(code) = &self.cadre_intercommunal {
                draft.cadre_intercommunal = match code.trim() {
                    "" => None,
                    code => Some(choice(code, "cadre_intercommunal", MunicipalFramework::from_code)?),
                };
            }
            draft.service_interne_securite = ticked(&self.service_interne_securite);
        }
        Participant::new(draft).map_err(refused("contact_name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, COMPANY};

    fn form() -> ParticipantEditInput {
        ParticipantEditInput {
            role: "force_etat".into(),
            contact_name: "Chef de poste".into(),
            contact_phone: "04 00 00 00 00".into(),
            arrete_l512_3: Some("arrêté 12".into()),
            service_interne_securite: Some("on".into()),
            ..ParticipantEditInput::default()
        }
    }

    #[test]
    fn a_participant_changes_only_its_contact_whatever_else_its_form_sends() {
        let plan = compliant_plan();
        let company = plan.participant(&id(COMPANY)).unwrap();
        let changed = form().apply(company, false, "00000000-0000-4000-8000-0000000000aa").unwrap();
        assert_eq!(changed.role(), company.role());
        assert_eq!(changed.contact_name(), Some("Chef de poste"));
        assert_eq!(changed.arrete_l512_3(), company.arrete_l512_3());
        assert_eq!(changed.service_interne_securite(), company.service_interne_securite());
    }

    #[test]
    fn the_organiser_changes_a_role_but_its_own_participant_stays_the_organiser() {
        let plan = compliant_plan();
        let company = plan.participant(&id(COMPANY)).unwrap();
        let retyped = form().apply(company, true, "00000000-0000-4000-8000-0000000000aa").unwrap();
        assert_eq!(retyped.role(), ParticipantRole::ForceEtat);
        let own = form().apply(company, true, company.organisation_id()).unwrap();
        assert_eq!(own.role(), company.role());
        let long = ParticipantEditInput { contact_phone: "0".repeat(41), ..form() };
        assert_eq!(long.apply(company, true, "x").unwrap_err().field, "contact_phone");
    }
}
