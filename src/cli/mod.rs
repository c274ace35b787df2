//! The command-line tool's parts: arguments, the parallel run, rendering.

pub mod args;
pub mod render;
pub mod run;
