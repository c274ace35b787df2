//! Pathological pages: each must give `Ok` or a clear `Err`, never a panic, a
//! stack overflow or a hang.
//!
//! Every case runs on a thread with the default 2 MiB stack, to prove that no
//! stage recurses as deep as the tree: a page nested 100,000 levels must cost
//! heap memory, not stack. Times are printed (`--nocapture`) but never asserted;
//! speed belongs to the benchmarks. Each case is meant to finish in well under
//! 10 s in a release build (`cargo test --release --test hostile`).
//!
//! The biggest pages are slow in a debug build (unoptimized html5ever and
//! tendril), so they are ignored there: run this file with `--release`.

use std::panic;
use std::time::Instant;

use article_cleaner::decode_html;
use article_cleaner::{clean, Article, Error, Options};

/// The default stack size of a spawned Rust thread.
const STACK: usize = 2 << 20;

/// Runs `f` on a thread with a 2 MiB stack, printing how long it took.
fn on_small_stack<R: Send + 'static>(name: &str, f: impl FnOnce() -> R + Send + 'static) -> R {
    let start = Instant::now();
    let handle = std::thread::Builder::new()
        .name(name.to_owned())
        .stack_size(STACK)
        .spawn(f)
        .expect("spawn the test thread");
    let result = handle.join().unwrap_or_else(|e| panic::resume_unwind(e));
    eprintln!("hostile page {name}: {:.2?}", start.elapsed());
    result
}

/// Cleans `html` on a small stack; the result must be an article or a clear error.
fn survive(name: &str, html: String) -> Result<Article, Error> {
    let input_len = html.len();
    let result = on_small_stack(name, move || clean(&html, &Options::default()));
    match &result {
        Ok(article) => {
            // The sanitized article is never much bigger than the page.
            assert!(article.content.len() <= input_len * 2 + 4096, "{name}: content grew");
        }
        Err(e) => assert!(!e.to_string().is_empty(), "{name}: an error needs a message"),
    }
    result
}

/// Cleans raw bytes the way the CLI does: `decode_html`, then `clean`.
fn survive_bytes(name: &str, bytes: Vec<u8>) -> Result<Article, Error> {
    let html = on_small_stack(&format!("{name} (decode_html)"), move || decode_html(&bytes));
    survive(name, html)
}

fn paragraph(i: usize) -> String {
    format!(
        "<p>Paragraph {i} of the story, with enough words to look like prose: the council met \
         on Tuesday, argued about the budget for the harbour, and agreed, after a long evening, \
         to publish the accounts of the last ten years before the next election.</p>\n"
    )
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>Hostile page</title></head><body>{body}</body></html>"
    )
}

fn nested(open: &str, close: &str, depth: usize, inner: &str) -> String {
    let mut html = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        html.push_str(open);
    }
    html.push_str(inner);
    for _ in 0..depth {
        html.push_str(close);
    }
    page(&html)
}

// Deep trees -----------------------------------------------------------------

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn divs_nested_100_000_deep() {
    let _ = survive("100k nested div", nested("<div>", "</div>", 100_000, &paragraph(0)));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn divs_nested_100_000_deep_never_closed() {
    let _ = survive("100k unclosed div", nested("<div class=x>", "", 100_000, &paragraph(0)));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn spans_nested_100_000_deep() {
    let _ = survive("100k nested span", nested("<span>", "</span>", 100_000, "deep text"));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn tables_nested_deep() {
    // Flattened before parsing, as a browser would: an article, not an error
    // (each table level is four levels of the built tree).
    let deep = nested("<table><tr><td>", "</td></tr></table>", 10_000, &paragraph(0));
    survive("10k nested table", deep).expect("an article");
    let unclosed = nested("<table><td>", "", 10_000, &paragraph(0));
    survive("10k unclosed table/td", unclosed).expect("an article");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn lists_nested_100_000_deep() {
    let _ = survive("100k nested ul/li", nested("<ul><li>", "</li></ul>", 100_000, "item"));
    let unclosed = nested("<ul><li>", "", 100_000, &paragraph(0));
    survive("100k unclosed ul/li", unclosed).expect("an article");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn formatting_elements_misnested() {
    // The adoption agency and the reconstruction of active formatting elements.
    let _ = survive("50k misnested b/i", page(&"<b><i>x</b>y</i>".repeat(50_000)));
    let _ = survive("100k unclosed b", nested("<b>", "", 100_000, "bold"));
    let _ = survive("50k unclosed a/p", page(&"<a href=x><p>".repeat(50_000)));
}

// Big pages --------------------------------------------------------------------

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn page_of_20_mb_of_paragraphs() {
    let mut body = String::from("<article><h1>A very long story</h1>");
    let mut i = 0;
    while body.len() < 20 << 20 {
        body.push_str(&paragraph(i));
        i += 1;
    }
    body.push_str("</article>");
    let _ = survive("20 MB of paragraphs", page(&body));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn million_empty_elements() {
    let _ = survive("1M empty span", page(&"<span></span>".repeat(1_000_000)));
    let _ = survive(
        "1M empty div",
        page(&format!("{}{}", paragraph(0), "<div></div>".repeat(1_000_000))),
    );
    let _ = survive("1M br", page(&"<br>".repeat(1_000_000)));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn single_text_node_of_10_mb() {
    let text = "word ".repeat(2 << 20);
    let _ = survive("10 MB text node", page(&format!("<p>{text}</p>")));
    let _ = survive("10 MB text without spaces", page(&format!("<p>{}</p>", "x".repeat(10 << 20))));
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn ten_mb_of_text_under_500_nested_author_boxes() {
    // Every box is a byline candidate by its class, and each holds all the text:
    // the byline test must not read the 10 MB once per box.
    let html = nested("<div class=author>", "</div>", 500, &"word ".repeat(2 << 20));
    let article = survive("10 MB under 500 author boxes", html).expect("an article");
    assert_eq!(article.byline, None, "no box is a short byline");
    assert!(article.length > 5_000_000);
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn attributes_of_a_megabyte() {
    let mb = "a".repeat(1 << 20);
    let words = "ad ".repeat(1 << 18);
    let body = format!(
        "<div class=\"{words}\" id=\"{mb}\" style=\"{mb}\" data-x=\"{mb}\">{p}\
         <a href=\"https://example.com/{mb}\">link</a><img src=\"{mb}\" srcset=\"{mb} 1x\" alt=\"{mb}\">\
         <p title=\"{mb}\" lang=\"{mb}\" dir=\"{mb}\">{p}</p></div>",
        p = paragraph(1),
    );
    let head = format!(
        "<meta property=\"og:title\" content=\"{mb}\"><meta name=\"description\" content=\"{mb}\">\
         <base href=\"https://example.com/{mb}/\">"
    );
    let html = format!("<html><head>{head}</head><body>{body}</body></html>");
    let _ = survive("1 MB attributes", html);
    let many = format!(
        "<div {}>{}</div>",
        (0..100_000).map(|i| format!("a{i}=v")).collect::<Vec<_>>().join(" "),
        paragraph(2)
    );
    let _ = survive("100k attributes on one element", page(&many));
}

// Broken markup ----------------------------------------------------------------

#[test]
fn unterminated_everything() {
    let long = paragraph(3).repeat(20);
    let cases = [
        ("unterminated a href", format!("<div><p>{long}<a href=\"x")),
        ("unterminated tag", format!("<html><body><p>{long}<div")),
        ("unterminated comment", format!("<p>{long}</p><!-- {long}")),
        ("unterminated script", format!("<p>{long}</p><script>var x = '{long}")),
        ("unterminated style", format!("<p>{long}</p><style>p {{ color: red")),
        ("unterminated title", format!("<title>{long}")),
        ("unterminated textarea", format!("<p>{long}</p><textarea>{long}")),
        ("unterminated cdata", format!("<p>{long}</p><svg><![CDATA[{long}")),
        ("unterminated doctype", "<!DOCTYPE html PUBLIC \"-//W3C".to_owned()),
        ("unterminated entity", format!("<p>{long}&#x1F6; &amp &#99999999999; &")),
        ("only an open tag", "<".to_owned()),
        ("stray end tags", format!("</p></div></body></html>{long}</table></a>")),
    ];
    for (name, html) in cases {
        let _ = survive(name, html);
    }
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn big_unterminated_constructs() {
    let mb = "x ".repeat(5 << 20);
    let _ = survive("10 MB unterminated comment", format!("<p>{}</p><!-- {mb}", paragraph(4)));
    let _ = survive("10 MB unterminated script", format!("<p>{}</p><script>{mb}", paragraph(4)));
    let _ =
        survive("10 MB unterminated attribute", format!("<p>{}</p><a href=\"{mb}", paragraph(4)));
}

// Limits the markup cannot walk around ----------------------------------------
//
// Each page once got past the pre-parse scan's guesses and cost minutes or
// gigabytes; the limits are now counted where the tree is built. Each must give
// the "too large" error (and promptly: the times print with --nocapture).

/// Cleans `html` on a small stack and asserts the "too large" error naming `why`.
fn too_large(name: &str, html: String, why: &str) {
    match survive(name, html) {
        Err(Error::TooLarge(reason)) => assert!(reason.contains(why), "{name}: {reason}"),
        other => panic!("{name}: expected the too-large error, got {other:?}"),
    }
}

#[test]
fn stray_end_tags_do_not_hide_nesting() {
    // Each `</x>` lowered the scan's depth count; the parser ignores it.
    too_large("100k <div></x>", page(&"<div></x>".repeat(100_000)), "nested");
}

#[test]
fn foreign_content_does_not_hide_markup() {
    // The scan read an SVG <title> as HTML's raw-text <title> and counted nothing inside.
    too_large("80k <svg><title>", page(&"<svg><title>".repeat(80_000)), "nested");
    let flat = format!("<svg><title>{}", "<p>".repeat(300_000));
    too_large("300k <p> in an svg title", page(&flat), "elements");
}

#[test]
#[cfg_attr(debug_assertions, ignore = "slow in debug: run with --release")]
fn reconstructed_formatting_elements_are_counted() {
    // Every block reopens all the distinct unclosed <b>s before it: quadratic
    // elements (and attribute copies) from linear markup.
    let html: String = (0..8000).map(|i| format!("<b id=n{i}><p>x")).collect();
    too_large("8k unclosed distinct <b> across blocks", page(&html), "attributes add up");
    let classes: String = (0..3000).map(|i| format!("<p><i class=c{i}>x")).collect();
    too_large("3k unclosed distinct <i> in paragraphs", page(&classes), "attributes add up");
}

#[test]
fn attribute_floods_stop_before_the_tokenizer() {
    let flood = |sep: &str| (0..400_000).map(|i| format!("a{i}{sep}")).collect::<String>();
    too_large("400k attributes", page(&format!("<div {}>x</div>", flood(" "))), "attributes");
    // Values holding `>`; the tag hidden from a scan by a comment the tokenizer
    // ends at `<!-->`, or by a quote inside a script.
    let quoted = page(&format!("<div {}>x</div>", flood("=\">\" ")));
    too_large("400k attributes with > in values", quoted, "attributes");
    let commented = page(&format!("<!--><div {}>x</div>-->", flood(" ")));
    too_large("400k attributes after <!-->", commented, "attributes");
    let scripted = page(&format!("<script>'<a b=\"</script><div {}>\"x</div>", flood(" ")));
    too_large("400k attributes after a script", scripted, "attributes");
}

// Bytes ------------------------------------------------------------------------

#[test]
fn nul_bytes() {
    let _ = survive(
        "NUL in text",
        page(&format!("<p>a\0b{}</p>\0<div\0 cl\0ass=\0>\0</div>", paragraph(5))),
    );
    let _ = survive("all NUL", "\0".repeat(100_000));
    let _ =
        survive_bytes("NUL bytes decoded", [b"<p>x\0y</p>".as_slice(), &[0u8; 10_000]].concat());
}

#[test]
fn invalid_utf8_through_decode_html() {
    let mut bytes = page(&paragraph(6)).into_bytes();
    bytes.splice(10..10, [0xff, 0xfe, 0xc3, 0x28, 0xe2, 0x82, 0x80, 0x9d, 0xed, 0xa0, 0x80]);
    let _ = survive_bytes("invalid UTF-8", bytes);
    // Random junk: an error ("not HTML") or some article, never a panic.
    let mut seed = 0x9e37_79b9_u32;
    let junk: Vec<u8> = (0..1_000_000)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed as u8
        })
        .collect();
    let _ = survive_bytes("1 MB random bytes", junk);
}

#[test]
fn utf16_page_with_bom() {
    let html = page("<p>Ceci est un article en français, encodé en UTF-16 : « Привет », 世界.</p>");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(html.encode_utf16().flat_map(u16::to_le_bytes));
    if let Ok(article) = survive_bytes("UTF-16LE BOM page", bytes) {
        assert!(article.text_content.contains("« Привет », 世界"), "{:?}", article.text_content);
    }
    let mut bytes = vec![0xfe, 0xff];
    bytes.extend(html.encode_utf16().flat_map(u16::to_be_bytes));
    let _ = survive_bytes("UTF-16BE BOM page", bytes);
    // A truncated last code unit.
    let mut bytes = vec![0xff, 0xfe, b'<', 0, b'p', 0, b'>', 0, b'x'];
    bytes.push(0);
    bytes.push(b'y');
    let _ = survive_bytes("odd-length UTF-16 page", bytes);
}

#[test]
fn windows_1251_page_declared_in_meta() {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">\
                <title>Новости</title></head><body><article><p>Городской совет собрался во вторник, \
                долго спорил о бюджете порта и в конце концов решил опубликовать отчёты за последние \
                десять лет до следующих выборов.</p></article></body></html>";
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(html);
    assert!(!unmappable);
    if let Ok(article) = survive_bytes("windows-1251 meta page", bytes.into_owned()) {
        assert!(
            article.text_content.contains("Городской совет собрался"),
            "{:?}",
            article.text_content
        );
    }
}
