//! `diary-sort serve`: a static file server for trying the pages locally, on tiny_http.
//!
//! It serves only `ROOT/www/` and `ROOT/pkg/` (the wasm-bindgen output) on 127.0.0.1, with the
//! strict Content-Security-Policy the pages must work under, so a page that needs an inline
//! script or style fails here first. `/` redirects to `/www/`; a directory serves its
//! `index.html`; a path that climbs out with `..` (literally or percent-encoded) is refused.
//! GET and HEAD only. HTTP itself (parsing, keep-alive, HEAD without a body, malformed requests)
//! is tiny_http's; this module is the routing, the headers and the MIME types.

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::UNIX_EPOCH;

use tiny_http::{Header, Method, Request, Response, Server};

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The only top-level folders served.
const SERVED: [&str; 2] = ["www", "pkg"];

/// How many requests are answered at once (a page loads its module, styles and scripts together).
const WORKERS: usize = 4;

/// Options of `serve`.
#[derive(Debug, Clone, clap::Args)]
pub struct Options {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    #[arg(short, long, default_value_t = 8000)]
    pub port: u16,
    /// The folder holding www/ and pkg/: the current directory when it has a www/ folder, else
    /// the source tree this tool was built from.
    #[arg(long, value_name = "DIR", default_value_os_t = crate::default_root(), hide_default_value = true)]
    pub root: PathBuf,
}

/// Binds, prints `serving http://127.0.0.1:PORT/www/` (flushed) and serves until killed.
pub fn run(options: &Options) -> ExitCode {
    let root = match options.root.canonicalize() {
        Ok(root) => root,
        Err(e) => {
            eprintln!("diary-sort serve: root {}: {e}", options.root.display());
            return ExitCode::FAILURE;
        }
    };
    if !root.join("www").is_dir() {
        eprintln!("diary-sort serve: warning: {} has no www/ folder", root.display());
    }
    if !root.join("pkg").is_dir() {
        eprintln!("diary-sort serve: warning: {} has no pkg/ folder: run scripts/build", root.display());
    }
    let server = match Server::http(("127.0.0.1", options.port)) {
        Ok(server) => Arc::new(server),
        Err(e) => {
            eprintln!("diary-sort serve: cannot listen on 127.0.0.1:{}: {e}", options.port);
            return ExitCode::FAILURE;
        }
    };
    let Some(address) = server.server_addr().to_ip() else {
        eprintln!("diary-sort serve: not listening on an IP address");
        return ExitCode::FAILURE;
    };
    let mut out = io::stdout().lock();
    // If stdout is closed there is nobody to tell; serving still makes sense.
    let _ = writeln!(out, "serving http://127.0.0.1:{}/www/", address.port());
    let _ = out.flush();
    drop(out);

    let root = Arc::new(root);
    let workers: Vec<_> = (0..WORKERS)
        .map(|_| {
            let (server, root) = (Arc::clone(&server), Arc::clone(&root));
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    answer(request, &root);
                }
            })
        })
        .collect();
    for worker in workers {
        let _ = worker.join();
    }
    ExitCode::SUCCESS
}

/// What to send back, before it becomes a tiny_http response.
struct Reply {
    status: u16,
    body: Body,
    headers: Vec<(&'static str, String)>,
}

/// A reply's body: a short text (for errors and redirects) or a file.
enum Body {
    Text(String),
    File(File),
}

impl Reply {
    /// A short plain-text error page.
    fn error(status: u16) -> Reply {
        let reason = tiny_http::StatusCode(status).default_reason_phrase();
        Reply { status, body: Body::Text(format!("{status} {reason}\n")), headers: Vec::new() }
    }

    /// A redirect to `location` (a path on this server).
    fn redirect(location: String) -> Reply {
        Reply { headers: vec![("Location", location)], ..Reply::error(301) }
    }
}

/// Answers one request and logs client and server errors (but 404s) to stderr.
fn answer(request: Request, root: &Path) {
    let reply = route(&request, root);
    if reply.status >= 400 && reply.status != 404 {
        eprintln!("diary-sort serve: {} {} -> {}", request.method(), request.url(), reply.status);
    }
    let mut headers = vec![
        ("Cache-Control", "no-cache".to_string()),
        ("Content-Security-Policy", CSP.to_string()),
        ("X-Content-Type-Options", "nosniff".to_string()),
    ];
    headers.extend(reply.headers);
    // Every value is ASCII: ours, or a Location that `route` checked.
    let headers = headers.into_iter().filter_map(|(name, value)| Header::from_bytes(name, value).ok());
    // Errors here are the client's business (reset, timeout): drop them.
    let _ = match reply.body {
        Body::Text(text) => {
            request.respond(headers.fold(Response::from_string(text).with_status_code(reply.status), Response::with_header))
        }
        // With its length, not chunked (tiny_http chunks from 32 KiB on): the module is larger.
        Body::File(file) => {
            let response = Response::from_file(file).with_status_code(reply.status).with_chunked_threshold(usize::MAX);
            request.respond(headers.fold(response, Response::with_header))
        }
    };
}

/// The routing: method check, path decoding, `/` redirect, the two served folders, revalidation.
fn route(request: &Request, root: &Path) -> Reply {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return Reply { headers: vec![("Allow", "GET, HEAD".into())], ..Reply::error(405) };
    }
    let Some(target) = decode_target(request.url()) else {
        return Reply::error(400);
    };
    let segments = match target {
        Target::Traversal => return Reply::error(403),
        Target::Path(s) => s,
    };
    let Some(first) = segments.first() else {
        return Reply::redirect("/www/".into());
    };
    if !SERVED.contains(&first.as_str()) {
        return Reply::error(404);
    }
    let base = root.join(first);
    let path = segments[1..].iter().fold(base.clone(), |path, s| path.join(s));
    // Follow symlinks, but never out of the served folder.
    let (Ok(path), Ok(base)) = (path.canonicalize(), base.canonicalize()) else {
        return Reply::error(404);
    };
    if !path.starts_with(&base) {
        return Reply::error(403);
    }
    let path = if path.is_dir() {
        let asked = request_path(request.url());
        if !asked.ends_with('/') {
            // The path as asked (percent-encoded), so a header can carry it.
            return if asked.bytes().all(|b| b.is_ascii_graphic()) { Reply::redirect(format!("{asked}/")) } else { Reply::error(400) };
        }
        path.join("index.html")
    } else {
        path
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Reply::error(403),
        Err(_) => return Reply::error(404),
    };
    let Ok(meta) = file.metadata() else {
        return Reply::error(404);
    };
    if !meta.is_file() {
        return Reply::error(404);
    }
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), mtime);
    let if_none_match = request.headers().iter().find(|h| h.field.equiv("If-None-Match")).map(|h| h.value.as_str());
    if if_none_match.is_some_and(|v| v == "*" || v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag)) {
        return Reply { status: 304, body: Body::Text(String::new()), headers: vec![("ETag", etag)] };
    }
    Reply { status: 200, body: Body::File(file), headers: vec![("ETag", etag), ("Content-Type", mime_type(&path).into())] }
}

/// The path part of a request target (no query, no fragment, no scheme and authority).
fn request_path(target: &str) -> &str {
    let target = target.split(['?', '#']).next().unwrap_or("");
    // absolute-form: http://host:port/path
    if let Some(rest) = target.strip_prefix("http://").or_else(|| target.strip_prefix("https://")) {
        return rest.find('/').map_or("/", |i| &rest[i..]);
    }
    target
}

/// A decoded request path.
enum Target {
    /// Path segments, none empty, `.` or `..`.
    Path(Vec<String>),
    /// The path tried to climb out with `..` (literally or percent-encoded).
    Traversal,
}

/// Percent-decodes and splits the path; `None` if it is malformed.
fn decode_target(target: &str) -> Option<Target> {
    let path = request_path(target);
    if !path.starts_with('/') {
        return None;
    }
    let bytes = percent_decode(path)?;
    let decoded = String::from_utf8(bytes).ok()?;
    if decoded.contains(['\0', '\\']) {
        return Some(Target::Traversal);
    }
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return Some(Target::Traversal),
            s => segments.push(s.to_owned()),
        }
    }
    Some(Target::Path(segments))
}

/// Decodes `%XX` escapes; `None` on a broken escape.
fn percent_decode(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    Some(out)
}

/// The Content-Type for a file name.
fn mime_type(path: &Path) -> &'static str {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_ascii_lowercase();
    if name.ends_with(".d.ts") {
        return "text/plain; charset=utf-8";
    }
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    match ext {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" | "map" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "md" => "text/markdown; charset=utf-8",
        "txt" | "ts" => "text/plain; charset=utf-8",
        "xml" | "xsd" => "application/xml",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_and_rejects_traversal() {
        assert!(matches!(decode_target("/www/a%20b.html?x=1"), Some(Target::Path(s)) if s == ["www", "a b.html"]));
        assert!(matches!(decode_target("/www/../Cargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/%2e%2E/Cargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/..%2fCargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/..%5cCargo.toml"), Some(Target::Traversal)));
        assert!(decode_target("/www/%zz").is_none());
        assert!(decode_target("/www/%e").is_none());
        assert!(decode_target("www").is_none());
        assert!(matches!(decode_target("http://h:1/pkg/x.wasm"), Some(Target::Path(s)) if s == ["pkg", "x.wasm"]));
    }

    #[test]
    fn mime_types() {
        assert_eq!(mime_type(Path::new("pkg/diary_sort_bg.wasm")), "application/wasm");
        assert_eq!(mime_type(Path::new("pkg/diary_sort.d.ts")), "text/plain; charset=utf-8");
        assert_eq!(mime_type(Path::new("www/app.JS")), "text/javascript; charset=utf-8");
        assert_eq!(mime_type(Path::new("www/sets/x.json")), "application/json");
        assert_eq!(mime_type(Path::new("LICENSE")), "application/octet-stream");
    }
}
