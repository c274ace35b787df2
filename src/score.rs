//! Stage 4, score: takes the pruned document and picks the element that holds
//! the article, then gathers its related siblings into one detached container.
//!
//! The approach is Readability's: paragraphs score their parent and grandparent
//! by length and commas, class names weigh in, link-heavy candidates lose, and a
//! run with too little text is retried with gentler rules. Each attempt works on
//! a copy of the page so a failed attempt leaves nothing behind.

use crate::dom::NodeMap;

use markup5ever_rcdom::Handle;

use crate::dom;
use crate::metadata::Metadata;
use crate::readability::{
    self, byline_text, class_weight, count_commas, is_unlikely, is_valid_byline, link_density,
    link_density_with, text_similarity,
};
pub use crate::rules::readability::CHAR_THRESHOLD;
use crate::rules::readability::{
    tag_score, ALTERNATIVE_SHARE, ARTICLE_BODY_SCORE, CHARS_PER_POINT, DEEP_ANCESTOR_DIVIDER,
    DIV_TO_P_LINK_DENSITY, MAX_LENGTH_POINTS, MIN_ALTERNATIVES, MIN_SCORED_LEN, MIN_SIBLING_SCORE,
    PARENT_SCORE_DIVISOR, SCORED_ANCESTORS, SIBLING_LINK_DENSITY, SIBLING_PARAGRAPH_LEN,
    SIBLING_SCORE_SHARE, TITLE_SIMILARITY, TOP_CANDIDATES,
};
use crate::rules::tags;
use crate::rules::thresholds::LEAD_FIGURE_LINK_DENSITY;

/// The chosen article.
pub struct Picked {
    /// A detached `div` holding the article's content.
    pub content: Handle,
    /// A byline found in the page itself (used when the metadata has none).
    pub byline: Option<String>,
    /// The text direction nearest the article: the `dir` of the top candidate or
    /// of its closest ancestor that has one.
    pub dir: Option<String>,
    /// Whether the clean stage may drop link-heavy or low-content blocks
    /// (off when the first attempts found too little text).
    pub clean_conditionally: bool,
    /// Whether class names may weigh in the clean stage's decisions.
    pub weight_classes: bool,
    /// Whether the attempt removed any block as unlikely content (when none, an
    /// attempt without that rule gives the same result).
    pub stripped_unlikely: bool,
    /// Whether blocks that are all heading stay (the titles of documentation's
    /// admonitions and callouts), which the clean stage otherwise drops as
    /// blocks without text.
    pub keep_heading_blocks: bool,
}

/// Options of one extraction attempt, loosened step by step.
#[derive(Clone, Copy, Debug)]
pub struct Flags {
    /// Remove blocks whose class or id names page furniture before scoring.
    pub strip_unlikely: bool,
    /// Let class and id names add to or take from scores.
    pub weight_classes: bool,
    /// Let the clean stage drop link-heavy or low-content blocks.
    pub clean_conditionally: bool,
}

/// The attempts, strictest first: the pipeline takes the first whose cleaned
/// article reaches [`CHAR_THRESHOLD`] characters, else the longest (as Readability).
pub const ATTEMPTS: [Flags; 4] = [
    Flags { strip_unlikely: true, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: true, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: true },
    Flags { strip_unlikely: false, weight_classes: false, clean_conditionally: false },
];

/// Finds the article in `doc` under `flags`, working on a copy of its body.
pub fn pick(doc: &Handle, meta: &Metadata, flags: Flags) -> Picked {
    let body = dom::find(doc, "body").unwrap_or_else(|| doc.clone());
    let page = dom::deep_clone(&body);
    grab(&page, flags, meta.title.as_deref().unwrap_or(""))
}

/// One extraction attempt over `page` (a copy of the body, changed in place).
fn grab(page: &Handle, flags: Flags, title: &str) -> Picked {
    replace_brs(page);
    let (to_score, byline, stripped_unlikely) = prepare_nodes(page, flags, title);
    let picked = |content: Handle, dir: Option<String>| Picked {
        content,
        byline,
        dir,
        clean_conditionally: flags.clean_conditionally,
        weight_classes: flags.weight_classes,
        stripped_unlikely,
        keep_heading_blocks: false,
    };
    let mut scores: NodeMap<f64> = NodeMap::default();
    let mut candidates: Vec<Handle> = Vec::new();
    // The tree does not change from here on: measure it once.
    let lens = dom::TextLens::measure(page);
    for el in &to_score {
        let Some(parent) = dom::parent(el) else {
            continue;
        };
        if !dom::is_element(&parent) {
            continue;
        }
        let len = lens.len(el);
        if len < MIN_SCORED_LEN {
            continue;
        }
        let commas = count_commas(el);
        let content_score =
            1.0 + (commas + 1) as f64 + (len / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f64;
        let mut level = 0;
        let mut cur = Some(parent);
        while let Some(anc) = cur {
            if level >= SCORED_ANCESTORS || !dom::is_element(&anc) {
                break;
            }
            let next = dom::parent(&anc);
            if next.is_none() {
                break;
            }
            let entry = scores.entry(dom::key(&anc)).or_insert_with(|| {
                candidates.push(anc.clone());
                initial_score(&anc, flags)
            });
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f64 * DEEP_ANCESTOR_DIVIDER,
            };
            *entry += content_score / divider;
            level += 1;
            cur = next;
        }
    }
    for c in &candidates {
        let ld = link_density_with(c, |n| lens.len(n));
        if let Some(s) = scores.get_mut(&dom::key(c)) {
            *s *= 1.0 - ld;
        }
    }
    let score_of = |n: &Handle, scores: &NodeMap<f64>| scores.get(&dom::key(n)).copied();
    let mut top: Vec<Handle> = candidates.clone();
    top.sort_by(|a, b| {
        score_of(b, &scores).unwrap_or(0.0).total_cmp(&score_of(a, &scores).unwrap_or(0.0))
    });
    top.truncate(TOP_CANDIDATES);

    let top_candidate = match top.first() {
        Some(t) if !dom::is(t, "body") && !std::rc::Rc::ptr_eq(t, page) => {
            refine_top(t.clone(), &top, page, &mut scores, flags)
        }
        _ => {
            let div = dom::new_element("div", &[]);
            dom::move_children(page, &div);
            dom::append(page, &div);
            scores.insert(dom::key(&div), initial_score(&div, flags));
            let content = dom::new_element("div", &[]);
            dom::append(&content, &div);
            return picked(content, article_dir(page));
        }
    };
    let dir = article_dir(&top_candidate);
    picked(gather_siblings(&top_candidate, &scores), dir)
}

/// The first valid `dir` on `node` or its ancestors, nearest first. On the copy
/// of the body that goes up to the body; the page's `<html dir>` is the
/// metadata stage's.
fn article_dir(node: &Handle) -> Option<String> {
    let mut cur = Some(node.clone());
    while let Some(n) = cur {
        if let Some(dir) = dom::attr(&n, "dir").as_deref().and_then(readability::dir_value) {
            return Some(dir);
        }
        cur = dom::parent(&n);
    }
    None
}

/// Readability's refinements of the top candidate: a common ancestor of several
/// near-top candidates, a parent that scores better, an only child's parent.
fn refine_top(
    mut top_candidate: Handle,
    top: &[Handle],
    page: &Handle,
    scores: &mut NodeMap<f64>,
    flags: Flags,
) -> Handle {
    let top_score = scores[&dom::key(&top_candidate)];
    let alternatives: Vec<Vec<usize>> = top[1..]
        .iter()
        .filter(|c| scores[&dom::key(c)] / top_score >= ALTERNATIVE_SHARE)
        .map(|c| dom::ancestors(c).iter().map(dom::key).collect())
        .collect();
    if alternatives.len() >= MIN_ALTERNATIVES {
        let mut parent = dom::parent(&top_candidate);
        while let Some(p) = parent.filter(|p| !is_page(p, page)) {
            let k = dom::key(&p);
            if alternatives.iter().filter(|a| a.contains(&k)).count() >= MIN_ALTERNATIVES {
                top_candidate = p;
                break;
            }
            parent = dom::parent(&p);
        }
    }
    scores.entry(dom::key(&top_candidate)).or_insert_with(|| initial_score(&top_candidate, flags));

    let mut last = scores[&dom::key(&top_candidate)];
    let threshold = last / PARENT_SCORE_DIVISOR;
    let mut parent = dom::parent(&top_candidate);
    while let Some(p) = parent.filter(|p| !is_page(p, page)) {
        let Some(&score) = scores.get(&dom::key(&p)) else {
            parent = dom::parent(&p);
            continue;
        };
        if score < threshold {
            break;
        }
        if score > last {
            top_candidate = p;
            break;
        }
        last = score;
        parent = dom::parent(&p);
    }

    let mut parent = dom::parent(&top_candidate);
    while let Some(p) = parent.filter(|p| !is_page(p, page) && dom::element_children(p).len() == 1)
    {
        top_candidate = p.clone();
        parent = dom::parent(&p);
    }
    scores.entry(dom::key(&top_candidate)).or_insert_with(|| initial_score(&top_candidate, flags));
    top_candidate
}

fn is_page(node: &Handle, page: &Handle) -> bool {
    std::rc::Rc::ptr_eq(node, page) || dom::is(node, "body") || !dom::is_element(node)
}

/// The top candidate plus the siblings that look like part of the same article.
fn gather_siblings(top_candidate: &Handle, scores: &NodeMap<f64>) -> Handle {
    let content = dom::new_element("div", &[]);
    let top_score = scores.get(&dom::key(top_candidate)).copied().unwrap_or(0.0);
    let threshold = (top_score * SIBLING_SCORE_SHARE).max(MIN_SIBLING_SCORE);
    let top_class = dom::attr(top_candidate, "class").unwrap_or_default();
    let Some(parent) = dom::parent(top_candidate) else {
        dom::append(&content, top_candidate);
        return content;
    };
    let siblings = dom::element_children(&parent);
    for (i, sibling) in siblings.iter().cloned().enumerate() {
        let mut append = std::rc::Rc::ptr_eq(&sibling, top_candidate);
        // The article's lead figure, set just before its body: Readability
        // leaves it out (a figure scores nothing), and with it its caption.
        let lead_figure =
            siblings.get(i + 1).is_some_and(|next| std::rc::Rc::ptr_eq(next, top_candidate))
                && is_lead_figure(&sibling);
        if lead_figure {
            dom::append(&content, &sibling);
            continue;
        }
        if !append {
            let bonus = if !top_class.is_empty()
                && dom::attr(&sibling, "class").as_deref() == Some(&top_class)
            {
                top_score * SIBLING_SCORE_SHARE
            } else {
                0.0
            };
            if scores.get(&dom::key(&sibling)).is_some_and(|s| s + bonus >= threshold) {
                append = true;
            } else if dom::is(&sibling, "p") {
                let ld = link_density(&sibling);
                let text = dom::inner_text(&sibling);
                let len = text.chars().count();
                if (len > SIBLING_PARAGRAPH_LEN && ld < SIBLING_LINK_DENSITY)
                    || (len < SIBLING_PARAGRAPH_LEN
                        && len > 0
                        && ld == 0.0
                        && (text.contains(". ") || text.ends_with('.')))
                {
                    append = true;
                }
            }
        }
        if append {
            let node = if dom::tag(&sibling).is_some_and(|t| tags::KEPT_SIBLINGS.contains(&t)) {
                sibling
            } else {
                dom::rename(&sibling, "div")
            };
            dom::append(&content, &node);
        }
    }
    content
}

/// Whether `node` is a figure of an image or a video, with at most a caption
/// (not a linked teaser): the lead art of the article that follows it.
fn is_lead_figure(node: &Handle) -> bool {
    dom::is(node, "figure")
        && dom::any_descendant(node, |n| dom::tag(n).is_some_and(|t| tags::LEAD_ART.contains(&t)))
        && link_density(node) < LEAD_FIGURE_LINK_DENSITY
}

/// Walks the page once: removes unlikely candidates, the byline and the title
/// heading, turns text-only `div`s into paragraphs, and lists the nodes to score.
/// Returns the nodes to score, a byline found on the way, and whether any block
/// was removed as unlikely content.
fn prepare_nodes(page: &Handle, flags: Flags, title: &str) -> (Vec<Handle>, Option<String>, bool) {
    let mut to_score = Vec::new();
    let mut stripped = false;
    let mut byline: Option<String> = None;
    let mut remove_title_header = !title.is_empty();
    // Empty containers go after the walk, in one pass (parents are judged first, as in Readability).
    let mut empty: Vec<Handle> = Vec::new();
    let mut stack: Vec<Handle> = dom::element_children(page).into_iter().rev().collect();
    while let Some(node) = stack.pop() {
        if dom::parent(&node).is_none() {
            continue;
        }
        let tag = dom::tag(&node).unwrap_or("").to_string();
        let match_string = dom::class_and_id(&node);
        if byline.is_none() && is_valid_byline(&node, &match_string) {
            byline = Some(byline_text(&node));
            dom::detach(&node);
            continue;
        }
        if remove_title_header
            && tags::TITLE_HEADINGS.contains(&tag.as_str())
            && text_similarity(title, &dom::inner_text(&node)) > TITLE_SIMILARITY
        {
            remove_title_header = false;
            dom::detach(&node);
            continue;
        }
        if flags.strip_unlikely
            && !tags::NEVER_UNLIKELY.contains(&tag.as_str())
            && is_unlikely(&node, &match_string)
        {
            dom::detach(&node);
            stripped = true;
            continue;
        }
        if tags::REMOVED_WHEN_EMPTY.contains(&tag.as_str()) && is_without_content(&node) {
            empty.push(node);
            continue;
        }
        if tags::SCORED.contains(&tag.as_str()) {
            to_score.push(node.clone());
        }
        let mut node = node;
        if tag == "div" {
            wrap_phrasing_runs(&node);
            let kids = dom::element_children(&node);
            let only_text_is_p = kids.len() == 1
                && dom::is(&kids[0], "p")
                && dom::children(&node).iter().all(|c| dom::is_element(c) || dom::is_blank(c));
            if only_text_is_p && link_density(&node) < DIV_TO_P_LINK_DENSITY {
                let p = kids[0].clone();
                dom::replace(&node, &p);
                node = p;
                to_score.push(node.clone());
            } else if !has_child_block(&node) {
                node = dom::rename(&node, "p");
                to_score.push(node.clone());
            }
        }
        stack.extend(dom::element_children(&node).into_iter().rev());
    }
    dom::detach_all(&empty);
    (to_score, byline, stripped)
}

fn is_without_content(node: &Handle) -> bool {
    let kids = dom::element_children(node);
    (kids.is_empty() || kids.iter().all(|k| dom::is(k, "br") || dom::is(k, "hr")))
        && !dom::has_text(node)
}

/// Whether the node is phrasing content (inline), as Readability defines it.
fn is_phrasing(node: &Handle) -> bool {
    match dom::tag(node) {
        None => dom::is_text(node),
        Some(t) if tags::PHRASING.contains(&t) => true,
        Some(t) if tags::PHRASING_IF_CONTENT.contains(&t) => {
            let mut stack = dom::children(node);
            while let Some(n) = stack.pop() {
                match dom::tag(&n) {
                    None => {}
                    Some(t) if tags::PHRASING.contains(&t) => {}
                    Some(t) if tags::PHRASING_IF_CONTENT.contains(&t) => {
                        stack.extend(dom::children(&n))
                    }
                    Some(_) => return false,
                }
            }
            true
        }
        _ => false,
    }
}

fn is_whitespace(node: &Handle) -> bool {
    dom::is_blank(node) || dom::is(node, "br")
}

/// Wraps each run of inline content directly in a `div` into a `<p>`.
fn wrap_phrasing_runs(div: &Handle) {
    let kids = dom::children(div);
    if kids.iter().all(|k| !is_phrasing(k) || is_whitespace(k)) {
        return;
    }
    if !kids.iter().any(|k| dom::is_element(k) && !is_phrasing(k)) {
        return; // all inline: the div itself becomes a paragraph
    }
    // The new child list is built in one pass (moving nodes one by one with
    // `dom::append` would search the list each time: quadratic on long runs).
    let adopt = |parent: &Handle, child: &Handle| {
        child.parent.set(Some(std::rc::Rc::downgrade(parent)));
        parent.children.borrow_mut().push(child.clone());
    };
    let mut new_kids: Vec<Handle> = Vec::with_capacity(kids.len());
    let mut p: Option<Handle> = None;
    for child in kids {
        if is_phrasing(&child) {
            if let Some(p) = &p {
                adopt(p, &child);
            } else if !is_whitespace(&child) {
                let new_p = dom::new_element("p", &[]);
                adopt(&new_p, &child);
                new_kids.push(new_p.clone());
                p = Some(new_p);
            } else {
                new_kids.push(child);
            }
        } else {
            if let Some(done) = p.take() {
                trim_trailing_whitespace(&done);
            }
            new_kids.push(child);
        }
    }
    if let Some(done) = p {
        trim_trailing_whitespace(&done);
    }
    for k in &new_kids {
        k.parent.set(Some(std::rc::Rc::downgrade(div)));
    }
    *div.children.borrow_mut() = new_kids;
}

fn trim_trailing_whitespace(p: &Handle) {
    let mut kids = p.children.borrow_mut();
    while kids.last().is_some_and(is_whitespace) {
        if let Some(last) = kids.pop() {
            last.parent.set(None);
        }
    }
}

/// Whether any descendant is a block that keeps a `div` from being a paragraph.
fn has_child_block(node: &Handle) -> bool {
    dom::any_descendant(node, |n| {
        dom::tag(n).is_some_and(|t| tags::PARAGRAPH_BREAKERS.contains(&t))
    })
}

/// Replaces runs of two or more `<br>` with paragraph breaks (Readability's `_replaceBrs`).
fn replace_brs(page: &Handle) {
    for br in dom::find_all(page, "br") {
        if dom::parent(&br).is_none() {
            continue;
        }
        let Some(parent) = dom::parent(&br) else {
            continue;
        };
        let siblings = dom::children(&parent);
        let Some(i) = siblings.iter().position(|s| std::rc::Rc::ptr_eq(s, &br)) else {
            continue;
        };
        let mut j = i + 1;
        let mut replaced = false;
        while j < siblings.len() {
            if dom::is_blank(&siblings[j]) {
                j += 1;
                continue;
            }
            if dom::is(&siblings[j], "br") {
                replaced = true;
                dom::detach(&siblings[j]);
                j += 1;
                continue;
            }
            break;
        }
        if !replaced {
            continue;
        }
        let p = dom::new_element("p", &[]);
        dom::replace(&br, &p);
        for sib in &siblings[j..] {
            if dom::is(sib, "br") {
                let next_is_br = siblings
                    .iter()
                    .skip_while(|s| !std::rc::Rc::ptr_eq(s, sib))
                    .skip(1)
                    .find(|s| !dom::is_blank(s))
                    .is_some_and(|s| dom::is(s, "br"));
                if next_is_br {
                    break;
                }
            }
            if !is_phrasing(sib) {
                break;
            }
            dom::append(&p, sib);
        }
        trim_trailing_whitespace(&p);
        if dom::parent(&p).is_some_and(|pp| dom::is(&pp, "p")) {
            let pp = dom::parent(&p).unwrap();
            dom::rename(&pp, "div");
        }
    }
}

/// Starting score of a candidate: by tag, plus class weight when enabled.
fn initial_score(node: &Handle, flags: Flags) -> f64 {
    let base = tag_score(dom::tag(node).unwrap_or(""));
    let body_mark = if dom::attr_is(node, "itemprop", |v| v.contains("articleBody")) {
        ARTICLE_BODY_SCORE
    } else {
        0.0
    };
    base + body_mark + if flags.weight_classes { class_weight(node) } else { 0.0 }
}

/// Whether any element below `root` has a class weight: when none has, an attempt
/// that ignores class weights gives the same result as one that uses them.
pub fn any_class_weight(root: &Handle) -> bool {
    dom::any_descendant(root, |n| class_weight(n) != 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    const P: &str = "<p>A long paragraph of article text, with commas, clauses, and enough words to count as real prose in the scoring of candidates here.</p>";

    fn pick_text(html: &str, title: &str) -> (String, Option<String>) {
        let doc = parse_html(html);
        let meta = Metadata { title: Some(title.into()), ..Default::default() };
        let picked = ATTEMPTS
            .iter()
            .map(|flags| pick(&doc, &meta, *flags))
            .find(|p| dom::text_len(&p.content) > 0)
            .unwrap();
        (dom::inner_text(&picked.content), picked.byline)
    }

    #[test]
    fn picks_the_paragraph_container_over_menus_and_sidebars() {
        let body = P.repeat(6);
        let html = format!("<body><div class=menu><a href=/>Home</a> <a href=/a>About</a></div><div class=sidebar><p>Sidebar words that are short.</p></div><div class='post-content'><h1>The Title Here</h1><p class=byline>By Jane Doe</p>{body}</div><div class=footer>Copyright</div></body>");
        let (text, byline) = pick_text(&html, "The Title Here");
        assert_eq!(text.matches("A long paragraph").count(), 6);
        assert!(!text.contains("Home") && !text.contains("Sidebar") && !text.contains("Copyright"));
        assert!(!text.contains("The Title Here"), "title heading duplicates the title");
        assert_eq!(byline.as_deref(), Some("By Jane Doe"));
    }

    #[test]
    fn short_pages_fall_back_to_looser_attempts() {
        let (text, _) = pick_text(
            "<body><div class='comment-like sidebar'><p>Just one short note here.</p></div></body>",
            "",
        );
        assert_eq!(text, "Just one short note here.");
    }

    #[test]
    fn double_br_becomes_paragraphs() {
        let html = format!("<body><div>First part of the text, long enough, to matter here and there and everywhere.<br><br>Second part, also long enough, with commas, to be a paragraph of its own.</div>{P}</body>");
        let doc = parse_html(&html);
        let body = dom::find(&doc, "body").unwrap();
        replace_brs(&body);
        assert!(dom::find_all(&body, "p").len() >= 2);
    }

    #[test]
    fn the_lead_figure_before_the_article_body_comes_with_its_caption() {
        let body = P.repeat(6);
        let page = |figure: &str| {
            format!("<body><article><h1>Title</h1>{figure}<div class=article-body>{body}</div></article><figure><img src=/ad.jpg><figcaption>After the body</figcaption></figure></body>")
        };
        let lead = "<figure><img src=/lead.jpg><figcaption>Waves spill over the sea wall</figcaption></figure>";
        let (text, _) = pick_text(&page(lead), "Title");
        assert!(text.starts_with("Waves spill over the sea wall"), "{text}");
        assert!(!text.contains("After the body"), "{text}");
        // A figure that is a linked teaser is no lead art.
        let teaser = "<figure><img src=/t.jpg><figcaption><a href=/other>Another story to read</a></figcaption></figure>";
        let (text, _) = pick_text(&page(teaser), "Title");
        assert!(!text.contains("Another story"), "{text}");
    }
}
