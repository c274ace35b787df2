//! Running the files: read, decode, clean and render each, in parallel, and
//! print the results in the order given; a bad file is one stderr line.

use std::cell::{Cell, RefCell};
use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Mutex;

use article_cleaner::{clean, decode_html};

use super::args::Cli;
use super::render::render;

/// Results wait here until every earlier file is printed.
struct Printer {
    next: usize,
    ready: Vec<Option<Result<String, String>>>,
    failed: bool,
    progress: Option<Progress>,
}

/// Cleans every file of `cli`; the exit code says whether all worked.
pub fn run(cli: &Cli) -> ExitCode {
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
