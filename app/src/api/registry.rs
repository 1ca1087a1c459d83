//! The prefecture's registry of the conventions in force in its department (coordination
//! conventions, other CLCS), and the annual census the circular asks of every prefect: the
//! conventions in force on 31 December and those signed during the year, on a page and as CSV.
//! `service::registry` decides and writes.

use leptos::prelude::*;

use crate::error::AppError;

pub use crate::read_models::registry::{RegistryLine, RegistryPage};

#[server(endpoint = "get_registry")]
pub async fn get_registry(year: i32) -> Result<RegistryPage, AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::registry::page(&state, &user, year, now).await }).await
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
    use super::context::run;
    use crate::service::registry::{add, EntryForm};
    let form = EntryForm { commune_code, kind, reference, title, signed, start, end };
    run(|state, user, now| async move { add(&state, &user, form, now).await }).await
}

#[server(endpoint = "remove_convention_in_force")]
pub async fn remove_convention_in_force(id: String) -> Result<(), AppError> {
    use super::context::run;
    run(|state, user, now| async move { crate::service::registry::remove(&state, &user, &id, now).await }).await
}
