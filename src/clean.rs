//! Stage 5, clean: takes the picked article container and tidies it: lazy
//! images get their real source, non-video embeds, forms and asides go,
//! link-heavy or empty blocks are dropped (Readability's "clean conditionally"),
//! `h1` becomes `h2` (the title is shown apart), layout tables are unwrapped.
//! URLs are made absolute by the sanitizer, which checks every one anyway.

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::readability::{class_weight, has_direct_text, link_density, link_weight};
use crate::report::{RemovalKind, Report};
use crate::rules::limits::MAX_JUDGED_ELEMENTS;
use crate::rules::readability::{
    CLASS_WEIGHT, DATA_TABLE_CELLS, DATA_TABLE_COLUMNS, DATA_TABLE_ROWS, FIGURE_IMAGES,
    HEADING_SHARE, LINK_DENSITY_HIGH_WEIGHT, LINK_DENSITY_LOW_WEIGHT, LIST_SHARE, MAX_COLSPAN,
    PARAGRAPHS_PER_IMAGE, PARAGRAPHS_PER_INPUT, PROSE_COMMAS, SHORT_BLOCK_LEN, SINGLE_EMBED_LEN,
    SPARE_LIST_ITEMS,
};
use crate::rules::thresholds as t;
use crate::rules::{self, furniture, images, phrases, tags};
use crate::score::Picked;

/// Tidies the picked article in place. Returns whether the conditional steps
/// (on when `picked.clean_conditionally`) removed anything: when they did not, an
/// attempt without them gives the same article.
pub fn clean(picked: &Picked, report: &mut Report) -> bool {
    let root = &picked.content;
    fix_lazy_images(root);
    let data_tables = mark_data_tables(root);
    let mut conditional_removals = false;
    if picked.clean_conditionally {
        for tag in tags::CONDITIONALLY_CLEANED_FIRST {
            conditional_removals |= clean_conditionally(root, tag, picked, &data_tables, report);
        }
    }
    // One walk; a video player inside a dropped block goes with it.
    let unwanted = dom::find_all_named(root, tags::REMOVED_FROM_ARTICLE);
    for node in unwanted {
        let attribution = dom::is(&node, "footer") && crate::prune::is_attribution(&node);
        if !is_video_embed(&node) && !attribution {
            dom::detach(&node);
        }
    }
    remove_share_blocks(root, report);
    strip_credits(root, report);
    if picked.weight_classes {
        for h in dom::find_all_named(root, tags::TITLE_HEADINGS) {
            if class_weight(&h) < 0.0 {
                dom::detach(&h);
            }
        }
    }
    if picked.clean_conditionally {
        for tag in tags::CONDITIONALLY_CLEANED {
            conditional_removals |= clean_conditionally(root, tag, picked, &data_tables, report);
        }
    }
    for h1 in dom::find_all(root, "h1") {
        dom::rename(&h1, "h2");
    }
    let mut empty_paragraphs = Vec::new();
    for p in dom::find_all(root, "p") {
        let media =
            dom::any_descendant(&p, |n| dom::tag(n).is_some_and(|t| tags::MEDIA.contains(&t)));
        if !media && dom::text_len(&p) == 0 {
            empty_paragraphs.push(p);
        }
    }
    dom::detach_all(&empty_paragraphs);
    dom::detach_all(&brs_before_paragraphs(root));
    unwrap_single_cell_tables(root);
    simplify_nesting(root);
    if picked.clean_conditionally {
        conditional_removals |= trim_tail(root, report);
    }
    conditional_removals
}

/// Drops the short or link-heavy blocks that trail after the article's last
/// paragraph of prose: "more information" link lists, contact lines, prompts.
fn trim_tail(root: &Handle, report: &mut Report) -> bool {
    let mut changed = false;
    let blocks: Vec<Handle> = dom::descendant_elements(root)
        .into_iter()
        .filter(|n| {
            dom::tag(n).is_some_and(|tag| tags::TRIM_BLOCKS.contains(&tag))
                && !dom::any_descendant(n, |c| {
                    dom::tag(c).is_some_and(|tag| tags::TRIM_INNER_BLOCKS.contains(&tag))
                })
        })
        .collect();
    // Before the first paragraph: short scraps that are no sentence ("3:59 PM",
    // "Print recipe", a category name) are page furniture too.
    let mut head_removed = 0;
    for block in blocks.iter().take(t::HEAD_SCRAPS) {
        let len = dom::text_len(block);
        let text = dom::inner_text(block);
        let heading = dom::tag(block).is_some_and(|tag| tags::SUBHEADINGS.contains(&tag));
        let media = dom::any_descendant(block, |n| {
            dom::tag(n).is_some_and(|tag| tags::MEDIA.contains(&tag) || tag == "table")
        });
        if heading || media || len >= t::HEAD_SCRAP_MAX_LEN || ends_sentence(&text) {
            break;
        }
        if len > 0 {
            report.add(RemovalKind::Boilerplate, "short scrap before the article", block);
        }
        dom::detach(block);
        changed = true;
        head_removed += 1;
    }
    let blocks = &blocks[head_removed..];
    // Anywhere in the article: a short linked call to action ("Subscribe to
    // our newsletter", "Download the app").
    let mut kept = Vec::with_capacity(blocks.len());
    for block in blocks {
        // (the length of `inner_text`, without building it for every paragraph)
        if dom::text_len_upto(block, t::CALL_TO_ACTION_MAX_LEN) < t::CALL_TO_ACTION_MAX_LEN
            && dom::link_text_len(block) > 0
            && phrases::is_call_to_action(&dom::inner_text(block))
        {
            report.add(RemovalKind::Newsletter, "call to action", block);
            dom::detach(block);
            changed = true;
        } else {
            kept.push(block.clone());
        }
    }
    let blocks = &kept[..];
    let total = blocks.len();
    // The run of blocks that trail the last paragraph of prose, from the end,
    // each with whether only its shortness condemns it.
    let mut tail: Vec<(&Handle, bool)> = Vec::new();
    for block in blocks.iter().rev() {
        let len = dom::text_len(block);
        let media = dom::any_descendant(block, |n| {
            dom::tag(n)
                .is_some_and(|tag| tags::MEDIA.contains(&tag) || tag == "table" || tag == "figure")
        });
        if media
            || dom::has_ancestor(block, "figure", 0)
            || dom::has_ancestor(block, "blockquote", 0)
        {
            break;
        }
        let linky = link_density(block) > t::TAIL_LINK_DENSITY;
        let heading = dom::tag(block).is_some_and(|tag| tags::SUBHEADINGS.contains(&tag));
        let text = dom::inner_text(block);
        let sentence = ends_sentence(&text);
        // A short question closing the page asks the reader to rate or share.
        let prompt = len < t::TAIL_PROMPT_MAX_LEN && text.ends_with(['?', '？', '؟']);
        let cta = phrases::is_call_to_action(&text);
        let short = len < t::TAIL_SHORT_LEN && !sentence;
        if !(linky || heading || prompt || cta || short) {
            break;
        }
        if tail.len() + t::MIN_BLOCKS_KEPT >= total {
            break;
        }
        tail.push((block, !(linky || heading || prompt || cta)));
    }
    // Page furniture trails in a few short lines; a long run of short blocks
    // is the article's own grid of data (a price table or a list of names
    // laid out in `div`s): only what follows its last short block goes.
    if tail.iter().filter(|(_, short)| *short).count() > t::MAX_SHORT_TAIL {
        let last_short = tail.iter().position(|(_, short)| *short).unwrap_or(0);
        tail.truncate(last_short);
    }
    for (block, _) in tail {
        if dom::text_len(block) > 0 {
            report.add(RemovalKind::Boilerplate, "short block after the article", block);
        }
        dom::detach(block);
        changed = true;
    }
    changed
}

/// Whether a block's text ends as a sentence does: with its final punctuation
/// (in any script), maybe inside closing quotes or brackets (`… he said.”`,
/// `(… the year before.)`), or with a closing quote.
fn ends_sentence(text: &str) -> bool {
    if text.ends_with(['»', '"', '”']) {
        return true;
    }
    text.trim_end_matches([')', ']', '’', '\'', '」', '』', '›', '“'])
        .ends_with(['.', '!', '?', '…', '。', '！', '？', '؟', '।', '۔'])
}

/// The standfirst: many pages print the article's lead paragraph (the same
/// text as their meta description) beside the headline, outside the body's
/// container. When the picked content lacks it and the page shows it as a
/// block of its own, a copy goes first in the article.
pub fn recover_lead(doc: &Handle, content: &Handle, excerpt: Option<&str>) {
    let Some(excerpt) = excerpt else { return };
    let key: String = dom::normalize_space(excerpt.trim_end_matches(['.', '…']))
        .chars()
        .take(t::LEAD_KEY_CHARS)
        .collect();
    let key_len = key.chars().count();
    if key_len < t::LEAD_KEY_MIN_CHARS || dom::inner_text(content).contains(&key) {
        return;
    }
    let Some(body) = dom::find(doc, "body") else {
        return;
    };
    // A block's text is a part of the page's: most pages do not show the
    // description at all, and one look at the page's text says so.
    if !dom::inner_text(&body).contains(&key) {
        return;
    }
    // The smallest block that holds the description's opening words (the first
    // in the page among equals): blocks tried from the shortest up.
    let lens = dom::TextLens::measure(&body);
    let mut blocks: Vec<(usize, Handle)> = dom::descendant_elements(&body)
        .into_iter()
        .filter(|n| dom::tag(n).is_some_and(|tag| tags::LEAD_BLOCKS.contains(&tag)))
        .map(|n| (lens.len(&n), n))
        .filter(|(len, _)| (key_len..t::LEAD_BLOCK_MAX_LEN).contains(len))
        .collect();
    blocks.sort_by_key(|(len, _)| *len);
    let found = blocks.into_iter().map(|(_, n)| n).find(|n| dom::inner_text(n).contains(&key));
    if let Some(lead) = found {
        let copy = dom::rename(&dom::deep_clone(&lead), "p");
        let first = content.children.borrow().first().cloned();
        match first {
            Some(first) => dom::insert_before(&first, &copy),
            None => dom::append(content, &copy),
        }
    }
}

/// Gives lazy-loaded images their real `src`/`srcset` (from `data-src`,
/// `data-lazy-src`, `data-original`, `data-srcset`…), dropping tiny placeholders.
fn fix_lazy_images(root: &Handle) {
    for node in dom::descendant_elements(root) {
        let tag = dom::tag(&node).unwrap_or("");
        if !tags::LAZY_IMAGE_HOLDERS.contains(&tag) {
            continue;
        }
        if let Some(src) = dom::attr(&node, "src") {
            let placeholder = src.starts_with("data:")
                && (src.len() < t::PLACEHOLDER_MAX_BYTES || src.contains("svg"));
            let has_other =
                dom::attrs(&node).iter().any(|(k, v)| k != "src" && looks_like_image_url(v));
            if placeholder && has_other {
                dom::remove_attr(&node, "src");
            }
        }
        let has_src = dom::attr_is(&node, "src", |s| !s.trim().is_empty());
        let has_srcset = dom::attr_is(&node, "srcset", |s| !s.trim().is_empty() && s != "null");
        if (has_src || tag == "source") && (has_srcset || tag == "img") && !lazy_attr_present(&node)
        {
            continue;
        }
        for (name, value) in dom::attrs(&node) {
            if images::NOT_LAZY_SOURCES.contains(&name.as_str()) {
                continue;
            }
            let value = value.trim();
            if name.contains("srcset") || is_srcset(value) {
                if !has_srcset {
                    dom::set_attr(&node, "srcset", value);
                }
            } else if looks_like_image_url(value) && !value.contains(' ') {
                if tag == "img" || tag == "source" {
                    if !has_src {
                        dom::set_attr(&node, "src", value);
                    }
                } else if dom::find(&node, "img").is_none() && dom::find(&node, "picture").is_none()
                {
                    let img = dom::new_element("img", &[("src", value)]);
                    dom::append(&node, &img);
                }
            }
        }
    }
}

fn lazy_attr_present(node: &Handle) -> bool {
    dom::attrs(node).iter().any(|(k, _)| images::LAZY_SOURCE_ATTRIBUTES.contains(&k.as_str()))
        && dom::attr(node, "src").is_none_or(|s| s.starts_with("data:") || s.trim().is_empty())
}

fn looks_like_image_url(v: &str) -> bool {
    let v = v.trim().to_ascii_lowercase();
    let path = v.split(['?', '#']).next().unwrap_or("");
    images::IMAGE_EXTENSIONS.iter().any(|e| path.ends_with(e) || path.contains(&format!("{e} ")))
        || (v.starts_with("http") && images::IMAGE_EXTENSIONS.iter().any(|e| v.contains(e)))
}

fn is_srcset(v: &str) -> bool {
    v.split(',').any(|part| {
        let mut it = part.split_whitespace();
        matches!((it.next(), it.next()), (Some(url), Some(d)) if looks_like_image_url(url) && (d.ends_with('w') || d.ends_with('x')))
    })
}

/// Whether an iframe/embed/object plays video from a well-known host.
pub fn is_video_embed(node: &Handle) -> bool {
    if !dom::tag(node).is_some_and(|t| tags::EMBEDS.contains(&t)) {
        return false;
    }
    dom::attrs(node).iter().any(|(_, v)| is_video_url(v))
}

/// Whether `url` points at a well-known player ([`rules::hosts::PLAYERS`]).
pub fn is_video_url(url: &str) -> bool {
    let Some(rest) = url.trim().split("//").nth(1) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
    rules::hosts::PLAYERS.iter().any(|(h, _)| host == *h || host.ends_with(&format!(".{h}")))
}

/// Readability's data-table test: tables that hold data, not layout.
fn mark_data_tables(root: &Handle) -> Vec<usize> {
    let mut out = Vec::new();
    for table in dom::find_all(root, "table") {
        if is_data_table(&table) {
            out.push(dom::key(&table));
        }
    }
    out
}

fn is_data_table(table: &Handle) -> bool {
    if dom::attr_is(table, "role", |r| r == "presentation")
        || dom::attr_is(table, "datatable", |d| d == "0")
    {
        return false;
    }
    if dom::has_attr(table, "summary") {
        return true;
    }
    if dom::find(table, "caption").is_some_and(|c| !c.children.borrow().is_empty()) {
        return true;
    }
    if tags::DATA_TABLE_PARTS.iter().any(|part| dom::find(table, part).is_some()) {
        return true;
    }
    if dom::find(table, "table").is_some() {
        return false;
    }
    let rows = dom::find_all(table, "tr");
    let cols = rows
        .iter()
        .map(|r| {
            dom::element_children(r)
                .iter()
                .filter(|c| dom::is(c, "td") || dom::is(c, "th"))
                .map(|c| {
                    dom::attr(c, "colspan")
                        .and_then(|v| v.trim().parse::<usize>().ok())
                        .unwrap_or(1)
                        .min(MAX_COLSPAN)
                })
                .sum::<usize>()
        })
        .max()
        .unwrap_or(0);
    rows.len() >= DATA_TABLE_ROWS
        || cols > DATA_TABLE_COLUMNS
        || rows.len() * cols > DATA_TABLE_CELLS
}

/// Readability's `_cleanConditionally`: drops blocks of `tag` that look like
/// furniture (too many images, links or inputs for their text).
fn clean_conditionally(
    root: &Handle,
    tag: &str,
    picked: &Picked,
    data_tables: &[usize],
    report: &mut Report,
) -> bool {
    let nodes = dom::find_all(root, tag);
    let mut removed = false;
    for node in nodes.into_iter().rev() {
        if dom::parent(&node).is_none() {
            continue;
        }
        if should_remove(&node, tag, picked, data_tables) {
            removed = true;
            if tag == "form" || tag == "fieldset" {
                report.add(RemovalKind::Boilerplate, format!("<{tag}> in the article"), &node);
            }
            dom::detach(&node);
        }
    }
    removed
}

fn should_remove(node: &Handle, tag: &str, picked: &Picked, data_tables: &[usize]) -> bool {
    let is_data = |n: &Handle| data_tables.contains(&dom::key(n));
    if tag == "table" && is_data(node) {
        return false;
    }
    // A block of thousands of elements is the body of the article, not furniture;
    // judging it would also cost a walk of all of it for each nested block.
    if dom::has_elements(node, MAX_JUDGED_ELEMENTS) {
        return false;
    }
    let ancestors = dom::ancestors(node);
    if ancestors
        .iter()
        .any(|a| (dom::is(a, "table") && is_data(a)) || dom::is(a, "code") || dom::is(a, "pre"))
    {
        return false;
    }
    let stats = BlockStats::of(node, data_tables);
    if stats.data_table {
        return false;
    }
    let content_len = stats.text_len;
    let mut is_list = tag == "ul" || tag == "ol";
    if !is_list && content_len > 0 {
        is_list = stats.list_len as f64 / content_len as f64 > LIST_SHARE;
    }
    let weight = if picked.weight_classes { class_weight(node) } else { 0.0 };
    if weight < 0.0 {
        return true;
    }
    if stats.commas >= PROSE_COMMAS {
        return false;
    }
    let p = stats.p as f64;
    let img = stats.img as f64;
    let li = stats.li as f64 - SPARE_LIST_ITEMS;
    let input = stats.input as f64;
    let density = |len: usize| {
        if content_len == 0 {
            0.0
        } else {
            len as f64 / content_len as f64
        }
    };
    let heading_density = density(stats.heading_len);
    // A video stays; so does, on documentation, a block that is all heading
    // (an admonition's title box).
    if stats.video || (picked.keep_heading_blocks && heading_density >= HEADING_SHARE) {
        return false;
    }
    let embeds = stats.embeds;
    // Ad labels are short: only a short block's text is worth building.
    if content_len <= t::AD_LABEL_JUDGED_LEN && phrases::is_ad_label(&dom::inner_text(node)) {
        return true;
    }
    let ld = if content_len == 0 { 0.0 } else { stats.links / content_len as f64 };
    let density = density(stats.textish_len);
    let figure_child = ancestors.iter().any(|a| dom::is(a, "figure"));
    // Readability's tests, one per line: a gallery, a link list, a form, a short
    // linked block, a link-heavy block, an embed's frame, a block of no text.
    let remove = (!figure_child && img > 1.0 && p / img < PARAGRAPHS_PER_IMAGE)
        || (!is_list && li > p)
        || (input > (p / PARAGRAPHS_PER_INPUT).floor())
        || (!is_list
            && !figure_child
            && heading_density < HEADING_SHARE
            && content_len < SHORT_BLOCK_LEN
            && (img == 0.0 || img > FIGURE_IMAGES)
            && ld > 0.0)
        || (!is_list && weight < CLASS_WEIGHT && ld > LINK_DENSITY_LOW_WEIGHT)
        || (weight >= CLASS_WEIGHT && ld > LINK_DENSITY_HIGH_WEIGHT)
        || ((embeds == 1 && content_len < SINGLE_EMBED_LEN) || embeds > 1)
        || (img == 0.0 && density == 0.0);
    if is_list && remove {
        let kids = dom::element_children(node);
        if kids.iter().any(|c| dom::element_children(c).len() > 1) {
            return true;
        }
        return img != stats.li as f64;
    }
    remove
}

/// What [`should_remove`] weighs in a block, gathered in one walk of it (Readability
/// walks the block once per figure). Text lengths of nested lists, headings and
/// text blocks count once per such ancestor, as Readability counts them.
#[derive(Default)]
struct BlockStats {
    /// the block's text length, as `dom::text_len` counts it
    text_len: usize,
    commas: usize,
    /// text inside `ul`/`ol`
    list_len: usize,
    /// text inside `h1`–`h6`
    heading_len: usize,
    /// text inside text-bearing blocks (`p`, `div`, `td`, `li`…)
    textish_len: usize,
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embeds: usize,
    /// holds a video player
    video: bool,
    /// holds a data table
    data_table: bool,
    /// link text, in-page `#` links weighing 0.3 (as in `readability::link_density`)
    links: f64,
}

impl BlockStats {
    fn of(node: &Handle, data_tables: &[usize]) -> BlockStats {
        let mut s = BlockStats::default();
        let mut total = dom::Runs::default();
        // In document order, as the whole text's length depends on it.
        let mut stack: Vec<(Handle, [usize; 3])> =
            dom::children(node).into_iter().rev().map(|c| (c, [0; 3])).collect();
        while let Some((n, [list, heading, textish])) = stack.pop() {
            match &n.data {
                NodeData::Text { contents } => {
                    let text = contents.borrow();
                    let runs = dom::Runs::of(&text);
                    let len = runs.collapsed_len();
                    total = total.then(runs);
                    s.list_len += list * len;
                    s.heading_len += heading * len;
                    s.textish_len += textish * len;
                    s.commas += text.matches(',').count();
                }
                NodeData::Element { .. } => {
                    let tag = dom::tag(&n).unwrap_or("");
                    match tag {
                        "p" => s.p += 1,
                        "img" => s.img += 1,
                        "li" => s.li += 1,
                        "input" => s.input += 1,
                        t if tags::EMBEDS.contains(&t) => {
                            s.embeds += 1;
                            s.video |= is_video_embed(&n);
                        }
                        "table" => s.data_table |= data_tables.contains(&dom::key(&n)),
                        "a" => s.links += dom::text_len(&n) as f64 * link_weight(&n),
                        _ => {}
                    }
                    let counts = [
                        list + usize::from(matches!(tag, "ul" | "ol")),
                        heading + usize::from(tags::HEADINGS.contains(&tag)),
                        textish + usize::from(tags::TEXTISH.contains(&tag)),
                    ];
                    stack.extend(n.children.borrow().iter().rev().map(|c| (c.clone(), counts)));
                }
                _ => {}
            }
        }
        s.text_len = total.collapsed_len();
        s
    }
}

/// Photo credits that end a caption or a short line after its last sentence
/// ("… im Abendrot. Bild: TebNad/Shutterstock.com", "… aus der Schweiz. © AFP"):
/// the caption stays, the credit goes. In figures, a credit word and a colon or a
/// © start a credit; elsewhere only a ©.
fn strip_credits(root: &Handle, report: &mut Report) {
    let blocks = dom::find_all_named(root, tags::CREDIT_HOLDERS);
    for block in blocks {
        if dom::parent(&block).is_none()
            // the bounded count first: the scan for `:` or `©` reads a whole subtree
            || dom::text_len_upto(&block, t::CREDIT_BLOCK_MAX_LEN) > t::CREDIT_BLOCK_MAX_LEN
            || !may_hold_credit(&block)
            || dom::any_descendant(&block, |n| {
                dom::tag(n).is_some_and(|tag| tags::CREDIT_STOPS.contains(&tag))
            })
        {
            continue;
        }
        let in_figure = dom::is(&block, "figcaption")
            || dom::ancestors(&block)
                .iter()
                .any(|a| dom::is(a, "figure") || dom::is(a, "figcaption"));
        let texts: Vec<Handle> =
            dom::descendants(&block).into_iter().filter(dom::is_text).collect();
        let strings: Vec<String> = texts.iter().map(dom::text_content).collect();
        let Some((i, at)) = credit_start(&strings, in_figure) else {
            continue;
        };
        let tail: String = std::iter::once(&strings[i][at..])
            .chain(strings[i + 1..].iter().map(String::as_str))
            .collect();
        // Cut the text there, then everything after it up to the block.
        if let NodeData::Text { contents } = &texts[i].data {
            let kept = contents.borrow()[..at]
                .trim_end_matches(|c: char| c.is_whitespace() || "-–—|/(,".contains(c))
                .to_string();
            *contents.borrow_mut() = kept.as_str().into();
        }
        let mut cur = texts[i].clone();
        while !std::rc::Rc::ptr_eq(&cur, &block) {
            let Some(parent) = dom::parent(&cur) else {
                break;
            };
            let kids = dom::children(&parent);
            if let Some(pos) = kids.iter().position(|k| std::rc::Rc::ptr_eq(k, &cur)) {
                dom::detach_all(&kids[pos + 1..]);
            }
            cur = parent;
        }
        report.add(
            RemovalKind::Boilerplate,
            "photo credit at the end of a caption",
            &dom::new_text(tail.trim()),
        );
    }
}

/// Whether a block's text has a `©` or a colon, without which [`credit_start`]
/// finds nothing: most blocks have neither, and this is quicker to see. A block
/// with more than a few kilobytes of text is answered "maybe" (the length test
/// after it rejects it).
fn may_hold_credit(block: &Handle) -> bool {
    let mut seen = 0;
    dom::any_text(block, |text| {
        seen += text.len();
        // 0xA9 ends the UTF-8 of `©` (and of other characters: a "maybe" too)
        memchr::memchr2(b':', 0xA9, text.as_bytes()).is_some() || seen > t::CREDIT_SCAN_BYTES
    })
}

/// Where a trailing credit starts in the texts of a block's text nodes: (text index,
/// byte offset).
/// The text before it must end a sentence (or a caption part) and the credit be short.
fn credit_start(strings: &[String], in_figure: bool) -> Option<(usize, usize)> {
    let total: usize = strings.iter().map(|s| s.chars().count()).sum();
    let mut before = String::new();
    let mut seen = 0;
    for (i, s) in strings.iter().enumerate() {
        for (at, c) in s.char_indices() {
            let starts = if c == '©' {
                true
            } else if in_figure && c.is_alphabetic() {
                let boundary = s[..at]
                    .chars()
                    .next_back()
                    .or_else(|| before.chars().next_back())
                    .is_none_or(|p| !p.is_alphanumeric());
                boundary && phrases::starts_with_photo_credit(&s[at..])
            } else {
                false
            };
            if !starts {
                continue;
            }
            let prefix = format!("{before}{}", &s[..at]);
            let prefix = prefix.trim_end();
            let tail = total - seen - s[..at].chars().count();
            let ends_sentence =
                prefix.ends_with(['.', '!', '?', ')', '»', '"', '”', '|', '–', '-']);
            if !prefix.is_empty() && ends_sentence && tail <= t::CREDIT_MAX_LEN {
                return Some((i, at));
            }
        }
        seen += s.chars().count();
        before.push_str(s);
    }
    None
}

/// Small blocks named "share"/"sharedaddy" left inside the article.
fn remove_share_blocks(root: &Handle, report: &mut Report) {
    for node in dom::descendant_elements(root) {
        if dom::parent(&node).is_none() {
            continue;
        }
        let words = dom::ClassWords::of(&node);
        if words.iter().any(|w| furniture::SHARE_BLOCK.contains(&w))
            && dom::text_content(&node).chars().count() < t::SHARE_BLOCK_MAX_LEN
        {
            report.add(RemovalKind::Social, "share block in the article", &node);
            dom::detach(&node);
        }
    }
}

/// `<br>`s whose next non-blank sibling is a paragraph, found with one pass
/// over each child list.
fn brs_before_paragraphs(root: &Handle) -> Vec<Handle> {
    let mut out = Vec::new();
    let mut stack = vec![root.clone()];
    while let Some(node) = stack.pop() {
        let kids = dom::children(&node);
        let mut pending: Option<Handle> = None;
        for k in &kids {
            if dom::is_blank(k) {
                continue;
            }
            if let Some(br) = pending.take() {
                if dom::is(k, "p") {
                    out.push(br);
                }
            }
            if dom::is(k, "br") {
                pending = Some(k.clone());
            }
            if dom::is_element(k) {
                stack.push(k.clone());
            }
        }
    }
    out
}

/// A table of one cell is layout: it becomes its cell's content.
fn unwrap_single_cell_tables(root: &Handle) {
    for table in dom::find_all(root, "table").into_iter().rev() {
        let only = |n: &Handle, t: &str| {
            let kids = dom::element_children(n);
            (kids.len() == 1 && dom::is(&kids[0], t) && !has_direct_text(n))
                .then(|| kids[0].clone())
        };
        let tbody = only(&table, "tbody").unwrap_or_else(|| table.clone());
        let Some(row) = only(&tbody, "tr") else {
            continue;
        };
        let Some(cell) = only(&row, "td") else {
            continue;
        };
        let inline = dom::children(&cell)
            .iter()
            .all(|c| dom::tag(c).is_none_or(|tag| tags::INLINE_IN_CELL.contains(&tag)));
        let new = dom::new_element(if inline { "p" } else { "div" }, &[]);
        dom::move_children(&cell, &new);
        dom::replace(&table, &new);
    }
}

/// `div`/`section` wrappers holding a single `div`/`section` collapse into it;
/// empty ones go (Readability's `_simplifyNestedElements`).
fn simplify_nesting(root: &Handle) {
    let mut empty: std::collections::HashSet<usize> = std::collections::HashSet::new();
    let mut doomed = Vec::new();
    for node in dom::descendant_elements(root).into_iter().rev() {
        let wrapper = |n: &Handle| dom::tag(n).is_some_and(|tag| tags::WRAPPERS.contains(&tag));
        if !wrapper(&node) || dom::parent(&node).is_none() {
            continue;
        }
        let kids: Vec<Handle> = dom::element_children(&node)
            .into_iter()
            .filter(|k| !empty.contains(&dom::key(k)))
            .collect();
        let has_text = has_direct_text(&node);
        if kids.is_empty() && !has_text {
            empty.insert(dom::key(&node));
            doomed.push(node);
        } else if kids.len() == 1 && !has_text && wrapper(&kids[0]) {
            dom::unwrap(&node);
        }
    }
    dom::detach_all(&doomed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    /// The cleaned root, detached from its document (rcdom's drop empties every
    /// node still inside a dropped document, so the test keeps only the root).
    fn cleaned(inner: &str) -> Handle {
        let doc = parse_html(&format!("<body><div id=root>{inner}</div></body>"));
        let root = dom::find(&doc, "div").unwrap();
        dom::detach(&root);
        let picked = Picked {
            stripped_unlikely: false,
            content: root.clone(),
            byline: None,
            dir: None,
            clean_conditionally: true,
            weight_classes: true,
            keep_heading_blocks: false,
        };
        clean(&picked, &mut Report::default());
        root
    }

    #[test]
    fn photo_credits_leave_their_captions() {
        let prose = "<p>The article's own paragraph, long enough to be read as prose, with a © sign that is quoted in the middle of a sentence and much more text after it so the tail is long.</p>";
        let root = cleaned(&format!("{prose}<figure><img src=/a.jpg><figcaption><p>Oil pumps at dusk. Bild: <a href=/x>TebNad/Shutterstock.com</a></p></figcaption></figure><p>Marco Odermatt, ski star from Switzerland. © AFP / MARCO BERTORELLO</p><figure><img src=/b.jpg><figcaption>Image: a diagram of the pump</figcaption></figure>"));
        let text = dom::inner_text(&root);
        assert!(
            text.contains("Oil pumps at dusk.")
                && !text.contains("TebNad")
                && !text.contains("Bild"),
            "{text}"
        );
        assert!(text.contains("ski star from Switzerland.") && !text.contains("AFP"), "{text}");
        assert!(text.contains("a © sign that is quoted"), "{text}");
        // a caption that starts with a credit word is no caption-with-credit: it stays
        assert!(text.contains("Image: a diagram of the pump"), "{text}");
    }

    #[test]
    fn lazy_images_get_their_real_source() {
        let root = cleaned("<p>Text of the article, with words.</p><img src='data:image/gif;base64,R0lGODlhAQABAAAAACw=' data-src='/photo.jpg'><img data-lazy-src='https://e.com/b.png'><picture><source data-srcset='/a.webp 1x, /a2.webp 2x'><img src=x.jpg></picture>");
        let imgs = dom::find_all(&root, "img");
        assert_eq!(dom::attr(&imgs[0], "src").as_deref(), Some("/photo.jpg"));
        assert_eq!(dom::attr(&imgs[1], "src").as_deref(), Some("https://e.com/b.png"));
        let source = dom::find(&root, "source").unwrap();
        assert_eq!(dom::attr(&source, "srcset").as_deref(), Some("/a.webp 1x, /a2.webp 2x"));
    }

    #[test]
    fn video_embeds_stay_and_other_iframes_go() {
        let root = cleaned("<p>Some text of the article, long enough to stay in place here.</p><iframe src='https://www.youtube.com/embed/abc'></iframe><iframe src='https://tracker.example/x'></iframe><iframe src='https://open.spotify.com/embed/album/x'></iframe>");
        let frames: Vec<String> =
            dom::find_all(&root, "iframe").iter().filter_map(|f| dom::attr(f, "src")).collect();
        // The sanitizer's players are the clean stage's: one list.
        assert_eq!(
            frames,
            ["https://www.youtube.com/embed/abc", "https://open.spotify.com/embed/album/x"]
        );
    }

    #[test]
    fn link_lists_go_and_data_tables_stay() {
        let root = cleaned("<p>Paragraph text, of the article, that stays.</p><div><a href=/a>Link one</a> <a href=/b>Link two</a></div><table><thead><tr><th>Year</th><th>Value</th></tr></thead><tr><td>2020</td><td>5</td></tr></table><h1>Sub heading</h1>");
        let text = dom::inner_text(&root);
        assert!(!text.contains("Link one"));
        assert!(text.contains("2020"));
        assert!(dom::find(&root, "h1").is_none() && dom::find(&root, "h2").is_some());
    }

    #[test]
    fn a_quotations_footer_stays_in_the_article() {
        let root = cleaned("<p>Paragraph text, of the article, that stays.</p><blockquote><p>We were lucky for a long time.</p><footer>— Rosa Delgado</footer></blockquote><p>More of the article, with words, and commas.</p><footer>Posted in News</footer>");
        let text = dom::inner_text(&root);
        assert!(text.contains("— Rosa Delgado"), "{text}");
        assert!(!text.contains("Posted in"), "{text}");
    }

    const PROSE: &str = "<p>The article's paragraph, long enough to be read as prose, with commas, clauses and a full stop at its end.</p>";

    #[test]
    fn the_articles_last_lines_stay_when_they_end_as_sentences_do() {
        for last in [
            "(It was, he said.)",
            "„Ich freue mich darauf.“",
            "And then it rained…",
            "還有更多嗎？我們不知道。",
            "They all agreed!”",
        ] {
            let root = cleaned(&format!("{}<p>{last}</p>", PROSE.repeat(4)));
            let text = dom::inner_text(&root);
            assert!(text.ends_with(last), "{last}: {text}");
        }
        // A credit or a date line is still no sentence, and a short question
        // still asks the reader for something.
        for scrap in ["(Photo: Jane Roe/Agency)", "Updated May 3, 2024", "您觉得这篇文章有用吗？"]
        {
            let root = cleaned(&format!("{}<p>{scrap}</p>", PROSE.repeat(4)));
            assert!(!dom::inner_text(&root).contains(scrap), "{scrap}");
        }
    }

    #[test]
    fn a_long_run_of_short_blocks_at_the_end_is_the_articles_data() {
        let grid: String =
            (1..=15).map(|i| format!("<div><p>State {i}</p><p>${i}.00</p></div>")).collect();
        let root = cleaned(&format!(
            "{}<div>{grid}</div><p><a href=/a>Next story</a></p>",
            PROSE.repeat(4)
        ));
        let text = dom::inner_text(&root);
        assert!(text.contains("State 1$1.00") && text.contains("State 15$15.00"), "{text}");
        assert!(!text.contains("Next story"), "{text}");
        // A few short lines are the page's furniture.
        let root = cleaned(&format!(
            "{}<div><p>Tags</p><p>News</p><p>37 views</p></div>",
            PROSE.repeat(4)
        ));
        let text = dom::inner_text(&root);
        assert!(!text.contains("Tags") && !text.contains("37 views"), "{text}");
    }

    #[test]
    fn a_paragraph_that_holds_only_a_player_stays() {
        let root = cleaned("<p>The episode, with its guests, and what they said about the harbour.</p><p><audio src=https://e.com/ep.mp3></audio></p><p>  </p>");
        assert_eq!(dom::find_all(&root, "p").len(), 2);
        assert!(dom::find(&root, "audio").is_some());
    }

    #[test]
    fn single_cell_layout_tables_are_unwrapped() {
        let root = cleaned(
            "<table><tr><td>Only cell with text, and commas, and more words.</td></tr></table>",
        );
        assert!(dom::find(&root, "table").is_none());
        assert!(dom::inner_text(&root).contains("Only cell"));
    }
}
