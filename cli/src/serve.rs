//! `diary-sort serve`: a small static HTTP/1.1 server for trying the pages locally.
//!
//! It serves only `ROOT/www/` and `ROOT/pkg/` (the wasm-bindgen output) on 127.0.0.1, with the
//! strict Content-Security-Policy the pages must work under, so a page that needs an inline
//! script or style fails here first. `/` redirects to `/www/`; a directory serves its
//! `index.html`. GET and HEAD only, one thread per connection, keep-alive, no panics on bad input:
//! every malformed request gets a 4xx answer and the connection is closed.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, UNIX_EPOCH};

/// The Content-Security-Policy sent with every response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The only top-level folders served.
const SERVED: [&str; 2] = ["www", "pkg"];

/// Longest request line or header line accepted, in bytes.
const MAX_LINE: usize = 8 * 1024;
/// Most header lines accepted in one request.
const MAX_HEADERS: usize = 100;
/// How long an idle keep-alive connection is kept open.
const IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// Options of `serve`, parsed by `main`.
#[derive(Debug, Clone)]
pub struct Options {
    /// TCP port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// Folder holding `www/` and `pkg/`.
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
    let listener = match TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port))) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("diary-sort serve: cannot listen on 127.0.0.1:{}: {e}", options.port);
            return ExitCode::FAILURE;
        }
    };
    let port = match listener.local_addr() {
        Ok(addr) => addr.port(),
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

    let root = std::sync::Arc::new(root);
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                let root = std::sync::Arc::clone(&root);
                let spawned = std::thread::Builder::new().name("conn".into()).spawn(move || {
                    // Errors here are the client's business (reset, timeout): drop them.
                    let _ = handle_connection(stream, &root);
                });
                if let Err(e) = spawned {
                    eprintln!("diary-sort serve: cannot start a thread: {e}");
                }
            }
            Err(e) => {
                eprintln!("diary-sort serve: accept: {e}");
                // Avoid a hot loop when out of file descriptors.
                std::thread::sleep(Duration::from_millis(50));
            }
        }
    }
    ExitCode::SUCCESS
}

/// A parsed request: method, decoded target path, and whether to keep the connection.
struct Request {
    method: String,
    target: String,
    keep_alive: bool,
    if_none_match: Option<String>,
}

/// Why a request could not be parsed.
enum ParseError {
    /// The peer closed the connection (or timed out) before a request started.
    Closed,
    /// Malformed input: answer with this status, then close.
    Bad(u16),
}

impl From<io::Error> for ParseError {
    fn from(_: io::Error) -> Self {
        ParseError::Closed
    }
}

/// Serves requests on one connection until it closes, times out or asks to close.
fn handle_connection(stream: TcpStream, root: &Path) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE_TIMEOUT))?;
    stream.set_write_timeout(Some(IDLE_TIMEOUT))?;
    let _ = stream.set_nodelay(true);
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = io::BufWriter::new(stream);
    loop {
        let request = match read_request(&mut reader) {
            Ok(r) => r,
            Err(ParseError::Closed) => return Ok(()),
            Err(ParseError::Bad(status)) => {
                let response = Response::error(status);
                response.write(&mut writer, false, false)?;
                writer.flush()?;
                lingering_close(writer.get_ref(), reader);
                return Ok(());
            }
        };
        let head = request.method == "HEAD";
        let response = respond(&request, root);
        let keep = request.keep_alive;
        response.write(&mut writer, head, keep)?;
        writer.flush()?;
        if !keep {
            return Ok(());
        }
    }
}

/// Closes after an error answer without losing it: closing a socket with unread input makes the
/// kernel send a reset, which can destroy the answer before the client reads it. So: stop
/// writing, then read and discard what the client still sends, bounded in bytes and time.
fn lingering_close(stream: &TcpStream, mut reader: BufReader<TcpStream>) {
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.set_read_timeout(Some(Duration::from_millis(500)));
    let mut sink = [0u8; 4096];
    let mut left: usize = 256 * 1024;
    while left > 0 {
        match reader.read(&mut sink) {
            Ok(0) | Err(_) => break,
            Ok(n) => left = left.saturating_sub(n),
        }
    }
}

/// Reads one line ending in `\n` of at most [`MAX_LINE`] bytes, without the line ending.
fn read_line(reader: &mut impl BufRead) -> Result<Option<String>, ParseError> {
    let mut buf = Vec::new();
    let n = reader.take(MAX_LINE as u64 + 1).read_until(b'\n', &mut buf)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.last() != Some(&b'\n') {
        // Either too long or the peer closed mid-line.
        return Err(if n > MAX_LINE { ParseError::Bad(431) } else { ParseError::Closed });
    }
    buf.pop();
    if buf.last() == Some(&b'\r') {
        buf.pop();
    }
    String::from_utf8(buf).map(Some).map_err(|_| ParseError::Bad(400))
}

/// Reads a request line and its headers; the body, if any, makes the connection close.
fn read_request(reader: &mut impl BufRead) -> Result<Request, ParseError> {
    // RFC 9112 §2.2: ignore at least one empty line before the request line.
    let mut blank_lines = 0;
    let line = loop {
        match read_line(reader)? {
            None => return Err(ParseError::Closed),
            Some(l) if !l.is_empty() => break l,
            Some(_) if blank_lines < 8 => blank_lines += 1,
            Some(_) => return Err(ParseError::Bad(400)),
        }
    };
    let mut parts = line.split(' ');
    let (Some(method), Some(target), Some(version), None) = (parts.next(), parts.next(), parts.next(), parts.next()) else {
        return Err(ParseError::Bad(400));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ParseError::Bad(400));
    }
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        v if v.starts_with("HTTP/") => return Err(ParseError::Bad(505)),
        _ => return Err(ParseError::Bad(400)),
    };
    let mut if_none_match = None;
    let mut has_body = false;
    let mut count = 0;
    loop {
        let Some(header) = read_line(reader)? else {
            return Err(ParseError::Closed);
        };
        if header.is_empty() {
            break;
        }
        count += 1;
        if count > MAX_HEADERS {
            return Err(ParseError::Bad(431));
        }
        let Some((name, value)) = header.split_once(':') else {
            return Err(ParseError::Bad(400));
        };
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "connection" => {
                let tokens = value.to_ascii_lowercase();
                if tokens.split(',').any(|t| t.trim() == "close") {
                    keep_alive = false;
                } else if tokens.split(',').any(|t| t.trim() == "keep-alive") {
                    keep_alive = true;
                }
            }
            "content-length" => has_body |= value != "0",
            "transfer-encoding" => has_body = true,
            "if-none-match" => if_none_match = Some(value.to_owned()),
            _ => {}
        }
    }
    if has_body {
        // We never read bodies; close instead of misreading the next request.
        keep_alive = false;
    }
    Ok(Request { method: method.to_owned(), target: target.to_owned(), keep_alive, if_none_match })
}

/// What to send back.
struct Response {
    status: u16,
    content_type: &'static str,
    body: Body,
    location: Option<String>,
    etag: Option<String>,
}

/// A response body: a small in-memory text or a file streamed from disk.
enum Body {
    Text(String),
    File(File, u64),
}

impl Response {
    /// A short plain-text error page.
    fn error(status: u16) -> Response {
        Response {
            status,
            content_type: "text/plain; charset=utf-8",
            body: Body::Text(format!("{status} {}\n", reason(status))),
            location: None,
            etag: None,
        }
    }

    /// A redirect to `location` (a path on this server).
    fn redirect(location: String) -> Response {
        Response { location: Some(location), ..Response::error(301) }
    }

    /// Writes status line, headers and (unless `head_only`) the body.
    fn write(self, out: &mut impl Write, head_only: bool, keep_alive: bool) -> io::Result<()> {
        let length = match &self.body {
            Body::Text(t) => t.len() as u64,
            Body::File(_, len) => *len,
        };
        let status = self.status;
        write!(out, "HTTP/1.1 {status} {}\r\n", reason(status))?;
        // A 304 describes the cached body: no type or length of its own.
        if status != 304 {
            write!(out, "Content-Type: {}\r\n", self.content_type)?;
            write!(out, "Content-Length: {length}\r\n")?;
        }
        write!(out, "Cache-Control: no-cache\r\n")?;
        write!(out, "Content-Security-Policy: {CSP}\r\n")?;
        write!(out, "X-Content-Type-Options: nosniff\r\n")?;
        if let Some(etag) = &self.etag {
            write!(out, "ETag: {etag}\r\n")?;
        }
        if let Some(location) = &self.location {
            write!(out, "Location: {location}\r\n")?;
        }
        if status == 405 {
            write!(out, "Allow: GET, HEAD\r\n")?;
        }
        write!(out, "Connection: {}\r\n\r\n", if keep_alive { "keep-alive" } else { "close" })?;
        if head_only || status == 304 {
            return Ok(());
        }
        match self.body {
            Body::Text(t) => out.write_all(t.as_bytes()),
            Body::File(file, len) => {
                let copied = io::copy(&mut file.take(len), out)?;
                if copied == len {
                    Ok(())
                } else {
                    // The file shrank under us; the length we promised is wrong: close.
                    Err(io::Error::new(io::ErrorKind::UnexpectedEof, "file changed while serving"))
                }
            }
        }
    }
}

/// The reason phrase of the statuses this server sends.
fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        431 => "Request Header Fields Too Large",
        505 => "HTTP Version Not Supported",
        _ => "Internal Server Error",
    }
}

/// Maps a parsed request to a response; logs client and server errors to stderr.
fn respond(request: &Request, root: &Path) -> Response {
    let response = route(request, root);
    if response.status >= 400 && response.status != 404 {
        eprintln!("diary-sort serve: {} {} -> {}", request.method, request.target, response.status);
    }
    response
}

/// The routing: method check, path decoding, `/` redirect, the two served folders.
fn route(request: &Request, root: &Path) -> Response {
    if request.method != "GET" && request.method != "HEAD" {
        return Response::error(405);
    }
    let Some(segments) = decode_target(&request.target) else {
        return Response::error(400);
    };
    let segments = match segments {
        Target::Traversal => return Response::error(403),
        Target::Path(s) => s,
    };
    let trailing_slash = request_path(&request.target).ends_with('/');
    let Some(first) = segments.first() else {
        return Response::redirect("/www/".into());
    };
    if !SERVED.contains(&first.as_str()) {
        return Response::error(404);
    }
    let base = root.join(first);
    let mut path = base.clone();
    for s in &segments[1..] {
        path.push(s);
    }
    // Follow symlinks, but never out of the served folder.
    let (Ok(path), Ok(base)) = (path.canonicalize(), base.canonicalize()) else {
        return Response::error(404);
    };
    if !path.starts_with(&base) {
        return Response::error(403);
    }
    let path = if path.is_dir() {
        if !trailing_slash {
            return Response::redirect(format!("/{}/", segments.join("/")));
        }
        path.join("index.html")
    } else {
        path
    };
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::PermissionDenied => return Response::error(403),
        Err(_) => return Response::error(404),
    };
    let Ok(meta) = file.metadata() else {
        return Response::error(404);
    };
    if !meta.is_file() {
        return Response::error(404);
    }
    let mtime = meta.modified().ok().and_then(|t| t.duration_since(UNIX_EPOCH).ok()).map_or(0, |d| d.as_nanos());
    let etag = format!("\"{:x}-{:x}\"", meta.len(), mtime);
    let not_modified =
        request.if_none_match.as_deref().is_some_and(|v| v == "*" || v.split(',').any(|t| t.trim().trim_start_matches("W/") == etag));
    let content_type = mime_type(&path);
    if not_modified {
        return Response { status: 304, content_type, body: Body::Text(String::new()), location: None, etag: Some(etag) };
    }
    Response { status: 200, content_type, body: Body::File(file, meta.len()), location: None, etag: Some(etag) }
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
