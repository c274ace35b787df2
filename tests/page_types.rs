//! Page types on small hand-written pages (tests/pages/types/): each page's
//! comment says what must stay and what must go; these tests hold the engine
//! to it.

use article_cleaner::{clean, Article, Options, PageType};

fn read(name: &str) -> Article {
    let path = format!("{}/tests/pages/types/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(&path).expect("test page");
    clean(&html, &Options::default()).expect("an article")
}

/// Each needle is in the text, in this order.
fn stays_in_order(a: &Article, needles: &[&str]) {
    let text = &a.text_content;
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(i) => from += i + needle.len(),
            None => {
                panic!("{needle:?} missing (or out of order) in:\n{text}", text = a.text_content)
            }
        }
    }
}

fn goes(a: &Article, needles: &[&str]) {
    for needle in needles {
        assert!(
            !a.text_content.contains(needle),
            "{needle:?} should be gone from:\n{}",
            a.text_content
        );
    }
}

#[test]
fn a_discourse_like_thread_read_from_its_noscript() {
    let a = read("discourse-like.html");
    assert_eq!(a.page_type, PageType::Thread);
    stays_in_order(
        &a,
        &[
            "marguerite",
            "February 3, 2025, 8:15am",
            "smelled sharply of nail polish",
            "tobias_k",
            "February 3, 2025, 9:02am",
            "run out of food",
            "Feed it twice a day instead of once.",
            "starter 20 g + flour 50 g",
            "ines.r",
            "Feed it twice a day instead of once.",
            "rye starters get hungry faster",
            "marguerite",
            "February 7, 2025, 6:20pm",
            "two feeds a day fixed it",
        ],
    );
    goes(
        &a,
        &[
            "7 Likes", "Suggested topics", "Rye crumb too dense", "Powered by", "Privacy",
            "Home Bakers Corner",
        ],
    );
    // each post is a unit of its own
    assert_eq!(a.content.matches("<article").count(), 4, "{}", a.content);
}

#[test]
fn an_invision_like_thread_is_not_removed_as_comments() {
    let a = read("invision-like.html");
    assert_eq!(a.page_type, PageType::Thread);
    stays_in_order(
        &a,
        &[
            "harbourlights",
            "June 11, 2024",
            "slips through its crimp",
            "Dmitri V",
            "June 11, 2024",
            "I have re-crimped it twice with the original sleeve.",
            "Crimp sleeves are made for one cable size only.",
            "harbourlights",
            "June 14, 2024",
            "A two-screw clamp has held",
        ],
    );
    goes(
        &a,
        &[
            "Recommended Posts", "Members", "1.2k posts", "Boat: 4.9 m",
            "Paddle far, paddle often", "Moderator. Please read", "Share this post", "Quote",
            "Thanks 4", "Create an account", "Page 1 of 1", "Gallery",
        ],
    );
}

#[test]
fn a_phpbb_like_thread_without_schema_is_found_by_its_structure() {
    let a = read("phpbb-like.html");
    assert_eq!(a.page_type, PageType::Thread);
    stays_in_order(
        &a,
        &[
            "quillon",
            "Sun Sep 08, 2024 4:40 pm",
            "reads two pounds low",
            "fernhill",
            "Sun Sep 08, 2024 6:02 pm",
            "quillon wrote:",
            "simply add two pounds",
            "should be replaced, not corrected",
            "quillon",
            "Tue Sep 10, 2024 7:15 am",
            "Ordered a new gauge",
        ],
    );
    goes(
        &a,
        &[
            "Posts: 312", "Joined:", "Re: Pressure canner", "Quote", "Jars on the shelf",
            "Please search the board", "Return to Board index", "Jump to", "Page 1 of 1",
            "Who is online",
        ],
    );
}

#[test]
fn a_qa_page_gives_the_question_then_the_accepted_answer() {
    let a = read("qa-accepted.html");
    assert_eq!(a.page_type, PageType::Thread);
    stays_in_order(
        &a,
        &[
            "wren_codes",
            "Where could the water be coming from?",
            "lisbeth",
            "leave a drip loop",
            "Okonkwo A.",
            "Sealed boxes breathe",
            "pm_garrick",
            "A sachet of silica gel",
        ],
    );
    goes(
        &a,
        &[
            "Improve this answer", "Follow", "Add a comment", "Related questions",
            "Hot network questions", "22.1k", "enclosure outdoor",
        ],
    );
}

#[test]
fn a_docs_page_keeps_code_tables_admonitions_and_terms_without_its_navigation() {
    let a = read("docs-sidebar-toc.html");
    assert_eq!(a.page_type, PageType::Documentation);
    stays_in_order(
        &a,
        &[
            "The runner starts a job when its schedule comes due.",
            "A first schedule",
            "schedule = \"15 2 * * *\"",
            "tidewater plan --job compress-logs --next 3",
            "Fields",
            "timezone | string | The zone the schedule is read in",
            "Daylight saving time",
            "does not run that night",
            "Due time",
            "The moment a schedule next matches the clock.",
            "Missed run",
        ],
    );
    // code keeps its language, tables and definition lists their markup
    assert!(a.content.contains("language-toml"), "{}", a.content);
    assert!(a.content.contains("language-shell"), "{}", a.content);
    assert!(a.content.contains("<table") && a.content.contains("<dl"));
    goes(
        &a,
        &[
            "Getting started", "Configuration reference", "On this page", "Docs › Guides",
            "Version 3.2", "Edit this page", "Previous", "Next", "Was this page helpful?",
            "Copyright 2025",
        ],
    );
}

#[test]
fn a_listicle_keeps_all_ten_items() {
    let a = read("listicle-10.html");
    assert_eq!(a.page_type, PageType::Collection);
    let mut order = vec!["Spring is the best time to get out of town"];
    let names = [
        "1. Sawtooth Ridge Loop", "2. Millrace Gorge Path", "3. Heron Marsh Circuit",
        "4. Old Quarry Steps", "5. Lantern Pass Traverse", "6. Birchwood Ramble",
        "7. Cormorant Point Cliffs", "8. Three Bridges Trail", "9. Fern Hollow Descent",
        "10. Summit Cairn Scramble",
    ];
    order.extend(names);
    order.push("check the trail notices before you leave");
    stays_in_order(&a, &order);
    assert_eq!(a.content.matches("<img").count(), 10, "{}", a.content);
    assert_eq!(a.content.matches("<figcaption").count(), 10);
    goes(
        &a,
        &[
            "Advertisement", "Read also", "Twelve winter walks", "Share", "Get the weekend walk",
            "You might also like", "Nine waterfalls", "© 2025",
        ],
    );
}

#[test]
fn a_product_page_keeps_its_description_features_and_specifications() {
    let a = read("product.html");
    assert_eq!(a.page_type, PageType::Product);
    stays_in_order(
        &a,
        &[
            "Fieldnote 2 Pocket Barometer",
            "€89.00",
            "a pocket barometer and altimeter for walkers and sailors",
            "expect the weather to turn",
            "Battery-free aneroid movement",
            "Spray-sealed brass case with a hinged lid",
            "Diameter | 58 mm",
            "Pressure range | 960 to 1060 hPa",
            "Warranty | Five years",
        ],
    );
    goes(
        &a,
        &[
            "Add to cart", "Quantity", "Customers also viewed", "Storm Glass Desk Barometer",
            "Recently viewed", "Pocket Thermometer", "Join the weather list", "Returns",
        ],
    );
}

#[test]
fn an_article_keeps_its_comments_out_and_stays_an_article() {
    // The same run of posts (author, date, body) under an article's prose is
    // its comment section: not the page's content.
    let para = |i: usize| {
        format!("<p>The harbour board met for the {i}th time this year to settle the question of the old tidal mill, and the vote, after a long evening of speeches from residents and traders, went the way most had expected.</p>")
    };
    let comment = |name: &str, day: usize, text: &str| {
        format!("<li class=comment><div class=comment-author><a href=/user/{name}>{name}</a></div><time datetime=2025-03-{day:02}>March {day}, 2025</time><div class=comment-body><p>{text}</p></div></li>")
    };
    let html = format!(
        "<html><head><script type=application/ld+json>{{\"@type\":\"NewsArticle\",\"headline\":\"Mill\"}}</script></head><body>\
         <article><h1>The mill will turn again</h1>{}</article>\
         <section id=comments><h2>3 comments</h2><ol>{}{}{}</ol></section></body></html>",
        (1..=6).map(para).collect::<String>(),
        comment("ferryman", 3, "About time too, the mill has stood idle for forty years."),
        comment("quaysider", 4, "Who pays for the sluice gates? Nobody said at the meeting."),
        comment("ferryman", 5, "The lottery grant covers the gates, it was in last week's paper."),
    );
    let a = clean(&html, &Options::default()).unwrap();
    assert_eq!(a.page_type, PageType::Article);
    stays_in_order(&a, &["the 1th time", "the 6th time"]);
    goes(&a, &["About time too", "sluice gates", "lottery grant", "ferryman"]);
    // Without the article above them, the same posts are the page: a thread.
    let alone = format!(
        "<html><body><h1>Is the mill worth saving?</h1><ol class=posts>{}{}{}</ol></body></html>",
        comment("ferryman", 3, "About time too, the mill has stood idle for forty years."),
        comment("quaysider", 4, "Who pays for the sluice gates? Nobody said at the meeting."),
        comment("ferryman", 5, "The lottery grant covers the gates, it was in last week's paper."),
    );
    let t = clean(&alone, &Options::default()).unwrap();
    assert_eq!(t.page_type, PageType::Thread, "{}", t.text_content);
    stays_in_order(
        &t,
        &[
            "ferryman", "March 3, 2025", "About time too", "quaysider", "sluice gates", "ferryman",
            "lottery grant",
        ],
    );
}
