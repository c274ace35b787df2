//! Stage 6c, Markdown: takes the sanitized article tree and gives it as
//! CommonMark, with GFM tables and strikethrough. It walks the tree as the
//! plain-text writer does ([`crate::text`]), with an explicit stack of
//! enter/exit events.

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::rules::limits::{MAX_NEST, MAX_SUB_RENDERS};
use crate::rules::tags::{HEADINGS, NOT_IN_PIPE_TABLE, NOT_TEXT, TEXT_BLOCKS};
use crate::text::{push_children, Event, SpacedRun};

/// An inline construct open in the current paragraph.
enum Open {
    /// Emphasis marker (`*`, `**`, `~~`) written at byte `pos`.
    Mark(&'static str, usize),
    /// A link whose text starts at byte `pos`.
    Link(usize, Option<String>),
}

/// A container prefix: the first line of a list item gets its marker, the
/// following lines the indentation; a block quote gives `> ` to every line.
struct Prefix {
    /// A list item (not a block quote).
    item: bool,
    first: String,
    rest: String,
    used: bool,
}

struct List {
    ordered: bool,
    next: i64,
    items: usize,
}

#[derive(Default)]
struct Md {
    out: String,
    /// The paragraph being built (Markdown inline syntax, already escaped).
    buf: String,
    space: bool,
    /// Where the run of just-written openers starts, while nothing followed it.
    openers_at: Option<usize>,
    open: Vec<Open>,
    /// One entry per inline element entered: whether it opened a construct
    /// (a `**` inside `**`, or a link inside a link, opens nothing).
    frames: Vec<bool>,
    prefixes: Vec<Prefix>,
    /// One entry per container entered: whether it pushed a prefix (at most
    /// [`MAX_NEST`] do, so a deep tree cannot make every line huge).
    prefix_frames: Vec<bool>,
    lists: Vec<List>,
    need_blank: bool,
    heading: Option<usize>,
    /// Nesting of sub-renders (table cells, captions), to bound them.
    depth: usize,
}

impl Md {
    /// Writes inline content (already Markdown), with the pending space first.
    fn push(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if self.space {
            self.write_space();
        }
        self.openers_at = None;
        self.buf.push_str(s);
    }

    fn write_space(&mut self) {
        self.space = false;
        match self.openers_at {
            Some(at) if at == 0 || self.buf[..at].ends_with([' ', '\n']) => {}
            Some(at) => {
                // Keep `**` against its text: the space goes before the openers.
                self.buf.insert(at, ' ');
                for o in &mut self.open {
                    match o {
                        Open::Mark(_, p) | Open::Link(p, _) if *p >= at => *p += 1,
                        _ => {}
                    }
                }
                self.openers_at = Some(at + 1);
            }
            None => {
                if !self.buf.is_empty() && !self.buf.ends_with([' ', '\n']) {
                    self.buf.push(' ');
                }
            }
        }
    }

    fn text(&mut self, s: &str) {
        let special = |c: u8| c.is_ascii() && needs_inline_escape(char::from(c));
        if let Some(run) = SpacedRun::of(s, special) {
            self.space |= run.before;
            self.push(run.words);
            self.space |= run.after;
            return;
        }
        for (i, word) in s.split(dom::is_html_space).enumerate() {
            if i > 0 {
                self.space = true;
            }
            if word.contains(needs_inline_escape) {
                let escaped = escape_inline(&word.replace('\u{a0}', " "));
                self.push(&escaped);
            } else if !word.is_empty() {
                self.push(word); // nothing to escape or replace: most words
            }
        }
    }

    fn open_mark(&mut self, mark: &'static str) {
        let nested = self.open.iter().any(|o| matches!(o, Open::Mark(m, _) if *m == mark));
        self.frames.push(!nested);
        if !nested {
            self.open_mark_now(mark);
        }
    }

    fn open_mark_now(&mut self, mark: &'static str) {
        if self.space {
            self.write_space();
        }
        if self.openers_at.is_none() {
            self.openers_at = Some(self.buf.len());
        }
        self.open.push(Open::Mark(mark, self.buf.len()));
        self.buf.push_str(mark);
    }

    fn open_link(&mut self, href: Option<String>) {
        let nested = self.open.iter().any(|o| matches!(o, Open::Link(..)));
        self.frames.push(!nested);
        if !nested {
            self.open_link_now(href);
        }
    }

    fn open_link_now(&mut self, href: Option<String>) {
        if self.space {
            self.write_space();
        }
        if self.openers_at.is_none() {
            self.openers_at = Some(self.buf.len());
        }
        self.open.push(Open::Link(self.buf.len(), href));
    }

    /// Ends the innermost inline element.
    fn end_inline(&mut self) {
        if self.frames.pop() == Some(true) {
            self.close();
        }
    }

    /// Closes the innermost open construct.
    fn close(&mut self) {
        let Some(o) = self.open.pop() else { return };
        match o {
            Open::Mark(mark, pos) => {
                if self.buf.len() == pos + mark.len() {
                    self.buf.truncate(pos);
                    if self.openers_at.is_some_and(|a| a >= self.buf.len()) {
                        self.openers_at = None;
                    }
                } else {
                    self.buf.push_str(mark);
                }
            }
            Open::Link(pos, href) => {
                let text = self.buf[pos..].trim().to_owned();
                self.buf.truncate(pos);
                if self.openers_at.is_some_and(|a| a >= self.buf.len()) {
                    self.openers_at = None;
                }
                if text.is_empty() {
                    return;
                }
                match href {
                    Some(h) => {
                        self.buf.push('[');
                        self.buf.push_str(&text);
                        self.buf.push_str("](");
                        self.buf.push_str(&link_destination(&h));
                        self.buf.push(')');
                    }
                    None => self.buf.push_str(&text),
                }
            }
        }
    }

    /// Ends the current paragraph: open constructs are closed in it and
    /// opened again in the next one.
    fn flush(&mut self) {
        let reopen: Vec<Open> = self
            .open
            .iter()
            .map(|o| match o {
                Open::Mark(m, _) => Open::Mark(m, 0),
                Open::Link(_, h) => Open::Link(0, h.clone()),
            })
            .collect();
        for _ in 0..self.open.len() {
            self.close();
        }
        let buf = std::mem::take(&mut self.buf);
        self.space = false;
        self.openers_at = None;
        let lines: Vec<String> = buf
            .split('\n')
            .map(|l| escape_line_start(l.trim()))
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            if let Some(level) = self.heading {
                let line = format!("{} {}", "#".repeat(level), lines.join(" "));
                self.line(&line);
            } else {
                let n = lines.len();
                for (i, l) in lines.into_iter().enumerate() {
                    // A hard line break: a backslash at the end of the line.
                    if i + 1 < n {
                        self.line(&format!("{l}\\"));
                    } else {
                        self.line(&l);
                    }
                }
            }
            self.need_blank = true;
        }
        for o in reopen {
            match o {
                Open::Mark(m, _) => self.open_mark_now(m),
                Open::Link(_, h) => self.open_link_now(h),
            }
        }
        self.openers_at = None;
    }

    /// Writes one line of a block with the container prefixes.
    fn line(&mut self, s: &str) {
        if self.need_blank && !self.out.is_empty() {
            // Containers opened since the last line do not mark the blank line.
            let blank: String =
                self.prefixes.iter().filter(|p| p.used).map(|p| p.rest.as_str()).collect();
            self.out.push_str(blank.trim_end());
            self.out.push('\n');
        }
        self.need_blank = false;
        for p in &mut self.prefixes {
            if p.used {
                self.out.push_str(&p.rest);
            } else {
                self.out.push_str(&p.first);
                p.used = true;
            }
        }
        self.out.push_str(s);
        while self.out.ends_with(' ') {
            self.out.pop();
        }
        self.out.push('\n');
    }

    fn push_prefix(&mut self, p: Prefix) {
        let room = self.prefixes.len() < MAX_NEST;
        self.prefix_frames.push(room);
        if room {
            self.prefixes.push(p);
        }
    }

    fn pop_prefix(&mut self) {
        if self.prefix_frames.pop() == Some(true) {
            self.prefixes.pop();
        }
    }

    /// A block written whole (code fence, table, rule): its own lines.
    fn block_lines(&mut self, lines: &[String]) {
        self.flush();
        self.need_blank = true;
        for l in lines {
            self.line(l);
        }
        self.need_blank = true;
    }
}

/// Characters that [`escape_inline`] may escape, and the no-break space that
/// [`Md::text`] turns into a space.
fn needs_inline_escape(c: char) -> bool {
    matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|' | '&' | '\u{a0}')
}

/// Escapes what Markdown would read as syntax inside a line of text.
fn escape_inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        match c {
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '~' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '&' => {
                // Only where it would start an entity reference.
                let rest: String = s[i + 1..].chars().take(33).collect();
                let entity = rest.find(';').is_some_and(|end| {
                    end > 0 && rest[..end].chars().all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
                if entity {
                    out.push('\\');
                }
                out.push('&');
            }
            c => out.push(c),
        }
    }
    out
}

/// Escapes a line start that Markdown would read as a block marker.
fn escape_line_start(line: &str) -> String {
    if line.starts_with(['#', '>', '-', '+', '=']) {
        return format!("\\{line}");
    }
    let digits = line.bytes().take_while(|b| b.is_ascii_digit()).count();
    if digits > 0 && digits <= 9 {
        let rest = &line[digits..];
        if (rest.starts_with('.') || rest.starts_with(')'))
            && (rest.len() == 1 || rest[1..].starts_with(' '))
        {
            return format!("{}\\{}", &line[..digits], rest);
        }
    }
    line.to_owned()
}

/// A link destination: spaces, controls and unbalanced brackets escaped.
fn link_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '(' | ')' | '<' | '>' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Inline code with a fence longer than any run of backticks inside.
fn code_span(text: &str) -> String {
    let text = dom::normalize_space(text);
    if text.is_empty() {
        return String::new();
    }
    let longest = longest_run(&text, '`');
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn longest_run(s: &str, ch: char) -> usize {
    let (mut best, mut cur) = (0, 0);
    for c in s.chars() {
        if c == ch {
            cur += 1;
            best = best.max(cur);
        } else {
            cur = 0;
        }
    }
    best
}

/// The language named by a `language-x`/`lang-x` class on `node`.
fn language(node: &Handle) -> Option<String> {
    let class = dom::attr(node, "class")?;
    class.split_ascii_whitespace().find_map(|c| {
        c.strip_prefix("language-")
            .or_else(|| c.strip_prefix("lang-"))
            .filter(|l| !l.is_empty() && !l.contains('`'))
            .map(str::to_owned)
    })
}

/// A fenced code block for a `pre`.
fn code_block(pre: &Handle) -> Vec<String> {
    let lang = language(pre)
        .or_else(|| dom::find(pre, "code").and_then(|c| language(&c)))
        .unwrap_or_default();
    let text = dom::text_content(pre).replace('\u{a0}', " ");
    let text = text.trim_start_matches('\n').trim_end();
    let fence = "`".repeat((longest_run(text, '`') + 1).max(3));
    let mut lines = vec![format!("{fence}{lang}")];
    lines.extend(text.split('\n').map(str::to_owned));
    lines.push(fence);
    lines
}

/// Markdown of `node`'s children flattened to one line (table cells, captions).
fn inline_markdown(node: &Handle, depth: usize) -> String {
    let md = render(node, depth + 1);
    md.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The rows of a simple table (no spans, no nested tables, no block content
/// beyond paragraphs), as cells; `None` when it is not simple.
fn simple_table(table: &Handle) -> Option<Vec<Vec<Handle>>> {
    let mut rows = Vec::new();
    let mut stack: Vec<Handle> = dom::element_children(table);
    while let Some(e) = stack.pop() {
        match dom::tag(&e).unwrap_or("") {
            t if NOT_IN_PIPE_TABLE.contains(&t) => return None,
            "td" | "th" => {
                for a in ["colspan", "rowspan"] {
                    if dom::attr(&e, a).is_some_and(|v| v.trim() != "1") {
                        return None;
                    }
                }
            }
            _ => {}
        }
        stack.extend(dom::element_children(&e));
    }
    let mut groups = vec![table.clone()];
    groups.extend(
        dom::element_children(table)
            .into_iter()
            .filter(|c| matches!(dom::tag(c), Some("thead" | "tbody" | "tfoot"))),
    );
    for g in groups {
        for tr in dom::element_children(&g) {
            if dom::is(&tr, "tr") {
                let cells: Vec<Handle> = dom::element_children(&tr)
                    .into_iter()
                    .filter(|c| matches!(dom::tag(c), Some("td" | "th")))
                    .collect();
                if !cells.is_empty() {
                    rows.push(cells);
                }
            }
        }
    }
    (!rows.is_empty()).then_some(rows)
}

/// A GFM pipe table.
fn pipe_table(rows: &[Vec<Handle>], depth: usize) -> Vec<String> {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut lines = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let mut cells: Vec<String> = row
            .iter()
            .map(|c| {
                let s = inline_markdown(c, depth);
                // Pipes are escaped in text already; code spans may hold some.
                escape_pipes(&s)
            })
            .collect();
        cells.resize(width, String::new());
        lines.push(format!("| {} |", cells.join(" | ")));
        if i == 0 {
            lines.push(format!("|{}", " --- |".repeat(width)));
        }
    }
    lines
}

fn escape_pipes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut backslashes = 0;
    for c in s.chars() {
        if c == '|' && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
        out.push(c);
    }
    out
}

/// The article as Markdown (CommonMark, with GFM tables and strikethrough).
pub fn to_markdown(root: &Handle) -> String {
    render(root, 0)
}

fn render(root: &Handle, depth: usize) -> String {
    let mut md = Md { depth, ..Md::default() };
    let mut stack = Vec::new();
    push_children(&mut stack, root);
    while let Some(ev) = stack.pop() {
        match ev {
            Event::Enter(node) => {
                if let NodeData::Text { contents } = &node.data {
                    md.text(&contents.borrow());
                    continue;
                }
                let Some(tag) = dom::tag(&node).map(str::to_owned) else {
                    continue;
                };
                if enter(&mut md, &node, &tag) {
                    push_children(&mut stack, &node);
                } else {
                    stack.pop(); // its Exit
                    exit(&mut md, &tag, true);
                }
            }
            Event::Exit(node) => {
                if let Some(tag) = dom::tag(&node) {
                    exit(&mut md, tag, false);
                }
            }
        }
    }
    md.flush();
    md.out.trim_end().to_owned()
}

/// Handles an element's start; returns whether to walk its children.
fn enter(md: &mut Md, node: &Handle, tag: &str) -> bool {
    if NOT_TEXT.contains(&tag) && tag != "iframe" {
        return false;
    }
    match tag {
        h if HEADINGS.contains(&h) => {
            md.flush();
            md.heading = Some(tag[1..].parse().unwrap_or(2));
        }
        "strong" | "b" => md.open_mark("**"),
        "em" | "i" | "cite" | "dfn" => md.open_mark("*"),
        "s" | "del" | "strike" => md.open_mark("~~"),
        "q" => md.push("\""),
        "a" => {
            // A link within the article (`#ac-…`, see `sanitize.rs`) names an id
            // that Markdown does not keep: its text is written plain.
            let href =
                dom::attr(node, "href").filter(|h| !h.trim().is_empty() && !h.starts_with('#'));
            md.open_link(href);
        }
        "br" => {
            md.space = false;
            md.openers_at = None;
            md.buf.push('\n');
        }
        "code" | "kbd" | "samp" | "tt" => {
            let span = code_span(&dom::text_content(node));
            md.push(&span);
            return false;
        }
        "img" => {
            if let Some(src) = dom::attr(node, "src").filter(|s| !s.trim().is_empty()) {
                let alt = escape_inline(&dom::normalize_space(
                    &dom::attr(node, "alt").unwrap_or_default(),
                ));
                md.push(&format!("![{alt}]({})", link_destination(&src)));
            }
            return false;
        }
        "math" => {
            let text = escape_inline(&dom::inner_text(node));
            md.push(&text);
            return false;
        }
        "iframe" | "video" | "audio" => {
            let src = dom::attr(node, "src")
                .or_else(|| dom::find(node, "source").and_then(|s| dom::attr(&s, "src")));
            if let Some(src) = src.filter(|s| !s.trim().is_empty()) {
                let label = match tag {
                    "video" => "Video".to_owned(),
                    "audio" => "Audio".to_owned(),
                    _ => dom::attr(node, "title")
                        .map(|t| dom::normalize_space(&t))
                        .filter(|t| !t.is_empty())
                        .unwrap_or_else(|| src.clone()),
                };
                let line = format!("[{}]({})", escape_inline(&label), link_destination(&src));
                md.block_lines(&[line]);
            }
            return false;
        }
        "pre" => {
            let lines = code_block(node);
            md.block_lines(&lines);
            return false;
        }
        "hr" => {
            md.block_lines(&["---".to_owned()]);
            return false;
        }
        "blockquote" => {
            md.flush();
            md.need_blank = true;
            md.push_prefix(Prefix {
                item: false,
                first: "> ".into(),
                rest: "> ".into(),
                used: false,
            });
        }
        "ul" | "ol" => {
            md.flush();
            // A list inside a list item follows its text without a blank line.
            let in_item = md.prefixes.last().is_some_and(|p| p.item);
            md.need_blank = !in_item;
            let start = dom::attr(node, "start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
            md.lists.push(List { ordered: tag == "ol", next: start, items: 0 });
        }
        "li" => {
            md.flush();
            let marker = match md.lists.last_mut() {
                Some(l) => {
                    if l.items > 0 {
                        md.need_blank = false;
                    }
                    l.items += 1;
                    if l.ordered {
                        let n = dom::attr(node, "value")
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(l.next);
                        l.next = n + 1;
                        format!("{n}. ")
                    } else {
                        "- ".to_owned()
                    }
                }
                None => "- ".to_owned(),
            };
            let rest = " ".repeat(marker.len());
            md.push_prefix(Prefix { item: true, first: marker, rest, used: false });
        }
        "table" if md.depth < MAX_SUB_RENDERS => {
            if let Some(rows) = simple_table(node) {
                if let Some(caption) =
                    dom::element_children(node).into_iter().find(|c| dom::is(c, "caption"))
                {
                    let text = inline_markdown(&caption, md.depth);
                    if !text.is_empty() {
                        md.block_lines(&[format!("*{text}*")]);
                    }
                }
                let lines = pipe_table(&rows, md.depth);
                md.block_lines(&lines);
                return false;
            }
            md.flush();
        }
        "figcaption" if md.depth < MAX_SUB_RENDERS => {
            let text = inline_markdown(node, md.depth);
            if !text.is_empty() {
                md.block_lines(&[format!("*{text}*")]);
            }
            return false;
        }
        _ if TEXT_BLOCKS.contains(&tag) || matches!(tag, "tr" | "td" | "th" | "li") => md.flush(),
        _ => {}
    }
    true
}

/// Handles an element's end (`skipped`: its children were not walked).
fn exit(md: &mut Md, tag: &str, skipped: bool) {
    match tag {
        h if !skipped && HEADINGS.contains(&h) => {
            md.flush();
            md.heading = None;
        }
        "strong" | "b" | "em" | "i" | "cite" | "dfn" | "s" | "del" | "strike" | "a" if !skipped => {
            md.end_inline()
        }
        "q" if !skipped => {
            md.openers_at = None;
            md.buf.push('"');
        }
        "blockquote" if !skipped => {
            md.flush();
            md.pop_prefix();
            md.need_blank = true;
        }
        "ul" | "ol" if !skipped => {
            md.flush();
            md.lists.pop();
            md.need_blank = true;
        }
        "li" if !skipped => {
            md.flush();
            if md.prefix_frames.last() == Some(&true) && md.prefixes.last().is_some_and(|p| !p.used)
            {
                md.line("");
            }
            md.pop_prefix();
            md.need_blank = true;
        }
        _ if !skipped && (TEXT_BLOCKS.contains(&tag) || matches!(tag, "tr" | "td" | "th")) => {
            md.flush()
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::body_content as body;

    fn md(html: &str) -> String {
        to_markdown(&body(html))
    }

    #[test]
    fn markdown_inline_syntax() {
        assert_eq!(
            md("<h2>Big <em>news</em></h2><p>Some <strong>bold </strong>and<em> em</em> and <code>a`b</code> and <a href='https://e.com/x(1)'>a [link]</a>.</p>"),
            "## Big *news*\n\nSome **bold** and *em* and ``a`b`` and [a \\[link\\]](https://e.com/x\\(1\\)).",
        );
        assert_eq!(md("<p><b></b>x<i> </i>y</p>"), "x y");
        // Links within the article point at ids Markdown has not: plain text.
        assert_eq!(
            md("<h2><a href='#ac-intro'>Intro</a></h2><p>x<a href=#ac-fn1>1</a></p>"),
            "## Intro\n\nx1"
        );
        assert_eq!(
            md("<p>1 * 2 _x_ &lt;tag&gt; &amp;amp; R&amp;D</p>"),
            "1 \\* 2 \\_x\\_ \\<tag\\> \\&amp; R&D"
        );
    }

    #[test]
    fn markdown_escapes_line_starts() {
        assert_eq!(
            md("<p># not a heading</p><p>1. not a list</p><p>- nor this<br>+ this<br>&gt; or this</p><p>1.5 is fine</p>"),
            "\\# not a heading\n\n1\\. not a list\n\n\\- nor this\\\n\\+ this\\\n\\> or this\n\n1.5 is fine"
        );
    }

    #[test]
    fn markdown_blocks() {
        assert_eq!(
            md("<blockquote><p>a</p><blockquote><p>b</p></blockquote></blockquote><hr><pre class='language-rust'><code>let x = `1`;\n```\n</code></pre>"),
            "> a\n>\n> > b\n\n---\n\n````rust\nlet x = `1`;\n```\n````"
        );
        assert_eq!(
            md("<ul><li>one</li><li>two<ol start=3><li>three</li><li>four</li></ol></li></ul><p>after</p>"),
            "- one\n- two\n  3. three\n  4. four\n\nafter"
        );
        assert_eq!(
            md("<figure><img src='https://e.com/a.png' alt='A [b]'><figcaption>The <b>cap</b></figcaption></figure><iframe src='https://www.youtube.com/embed/x'></iframe>"),
            "![A \\[b\\]](https://e.com/a.png)\n\n*The **cap***\n\n[https://www.youtube.com/embed/x](https://www.youtube.com/embed/x)"
        );
    }

    #[test]
    fn markdown_tables() {
        assert_eq!(
            md("<table><thead><tr><th>A|1</th><th>B</th></tr></thead><tbody><tr><td><code>x|y</code></td><td><p>2</p></td><td>3</td></tr></tbody></table>"),
            "| A\\|1 | B |  |\n| --- | --- | --- |\n| `x\\|y` | 2 | 3 |"
        );
    }
}
