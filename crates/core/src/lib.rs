//! Domain types and rules of Opplevelseskort. Knows nothing of storage, files or windows.

pub mod access;
pub mod card_number;
pub mod checks;
pub mod compensation;
pub mod contrast;
pub mod dates;
pub mod design;
pub mod feedback;
pub mod holder;
pub mod i18n;
pub mod languages;
pub mod letters;
pub mod logo;
pub mod model;
pub mod money;
pub mod qr;
pub mod rules;
pub mod stats;
pub mod validity;

pub use access::{Action, Actor, Role};
pub use card_number::CardNumber;
pub use design::{CardDesign, PrinterProfile};
pub use holder::{Holder, HolderInput, HolderSummary};
pub use i18n::Lang;
pub use model::*;
