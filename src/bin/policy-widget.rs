//! `policy-widget`, the native command: [`policy_widget::cli`] run on the
//! disk, stdin and the network.

use std::io::{Read, Write};
use std::process::ExitCode;

use clap::Parser;
use policy_widget::cli::{self, Answer, Cli, Host, ReadError, MAX_DOCUMENT_BYTES};

fn main() -> ExitCode {
    let cli = Cli::parse();
    let out = futures::executor::block_on(cli::run(cli.command, &Native));
    let _ = std::io::stderr().write_all(out.stderr.as_bytes());
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    match stdout.write_all(out.stdout.as_bytes()).and_then(|_| stdout.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("policy-widget: cannot write: {e}");
            ExitCode::from(2)
        }
        _ => ExitCode::from(out.code),
    }
}

/// Files from the disk (`-`: stdin), pages from the web.
struct Native;

impl Host for Native {
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        let mut bytes = Vec::new();
        if path == "-" {
            std::io::stdin().take(limit + 1).read_to_end(&mut bytes).map_err(|e| ReadError::Other(e.to_string()))?;
            return Ok(bytes);
        }
        let meta = std::fs::metadata(path).map_err(|e| io_error(&e))?;
        if meta.is_dir() {
            return Err(ReadError::IsDirectory);
        }
        if meta.len() > limit {
            return Err(ReadError::TooLarge(meta.len()));
        }
        std::fs::File::open(path).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes)).map_err(|e| io_error(&e))?;
        Ok(bytes)
    }

    fn fetch(&self, address: &str, timeout_secs: u64) -> Result<Answer, String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(std::time::Duration::from_secs(timeout_secs)))
            .max_redirects(10)
            .http_status_as_error(false)
            .user_agent(concat!("policy-widget/", env!("CARGO_PKG_VERSION"), " (privacy policy importer)"))
            .build()
            .into();
        let mut response = agent.get(address).call().map_err(|e| match e {
            ureq::Error::Timeout(_) => {
                format!("{address}: no answer within {timeout_secs} seconds (--timeout to wait longer)")
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
        use ureq::ResponseExt;
        let final_address = response.get_uri().to_string();
        let content_type =
            response.headers().get("content-type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_owned();
        let bytes = response.body_mut().with_config().limit(MAX_DOCUMENT_BYTES).read_to_vec().map_err(|e| {
            format!(
                "{address}: the answer could not be read ({e}), or is over the {} MB limit",
                MAX_DOCUMENT_BYTES / (1024 * 1024)
            )
        })?;
        Ok(Answer { bytes, content_type, address: final_address })
    }
}

fn io_error(e: &std::io::Error) -> ReadError {
    match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound,
        std::io::ErrorKind::PermissionDenied => ReadError::PermissionDenied,
        _ => ReadError::Other(e.to_string()),
    }
}
