//! The `article-cleaner` binary, run on files written by each test.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_article-cleaner");

/// A fresh directory for one test, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(test: &str) -> Self {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "article-cleaner-cli-{test}-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Scratch(dir)
    }

    fn file(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap();
        path.to_str().unwrap().to_owned()
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().unwrap().to_owned()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(args: &[&str]) -> Output {
    run_with_stdin(args, None)
}

fn run_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run article-cleaner");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

fn article(title: &str, paragraph: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title}</title></head>\
         <body><article><h1>{title}</h1><p>{paragraph}</p><p>The harbour committee met again on \
         Thursday, and after a long evening of debate it agreed to publish the accounts of the last \
         ten years before the next election, as the mayor had promised in the spring.</p></article>\
         </body></html>"
    )
}

const PARAGRAPH: &str = "The council met on Tuesday to discuss the budget for the new harbour, \
    which has been delayed for three years because of rising costs and a long dispute with the \
    contractors over the foundations of the northern pier.";

#[test]
fn json_line_with_source_exactly_as_given() {
    let dir = Scratch::new("json");
    let path = dir.file("story.html", article("Harbour budget", PARAGRAPH));
    // The path as given, including a redundant `./`-like component.
    let given = format!("{}/./story.html", dir.0.display());
    let output = run(&[&given]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    let line = &lines[0];
    assert_eq!(line["source"], given.as_str());
    assert_ne!(line["source"], path.as_str());
    // "source" comes first, then the article's fields, camelCase as in Readability.js.
    assert!(stdout(&output).starts_with("{\"source\":"));
    for field in [
        "title", "content", "textContent", "markdown", "length", "excerpt", "readerable", "removed",
    ] {
        assert!(line.get(field).is_some(), "missing {field}: {line}");
    }
}

#[test]
fn json_article_fields_for_a_correct_reader_mode() {
    let dir = Scratch::new("fields");
    let path = dir.file("story.html", article("Harbour budget", PARAGRAPH));
    let output = run(&["--format", "json", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let line = &json_lines(&output)[0];
    assert!(line["textContent"]
        .as_str()
        .unwrap()
        .contains("to discuss the budget for the new harbour"));
    assert_eq!(line["title"], "Harbour budget");
    assert_eq!(
        line["length"].as_u64().unwrap() as usize,
        line["textContent"].as_str().unwrap().chars().count()
    );
}

#[test]
fn several_files_keep_their_order() {
    let dir = Scratch::new("order");
    let paths: Vec<String> = (0..12)
        .map(|i| {
            // Uneven sizes, so parallel workers finish out of order.
            let extra =
                format!("<p>Filler paragraph {i} with a few words.</p>").repeat((12 - i) * 200);
            let html = article(&format!("Story {i}"), &format!("Marker{i} {PARAGRAPH}"))
                .replace("</article>", &format!("{extra}</article>"));
            dir.file(&format!("{i}.html"), html)
        })
        .collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert_eq!(sources, args);
    for (i, line) in lines.iter().enumerate() {
        assert!(line["textContent"].as_str().unwrap().contains(&format!("Marker{i} ")), "line {i}");
    }
}

#[test]
fn bad_files_give_one_line_errors_and_the_run_goes_on() {
    let dir = Scratch::new("errors");
    let good = dir.file("good.html", article("Good", PARAGRAPH));
    let missing = dir.path("missing.html");
    let empty = dir.file("empty.html", "");
    let blank = dir.file("blank.html", " \n\t\n");
    let png = dir.file("image.html", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let subdir = dir.path("subdir");
    std::fs::create_dir(&subdir).unwrap();
    let output = run(&[&missing, &good, &subdir, &empty, &blank, &png]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1, "only the good file prints: {}", stdout(&output));
    assert_eq!(lines[0]["source"], good.as_str());
    let errors = stderr(&output);
    let errors: Vec<&str> = errors.lines().collect();
    assert_eq!(errors.len(), 5, "{errors:#?}");
    let expect = [
        (&missing, "no such file"),
        (&subdir, "is a directory"),
        (&empty, "empty"),
        (&blank, "empty"),
        (&png, "not HTML"),
    ];
    for (line, (path, reason)) in errors.iter().zip(expect) {
        assert!(line.starts_with(&format!("article-cleaner: {path}: ")), "{line}");
        assert!(line.contains(reason), "{line}");
    }
}

#[test]
fn all_good_is_exit_0_and_stderr_stays_quiet() {
    let dir = Scratch::new("quiet");
    let a = dir.file("a.html", article("A", PARAGRAPH));
    let b = dir.file("b.html", article("B", PARAGRAPH));
    let output = run(&[&a, &b]);
    assert_eq!(output.status.code(), Some(0));
    // Not a terminal: no progress bar.
    assert!(output.stderr.is_empty(), "{}", stderr(&output));
    assert_eq!(json_lines(&output).len(), 2);
}

#[test]
fn dash_reads_stdin() {
    let html = article("From stdin", PARAGRAPH);
    let output = run_with_stdin(&["-"], Some(html.as_bytes()));
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["source"], "-");
    assert!(lines[0]["textContent"].as_str().unwrap().contains("budget for the new harbour"));
    let output = run_with_stdin(&["--format", "text", "-"], Some(html.as_bytes()));
    assert!(stdout(&output).contains("budget for the new harbour"));
}

#[test]
fn text_format() {
    let dir = Scratch::new("text");
    let path = dir.file("story.html", article("Harbour budget", PARAGRAPH));
    let output = run(&["--format", "text", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.starts_with("Harbour budget\n\n"), "{text}");
    assert!(text.contains("budget for the new harbour"));
    assert!(!text.contains("<p>"));
    assert!(!text.trim_start().starts_with('{'));
}

#[test]
fn markdown_format() {
    let dir = Scratch::new("markdown");
    let path = dir.file("story.html", article("Harbour budget", PARAGRAPH));
    let output = run(&["--format=markdown", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let markdown = stdout(&output);
    assert!(markdown.starts_with("# Harbour budget\n\n"), "{markdown}");
    assert!(markdown.contains("budget for the new harbour"));
}

#[test]
fn html_format_is_a_standalone_document() {
    let dir = Scratch::new("html");
    let path = dir.file("story.html", article("Harbour & budget", PARAGRAPH));
    let output = run(&["--format", "html", "--url", "https://example.com/news/1", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = stdout(&output);
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<title>Harbour &amp; budget</title>"), "{html}");
    assert!(html.contains("<h1>Harbour &amp; budget</h1>"), "{html}");
}

#[test]
fn html_format_carries_the_content() {
    let dir = Scratch::new("html-content");
    let path = dir.file("story.html", article("Harbour budget", PARAGRAPH));
    let html = stdout(&run(&["--format", "html", &path]));
    assert!(html.contains("budget for the new harbour"), "{html}");
}

#[test]
fn usage_errors_exit_2() {
    let dir = Scratch::new("usage");
    let a = dir.file("a.html", article("A", PARAGRAPH));
    let b = dir.file("b.html", article("B", PARAGRAPH));
    for args in [
        vec![],
        vec!["--bogus", a.as_str()],
        vec!["--format", "pdf", a.as_str()],
        vec![a.as_str(), "--format"],
        vec!["--url"],
        vec!["--format", "text", a.as_str(), b.as_str()],
    ] {
        let output = run(&args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
        assert!(stderr(&output).starts_with("article-cleaner: "), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn help_and_version() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("usage: article-cleaner"));
    let output = run(&["-V"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output).trim(), format!("article-cleaner {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn double_dash_ends_options() {
    let dir = Scratch::new("dashdash");
    let path = dir.file("-odd.html", article("Odd name", PARAGRAPH));
    let given = format!("{}/-odd.html", dir.0.display());
    assert_eq!(given, path);
    let output = Command::new(BIN).arg("--").arg(&given).current_dir(&dir.0).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let output = Command::new(BIN).args(["--", "-odd.html"]).current_dir(&dir.0).output().unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json_lines(&output)[0]["source"], "-odd.html");
}

#[test]
fn windows_1251_page_declared_only_in_meta() {
    let dir = Scratch::new("cp1251");
    let html = "<html><head><meta charset=\"windows-1251\"><title>Новости</title></head><body><article>\
                <p>Городской совет собрался во вторник, долго спорил о бюджете порта и в конце концов \
                решил опубликовать отчёты за последние десять лет до следующих выборов.</p></article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(html);
    assert!(!unmappable);
    assert!(std::str::from_utf8(&bytes).is_err(), "the file must not be UTF-8");
    let path = dir.file("ru.html", bytes);
    let output = run(&["--format", "text", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Городской совет собрался во вторник"), "{}", stdout(&output));
}

#[test]
fn utf16le_page_with_bom() {
    let dir = Scratch::new("utf16");
    let html = article(
        "Été",
        "Une page en UTF-16 : « Привет », 世界, avec assez de mots pour un article.",
    );
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    let path = dir.file("utf16.html", bytes);
    let output = run(&["--format", "text", &path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("« Привет », 世界"), "{}", stdout(&output));
}

#[test]
fn nul_bytes_and_invalid_utf8_never_crash() {
    let dir = Scratch::new("bytes");
    let mut nul = article("Nul", PARAGRAPH).into_bytes();
    nul.splice(60..60, *b"\0\0\0");
    // No charset declared: invalid UTF-8 means windows-1252, as in browsers.
    let mut invalid =
        article("Invalid", PARAGRAPH).replace("<meta charset=\"utf-8\">", "").into_bytes();
    invalid.splice(120..120, [0xff, 0xc3, 0x28, 0x80]);
    let mut seed = 0x1234_5678_u32;
    let junk: Vec<u8> = (0..100_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect();
    let files = [
        dir.file("nul.html", nul),
        dir.file("invalid.html", invalid),
        dir.file("junk.html", junk),
        dir.file("zeros.html", vec![0u8; 50_000]),
    ];
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let output = run(&args);
    // Each file prints a JSON line or exactly one error line; nothing crashes.
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{:?}: {}",
        output.status,
        stderr(&output)
    );
    let lines = json_lines(&output);
    let errors = stderr(&output);
    assert_eq!(lines.len() + errors.lines().count(), files.len(), "{errors}");
    for line in errors.lines() {
        assert!(line.starts_with("article-cleaner: ") && !line.contains("panic"), "{line}");
    }
    // The pages with a stray NUL or bad byte are still pages.
    let sources: Vec<&str> = lines.iter().map(|l| l["source"].as_str().unwrap()).collect();
    assert!(sources.contains(&args[0]) && sources.contains(&args[1]), "{errors}");
    // windows-1252 fallback for the invalid UTF-8 page: no U+FFFD in the text.
    let invalid = lines.iter().find(|l| l["source"] == args[1]).unwrap();
    assert!(!invalid["textContent"].as_str().unwrap().contains('\u{fffd}'), "{invalid}");
}

#[test]
fn a_big_file_is_fine() {
    let dir = Scratch::new("big");
    let paragraph = format!("<p>{PARAGRAPH}</p>\n");
    // 20 MB; a debug build of the library is slow, so it gets 4 MB.
    let size: usize = if cfg!(debug_assertions) { 4 << 20 } else { 20 << 20 };
    let body = paragraph.repeat(size / paragraph.len());
    let path = dir.file(
        "big.html",
        format!(
            "<html><head><title>Big</title></head><body><article>{body}</article></body></html>"
        ),
    );
    let output = run(&[&path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(json_lines(&output).len(), 1);
}

#[test]
fn url_option_is_accepted_for_every_file() {
    let dir = Scratch::new("url");
    let html = article("Links", PARAGRAPH).replace(
        "</article>",
        "<p><a href=\"/about\">About the council and its harbour committee</a></p></article>",
    );
    let a = dir.file("a.html", &html);
    let b = dir.file("b.html", &html);
    let output = run(&["--url=https://example.com/news/", &a, &b]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(!out.contains("\\\"/about\\\""), "relative link left in {out}");
}

#[test]
fn region_option_reads_the_article_from_the_chosen_element() {
    let dir = Scratch::new("region");
    let html = article("Region", PARAGRAPH).replace(
        "</body>",
        "<div id=notes><p>Tide tables for the coming week, from the harbour office.</p></div></body>",
    );
    let a = dir.file("a.html", &html);
    let output = run(&["--region", "#notes", "--format", "text", &a]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("Tide tables for the coming week"), "{out}");
    assert!(!out.contains(PARAGRAPH.split('.').next().unwrap()), "{out}");
}

/// The same page and the same expected URLs as the browser test
/// (`www/tests/engine.test.mjs`), whose wasm build resolves with the host's `URL`.
#[test]
fn links_resolve_against_base_and_page_url() {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/tests/fixtures/links.html");
    let out =
        run(&["--url", "https://example.com/a/b.html", "--format", "html", page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    let mut urls = Vec::new();
    for attr in ["href", "src", "srcset"] {
        let needle = format!(" {attr}=\"");
        for (at, _) in html.match_indices(&needle) {
            let value = &html[at + needle.len()..];
            let value = &value[..value.find('"').unwrap()];
            urls.push((at, format!("{attr}={value}")));
        }
    }
    urls.sort();
    let urls: Vec<String> = urls.into_iter().map(|(_, u)| u).collect();
    assert_eq!(
        urls,
        [
            "href=https://example.com/news/2024/story.html?id=7#top",
            "href=https://example.com/news/archive/",
            "href=https://cdn.example.org/x",
            "href=https://example.com/Path/%7Euser?q=a%20b",
            "href=https://xn--bcher-kva.example/stra%C3%9Fe",
            "href=mailto:desk@example.com",
            "src=https://example.com/news/2024/photo.jpg",
            "srcset=https://example.com/news/2024/photo-2x.jpg 2x, https://example.com/img/photo-3x.jpg 3x",
            "src=https://www.youtube.com/embed/abc123",
        ]
    );
}

#[test]
fn lead_image_urls_with_non_ascii_characters() {
    // Each once crashed the CLI ("internal error", exit 1): the URL was sliced
    // at a byte inside a character.
    let dir = Scratch::new("lead-image");
    let heads = [
        r#"<meta property="og:image" content="/media/日本語.jpg">"#,
        r#"<meta name="twitter:image" content="/media/日本語.jpg">"#,
        r#"<meta property="og:image" content="http://日本語.jp/og.png">"#,
        r#"<script type="application/ld+json">{"@type":"Article","image":"/media/日本語.jpg"}</script>"#,
    ];
    for (i, head) in heads.iter().enumerate() {
        let page = article("Harbour budget", PARAGRAPH).replace("<head>", &format!("<head>{head}"));
        let path = dir.file(&format!("{i}.html"), page);
        let output = run(&["--format", "json", "--url", "https://example.com/a/", &path]);
        assert_eq!(output.status.code(), Some(0), "{head}: {}", stderr(&output));
        let lead = json_lines(&output)[0]["leadImage"].as_str().unwrap_or_default().to_owned();
        assert!(
            lead == "https://example.com/media/%E6%97%A5%E6%9C%AC%E8%AA%9E.jpg"
                || lead == "http://xn--wgv71a119e.jp/og.png",
            "{head}: {lead}"
        );
    }
}
