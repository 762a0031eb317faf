//! Domain types and rules of Opplevelseskort. Knows nothing of storage, files or windows.

pub mod checks;
pub mod dates;
pub mod i18n;
pub mod logo;
pub mod model;
pub mod money;

pub use i18n::Lang;
pub use model::*;
