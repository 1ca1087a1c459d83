//! The forms of the organiser's records (zone, post, need) and of a participant's agent, as
//! typed, and their one parser each: compiled for the browser and the server alike. Pure: the
//! plan they are read against, the record's id and (for an agent's card) the instant are
//! passed in; each refusal names the field it concerns.

use std::collections::BTreeSet;

use super::{choice, local_window, number, optional_number, refused, FieldError};
use crate::domain::plan::{
    Agent, AgentDraft, CnapsCard, Need, NeedDraft, Plan, Post, PostDraft, Qualification, Sex, Zone, ZoneDraft, ZoneKind,
};
use crate::domain::time::Instant;
use crate::text;

/// The zone form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ZoneInput {
    pub name: String,
    pub kind: String,
    /// « Voie publique » is ticked (always so for a zone of kind `voie_publique`).
    pub public_road: bool,
    /// « Accès à l'enceinte » is ticked (L613-3).
    pub acces_enceinte: bool,
    pub address: String,
}

impl ZoneInput {
    /// The zone `id` of `plan` as this form describes it; what the form does not show (its
    /// drawn outline) is kept.
    pub fn parse(&self, plan: &Plan, id: &str) -> Result<Zone, FieldError> {
        let kind = choice(&self.kind, "kind", ZoneKind::from_code)?;
        Zone::new(ZoneDraft {
            id: id.to_string(),
            name: self.name.clone(),
            kind,
            public_road: self.public_road || kind == ZoneKind::VoiePublique,
            acces_enceinte: self.acces_enceinte,
            address: Some(self.address.clone()).filter(|a| !a.trim().is_empty()),
            polygon: plan.zone(id).and_then(|z| z.polygon().cloned()),
        })
        .map_err(refused("name"))
    }
}

/// The post form (a named position inside a zone).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PostInput {
    pub zone_id: String,
    pub name: String,
}

impl PostInput {
    pub fn parse(&self, plan: &Plan, id: &str) -> Result<Post, FieldError> {
        let zone_id = self.zone_id.trim();
        if plan.zone(zone_id).is_none() {
            return Err(FieldError::new("zone_id", text::UNKNOWN_ZONE));
        }
        Post::new(PostDraft { id: id.to_string(), zone_id: zone_id.to_string(), name: self.name.clone() })
            .map_err(refused("name"))
    }
}

/// The chosen post, which must belong to the chosen zone (blank: the zone as a whole).
pub fn post_of_zone(plan: &Plan, post_id: Option<&str>, zone_id: &str) -> Result<Option<String>, FieldError> {
    match post_id.map(str::trim).filter(|p| !p.is_empty()) {
        None => Ok(None),
        Some(id) if plan.posts.iter().any(|p| p.id() == id && p.zone_id() == zone_id) => Ok(Some(id.to_string())),
        Some(_) => Err(FieldError::new("post_id", text::UNKNOWN_POST)),
    }
}

/// The need form.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NeedInput {
    pub zone_id: String,
    pub post_id: Option<String>,
    pub start: String,
    pub end: String,
    pub qualification: String,
    pub min: String,
    pub max: String,
    pub priority: String,
    pub min_women: String,
    pub min_men: String,
}

impl NeedInput {
    pub fn parse(&self, plan: &Plan, id: &str) -> Result<Need, FieldError> {
        let zone_id = self.zone_id.trim();
        if plan.zone(zone_id).is_none() {
            return Err(FieldError::new("zone_id", text::UNKNOWN_ZONE));
        }
        let qualification = match self.qualification.trim() {
            "" => None,
            code => Some(choice(code, "qualification", Qualification::from_code)?),
        };
        let post_id = post_of_zone(plan, self.post_id.as_deref(), zone_id)?;
        Need::new(NeedDraft {
            id: id.to_string(),
            zone_id: zone_id.to_string(),
            post_id,
            window: local_window(plan.event.time_zone(), &self.start, &self.end)?,
            qualification,
            min: number(&self.min, "min")?,
            max: optional_number(&self.max, "max")?,
            priority: optional_number(&self.priority, "priority")?.unwrap_or(3).min(255) as u8,
            min_women: optional_number(&self.min_women, "min_women")?.unwrap_or(0),
            min_men: optional_number(&self.min_men, "min_men")?.unwrap_or(0),
        })
        .map_err(refused("min"))
    }
}

/// Why `card` may not be given to an agent of `owner` (other than `except`) at `now`: it has
/// expired, or another of the company's own agents holds it (the company never learns
/// whether another company's agent does). The form and the CSV import both ask here.
pub fn card_refusals(
    plan: &Plan,
    owner: &str,
    card: &CnapsCard,
    except: Option<&str>,
    now: Instant,
) -> Vec<FieldError> {
    let mut refusals = Vec::new();
    if !card.is_valid_at(now) {
        refusals.push(FieldError::new("cnaps_expires", text::CARD_EXPIRED));
    }
    if plan.card_held_by_own_agent(owner, card.number(), except) {
        refusals.push(FieldError::new("cnaps_number", text::CARD_ALREADY_KNOWN));
    }
    refusals
}

/// The agent form (one of a participant's own agents).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AgentInput {
    /// Its participant, for a new agent (an existing one stays with its own).
    pub participant_id: String,
    pub display_name: String,
    pub qualifications: Vec<String>,
    pub sex: String,
    pub cnaps_number: String,
    /// The card's expiry date, `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub cnaps_expires: String,
}

impl AgentInput {
    /// The agent `id` of `owner` as this form describes it at `now`: a card must be valid
    /// today and not already held by another of the company's own agents (the company never
    /// learns whether another company's agent holds it). Availabilities are kept.
    pub fn parse(&self, plan: &Plan, id: &str, owner: &str, now: Instant) -> Result<Agent, FieldError> {
        let qualifications = self
            .qualifications
            .iter()
            .map(|q| choice(q, "qualifications", Qualification::from_code))
            .collect::<Result<BTreeSet<_>, _>>()?;
        let sex = match self.sex.trim() {
            "" => None,
            code => Some(choice(code, "sex", Sex::from_code)?),
        };
        let cnaps_card = match (self.cnaps_number.trim(), self.cnaps_expires.trim()) {
            ("", "") => None,
            ("", _) => return Err(FieldError::new("cnaps_number", text::CARD_NUMBER_MISSING)),
            (_, "") => return Err(FieldError::new("cnaps_expires", text::CARD_EXPIRY_MISSING)),
            (number, expires) => {
                let expires = crate::domain::interchange::end_of_day_in_paris(expires)
                    .ok_or_else(|| FieldError::new("cnaps_expires", text::DATE_INVALID))?;
                Some(CnapsCard::new(number, expires).map_err(|e| FieldError::new("cnaps_number", e))?)
            }
        };
        let first_refusal =
            cnaps_card.as_ref().and_then(|c| card_refusals(plan, owner, c, Some(id), now).into_iter().next());
        if let Some(refusal) = first_refusal {
            return Err(refusal);
        }
        let availability =
            plan.agents.iter().find(|a| a.id() == id).map(|a| a.availability().to_vec()).unwrap_or_default();
        Agent::new(AgentDraft {
            id: id.to_string(),
            participant_id: owner.to_string(),
            display_name: self.display_name.clone(),
            qualifications,
            sex,
            cnaps_card,
            availability,
        })
        .map_err(refused("display_name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::compliance::fixtures::{compliant_plan, id, paris, COMPANY, ENTRANCE, NADIA};

    const NEW: &str = "00000000-0000-4000-8000-0000000000fe";

    #[test]
    fn a_zone_edited_in_the_form_keeps_its_drawn_outline() {
        let mut plan = compliant_plan();
        let zone = plan.zone(&id(ENTRANCE)).unwrap().clone();
        let outline =
            crate::domain::plan::GeoPolygon::new(vec![[5.37, 43.29], [5.37, 43.30], [5.38, 43.30], [5.37, 43.29]]);
        let mut draft = ZoneDraft::from(zone);
        draft.polygon = Some(outline.expect("a valid outline"));
        let drawn = Zone::new(draft).unwrap();
        plan.zones.retain(|z| z.id() != drawn.id());
        plan.zones.push(drawn.clone());
        let form = ZoneInput { name: "Entrée nord".into(), kind: drawn.kind().code().into(), ..ZoneInput::default() };
        let edited = form.parse(&plan, drawn.id()).unwrap();
        assert_eq!(edited.name(), "Entrée nord");
        assert_eq!(edited.polygon(), drawn.polygon());
    }

    #[test]
    fn a_zone_on_the_public_road_is_always_ticked_public_road_and_an_unknown_kind_is_refused_at_its_field() {
        let plan = compliant_plan();
        let road = ZoneInput { name: "Avenue".into(), kind: "voie_publique".into(), ..ZoneInput::default() };
        assert!(road.parse(&plan, NEW).unwrap().public_road());
        let unknown = ZoneInput { name: "Avenue".into(), kind: "rue".into(), ..ZoneInput::default() };
        assert_eq!(unknown.parse(&plan, NEW).unwrap_err().field, "kind");
    }

    #[test]
    fn a_need_is_read_in_the_events_zone_and_each_refusal_names_its_field() {
        let plan = compliant_plan();
        let form = NeedInput {
            zone_id: id(ENTRANCE),
            start: "2026-06-20T18:00".into(),
            end: "2026-06-20T23:00".into(),
            min: "4".into(),
            ..NeedInput::default()
        };
        let need = form.parse(&plan, NEW).unwrap();
        assert_eq!((need.min(), need.priority()), (4, 3));
        let refused = |edit: fn(&mut NeedInput)| {
            let mut f = form.clone();
            edit(&mut f);
            f.parse(&plan, NEW).unwrap_err().field
        };
        assert_eq!(refused(|f| f.min = String::new()), "min");
        assert_eq!(refused(|f| f.zone_id = "x".into()), "zone_id");
        assert_eq!(refused(|f| f.post_id = Some("x".into())), "post_id");
        assert_eq!(refused(|f| f.qualification = "x".into()), "qualification");
        assert_eq!(refused(|f| f.end = "2026-06-20T17:00".into()), "end");
    }

    #[test]
    fn an_agents_card_must_be_valid_today_and_not_held_by_another_of_the_companys_agents() {
        let plan = compliant_plan();
        let nadia = plan.agents.iter().find(|a| a.id() == id(NADIA)).unwrap();
        let number = nadia.cnaps_card().map(|c| c.number().to_string()).expect("Nadia holds a card");
        let form = AgentInput {
            display_name: "Ines B.".into(),
            cnaps_number: number,
            cnaps_expires: "2030-01-31".into(),
            ..AgentInput::default()
        };
        let now = paris(5, 1, 10, 0);
        let same = form.parse(&plan, NEW, &id(COMPANY), now).unwrap_err();
        assert_eq!(same, FieldError::new("cnaps_number", text::CARD_ALREADY_KNOWN));
        // Another company is not told whether the card is known: the form passes for it.
        assert!(form.parse(&plan, NEW, "00000000-0000-4000-8000-0000000000aa", now).is_ok());
        let expired = AgentInput { cnaps_number: "CAR-999-2020".into(), cnaps_expires: "2020-01-31".into(), ..form };
        assert_eq!(expired.parse(&plan, NEW, &id(COMPANY), now).unwrap_err().field, "cnaps_expires");
    }
}
