//! Stage 6b, text: takes the sanitized article tree and gives its plain text
//! (blocks separated by blank lines), and the default excerpt. The Markdown
//! writer ([`crate::markdown`]) shares its walk and its white-space handling.
//!
//! Both writers walk the tree with an explicit stack of enter/exit events, so a
//! tree 100,000 levels deep costs heap, never call stack.

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::rules::tags::{NOT_TEXT, RUBY_ANNOTATIONS, TEXT_BLOCKS};
use crate::rules::thresholds::EXCERPT_MIN_CHARS;

/// A step of a walk: an element entered or left.
pub(crate) enum Event {
    Enter(Handle),
    Exit(Handle),
}

/// Pushes the children of `node` (enter and exit events) in document order.
pub(crate) fn push_children(stack: &mut Vec<Event>, node: &Handle) {
    for c in node.children.borrow().iter().rev() {
        stack.push(Event::Exit(c.clone()));
        stack.push(Event::Enter(c.clone()));
    }
}

// ---------------------------------------------------------------------------
// Plain text

/// Builds plain text with collapsed white space and pending line breaks.
#[derive(Default)]
struct TextOut {
    out: String,
    /// Newlines owed before the next text (1 = new line, 2 = blank line).
    breaks: usize,
    /// Newlines owed by `br` elements.
    br: usize,
    space: bool,
    /// Open table cells.
    cells: usize,
}

impl TextOut {
    fn block(&mut self, n: usize) {
        if self.cells > 0 {
            // Inside a table cell, blocks only separate words.
            self.space = true;
            return;
        }
        self.breaks = self.breaks.max(n);
        self.space = false;
    }

    fn flush_breaks(&mut self) {
        let n = self.breaks.max(self.br).min(2);
        if n > 0 && !self.out.is_empty() {
            while self.out.ends_with(' ') {
                self.out.pop();
            }
            let have = self.out.len() - self.out.trim_end_matches('\n').len();
            for _ in have..n {
                self.out.push('\n');
            }
            self.space = false;
        }
        self.breaks = 0;
        self.br = 0;
    }

    fn raw(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        self.flush_breaks();
        if self.space && !self.out.is_empty() && !self.out.ends_with(['\n', ' ']) {
            self.out.push(' ');
        }
        self.space = false;
        self.out.push_str(s);
    }

    fn text(&mut self, s: &str) {
        if let Some(run) = SpacedRun::of(s, |_| false) {
            self.space |= run.before;
            self.raw(run.words);
            self.space |= run.after;
            return;
        }
        for (i, word) in s.split(dom::is_html_space).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.contains('\u{a0}') {
                self.raw(&word.replace('\u{a0}', " "));
            } else if !word.is_empty() {
                self.raw(word);
            }
        }
    }
}

/// A text whose words are separated by single spaces and hold nothing to replace
/// (no other white space, no no-break space, none of the caller's `special`
/// bytes): written as one piece, it gives what writing it word by word gives.
pub(crate) struct SpacedRun<'a> {
    /// white space before the first word
    pub before: bool,
    /// the words, single-spaced (empty for a text of spaces)
    pub words: &'a str,
    /// white space after the last word
    pub after: bool,
}

impl<'a> SpacedRun<'a> {
    pub fn of(s: &'a str, special: impl Fn(u8) -> bool) -> Option<SpacedRun<'a>> {
        let b = s.as_bytes();
        let mut prev = 0u8;
        for &c in b {
            // 0xA0 ends U+00A0 in UTF-8 (and others, which take the slow way)
            if matches!(c, b'\t' | b'\n' | b'\r' | 0x0c | 0xa0)
                || (c == b' ' && prev == b' ')
                || special(c)
            {
                return None;
            }
            prev = c;
        }
        Some(SpacedRun {
            before: b.first() == Some(&b' '),
            words: s.trim_matches(' '),
            after: b.last() == Some(&b' '),
        })
    }
}

/// Plain text of the article, like a browser's `innerText`: blocks separated
/// by a blank line, list items and table rows on their own lines, cells
/// separated by ` | `, `br` as a newline, white space collapsed except in `pre`.
pub fn to_text(root: &Handle) -> String {
    let mut t = TextOut::default();
    let mut pre = 0usize;
    // Open list items.
    let mut items = 0usize;
    // Cells seen in each open table row.
    let mut rows: Vec<usize> = Vec::new();
    let mut stack = Vec::new();
    push_children(&mut stack, root);
    while let Some(ev) = stack.pop() {
        match ev {
            Event::Enter(node) => match &node.data {
                NodeData::Text { contents } => {
                    let s = contents.borrow();
                    if pre > 0 {
                        t.raw(&s.replace('\u{a0}', " "));
                    } else {
                        t.text(&s);
                    }
                }
                NodeData::Element { .. } => {
                    let tag = dom::tag(&node).unwrap_or("");
                    if NOT_TEXT.contains(&tag) {
                        stack.pop(); // its Exit
                        continue;
                    }
                    match tag {
                        "br" => {
                            t.br += 1;
                            t.space = false;
                        }
                        "li" | "tr" => t.block(1),
                        // A list inside a list item: its items are just more lines.
                        "ul" | "ol" if items > 0 => t.block(1),
                        "td" | "th" => {
                            t.cells += 1;
                            if let Some(n) = rows.last_mut() {
                                if *n > 0 {
                                    t.space = false;
                                    t.raw(" | ");
                                    t.space = false;
                                }
                                *n += 1;
                            }
                        }
                        _ if TEXT_BLOCKS.contains(&tag) => t.block(2),
                        _ => {}
                    }
                    if tag == "tr" {
                        rows.push(0);
                    }
                    if tag == "li" {
                        items += 1;
                    }
                    if tag == "pre" {
                        pre += 1;
                    }
                    push_children(&mut stack, &node);
                }
                _ => {}
            },
            Event::Exit(node) => {
                let tag = dom::tag(&node).unwrap_or("");
                match tag {
                    "li" => {
                        items = items.saturating_sub(1);
                        t.block(1);
                    }
                    "ul" | "ol" if items > 0 => t.block(1),
                    "td" | "th" => {
                        t.cells = t.cells.saturating_sub(1);
                        t.space = false;
                    }
                    "tr" => {
                        rows.pop();
                        t.block(1);
                    }
                    "pre" => {
                        pre = pre.saturating_sub(1);
                        t.block(2);
                    }
                    _ if TEXT_BLOCKS.contains(&tag) => t.block(2),
                    _ => {}
                }
            }
        }
    }
    collapse_blank_lines(t.out.trim())
}

/// Never more than one blank line in a row; no trailing spaces on lines.
fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blank = 0;
    for line in s.split('\n') {
        let line = line.trim_end();
        if line.is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

/// The text of the first paragraph with enough text ([`EXCERPT_MIN_CHARS`]), else of
/// the first non-empty one, white space collapsed: a default excerpt.
pub fn first_paragraph(root: &Handle) -> Option<String> {
    let mut first = None;
    for p in dom::find_all(root, "p") {
        // (without ruby annotations, as the text is written)
        let text = dom::normalize_space(&dom::text_without(&p, RUBY_ANNOTATIONS));
        if text.chars().count() >= EXCERPT_MIN_CHARS {
            return Some(text);
        }
        if first.is_none() && !text.is_empty() {
            first = Some(text);
        }
    }
    first
}

/// Whether `c` is a CJK ideograph, kana or hangul character.
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ac00}'..='\u{d7af}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::to_markdown;
    use crate::parse::body_content as body;

    #[test]
    fn single_spaced_texts_are_written_whole_as_word_by_word() {
        let run = SpacedRun::of(" two words ", |_| false).expect("single-spaced");
        assert!(run.before && run.after);
        assert_eq!(run.words, "two words");
        let spaces = SpacedRun::of(" ", |_| false).expect("a space");
        assert_eq!((spaces.before, spaces.words, spaces.after), (true, "", true));
        for slow in ["a  b", "a\nb", "a\tb", "a\u{a0}b", "\r"] {
            assert!(SpacedRun::of(slow, |_| false).is_none(), "{slow:?}");
        }
        assert!(SpacedRun::of("a*b", |c| c == b'*').is_none());
        // Text split over inline elements keeps its spaces, once, in both outputs.
        let root = body(
            "<p>One <b>two</b> three<i> four </i>five <a href=/x>six</a>  \
             seven\u{a0}eight <em>nine*</em></p>",
        );
        assert_eq!(to_text(&root), "One two three four five six seven eight nine*");
        assert_eq!(
            to_markdown(&root),
            "One **two** three *four* five [six](/x) seven eight *nine\\**"
        );
    }

    #[test]
    fn text_separates_blocks_and_collapses_space() {
        assert_eq!(
            text("  <h1>Title</h1>\n<p>One   <b>two</b>\n three.</p><div><p>Four<br>five</p></div><hr><p>six</p>  "),
            "Title\n\nOne two three.\n\nFour\nfive\n\nsix"
        );
        assert_eq!(text("<ul><li>a</li><li>b <i>c</i></li></ul><p>d</p>"), "a\nb c\n\nd");
        assert_eq!(text("<p>a&nbsp;b</p><p></p><p></p><p>c</p>"), "a b\n\nc");
    }

    #[test]
    fn text_keeps_pre_and_lays_out_tables() {
        assert_eq!(
            text("<p>x</p><pre>fn main() {\n    1  +  1\n}</pre><p>y</p>"),
            "x\n\nfn main() {\n    1  +  1\n}\n\ny"
        );
        assert_eq!(
            text(
                "<table><tr><th>A</th><th>B</th></tr><tr><td><p>1</p></td><td>2</td></tr></table>"
            ),
            "A | B\n1 | 2"
        );
    }

    #[test]
    fn first_paragraph_prefers_a_long_one() {
        let root = body(
            "<p>Short.</p><p>  This paragraph is long enough to be an excerpt of the page.  </p>",
        );
        assert_eq!(
            first_paragraph(&root).as_deref(),
            Some("This paragraph is long enough to be an excerpt of the page.")
        );
        assert_eq!(first_paragraph(&body("<p></p><p>Tiny</p>")).as_deref(), Some("Tiny"));
        assert_eq!(first_paragraph(&body("<div>none</div>")), None);
    }

    #[test]
    fn ruby_annotations_stay_out_of_text_and_markdown() {
        let html = "<p><ruby>漢<rp>(</rp><rt>かん</rt><rp>)</rp>字<rt>じ</rt></ruby>を読む。これは長い文です、読んでください。もっと長くします。</p>";
        let root = body(html);
        assert_eq!(
            to_text(&root),
            "漢字を読む。これは長い文です、読んでください。もっと長くします。"
        );
        assert_eq!(
            to_markdown(&root),
            "漢字を読む。これは長い文です、読んでください。もっと長くします。"
        );
        assert_eq!(
            first_paragraph(&root).as_deref(),
            Some("漢字を読む。これは長い文です、読んでください。もっと長くします。")
        );
    }

    #[test]
    fn deep_trees_do_not_recurse() {
        let html = "<blockquote><div><b>".repeat(2_000) + "x";
        let root = body(&html);
        assert_eq!(to_text(&root), "x");
        let md = to_markdown(&root);
        assert!(md.ends_with("> **x**"), "{md}");
        assert!(md.len() < 100, "{md}");
        let nested = "<figure><figcaption>".repeat(500) + "y";
        assert!(to_markdown(&body(&nested)).contains('y'));
    }

    fn text(html: &str) -> String {
        to_text(&body(html))
    }
}
