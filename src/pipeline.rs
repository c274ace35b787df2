//! The pipeline: [`clean`] runs the stages top to bottom, parse → metadata →
//! page type (and the thread, read before the prune stage removes comment
//! sections) → prune → per type: a thread's posts, a product's readable
//! region, or the scored pick (with Readability's retries) → never-empty
//! fallback → sanitize → text and Markdown, and collects the removal report on
//! the way.

use crate::article::{reading_time, Article, Error, Options};
use crate::page_type::{self, PageType};
use crate::rules::limits::{BINARY_CONTROLS, BINARY_SAMPLE_CHARS};
use crate::{
    chosen, dom, markdown, metadata, noscript, parse, prune, readerable, region, report, sanitize,
    score, text, thread,
};

/// Cleans one page: finds the article, removes the clutter, returns the reader-mode result.
pub fn clean(html: &str, options: &Options) -> Result<Article, Error> {
    check_input(html)?;
    let doc = parse::parse_page(html).map_err(Error::TooLarge)?;
    noscript::rescue(&doc);
    let base = parse::base_url(&doc, options.url.as_deref());
    let meta = metadata::extract(&doc, base.as_ref());
    let mut readerable = readerable::is_readerable_doc(&doc);
    let mut report = if options.removed_html {
        report::Report::keeping_html(base.clone())
    } else {
        report::Report::default()
    };
    // A region the reader chose is the article: the rest of the page goes before pruning.
    let chosen = options.region.as_deref().and_then(|sel| chosen::find(&doc, sel));
    let chosen = chosen.map(|el| chosen::isolate(&doc, &el));
    let found = if chosen.is_some() { None } else { thread::find(&doc) };
    let page_type = page_type::detect(&doc, &meta, found.as_ref());
    let pristine = chosen.as_ref().map(|c| (dom::deep_clone(c), dom::text_len(c)));
    prune::prune(&doc, &mut report);
    let chosen = chosen.map(|content| match pristine {
        // The reader chose it: when the clutter rules would take most of it (say, a
        // list of links under "Recommended"), the choice wins over the rules.
        Some((copy, len)) if dom::text_len(&content) * 2 < len => {
            report.removed.clear();
            copy
        }
        _ => content,
    });
    let documentation = page_type == PageType::Documentation;
    let found = found.filter(|_| page_type == PageType::Thread);
    let thread_excerpt = found.as_ref().and_then(thread::Thread::excerpt);
    let by_hand = chosen.is_some();
    let (mut picked, mut cleaning) = match (chosen, found) {
        (Some(content), _) => clean_region(content, &report),
        (None, Some(thread)) => thread_view(&thread, &report),
        (None, None) => pick_and_clean(&doc, &meta, documentation, &report),
    };
    if by_hand {
        // The reader's choice stands: no fallback replaces it.
    } else if page_type == PageType::Product {
        // A product page is read whole: its description, key facts and
        // specification table sit in separate blocks of its main column.
        if let Some(view) = region::whole(&doc, 0) {
            (picked, cleaning) = view;
        }
    } else if let Some(view) = region::instead_of_short(&doc, dom::text_len(&picked.content)) {
        // Never an empty reader; but not an article a reader view suits.
        (picked, cleaning) = view;
        readerable = false;
    }
    report.removed.extend(cleaning.removed);
    crate::clean::recover_lead(&doc, &picked.content, meta.excerpt.as_deref());
    sanitize::sanitize(&picked.content, base.as_ref());
    let content = sanitize::serialize(&picked.content);
    let text_content = text::to_text(&picked.content);
    if text_content.trim().is_empty() && meta.title.is_none() {
        return Err(Error::NoContent);
    }
    let markdown = markdown::to_markdown(&picked.content);
    let length = text_content.chars().count();
    let excerpt =
        meta.excerpt.clone().or(thread_excerpt).or_else(|| text::first_paragraph(&picked.content));
    let byline = meta.byline.clone().or(picked.byline);
    Ok(Article {
        title: meta.title.clone().unwrap_or_default(),
        byline,
        dir: picked.dir.clone().or_else(|| meta.dir.clone()),
        lang: meta.lang.clone(),
        reading_time_minutes: reading_time(&text_content),
        content,
        text_content,
        markdown,
        length,
        excerpt,
        site_name: meta.site_name.clone(),
        published_time: meta.published_time.clone(),
        lead_image: meta.lead_image.clone(),
        removed: report.removed,
        readerable,
        page_type,
    })
}

/// Stages 4 and 5 for a thread: its posts, one after the other, pruned and
/// cleaned as one article (without the conditional cleaning, which takes
/// short replies for clutter); its byline is the opening poster.
fn thread_view(thread: &thread::Thread, like: &report::Report) -> (score::Picked, report::Report) {
    let content = thread::assemble(thread);
    let page = dom::new_element("html", &[]);
    let body = dom::new_element("body", &[]);
    dom::append(&page, &body);
    dom::append(&body, &content);
    let mut report = like.fresh();
    prune::prune(&page, &mut report);
    dom::detach(&content);
    let mut picked = region::unscored(content);
    // The byline of a thread is its opening poster.
    picked.byline = thread.posts.first().and_then(|p| p.author.clone());
    crate::clean::clean(&picked, &mut report);
    (picked, report)
}

/// Stages 4 and 5 with Readability's retries: each attempt scores a fresh copy
/// of the pruned page and cleans its pick; the first whose article is long
/// enough wins, else the longest. An attempt is skipped when the rule it drops
/// did nothing in the attempt before (no block was unlikely, no class has a
/// weight, the conditional cleaning removed nothing): it would give the same
/// article again.
fn pick_and_clean(
    doc: &markup5ever_rcdom::Handle,
    meta: &metadata::Metadata,
    keep_heading_blocks: bool,
    like: &report::Report,
) -> (score::Picked, report::Report) {
    let mut best: Option<(usize, score::Picked, report::Report)> = None;
    // The last attempt's flags, and what its rules did: (unlikely blocks
    // stripped, conditional removals).
    let mut last: Option<(score::Flags, bool, bool)> = None;
    for flags in score::ATTEMPTS {
        if let Some((prev, stripped, conditional)) = last {
            let same = gives_the_same(prev, flags, stripped, conditional, || {
                let body = dom::find(doc, "body").unwrap_or_else(|| doc.clone());
                score::any_class_weight(&body)
            });
            if same {
                last = Some((flags, stripped, conditional));
                continue;
            }
        }
        let mut picked = score::pick(doc, meta, flags);
        picked.keep_heading_blocks = keep_heading_blocks;
        let mut report = like.fresh();
        let conditional = crate::clean::clean(&picked, &mut report);
        last = Some((flags, picked.stripped_unlikely, conditional));
        let len = dom::text_len(&picked.content);
        if len >= score::CHAR_THRESHOLD {
            return (picked, report);
        }
        if best.as_ref().is_none_or(|(l, _, _)| len > *l) {
            best = Some((len, picked, report));
        }
    }
    let (_, picked, report) = best.expect("at least one attempt");
    (picked, report)
}

/// Stage 5 on a region the reader chose (already pruned): it is the article, as it
/// is, so no scoring and none of the conditional cleaning that drops link-heavy or
/// short blocks (the reader said they belong); the rest of the clean stage runs.
fn clean_region(
    content: markup5ever_rcdom::Handle,
    like: &report::Report,
) -> (score::Picked, report::Report) {
    dom::detach(&content);
    let picked = region::unscored(content);
    let mut report = like.fresh();
    crate::clean::clean(&picked, &mut report);
    (picked, report)
}

/// Whether an attempt with `next` must give the same article as the one made
/// with `prev`: `next` drops one rule of `prev`, keeps the others, and that rule
/// did nothing there (`stripped`: blocks removed as unlikely; `conditional`:
/// conditional removals; `weighted()`: whether any element has a class weight).
fn gives_the_same(
    prev: score::Flags,
    next: score::Flags,
    stripped: bool,
    conditional: bool,
    weighted: impl FnOnce() -> bool,
) -> bool {
    let dropped = |a: bool, b: bool| a && !b;
    let (u, w, c) = (
        (prev.strip_unlikely, next.strip_unlikely),
        (prev.weight_classes, next.weight_classes),
        (prev.clean_conditionally, next.clean_conditionally),
    );
    let kept = |(a, b): (bool, bool)| a == b;
    if dropped(u.0, u.1) && kept(w) && kept(c) {
        !stripped
    } else if kept(u) && dropped(w.0, w.1) && kept(c) {
        !weighted()
    } else if kept(u) && kept(w) && dropped(c.0, c.1) {
        !conditional
    } else {
        false
    }
}

/// Rejects input that is empty or clearly not HTML, with a reason.
fn check_input(html: &str) -> Result<(), Error> {
    let trimmed = html.trim_start_matches('\u{feff}').trim();
    if trimmed.is_empty() {
        return Err(Error::Empty);
    }
    let (mut chars, mut controls) = (0usize, 0usize);
    for c in trimmed.chars().take(BINARY_SAMPLE_CHARS) {
        chars += 1;
        controls += usize::from((c.is_control() && !c.is_whitespace()) || c == '\u{fffd}');
    }
    if controls * BINARY_CONTROLS > chars {
        return Err(Error::NotHtml("it looks like binary data".into()));
    }
    if !html.contains('<') {
        return Err(Error::NotHtml("it has no markup".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_binary_input_are_clear_errors() {
        assert_eq!(clean("  \n", &Options::default()), Err(Error::Empty));
        assert!(matches!(clean("just words", &Options::default()), Err(Error::NotHtml(_))));
        let junk: String = (0..2000u32).map(|i| char::from_u32(i % 32).unwrap()).collect();
        assert!(matches!(clean(&junk, &Options::default()), Err(Error::NotHtml(_))));
    }

    #[test]
    fn the_standfirst_beside_the_headline_comes_back_first() {
        let lead = "The harbour town voted on Tuesday to rebuild its old tidal mill by 2027";
        let body = "<p>The council met in the old market hall, and the debate went on late into the evening, with many residents speaking.</p>".repeat(6);
        let page = |description: &str| {
            format!(
                "<html><head><meta name=description content=\"{description}.\"></head><body>\
                 <header><h1>Mill</h1><div class=standfirst><span>The harbour town voted</span> \
                 on Tuesday to rebuild its old tidal mill by 2027.</div></header>\
                 <div class=article-body>{body}</div></body></html>"
            )
        };
        let a = clean(&page(lead), &Options::default()).unwrap();
        assert!(a.text_content.starts_with(lead), "{}", a.text_content);
        // a description the page does not show adds nothing
        let b = clean(
            &page("A summary written for search engines only, not on the page"),
            &Options::default(),
        )
        .unwrap();
        assert!(b.text_content.starts_with("The council met"), "{}", b.text_content);
    }

    #[test]
    fn the_byline_is_read_before_the_prune_stage_removes_its_box() {
        // The byline sits in the post's meta line, which the prune stage removes
        // as page furniture; a hidden author box before it and a commenter's name
        // in the comments (a block Readability strips as unlikely) are not bylines.
        let text = "<p>".to_string()
            + &"The council met on Tuesday to vote on the budget for the harbour. ".repeat(8)
            + "</p>";
        let body = format!("<h1>Harbour budget</h1><div class=entry-meta>Posted on May 3 by <a rel=author href=/u/jr>Jane Roe</a> in <a href=/c/news>News</a></div>{text}{text}");
        let page = |meta: &str| {
            format!("<html><body><div style='display: none'><span class=author>Hidden Name</span></div><article>{meta}{body}</article><div class=comments><span class=comment-author>Commenter</span><p>Nice.</p></div></body></html>")
        };
        let a = clean(&page(""), &Options::default()).unwrap();
        assert_eq!(a.byline.as_deref(), Some("Jane Roe"));
        assert!(!a.text_content.contains("Posted on"), "{}", a.text_content);
        // Without one in the article, none: not the hidden one, not the commenter.
        let bare = page("").replace("<a rel=author href=/u/jr>Jane Roe</a>", "Jane Roe");
        let b = clean(&bare.replace("entry-meta", "entry-info"), &Options::default()).unwrap();
        assert_eq!(b.byline, None, "{:?}", b.byline);
        // The page's metadata still comes first.
        let c = clean(
            &page("").replace("<html>", "<html><meta name=author content='Desk'>"),
            &Options::default(),
        )
        .unwrap();
        assert_eq!(c.byline.as_deref(), Some("Desk"));
    }

    #[test]
    fn the_direction_is_the_one_nearest_the_article() {
        let para = "<p>".to_string()
            + &"נכתב כאן טקסט ארוך של כתבה, עם פסיקים, כדי שהבחירה תמצא אותו. ".repeat(8)
            + "</p>";
        let dir = |html: String| clean(&html, &Options::default()).unwrap().dir;
        // Only the article's container says it.
        let inner = format!("<html><body><nav><a href=/>Home</a></nav><main dir=RTL><div>{para}{para}</div></main></body></html>");
        assert_eq!(dir(inner).as_deref(), Some("rtl"));
        // The body is nearer than the root element.
        let body = format!("<html dir=ltr><body dir=rtl><div>{para}{para}</div></body></html>");
        assert_eq!(dir(body).as_deref(), Some("rtl"));
        // Nothing below the root element says: the root's word stands.
        let root = format!("<html dir=rtl><body><div>{para}{para}</div></body></html>");
        assert_eq!(dir(root).as_deref(), Some("rtl"));
        assert_eq!(dir(format!("<html><body><div>{para}</div></body></html>")), None);
    }

    #[test]
    fn a_chosen_region_is_the_article_and_the_metadata_still_comes_from_the_page() {
        let story = "<p>".to_string()
            + &"The council met on Tuesday to vote on the budget for the harbour, at length. "
                .repeat(10)
            + "</p>";
        let html = format!(
            "<html lang=fr><head><title>Harbour budget | Gazette</title>\
             <meta name=author content='Jane Roe'></head><body>\
             <nav><a href=/>Home</a></nav><article>{story}{story}</article>\
             <aside class='sidebar widget' id=side><h3>Club notes</h3>\
             <ul><li><a href=/a>Rowing on Sunday</a></li><li><a href=/b>Sailing on Monday</a></li></ul>\
             <div class=ad-slot>Advertisement</div>\
             <div class=share><a href='https://x.example/share'>Share</a></div></aside></body></html>"
        );
        let auto = clean(&html, &Options::default()).unwrap();
        assert!(auto.text_content.contains("council met") && !auto.text_content.contains("Rowing"));
        let opts = |region: &str| Options { region: Some(region.into()), ..Options::default() };
        let a = clean(&html, &opts("aside#side")).unwrap();
        assert!(a.text_content.contains("Rowing on Sunday"), "{}", a.text_content);
        assert!(
            a.text_content.contains("Sailing on Monday") && a.text_content.contains("Club notes")
        );
        assert!(!a.text_content.contains("council met"), "{}", a.text_content);
        assert!(!a.text_content.contains("Advertisement"), "clutter inside the region still goes");
        assert_eq!((&a.title, &a.byline, &a.lang), (&auto.title, &auto.byline, &auto.lang));
        assert_eq!((a.byline.as_deref(), a.lang.as_deref()), (Some("Jane Roe"), Some("fr")));
        // only what was removed from the region is reported
        assert!(
            a.removed.iter().all(|r| r.kind != report::RemovalKind::Navigation),
            "{:?}",
            a.removed
        );
        assert!(a.removed.iter().any(|r| r.kind == report::RemovalKind::Ad), "{:?}", a.removed);
        // a marker attribute set by a shim, and a selector that matches nothing
        let marked = html.replace("<aside", "<aside data-ac-region=1");
        assert_eq!(clean(&marked, &opts("[data-ac-region]")).unwrap().text_content, a.text_content);
        assert_eq!(clean(&html, &opts("#nothing")).unwrap(), auto);
        // a block the rules would remove whole (links under "Recommended"): the choice wins
        let rec = html.replace("<h3>Club notes</h3>", "<h2>Recommended</h2>");
        let r = clean(&rec, &opts("#side")).unwrap();
        assert!(r.text_content.contains("Rowing on Sunday"), "{}", r.text_content);
        assert_eq!(clean(&html, &opts("div > p")).unwrap(), auto);
    }

    #[test]
    fn removed_blocks_keep_their_html_only_when_asked() {
        let para = "<p>".to_string()
            + &"Words of the story, told at some length for the reader here. ".repeat(8)
            + "</p>";
        let html = format!(
            "<html><body><article>{para}<p>The mill turns again.</p>\
             <div class=share-bar><a href=/s>Share on <b>Mastodon</b></a></div>{para}</article></body></html>"
        );
        let plain = clean(&html, &Options::default()).unwrap();
        assert!(plain.removed.iter().all(|r| r.html.is_none() && r.after.is_none()));
        let opts = Options {
            url: Some("https://example.com/a/b.html".into()),
            removed_html: true,
            ..Options::default()
        };
        let kept = clean(&html, &opts).unwrap();
        let share =
            kept.removed.iter().find(|r| r.sample.contains("Mastodon")).expect("the share bar");
        let block = share.html.as_deref().unwrap();
        assert!(
            block.contains("<b>Mastodon</b>") && block.contains("https://example.com/s"),
            "{block}"
        );
        assert!(
            share.after.as_deref().unwrap().ends_with("The mill turns again."),
            "{:?}",
            share.after
        );
        // the same removals, the same article
        assert_eq!(kept.removed.len(), plain.removed.len());
        assert_eq!(
            kept.content,
            clean(&html, &Options { url: opts.url.clone(), ..Options::default() }).unwrap().content
        );
    }

    #[test]
    fn retries_run_when_the_rule_they_drop_did_something() {
        // The only text sits in a block named "extra" (unlikely, but of no class weight): the first attempt
        // strips it as unlikely and finds nothing; the retry without that rule runs.
        let text = "Words of the only story on this page, told at some length. ".repeat(12);
        let html = format!("<html><body><div class=extra><p>{text}</p></div></body></html>");
        let a = clean(&html, &Options::default()).unwrap();
        assert!(a.text_content.contains("only story on this page"), "{a:?}");
        assert!(a.length > 500);
    }

    #[test]
    fn a_page_without_an_article_is_read_from_its_main_region() {
        // A grid of short cards: no block passes the article thresholds.
        let cards: String = (1..=12)
            .map(|i| format!("<li class=card><a href=/p/{i}>Hand-thrown mug number {i}</a><span class=price>€{i}0</span></li>"))
            .collect();
        let html = format!("<html><body><nav><a href=/>Shop</a> <a href=/cart>Cart</a></nav><main><h1>Mugs</h1><p>12 products</p><ul class=grid>{cards}</ul></main><footer><a href=/terms>Terms</a></footer></body></html>");
        let a = clean(&html, &Options::default()).unwrap();
        assert!(a.text_content.contains("Hand-thrown mug number 1"), "{a:?}");
        assert!(a.text_content.contains("Hand-thrown mug number 12"));
        assert!(!a.text_content.contains("Terms") && !a.text_content.contains("Cart"));
        assert!(!a.readerable, "a page read from its region is not an article");
        // A short article (over a sentence) on a page of little else stays the article.
        let short = "<html><body><h1>Short note</h1><div class=post><p>Back from the coast after two weeks of wind and rain. More next week, once the photos are sorted and dried out.</p></div><ul><li><a href=/a>Archive</a></li></ul></body></html>";
        let b = clean(short, &Options::default()).unwrap();
        assert!(b.text_content.starts_with("Back from the coast"), "{}", b.text_content);
        assert!(!b.text_content.contains("Short note"), "{}", b.text_content);
    }

    #[test]
    fn an_attempt_is_the_same_only_when_the_one_rule_it_drops_did_nothing() {
        let [all, no_strip, no_weights, bare] = score::ATTEMPTS;
        let never = || -> bool { panic!("weights not needed") };
        assert!(gives_the_same(all, no_strip, false, true, never));
        assert!(!gives_the_same(all, no_strip, true, false, never));
        assert!(gives_the_same(no_strip, no_weights, true, true, || false));
        assert!(!gives_the_same(no_strip, no_weights, false, false, || true));
        assert!(gives_the_same(no_weights, bare, true, false, never));
        assert!(!gives_the_same(no_weights, bare, false, true, never));
        // two rules dropped at once, or none: run it
        assert!(!gives_the_same(all, no_weights, false, false, || false));
        assert!(!gives_the_same(all, all, false, false, || false));
    }
}
