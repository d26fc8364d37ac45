// Helpers for the LMS tests (lms-*.test.mjs): build a course package with `diary-sort package`,
// unzip it (a small reader of the zip format on node's zlib, so no unzip tool is needed), and
// serve it with `diary-sort serve` beside the stand-in LMS pages from fixtures/ and scorm-again,
// or as an LMS serves it (serveFiles).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { repoRoot, serverBinary, startServer } from './harness.mjs';

/** Runs `diary-sort package`; returns {status, stdout, stderr}. */
export function runPackage(args) {
  const run = spawnSync(serverBinary(), ['package', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The entries of a zip file as a Map of name → Buffer (stored and deflated entries). */
export function unzip(file) {
  const zip = readFileSync(file);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error(`${file}: no end of central directory`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i += 1) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) => zip.readUInt16LE(at + o));
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

/** Answers an http request with `file` (its type from its extension), or 404, as an LMS serves a package's files. */
export async function sendFile(res, file) {
  try {
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
}

/** A fresh temporary directory. */
export const tempDir = (name) => mkdtempSync(path.join(tmpdir(), `diary-sort-${name}-`));

/**
 * Builds a `format` package of `set` (a path from the repository root), unzips it into a new
 * directory with the stand-in LMS pages (fixtures/scorm-host.*, fixtures/xapi-parent.*) and
 * scorm-again's scorm12.js and scorm2004.js in its www/, and serves it.
 * Returns {server, entries, dir}.
 */
export async function servePackage(format, set = 'www/sets/snijders-nl.json') {
  const dir = tempDir(format);
  const zip = path.join(dir, 'course.zip');
  const run = runPackage(['--set', set, '--format', format, '-o', zip]);
  if (run.status !== 0) throw new Error(`diary-sort package failed: ${run.stderr}`);
  const entries = unzip(zip);
  for (const [name, bytes] of entries) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  const fixtures = path.join(repoRoot, 'tests/browser/fixtures');
  for (const file of ['scorm-host.html', 'scorm-host.js', 'xapi-parent.html', 'xapi-parent.js']) {
    copyFileSync(path.join(fixtures, file), path.join(dir, 'www', file));
  }
  const dist = path.join(repoRoot, 'tests/browser/node_modules/scorm-again/dist');
  for (const file of ['scorm12.js', 'scorm2004.js']) copyFileSync(path.join(dist, file), path.join(dir, 'www', file));
  const server = await startServer({ root: dir });
  return { server, entries, dir };
}

/** A set of `n` excerpts made from tests/fixtures/mini.json's four (ids made unique), written to a file. */
export function bigSet(n) {
  const mini = JSON.parse(readFileSync(path.join(repoRoot, 'tests/fixtures/mini.json'), 'utf8'));
  const excerpts = Array.from({ length: n }, (_, i) => ({ ...mini.excerpts[i % 4], id: `e${i}` }));
  const file = path.join(tempDir('big'), 'big.json');
  writeFileSync(file, JSON.stringify({ ...mini, id: 'big', excerpts }));
  return file;
}

/**
 * Polls `read()` every 50 ms until `predicate(value)` holds and returns that value; after 10 s
 * fails with `what` and the last value read.
 */
export async function waitUntil(read, predicate, what) {
  let value;
  for (let i = 0; i < 200; i += 1) {
    value = await read();
    if (predicate(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never ${what}: ${JSON.stringify(value).slice(-2000)}`);
}

/**
 * Serves the files under `dir` (an unzipped package) on a free port of 127.0.0.1 as an LMS serves
 * them: no CSP header of its own, so the page's meta policy applies (diary-sort serve's header
 * would keep the page from reaching an LRS on another origin). Resolves to {origin, close()}.
 */
export function serveFiles(dir) {
  const server = http.createServer(async (req, res) => {
    await sendFile(res, path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname))));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }),
    ),
  );
}

/**
 * A stand-in LMS or LRS on a free port of 127.0.0.1, reached from the page across origins: it
 * answers CORS preflights, reads each request's body and hands `handle(request, reply)` the
 * method, URL, headers and body text; `reply(status, body)` sends JSON (a string as it is).
 * Resolves to {origin, close()}.
 */
export function standInServer(handle) {
  const cors = {
    'Access-Control-Allow-Origin': '*',
    'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version',
    'Access-Control-Allow-Methods': 'GET, PUT, POST, OPTIONS',
  };
  const server = http.createServer((req, res) => {
    const reply = (status, body = '') => {
      res.writeHead(status, { ...cors, 'Content-Type': 'application/json' });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    if (req.method === 'OPTIONS') return reply(204);
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const request = { method: req.method, url: new URL(req.url, 'http://127.0.0.1'), headers: req.headers, text: Buffer.concat(chunks).toString('utf8') };
      // A failed assertion in `handle` is thrown (or rejected) out of here: it fails the test file.
      handle(request, reply);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) }),
    ),
  );
}
