//! The pipeline: [`clean`] runs the stages top to bottom, parse → metadata →
//! prune → score and clean (with Readability's retries) → sanitize → text and
//! Markdown, and collects the removal report on the way.

use crate::article::{reading_time, Article, Error, Options};
use crate::rules::limits::{BINARY_CONTROLS, BINARY_SAMPLE_CHARS};
use crate::{dom, markdown, metadata, parse, prune, readerable, report, sanitize, score, text};

/// Cleans one page: finds the article, removes the clutter, returns the reader-mode result.
pub fn clean(html: &str, options: &Options) -> Result<Article, Error> {
    check_input(html)?;
    let doc = parse::parse_page(html).map_err(Error::TooLarge)?;
    let base = parse::base_url(&doc, options.url.as_deref());
    let meta = metadata::extract(&doc, base.as_ref());
    let readerable = readerable::is_readerable_doc(&doc);
    let mut report = report::Report::default();
    prune::prune(&doc, &mut report);
    let (picked, cleaning) = pick_and_clean(&doc, &meta);
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
    let excerpt = meta.excerpt.clone().or_else(|| text::first_paragraph(&picked.content));
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
    })
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
        let picked = score::pick(doc, meta, flags);
        let mut report = report::Report::default();
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
