//! Golden pages: real pages in `tests/golden/<name>/source.html` (or, for the
//! project's own pages, the file its `source-path` names), each with the
//! outputs it gives today beside it, so that any change to a rule shows, in a
//! diff, what it does to real pages.
//!
//! - `expected.txt`: `textContent`;
//! - `expected.md`: `markdown`;
//! - `expected-metadata.json`: every other field but `content` and `removed`
//!   (or the error, for a page that gives one);
//! - `expected-removed.txt`: the removal report, one `kind: reason | sample` a line.
//!
//! ```sh
//! cargo test --test golden                      # compare
//! UPDATE_GOLDEN=1 cargo test --test golden      # rewrite the expectations
//! git diff --stat tests/golden; git diff tests/golden   # what changed
//! ```
//!
//! Pages are cleaned as if found at [`URL`]. Where they come from and under what
//! licence: `tests/golden/ATTRIBUTION.md`.

use std::fs;
use std::path::{Path, PathBuf};

use article_cleaner::{clean, Article, Options};

/// The address every page is cleaned at (as in Readability's test suite).
const URL: &str = "http://fakehost/test/page.html";

/// Lines of a differing file shown in the failure message.
const SHOWN_LINES: usize = 3;

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .expect("tests/golden")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").is_file() || p.join(SOURCE_PATH).is_file())
        .collect();
    dirs.sort();
    dirs
}

/// A page's source: its `source.html`, or the file of the project that its
/// `source-path` names (the project's own pages are not copied).
fn source(dir: &Path, name: &str) -> String {
    let path = match fs::read_to_string(dir.join(SOURCE_PATH)) {
        Ok(relative) => Path::new(env!("CARGO_MANIFEST_DIR")).join(relative.trim()),
        Err(_) => dir.join("source.html"),
    };
    fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{name}: cannot read {} as UTF-8 text: {e}", path.display()))
}

/// The file naming a page that lives elsewhere in the project.
const SOURCE_PATH: &str = "source-path";

/// The expected files of one page and their contents.
fn outputs(result: &Result<Article, article_cleaner::Error>) -> Vec<(&'static str, String)> {
    let article = match result {
        Ok(article) => article,
        Err(e) => {
            let error = serde_json::json!({ "error": e.to_string() });
            return vec![("expected-metadata.json", pretty(&error))];
        }
    };
    let mut metadata = serde_json::to_value(article).expect("an article serializes");
    let fields = metadata.as_object_mut().expect("an object");
    for bulky in ["content", "textContent", "markdown", "removed"] {
        fields.remove(bulky);
    }
    let removed: String = article
        .removed
        .iter()
        .map(|r| {
            let kind = serde_json::to_value(r.kind).expect("a kind serializes");
            format!("{}: {} | {}\n", kind.as_str().unwrap_or(""), r.reason, r.sample)
        })
        .collect();
    vec![
        ("expected.txt", with_newline(&article.text_content)),
        ("expected.md", with_newline(&article.markdown)),
        ("expected-metadata.json", pretty(&metadata)),
        ("expected-removed.txt", removed),
    ]
}

fn pretty(value: &serde_json::Value) -> String {
    with_newline(&serde_json::to_string_pretty(value).expect("JSON"))
}

fn with_newline(s: &str) -> String {
    if s.is_empty() {
        String::new()
    } else {
        format!("{s}\n")
    }
}

/// Where two texts first differ: a few lines of each from there.
fn first_difference(expected: &str, actual: &str) -> String {
    let (e, a): (Vec<&str>, Vec<&str>) = (expected.lines().collect(), actual.lines().collect());
    let at = e.iter().zip(&a).take_while(|(x, y)| x == y).count();
    let show = |lines: &[&str], sign: char| -> String {
        lines
            .iter()
            .skip(at)
            .take(SHOWN_LINES)
            .map(|l| format!("      {sign} {}\n", l.chars().take(160).collect::<String>()))
            .collect()
    };
    format!("    from line {}:\n{}{}", at + 1, show(&e, '-'), show(&a, '+'))
}

#[test]
fn golden_pages_give_their_expected_outputs() {
    let update = std::env::var("UPDATE_GOLDEN").is_ok_and(|v| !v.is_empty() && v != "0");
    let options = Options { url: Some(URL.into()), ..Options::default() };
    let pages = pages();
    assert!(pages.len() >= 20, "golden pages missing: {}", pages.len());
    let mut failures = Vec::new();
    for dir in &pages {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = source(dir, &name);
        let source = source.trim_start_matches('\u{feff}');
        for (file, actual) in outputs(&clean(source, &options)) {
            let path = dir.join(file);
            let expected = fs::read_to_string(&path).unwrap_or_default();
            if expected == actual {
                continue;
            }
            if update {
                fs::write(&path, &actual).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            } else {
                failures.push(format!("  {name}/{file}\n{}", first_difference(&expected, &actual)));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} golden file(s) differ:\n{}\nIf the change is wanted: UPDATE_GOLDEN=1 cargo test --test golden, \
         then read `git diff tests/golden` and commit it with the change.",
        failures.len(),
        failures.join("")
    );
}
