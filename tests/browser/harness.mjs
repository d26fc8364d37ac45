// Helpers for the browser end-to-end tests and the benchmark: start `diary-sort serve` on a free
// port, launch Debian's Chromium through playwright-core, watch a page for CSP violations, page
// errors and failed requests, and run axe-core on it.
//
// Environment:
//   DIARY_SORT_BIN  the diary-sort binary to use as it is (default: `cargo build --release` then
//                   ${CARGO_TARGET_DIR:-target}/release/diary-sort)
//   CHROMIUM        the browser (default /usr/bin/chromium)
//   HEADED=1        show the browser window (needs a display)

import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);

/** The repository root (tests/browser/../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Chromium flags that keep it quiet on a closed network (see shared/design.md). Playwright adds
 * --headless and a fresh --user-data-dir; launchBrowser adds --no-sandbox as root. */
export const quietFlags = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The diary-sort binary to run: $DIARY_SORT_BIN as it is, else the release build, brought up to
 * date with `cargo build` first (a no-op when nothing changed) so a stale server is never tested.
 */
export function serverBinary() {
  if (process.env.DIARY_SORT_BIN) return process.env.DIARY_SORT_BIN;
  const targetDir = process.env.CARGO_TARGET_DIR
    ? path.resolve(repoRoot, process.env.CARGO_TARGET_DIR)
    : path.join(repoRoot, 'target');
  const built = spawnSync('cargo', ['build', '--release', '--quiet', '--bin', 'diary-sort'], {
    cwd: repoRoot,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (built.status !== 0) throw new Error(`cargo build --release --bin diary-sort failed (${built.status ?? built.error})`);
  return path.join(targetDir, 'release', 'diary-sort');
}

/**
 * Starts `diary-sort serve --port 0` and resolves once it prints the URL it listens on.
 * Returns { origin, url, href(pathname), stop(), stderr() }: `url` is the printed
 * http://127.0.0.1:PORT/www/ and `href('/www/x.html')` makes any other address on the server.
 */
export async function startServer({ root = repoRoot, timeoutMs = 60_000 } = {}) {
  const child = spawn(serverBinary(), ['serve', '--port', '0', '--root', root], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  // Drain both pipes for the server's whole life, or a chatty server would block on a full pipe.
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`diary-sort serve printed no URL within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`diary-sort serve exited early (${code ?? signal})\n${stderr}`));
    });
    lines.on('line', (line) => {
      const m = /^serving (http:\/\/127\.0\.0\.1:\d+\/www\/)$/.exec(line.trim());
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  child.removeAllListeners('exit');
  child.removeAllListeners('error');
  return {
    origin: new URL(url).origin,
    url,
    href: (pathname = '/www/') => new URL(pathname, url).href,
    stderr: () => stderr,
    stop: stopper(child),
  };
}

/**
 * For a server this process started: kills `child` when this process exits (never left behind,
 * even when a test forgets to stop it), and returns stop(), which ends it with SIGTERM and
 * resolves once it has exited.
 */
export function stopper(child) {
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  return () =>
    new Promise((resolve) => {
      process.off('exit', killOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
}

/**
 * Launches headless Chromium (Debian's, via playwright-core). Playwright gives every launch a
 * fresh, empty user-data-dir of its own and removes it on close; every `browser.newContext()` is
 * a further clean profile (no cache, no storage).
 */
export async function launchBrowser({ args = [] } = {}) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: process.env.HEADED !== '1',
    // Chromium refuses to start its sandbox as root.
    chromiumSandbox: !asRoot,
    // /dev/shm is small in containers; shared memory in /tmp avoids renderer crashes.
    args: [...quietFlags, '--disable-dev-shm-usage', ...(asRoot ? ['--no-sandbox'] : []), ...args],
  });
}

/** Registered in every document before its own scripts (CDP, so not subject to the page's CSP). */
function watchInit() {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push({
      directive: e.effectiveDirective || e.violatedDirective,
      blockedURI: e.blockedURI,
      sourceFile: e.sourceFile,
      line: e.lineNumber,
      sample: e.sample,
    });
  });
}

/**
 * An init script (`page.addInitScript(keepWasmMemories)`): keeps every wasm memory the page
 * instantiates in `window.__wasmMemories` (wasm-bindgen exports `memory`), for the benchmark's
 * figures and for tests that corrupt it.
 */
export function keepWasmMemories() {
  window.__wasmMemories = [];
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    for (const value of Object.values(instance?.exports ?? {})) {
      if (value instanceof WebAssembly.Memory) window.__wasmMemories.push(value);
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    if (original) WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(keep);
  }
}

/** Selector of a widget that is ready for input (the widget sets it on its `.diary-sort` root). */
export const READY = '[data-ready="true"]';

/**
 * Opens a new page in a fresh context (no cache, no storage), watching it from the first byte.
 * With a `url`, navigates there and waits for `ready` (a selector; `null` to not wait).
 * The page gets three arrays that fill as things go wrong:
 *   page.errors          uncaught exceptions and unhandled rejections
 *   page.consoleErrors   console.error messages (including Chromium's own, e.g. CSP reports)
 *   page.failedRequests  network failures and HTTP statuses >= 400
 * CSP violations live in the page: `await cspViolations(page)`. Close with `page.context().close()`.
 */
export async function openPage(browser, url, contextOptions = {}, { ready = READY, timeout = 30_000 } = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  await page.addInitScript(watchInit);
  page.errors = [];
  page.consoleErrors = [];
  page.failedRequests = [];
  page.on('pageerror', (err) => page.errors.push(String(err?.stack || err)));
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      page.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('requestfailed', (req) =>
    page.failedRequests.push(`${req.method()} ${req.url()}: ${req.failure()?.errorText}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) page.failedRequests.push(`${res.request().method()} ${res.url()}: ${res.status()}`);
  });
  if (url) {
    await page.goto(url, { waitUntil: 'load', timeout });
    if (ready) {
      try {
        await page.locator(ready).first().waitFor({ timeout });
      } catch (err) {
        const csp = await cspViolations(page).catch(() => []);
        throw new Error(
          `${url}: ${ready} did not appear within ${timeout} ms\n` +
            `page errors: ${JSON.stringify(page.errors, null, 2)}\n` +
            `console errors: ${JSON.stringify(page.consoleErrors, null, 2)}\n` +
            `failed requests: ${JSON.stringify(page.failedRequests, null, 2)}\n` +
            `CSP violations: ${JSON.stringify(csp, null, 2)}`,
          { cause: err },
        );
      }
    }
  }
  return page;
}

/** The CSP violations recorded in the page's current document. */
export async function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations ?? []);
}

let axeSource;

/**
 * Runs axe-core on the page and returns its violations, simplified to
 * { id, impact, help, helpUrl, nodes: [{ target, html, summary }] }.
 *
 * axe is injected with `page.evaluate(source)`, not `page.addScriptTag({ path })`: addScriptTag
 * inserts an inline <script>, which the page's CSP (script-src 'self') blocks, and the block
 * would itself be reported as a violation. `evaluate` goes through the DevTools protocol, which
 * the page's CSP does not govern, so the page keeps its real policy (no bypassCSP) while axe runs.
 * Default rules: WCAG 2.0/2.1/2.2 A and AA.
 */
export async function axeViolations(page, { tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'], context } = {}) {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const loaded = await page.evaluate(() => typeof window.axe === 'object');
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(
    async ({ tags, context }) => {
      const result = await window.axe.run(context ?? document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return result.violations;
    },
    { tags, context },
  );
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    helpUrl: v.helpUrl,
    nodes: v.nodes.map((n) => ({ target: n.target, html: n.html, summary: n.failureSummary })),
  }));
}

/** Same as {@link axeViolations}. */
export const runAxe = axeViolations;

/** A readable multi-line description of axe violations, for assertion messages. */
export function formatAxe(violations) {
  return violations
    .map(
      (v) =>
        `${v.impact ?? '?'} ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.html}\n      ${n.summary?.replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/**
 * For a test file: starts the server and the browser before its tests and stops them after.
 * Returns an object whose `server` and `browser` are set once the tests run.
 */
export function serverAndBrowser() {
  const env = { server: undefined, browser: undefined };
  before(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}
