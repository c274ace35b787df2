//! Stage 6b, text and Markdown: takes the sanitized article tree and gives its
//! plain text (blocks separated by blank lines) and its Markdown.
//!
//! Both writers walk the tree with an explicit stack of enter/exit events, so a
//! tree 100,000 levels deep costs heap, never call stack.

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;

enum Event {
    Enter(Handle),
    Exit(Handle),
}

/// Pushes the children of `node` (enter and exit events) in document order.
fn push_children(stack: &mut Vec<Event>, node: &Handle) {
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
struct SpacedRun<'a> {
    /// white space before the first word
    before: bool,
    /// the words, single-spaced (empty for a text of spaces)
    words: &'a str,
    /// white space after the last word
    after: bool,
}

impl<'a> SpacedRun<'a> {
    fn of(s: &'a str, special: impl Fn(u8) -> bool) -> Option<SpacedRun<'a>> {
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

// ---------------------------------------------------------------------------
// Markdown

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

use crate::rules::limits::{MAX_NEST, MAX_SUB_RENDERS};
use crate::rules::tags::{HEADINGS, NOT_IN_PIPE_TABLE, NOT_TEXT, RUBY_ANNOTATIONS, TEXT_BLOCKS};
use crate::rules::thresholds::EXCERPT_MIN_CHARS;

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
            let href = dom::attr(node, "href").filter(|h| !h.trim().is_empty());
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
    use crate::parse::parse_html;

    fn body(html: &str) -> Handle {
        let doc = parse_html(html);
        let body = dom::find(&doc, "body").expect("a body");
        let root = dom::new_element("div", &[]);
        dom::move_children(&body, &root);
        root
    }

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

    fn text(html: &str) -> String {
        to_text(&body(html))
    }

    fn md(html: &str) -> String {
        to_markdown(&body(html))
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
    fn markdown_inline_syntax() {
        assert_eq!(
            md("<h2>Big <em>news</em></h2><p>Some <strong>bold </strong>and<em> em</em> and <code>a`b</code> and <a href='https://e.com/x(1)'>a [link]</a>.</p>"),
            "## Big *news*\n\nSome **bold** and *em* and ``a`b`` and [a \\[link\\]](https://e.com/x\\(1\\)).",
        );
        assert_eq!(md("<p><b></b>x<i> </i>y</p>"), "x y");
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
}
