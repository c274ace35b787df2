//! Fuzzes `article_cleaner::clean` with arbitrary bytes (decoded lossily as UTF-8).
//!
//! Run from the repository root (nightly + `cargo install cargo-fuzz`):
//!
//! ```sh
//! bash tests/fuzz/seed.sh   # copies small test pages into tests/fuzz/corpus/clean (gitignored)
//! cargo +nightly fuzz run --fuzz-dir tests/fuzz clean tests/fuzz/corpus/clean \
//!     -- -max_total_time=1800 -rss_limit_mb=4096 -timeout=10 -jobs=1 -dict=tests/fuzz/html.dict
//! ```
//!
//! A crash lands in `tests/fuzz/artifacts/clean/`; minimize it with
//! `cargo +nightly fuzz tmin --fuzz-dir tests/fuzz clean <file>`, store it under
//! `tests/fuzz/regressions/` and `tests/fuzz_regressions.rs` replays it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let options = article_cleaner::Options {
        url: Some("https://example.com/news/article.html".into()),
        ..Default::default()
    };
    // Errors (empty, not HTML, no content) are fine; a panic, hang or OOM is not.
    let _ = article_cleaner::clean(&html, &options);
});
