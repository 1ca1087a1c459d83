//! Every sentence a user reads, in one place. French is the only language today; an English
//! table can come later by turning these constants into a lookup keyed by the same names.

pub mod fr;
pub use fr::*;
pub mod convention;
pub mod dossier;
pub use dossier::*;
pub mod accounts;
pub use accounts::*;
pub mod operations;
pub use operations::*;
pub mod alerts;
pub use alerts::*;
pub mod presence;
pub use presence::*;
