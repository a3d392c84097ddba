//! The command in Node: the npm package's `policy-widget`
//! (`packaging/npm/cli/policy-widget.mjs`) reads the files and, before the
//! run, fetches a web address; this wasm side words every answer as the
//! native command does.

use wasm_bindgen::prelude::*;

use super::{Answer, Host, ReadError};

struct Node {
    /// `(path, limit) → Uint8Array`, throwing `ENOENT`, `EACCES`, `EISDIR`,
    /// `EFBIG:<size>` or a message.
    read: js_sys::Function,
    /// The answer for the address being imported, fetched before the run:
    /// `{ address, bytes, contentType, url }` or `{ address, error }`.
    fetched: JsValue,
}

fn field(value: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(value, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

impl Host for Node {
    fn read(&self, path: &str, limit: u64) -> Result<Vec<u8>, ReadError> {
        match self.read.call2(&JsValue::NULL, &path.into(), &JsValue::from_f64(limit as f64)) {
            Ok(bytes) => Ok(js_sys::Uint8Array::new(&bytes).to_vec()),
            Err(e) => {
                let code = e.as_string().unwrap_or_else(|| "could not be read".into());
                Err(match code.as_str() {
                    "ENOENT" => ReadError::NotFound,
                    "EACCES" => ReadError::PermissionDenied,
                    "EISDIR" => ReadError::IsDirectory,
                    _ => match code.strip_prefix("EFBIG:").and_then(|size| size.parse().ok()) {
                        Some(size) => ReadError::TooLarge(size),
                        None => ReadError::Other(code),
                    },
                })
            }
        }
    }

    fn fetch(&self, address: &str, _timeout_secs: u64) -> Result<Answer, String> {
        if field(&self.fetched, "address").as_string().as_deref() != Some(address) {
            return Err(format!("{address}: could not be fetched"));
        }
        if let Some(error) = field(&self.fetched, "error").as_string() {
            return Err(error);
        }
        Ok(Answer {
            bytes: js_sys::Uint8Array::new(&field(&self.fetched, "bytes")).to_vec(),
            content_type: field(&self.fetched, "contentType").as_string().unwrap_or_default(),
            address: field(&self.fetched, "url").as_string().unwrap_or_else(|| address.to_owned()),
        })
    }
}

/// Runs the command with `args` (without the program's name): a promise of
/// `[code, stdout, stderr]`.
#[wasm_bindgen(js_name = runCommand)]
pub async fn run_command(args: Vec<String>, read: js_sys::Function, fetched: JsValue) -> js_sys::Array {
    let out = super::run_args(args, &Node { read, fetched }).await;
    [JsValue::from(out.code), out.stdout.into(), out.stderr.into()].iter().collect()
}

/// After the wasm stopped (a trap: a reader's panic, which aborts here), the
/// message the native command gives for that file, if the reader knows it.
#[wasm_bindgen(js_name = interruptedRead)]
pub fn interrupted_read() -> Option<String> {
    crate::import::source::interrupted()
}
