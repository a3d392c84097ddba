//! `policy-widget`, the command: its arguments and what each subcommand does,
//! apart from where files come from ([`Host`]) and where output goes
//! ([`Output`]). The native command (`src/bin/policy-widget.rs`) runs it on
//! the disk and the network; compiled to wasm with the studio, the npm
//! package's `npx privacy-policy-widget` runs it in Node (`node.rs`). Same
//! code, so the same output and exit codes.
//!
//! Every failure is one line on stderr and a non-zero exit, never a panic:
//! this runs in editors' scripts and CI jobs that must say what went wrong.

#[cfg(target_arch = "wasm32")]
mod node;

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::bundle::{self, load::MAX_BUNDLE_BYTES, PublisherKind};
use crate::components;
use crate::import::source::{self, Format};
use crate::import::{self, Options};

/// The most `import` reads of a file or an address.
pub const MAX_DOCUMENT_BYTES: u64 = source::MAX_DOCUMENT_BYTES as u64;

#[derive(Parser)]
#[command(
    name = "policy-widget",
    version,
    about = "Turn a privacy policy into the widget's JSON bundle, and check bundles."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Import a policy; print the bundle as JSON on stdout.
    ///
    /// Reads a web page (.html), a Word document (.docx), a PDF, plain text or
    /// Markdown, from a file, stdin or a web address. Notes about what the
    /// importer removed or joined (the site's menus, running headers, page
    /// numbers, comments, sentences split by page breaks) go to stderr: review them.
    Import {
        /// The policy: a file, `-` for stdin, or the address of its web page (`https://…`).
        file: PathBuf,
        /// The file's format, where neither its name nor its content says (stdin).
        #[arg(long, value_enum)]
        format: Option<SourceFormat>,
        /// How long to wait for a web address's answer, in seconds.
        #[arg(long, default_value_t = 30, value_name = "SECONDS")]
        timeout: u64,
        /// The policy's title, if the text's own is missing or wrong.
        #[arg(long)]
        title: Option<String>,
        /// Who publishes the policy, e.g. "Town of Concord".
        #[arg(long)]
        publisher: Option<String>,
        /// What kind of body the publisher is.
        #[arg(long, value_enum)]
        kind: Option<Kind>,
        /// The publisher's home page.
        #[arg(long)]
        website: Option<String>,
        /// Where the policy's law applies, e.g. "Massachusetts".
        #[arg(long)]
        jurisdiction: Option<String>,
        /// The address of the page that carries the policy (an imported address's own, by default).
        #[arg(long)]
        url: Option<String>,
        /// The policy's language (BCP 47). Default: read from the text (English, Spanish or Portuguese), else `en`.
        #[arg(long)]
        language: Option<String>,
        /// Last version's bundle: its reviewed summary points and facts, who
        /// publishes it and its display options come along where their
        /// sections remain (each that cannot is said on stderr); it goes into
        /// the history, and what changed since it into `changes`.
        #[arg(long, value_name = "OLD.json")]
        previous: Option<PathBuf>,
    },
    /// Check a bundle: exit 0 when valid, else 1 with each problem as `path: message`.
    Validate {
        /// The bundle (JSON). `-` reads stdin.
        file: PathBuf,
    },
    /// Print the `<privacy-policy>` element for a page, with the policy inside it as plain HTML.
    ///
    /// The page shows that HTML at once, before the widget has loaded, and where
    /// it cannot run (scripts off, a crawler); the widget takes its place. Run it
    /// again whenever the bundle changes.
    Render {
        /// The bundle (JSON). `-` reads stdin.
        file: PathBuf,
        /// The bundle's address as the page will load it: the element's `src`.
        #[arg(long)]
        src: String,
        /// An attribute of the element, as `name=value` (`heading-level=3`,
        /// `hide=facts`); repeat for more. The HTML follows it as the widget does.
        #[arg(long = "attribute", value_name = "NAME=VALUE")]
        attributes: Vec<String>,
    },
    /// Print the bundle format's JSON Schema.
    Schema,
    /// Print what changed between two versions of a policy: a redline to review.
    ///
    /// Sections are matched by id, then by title, then by their words, so a
    /// renamed or moved section shows as changed, not as removed and added.
    /// Inside a changed section, deleted words are marked [-like this-] and
    /// inserted ones {+like this+}. Exit 0 whatever changed; 1 if a bundle is
    /// not valid.
    Diff {
        /// The earlier version's bundle (JSON).
        old: PathBuf,
        /// The later version's bundle (JSON). `-` reads stdin.
        new: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
pub enum SourceFormat {
    Txt,
    Md,
    Html,
    Docx,
    Pdf,
}

impl From<SourceFormat> for Format {
    fn from(f: SourceFormat) -> Self {
        match f {
            SourceFormat::Txt => Format::Text,
            SourceFormat::Md => Format::Markdown,
            SourceFormat::Html => Format::Html,
            SourceFormat::Docx => Format::Docx,
            SourceFormat::Pdf => Format::Pdf,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum Kind {
    Town,
    City,
    County,
    StateAgency,
    SchoolDistrict,
    Other,
}

impl From<Kind> for PublisherKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Town => PublisherKind::Town,
            Kind::City => PublisherKind::City,
            Kind::County => PublisherKind::County,
            Kind::StateAgency => PublisherKind::StateAgency,
            Kind::SchoolDistrict => PublisherKind::SchoolDistrict,
            Kind::Other => PublisherKind::Other,
        }
    }
}

/// What a run printed, and its exit code.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Output {
    pub stdout: String,
    pub stderr: String,
    pub code: u8,
}

impl Output {
    fn note(&mut self, line: impl std::fmt::Display) {
        self.stderr.push_str(&format!("{line}\n"));
    }
}

/// Why a file could not be read.
#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    NotFound,
    PermissionDenied,
    IsDirectory,
    /// Its size, over the limit asked for.
    TooLarge(u64),
    Other(String),
}

/// A web address's answer, once its server said yes.
pub struct Answer {
    pub bytes: Vec<u8>,
    /// The `Content-Type` header, as sent.
    pub content_type: String,
    /// The address after redirects, against which a page's links resolve.
    pub address: String,
}

/// Where the command's files and web pages come from.
pub trait Host {
    /// A file's bytes (`-`: stdin's), refused beyond `limit` (before reading,
    /// where the size is known).
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError>;
    /// A web address's answer within `timeout_secs`, at most
    /// [`MAX_DOCUMENT_BYTES`] of it; else the line that says why not.
    fn fetch(&self, address: &str, timeout_secs: u64) -> Result<Answer, String>;
}

/// Parses `args` (without the program's name) and runs them, as the
/// command line does: `--help` on stdout with exit 0, a wrong argument on
/// stderr with exit 2.
pub async fn run_args(args: Vec<String>, host: &dyn Host) -> Output {
    match Cli::try_parse_from(std::iter::once("policy-widget".to_owned()).chain(args)) {
        Ok(cli) => run(cli.command, host).await,
        Err(e) => {
            let text = e.render().to_string();
            let code = e.exit_code() as u8;
            if e.use_stderr() {
                Output { stderr: text, code, ..Output::default() }
            } else {
                Output { stdout: text, code, ..Output::default() }
            }
        }
    }
}

/// Runs one subcommand.
pub async fn run(command: Command, host: &dyn Host) -> Output {
    let mut out = Output::default();
    match execute(command, host, &mut out).await {
        Ok(code) => out.code = code,
        Err(message) => {
            out.note(format!("policy-widget: {message}"));
            out.code = 2;
        }
    }
    out
}

async fn execute(command: Command, host: &dyn Host, out: &mut Output) -> Result<u8, String> {
    match command {
        Command::Import {
            file,
            format,
            timeout,
            title,
            publisher,
            kind,
            website,
            jurisdiction,
            url,
            language,
            previous,
        } => {
            // Last version first: a bad one is refused before any fetch.
            let previous = match previous {
                Some(path) => match checked_bundle(host, &path, Problems::StderrNamed, out)? {
                    Ok(bundle) => Some(bundle),
                    Err(code) => return Ok(code),
                },
                None => None,
            };
            let name = file.display().to_string();
            let address = file.to_str().filter(|f| f.starts_with("https://") || f.starts_with("http://"));
            let (bytes, served, base) = match address {
                Some(address) => {
                    let answer = host.fetch(address, timeout)?;
                    let served = served_format(&answer.content_type);
                    if served.is_none() && Format::sniff(&answer.bytes).is_none() {
                        let what = match answer.content_type.to_ascii_lowercase() {
                            t if t.is_empty() => "something without a type".to_owned(),
                            t => t,
                        };
                        return Err(format!("{address}: the server sent {what}, not a web page, PDF or Word document"));
                    }
                    (answer.bytes, served, url::Url::parse(&answer.address).ok())
                }
                None => (read_bytes(host, &file, MAX_DOCUMENT_BYTES)?, None, None),
            };
            let file = source::File {
                name: &name,
                bytes: &bytes,
                declared: format.map(Format::from).or(served),
                base: base.as_ref(),
            };
            let source = source::read_file(file)?;
            let options = Options {
                title,
                publisher,
                publisher_kind: kind.map(Into::into),
                website,
                jurisdiction,
                canonical_url: url.or(base.map(|b| b.to_string())),
                language,
            };
            let mut imported = import::import_source(source, &options);
            for notice in &imported.notices {
                out.note(format!("note: {notice}"));
            }
            if let Some(previous) = &previous {
                for line in import::previous::update(previous, &mut imported.bundle) {
                    out.note(format!("note: {line}"));
                }
            }
            for p in bundle::validate::validate(&imported.bundle) {
                out.note(format!("warning: the imported bundle needs editing: {p}"));
            }
            out.stdout.push_str(&bundle::to_json(&imported.bundle));
            Ok(0)
        }
        Command::Diff { old, new } => {
            let mut versions = Vec::new();
            for file in [&old, &new] {
                match checked_bundle(host, file, Problems::StderrNamed, out)? {
                    Ok(bundle) => versions.push(bundle),
                    Err(code) => return Ok(code),
                }
            }
            let changes = crate::changes::compare(&versions[0], &versions[1]);
            out.stdout.push_str(&crate::changes::redline::redline(&changes, &versions[0], &versions[1]));
            Ok(0)
        }
        Command::Validate { file } => match checked_bundle(host, &file, Problems::Stdout, out)? {
            Ok(_) => Ok(0),
            Err(code) => Ok(code),
        },
        Command::Render { file, src, attributes } => {
            let mut pairs = Vec::new();
            for attribute in &attributes {
                // The name goes into the HTML as it is: only an attribute's name.
                let pair = attribute
                    .split_once('=')
                    .map(|(name, value)| (name.trim(), value.trim()))
                    .filter(|(name, _)| !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
                pairs.push(pair.ok_or_else(|| format!("--attribute {attribute}: write it as name=value"))?);
            }
            let bundle = match checked_bundle(host, &file, Problems::Stderr, out)? {
                Ok(bundle) => bundle,
                Err(code) => return Ok(code),
            };
            let (element, warnings) = components::page_element(bundle, &src, &pairs).await;
            for w in warnings {
                out.note(format!("warning: {w}"));
            }
            out.stdout.push_str(&element);
            out.note(format!("note: {FALLBACK_CSS_NOTE}"));
            Ok(0)
        }
        Command::Schema => {
            out.stdout.push_str(&bundle::to_json(&bundle::schema()));
            Ok(0)
        }
    }
}

/// The format a server's `Content-Type` declares.
fn served_format(content_type: &str) -> Option<Format> {
    match content_type.to_ascii_lowercase().split(';').next().unwrap_or_default().trim() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/pdf" => Some(Format::Pdf),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some(Format::Docx),
        "text/plain" => Some(Format::Text),
        "text/markdown" => Some(Format::Markdown),
        _ => None,
    }
}

/// Said after `render`'s HTML, where the editor pasting it will read it
/// (docs/embedding.md, "The policy in the page itself").
const FALLBACK_CSS_NOTE: &str =
    "with this rule in the site's stylesheet the page shows a long policy as fast as a short one: \
     privacy-policy section[id] { content-visibility: auto; contain-intrinsic-size: auto 20em; }";

/// Where a bundle's problems go: stdout for `validate`, whose output they are;
/// stderr for `render`, whose stdout is HTML (`> snippet.html` must not catch them).
#[derive(Clone, Copy)]
enum Problems {
    Stdout,
    Stderr,
    /// On stderr, each after the file's name: where two bundles are read.
    StderrNamed,
}

/// Reads and validates a bundle, its warnings on stderr. A bundle that is not
/// valid gives `Err` with exit code 1, its problems written as `path:
/// message`, one a line.
fn checked_bundle(
    host: &dyn Host,
    file: &std::path::Path,
    problems_to: Problems,
    out: &mut Output,
) -> Result<Result<bundle::Bundle, u8>, String> {
    let text = read_text(host, file, MAX_BUNDLE_BYTES as u64)?;
    match bundle::check_json(&text) {
        Ok((bundle, warnings)) => {
            for w in warnings {
                out.note(format!("warning: {w}"));
            }
            Ok(Ok(bundle))
        }
        Err(problems) => {
            let (target, name) = match problems_to {
                Problems::Stdout => (&mut out.stdout, String::new()),
                Problems::Stderr => (&mut out.stderr, String::new()),
                Problems::StderrNamed => (&mut out.stderr, format!("{}: ", file.display())),
            };
            for p in problems {
                target.push_str(&format!("{name}{p}\n"));
            }
            Ok(Err(1))
        }
    }
}

/// Reads a UTF-8 text file (or stdin for `-`), refusing directories, files over
/// `limit` and bytes that are not text, each with a one-line reason.
fn read_text(host: &dyn Host, path: &std::path::Path, limit: u64) -> Result<String, String> {
    let name = path.display();
    let bytes = read_bytes(host, path, limit)?;
    if bytes.contains(&0) {
        return Err(format!("{name}: looks like a binary file, not text"));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// A file's bytes (`-`: stdin's), refused beyond `limit`.
fn read_bytes(host: &dyn Host, path: &std::path::Path, limit: u64) -> Result<Vec<u8>, String> {
    let name = path.display().to_string();
    let too_large = |size: u64| source::too_large(&name, size as usize, limit as usize);
    let bytes = host.read(&name, limit).map_err(|e| match e {
        ReadError::NotFound => format!("{name}: no such file"),
        ReadError::PermissionDenied => format!("{name}: permission denied"),
        ReadError::IsDirectory => format!("{name}: is a directory, not a file"),
        ReadError::TooLarge(size) => too_large(size),
        ReadError::Other(why) if name == "-" => format!("stdin: {why}"),
        ReadError::Other(why) => format!("{name}: {why}"),
    })?;
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}
