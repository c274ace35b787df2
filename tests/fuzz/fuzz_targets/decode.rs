//! Fuzzes the byte path: `decode::decode_html` (BOM, `<meta charset>` prescan,
//! UTF-8 / windows-1252 …) and then `article_cleaner::clean` on what it gives.
//!
//! Run from the repository root (nightly + `cargo install cargo-fuzz`):
//!
//! ```sh
//! bash tests/fuzz/seed.sh
//! cargo +nightly fuzz run --fuzz-dir tests/fuzz decode tests/fuzz/corpus/decode \
//!     -- -max_total_time=600 -rss_limit_mb=4096 -timeout=10 -jobs=1 -dict=tests/fuzz/html.dict
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = article_cleaner::decode_html(data);
    let _ = article_cleaner::clean(&html, &article_cleaner::Options::default());
});
