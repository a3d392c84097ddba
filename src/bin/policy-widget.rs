//! `policy-widget`: import a policy's text into a bundle, validate a bundle,
//! write a bundle's `<privacy-policy>` element with the policy inside as plain
//! HTML, print the bundle's JSON Schema.
//!
//! Every failure is one line on stderr and a non-zero exit, never a panic:
//! this runs in editors' scripts and CI jobs that must say what went wrong.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use policy_widget::bundle::{self, load::MAX_BUNDLE_BYTES, PublisherKind};
use policy_widget::components;
use policy_widget::import::source::{self, Format};
use policy_widget::import::{self, Options};

/// The most `import` reads of a file or an address.
const MAX_DOCUMENT_BYTES: u64 = source::MAX_DOCUMENT_BYTES as u64;

#[derive(Parser)]
#[command(
    name = "policy-widget",
    version,
    about = "Turn a privacy policy into the widget's JSON bundle, and check bundles."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
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
}

#[derive(Clone, Copy, ValueEnum)]
enum SourceFormat {
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
enum Kind {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(message) => {
            eprintln!("policy-widget: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> Result<ExitCode, String> {
    match command {
        Command::Import { file, format, timeout, title, publisher, kind, website, jurisdiction, url, language } => {
            let name = file.display().to_string();
            let address = file.to_str().filter(|f| f.starts_with("https://") || f.starts_with("http://"));
            let Fetched { bytes, served, address: base } = match address {
                Some(address) => fetch(address, std::time::Duration::from_secs(timeout))?,
                None => Fetched { bytes: read_bytes(&file, MAX_DOCUMENT_BYTES)?, served: None, address: None },
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
            let imported = import::import_source(source, &options);
            for notice in &imported.notices {
                eprintln!("note: {notice}");
            }
            let problems = bundle::validate::validate(&imported.bundle);
            for p in &problems {
                eprintln!("warning: the imported bundle needs editing: {p}");
            }
            print(&bundle::to_json(&imported.bundle))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Validate { file } => match checked_bundle(&file, Problems::Stdout)? {
            Ok(_) => Ok(ExitCode::SUCCESS),
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
            let bundle = match checked_bundle(&file, Problems::Stderr)? {
                Ok(bundle) => bundle,
                Err(code) => return Ok(code),
            };
            let (element, warnings) = components::page_element(bundle, &src, &pairs);
            for w in warnings {
                eprintln!("warning: {w}");
            }
            print(&element)?;
            eprintln!("note: {FALLBACK_CSS_NOTE}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema => {
            print(&schema_json())?;
            Ok(ExitCode::SUCCESS)
        }
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
}

/// Reads and validates a bundle, printing its warnings on stderr. A bundle
/// that is not valid gives `Err` with exit code 1, its problems printed as
/// `path: message`, one a line.
fn checked_bundle(file: &Path, problems_to: Problems) -> Result<Result<bundle::Bundle, ExitCode>, String> {
    let text = read_text(file, MAX_BUNDLE_BYTES as u64)?;
    match bundle::check_json(&text) {
        Ok((bundle, warnings)) => {
            for w in warnings {
                eprintln!("warning: {w}");
            }
            Ok(Ok(bundle))
        }
        Err(problems) => {
            let mut out = String::new();
            for p in problems {
                out.push_str(&format!("{p}\n"));
            }
            match problems_to {
                Problems::Stdout => print(&out)?,
                Problems::Stderr => eprint!("{out}"),
            }
            Ok(Err(ExitCode::from(1)))
        }
    }
}

fn schema_json() -> String {
    bundle::to_json(&policy_widget::bundle::schema())
}

fn print(text: &str) -> Result<(), String> {
    let mut out = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(format!("cannot write: {e}")),
        _ => Ok(()),
    }
}

/// Reads a UTF-8 text file (or stdin for `-`), refusing directories, files over
/// `limit` and bytes that are not text, each with a one-line reason.
fn read_text(path: &Path, limit: u64) -> Result<String, String> {
    let name = path.display();
    let bytes = read_bytes(path, limit)?;
    if bytes.contains(&0) {
        return Err(format!("{name}: looks like a binary file, not text"));
    }
    String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// A file's bytes (`-`: stdin's), refused beyond `limit` before they are read.
fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let name = path.display().to_string();
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin().take(limit + 1).read_to_end(&mut bytes).map_err(|e| format!("stdin: {e}"))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| format!("{name}: {}", io_reason(&e)))?;
        if meta.is_dir() {
            return Err(format!("{name}: is a directory, not a file"));
        }
        check_text_size(&name, meta.len(), limit)?;
        std::fs::File::open(path)
            .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
            .map_err(|e| format!("{name}: {}", io_reason(&e)))?;
    }
    check_text_size(&name, bytes.len() as u64, limit)?;
    Ok(bytes)
}

fn check_text_size(name: &str, size: u64, limit: u64) -> Result<(), String> {
    if size > limit {
        return Err(source::too_large(name, size as usize, limit as usize));
    }
    Ok(())
}

/// A policy's web page, or a PDF or Word file on the web.
struct Fetched {
    bytes: Vec<u8>,
    /// The format its server declares.
    served: Option<Format>,
    /// Its address after redirects, against which its relative links resolve.
    address: Option<url::Url>,
}

fn fetch(address: &str, timeout: std::time::Duration) -> Result<Fetched, String> {
    use ureq::ResponseExt;
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(10)
        .http_status_as_error(false)
        .user_agent(concat!("policy-widget/", env!("CARGO_PKG_VERSION"), " (privacy policy importer)"))
        .build()
        .into();
    let mut response = agent.get(address).call().map_err(|e| match e {
        ureq::Error::Timeout(_) => {
            format!("{address}: no answer within {} seconds (--timeout to wait longer)", timeout.as_secs())
        }
        ureq::Error::TooManyRedirects => format!("{address}: too many redirects"),
        e => format!("{address}: could not be fetched ({e})"),
    })?;
    let status = response.status();
    if !status.is_success() {
        return Err(format!(
            "{address}: the server answered {} {}",
            status.as_u16(),
            status.canonical_reason().unwrap_or_default()
        ));
    }
    let final_address = response.get_uri().to_string();
    let content_type =
        response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_ascii_lowercase();
    let served = match content_type.split(';').next().unwrap_or_default().trim() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "application/pdf" => Some(Format::Pdf),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => Some(Format::Docx),
        "text/plain" => Some(Format::Text),
        "text/markdown" => Some(Format::Markdown),
        _ => None,
    };
    let bytes = response.body_mut().with_config().limit(MAX_DOCUMENT_BYTES).read_to_vec().map_err(|e| {
        format!(
            "{address}: the answer could not be read ({e}), or is over the {} MB limit",
            MAX_DOCUMENT_BYTES / (1024 * 1024)
        )
    })?;
    if served.is_none() && Format::sniff(&bytes).is_none() {
        let what = if content_type.is_empty() { "something without a type".to_owned() } else { content_type };
        return Err(format!("{address}: the server sent {what}, not a web page, PDF or Word document"));
    }
    Ok(Fetched { bytes, served, address: url::Url::parse(&final_address).ok() })
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    }
}
