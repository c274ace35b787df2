//! Replays what the fuzzers found (`tests/fuzz/regressions/`, one input per file, named
//! after the crash) and the fuzz seeds (`tests/fuzz/seeds/`) through both fuzzed paths:
//! `clean` on the bytes as lossy UTF-8, and `decode_html` then `clean`. Each must
//! return (an `Article` or an `Error`) without panicking. See `tests/fuzz/fuzz_targets/`.

use std::path::Path;

fn inputs() -> Vec<(String, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz");
    let mut out = Vec::new();
    for dir in ["regressions", "seeds"] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut files: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        files.sort();
        for f in files {
            if f.is_file() && f.extension().is_none_or(|e| e != "md") {
                let name = format!("{dir}/{}", f.file_name().unwrap().to_string_lossy());
                out.push((name, std::fs::read(&f).unwrap()));
            }
        }
    }
    out
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
