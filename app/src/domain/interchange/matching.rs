//! Recognising a plan file's organisations in this database: a plan written by another Cordon
//! names organisations by that Cordon's ids, which mean nothing here. Each one the file lists
//! (`cordon-plan/3`) is recognised by what identifies it outside Cordon
//! ([`OrganisationIdentity::keys`]); an import never creates an organisation.

use serde::{Deserialize, Serialize};

use super::report::ImportError;
use crate::domain::organisation::{IdentityKey, OrganisationIdentity, OrganisationKind};
use crate::domain::plan::{Participant, ParticipantDraft, Plan, PlanError};
use crate::text;

/// How a file's organisation was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// This database holds an organisation of that id and kind: the file came from here.
    SameId,
    /// By one of the numbers it is known by outside Cordon.
    Key(IdentityKey),
}

/// One of the file's organisations and the one of this database it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationMatch {
    pub file_id: String,
    pub file_name: String,
    pub kind: OrganisationKind,
    pub local_id: String,
    pub local_name: String,
    pub by: MatchedBy,
    /// The number it was recognised by; `None` by id.
    pub number: Option<String>,
}

impl OrganisationMatch {
    /// « Provence Sécurité Événements → Provence Sécurité Événements (autorisation CNAPS AUT-…) ».
    pub fn describe(&self) -> String {
        let how = match self.by {
            MatchedBy::SameId => text::MATCHED_BY_ID.to_string(),
            MatchedBy::Key(key) => format!("{} {}", key.label(), self.number.as_deref().unwrap_or_default()),
        };
        format!("« {} » ({}) → « {} », reconnue par {how}", self.file_name, self.kind.label(), self.local_name)
    }
}

/// Recognises each organisation of `listed` that a participant of `plan` stands for among
/// `local` (this database's): by id and kind when this database holds it, else by its
/// numbers, the surest first. Refuses, at `$.organisations[i]`, one the file gives no number
/// for, one no organisation here has, and one several have. Organisations the file does not
/// list (files before `cordon-plan/3`) are left to be recognised by id only.
pub fn match_organisations(
    plan: &Plan,
    listed: &[OrganisationIdentity],
    local: &[OrganisationIdentity],
) -> Result<Vec<OrganisationMatch>, Vec<ImportError>> {
    let mut matches = Vec::new();
    let mut errors = Vec::new();
    for (i, wanted) in listed.iter().enumerate() {
        if !plan.participants.iter().any(|p| p.organisation_id() == wanted.id) {
            continue;
        }
        let path = format!("$.organisations[{i}]");
        let matched = |local: &OrganisationIdentity, by, number: Option<&str>| OrganisationMatch {
            file_id: wanted.id.clone(),
            file_name: wanted.name.clone(),
            kind: wanted.kind,
            local_id: local.id.clone(),
            local_name: local.name.clone(),
            by,
            number: number.map(str::to_string),
        };
        if let Some(same) = local.iter().find(|o| o.id == wanted.id && o.kind == wanted.kind) {
            matches.push(matched(same, MatchedBy::SameId, None));
            continue;
        }
        let keys = wanted.keys();
        if keys.is_empty() {
            errors.push(ImportError { path, message: text::match_no_number(&wanted.name, wanted.expected_keys()) });
            continue;
        }
        let found = keys.iter().find_map(|&(key, value)| {
            let candidates: Vec<&OrganisationIdentity> =
                local.iter().filter(|o| o.kind == wanted.kind && o.key(key) == Some(value)).collect();
            (!candidates.is_empty()).then_some((key, value, candidates))
        });
        match found {
            None => {
                let tried = keys.iter().map(|(key, value)| format!("{} {value}", key.label())).collect::<Vec<_>>();
                errors.push(ImportError {
                    path,
                    message: text::match_none(&wanted.name, wanted.kind.label(), &tried.join(" ni ")),
                });
            }
            Some((key, value, candidates)) if candidates.len() == 1 => {
                matches.push(matched(candidates[0], MatchedBy::Key(key), Some(value)));
            }
            Some((key, value, candidates)) => {
                let names = candidates.iter().map(|o| format!("« {} »", o.name)).collect::<Vec<_>>().join(", ");
                errors.push(ImportError {
                    path,
                    message: text::match_several(&wanted.name, &format!("{} {value}", key.label()), &names),
                });
            }
        }
    }
    if errors.is_empty() {
        Ok(matches)
    } else {
        Err(errors)
    }
}

/// `plan` with each participant's organisation replaced by the one of this database that
/// `matches` recognised (the others unchanged).
pub fn with_local_organisations(plan: Plan, matches: &[OrganisationMatch]) -> Result<Plan, PlanError> {
    let Plan { event, zones, posts, participants, agents, needs, deployments } = plan;
    let participants = participants
        .into_iter()
        .map(|participant| match matches.iter().find(|m| m.file_id == participant.organisation_id()) {
            None => Ok(participant),
            Some(found) => {
                let mut draft = ParticipantDraft::from(participant);
                draft.organisation_id = found.local_id.clone();
                Participant::new(draft)
            }
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Plan { event, zones, posts, participants, agents, needs, deployments })
}
