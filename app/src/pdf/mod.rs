//! PDF rendering on the server: the convention's Typst source compiled by Typst used as a
//! library, with the fonts embedded in the binary (no browser, no network, no file read at
//! run time). Server-only (`ssr`): the browser build never links Typst.

mod world;

use thiserror::Error;
use typst::foundations::Smart;
use typst_layout::PagedDocument;

use crate::domain::document::{render_typst, ConventionDocument};
pub use world::DocumentWorld;

/// Why a PDF could not be produced. The message is French and without internals; the Typst
/// diagnostics are kept for the log.
#[derive(Debug, Error)]
pub enum PdfError {
    #[error("Le document n’a pas pu être mis en page : {0}")]
    Layout(String),
    #[error("Le PDF n’a pas pu être produit : {0}")]
    Export(String),
}

/// Compiles Typst `source` to PDF bytes. `ident` identifies the document stably across
/// renderings (the PDF's document id is derived from it); the output carries no creation
/// date, so the same source always gives the same bytes.
pub fn compile_pdf(source: String, ident: &str) -> Result<Vec<u8>, PdfError> {
    let world = DocumentWorld::new(source, None);
    let document = typst::compile::<PagedDocument>(&world).output.map_err(|errors| {
        PdfError::Layout(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join(" ; "))
    });
    let options = typst_pdf::PdfOptions { ident: Smart::Custom(ident.to_string()), ..Default::default() };
    let pdf = document.and_then(|document| {
        typst_pdf::pdf(&document, &options).map_err(|errors| {
            PdfError::Export(errors.iter().map(|e| e.message.to_string()).collect::<Vec<_>>().join(" ; "))
        })
    });
    // Typst memoises layouts process-wide; a server renders many different documents, so
    // results unused for a few renderings are dropped to keep memory flat.
    typst::comemo::evict(4);
    pdf
}

/// Drops every memoised Typst result: the next rendering starts cold (benchmarks, tests).
pub fn clear_cache() {
    typst::comemo::evict(0);
}

/// The convention as a PDF: A4, page numbers, the reference, the release version and its
/// SHA-256 on every page, the approval stamp if the document carries one.
pub fn render_convention_pdf(document: &ConventionDocument) -> Result<Vec<u8>, PdfError> {
    let ident = format!("{}/{}/{}", document.reference, document.release_number, document.release_sha256);
    compile_pdf(render_typst(document), &ident)
}

#[cfg(test)]
mod tests;
