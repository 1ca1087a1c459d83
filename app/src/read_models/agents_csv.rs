//! What checking or importing a CSV file of agents answers, as `service::agents_csv` builds it.

use serde::{Deserialize, Serialize};

/// One line of a CSV file as the preview shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentPreviewRow {
    pub line: usize,
    pub name: String,
    pub card: String,
    pub expires: String,
    pub qualifications: String,
    /// Why the line will not be imported; empty when it will.
    pub errors: Vec<String>,
}

/// What importing the file would do (or did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgentsCsvOutcome {
    pub file_errors: Vec<String>,
    pub rows: Vec<AgentPreviewRow>,
    /// How many agents were saved (0 for a preview).
    pub imported: usize,
    /// The file previewed, handed back so that the import sends exactly what was checked.
    pub csv: String,
    /// The participant the file was checked for.
    pub participant_id: String,
}
