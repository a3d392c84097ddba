//! The `policy-widget` command as developers and CI jobs use it: exit codes,
//! one problem per line as `path: message`, and a one-line error for bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policy-widget")).args(args).output().unwrap()
}

fn fixture(path: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path).display().to_string()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn every_subcommand_has_help() {
    for args in [
        &["--help"][..],
        &["import", "--help"],
        &["validate", "--help"],
        &["render", "--help"],
        &["schema", "--help"],
        &["diff", "--help"],
    ] {
        let out = run(args);
        assert!(out.status.success(), "{args:?}");
        assert!(stdout(&out).contains("Usage:"), "{args:?}");
    }
}

#[test]
fn the_seed_bundles_validate() {
    for slug in ["concord", "westfield", "massgov-2016", "massgov-2002", "cambridge-schools"] {
        let path = format!("{}/www/policies/{slug}.json", env!("CARGO_MANIFEST_DIR"));
        let out = run(&["validate", &path]);
        assert!(out.status.success(), "{slug}: {}", stdout(&out));
        assert_eq!(stdout(&out), "");
    }
}

/// Each broken bundle, with the exact lines `validate` must print.
const BROKEN: [(&str, &[&str]); 7] = [
    ("syntax.json", &["line 1, column 38: not valid JSON: EOF while parsing a value"]),
    ("empty.json", &["the bundle is empty"]),
    ("array.json", &["the bundle must be a JSON object"]),
    ("wrong-version.json", &["format: unsupported format \"policy-bundle/2\"; this widget reads \"policy-bundle/1\""]),
    ("wrong-type.json", &["sections[0].blocks[0]: invalid type: string \"not a list\", expected a sequence (line 1, column 172)"]),
    ("duplicate-id.json", &["sections[3].id: duplicate id \"security\""]),
    (
        "dangling.json",
        &[
            "meta.effective_date: \"2023-02-30\" is not a date as YYYY-MM-DD",
            "summary[0].section: no section has id \"nowhere\"",
            "facts[0].answer: \"yes\" is not an answer for cookies",
            "sections[0].blocks[0].text: link target \"javascript:alert(1)\" is not allowed (only https, http, mailto, tel or #section-id)",
            "sections[0].blocks[0].text: link to \"#missing\" but no section has that id",
            "config.heading_level: 9 is not a heading level from 1 to 6",
            "config.theme.accent: \"red;}\" is not a colour as #rgb or #rrggbb",
        ],
    ),
];

#[test]
fn validate_reports_every_problem_with_its_path() {
    for (file, expected) in BROKEN {
        let out = run(&["validate", &fixture(&format!("invalid/{file}"))]);
        assert_eq!(out.status.code(), Some(1), "{file}");
        let lines: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
        assert_eq!(lines, expected.iter().map(|s| s.to_string()).collect::<Vec<_>>(), "{file}");
    }
}

#[test]
fn unknown_fields_are_warnings_not_failures() {
    let out = run(&["validate", &fixture("invalid/unknown-field.json")]);
    assert!(out.status.success());
    let err = stderr(&out);
    assert!(err.contains("warning: colour: unknown field, ignored"), "{err}");
    assert!(err.contains("warning: config.labels.no_such_label: unknown label, ignored"), "{err}");
}

#[test]
fn bad_input_gets_one_line_and_a_failing_exit_never_a_panic() {
    let dir = std::env::temp_dir().join(format!("policy-widget-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary = dir.join("binary.txt");
    std::fs::write(&binary, [0x7f, b'E', b'L', b'F', 0, 1, 2]).unwrap();
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, b"Privacy policy \xe9t\xe9\n").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let huge = dir.join("huge.json");
    std::fs::write(&huge, vec![b' '; 50 * 1024 * 1024]).unwrap();
    let cases: [(&str, String, &str); 7] = [
        ("import", dir.join("missing.txt").display().to_string(), "no such file"),
        ("import", dir.display().to_string(), "is a directory"),
        ("import", binary.display().to_string(), "binary file"),
        ("import", latin1.display().to_string(), "not UTF-8"),
        ("import", empty.display().to_string(), "the file is empty"),
        ("import", huge.display().to_string(), "over the 5 MB limit"),
        ("validate", huge.display().to_string(), "over the 5 MB limit"),
    ];
    for (command, path, words) in cases {
        let out = run(&[command, &path]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{command} {path}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(words) && !err.contains("panicked"), "{command} {path}: {err}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_prints_a_valid_bundle_and_notes_what_it_removed() {
    let out = run(&[
        "import",
        &fixture("import/pdf-residue.txt"),
        "--publisher",
        "Office of Example",
        "--kind",
        "state-agency",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bundle = policy_widget::bundle::check_json(&stdout(&out)).expect("valid bundle").0;
    assert_eq!(bundle.meta.publisher.name, "Office of Example");
    let notes = stderr(&out);
    assert!(notes.contains("removed page number \"4\""), "{notes}");
    assert!(notes.contains("removed word-processor comment \"Formatted: Indent: Left: 0\"\""), "{notes}");
    assert!(notes.contains("removed word-processor comment \"Comment [JS1]: check with counsel\""), "{notes}");
    assert!(notes.contains("joined a sentence split across a break"), "{notes}");
}

#[test]
fn render_prints_the_element_with_the_policy_inside_as_html() {
    let concord = format!("{}/www/policies/concord.json", env!("CARGO_MANIFEST_DIR"));
    let out = run(&["render", &concord, "--src", "/privacy/a&b\".json", "--attribute", "heading-level=3"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(
        html.starts_with("<privacy-policy src=\"/privacy/a&amp;b&quot;.json\" heading-level=\"3\">\n<article "),
        "{html:.120}"
    );
    assert!(html.ends_with("</article>\n</privacy-policy>\n"));
    assert!(html.contains("<h3 class=\"pp-title\">Privacy Policy - Town of Concord</h3>"), "the attribute applies");
    assert!(stderr(&out).contains("content-visibility: auto"), "the CSS rule for it: {}", stderr(&out));

    // A bad attribute value is a warning, as on the element; a bad bundle's problems go to stderr.
    let out = run(&["render", &concord, "--src", "/p.json", "--attribute", "heading-level=9"]);
    assert!(out.status.success() && stderr(&out).contains("heading-level"), "{}", stderr(&out));
    let out = run(&["render", &fixture("invalid/duplicate-id.json"), "--src", "/p.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "sections[3].id: duplicate id \"security\"\n");
    assert_eq!(stdout(&out), "", "no HTML, and no problems where the HTML would go");
    let out = run(&["render", &concord, "--src", "/p.json", "--attribute", "heading-level"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("write it as name=value"), "{}", stderr(&out));
    let out = run(&["render", &concord, "--src", "/p.json", "--attribute", "x onload=alert(1)"]);
    assert_eq!(out.status.code(), Some(2), "a name that is not an attribute's name is refused");
}

/// The demo's page with the policy in the page holds what `render` prints for its
/// bundle now. `make bundles` (`UPDATE_BUNDLES=1`) writes it there.
#[test]
fn the_demos_policy_in_the_page_is_what_render_prints() {
    const START: &str = "<!-- policy-widget render: from here to the end marker, written by `make bundles` -->\n";
    const END: &str = "<!-- policy-widget render: end -->";
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = run(&[
        "render",
        &root.join("www/policies/concord.json").display().to_string(),
        "--src",
        "../policies/concord.json",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let path = root.join("www/demo/in-page.html");
    let page = std::fs::read_to_string(&path).unwrap();
    let (before, rest) = page.split_once(START).expect("the start marker");
    let (_, after) = rest.split_once(END).expect("the end marker");
    let current = format!("{before}{START}{}{END}{after}", stdout(&out));
    if std::env::var_os("UPDATE_BUNDLES").is_some() {
        std::fs::write(&path, &current).unwrap();
        return;
    }
    assert!(page == current, "www/demo/in-page.html is not render's output for concord.json: run `make bundles`");
}

#[test]
fn schema_is_the_checked_in_one() {
    let out = run(&["schema"]);
    let checked_in =
        std::fs::read_to_string(format!("{}/www/schema/policy-bundle.schema.json", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    assert!(stdout(&out) == checked_in, "www/schema/policy-bundle.schema.json is stale: run `make schema`");
    assert!(checked_in.contains("\"$id\"") && checked_in.contains("policy-bundle/1"));
}

/// Serves each request's path from `routes` (path → status, content type,
/// body), answering `count` requests; its address.
fn serve(routes: Vec<(&'static str, u16, &'static str, Vec<u8>)>, count: usize) -> String {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(count) {
            let mut stream = stream.unwrap();
            let mut request = String::new();
            BufReader::new(&stream).read_line(&mut request).unwrap();
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let (status, kind, body) = match routes.iter().find(|r| r.0 == path) {
                Some((_, status, kind, body)) => (*status, *kind, body.clone()),
                None => (404, "text/plain", b"not found".to_vec()),
            };
            let location =
                if status == 301 { format!("Location: {}\r\n", String::from_utf8_lossy(&body)) } else { String::new() };
            let head = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{location}Connection: close\r\n\r\n",
                body.len()
            );
            stream.write_all(head.as_bytes()).and_then(|_| stream.write_all(&body)).unwrap();
        }
    });
    address
}

#[test]
fn import_reads_a_web_page_from_its_address_after_redirects_with_its_links_made_absolute() {
    let page = std::fs::read(fixture("import/sources/drupal.html")).unwrap();
    let address = serve(
        vec![
            ("/privacy", 301, "text/html", b"/town/privacy-policy".to_vec()),
            ("/town/privacy-policy", 200, "text/html; charset=utf-8", page),
        ],
        2,
    );
    let out = run(&["import", &format!("{address}/privacy")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bundle: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        bundle["meta"]["canonical_url"],
        format!("{address}/town/privacy-policy"),
        "the page's own address, after redirects"
    );
    assert_eq!(bundle["meta"]["title"], "Website Privacy Policy");
    let intro = bundle["intro"][0]["text"].as_str().unwrap();
    assert!(intro.contains(&format!("[our website]({address}/)")), "relative links made absolute: {intro}");
}

#[test]
fn import_of_an_address_says_what_went_wrong_in_one_line() {
    let address = serve(vec![("/logo.png", 200, "image/png", b"\x89PNG\r\n\x1a\n....".to_vec())], 2);
    for (path, words) in [
        ("/missing", "the server answered 404"),
        ("/logo.png", "the server sent image/png, not a web page, PDF or Word document"),
    ] {
        let out = run(&["import", &format!("{address}{path}")]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{path}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(words), "{path}: {err}");
    }
    let out = run(&["import", "http://127.0.0.1:9/nothing-listens-here"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("could not be fetched"), "{}", stderr(&out));
}

#[test]
fn import_takes_the_format_from_the_content_then_the_name_then_the_flag() {
    let dir = std::env::temp_dir().join(format!("policy-widget-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let page = "<!doctype html><html lang=\"en\"><body><main><h2>Cookies</h2><p>We use <b>session</b> cookies only.</p></main></body></html>";
    let disguised = dir.join("policy.txt");
    std::fs::write(&disguised, page).unwrap();
    let out = run(&["import", &disguised.display().to_string()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("named as plain text but reads as a web page (HTML)"), "{}", stderr(&out));
    assert!(stdout(&out).contains("We use **session** cookies only."), "{}", stdout(&out));

    // Stdin has no name: the flag says what the content does not.
    let mut child = Command::new(env!("CARGO_BIN_EXE_policy-widget"))
        .args(["import", "-", "--format", "html"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(b"<p><b>Cookies</b></p><p>We use session cookies only.</p>").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let bundle: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(bundle["sections"][0]["title"], "Cookies");

    let scan = dir.join("scan.pdf");
    std::fs::write(&scan, b"%PDF-1.4 damaged").unwrap();
    let out = run(&["import", &scan.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("could not read the PDF"), "{}", stderr(&out));
    let word = dir.join("policy.docx");
    std::fs::write(&word, b"PK\x03\x04 not a zip").unwrap();
    let out = run(&["import", &word.display().to_string()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("could not read the Word document"), "{}", stderr(&out));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_refuses_what_holds_no_policy_in_one_line() {
    let dir = std::env::temp_dir().join(format!("policy-widget-refusals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let chrome_only = dir.join("menu.html");
    std::fs::write(&chrome_only, "<html><body><nav><a href=/>Home</a></nav><footer>© Town</footer></body></html>")
        .unwrap();
    let zip = dir.join("photos.docx");
    // A zip with one stored file that is not a Word document's text.
    let mut bytes = b"PK\x03\x04\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00a.txt".to_vec();
    bytes.extend(b"PK\x01\x02\x14\x00\x14\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x05\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00a.txt");
    bytes.extend(b"PK\x05\x06\x00\x00\x00\x00\x01\x00\x01\x00\x33\x00\x00\x00\x23\x00\x00\x00\x00\x00");
    std::fs::write(&zip, bytes).unwrap();
    let huge = dir.join("scan.pdf");
    let mut pdf = b"%PDF-1.4\n".to_vec();
    pdf.resize(51 * 1024 * 1024, b' ');
    std::fs::write(&huge, pdf).unwrap();
    for (path, words) in [
        (&chrome_only, "the page holds no text besides its menus"),
        (&zip, "a zip archive, not a Word document"),
        (&huge, "over the 50 MB limit"),
    ] {
        let out = run(&["import", &path.display().to_string()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{}: {err}", path.display());
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.contains(words), "{}: {err}", path.display());
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn import_of_an_address_that_never_answers_stops_at_its_timeout() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}/privacy", listener.local_addr().unwrap());
    // Accepts the connection and never answers.
    let held = std::thread::spawn(move || listener.accept().map(|(stream, _)| stream));
    let out = run(&["import", &address, "--timeout", "1"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no answer within 1 seconds"), "{err}");
    drop(held);
}
