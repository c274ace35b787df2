//! Replays what the fuzzers found (`tests/fuzz/regressions/`, one input per file, named
//! after the crash) and the fuzz seeds (`tests/fuzz/seeds/`) through both fuzzed paths:
//! `clean` on the bytes as lossy UTF-8, and `decode_html` then `clean`. Each must
//! return (an `Article` or an `Error`) without panicking. See `tests/fuzz/fuzz_targets/`.

use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    inputs_of("regressions").into_iter().chain(inputs_of("seeds")).collect()
}

/// The files of one folder under `tests/fuzz/`, sorted, as (`folder/name`, bytes).
fn inputs_of(folder: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz").join(folder);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    files
        .into_iter()
        .filter(|f| f.is_file() && f.extension().is_none_or(|e| e != "md"))
        .map(|f| {
            let name = format!("{folder}/{}", f.file_name().unwrap().to_string_lossy());
            (name, std::fs::read(&f).unwrap())
        })
        .collect()
}

#[test]
fn fuzz_findings_and_seeds_clean_without_panic() {
    let inputs = inputs();
    assert!(!inputs.is_empty(), "no fuzz seeds found");
    let options = article_cleaner::Options {
        url: Some("https://example.com/news/article.html".into()),
        ..Default::default()
    };
    let mut failed = Vec::new();
    for (name, bytes) in &inputs {
        let lossy = String::from_utf8_lossy(bytes);
        if std::panic::catch_unwind(|| article_cleaner::clean(&lossy, &options)).is_err() {
            failed.push(format!("{name} (clean)"));
        }
        let decoded = article_cleaner::decode_html(bytes);
        if std::panic::catch_unwind(|| {
            article_cleaner::clean(&decoded, &article_cleaner::Options::default())
        })
        .is_err()
        {
            failed.push(format!("{name} (decode + clean)"));
        }
    }
    assert!(failed.is_empty(), "panicked on: {failed:?}");
}

/// The `metadata` fuzz target's page builder, run here so that it compiles
/// and runs without nightly (see `tests/fuzz/fuzz_targets/metadata.rs`).
#[path = "fuzz/fuzz_targets/metadata_page.rs"]
mod metadata_page;

#[test]
fn metadata_fuzz_pages_clean_without_panic() {
    // Its defaults alone (non-ASCII and hostile image URLs), then each default
    // in every field, then the files under `tests/fuzz/regressions/metadata-*`.
    let mut inputs: Vec<Vec<u8>> = vec![Vec::new()];
    for d in metadata_page::DEFAULTS {
        let fields = vec![d; metadata_page::DEFAULTS.len()];
        inputs.push(fields.join("\u{1f}").into_bytes());
    }
    inputs.extend(
        inputs_of("regressions")
            .into_iter()
            .filter(|(name, _)| name.starts_with("regressions/metadata-"))
            .map(|(_, bytes)| bytes),
    );
    let (page, _) = metadata_page::page(&[]);
    assert!(page.contains("/media/日本語.jpg") && page.contains("http://日本語.jp/og.png"));
    for input in &inputs {
        let caught = std::panic::catch_unwind(|| metadata_page::run(input));
        assert!(caught.is_ok(), "panicked on {:?}", String::from_utf8_lossy(input));
    }
}
