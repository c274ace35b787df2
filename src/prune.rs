//! Stage 3, prune: takes the whole document (after metadata was read) and removes
//! what is never article: scripts and invisible nodes, ads and ad labels, comment
//! sections and forms, share bars, newsletter and consent boxes, menus, and
//! recommended-link blocks. Each visible removal is recorded in the [`Report`].
//!
//! Rules are judged by structure as well as by words: a class word alone never
//! removes a block that holds much of the page's prose, and a "read also" line
//! goes only when it is mostly a link.

use std::collections::HashMap;
use std::sync::OnceLock;

use markup5ever_rcdom::{Handle, NodeData};

use crate::dom;
use crate::matchers::FirstWord;
use crate::report::{RemovalKind, Report};
use crate::rules::limits::MAX_NOSCRIPT_BYTES;
use crate::rules::thresholds::{self as t, ShortOrLinked};
use crate::rules::{furniture, hosts, phrases, tags};

/// Removes clutter from `doc`.
pub fn prune(doc: &Handle, report: &mut Report) {
    let Some(body) = dom::find(doc, "body") else {
        return;
    };
    resolve_noscript_images(&body);
    let page = Page::measure(&body);
    let mut stack: Vec<Handle> = body.children.borrow().iter().rev().cloned().collect();
    while let Some(node) = stack.pop() {
        if dom::parent(&node).is_none() {
            continue; // removed together with an earlier match
        }
        match &node.data {
            NodeData::Comment { .. } | NodeData::ProcessingInstruction { .. } => {
                dom::detach(&node);
                continue;
            }
            NodeData::Text { contents } => {
                let is_label = phrases::is_ad_label(&contents.borrow());
                if is_label && stands_alone(&node) {
                    report.add(RemovalKind::AdLabel, "ad label", &node);
                    remove_with_empty_ancestors(&node);
                } else if phrases::is_credit_line(&contents.borrow()) && stands_alone(&node) {
                    // a credit set as bare text beside its image
                    report.add(RemovalKind::Boilerplate, "photo credit or source line", &node);
                    dom::detach(&node);
                }
                continue;
            }
            NodeData::Element { .. } => {}
            _ => continue,
        }
        if is_silent_junk(&node) {
            dom::detach(&node);
            continue;
        }
        let first = First::of(&node);
        if let Some((kind, reason)) = classify(&node, &page, &first) {
            if kind == RemovalKind::Hidden && !dom::has_text(&node) {
                dom::detach(&node);
            } else {
                report.add(kind, reason, &node);
                if kind == RemovalKind::Related {
                    remove_related_heading_before(&node, report);
                }
                remove_with_empty_ancestors(&node);
            }
            continue;
        }
        if let Some(heading) = related_heading(&node, page.len(&node), &first) {
            if let Some(list) = heading_list(&heading) {
                // Links set one per paragraph: the run of link lines after the first.
                let mut more = Vec::new();
                let mut next = dom::next_element_sibling(&list);
                while let Some(n) = next {
                    if !is_link_line(&n) {
                        break;
                    }
                    next = dom::next_element_sibling(&n);
                    more.push(n);
                }
                report.add(RemovalKind::Related, "\"related\" heading and its links", &list);
                dom::detach(&heading);
                dom::detach_all(&more);
                remove_with_empty_ancestors(&list);
                continue;
            }
        }
        stack.extend(node.children.borrow().iter().rev().cloned());
    }
}

/// Text lengths of the page, measured once before pruning. The walk is pre-order and
/// removes whole subtrees, so a node's subtree is untouched when it is judged and its
/// measured lengths are exact; nodes made later are measured live.
struct Page {
    /// Text length of the whole body.
    text: usize,
    lens: dom::TextLens,
}

impl Page {
    fn measure(body: &Handle) -> Page {
        let lens = dom::TextLens::measure(body);
        Page { text: lens.len(body).max(1), lens }
    }

    fn len(&self, node: &Handle) -> usize {
        self.lens.len(node)
    }

    /// Text length inside links at or below `node`.
    fn link_len(&self, node: &Handle) -> usize {
        dom::link_text_len_by(node, |n| self.lens.len(n))
    }

    /// Share of the node's text inside links ([`dom::link_share`]).
    fn link_share(&self, node: &Handle) -> f64 {
        dom::link_share_by(node, |n| self.lens.len(n))
    }
}

/// Elements that are never content and not worth reporting.
fn is_silent_junk(node: &Handle) -> bool {
    tags::SILENT_JUNK.contains(&dom::tag(node).unwrap_or(""))
        || (dom::is(node, "img") && is_tracking_pixel(node))
}

fn is_tracking_pixel(img: &Handle) -> bool {
    let tiny = |a| dom::attr_is(img, a, |v| t::TRACKING_PIXEL_SIZES.contains(&v.trim()));
    tiny("width") && tiny("height")
}

/// The class and id words of each rule of [`classify`], as bits: a word's rules
/// are looked up once per element, in one table, instead of each rule scanning
/// its list for each word (pages with long utility-class lists have many words).
mod rule {
    pub const AD: u16 = 1;
    pub const AD_NEGATIVE: u16 = 1 << 1;
    pub const COMMENTS: u16 = 1 << 2;
    pub const SOCIAL: u16 = 1 << 3;
    pub const NEWSLETTER: u16 = 1 << 4;
    pub const CONSENT: u16 = 1 << 5;
    pub const RELATED: u16 = 1 << 6;
    pub const NAVIGATION: u16 = 1 << 7;
    pub const PAYWALL: u16 = 1 << 8;
    pub const META: u16 = 1 << 9;
}

const RULE_WORDS: &[(u16, &[&str])] = &[
    (rule::AD, furniture::AD_WORDS),
    (rule::AD_NEGATIVE, furniture::AD_NEGATIVE_WORDS),
    (rule::COMMENTS, furniture::COMMENTS),
    (rule::SOCIAL, furniture::SOCIAL),
    (rule::NEWSLETTER, furniture::NEWSLETTER),
    (rule::CONSENT, furniture::CONSENT),
    (rule::RELATED, furniture::RELATED),
    (rule::NAVIGATION, furniture::NAVIGATION),
    (rule::PAYWALL, furniture::PAYWALL),
    (rule::META, furniture::META),
];

/// The rules (bits of [`rule`]) a lower-case class or id word belongs to.
fn rules_of(word: &str) -> u16 {
    static TABLE: OnceLock<HashMap<&'static str, u16, crate::hash::FastHash>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t: HashMap<&'static str, u16, crate::hash::FastHash> = HashMap::default();
        for &(bit, words) in RULE_WORDS {
            for &w in words {
                *t.entry(w).or_default() |= bit;
            }
        }
        t
    });
    table.get(word).copied().unwrap_or(0)
}

/// Decides whether `node` is clutter, and which kind.
fn classify(node: &Handle, page: &Page, first: &First) -> Option<(RemovalKind, String)> {
    let tag = dom::tag(node)?;
    if tags::NEVER_CLUTTER.contains(&tag) {
        return None;
    }
    if crate::readability::is_hidden(node) {
        return guard(node, page, RemovalKind::Hidden, "hidden by the page".into());
    }
    let class_words = dom::ClassWords::of(node);
    let words: Vec<(&str, u16)> = class_words.iter().map(|w| (w, rules_of(w))).collect();
    if let Some(reason) = ad_markup(node, &words) {
        return guard(node, page, RemovalKind::Ad, reason);
    }
    if let Some(kind) = ad_label_block(node, page, first) {
        return Some(kind);
    }
    if tags::CREDIT_HOLDERS.contains(&tag)
        && page.len(node) <= t::CREDIT_LINE_MAX_LEN
        && phrases::is_credit_line(&dom::text_content(node))
        && stands_alone(node)
        && !has_media(node)
    {
        return Some((RemovalKind::Boilerplate, "photo credit or source line".into()));
    }
    let role = dom::attr(node, "role").unwrap_or_default().to_ascii_lowercase();
    match tag {
        "nav" => return guard(node, page, RemovalKind::Navigation, "<nav>".into()),
        "aside" => return guard(node, page, RemovalKind::Boilerplate, "<aside>".into()),
        "form" => {
            let (kind, reason) = form_kind(node);
            return guard(node, page, kind, reason);
        }
        "iframe" => return iframe_kind(node),
        // A quotation's or a figure's `<footer>` holds its attribution.
        "footer" if !is_attribution(node) && short_or_linked(node, page, t::FOOTER) => {
            return guard(node, page, RemovalKind::Navigation, "<footer>".into())
        }
        "header" if !inside_article(node) && dom::find(node, "nav").is_some() => {
            return guard(node, page, RemovalKind::Navigation, "site <header>".into())
        }
        _ => {}
    }
    if furniture::NAVIGATION_ROLES.contains(&role.as_str()) {
        return guard(node, page, RemovalKind::Navigation, format!("role \"{role}\""));
    }
    if furniture::ASIDE_ROLES.contains(&role.as_str()) {
        return guard(node, page, RemovalKind::Boilerplate, format!("role \"{role}\""));
    }
    if share_links(node, page) {
        return guard(node, page, RemovalKind::Social, "links that share the page".into());
    }
    if words.is_empty() {
        return related_line(node, page, first);
    }
    let has = |bit: u16| words.iter().find(|(_, r)| r & bit != 0).map(|&(w, _)| w);
    let reason = |w: &str| format!("class or id \"{w}\"");
    if let Some(w) = has(rule::COMMENTS) {
        return guard(node, page, RemovalKind::Comments, reason(w));
    }
    if let Some(w) = has(rule::SOCIAL) {
        if short_or_linked(node, page, t::SOCIAL_BAR) {
            return guard(node, page, RemovalKind::Social, reason(w));
        }
    }
    if let Some(w) = has(rule::NEWSLETTER) {
        if page.len(node) < t::NEWSLETTER_MAX_LEN {
            return guard(node, page, RemovalKind::Newsletter, reason(w));
        }
    }
    if let Some(w) = has(rule::CONSENT) {
        if page.len(node) < t::CONSENT_MAX_LEN {
            return guard(node, page, RemovalKind::Consent, reason(w));
        }
    }
    if let Some(w) = has(rule::RELATED) {
        if short_or_linked(node, page, t::RELATED_BLOCK) && !has_prose(node, page) {
            return guard(node, page, RemovalKind::Related, reason(w));
        }
    }
    if let Some(w) = has(rule::NAVIGATION) {
        if short_or_linked(node, page, t::NAVIGATION_BLOCK) {
            return guard(node, page, RemovalKind::Navigation, reason(w));
        }
    }
    if let Some(w) = has(rule::PAYWALL) {
        if page.len(node) < t::PAYWALL_MAX_LEN && !has_prose(node, page) {
            return guard(node, page, RemovalKind::Newsletter, reason(w));
        }
    }
    let named = |list: &[&str]| words.iter().any(|(w, _)| list.contains(w));
    let bio =
        (named(furniture::AUTHOR) && named(furniture::AUTHOR_BOX_PARTS)) || named(furniture::BIO);
    if bio && page.len(node) < t::AUTHOR_BOX_MAX_LEN {
        return guard(node, page, RemovalKind::Boilerplate, "author box".into());
    }
    if let Some(w) = has(rule::META) {
        // A credit inside a caption sits beside the caption's text: no need to stand alone.
        let in_caption = furniture::CREDIT.contains(&w)
            && dom::ancestors(node)
                .iter()
                .any(|a| dom::is(a, "figcaption") || dom::is(a, "figure"));
        if page.len(node) < t::META_LINE_MAX_LEN
            && !has_prose(node, page)
            && (in_caption || stands_alone(node))
            && !dom::is(node, "figure")
        {
            return guard(node, page, RemovalKind::Boilerplate, reason(w));
        }
    }
    related_line(node, page, first)
}

/// Applies the safety net shared by every class- or role-based rule: a block
/// holding more than half of the page's text, or several real paragraphs of
/// prose, is never taken for clutter (comment sections excepted for prose).
fn guard(
    node: &Handle,
    page: &Page,
    kind: RemovalKind,
    reason: String,
) -> Option<(RemovalKind, String)> {
    let len = page.len(node);
    if len * 2 > page.text && len > t::GUARD_MIN_LEN {
        return None;
    }
    if kind != RemovalKind::Comments
        && prose_paragraphs(node, page) >= 1
        && dom::find(node, "h1").is_some()
    {
        return None;
    }
    if matches!(kind, RemovalKind::Ad | RemovalKind::Social | RemovalKind::Newsletter)
        && prose_paragraphs(node, page) >= t::PROSE_PARAGRAPHS_NOT_CLUTTER
    {
        return None;
    }
    if kind == RemovalKind::Navigation && is_headline_list(node, page) {
        return Some((RemovalKind::Related, format!("{reason}: a list of article links")));
    }
    Some((kind, reason))
}

/// Whether the block is mostly links whose texts read like headlines (several
/// words each), as recommended-article grids are, unlike menus of short labels.
fn is_headline_list(node: &Handle, page: &Page) -> bool {
    let links = dom::find_all(node, "a");
    let texts: Vec<usize> = links.iter().map(|a| page.len(a)).filter(|l| *l > 0).collect();
    texts.len() >= t::HEADLINE_LIST_LINKS
        && texts.iter().sum::<usize>() / texts.len() >= t::HEADLINE_LEN
        && page.link_share(node) > t::HEADLINE_LIST_LINK_SHARE
}

/// Whether the node holds paragraphs of real prose ([`t::PROSE_PARAGRAPHS_KEPT`]).
fn has_prose(node: &Handle, page: &Page) -> bool {
    prose_paragraphs(node, page) >= t::PROSE_PARAGRAPHS_KEPT
}

fn prose_paragraphs(node: &Handle, page: &Page) -> usize {
    dom::find_all(node, "p")
        .iter()
        .filter(|p| {
            let len = page.len(p);
            len > t::PROSE_LEN && (page.link_len(p) as f64) < t::PROSE_LINK_SHARE * len as f64
        })
        .count()
}

fn short_or_linked(node: &Handle, page: &Page, rule: ShortOrLinked) -> bool {
    page.len(node) < rule.short || page.link_share(node) > rule.links
}

/// Whether a `<footer>` belongs to a quotation or a figure (its attribution or
/// credit line), not to the page or the article: the nearest sectioning
/// element or root above it, as HTML assigns a footer, is a `blockquote` or a
/// `figure`.
pub(crate) fn is_attribution(footer: &Handle) -> bool {
    let mut cur = dom::parent(footer);
    while let Some(p) = cur {
        match dom::tag(&p) {
            Some(t) if tags::FOOTER_OWNERS.contains(&t) => {
                return tags::QUOTATIONS_AND_FIGURES.contains(&t)
            }
            Some(_) => cur = dom::parent(&p),
            None => return false,
        }
    }
    false
}

fn inside_article(node: &Handle) -> bool {
    dom::ancestors(node)
        .iter()
        .any(|a| dom::tag(a).is_some_and(|t| tags::ARTICLE_CONTAINERS.contains(&t)))
}

/// Ad-network markup: the reason when `node` is an ad slot.
fn ad_markup(node: &Handle, words: &[(&str, u16)]) -> Option<String> {
    let tag = dom::tag(node)?;
    if furniture::AD_ELEMENTS.iter().any(|e| tag.starts_with(e)) {
        return Some(format!("<{tag}>"));
    }
    let NodeData::Element { attrs, .. } = &node.data else {
        return None;
    };
    for a in attrs.borrow().iter() {
        let (name, value) = (&*a.name.local, &*a.value);
        if furniture::AD_ATTRIBUTES.contains(&name) {
            return Some(format!("attribute {name}"));
        }
        if name == "id" {
            let id = value.to_ascii_lowercase();
            if furniture::AD_ID_PREFIXES.iter().any(|p| id.starts_with(p)) {
                return Some(format!("id \"{value}\""));
            }
        }
    }
    let class = dom::attr(node, "class").unwrap_or_default().to_ascii_lowercase();
    for name in class.split_whitespace() {
        if furniture::is_ad_class(name) {
            return Some(format!("class \"{name}\""));
        }
    }
    if words.iter().any(|(_, r)| r & rule::AD_NEGATIVE != 0) {
        return None;
    }
    words.iter().find(|(_, r)| r & rule::AD != 0).map(|(w, _)| format!("class or id \"{w}\""))
}

/// A block whose whole text is an ad label and that stands on a line of its own.
fn ad_label_block(node: &Handle, page: &Page, first: &First) -> Option<(RemovalKind, String)> {
    let len = page.len(node);
    if len == 0 || len > t::AD_LABEL_BLOCK_MAX_LEN || !phrases::may_be_ad_label(first.word()) {
        return None;
    }
    let text = dom::text_content(node);
    if phrases::is_ad_label(&text) && stands_alone(node) && dom::find(node, "img").is_none() {
        return Some((RemovalKind::AdLabel, "ad label".into()));
    }
    None
}

/// The first word of a node's text, read without gathering the rest, once: the
/// ad-label and "related" checks of one element share it.
struct First<'a> {
    node: &'a Handle,
    word: std::cell::OnceCell<FirstWord>,
}

impl<'a> First<'a> {
    fn of(node: &'a Handle) -> First<'a> {
        First { node, word: std::cell::OnceCell::new() }
    }

    fn word(&self) -> &FirstWord {
        self.word.get_or_init(|| {
            let mut first = FirstWord::new();
            dom::any_text(self.node, |text| first.feed(text));
            first
        })
    }
}

/// Whether `node` is a line of its own: no text beside it on its line, that is
/// between the nearest line breaks (`<br>` or blocks) around it, at its level and
/// at each inline ancestor's.
fn stands_alone(node: &Handle) -> bool {
    let mut cur = node.clone();
    loop {
        let Some(p) = dom::parent(&cur) else {
            return true;
        };
        let kids = dom::children(&p);
        let Some(i) = kids.iter().position(|k| std::rc::Rc::ptr_eq(k, &cur)) else {
            return true;
        };
        if text_on_line(kids[..i].iter().rev()) || text_on_line(kids[i + 1..].iter()) {
            return false;
        }
        if !dom::tag(&p).is_some_and(|t| tags::INLINE.contains(&t)) {
            return true;
        }
        cur = p;
    }
}

/// Whether the siblings, walked away from a node, hold text before the line ends.
fn text_on_line<'a>(siblings: impl Iterator<Item = &'a Handle>) -> bool {
    for sib in siblings {
        match dom::tag(sib) {
            Some(t) if t == "br" || tags::LINE_BREAKING.contains(&t) => return false,
            Some(t) if tags::INLINE.contains(&t) && dom::has_text(sib) => return true,
            None if dom::is_text(sib) && !dom::is_blank(sib) => return true,
            _ => {}
        }
    }
    false
}

fn form_kind(form: &Handle) -> (RemovalKind, String) {
    let action = dom::attr(form, "action").unwrap_or_default().to_ascii_lowercase();
    let words = dom::ClassWords::of(form);
    let comment = furniture::COMMENT_FORM_PREFIX;
    let search = furniture::SEARCH_FORM;
    if action.contains(comment) || words.iter().any(|w| w.starts_with(comment)) {
        (RemovalKind::Comments, "comment form".into())
    } else if words.iter().any(|w| w == search)
        || action.contains(search)
        || dom::attr(form, "role").is_some()
    {
        (RemovalKind::Navigation, "search form".into())
    } else if words
        .iter()
        .any(|w| furniture::SUBSCRIPTION_FORM_PARTS.iter().any(|part| w.contains(part)))
    {
        (RemovalKind::Newsletter, "subscription form".into())
    } else {
        (RemovalKind::Boilerplate, "form".into())
    }
}

/// Iframes from ad hosts are ads; other non-video iframes are dropped later by the sanitizer.
fn iframe_kind(iframe: &Handle) -> Option<(RemovalKind, String)> {
    let src =
        dom::attr(iframe, "src").or_else(|| dom::attr(iframe, "data-src")).unwrap_or_default();
    let host = src.split("//").nth(1).unwrap_or("").split(['/', '?']).next().unwrap_or("");
    hosts::AD_HOSTS
        .iter()
        .find(|h| host == **h || host.ends_with(&format!(".{h}")))
        .map(|h| (RemovalKind::Ad, format!("iframe from {h}")))
}

/// A block of share buttons, whatever its class: short, with at least two links,
/// most of them (all but print or mail links, say) to share endpoints, and beside
/// them no more than a label ("Share this article"): a header that holds the
/// byline or the date next to its share buttons stays.
fn share_links(node: &Handle, page: &Page) -> bool {
    if !dom::tag(node).is_some_and(|t| tags::SHARE_BARS.contains(&t))
        || page.len(node) > t::SHARE_BAR_MAX_LEN
    {
        return false;
    }
    let links = dom::find_all(node, "a");
    if links.len() < t::SHARE_BAR_LINKS {
        return false;
    }
    let share = links.iter().filter(|a| dom::attr_is(a, "href", hosts::is_share_url)).count();
    let (part, of) = t::SHARE_BAR_SHARE_LINKS;
    share >= t::SHARE_BAR_LINKS
        && share * of >= links.len() * part
        && page.len(node).saturating_sub(page.link_len(node)) <= t::SHARE_BAR_LABEL_LEN
        && !dom::any_descendant(node, |n| {
            dom::is(n, "time")
                || dom::is(n, "address")
                || dom::attr_is(n, "rel", |r| r.contains("author"))
                || dom::ClassWords::of(n).iter().any(|w| furniture::BYLINE_OR_DATE.contains(&w))
        })
}

/// A "read also: <link>" line: a lead-in phrase and a link making most of the rest.
fn related_line(node: &Handle, page: &Page, first: &First) -> Option<(RemovalKind, String)> {
    if !tags::READ_ALSO_LINES.contains(&dom::tag(node)?) {
        return None;
    }
    let len = page.len(node);
    if !(t::READ_ALSO_MIN_LEN..=t::READ_ALSO_MAX_LEN).contains(&len) {
        return None;
    }
    // Most blocks have no link: that is quicker to see than the lead-in.
    let links = page.link_len(node);
    if links == 0 || !phrases::may_be_related(first.word()) {
        return None;
    }
    let lead = phrases::related_lead(&dom::text_content(node))?;
    let rest = len.saturating_sub(lead).max(1);
    if links * 2 >= rest {
        Some((RemovalKind::Related, "\"read also\" line".into()))
    } else {
        None
    }
}

/// A heading (or a short standalone block) whose whole text is a "related" heading;
/// `len` is the node's text length.
fn related_heading(node: &Handle, len: usize, first: &First) -> Option<Handle> {
    let tag = dom::tag(node)?;
    if !tags::RELATED_HEADINGS.contains(&tag) {
        return None;
    }
    if len > t::RELATED_HEADING_MAX_LEN
        || !phrases::may_be_related(first.word())
        || dom::find(node, "a").is_some_and(|_| dom::link_share(node) > 0.0)
    {
        return None;
    }
    phrases::is_related_heading(&dom::text_content(node)).then(|| node.clone())
}

/// The link list that follows a "related" heading: the next element sibling (of
/// the heading or of its wrapper) when it is mostly links.
fn heading_list(heading: &Handle) -> Option<Handle> {
    let mut cur = heading.clone();
    for _ in 0..t::HEADING_LIST_LEVELS {
        if let Some(next) = dom::next_element_sibling(&cur) {
            let links = dom::find_all(&next, "a").len() + usize::from(dom::is(&next, "a"));
            if links >= 1 && dom::link_share(&next) > t::HEADING_LIST_LINK_SHARE {
                return Some(next);
            }
            return None;
        }
        cur = dom::parent(&cur)?;
        if dom::text_len(&cur) != dom::text_len(heading) {
            return None;
        }
    }
    None
}

/// A short block that is one link and little else, like a headline teaser.
fn is_link_line(node: &Handle) -> bool {
    dom::tag(node).is_some_and(|t| tags::LINK_LINES.contains(&t))
        && dom::text_len_upto(node, t::LINK_LINE_MAX_LEN) <= t::LINK_LINE_MAX_LEN
        && dom::find_all(node, "a").len() == 1
        && dom::link_share(node) > t::LINK_LINE_LINK_SHARE
}

/// When a related block was removed, a "related" heading just before it goes too.
fn remove_related_heading_before(node: &Handle, report: &mut Report) {
    let Some(p) = dom::parent(node) else { return };
    let kids = dom::element_children(&p);
    let Some(i) = kids.iter().position(|k| std::rc::Rc::ptr_eq(k, node)) else {
        return;
    };
    let Some(prev) = i.checked_sub(1).map(|j| &kids[j]) else {
        return;
    };
    let len = dom::text_len_upto(prev, t::RELATED_HEADING_MAX_LEN);
    if related_heading(prev, len, &First::of(prev)).is_some() {
        report.add(RemovalKind::Related, "\"related\" heading", prev);
        dom::detach(prev);
    }
}

/// Detaches `node`, then its ancestors as long as they are left without text or media.
fn remove_with_empty_ancestors(node: &Handle) {
    let mut cur = node.clone();
    loop {
        let parent = dom::parent(&cur);
        dom::detach(&cur);
        let Some(p) = parent else { return };
        if dom::tag(&p).is_none_or(|t| tags::KEPT_WHEN_EMPTIED.contains(&t))
            || dom::has_text(&p)
            || has_media(&p)
        {
            return;
        }
        cur = p;
    }
}

/// Whether `node` holds an image, a player, a formula or a table.
fn has_media(node: &Handle) -> bool {
    dom::any_descendant(node, |n| {
        dom::tag(n).is_some_and(|t| tags::MEDIA.contains(&t) || t == "table")
    })
}

/// `<noscript>` fallbacks for lazy images: a noscript holding one image replaces
/// the placeholder image just before it, or stands in its own place.
fn resolve_noscript_images(body: &Handle) {
    for ns in dom::find_all(body, "noscript") {
        let raw = dom::text_content(&ns);
        if !raw.contains("<img") || raw.len() > MAX_NOSCRIPT_BYTES {
            continue;
        }
        let fragment = crate::parse::parse_html(&raw);
        let imgs = dom::find_all(&fragment, "img");
        if imgs.len() != 1 || dom::has_text(&fragment) {
            continue;
        }
        dom::detach(&imgs[0]);
        let img = imgs[0].clone();
        let prev = previous_element(&ns);
        if let Some(prev) = prev.filter(|p| dom::is(p, "img") || single_image(p).is_some()) {
            let target = if dom::is(&prev, "img") { prev } else { single_image(&prev).unwrap() };
            for (k, v) in dom::attrs(&target) {
                if k.starts_with("data-") && !dom::has_attr(&img, &k) {
                    dom::set_attr(&img, &k, &v);
                }
            }
            dom::replace(&target, &img);
            dom::detach(&ns);
        } else {
            dom::replace(&ns, &img);
        }
    }
}

fn previous_element(node: &Handle) -> Option<Handle> {
    let p = dom::parent(node)?;
    let kids = dom::children(&p);
    let i = kids.iter().position(|k| std::rc::Rc::ptr_eq(k, node))?;
    kids[..i].iter().rev().find(|k| !dom::is_blank(k)).filter(|k| dom::is_element(k)).cloned()
}

fn single_image(node: &Handle) -> Option<Handle> {
    let imgs = dom::find_all(node, "img");
    (imgs.len() == 1 && !dom::has_text(node)).then(|| imgs[0].clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_html;

    fn pruned(html: &str) -> (String, Report) {
        let doc = parse_html(html);
        let mut report = Report::default();
        prune(&doc, &mut report);
        (dom::inner_text(&doc), report)
    }

    const PROSE: &str = "This paragraph is real prose, long enough to be an article paragraph that a reader wants to keep, with commas, clauses, and a full stop at the end.";

    #[test]
    fn each_word_carries_the_rules_of_every_list_it_is_in() {
        assert_eq!(rules_of("comments"), rule::COMMENTS);
        assert_eq!(rules_of("breadcrumb"), rule::NAVIGATION);
        assert_eq!(rules_of("credit"), rule::META);
        assert_ne!(rules_of("adsense") & rule::AD, 0);
        assert_eq!(rules_of("article"), 0);
        for &(bit, words) in RULE_WORDS {
            assert!(words.iter().all(|w| rules_of(w) & bit != 0 && w.to_lowercase() == *w));
        }
    }

    #[test]
    fn ad_labels_in_every_language_go_but_prose_mentioning_them_stays() {
        for label in [
            "- Publicité-", "ADVERTISEMENT", "Anzeige", "Werbung", "Publicidad", "Pubblicità",
            "Reklama", "Реклама", "广告", "広告", "إعلان", "Sponsorisé", "Contenu sponsorisé",
            "Annonce",
        ] {
            let html = format!("<body><p>{PROSE}</p><div><span>{label}</span></div><p>{PROSE}</p><p>La publicité ciblée, dit-il, est une <em>Publicité</em> comme une autre.</p></body>");
            let (text, report) = pruned(&html);
            assert!(!text.contains(label), "{label} survived");
            assert!(text.contains("est une Publicité comme une autre"), "{label}: prose lost");
            assert_eq!(report.removed[0].kind, RemovalKind::AdLabel);
        }
    }

    #[test]
    fn tagdiv_ad_slots_and_adsense_go_with_their_labels() {
        let html = format!(
            "<body><div class='td-post-content'><div class='td-a-rec td-a-rec-id-content_top'><span class='td-adspot-title'>- Publicité-</span><ins class='adsbygoogle' data-ad-client='ca-pub-1'></ins></div><p>{PROSE}</p><div class='td-a-rec td-a-rec-id-content_inline'><span>- Publicité-</span></div><p>{PROSE}</p></div></body>"
        );
        let (text, report) = pruned(&html);
        assert!(!text.contains("Publicité"));
        assert_eq!(text.matches("real prose").count(), 2);
        assert!(report.removed.iter().all(|r| r.kind == RemovalKind::Ad));
    }

    #[test]
    fn ad_substrings_in_other_words_are_not_ads() {
        let html = format!("<body><div class='head'><p>{PROSE}</p></div><div class='lead shadow download read-more-header'><p>Lead text stays here.</p></div><div class='ad-free'>Ad-free text stays.</div></body>");
        let (text, report) = pruned(&html);
        assert!(text.contains("Lead text stays here."));
        assert!(text.contains("Ad-free text stays."));
        assert!(report.removed.is_empty(), "{:?}", report.removed);
    }

    #[test]
    fn read_also_lines_go_but_paragraphs_with_links_stay() {
        let html = format!("<body><p>{PROSE}</p><p><strong>À lire aussi :</strong> <a href='/x'>Un autre article sur un autre sujet</a></p><p>Read more about the <a href='/y'>budget</a> in our long explainer, which covers every clause of the bill and its history.</p><h3>Mehr zum Thema</h3><ul><li><a href='/1'>Erster Link</a></li><li><a href='/2'>Zweiter Link</a></li></ul></body>");
        let (text, report) = pruned(&html);
        assert!(!text.contains("Un autre article"));
        assert!(!text.contains("Erster Link") && !text.contains("Mehr zum Thema"));
        assert!(text.contains("in our long explainer"));
        assert_eq!(report.removed.iter().filter(|r| r.kind == RemovalKind::Related).count(), 2);
    }

    #[test]
    fn comments_share_bars_and_hidden_nodes_go() {
        let html = format!("<body><p>{PROSE}</p><div class='td-post-sharing'><a href='#'>Facebook</a><a href='#'>Twitter</a></div><div id='comments'><h3>Leave a comment</h3><form class='comment-form' action='/wp-comments-post.php'><textarea></textarea></form></div><div style='display: none'>Secret</div><p hidden>Hidden</p></body>");
        let (text, report) = pruned(&html);
        assert!(
            !text.contains("Facebook")
                && !text.contains("Leave a comment")
                && !text.contains("Secret")
                && !text.contains("Hidden")
        );
        let kinds: Vec<_> = report.removed.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            [RemovalKind::Social, RemovalKind::Comments, RemovalKind::Hidden, RemovalKind::Hidden]
        );
    }

    #[test]
    fn headline_grids_are_related_and_short_menus_are_navigation() {
        let grid = "<div class='block-pagination'><h3><a href=/1>Le premier titre d'un article recommandé ici</a></h3><h3><a href=/2>Un deuxième titre d'article recommandé aussi</a></h3><h3><a href=/3>Et un troisième titre recommandé pour finir</a></h3></div>";
        let html = format!("<body><p>{PROSE}</p>{grid}<ul class=menu><li><a href=/>Home</a></li><li><a href=/n>News</a></li></ul></body>");
        let (text, report) = pruned(&html);
        assert!(!text.contains("titre") && !text.contains("Home"));
        let kinds: Vec<_> = report.removed.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RemovalKind::Related, RemovalKind::Navigation]);
    }

    #[test]
    fn share_buttons_go_by_their_links_but_a_byline_beside_them_stays() {
        let share = "<div><strong>Share this article</strong><a href='https://www.facebook.com/sharer.php?u=x'>f</a><a href='https://twitter.com/intent/tweet?url=x'>t</a><a href='mailto:?subject=x'>mail</a></div>";
        let header = "<div><span class=byline>By Jane Doe</span><a href='https://www.facebook.com/sharer.php?u=x'>f</a><a href='https://twitter.com/intent/tweet?url=x'>t</a></div>";
        let profiles = "<div><a href='https://www.facebook.com/someone'>Facebook</a><a href='https://twitter.com/someone'>Twitter</a></div>";
        let (text, report) =
            pruned(&format!("<body>{header}<p>{PROSE}</p>{share}{profiles}</body>"));
        assert!(!text.contains("Share this article"), "{text}");
        assert!(text.contains("By Jane Doe") && text.contains("Facebook"), "{text}");
        assert_eq!(report.removed.len(), 1);
        assert_eq!(report.removed[0].kind, RemovalKind::Social);
    }

    #[test]
    fn credit_lines_go_and_their_images_stay() {
        let html = format!("<body><div><span class=wrap><img src=a.jpg><span>(Bild: Dieter Stork)</span></span><h2>Heading</h2><p>{PROSE}</p><span>(Bild: Claudia F.)</span><div class=image><img src=b.jpg>© Agency / Fotograf: Someone</div><p>Text that names the source: inline, on its line.</p></div></body>");
        let doc = parse_html(&html);
        prune(&doc, &mut Report::default());
        let text = dom::inner_text(&doc);
        assert!(
            !text.contains("Dieter") && !text.contains("Claudia") && !text.contains("Agency"),
            "{text}"
        );
        assert_eq!(dom::find_all(&doc, "img").len(), 2);
        assert!(text.contains("Text that names the source: inline"), "{text}");
    }

    #[test]
    fn a_related_heading_takes_the_run_of_link_lines_after_it() {
        let html = format!("<body><p>{PROSE}</p><h2>Weiterlesen:</h2><p><a href=/1>Ein Roadtrip entlang der Route</a></p><p><a href=/2>Herbstlicher Ausflug in die Steiermark</a></p><p>Dieser Beitrag entstand in Kooperation mit dem Verband, <a href=/v>hier</a> mehr dazu.</p></body>");
        let (text, _) = pruned(&html);
        assert!(
            !text.contains("Weiterlesen")
                && !text.contains("Roadtrip")
                && !text.contains("Herbstlicher"),
            "{text}"
        );
        assert!(text.contains("Dieser Beitrag entstand"), "{text}");
    }

    #[test]
    fn a_class_word_never_removes_the_article_itself() {
        let body = format!("<p>{PROSE}</p>").repeat(6);
        let html =
            format!("<body><div class='has-ads social-post'><h1>Title</h1>{body}</div></body>");
        let (text, _) = pruned(&html);
        assert_eq!(text.matches("real prose").count(), 6);
    }

    #[test]
    fn a_quotations_footer_is_its_attribution_and_stays() {
        let html = format!("<body><p>{PROSE}</p><blockquote><p>My basement has been dry for years.</p><footer>— Ed Marsh, homeowner</footer></blockquote><figure><img src=a.jpg><footer>Drawing by the author</footer></figure><footer><a href=/about>About</a> <a href=/privacy>Privacy</a></footer></body>");
        let (text, report) = pruned(&html);
        assert!(text.contains("— Ed Marsh, homeowner"), "{text}");
        assert!(text.contains("Drawing by the author"), "{text}");
        assert!(!text.contains("Privacy"), "{text}");
        assert_eq!(report.removed.len(), 1, "{:?}", report.removed);
    }

    #[test]
    fn noscript_fallback_replaces_lazy_placeholder() {
        let doc = parse_html("<body><img src='data:image/gif;base64,R0lGOD' data-src='x.jpg'><noscript><img src='real.jpg'></noscript></body>");
        prune(&doc, &mut Report::default());
        let imgs = dom::find_all(&doc, "img");
        assert_eq!(imgs.len(), 1);
        assert_eq!(dom::attr(&imgs[0], "src").as_deref(), Some("real.jpg"));
    }
}
