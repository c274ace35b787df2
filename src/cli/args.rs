//! The command line's arguments: usage, formats, parsing.

use std::ffi::OsString;

use article_cleaner::Options;

pub const USAGE: &str = "\
usage: article-cleaner [--url URL] [--region SELECTOR] [--format json|html|text|markdown] FILE...

Turns article pages into their reader-mode version.

  FILE               an HTML file; `-` reads standard input
  --url URL          the pages' address, to make relative links absolute
  --region SELECTOR  the part of the page that holds the article, when the
                     automatic pick is wrong: tag#id.class[attr=value]
  --format FORMAT    json (default): one JSON object per file per line, with
                     \"source\" (the FILE as given) and every article field;
                     html, text, markdown: the article of a single FILE
  -h, --help         print this help
  -V, --version      print the version

Exit status: 0 if every file was cleaned, 1 if some failed, 2 on usage errors.";

#[derive(Clone, Copy, PartialEq)]
pub enum Format {
    Json,
    Html,
    Text,
    Markdown,
}

pub struct Cli {
    pub options: Options,
    pub format: Format,
    pub files: Vec<OsString>,
}

pub enum Command {
    Run(Cli),
    Help,
    Version,
}

/// Reads the arguments (without the program's name).
pub fn parse_args(args: impl Iterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args;
    let (mut url, mut region, mut format, mut files) = (None, None, Format::Json, Vec::new());
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
            "--region" => region = Some(value("--region")?),
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
    Ok(Command::Run(Cli { options: Options { url, region, ..Options::default() }, format, files }))
}
