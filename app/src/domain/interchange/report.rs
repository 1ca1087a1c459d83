//! The import's error report: every problem found in a plan file, each with the JSON path of
//! the value at fault and a French sentence saying what is wrong.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The most errors one report lists: a broken 10 MiB file could otherwise produce millions.
pub const MAX_REPORTED_ERRORS: usize = 1_000;

/// One problem in a plan file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Error)]
#[error("{path} : {message}")]
pub struct ImportError {
    /// Where, as a JSON path from the root `$`, e.g. `$.deployments[3].window.end`.
    pub path: String,
    /// What is wrong, in French.
    pub message: String,
}

/// Why a plan file was refused: every error found, in the order of the file (sections first,
/// then ids and references). Nothing of the file is imported when there is a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Error)]
#[error("{}", self.lines())]
pub struct ImportReport {
    pub errors: Vec<ImportError>,
}

impl ImportReport {
    /// A report of a single error.
    pub fn single(path: &str, message: impl Into<String>) -> Self {
        ImportReport { errors: vec![ImportError { path: path.to_string(), message: message.into() }] }
    }

    /// One line per error, `path : message`, as the command line prints them.
    pub fn lines(&self) -> String {
        self.errors.iter().map(ImportError::to_string).collect::<Vec<_>>().join("\n")
    }
}

/// Collects errors while a file is read, up to [`MAX_REPORTED_ERRORS`]; once full, the reading
/// stops early (a broken 10 MiB file holds millions of errors, none worth the time).
#[derive(Debug, Default)]
pub(super) struct Report {
    errors: Vec<ImportError>,
    overflowed: bool,
}

impl Report {
    /// Records a problem at `path`.
    pub fn push(&mut self, path: &str, message: impl Into<String>) {
        if self.errors.len() < MAX_REPORTED_ERRORS {
            self.errors.push(ImportError { path: path.to_string(), message: message.into() });
        } else {
            self.overflowed = true;
        }
    }

    /// How many problems were recorded so far.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// Whether nothing went wrong so far.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Whether the report holds as many errors as it will list: reading further is useless.
    pub fn is_full(&self) -> bool {
        self.errors.len() >= MAX_REPORTED_ERRORS
    }

    /// The final report; past the limit, a last line says the list is cut short.
    pub fn into_report(mut self) -> ImportReport {
        if self.overflowed || self.is_full() {
            // The French spelling of MAX_REPORTED_ERRORS.
            let message = "Trop d'erreurs : la lecture s'est arrêtée après les 1 000 premières ; corrigez-les puis \
                           importez de nouveau.";
            self.errors.push(ImportError { path: "$".into(), message: message.into() });
        }
        ImportReport { errors: self.errors }
    }
}
