// Load benchmark of the self-study page in headless Chromium, as a student meets it:
//   - bytes: every file the page requests (from Playwright's request events), raw and gzip -9
//   - time from navigation start to the board being interactive ([data-ready="true"] on the
//     widget root), over cold loads, each in a fresh context (empty cache and storage)
//   - JS heap after a forced GC, and the wasm linear memory
//
// Usage: node tests/browser/bench.mjs [PATH] [RUNS]   (default /www/index.html, 9 runs; or
// BENCH_PAGE and BENCH_RUNS). Serves the repository with `diary-sort serve`, so build first.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { READY, launchBrowser, repoRoot, startServer } from './harness.mjs';

const pagePath = process.argv[2] || process.env.BENCH_PAGE || '/www/index.html';
const runs = Math.max(1, Number(process.argv[3] || process.env.BENCH_RUNS || 9));

/** Records, in the page, when the widget first becomes ready and which wasm memories exist. */
function benchInit(readySelector) {
  window.__readyAt = null;
  const check = () => {
    if (window.__readyAt === null && document.querySelector(readySelector)) {
      window.__readyAt = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
  // Remember each instantiated module's exported memories (wasm-bindgen exports `memory`).
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

/** One cold load in a fresh context; returns timings, requests and memory. */
async function load(browser, url, { measureMemory }) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(benchInit, READY);
  const requests = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfinished', async (req) => {
    const res = await req.response();
    requests.push({ url: req.url(), status: res?.status() ?? 0, type: req.resourceType() });
  });
  await page.goto(url, { waitUntil: 'load' });
  try {
    await page.locator(READY).first().waitFor({ timeout: 30_000 });
  } catch {
    throw new Error(`${url}: ${READY} never appeared; page errors: ${JSON.stringify(errors)}`);
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      ready: window.__readyAt,
      domContentLoaded: nav?.domContentLoadedEventEnd,
      load: nav?.loadEventEnd,
    };
  });
  let memory;
  if (measureMemory) {
    await page.waitForLoadState('networkidle');
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const wasm = await page.evaluate(() => window.__wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0));
    memory = { heapUsed: heap.usedSize, heapTotal: heap.totalSize, wasm };
  }
  await context.close();
  return { timing, requests, memory };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (n == null ? '—' : `${n.toFixed(0)} ms`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const server = await startServer();
const browser = await launchBrowser();
try {
  const url = server.href(pagePath);
  // A warm-up load (not counted) also gives the request list and the memory figures.
  const first = await load(browser, url, { measureMemory: true });
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push((await load(browser, url, { measureMemory: false })).timing);

  console.log(`diary-sort load benchmark: ${url}`);
  console.log(`chromium ${browser.version()}, ${runs} cold loads, each in a fresh context\n`);

  // Bytes: the files behind the same-origin requests, as served (the server does not compress;
  // gzip -9 shows what a compressing host would send).
  const origin = new URL(url).origin;
  const seen = new Set();
  const rows = [];
  for (const r of first.requests) {
    const u = new URL(r.url);
    if (u.origin !== origin || r.status !== 200 || seen.has(u.pathname)) continue;
    seen.add(u.pathname);
    const file = path.join(repoRoot, decodeURIComponent(u.pathname).replace(/\/$/, '/index.html'));
    const bytes = readFileSync(file);
    rows.push({ file: path.relative(repoRoot, file), raw: statSync(file).size, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  const others = first.requests.filter((r) => new URL(r.url).origin !== origin || r.status !== 200);
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip }), { raw: 0, gzip: 0 });
  const w = Math.max(28, ...rows.map((r) => r.file.length));
  console.log(`${'downloaded file'.padEnd(w)} ${'raw'.padStart(11)} ${'gzip -9'.padStart(11)}`);
  for (const r of rows) console.log(`${r.file.padEnd(w)} ${kb(r.raw).padStart(11)} ${kb(r.gzip).padStart(11)}`);
  console.log(`${'total'.padEnd(w)} ${kb(total.raw).padStart(11)} ${kb(total.gzip).padStart(11)}`);
  for (const r of others) console.log(`(also requested: ${r.url} -> ${r.status || 'failed'})`);

  console.log(`\n${'from navigation start'.padEnd(w)} ${'median'.padStart(11)} ${'min'.padStart(9)} ${'max'.padStart(9)}`);
  for (const [key, label] of [
    ['domContentLoaded', 'DOMContentLoaded'],
    ['load', 'load event'],
    ['ready', 'board interactive'],
  ]) {
    const xs = samples.map((s) => s[key]).filter((x) => typeof x === 'number');
    if (!xs.length) continue;
    console.log(
      `${label.padEnd(w)} ${ms(median(xs)).padStart(11)} ${ms(Math.min(...xs)).padStart(9)} ${ms(Math.max(...xs)).padStart(9)}`,
    );
  }

  const m = first.memory;
  console.log(`\n${'memory after load and GC'.padEnd(w)} ${'size'.padStart(11)}`);
  console.log(`${'JS heap used'.padEnd(w)} ${kb(m.heapUsed).padStart(11)}`);
  console.log(`${'JS heap total'.padEnd(w)} ${kb(m.heapTotal).padStart(11)}`);
  console.log(`${'wasm linear memory'.padEnd(w)} ${kb(m.wasm).padStart(11)}`);
} finally {
  await browser.close();
  await server.stop();
}
