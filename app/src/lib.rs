//! Cordon: the Leptos application shared by the server (feature `ssr`) and the browser
//! (feature `hydrate`).
//!
//! - [`domain`]: the pure model and rules (no I/O, no clock);
//! - [`text`]: every French string a user reads, in one place;
//! - [`api`]: the server functions, thin: request → [`service`] → answer;
//! - [`service`] (server only): the application layer every door asks who may do what;
//! - [`store`] (server only): SQL for SQLite and PostgreSQL;
//! - [`ui`]: pages and components.
#![recursion_limit = "256"]

pub mod api;
pub mod domain;
pub mod error;
#[cfg(feature = "ssr")]
pub mod pdf;
pub mod read_models;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub mod state;
#[cfg(feature = "ssr")]
pub mod store;
pub mod text;
pub mod ui;

pub use ui::{shell, App};

/// The browser's entry point: attaches the interactive application to the server's HTML.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
