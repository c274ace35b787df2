//! `article-cleaner`: the command line over [`article_cleaner::clean`].
//!
//! Files are cleaned in parallel; results are printed in the order given, one
//! JSON object per line (or one page as HTML, text or Markdown). A bad file is
//! reported on one stderr line and the run goes on.

use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use article_cleaner::{clean, decode_html, escape_html, Article, Options};
use serde::Serialize;

const USAGE: &str = "\
usage: article-cleaner [--url URL] [--format json|html|text|markdown] FILE...

Turns article pages into their reader-mode version.

  FILE               an HTML file; `-` reads standard input
  --url URL          the pages' address, to make relative links absolute
  --format FORMAT    json (default): one JSON object per file per line, with
                     \"source\" (the FILE as given) and every article field;
                     html, text, markdown: the article of a single FILE
  -h, --help         print this help
  -V, --version      print the version

Exit status: 0 if every file was cleaned, 1 if some failed, 2 on usage errors.";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Html,
    Text,
    Markdown,
}

struct Cli {
    options: Options,
    format: Format,
    files: Vec<OsString>,
}

enum Command {
    Run(Cli),
    Help,
    Version,
}

fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("article-cleaner {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Run(cli)) => run(&cli),
        Err(message) => {
            eprintln!("article-cleaner: {message}\n{}", USAGE.lines().next().unwrap_or_default());
            eprintln!("Try 'article-cleaner --help' for more information.");
            ExitCode::from(2)
        }
    }
}

fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args;
    let (mut url, mut format, mut files) = (None, Format::Json, Vec::new());
    while let Some(arg) = args.next() {
        let Some(text) = arg.to_str().filter(|t| t.starts_with('-') && *t != "-") else {
            files.push(arg);
            continue;
        };
        let (flag, inline) = match text.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_owned())),
            _ => (text, None),
        };
        let mut value = |name: &str| match inline.clone() {
            Some(v) => Ok(v),
            None => args
                .next()
                .map(|v| v.to_string_lossy().into_owned())
                .ok_or_else(|| format!("{name} needs a value")),
        };
        match flag {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--url" => url = Some(value("--url")?),
            "--format" => {
                format = match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "html" => Format::Html,
                    "text" => Format::Text,
                    "markdown" | "md" => Format::Markdown,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' (json, html, text or markdown)"
                        ))
                    }
                }
            }
            "--" => files.extend(args.by_ref()),
            _ => return Err(format!("unknown option '{text}'")),
        }
    }
    if files.is_empty() {
        return Err("no input file (use - for standard input)".into());
    }
    if format != Format::Json && files.len() > 1 {
        return Err(
            "--format html, text and markdown take a single file; use json for several".into()
        );
    }
    Ok(Command::Run(Cli { options: Options { url }, format, files }))
}

/// One line of `--format json`: the source, then every article field.
#[derive(Serialize)]
struct JsonLine<'a> {
    source: &'a str,
    #[serde(flatten)]
    article: &'a Article,
}

/// Results wait here until every earlier file is printed.
struct Printer {
    next: usize,
    ready: Vec<Option<Result<String, String>>>,
    failed: bool,
    progress: Option<Progress>,
}

fn run(cli: &Cli) -> ExitCode {
    install_panic_hook();
    let stdin = if cli.files.iter().any(|f| f == "-") {
        let mut bytes = Vec::new();
        match io::stdin().lock().read_to_end(&mut bytes) {
            Ok(_) => Ok(bytes),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        }
    } else {
        Ok(Vec::new())
    };
    let count = cli.files.len();
    let show_progress = count > 1 && io::stderr().is_terminal();
    let printer = Mutex::new(Printer {
        next: 0,
        ready: (0..count).map(|_| None).collect(),
        failed: false,
        progress: show_progress.then(|| Progress::new(count)),
    });
    let next_file = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // Files are handed out in order, so few results ever wait to be printed.
    let work = || {
        while !stop.load(Ordering::Relaxed) {
            let index = next_file.fetch_add(1, Ordering::Relaxed);
            let Some(path) = cli.files.get(index) else {
                break;
            };
            let result = process(path, &stdin, cli);
            let mut printer = printer.lock().unwrap_or_else(|e| e.into_inner());
            printer.ready[index] = Some(result);
            if let Err(e) = printer.flush(&cli.files) {
                if e.kind() != io::ErrorKind::BrokenPipe {
                    eprintln!("article-cleaner: cannot write the output: {e}");
                }
                printer.failed = true;
                stop.store(true, Ordering::Relaxed);
            }
        }
    };
    let threads = rayon::current_num_threads().min(count);
    if threads <= 1 {
        work();
    } else {
        rayon::scope(|s| (0..threads).for_each(|_| s.spawn(|_| work())));
    }
    let printer = printer.into_inner().unwrap_or_else(|e| e.into_inner());
    if let Some(progress) = &printer.progress {
        progress.clear();
    }
    if printer.failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

impl Printer {
    /// Prints every result that is ready and whose predecessors are printed.
    fn flush(&mut self, files: &[OsString]) -> io::Result<()> {
        let mut out = io::stdout().lock();
        while let Some(result) = self.ready.get_mut(self.next).and_then(Option::take) {
            let path = files[self.next].to_string_lossy();
            self.next += 1;
            if let Some(progress) = &self.progress {
                progress.clear();
            }
            match result {
                Ok(text) => writeln!(out, "{text}")?,
                Err(reason) => {
                    self.failed = true;
                    out.flush()?;
                    eprintln!("article-cleaner: {path}: {reason}");
                }
            }
            if let Some(progress) = &self.progress {
                out.flush()?;
                progress.draw(self.next);
            }
        }
        out.flush()
    }
}

/// Reads, decodes and cleans one file, then formats its result.
fn process(path: &OsString, stdin: &Result<Vec<u8>, String>, cli: &Cli) -> Result<String, String> {
    let bytes = if path == "-" { stdin.clone()? } else { read_file(path)? };
    if let Some(kind) = binary_kind(&bytes) {
        return Err(format!("the input is not HTML: it looks like {kind}"));
    }
    let html = decode_html(&bytes);
    drop(bytes);
    CATCHING.with(|c| c.set(true));
    let caught = panic::catch_unwind(AssertUnwindSafe(|| clean(&html, &cli.options)));
    CATCHING.with(|c| c.set(false));
    let article = caught
        .map_err(|_| {
            let why = LAST_PANIC.with(|p| p.borrow_mut().take()).unwrap_or_default();
            format!("internal error, please report it: {why}")
        })?
        .map_err(|e| e.to_string())?;
    render(&article, cli.format, &path.to_string_lossy())
}

fn read_file(path: &OsString) -> Result<Vec<u8>, String> {
    if std::fs::metadata(path).is_ok_and(|m| m.is_dir()) {
        return Err("is a directory".into());
    }
    std::fs::read(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => "no such file".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => format!("cannot read it: {e}"),
    })
}

/// Common binary formats people feed by mistake (compressed pages, images, PDFs).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"\x1f\x8b", "gzip data (decompress it first)"),
        (b"(\xb5/\xfd", "zstd data (decompress it first)"),
        (b"BZh", "bzip2 data (decompress it first)"),
        (b"\xfd7zXZ\0", "xz data (decompress it first)"),
        (b"PK\x03\x04", "a zip archive"),
        (b"%PDF-", "a PDF document"),
        (b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (b"\xff\xd8\xff", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"\x7fELF", "an executable"),
    ];
    MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)).map(|(_, kind)| *kind)
}

fn render(article: &Article, format: Format, source: &str) -> Result<String, String> {
    let title = article.title.trim();
    let titled = |heading: String, body: &str| {
        let body = body.trim_end();
        match (title.is_empty(), body.is_empty()) {
            (true, _) => body.to_owned(),
            (false, true) => heading,
            (false, false) => format!("{heading}\n\n{body}"),
        }
    };
    Ok(match format {
        Format::Json => {
            serde_json::to_string(&JsonLine { source, article }).map_err(|e| e.to_string())?
        }
        Format::Text => titled(title.to_owned(), &article.text_content),
        Format::Markdown => titled(format!("# {title}"), &article.markdown),
        Format::Html => {
            let lang = article
                .lang
                .as_deref()
                .map(|l| format!(" lang=\"{}\"", escape_html(l)))
                .unwrap_or_default();
            let dir = article
                .dir
                .as_deref()
                .map(|d| format!(" dir=\"{}\"", escape_html(d)))
                .unwrap_or_default();
            let heading = if title.is_empty() {
                String::new()
            } else {
                format!("<h1>{}</h1>\n", escape_html(title))
            };
            format!(
                "<!DOCTYPE html>\n<html{lang}{dir}>\n<head>\n<meta charset=\"utf-8\">\n\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
                 <title>{}</title>\n</head>\n<body>\n<article>\n{heading}{}\n</article>\n</body>\n</html>",
                escape_html(title),
                article.content.trim_end()
            )
        }
    })
}

thread_local! {
    /// The message of the last panic on this thread, for the one-line report.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
    /// Whether this thread is inside `catch_unwind` around the library.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
}

/// Panics inside the library are caught per file: keep their message for the
/// one-line report instead of letting the default hook print it; any other
/// panic goes to the default hook.
fn install_panic_hook() {
    let default_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if !CATCHING.with(Cell::get) {
            return default_hook(info);
        }
        let payload = info.payload();
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".into());
        let at =
            info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(format!("{message}{at}")));
    }));
}

/// A one-line progress bar on stderr (only drawn when stderr is a terminal).
struct Progress {
    total: usize,
}

impl Progress {
    fn new(total: usize) -> Self {
        let progress = Progress { total };
        progress.draw(0);
        progress
    }

    fn draw(&self, done: usize) {
        const WIDTH: usize = 30;
        let filled = done * WIDTH / self.total.max(1);
        eprint!(
            "\r[{}{}] {done}/{} files",
            "#".repeat(filled),
            " ".repeat(WIDTH - filled),
            self.total
        );
    }

    fn clear(&self) {
        eprint!("\r\x1b[2K");
    }
}
