//! The prefecture's registry of the conventions in force in its department (coordination
//! conventions, other CLCS), and the annual census the circular asks of every prefect: the
//! conventions in force on 31 December and those signed during the year, on a page and as CSV.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// A convention of the registry as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryLine {
    pub id: String,
    pub commune_code: String,
    pub kind: String,
    pub reference: String,
    pub title: String,
    /// "04/03/2024"
    pub signed: String,
    pub start: String,
    /// "03/03/2029" or « sans terme ».
    pub end: String,
    /// In the census of the year shown: in force on 31 December, signed during the year.
    pub in_force_on_31_december: bool,
    pub signed_during_year: bool,
    /// An event's convention: where the event's evaluation stands.
    #[serde(default)]
    pub evaluation: Option<String>,
    /// The event's evaluation page, for an event's convention.
    #[serde(default)]
    pub evaluation_url: Option<String>,
}

/// The registry page of a prefecture, with the census of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryPage {
    pub department: String,
    pub year: i32,
    pub entries: Vec<RegistryLine>,
    pub in_force_count: usize,
    pub newly_signed_count: usize,
    pub csv_url: String,
    pub kinds: Vec<(String, String)>,
    /// The years offered: the five before the current one, it, and the next.
    pub years: Vec<i32>,
}

#[server(endpoint = "get_registry")]
pub async fn get_registry(year: i32) -> Result<RegistryPage, AppError> {
    use super::context::respond;
    respond(server::page(year).await)
}

/// Adds a convention in force to the registry of the prefecture's department.
#[server(endpoint = "add_convention_in_force")]
pub async fn add_convention_in_force(
    commune_code: String,
    kind: String,
    reference: String,
    title: String,
    signed: String,
    start: String,
    end: String,
) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::add(commune_code, kind, reference, title, signed, start, end).await)
}

#[server(endpoint = "remove_convention_in_force")]
pub async fn remove_convention_in_force(id: String) -> Result<(), AppError> {
    use super::context::respond;
    respond(server::remove(id).await)
}

#[cfg(feature = "ssr")]
pub mod server {
    use chrono::NaiveDate;

    use super::{RegistryLine, RegistryPage};
    use crate::api::context::now;
    use crate::api::rule_settings::server::department;
    use crate::domain::convention::{census_csv, ConventionKind, RegistryEntry, RegistryEntryDraft};
    use crate::domain::geo::Department;
    use crate::error::AppError;
    use crate::store::conventions as files;
    use crate::text;

    fn date(raw: &str, field: &str) -> Result<NaiveDate, AppError> {
        NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").map_err(|_| AppError::invalid(field, text::DATE_INVALID))
    }

    /// The year asked, 0 meaning the current one.
    fn year_of(year: i32) -> Result<i32, AppError> {
        let year = if year == 0 { now().to_chrono().map_or(2026, |t| chrono::Datelike::year(&t)) } else { year };
        if (2000..=2100).contains(&year) {
            Ok(year)
        } else {
            Err(AppError::invalid("year", text::CENSUS_YEAR_INVALID))
        }
    }

    pub async fn page(year: i32) -> Result<RegistryPage, AppError> {
        let year = year_of(year)?;
        let (state, _, code) = department().await?;
        let department = Department::parse(&code).ok_or(AppError::Forbidden)?;
        let rows = crate::service::registry::registry(&state.db, &department, now()).await?;
        let year_census = crate::service::registry::census_for(&state.db, &department, year, now()).await?;
        let events = files::events_of_entries(&state.db, &code).await?;
        let format = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
        let lines = rows
            .into_iter()
            .map(|(id, e, evaluation)| {
                let line = year_census.lines.iter().find(|l| l.entry == e);
                RegistryLine {
                    commune_code: e.commune().as_str().to_string(),
                    kind: e.kind().label().to_string(),
                    reference: e.reference().to_string(),
                    title: e.title().to_string(),
                    signed: format(e.signed()),
                    start: format(e.start()),
                    end: e.end().map(format).unwrap_or_else(|| text::CENSUS_OPEN_ENDED.to_string()),
                    in_force_on_31_december: line.is_some_and(|l| l.in_force_on_31_december),
                    signed_during_year: line.is_some_and(|l| l.signed_during_year),
                    evaluation: evaluation.map(|s| s.label()),
                    evaluation_url: events.get(&id).map(|event| format!("/evenements/{event}/evaluation")),
                    id,
                }
            })
            .collect();
        Ok(RegistryPage {
            department: code,
            year,
            entries: lines,
            in_force_count: year_census.in_force_count(),
            newly_signed_count: year_census.newly_signed_count(),
            csv_url: format!("/prefecture/recensement/{year}.csv"),
            kinds: ConventionKind::ALL.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect(),
            years: {
                let current = year_of(0)?;
                ((current - 5)..=(current + 1)).collect()
            },
        })
    }

    pub async fn add(
        commune_code: String,
        kind: String,
        reference: String,
        title: String,
        signed: String,
        start: String,
        end: String,
    ) -> Result<(), AppError> {
        let (state, user_id, code) = department().await?;
        let kind =
            ConventionKind::from_code(kind.trim()).ok_or_else(|| AppError::invalid("kind", text::CHOICE_INVALID))?;
        let draft = RegistryEntryDraft {
            commune_code: commune_code.trim().to_string(),
            kind,
            signed: date(&signed, "signed")?,
            start: date(&start, "start")?,
            end: match end.trim() {
                "" => None,
                raw => Some(date(raw, "end")?),
            },
            reference,
            title,
        };
        let field = if draft.reference.trim().is_empty() || draft.reference.chars().count() > 120 {
            "reference"
        } else if draft.title.trim().is_empty() {
            "title"
        } else if draft.end.is_some_and(|e| e < draft.start) {
            "end"
        } else {
            "commune_code"
        };
        let entry = RegistryEntry::new(draft).map_err(|e| AppError::invalid(field, e))?;
        if entry.department().as_str() != code {
            return Err(AppError::invalid("commune_code", text::REGISTRY_OTHER_DEPARTMENT));
        }
        files::add_in_force(&state.db, &entry, &user_id, now()).await?;
        Ok(())
    }

    pub async fn remove(id: String) -> Result<(), AppError> {
        let (state, _, code) = department().await?;
        if files::remove_in_force(&state.db, &code, id.trim()).await? {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }

    /// The census CSV of the caller's department for `year`.
    pub async fn csv(year: i32, recipient: &str) -> Result<(String, String), AppError> {
        let year = year_of(year)?;
        let (state, _, code) = department().await?;
        let department = Department::parse(&code).ok_or(AppError::Forbidden)?;
        let census = crate::service::registry::census_for(&state.db, &department, year, now()).await?;
        Ok((census_csv(&census, recipient), code))
    }
}
