//! Native benchmark: `parse_html` alone against the whole `clean`, per page.
//!
//! ```sh
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench engine            # every page
//! CARGO_TARGET_DIR=/tmp/target-bench cargo bench --bench engine -- nytimes  # names containing "nytimes"
//! BENCH_RUNS=11 BENCH_JSON=/tmp/engine.json cargo bench --bench engine
//! ```
//!
//! Pages: `www/samples/*.html`, `tests/pages/*.html` and, when present,
//! `../shared/corpus/readability/*/source.html`, decoded as the CLI does. Each page
//! gets one warm-up, then `BENCH_RUNS` (default 5) interleaved rounds of parse and
//! clean; the figures are per-page medians. The target: clean ≤ 2 × parse.
//!
//! `clean` frees the document it parses before it returns, so its time holds that
//! freeing; the parse side is timed both ways, building the DOM alone and building
//! plus freeing it (the same work clean does for it), and both ratios are printed.
//! The target is judged on the second, where each side pays for the DOM it builds.
//!
//! A std-only harness (no criterion): the figures wanted are per-page medians over
//! ~130 pages and one ratio, which `Instant` and a sort give; criterion would add
//! ~40 crates to the dev build and its statistics per benchmark, not a corpus summary.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use article_cleaner::internals::parse_html;
use article_cleaner::{clean, decode_html, Options};

fn pages() -> Vec<(String, PathBuf)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [root.join("www/samples"), root.join("tests/pages")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "html" || e == "htm"))
            .collect();
        files.sort();
        for f in files {
            let name = f.file_stem().unwrap().to_string_lossy().into_owned();
            out.push((name, f));
        }
    }
    let corpus = root.join("../shared/corpus/readability");
    if let Ok(entries) = std::fs::read_dir(&corpus) {
        let mut dirs: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        dirs.sort();
        for d in dirs {
            let f = d.join("source.html");
            if f.is_file() {
                let name = format!("readability/{}", d.file_name().unwrap().to_string_lossy());
                out.push((name, f));
            }
        }
    } else {
        eprintln!("(../shared/corpus/readability not found: project pages only)");
    }
    out
}

fn median(xs: &mut [Duration]) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn p95(xs: &mut [f64]) -> f64 {
    xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
    xs[((xs.len() as f64 * 0.95).ceil() as usize).saturating_sub(1)]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

struct Row {
    name: String,
    bytes: usize,
    parse: Duration,
    /// dropping the parsed document (rcdom frees node by node)
    free: Duration,
    clean: Duration,
    ok: bool,
}

fn main() {
    let filters: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let runs: usize =
        std::env::var("BENCH_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5).max(1);
    let options =
        Options { url: Some("https://example.com/news/article.html".into()), ..Options::default() };
    let mut rows = Vec::new();
    for (name, path) in pages() {
        if !filters.is_empty() && !filters.iter().any(|f| name.contains(f.as_str())) {
            continue;
        }
        let bytes = std::fs::read(&path).expect("read page");
        let html = decode_html(&bytes);
        // warm-up (page cache, allocator, lazy statics)
        std::hint::black_box(parse_html(&html));
        let ok = clean(&html, &options).is_ok();
        let mut parse_t = Vec::with_capacity(runs);
        let mut free_t = Vec::with_capacity(runs);
        let mut clean_t = Vec::with_capacity(runs);
        for _ in 0..runs {
            let t = Instant::now();
            let doc = parse_html(std::hint::black_box(&html));
            parse_t.push(t.elapsed());
            let t = Instant::now();
            drop(std::hint::black_box(doc));
            free_t.push(t.elapsed());
            let t = Instant::now();
            let article = clean(std::hint::black_box(&html), &options);
            clean_t.push(t.elapsed());
            drop(std::hint::black_box(article));
        }
        rows.push(Row {
            name,
            bytes: bytes.len(),
            parse: median(&mut parse_t),
            free: median(&mut free_t),
            clean: median(&mut clean_t),
            ok,
        });
    }
    if rows.is_empty() {
        eprintln!("no pages matched");
        return;
    }

    println!("{:<44} {:>9} {:>10} {:>10} {:>7}", "page", "KB", "parse ms", "clean ms", "ratio");
    for r in &rows {
        println!(
            "{:<44} {:>9.1} {:>10.3} {:>10.3} {:>7.2}{}",
            r.name,
            r.bytes as f64 / 1024.0,
            ms(r.parse),
            ms(r.clean),
            ms(r.clean) / ms(r.parse).max(1e-9),
            if r.ok { "" } else { "  (error result)" }
        );
    }
    let total_parse: f64 = rows.iter().map(|r| ms(r.parse)).sum();
    let total_free: f64 = rows.iter().map(|r| ms(r.free)).sum();
    let total_clean: f64 = rows.iter().map(|r| ms(r.clean)).sum();
    let mut parse_ms: Vec<f64> = rows.iter().map(|r| ms(r.parse)).collect();
    let mut clean_ms: Vec<f64> = rows.iter().map(|r| ms(r.clean)).collect();
    let mut ratios: Vec<f64> = rows.iter().map(|r| ms(r.clean) / ms(r.parse).max(1e-9)).collect();
    let med = |xs: &mut Vec<f64>| {
        xs.sort_by(|a, b| a.partial_cmp(b).unwrap());
        xs[xs.len() / 2]
    };
    let built_ratio = total_clean / total_parse;
    let total_ratio = total_clean / (total_parse + total_free);
    let mut freed_ratios: Vec<f64> =
        rows.iter().map(|r| ms(r.clean) / ms(r.parse + r.free).max(1e-9)).collect();
    println!();
    println!("{} pages, {runs} runs each (medians per page)", rows.len());
    println!(
        "parse: median {:.3} ms, p95 {:.3} ms, total {:.1} ms",
        med(&mut parse_ms.clone()),
        p95(&mut parse_ms),
        total_parse
    );
    println!("freeing the parsed DOM: total {total_free:.1} ms");
    println!(
        "clean: median {:.3} ms, p95 {:.3} ms, total {:.1} ms",
        med(&mut clean_ms.clone()),
        p95(&mut clean_ms),
        total_clean
    );
    println!(
        "clean / parse (building the DOM only): total {:.2}x, per-page median {:.2}x, p95 {:.2}x",
        built_ratio,
        med(&mut ratios.clone()),
        p95(&mut ratios),
    );
    println!(
        "clean / parse (building and freeing the DOM): total {:.2}x, per-page median {:.2}x, p95 {:.2}x (target: total <= 2x) {}",
        total_ratio,
        med(&mut freed_ratios.clone()),
        p95(&mut freed_ratios),
        if total_ratio <= 2.0 { "MET" } else { "NOT MET" }
    );

    if let Ok(out) = std::env::var("BENCH_JSON") {
        let mut json = String::from("[\n");
        for (i, r) in rows.iter().enumerate() {
            json.push_str(&format!(
                "  {{\"page\": {:?}, \"bytes\": {}, \"parseMs\": {:.4}, \"freeMs\": {:.4}, \"cleanMs\": {:.4}}}{}\n",
                r.name,
                r.bytes,
                ms(r.parse),
                ms(r.free),
                ms(r.clean),
                if i + 1 < rows.len() { "," } else { "" }
            ));
        }
        json.push_str("]\n");
        std::fs::write(&out, json).expect("write BENCH_JSON");
        println!("per-page figures → {out}");
    }
}
