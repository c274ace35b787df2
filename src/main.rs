//! `article-cleaner`: the command line over [`article_cleaner::clean`].
//!
//! Files are cleaned in parallel; results are printed in the order given, one
//! JSON object per line (or one page as HTML, text or Markdown). A bad file is
//! reported on one stderr line and the run goes on. The parts are in `cli/`:
//! `args.rs` (usage and parsing), `run.rs` (the parallel run), `render.rs`.

mod cli;

use std::process::ExitCode;

use cli::args::{parse_args, Command, USAGE};

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
        Ok(Command::Run(args)) => cli::run::run(&args),
        Err(message) => {
            eprintln!("article-cleaner: {message}\n{}", USAGE.lines().next().unwrap_or_default());
            eprintln!("Try 'article-cleaner --help' for more information.");
            ExitCode::from(2)
        }
    }
}
