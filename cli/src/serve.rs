//! `diary-sort serve`: a static file server for trying the pages locally, on hyper.
//!
//! It serves only `ROOT/www/` and `ROOT/pkg/` (the wasm-bindgen output) on 127.0.0.1, with the
//! strict Content-Security-Policy the pages must work under, so a page that needs an inline
//! script or style fails here first. `/` redirects to `/www/`; a directory serves its
//! `index.html`; a path that climbs out with `..` (literally or percent-encoded) is refused.
//! Text, JSON, SVG and wasm go gzip-compressed (`Content-Encoding: gzip`) to a client whose
//! `Accept-Encoding` takes gzip: a file's fresh `.gz` sibling as it is (as nginx's gzip_static
//! sends it; scripts/build makes them for pkg/), else compressed at zlib's default level, as a
//! host's mod_deflate would, so that what a page costs over a slow network can be measured here
//! (scripts/bench's phone profile). GET and HEAD only. HTTP itself (parsing, keep-alive, HEAD without a body, malformed requests)
//! is hyper's, on a single-threaded tokio runtime; this module is the routing, the headers and
//! the MIME types. (tiny_http was tried first: under the browser tests it left new connections
//! waiting for a thread that a kept-alive one held, and it stops accepting after one failed
//! accept.)

use std::convert::Infallible;
use std::io::{self, Write};
use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use flate2::Compression;
use flate2::write::GzEncoder;
use http_body_util::Full;
use hyper::body::{Bytes, Incoming};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::TokioIo;

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The only top-level folders served.
const SERVED: [&str; 2] = ["www", "pkg"];

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
    let listener = match TcpListener::bind((Ipv4Addr::LOCALHOST, options.port)) {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("diary-sort serve: cannot listen on 127.0.0.1:{}: {e}", options.port);
            return ExitCode::FAILURE;
        }
    };
    let port = match listener.local_addr() {
        Ok(address) => address.port(),
        Err(e) => {
            eprintln!("diary-sort serve: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut out = io::stdout().lock();
    // If stdout is closed there is nobody to tell; serving still makes sense.
    let _ = writeln!(out, "serving http://127.0.0.1:{port}/www/");
    let _ = out.flush();
    drop(out);

    let runtime = match tokio::runtime::Builder::new_current_thread().enable_io().enable_time().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("diary-sort serve: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(listener, Arc::new(root))) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("diary-sort serve: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Accepts connections for ever, each served on a task of its own.
async fn serve(listener: TcpListener, root: Arc<PathBuf>) -> io::Result<Infallible> {
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    loop {
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            Err(e) => {
                eprintln!("diary-sort serve: accept: {e}");
                // Not a hot loop when out of file descriptors.
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let root = Arc::clone(&root);
        let service = hyper::service::service_fn(move |request| {
            let response = answer(&request, &root);
            async move { Ok::<_, Infallible>(response) }
        });
        tokio::spawn(async move {
            // Errors here are the client's business (reset, malformed request): drop them.
            let _ = hyper::server::conn::http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// What to send back, before it becomes a response.
struct Reply {
    status: u16,
    body: Vec<u8>,
    headers: Vec<(&'static str, String)>,
}

impl Reply {
    /// A short plain-text error page.
    fn error(status: u16) -> Reply {
        let reason = StatusCode::from_u16(status).ok().and_then(|s| s.canonical_reason()).unwrap_or("");
        Reply {
            status,
            body: format!("{status} {reason}\n").into_bytes(),
            headers: vec![("Content-Type", "text/plain; charset=utf-8".into())],
        }
    }

    /// A redirect to `location` (a path on this server).
    fn redirect(location: String) -> Reply {
        let mut reply = Reply::error(301);
        reply.headers.push(("Location", location));
        reply
    }
}

/// Answers one request and logs client and server errors (but 404s) to stderr.
fn answer(request: &Request<Incoming>, root: &Path) -> Response<Full<Bytes>> {
    let reply = route(request, root);
    if reply.status >= 400 && reply.status != 404 {
        eprintln!("diary-sort serve: {} {} -> {}", request.method(), request.uri(), reply.status);
    }
    let mut response = Response::new(Full::new(Bytes::from(reply.body)));
    *response.status_mut() = StatusCode::from_u16(reply.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let headers =
        [("Cache-Control", "no-cache".to_string()), ("Content-Security-Policy", CSP.into()), ("X-Content-Type-Options", "nosniff".into())];
    for (name, value) in headers.into_iter().chain(reply.headers) {
        // Every value is ASCII: ours, or a Location that `route` checked.
        if let (Ok(name), Ok(value)) = (HeaderName::from_bytes(name.as_bytes()), HeaderValue::try_from(value)) {
            response.headers_mut().insert(name, value);
        }
    }
    response
}

/// The routing: method check, path decoding, `/` redirect, the two served folders, revalidation.
fn route(request: &Request<Incoming>, root: &Path) -> Reply {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        let mut reply = Reply::error(405);
        reply.headers.push(("Allow", "GET, HEAD".into()));
        return reply;
    }
    let Some(target) = decode_target(request.uri().path()) else {
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
        let asked = request.uri().path();
        if !asked.ends_with('/') {
            // The path as asked (percent-encoded), so a header can carry it.
            return if asked.bytes().all(|b| b.is_ascii_graphic()) { Reply::redirect(format!("{asked}/")) } else { Reply::error(400) };
        }
        path.join("index.html")
    } else {
        path
    };
    let Ok(meta) = path.metadata() else {
        return Reply::error(404);
    };
    if !meta.is_file() {
        return Reply::error(404);
    }
    let mime = mime_type(&path);
    // Compressed for a client that takes it; either way the answer varies with Accept-Encoding.
    let (gzipped, vary) =
        if compressible(mime) { (accepts_gzip(request), Some(("Vary", "Accept-Encoding".into()))) } else { (false, None) };
    // A fresh `.gz` sibling goes as it is, tagged by its own length and time.
    let sibling = if gzipped { fresh_sibling(&path, &meta) } else { None };
    let (source, tagged) = sibling.as_ref().map_or((&path, &meta), |(p, m)| (p, m));
    let mtime = tagged.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    // Another representation, another tag (a cache must not take one for the other).
    let etag = format!("\"{}{:x}-{:x}\"", if gzipped { "gzip-" } else { "" }, tagged.len(), mtime);
    let if_none_match = request.headers().get(hyper::header::IF_NONE_MATCH).and_then(|v| v.to_str().ok());
    if if_none_match.is_some_and(|v| v == "*" || v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag)) {
        return Reply { status: 304, body: Vec::new(), headers: [("ETag", etag)].into_iter().chain(vary).collect() };
    }
    // Read whole: the largest file served, the module, is about 300 KB.
    let body = match std::fs::read(source) {
        Ok(body) => body,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Reply::error(403),
        Err(_) => return Reply::error(404),
    };
    let mut headers = vec![("ETag", etag), ("Content-Type", mime.into())];
    headers.extend(vary);
    if !gzipped {
        return Reply { status: 200, body, headers };
    }
    let body = match sibling {
        Some(_) => body,
        None => match gzip(&body) {
            Some(body) => body,
            None => return Reply::error(500),
        },
    };
    headers.push(("Content-Encoding", "gzip".into()));
    Reply { status: 200, body, headers }
}

/// Whether a file of this type gets smaller gzipped (images other than SVG, fonts and zips are
/// compressed already).
fn compressible(mime: &str) -> bool {
    mime.starts_with("text/") || matches!(mime, "application/json" | "application/wasm" | "application/xml" | "image/svg+xml")
}

/// Whether the request's `Accept-Encoding` takes gzip (`gzip`, `x-gzip` or `*`, with a quality
/// above zero).
fn accepts_gzip(request: &Request<Incoming>) -> bool {
    let accepted = request.headers().get_all(hyper::header::ACCEPT_ENCODING).iter().filter_map(|v| v.to_str().ok());
    accepted.flat_map(|v| v.split(',')).any(|coding| {
        let mut parts = coding.split(';').map(str::trim);
        let name = parts.next().unwrap_or("");
        let refused = parts.any(|p| p.strip_prefix("q=").is_some_and(|q| q.parse::<f32>().is_ok_and(|q| q <= 0.0)));
        ["gzip", "x-gzip", "*"].iter().any(|n| name.eq_ignore_ascii_case(n)) && !refused
    })
}

/// The file's `.gz` sibling and its metadata (scripts/build writes them for pkg/ with zopfli,
/// smaller than zlib's best), when there is one no older than the file itself; a stale one is
/// passed over.
fn fresh_sibling(path: &Path, meta: &std::fs::Metadata) -> Option<(PathBuf, std::fs::Metadata)> {
    let mut name = path.file_name()?.to_os_string();
    name.push(".gz");
    let sibling = path.with_file_name(name);
    let sibling_meta = sibling.metadata().ok().filter(std::fs::Metadata::is_file)?;
    (sibling_meta.modified().ok()? >= meta.modified().ok()?).then_some((sibling, sibling_meta))
}

/// `body` gzip-compressed (`None` if the encoder failed, which writing to memory does not).
fn gzip(body: &[u8]) -> Option<Vec<u8>> {
    let mut encoder = GzEncoder::new(Vec::with_capacity(body.len() / 3), Compression::default());
    encoder.write_all(body).ok()?;
    encoder.finish().ok()
}

/// A decoded request path.
enum Target {
    /// Path segments, none empty, `.` or `..`.
    Path(Vec<String>),
    /// The path tried to climb out with `..` (literally or percent-encoded).
    Traversal,
}

/// Percent-decodes and splits a request's path; `None` if it is malformed.
fn decode_target(path: &str) -> Option<Target> {
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
        assert!(matches!(decode_target("/www/a%20b.html"), Some(Target::Path(s)) if s == ["www", "a b.html"]));
        assert!(matches!(decode_target("/www/../Cargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/%2e%2E/Cargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/..%2fCargo.toml"), Some(Target::Traversal)));
        assert!(matches!(decode_target("/www/..%5cCargo.toml"), Some(Target::Traversal)));
        assert!(decode_target("/www/%zz").is_none());
        assert!(decode_target("/www/%e").is_none());
        assert!(decode_target("www").is_none());
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
