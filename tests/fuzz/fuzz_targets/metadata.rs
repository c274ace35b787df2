//! Fuzzes the metadata stage: `<meta>`, JSON-LD and microdata holding non-ASCII
//! and hostile URLs (see `metadata_page.rs` for the page built from the input),
//! then the whole `clean` on the same page.
//!
//! Run from the repository root (nightly + `cargo install cargo-fuzz`):
//!
//! ```sh
//! cargo +nightly fuzz run --fuzz-dir tests/fuzz metadata -- \
//!     -max_total_time=600 -rss_limit_mb=4096 -timeout=10 -jobs=1
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

mod metadata_page;

fuzz_target!(|data: &[u8]| metadata_page::run(data));
