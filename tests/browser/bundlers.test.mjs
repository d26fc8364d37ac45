// The npm package in a course site built with a bundler: `npm pack` of pkg/ is installed (from
// the tarball, offline) into a fresh consumer whose whole code is the two documented lines,
// `import 'diary-sort'` and `<diary-sort src="/sets/snijders-en.json">`, built with Vite 6 and
// with webpack 5 (their Node APIs, pinned in package.json). Its dist/ is served, under the strict
// CSP, and a student finishes the board. The bundle must hold the wasm and widget.css exactly
// once each: a bundler that copies the glue as an opaque file never sees the wasm (a 404 when
// the element starts), and one that sees the styles under two URLs emits them twice.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build as viteBuild } from 'vite';
import webpack from 'webpack';
import { repoRoot, launchBrowser, openPage, cspViolations, READY } from './harness.mjs';
import { readSet, placeByTap, assertAllRight, FINISHED } from './board.mjs';

/** The page's policy: the same as `diary-sort serve` sends (the package must need no more). */
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
/** A build takes a few seconds here; this bounds a bundler that hangs. */
const BUILD_TIMEOUT_MS = 120_000;

const SET = 'snijders-en.json';
const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>A course page</title>
  <link rel="icon" href="/favicon.svg">
  __SCRIPT__
</head>
<body>
  <diary-sort src="/sets/${SET}"></diary-sort>
</body>
</html>
`;

let work;
let tarball;
let browser;

before(() => {
  work = mkdtempSync(path.join(tmpdir(), 'diary-sort-bundlers-'));
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: path.join(repoRoot, 'pkg'), encoding: 'utf8' });
  assert.equal(pack.status, 0, `npm pack in pkg/ (run scripts/build first): ${pack.stderr}`);
  tarball = path.join(work, JSON.parse(pack.stdout)[0].filename);
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh consumer project `name` with the packed package installed from the tarball, offline. */
function consumer(name) {
  const dir = path.join(work, name);
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: `course-site-${name}`, private: true, type: 'module' }));
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], {
    cwd: dir,
    encoding: 'utf8',
  });
  assert.equal(install.status, 0, `npm install of the tarball: ${install.stderr}`);
  return dir;
}

/** Puts the site's static files (the set, an icon) into `folder`. */
function staticFiles(folder) {
  mkdirSync(path.join(folder, 'sets'), { recursive: true });
  copyFileSync(path.join(repoRoot, 'www/sets', SET), path.join(folder, 'sets', SET));
  copyFileSync(path.join(repoRoot, 'www/favicon.svg'), path.join(folder, 'favicon.svg'));
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath ?? entry.path, entry.name)));
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Serves `root` as a static site on 127.0.0.1 (a free port) with the strict CSP; resolves to
 * { origin, close() }. */
async function serveStatic(root) {
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    let body;
    try {
      body = readFileSync(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': CSP,
    });
    response.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The wasm and the styles are in the bundle once each; returns the bundle's files. */
function assertOneWasmOneCss(dist) {
  const files = filesUnder(dist);
  assert.equal(files.filter((f) => f.endsWith('.wasm')).length, 1, `one .wasm in ${files.join(', ')}`);
  assert.equal(files.filter((f) => f.endsWith('.css')).length, 1, `one .css in ${files.join(', ')}`);
  return files;
}

/** Serves `dist`, opens it, and finishes the board: every card placed by tap, checked, all right. */
async function finishBoard(dist) {
  const site = await serveStatic(dist);
  browser ??= await launchBrowser();
  try {
    const page = await openPage(browser, `${site.origin}/`, { viewport: { width: 1024, height: 768 } });
    const { cards } = readSet(SET);
    await placeByTap(page, cards);
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await assertAllRight(page, cards, FINISHED.en);
    assert.equal(await page.locator('link[rel="stylesheet"]').count(), 1, 'one stylesheet link');
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    assert.deepEqual(page.errors, [], 'no page error');
    assert.deepEqual(page.failedRequests, [], 'every request served');
    await page.context().close();
  } finally {
    await site.close();
  }
}

test('Vite 6: import "diary-sort", build, serve dist/, finish the board', { timeout: BUILD_TIMEOUT_MS }, async () => {
  const dir = consumer('vite');
  writeFileSync(path.join(dir, 'main.js'), "import 'diary-sort';\n");
  writeFileSync(path.join(dir, 'index.html'), INDEX_HTML.replace('__SCRIPT__', '<script type="module" src="/main.js"></script>'));
  staticFiles(path.join(dir, 'public'));
  await viteBuild({ root: dir, configFile: false, logLevel: 'warn' });
  const dist = path.join(dir, 'dist');
  assertOneWasmOneCss(dist);
  await finishBoard(dist);
});

test('webpack 5: import "diary-sort", build, serve dist/, finish the board', { timeout: BUILD_TIMEOUT_MS }, async () => {
  const dir = consumer('webpack');
  mkdirSync(path.join(dir, 'src'));
  writeFileSync(path.join(dir, 'src/index.js'), "import 'diary-sort';\n");
  const dist = path.join(dir, 'dist');
  const stats = await new Promise((resolve, reject) =>
    webpack({ mode: 'production', context: dir, output: { path: dist } }, (error, result) => (error ? reject(error) : resolve(result))),
  );
  assert.ok(!stats.hasErrors(), stats.toString({ all: false, errors: true }));
  // Only webpack's size hints (the wasm is over its 244 KiB advice); no "critical dependency".
  const warnings = stats.compilation.warnings.filter((w) => !/SizeLimitWarning$/.test(w.name));
  assert.deepEqual(warnings.map(String), [], 'no warning from webpack');
  writeFileSync(path.join(dist, 'index.html'), INDEX_HTML.replace('__SCRIPT__', '<script src="/main.js" defer></script>'));
  staticFiles(dist);
  assertOneWasmOneCss(dist);
  await finishBoard(dist);
});
