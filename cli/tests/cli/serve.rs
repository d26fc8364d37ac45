//! Integration test of `diary-sort serve`: starts the real binary on a free port over a
//! throwaway root and checks status codes, MIME types, the security headers, the `/` redirect,
//! `..` traversal rejection (plain and percent-encoded), 404, 405, HEAD and gzip for clients that
//! accept it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/// The server process; killed when dropped, with its fixture folder removed.
struct Server {
    child: Child,
    port: u16,
    root: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.root);
    }
}

/// Writes a fixture root: www/, pkg/ and a file outside them that must stay private.
fn fixture(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("diary-sort-serve-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    std::fs::create_dir_all(root.join("www/sets")).unwrap();
    std::fs::create_dir_all(root.join("pkg")).unwrap();
    std::fs::write(root.join("www/index.html"), "<!doctype html><title>t</title><h1>hi</h1>\n").unwrap();
    std::fs::write(root.join("www/app.js"), "export const x = 1;\n").unwrap();
    std::fs::write(root.join("www/style.css"), "body{}\n").unwrap();
    std::fs::write(root.join("www/sets/a.json"), "{}\n").unwrap();
    std::fs::write(root.join("pkg/m_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
    std::fs::write(root.join("pkg/large.wasm"), vec![0u8; 100_000]).unwrap();
    std::fs::write(root.join("pkg/m.d.ts"), "export {};\n").unwrap();
    std::fs::write(root.join("secret.txt"), "private\n").unwrap();
    root
}

fn start(name: &str) -> Server {
    let root = fixture(name);
    let mut child = Command::new(env!("CARGO_BIN_EXE_diary-sort"))
        .args(["serve", "--port", "0", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start diary-sort serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let port = line
        .trim()
        .strip_prefix("serving http://127.0.0.1:")
        .and_then(|rest| rest.strip_suffix("/www/"))
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    Server { child, port, root }
}

/// A parsed response.
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Sends `raw` verbatim (no client-side path normalisation) and reads until the server closes.
fn send(port: u16, raw: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    stream.write_all(raw.as_bytes()).unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).unwrap();
    let split = bytes.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let head = String::from_utf8(bytes[..split].to_vec()).unwrap();
    let body = bytes[split + 4..].to_vec();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    assert!(status_line.starts_with("HTTP/1.1 "), "{status_line}");
    let status = status_line[9..12].parse().unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_owned(), v.trim().to_owned())
        })
        .collect();
    Reply { status, headers, body }
}

fn get(port: u16, path: &str) -> Reply {
    send(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"))
}

/// A GET with `Accept-Encoding: {encodings}`.
fn get_encoded(port: u16, path: &str, encodings: &str) -> Reply {
    send(port, &format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: {encodings}\r\nConnection: close\r\n\r\n"))
}

/// `bytes` gunzipped.
fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out).expect("a gzip stream");
    out
}

fn assert_security_headers(reply: &Reply) {
    assert_eq!(reply.header("Content-Security-Policy"), Some(CSP));
    assert_eq!(reply.header("X-Content-Type-Options"), Some("nosniff"));
    assert_eq!(reply.header("Cache-Control"), Some("no-cache"));
}

#[test]
fn serves_files_with_mime_types_and_security_headers() {
    let server = start("mime");
    for (path, mime) in [
        ("/www/index.html", "text/html; charset=utf-8"),
        ("/www/", "text/html; charset=utf-8"),
        ("/www/app.js", "text/javascript; charset=utf-8"),
        ("/www/style.css", "text/css; charset=utf-8"),
        ("/www/sets/a.json", "application/json"),
        ("/pkg/m_bg.wasm", "application/wasm"),
        ("/pkg/m.d.ts", "text/plain; charset=utf-8"),
    ] {
        let reply = get(server.port, path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Type"), Some(mime), "{path}");
        assert_security_headers(&reply);
        assert_eq!(reply.header("Content-Length"), Some(reply.body.len().to_string().as_str()));
    }
    let wasm = get(server.port, "/pkg/m_bg.wasm");
    assert_eq!(wasm.body, b"\0asm\x01\0\0\0");
    // A large file (the real module is ~250 KB) is sent with its length too, not chunked.
    let large = get(server.port, "/pkg/large.wasm");
    assert_eq!(large.header("Content-Length"), Some("100000"));
    assert_eq!(large.body.len(), 100_000);

    // Revalidation (Cache-Control: no-cache makes browsers ask every time).
    let etag = wasm.header("ETag").expect("ETag");
    let reply = send(server.port, &format!("GET /pkg/m_bg.wasm HTTP/1.1\r\nIf-None-Match: {etag}\r\nConnection: close\r\n\r\n"));
    assert_eq!(reply.status, 304);
    assert!(reply.body.is_empty());
    assert_security_headers(&reply);
}

#[test]
fn redirects_root_and_directories() {
    let server = start("redirect");
    let reply = get(server.port, "/");
    assert_eq!(reply.status, 301);
    assert_eq!(reply.header("Location"), Some("/www/"));
    let reply = get(server.port, "/www/sets");
    assert_eq!(reply.status, 301);
    assert_eq!(reply.header("Location"), Some("/www/sets/"));
}

#[test]
fn rejects_traversal_and_unknown_paths() {
    let server = start("traversal");
    for path in ["/www/../secret.txt", "/pkg/../../etc/passwd", "/www/%2e%2e/secret.txt", "/www/..%2fsecret.txt", "/www/..%5csecret.txt"] {
        let reply = get(server.port, path);
        assert_eq!(reply.status, 403, "{path}");
        assert!(!String::from_utf8_lossy(&reply.body).contains("private"), "{path}");
    }
    for path in ["/secret.txt", "/www/missing.html", "/src/lib.rs", "/pkg/nope.wasm"] {
        let reply = get(server.port, path);
        assert_eq!(reply.status, 404, "{path}");
        assert_security_headers(&reply);
    }
}

#[test]
fn head_405_and_bad_requests() {
    let server = start("methods");
    let reply = send(server.port, "HEAD /www/app.js HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("Content-Length"), Some("20"));
    assert!(reply.body.is_empty());

    let reply = send(server.port, "POST /www/app.js HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc");
    assert_eq!(reply.status, 405);
    assert_eq!(reply.header("Allow"), Some("GET, HEAD"));

    assert_eq!(send(server.port, "garbage\r\n\r\n").status, 400);
    assert_eq!(send(server.port, "GET /www/%zz HTTP/1.1\r\nConnection: close\r\n\r\n").status, 400);

    // Still alive and serving after all that.
    assert_eq!(get(server.port, "/www/index.html").status, 200);
}

#[test]
fn keep_alive_serves_several_requests_on_one_connection() {
    let server = start("keepalive");
    let reply =
        send(server.port, "GET /www/app.js HTTP/1.1\r\nHost: x\r\n\r\nGET /www/style.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    assert_eq!(reply.status, 200);
    let rest = String::from_utf8_lossy(&reply.body);
    assert!(rest.starts_with("export const x = 1;\n"), "{rest}");
    assert!(rest.contains("HTTP/1.1 200 OK") && rest.contains("body{}"), "{rest}");
}

#[test]
fn gzips_for_clients_that_accept_it() {
    let server = start("gzip");
    // What a browser sends: the file comes compressed, with its type and the security headers.
    for (path, mime) in [
        ("/www/index.html", "text/html; charset=utf-8"),
        ("/www/app.js", "text/javascript; charset=utf-8"),
        ("/www/sets/a.json", "application/json"),
        ("/pkg/large.wasm", "application/wasm"),
    ] {
        let reply = get_encoded(server.port, path, "gzip, deflate, br, zstd");
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("Content-Encoding"), Some("gzip"), "{path}");
        assert_eq!(reply.header("Content-Type"), Some(mime), "{path}");
        assert_eq!(reply.header("Vary"), Some("Accept-Encoding"), "{path}");
        assert_eq!(reply.header("Content-Length"), Some(reply.body.len().to_string().as_str()), "{path}");
        assert_security_headers(&reply);
        assert_eq!(gunzip(&reply.body), get(server.port, path).body, "{path}");
    }
    let large = get_encoded(server.port, "/pkg/large.wasm", "gzip");
    assert!(large.body.len() < 1_000, "100,000 zero bytes took {} gzipped", large.body.len());

    // The compressed file has a tag of its own, and revalidates under it.
    let etag = large.header("ETag").expect("ETag");
    assert_ne!(Some(etag), get(server.port, "/pkg/large.wasm").header("ETag"));
    let reply = send(
        server.port,
        &format!("GET /pkg/large.wasm HTTP/1.1\r\nAccept-Encoding: gzip\r\nIf-None-Match: {etag}\r\nConnection: close\r\n\r\n"),
    );
    assert_eq!(reply.status, 304);
    assert_security_headers(&reply);

    // Not compressed: without Accept-Encoding, with gzip refused (q=0) or only other codings.
    for encodings in [None, Some("gzip;q=0, identity"), Some("br"), Some("*;q=0")] {
        let reply = match encodings {
            Some(e) => get_encoded(server.port, "/www/app.js", e),
            None => get(server.port, "/www/app.js"),
        };
        assert_eq!(reply.header("Content-Encoding"), None, "{encodings:?}");
        assert_eq!(reply.body, b"export const x = 1;\n", "{encodings:?}");
    }
    // Nor the refused: a path outside www/ and pkg/ stays refused, gzip or not.
    let reply = get_encoded(server.port, "/www/%2e%2e/secret.txt", "gzip");
    assert_eq!(reply.status, 403);
    assert_eq!(reply.header("Content-Encoding"), None);
    assert!(!String::from_utf8_lossy(&reply.body).contains("private"));
}

#[test]
fn sends_a_fresh_gz_sibling_as_it_is() {
    let server = start("sibling");
    let pkg = server.root.join("pkg");
    // Stored, not deflated: unlike anything the server's own zlib would make of the file.
    let stored = |text: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::none());
        encoder.write_all(text).unwrap();
        encoder.finish().unwrap()
    };
    std::fs::write(pkg.join("glue.js"), "export const fresh = 1;\n").unwrap();
    std::fs::write(pkg.join("glue.js.gz"), stored(b"export const fresh = 1;\n")).unwrap();
    let reply = get_encoded(server.port, "/pkg/glue.js", "gzip, deflate, br, zstd");
    assert_eq!(reply.header("Content-Encoding"), Some("gzip"));
    assert_eq!(reply.header("Content-Type"), Some("text/javascript; charset=utf-8"));
    assert_eq!(reply.body, std::fs::read(pkg.join("glue.js.gz")).unwrap());
    // A client that does not take gzip gets the file itself; the sibling has a tag of its own.
    let plain = get(server.port, "/pkg/glue.js");
    assert_eq!(plain.body, b"export const fresh = 1;\n");
    assert_ne!(plain.header("ETag"), reply.header("ETag"));

    // A sibling older than its file (the file rebuilt since) is passed over.
    std::fs::write(pkg.join("old.js.gz"), stored(b"export const old = 1;\n")).unwrap();
    std::fs::write(pkg.join("old.js"), "export const rebuilt = 2;\n").unwrap();
    let earlier = std::time::SystemTime::now() - Duration::from_secs(60);
    std::fs::File::options().write(true).open(pkg.join("old.js.gz")).unwrap().set_modified(earlier).unwrap();
    let reply = get_encoded(server.port, "/pkg/old.js", "gzip");
    assert_eq!(reply.header("Content-Encoding"), Some("gzip"));
    assert_eq!(gunzip(&reply.body), b"export const rebuilt = 2;\n");
}
