//! `content` is a fixed point: a browser parsing it builds the tree it was
//! written from, so parsing it again and serializing gives the very same
//! string. Checked on the golden pages, the project's test pages, small hostile
//! pages, and (when `../shared` is there) the Readability suite and the
//! annotated trafilatura pages.

use std::path::{Path, PathBuf};

use article_cleaner::internals::dom::find;
use article_cleaner::internals::{parse_html, serialize};
use article_cleaner::{clean, Options};

/// `content` parsed as a browser parses it in a `<body>`, and written again.
fn reparsed(content: &str) -> String {
    let doc =
        parse_html(&format!("<!DOCTYPE html><html><head></head><body>{content}</body></html>"));
    serialize(&find(&doc, "body").expect("a body"))
}

/// The pages' (name, HTML); the files under `dir` whose name is `file`, or
/// every `.html` file when `file` is `None`.
fn pages(dir: &Path, file: Option<&str>) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .map(|p| match file {
            Some(f) => p.join(f),
            None => p,
        })
        .filter(|p| p.is_file() && (file.is_some() || p.extension().is_some_and(|e| e == "html")))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p.display().to_string(), article_cleaner::decode_html(&bytes))
        })
        .collect()
}

fn hostile() -> Vec<(String, String)> {
    let prose = "<p>The council met on Tuesday and argued about the harbour budget, at length, \
                 until late in the evening, when the vote was finally taken.</p>";
    let bodies = [
        "<p><b>Unclosed bold\n<h2>A heading</h2><p>After it</p>",
        "<p>Text <i>italic <div>a block</div> more</i></p>",
        "<p><a href=/a>outer <a href=/b>inner</a></a></p>",
        "<ul><li>one<p>para<li>two</ul><dl><dt>t<dd>d<dt>t2</dl>",
        "<p><table><tr><td>cell</td></tr></table></p><p><hr>rule</p>",
        "<pre>\n\nleading newlines</pre><textarea>\nx</textarea>",
        "<p><h2>heading in p</h2><h3><h4>nested</h4></h3></p>",
        "<p><ul><li>list in p</li></ul><blockquote>quote</blockquote></p>",
        "<b><p>bold across <i>blocks<p>and more</b> text</i></p>",
        "<table><caption><p>cap<table><tr><td>x</table></caption><tr><td><p>cell<h2>h</h2></td></tr></table>",
        "<p>x<figure><img src=a.png><figcaption>c</figcaption></figure></p>",
        "<a href=/x><div><p>block link</p><a href=/y>inner</a></div></a>",
        "<ruby>a<rb>b<rt>c<rp>(</rp></ruby><select><option>o</select>",
        "<p><math><mi>x</mi><mtext><p>p in mtext</p></mtext></math></p>",
        "<li>stray item</li><dd>stray dd</dd><p><li>item in p</li></p>",
    ];
    bodies
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let html =
                format!("<html><body><article><h1>T</h1>{prose}{b}{prose}</article></body></html>");
            (format!("hostile {i}: {b}"), html)
        })
        .collect()
}

/// Asserts the fixed point on every page that cleans to an article.
fn assert_fixed_point(all: &[(String, String)]) {
    let options =
        Options { url: Some("https://example.com/news/article.html".into()), ..Options::default() };
    let mut failed = Vec::new();
    for (name, html) in all {
        let Ok(article) = clean(html, &options) else { continue };
        let again = reparsed(&article.content);
        if again != article.content {
            let at = again.bytes().zip(article.content.bytes()).take_while(|(a, b)| a == b).count();
            let show = |s: &str| {
                let from =
                    (at.saturating_sub(60)..=at).find(|i| s.is_char_boundary(*i)).unwrap_or(0);
                let to = (at + 60..s.len()).find(|i| s.is_char_boundary(*i)).unwrap_or(s.len());
                s.get(from..to).unwrap_or("").to_owned()
            };
            failed.push(format!(
                "{name}\n  content: …{}…\n  again:   …{}…",
                show(&article.content),
                show(&again)
            ));
        }
    }
    eprintln!("fixed point: {} pages, {} differ", all.len(), failed.len());
    assert!(failed.is_empty(), "{} of {} pages:\n{}", failed.len(), all.len(), failed.join("\n"));
}

#[test]
fn content_of_hostile_test_and_golden_pages_reparses_to_itself() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut all = hostile();
    all.extend(pages(&root.join("tests/pages"), None));
    all.extend(pages(&root.join("tests/golden"), Some("source.html")));
    assert!(all.len() > 30, "pages not found");
    assert_fixed_point(&all);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn content_of_corpus_pages_reparses_to_itself() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !shared.is_dir() {
        eprintln!("fixed point: ../shared/corpus not found, corpus pages skipped");
        return;
    }
    let mut all = pages(&shared.join("readability"), Some("source.html"));
    all.extend(pages(&shared.join("trafilatura-dev/pages"), None));
    assert_fixed_point(&all);
}
