//! The event convention as a structured document: a short-term *convention locale de
//! coopération de sécurité* (CLCS, circular of 5 January 2016) generated in French from the
//! latest published release of an event's plan, its compliance findings and what the caller
//! supplies (reference number, risk assessment, conventions in force, department clauses,
//! amendments). See `docs/convention-document.md`.
//!
//! Pure: no clock, no I/O. [`build_convention`] builds a [`ConventionDocument`];
//! [`render_html`] and [`render_typst`] turn it into text (the PDF is made from the Typst
//! source on the server, `crate::pdf`). Restricted deployments never appear in detail: the
//! document is read by private providers too (docs/decisions.md).

mod articles_axes;
mod articles_frame;
mod build;
mod digest;
mod html;
pub mod map;
mod model;
mod typst;
mod wording;

#[cfg(test)]
pub(crate) mod fixtures;
#[cfg(test)]
mod html_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod typst_tests;

pub mod risk_section;
pub use build::build_convention;
pub use digest::{lower_hex, release_sha256};
pub use html::{escape as escape_html, render_html};
pub use model::{
    Amendment, AmendmentAuthor, AnnexEntry, Article, ArticleId, Block, ConventionDocument, ConventionInputs,
    RiskSection, Signatory, Stamp,
};
pub use risk_section::risk_section;
pub use typst::{escape_markup, escape_string, render_typst};

/// One field of the CSV files Cordon writes (`;`-separated): quoted when it holds the
/// separator, a quote or a line break (RFC 4180); a text a spreadsheet would read as a formula
/// (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) starts with `'` instead, so
/// that opening the file runs nothing anyone typed.
pub fn csv_field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{value}"))
    } else {
        std::borrow::Cow::Borrowed(value)
    };
    if value.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.into_owned()
    }
}
