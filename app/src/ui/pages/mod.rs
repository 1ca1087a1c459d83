//! One module per page.

pub mod account;
pub mod admin;
pub mod dashboard;
pub mod invitation;
pub mod not_found;
pub mod organisation;
pub mod sign_in;
