//! The rulebook: every vocabulary, phrase list, host list, tag set and
//! threshold the stages decide with, named, each with a line on why.
//!
//! To change what is removed or kept, edit here, then run
//! `cargo test --test golden` (and `UPDATE_GOLDEN=1 …` to record a wanted
//! change): the golden pages show what the change does.

pub mod allowlist;
pub mod furniture;
pub mod hosts;
pub mod images;
pub mod limits;
pub mod metadata;
pub mod page_types;
pub mod phrases;
pub mod posts;
pub mod readability;
pub mod tags;
pub mod thresholds;
