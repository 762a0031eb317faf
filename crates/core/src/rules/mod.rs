//! The program's rules as plain functions over plain values: what a visit may be, who may get
//! a card, when a settlement may be approved, paid or withdrawn. The workspace reads the facts
//! and writes the outcome; it asks these functions to decide.

pub mod assignment;
pub mod settlement;
pub mod visit;
