//! Text of the tree: contents, lengths (white space collapsed, counted eight
//! bytes at a time, measured once for a whole tree), links' share of it. Every
//! walk uses an explicit stack.

use std::rc::Rc;

use markup5ever_rcdom::{Handle, NodeData};

use super::{any_text, is, is_element, key, NodeMap};
use crate::rules::tags::INVISIBLE;

/// The length in characters of `node`'s text trimmed as `str::trim` trims it
/// (`text_content(node).trim().chars().count()`), counted only up to `limit`:
/// the answer is at most `limit`, and no text past that point is read.
pub fn trimmed_text_len_upto(node: &Handle, limit: usize) -> usize {
    // `count` runs from the first non-whitespace character; `last` is its value at
    // the latest one, which is the trimmed length so far.
    let (mut count, mut last) = (0usize, 0usize);
    any_text(node, |text| {
        for c in text.chars() {
            if count == 0 && c.is_whitespace() {
                continue;
            }
            count += 1;
            if !c.is_whitespace() {
                last = count;
                if last >= limit {
                    return true;
                }
            }
        }
        false
    });
    last.min(limit)
}

/// The concatenated text of every text node below `node` (the DOM's `textContent`).
pub fn text_content(node: &Handle) -> String {
    let mut out = String::new();
    if let NodeData::Text { contents } = &node.data {
        out.push_str(&contents.borrow());
        return out;
    }
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { .. } => stack.extend(n.children.borrow().iter().rev().cloned()),
            _ => {}
        }
    }
    out
}

/// Like [`text_content`] but without the text of `script`, `style`, `noscript`
/// and `template` elements: what a reader could see.
pub fn visible_text(node: &Handle) -> String {
    text_without(node, INVISIBLE)
}

/// The start of [`visible_text`], enough for its first `chars` non-space
/// characters and the rest of the word they end in (whole text nodes, so maybe
/// more): for samples of nodes that may hold a whole page.
pub fn visible_text_start(node: &Handle, chars: usize) -> String {
    text_without_until(node, INVISIBLE, chars)
}

/// [`text_content`] without the text inside elements named in `skip` (below `node`).
pub fn text_without(node: &Handle, skip: &[&str]) -> String {
    text_without_until(node, skip, usize::MAX)
}

/// [`text_without`], stopped at the end of the text node where a space follows
/// the first `chars` non-space characters.
fn text_without_until(node: &Handle, skip: &[&str], chars: usize) -> String {
    let mut out = String::new();
    let mut seen = 0usize;
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => {
                let text = contents.borrow();
                out.push_str(&text);
                if chars == usize::MAX {
                    continue;
                }
                for c in text.chars() {
                    if !c.is_whitespace() {
                        seen += 1;
                    } else if seen >= chars {
                        return out;
                    }
                }
            }
            NodeData::Element { name, .. }
                if !skip.contains(&&*name.local) || Rc::ptr_eq(&n, node) =>
            {
                stack.extend(n.children.borrow().iter().rev().cloned())
            }
            NodeData::Document => stack.extend(n.children.borrow().iter().rev().cloned()),
            _ => {}
        }
    }
    out
}

/// Whether `c` is HTML's ASCII white space, which rendering collapses (not the
/// no-break space).
pub fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}')
}

/// Whitespace collapsed to single spaces and trimmed.
pub fn normalize_space(s: &str) -> String {
    let mut words = Words(String::with_capacity(s.len()), false);
    words.push(s);
    words.0
}

/// `text_content` with whitespace collapsed and trimmed: `normalize_space` of
/// it, written in one pass without the intermediate text.
pub fn inner_text(node: &Handle) -> String {
    let mut words = Words(String::new(), false);
    any_text(node, |text| {
        words.push(text);
        false
    });
    words.0
}

/// Words written with single spaces between them, from texts in order; the flag
/// is whether white space came since the last word.
struct Words(String, bool);

impl Words {
    fn push(&mut self, text: &str) {
        if text.is_ascii() {
            // ASCII whitespace bytes split the text at character boundaries
            let mut start = 0;
            for (i, &c) in text.as_bytes().iter().enumerate() {
                if ascii_space(c) {
                    self.word(&text[start..i]);
                    self.1 = true;
                    start = i + 1;
                }
            }
            self.word(&text[start..]);
        } else {
            for (i, w) in text.split(char::is_whitespace).enumerate() {
                self.1 |= i > 0;
                self.word(w);
            }
        }
    }

    fn word(&mut self, w: &str) {
        if w.is_empty() {
            return;
        }
        if self.1 && !self.0.is_empty() {
            self.0.push(' ');
        }
        self.1 = false;
        self.0.push_str(w);
    }
}

/// Whitespace summary of a run of text (whitespace as `char::is_whitespace`):
/// enough to join runs in document order ([`Runs::then`]) and count them as
/// `text_len` does.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Runs {
    /// non-whitespace characters
    chars: usize,
    /// whitespace runs
    spaces: usize,
    /// starts / ends with whitespace
    starts: bool,
    ends: bool,
    /// holds any character at all
    any: bool,
}

/// `char::is_whitespace` on ASCII: the five of `is_ascii_whitespace` and VT.
fn ascii_space(b: u8) -> bool {
    b.is_ascii_whitespace() || b == 0x0b
}

/// For eight ASCII bytes read little-endian: the high bit of each byte that is
/// whitespace (9 to 13, or 32), others clear.
fn space_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // No byte has its high bit set, so no subtraction below borrows across bytes.
    let from_tab = (x | HIGH).wrapping_sub(ONES * 9) & HIGH; // byte >= 9
    let to_cr = (ONES * 0x8d).wrapping_sub(x) & HIGH; // byte <= 13
    let t = x ^ (ONES * b' ' as u64);
    let blank = !(((t & !HIGH).wrapping_add(!HIGH & (ONES * 0x7f))) | t | !HIGH); // byte == 32
    (from_tab & to_cr) | blank
}

impl Runs {
    /// The summary of one text. ASCII is read eight bytes at a time.
    pub fn of(s: &str) -> Runs {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let b = s.as_bytes();
        let mut r = Runs { any: !b.is_empty(), ..Runs::default() };
        // whether the character before `i` is whitespace (none yet: no)
        let mut prev_space = false;
        let mut i = 0;
        while i < b.len() {
            if let Some(chunk) = b.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
                if x & HIGH == 0 {
                    let m = space_bits(x);
                    // a run starts where a space follows a non-space
                    let before = (m << 8) | (u64::from(prev_space) << 7);
                    r.spaces += (m & !before).count_ones() as usize;
                    r.chars += 8 - m.count_ones() as usize;
                    if i == 0 {
                        r.starts = m & 0x80 != 0;
                    }
                    prev_space = m >> 63 != 0;
                    i += 8;
                    continue;
                }
            }
            let (space, width) = if b[i] < 0x80 {
                (ascii_space(b[i]), 1)
            } else {
                // `i` is on a character boundary: whole chunks and characters are skipped
                let c = s[i..].chars().next().expect("a character at a boundary");
                (c.is_whitespace(), c.len_utf8())
            };
            if space {
                r.spaces += usize::from(!prev_space);
                r.starts |= i == 0;
            } else {
                r.chars += 1;
            }
            prev_space = space;
            i += width;
        }
        r.ends = prev_space;
        r
    }

    /// This text followed by `next`.
    pub fn then(self, next: Runs) -> Runs {
        if !self.any {
            return next;
        }
        if !next.any {
            return self;
        }
        Runs {
            chars: self.chars + next.chars,
            spaces: self.spaces + next.spaces - usize::from(self.ends && next.starts),
            starts: self.starts,
            ends: next.ends,
            any: true,
        }
    }

    /// `text_len` of the text: characters, each run of whitespace as one, none at
    /// either end.
    pub fn collapsed_len(self) -> usize {
        if self.chars == 0 {
            0
        } else {
            self.chars + self.spaces - usize::from(self.starts) - usize::from(self.ends)
        }
    }

    /// At least [`Runs::collapsed_len`], at most two more: cheap while the count goes on.
    fn bound(self) -> usize {
        self.chars + self.spaces
    }
}

/// Number of characters (not bytes) of the node's text, whitespace collapsed.
pub fn text_len(node: &Handle) -> usize {
    text_len_upto(node, usize::MAX)
}

/// [`text_len`] of `root` and of every node below it, in one pass (linear in the
/// tree's size), keyed by [`key`]. For callers that need the text length of many
/// nested nodes (scoring, pruning): calling `text_len` on each walks each subtree
/// again, which costs O(nodes × depth). The figures are exactly `text_len`'s as long
/// as the tree is not changed; after a change, entries of the changed node's
/// ancestors are stale.
pub fn text_lens(root: &Handle) -> NodeMap<usize> {
    let mut out = NodeMap::default();
    // Post-order with an explicit stack: (node, children done?); a node's summary is
    // the join of its children's, which sit on `done` in document order.
    let mut stack = vec![(root.clone(), false)];
    let mut done: Vec<Runs> = Vec::new();
    let mut marks: Vec<usize> = Vec::new();
    while let Some((node, expanded)) = stack.pop() {
        let runs = match &node.data {
            NodeData::Text { contents } => Runs::of(&contents.borrow()),
            NodeData::Element { .. } | NodeData::Document => {
                if !expanded {
                    marks.push(done.len());
                    stack.push((node.clone(), true));
                    stack.extend(node.children.borrow().iter().rev().map(|c| (c.clone(), false)));
                    continue;
                }
                let start = marks.pop().expect("a mark per expanded node");
                done.drain(start..).fold(Runs::default(), Runs::then)
            }
            _ => Runs::default(),
        };
        // Elements only: a text node's length is quicker to count again than to store.
        if !matches!(node.data, NodeData::Text { .. }) {
            out.insert(key(&node), runs.collapsed_len());
        }
        done.push(runs);
    }
    out
}

/// The text lengths of a tree measured once ([`text_lens`]), read node by node;
/// a node made after the measure is measured when asked.
pub struct TextLens(NodeMap<usize>);

impl TextLens {
    pub fn measure(root: &Handle) -> TextLens {
        TextLens(text_lens(root))
    }

    /// [`text_len`] of `node`.
    pub fn len(&self, node: &Handle) -> usize {
        match self.0.get(&key(node)) {
            Some(len) => *len,
            None => text_len(node),
        }
    }
}

/// Whether the node has any text that is not whitespace: `text_len(node) > 0`,
/// but stops at the first such character instead of measuring the whole subtree.
pub fn has_text(node: &Handle) -> bool {
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents }
                if contents.borrow().chars().any(|c| !c.is_whitespace()) =>
            {
                return true;
            }
            NodeData::Element { .. } | NodeData::Document => {
                stack.extend(n.children.borrow().iter().rev().cloned())
            }
            _ => {}
        }
    }
    false
}

/// [`text_len`], but stops counting past `limit` (returns a value above it):
/// for "is this block short?" questions on nodes that may hold a whole page.
pub fn text_len_upto(node: &Handle, limit: usize) -> usize {
    if let NodeData::Text { contents } = &node.data {
        return Runs::of(&contents.borrow()).collapsed_len();
    }
    // A count whose bound is past the limit is past it however it ends.
    let past = |runs: Runs| (runs.bound() > limit.saturating_add(2)).then(|| runs.bound() - 2);
    let mut count = Runs::default();
    let mut stack = vec![node.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => {
                let text = contents.borrow();
                // A text much longer than the limit is counted on a prefix first:
                // more text never makes the count smaller.
                let prefix = limit.saturating_mul(2).saturating_add(8);
                if text.len() > prefix {
                    let mut cut = prefix;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    if let Some(len) = past(count.then(Runs::of(&text[..cut]))) {
                        return len;
                    }
                }
                count = count.then(Runs::of(&text));
                if let Some(len) = past(count) {
                    return len;
                }
            }
            NodeData::Element { .. } | NodeData::Document => {
                stack.extend(n.children.borrow().iter().rev().cloned())
            }
            _ => {}
        }
    }
    count.collapsed_len()
}

/// Characters of text inside `<a>` elements below (or at) `node`.
pub fn link_text_len(node: &Handle) -> usize {
    link_text_len_by(node, text_len)
}

/// [`link_text_len`] with each link's length given by `len` (e.g. [`TextLens::len`]).
pub fn link_text_len_by(node: &Handle, len: impl Fn(&Handle) -> usize) -> usize {
    if is(node, "a") {
        return len(node);
    }
    let mut sum = 0;
    let mut stack: Vec<Handle> = node.children.borrow().iter().rev().cloned().collect();
    while let Some(n) = stack.pop() {
        if is(&n, "a") {
            sum += len(&n);
        } else if is_element(&n) {
            stack.extend(n.children.borrow().iter().rev().cloned());
        }
    }
    sum
}

/// Share of the node's text that sits inside links, every link counting whole
/// (0 when there is no text). Readability's measure, where in-page links count
/// less, is [`crate::readability::link_density`].
pub fn link_share(node: &Handle) -> f64 {
    link_share_by(node, text_len)
}

/// [`link_share`] with each node's length given by `len` (e.g. [`TextLens::len`]).
pub fn link_share_by(node: &Handle, len: impl Fn(&Handle) -> usize) -> f64 {
    let total = len(node);
    if total == 0 {
        return 0.0;
    }
    link_text_len_by(node, &len) as f64 / total as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::{attr, descendants, find, is_text};
    use crate::parse::parse_html;

    #[test]
    fn text_and_links_are_measured() {
        let doc = parse_html("<p>Hello <a href=x>big</a>   world</p>");
        let p = find(&doc, "p").unwrap();
        assert_eq!(inner_text(&p), "Hello big world");
        assert_eq!(text_len(&p), 15);
        assert_eq!(link_text_len(&p), 3);
    }

    #[test]
    fn has_text_agrees_with_text_len() {
        let doc = parse_html(
            "<div id=a> \n <span> </span><!-- c --><p>\u{a0}</p></div>\
             <div id=b><i> </i><b>x</b></div><div id=c></div><p id=d>  y  </p>",
        );
        for node in descendants(&doc) {
            assert_eq!(has_text(&node), text_len(&node) > 0, "{:?}", attr(&node, "id"));
        }
        assert!(has_text(&doc));
    }

    #[test]
    fn text_lens_equal_text_len_everywhere() {
        let doc = parse_html(
            "<div> a <span> b</span><span>c </span> <p>\u{a0}</p>\n<i> </i></div>\
             <p>x<!-- c -->y <b> z </b></p><div></div><pre>  1\n\n 2 </pre>\
             <p>\t\x0bq\x0c<i>\r</i>r</p>",
        );
        let lens = text_lens(&doc);
        let measured = TextLens::measure(&doc);
        let all = descendants(&doc);
        let texts = all.iter().filter(|n| is_text(n)).count();
        assert!(texts > 5);
        // every node but the text nodes is stored; all read the same as text_len
        assert_eq!(lens.len(), all.len() + 1 - texts);
        for node in all.iter().chain([&doc]) {
            assert_eq!(measured.len(node), text_len(node));
        }
    }

    /// `text_len` as its doc says, one character at a time.
    fn collapsed_len_by_chars(s: &str) -> usize {
        let words: Vec<&str> = s.split(char::is_whitespace).filter(|w| !w.is_empty()).collect();
        words.iter().map(|w| w.chars().count()).sum::<usize>() + words.len().saturating_sub(1)
    }

    #[test]
    fn runs_count_eight_bytes_at_a_time_as_char_by_char() {
        // Every ASCII whitespace byte and its neighbours, non-ASCII whitespace and
        // letters, at every offset against the eight-byte chunks.
        let alphabet = [
            "a", " ", "\t", "\n", "\x0b", "\x0c", "\r", "\x08", "\x0e", "\x1f", "!", "\x7f", "é",
            "\u{a0}", "\u{3000}", "\u{2028}", "字", "\u{85}", "😀",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 40) as usize;
            let mut s = String::new();
            let mut k = seed;
            for _ in 0..len {
                // mostly ASCII, so most chunks take the eight-byte path
                let pick = (k % 64) as usize;
                s.push_str(alphabet[if pick < 40 { pick % 12 } else { pick % alphabet.len() }]);
                k = k.rotate_left(7) ^ 0x9e37_79b9_7f4a_7c15;
            }
            let runs = Runs::of(&s);
            assert_eq!(runs.collapsed_len(), collapsed_len_by_chars(&s), "{s:?}");
            // any split joins back to the whole
            let cut = (0..=s.len()).filter(|i| s.is_char_boundary(*i)).nth(len / 2).unwrap();
            let joined = Runs::of(&s[..cut]).then(Runs::of(&s[cut..]));
            assert_eq!(joined.collapsed_len(), runs.collapsed_len(), "{s:?} cut at {cut}");
        }
    }

    #[test]
    fn trimmed_text_len_upto_is_the_trimmed_length_up_to_its_limit() {
        let html = "<div id=a>  \u{a0}<b> By </b>\n<i>Jane  Roe</i> \u{2003}</div>\
             <div id=b>\n\t </div><div id=c>élan <span>x</span></div><p id=d>é</p>";
        let doc = parse_html(html);
        for node in descendants(&doc).iter().chain([&doc]) {
            let full = text_content(node).trim().chars().count();
            for limit in [0, 1, 2, 3, 7, 8, 13, 14, 15, 100] {
                assert_eq!(
                    trimmed_text_len_upto(node, limit),
                    full.min(limit),
                    "{:?} at {limit}",
                    attr(node, "id")
                );
            }
        }
    }

    #[test]
    fn text_len_upto_agrees_with_text_len_about_its_limit() {
        // Long texts (counted on a prefix first): whitespace that collapses,
        // multi-byte characters across the prefix's end, text split over nodes.
        let pad = " ".repeat(900);
        let html = format!(
            "<div id=a><p>{pad}x</p></div><div id=b>{e}</div><div id=c>{w}</div>\
             <div id=d><b>{half}</b>{half}</div><div id=e>{ws}y{ws}</div><p id=f>short text</p>",
            e = "é".repeat(700),
            w = "word ".repeat(300),
            half = "ab ".repeat(40),
            ws = "\n\t ".repeat(400),
        );
        let doc = parse_html(&html);
        for node in descendants(&doc).iter().chain([&doc]) {
            let full = text_len(node);
            for limit in [0, 1, 2, 10, 60, 61, 120, 160, 300, 1000, 5000] {
                let upto = text_len_upto(node, limit);
                if full <= limit {
                    assert_eq!(upto, full, "{:?} at {limit}", attr(node, "id"));
                } else {
                    assert!(
                        upto > limit && upto <= full,
                        "{:?} at {limit}: {upto} of {full}",
                        attr(node, "id")
                    );
                }
            }
        }
    }

    #[test]
    fn inner_text_is_the_text_content_normalized() {
        let doc = parse_html(
            "<div> a<b>b</b> c\t\x0b<i> </i>\n<p>\u{a0}d\u{a0} e</p>x<!-- c -->y\
             <span>é\u{3000}字 </span><span> z</span></div><p></p><p>  </p><p>q</p>",
        );
        let all = descendants(&doc);
        assert!(all.len() > 12);
        for node in all.iter().chain([&doc]) {
            let text = text_content(node);
            let words: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(inner_text(node), words.join(" "));
            assert_eq!(normalize_space(&text), words.join(" "));
        }
        assert_eq!(inner_text(&doc), "ab c d exyé 字 z q");
    }
}
