// Load benchmark of the self-study page in headless Chromium, as a student meets it:
//   - bytes: every file the page requests (from Playwright's request events), raw, gzip -9 and brotli 11
//   - the first screen on two profiles, over cold loads, each in a fresh context (empty cache and
//     storage), the files gzip-compressed by `diary-sort serve` as a real host sends them:
//     desktop (1280x800, the machine's own CPU, localhost) and phone (360x800, touch, CPU slowed
//     4x and the network 150 ms latency, 1.6 Mbit/s down, 0.75 up, both over CDP): time from
//     navigation start to the board being interactive ([data-ready="true"] on the widget root),
//     bytes on the wire until then (the page's and its resources' transfer sizes, headers
//     included, from Resource Timing) and the page's DOM nodes at that moment (elements and
//     text), median with min–max. The files the page fetches once the board is there (the
//     whole module, ahead of the quiz) are listed apart and not counted
//   - JS heap after a forced GC, and the wasm linear memory
// and at scale, with sets generated from the default set's excerpts (each excerpt repeated
// under new ids: no text is made up), 1,000 and 10,000 excerpts, served through the real page
// (index.html?set=…, the request answered by the benchmark):
//   - load + validate in the browser (the module's `problems(text)`: set::problems, which is
//     set::load without the text's hash; nothing drawn), median of 9, and the whole mount (set
//     read by the page to board interactive)
//   - time from a key press (Enter dropping a held card into a bin) to the frame after it is
//     painted (requestAnimationFrame, then a task), p50/p95 over 200 moves, on 1,000 excerpts,
//     and the same on a page whose Enter changes one line (the machine's floor at that moment).
//     Measured in a browser whose frames are not held to the display's 60 Hz (UNCAPPED: frames
//     are made as soon as the work is done), so that the figure is the work a move causes, not
//     the wait for the next refresh (avg. 8 ms, which alone missed the 8 ms p50). Each key is
//     pressed once the previous one's frame is painted and the page has been idle for a moment
//     (a person's pace), so that no key's frame waits for the last one's raster or for the
//     benchmark's own work in the page
//   - JS heap and wasm memory after the mount
//   - the resume state's length once 200 excerpts have been placed and checked
// and prints each figure against its budget (issue 6). Then what reaching things costs on the
// default set (issue 14): on a 360×800 phone, the scroll between tapping any card and its bin
// being tappable, and the page's height fresh and after a check; the key presses to sort the
// board right (digits, and arrow keys).
//
// Usage: node tests/browser/bench.mjs [PATH] [RUNS]   (default /www/index.html, 9 runs; or
// BENCH_PAGE and BENCH_RUNS; BENCH_SCALE=0 skips the scale part). Serves the repository with
// `diary-sort serve`, so build first.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { READY, keepWasmMemories, launchBrowser, openPage, repoRoot, startServer } from './harness.mjs';
import { readSet, sortByKeyboard, sortByTapMeasuringReach } from './board.mjs';

const pagePath = process.argv[2] || process.env.BENCH_PAGE || '/www/index.html';
const runs = Math.max(1, Number(process.argv[3] || process.env.BENCH_RUNS || 9));

/** Records, in the page, when the widget first becomes ready, and the DOM nodes then. */
function benchInit(readySelector) {
  window.__readyAt = null;
  window.__nodesAtReady = null;
  const check = () => {
    if (window.__readyAt === null && document.querySelector(readySelector)) {
      window.__readyAt = performance.now();
      const walker = document.createTreeWalker(document, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      let nodes = 0;
      while (walker.nextNode()) nodes += 1;
      window.__nodesAtReady = nodes;
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-ready'] });
}

/**
 * The first screen's profiles: the context's viewport and what CDP slows down (Chromium's own
 * throttling, the figures of issue 16). Both get the files gzip-compressed from `diary-sort serve`.
 */
const PROFILES = {
  desktop: { label: 'desktop (1280x800, localhost)', context: { viewport: { width: 1280, height: 800 } } },
  phone: {
    label: 'phone (360x800, CPU 4x, 150 ms, 1.6/0.75 Mbit/s)',
    context: { viewport: { width: 360, height: 800 }, isMobile: true, hasTouch: true },
    cpu: 4,
    network: { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (0.75e6 / 8) | 0 },
  },
};

/** One cold load in a fresh context on `profile`; returns timings, requests, bytes on the wire and memory. */
async function load(browser, url, { measureMemory, profile = PROFILES.desktop }) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  await page.addInitScript(benchInit, READY);
  await page.addInitScript(keepWasmMemories);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (profile.cpu) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) await cdp.send('Network.emulateNetworkConditions', profile.network);
  const requests = [];
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('requestfinished', async (req) => {
    const res = await req.response();
    requests.push({ url: req.url(), status: res?.status() ?? 0, type: req.resourceType() });
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  try {
    await page.locator(READY).first().waitFor({ timeout: 60_000 });
  } catch {
    throw new Error(`${url}: ${READY} never appeared; page errors: ${JSON.stringify(errors)}`);
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = window.__readyAt;
    const before = performance.getEntriesByType('resource').filter((r) => r.responseEnd <= ready);
    return {
      ready,
      nodes: window.__nodesAtReady,
      domContentLoaded: nav?.domContentLoadedEventEnd,
      load: nav?.loadEventEnd,
      wire: (nav?.transferSize ?? 0) + before.reduce((n, r) => n + r.transferSize, 0),
    };
  });
  // Everything the page fetches (the favicon comes late), once the network is idle: what came
  // after the board (`later`, by path) is listed apart.
  await page.waitForLoadState('networkidle');
  timing.later = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((r) => r.startTime >= window.__readyAt)
      .map((r) => new URL(r.name).pathname),
  );
  let memory;
  if (measureMemory) {
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
const against = (ok) => (ok ? 'meets' : 'MISSES');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** The budgets of issue 6 (and issue 14's for moves and the mount on 1,000 excerpts); issue 6's
 * 60 KiB download is retired (it cannot hold the quiz): the bytes are printed, not judged. */
const BUDGET = { load10k: 150, moveP95: 16, moveP50: 8, mount1k: 400, resume200: 1000 };

/** The most bytes a set may have (`MAX_SET_BYTES` in src/core/set.rs). */
const MAX_SET_BYTES = 16 * 1024 * 1024;

/**
 * The default Dutch set with `n` excerpts: its own, repeated under new ids, shuffle off. The set
 * is indented as `diary-sort fmt` writes it but each excerpt is on one line: 10,000 excerpts
 * with every field on a line of its own are 17.0 MB, past the most a set may have.
 */
function generatedSet(n) {
  const base = JSON.parse(readFileSync(path.join(repoRoot, 'www/sets/snijders-nl.json'), 'utf8'));
  const excerpts = Array.from({ length: n }, (_, i) => {
    const e = base.excerpts[i % base.excerpts.length];
    return { ...e, id: `${e.id}-${i}` };
  });
  const set = { ...base, id: `bench-${n}`, excerpts: [], settings: { ...base.settings, shuffle: false } };
  const lines = excerpts.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  const text = JSON.stringify(set, null, 2).replace('"excerpts": []', `"excerpts": [\n${lines}\n  ]`);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_SET_BYTES) throw new Error(`the generated set of ${n} excerpts has ${bytes} bytes, more than a set may have`);
  return text;
}

const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** A page in a fresh context whose `sets/bench-N.json` requests get generated sets. */
async function scalePage(browser, sets) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(benchInit, READY);
  await page.addInitScript(keepWasmMemories);
  await page.route('**/www/sets/bench-*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    return route.fulfill({ status: 200, contentType: 'application/json', body: sets.get(name) });
  });
  return page;
}

/** Opens index.html on generated set `name` and returns ms from the set's arrival to ready. */
async function mount(page, url, name) {
  await page.goto(`${url}?set=sets/${name}`, { waitUntil: 'load' });
  await page.locator(READY).first().waitFor({ timeout: 120_000 });
  return page.evaluate((name) => {
    const set = performance.getEntriesByType('resource').find((r) => r.name.endsWith(name));
    return window.__readyAt - set.responseEnd;
  }, name);
}

/** Median ms of `problems(text)` (load + validate, nothing drawn) on the page's set, 9 times. */
async function validateTime(page, name) {
  return page.evaluate(async (name) => {
    const text = await (await fetch(`sets/${name}`)).text();
    // The glue on its own (index.html runs a bundled copy of it, pkg/app.js): initialised here.
    const glue = await import('../pkg/diary_sort.js');
    await glue.default();
    const times = [];
    for (let i = 0; i < 9; i++) {
      const t = performance.now();
      const found = glue.problems(text);
      times.push(performance.now() - t);
      if (found.length) throw new Error(`${name} has problems: ${found[0].message}`);
    }
    times.sort((a, b) => a - b);
    return times[4];
  }, name);
}

/** Memory after a forced GC: JS heap used and the wasm memory's size. */
async function memoryNow(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemories.reduce((n, m) => n + m.buffer.byteLength, 0));
  return { heap: heap.usedSize, wasm };
}

/**
 * Chromium's flags for frames made as soon as their work is done, not at the display's next
 * 60 Hz refresh: headless Chromium otherwise waits for it (8 ms on average, 11–20 ms p50 from a
 * key press to the frame on a page that changes one line).
 */
const UNCAPPED = ['--disable-gpu-vsync', '--disable-frame-rate-limit'];

/** How long the page is left idle after a key's frame before the next key (a person's pace). */
const PAUSE_MS = 50;

/**
 * In the page: times each Enter key press from its event to the task after the next frame;
 * `window.__painted` is a promise for the last key press's frame (any key).
 */
function watchMoves() {
  window.__moves = [];
  window.__painted = Promise.resolve();
  document.addEventListener(
    'keydown',
    (event) => {
      const start = event.timeStamp;
      const enter = event.key === 'Enter';
      window.__painted = new Promise((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            if (enter) window.__moves.push(performance.now() - start);
            resolve();
          }),
        ),
      );
    },
    true,
  );
}

/** Presses `key` on `page`, then waits for its frame and PAUSE_MS more. */
async function press(page, key) {
  await page.keyboard.press(key);
  await page.evaluate(() => window.__painted);
  await page.waitForTimeout(PAUSE_MS);
}

/** 200 keyboard moves (focus a card on the pile, Space, ArrowRight, Enter): p50 and p95 in ms. */
async function moveTimes(page, moves) {
  await page.evaluate(watchMoves);
  for (let i = 0; i < moves; i++) {
    await page.locator('.pile li.card .grab').first().focus();
    for (const key of ['Space', 'ArrowRight', 'Enter']) await press(page, key);
  }
  const placed = await page.locator('.bins li.card').count();
  if (placed !== moves) throw new Error(`${placed} cards placed after ${moves} moves`);
  const times = await page.evaluate(() => window.__moves);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/**
 * The same measure on a page whose Enter only changes one line of text: what the machine itself
 * takes from a key press to the next frame now (the wait for the frame, and other processes on
 * a loaded machine), so that the board's figures can be read against it.
 */
async function floorTimes(browser, moves) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.setContent('<button type="button">Enter</button><p></p>');
  await page.evaluate(() => {
    const line = document.querySelector('p');
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') line.textContent = `${Number(line.textContent) + 1}`;
    });
  });
  await page.evaluate(watchMoves);
  await page.locator('button').focus();
  for (let i = 0; i < moves; i++) await press(page, 'Enter');
  const times = await page.evaluate(() => window.__moves);
  await context.close();
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Places every card of the mounted set (in-page clicks), checks, and returns the stored state. */
async function resumeLength(page) {
  return page.evaluate(async () => {
    const root = document.querySelector('.diary-sort');
    const bin = root.querySelector('.bin-button');
    for (const grab of [...root.querySelectorAll('.pile li.card .grab')]) {
      grab.click();
      bin.click();
    }
    [...root.querySelectorAll('button')].find((b) => b.classList.contains('check')).click();
    // The board's attempt (a set with both modes also keeps the quiz's and the chosen tab under
    // keys that end in :quiz and :mode).
    const key = Object.keys(localStorage).find((k) => /^diary-sort:bench-200:[^:]+$/.test(k));
    return localStorage.getItem(key).length;
  });
}

/** The figures at scale, in a browser of its own with UNCAPPED frames. */
async function scale(url) {
  const browser = await launchBrowser({ args: UNCAPPED });
  try {
    return await scaleIn(browser, url);
  } finally {
    await browser.close();
  }
}

async function scaleIn(browser, url) {
  const sets = new Map([1_000, 10_000, 200].map((n) => [`bench-${n}.json`, generatedSet(n)]));
  const figures = {};
  for (const n of [1_000, 10_000]) {
    const name = `bench-${n}.json`;
    const page = await scalePage(browser, sets);
    const mounted = await mount(page, url, name);
    const memory = await memoryNow(page);
    const validate = await validateTime(page, name);
    figures[n] = { bytes: Buffer.byteLength(sets.get(name)), validate, mounted, memory };
    if (n === 1_000) {
      figures.moves = await moveTimes(page, 200);
      figures.floor = await floorTimes(browser, 200);
    }
    await page.context().close();
  }
  const page = await scalePage(browser, sets);
  await mount(page, url, 'bench-200.json');
  figures.resume200 = await resumeLength(page);
  await page.context().close();
  return figures;
}

/** Issue 14's figures on the default set: reach and height on a phone, key presses. */
async function reach(browser, url) {
  const { set, cards } = readSet('snijders-nl.json');
  const phone = await openPage(browser, url, { viewport: { width: 360, height: 800 } });
  const height = () => phone.evaluate(() => document.documentElement.scrollHeight);
  const fresh = await height();
  const scroll = await sortByTapMeasuringReach(phone, set, cards);
  await phone.getByRole('button', { name: 'Controleer', exact: true }).click();
  await phone.getByRole('heading', { name: 'Resultaat' }).waitFor();
  const checked = await height();
  await phone.context().close();
  const keys = {};
  for (const digits of [true, false]) {
    const page = await openPage(browser, url, { viewport: { width: 1280, height: 800 } });
    keys[digits ? 'digits' : 'arrows'] = await sortByKeyboard(page, set, cards, { digits });
    await page.context().close();
  }
  console.log('\nreach on the default set (issue 14):');
  console.log(`  phone 360×800, scroll from tapping a card to its bin tappable: at most ${scroll} px / 0 px: ${against(scroll === 0)}`);
  console.log(`  phone page height fresh ${fresh} px / ${10_547 / 2} px: ${against(fresh <= 10_547 / 2)}`);
  console.log(`  phone page height after sorting and a check ${checked} px / ${21_411 / 2} px: ${against(checked <= 21_411 / 2)}`);
  console.log(`  key presses to sort the board right: ${keys.digits} with the digit keys, ${keys.arrows} with the arrow keys / 75: ${against(keys.arrows <= 75)}`);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const url = server.href(pagePath);
  // A warm-up load (not counted) also gives the request list and the memory figures. Then the
  // cold loads, desktop and phone taking turns (so that a busy moment of the machine falls on both).
  const first = await load(browser, url, { measureMemory: true });
  const samples = { desktop: [], phone: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, profile] of Object.entries(PROFILES)) samples[name].push((await load(browser, url, { measureMemory: false, profile })).timing);
  }

  console.log(`diary-sort load benchmark: ${url}`);
  console.log(`chromium ${browser.version()}, ${runs} cold loads per profile, each in a fresh context\n`);

  // Bytes: the files behind the same-origin requests, as they are on disk; as the server sends
  // them gzip-compressed (pkg/'s from the .gz siblings the build made with zopfli, the rest at
  // zlib's default level; what went over the wire, headers included, is in the first screen's
  // figures); gzip -9, what a host compressing at its best on the fly sends;
  // brotli at its highest quality what a host or CDN that offers brotli would send instead.
  const origin = new URL(url).origin;
  const seen = new Set();
  const rows = [];
  for (const r of first.requests) {
    const u = new URL(r.url);
    if (u.origin !== origin || r.status !== 200 || seen.has(u.pathname)) continue;
    seen.add(u.pathname);
    const file = path.join(repoRoot, decodeURIComponent(u.pathname).replace(/\/$/, '/index.html'));
    const bytes = readFileSync(file);
    const brotli = brotliCompressSync(bytes, { params: { [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY } }).length;
    // What `diary-sort serve` sends: the file's .gz sibling when it is fresh, else zlib's default level.
    const sibling = `${file}.gz`;
    const fresh = existsSync(sibling) && statSync(sibling).mtimeMs >= statSync(file).mtimeMs;
    const sent = fresh ? statSync(sibling).size : gzipSync(bytes).length;
    const later = first.timing.later.includes(u.pathname);
    rows.push({ file: path.relative(repoRoot, file), later, raw: statSync(file).size, sent, gzip: gzipSync(bytes, { level: 9 }).length, brotli });
  }
  const others = first.requests.filter((r) => new URL(r.url).origin !== origin || r.status !== 200);
  const total = { raw: 0, sent: 0, gzip: 0, brotli: 0 };
  for (const r of rows.filter((r) => !r.later)) for (const k of Object.keys(total)) total[k] += r[k];
  const w = Math.max(28, ...rows.map((r) => r.file.length), ...Object.values(PROFILES).map((p) => p.label.length));
  const sizes = (r) => [r.raw, r.sent, r.gzip, r.brotli].map((b) => kb(b).padStart(11)).join(' ');
  console.log(`${'downloaded file'.padEnd(w)} ${['raw', 'sent', 'gzip -9', 'brotli 11'].map((h) => h.padStart(11)).join(' ')}`);
  for (const r of rows.filter((r) => !r.later)) console.log(`${r.file.padEnd(w)} ${sizes(r)}`);
  console.log(`${'total for the board'.padEnd(w)} ${sizes(total)}`);
  const later = rows.filter((r) => r.later);
  if (later.length) {
    console.log('fetched once the board is there, ahead of the quiz (not in the figures below):');
    for (const r of later) console.log(`${r.file.padEnd(w)} ${sizes(r)}`);
  }
  for (const r of others) console.log(`(also requested: ${r.url} -> ${r.status || 'failed'})`);

  const range = (xs, show) => `${show(median(xs))} (${show(Math.min(...xs))}–${show(Math.max(...xs))})`;
  const count = (n) => Math.round(n).toLocaleString('en');
  const columns = [
    ['board interactive', (t) => t.ready, ms],
    ['on the wire until then', (t) => t.wire, kb],
    ['DOM nodes then', (t) => t.nodes, count],
  ];
  console.log(`\n${'first screen: median (min–max)'.padEnd(w)} ${columns.map(([h]) => h.padStart(24)).join(' ')}`);
  for (const [name, profile] of Object.entries(PROFILES)) {
    const cells = columns.map(([, pick, show]) => range(samples[name].map(pick), show).padStart(24));
    console.log(`${profile.label.padEnd(w)} ${cells.join(' ')}`);
  }
  for (const [name, profile] of Object.entries(PROFILES)) {
    console.log(`${`DOMContentLoaded, ${name}`.padEnd(w)} ${range(samples[name].map((t) => t.domContentLoaded), ms).padStart(24)}`);
  }

  const m = first.memory;
  console.log(`\n${'memory after load and GC'.padEnd(w)} ${'size'.padStart(11)}`);
  console.log(`${'JS heap used'.padEnd(w)} ${kb(m.heapUsed).padStart(11)}`);
  console.log(`${'JS heap total'.padEnd(w)} ${kb(m.heapTotal).padStart(11)}`);
  console.log(`${'wasm linear memory'.padEnd(w)} ${kb(m.wasm).padStart(11)}`);

  if (process.env.BENCH_SCALE !== '0') {
    const f = await scale(url);
    console.log(`\n${'generated set'.padEnd(w)} ${'JSON'.padStart(11)} ${'validate'.padStart(9)} ${'mount'.padStart(9)} ${'JS heap'.padStart(11)} ${'wasm mem'.padStart(11)}`);
    for (const n of [1_000, 10_000]) {
      const x = f[n];
      console.log(
        `${`${n.toLocaleString('en')} excerpts`.padEnd(w)} ${kb(x.bytes).padStart(11)} ${ms(x.validate).padStart(9)} ${ms(x.mounted).padStart(9)} ${kb(x.memory.heap).padStart(11)} ${kb(x.memory.wasm).padStart(11)}`,
      );
    }
    console.log('(validate: problems(text), load + validation, median of 9; mount: the set received to board interactive)');
    console.log(`\n${'move to paint, 1,000 excerpts'.padEnd(w)} p50 ${f.moves.p50.toFixed(1)} ms, p95 ${f.moves.p95.toFixed(1)} ms (200 keyboard drops, frames uncapped: ${UNCAPPED.join(' ')})`);
    console.log(`${'the same, a page changing one line'.padEnd(w)} p50 ${f.floor.p50.toFixed(1)} ms, p95 ${f.floor.p95.toFixed(1)} ms (the machine's floor now; load average ${loadavg()[0].toFixed(2)})`);
    console.log(`${'resume state, 200 answered'.padEnd(w)} ${f.resume200} characters`);
    console.log('\nagainst the budgets of issue 6:');
    console.log(`  10,000 excerpts load + validate ${ms(f[10_000].validate)} / ${BUDGET.load10k} ms: ${against(f[10_000].validate <= BUDGET.load10k)}`);
    console.log(`  move p95 on 1,000 excerpts ${f.moves.p95.toFixed(1)} ms / ${BUDGET.moveP95} ms: ${against(f.moves.p95 <= BUDGET.moveP95)}`);
    console.log(`  move p50 on 1,000 excerpts ${f.moves.p50.toFixed(1)} ms / ${BUDGET.moveP50} ms: ${against(f.moves.p50 <= BUDGET.moveP50)}`);
    console.log(`  mount of 1,000 excerpts ${ms(f[1_000].mounted)} / ${BUDGET.mount1k} ms: ${against(f[1_000].mounted <= BUDGET.mount1k)}`);
    console.log(`  resume state for 200 items ${f.resume200} / ${BUDGET.resume200} characters: ${against(f.resume200 <= BUDGET.resume200)}`);
  }
  await reach(browser, url);
} finally {
  await browser.close();
  await server.stop();
}
