// End-to-end: embedding. www/demo.html holds two <diary-sort> elements and an iframe of
// embed.html with resizer.js; it loads under the strict CSP, the three attempts are independent,
// the element's events carry their documented details, the iframe follows its content's height
// and the resizer ignores messages from any other window or origin, and an element taken out of
// the page takes its widget (DOM and listeners) with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serverAndBrowser, openPage, cspViolations, axeViolations, formatAxe, READY } from './harness.mjs';
import { readSet, grab, bin, binButton, placeByTap, assertCleanPage } from './board.mjs';

const { set, cards } = readSet('snijders-nl.json');
const env = serverAndBrowser();

/** Runs in every document before its scripts: records the element's events and every message. */
function recordInit() {
  window.__events = [];
  for (const type of ['ready', 'answered', 'completed']) {
    document.addEventListener(type, (e) => window.__events.push({ type, target: e.target.id, detail: e.detail }));
  }
  window.__messages = [];
  window.addEventListener('message', (e) => {
    const frame = [...document.querySelectorAll('iframe')].findIndex((f) => f.contentWindow === e.source);
    window.__messages.push({ frame, origin: e.origin, data: e.data });
  });
}

/** Opens the demo page, recording events, and waits for both elements and the iframe. */
async function openDemo() {
  // A Dutch reader: the browser's language speaks where no set does (a set that cannot be fetched).
  const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
  await page.addInitScript(recordInit);
  await page.goto(env.server.href('/www/demo.html'), { waitUntil: 'load' });
  await page.locator(`#first ${READY}`).waitFor();
  await page.locator(`#second ${READY}`).waitFor();
  await page.frameLocator('iframe[data-diary-sort]').locator(READY).waitFor();
  return page;
}

const events = (page) => page.evaluate(() => window.__events);
const frameOf = (page) => page.frames().find((f) => f.url().includes('/www/embed.html'));

/** No CSP violation in the page or its iframe, no uncaught error. */
async function assertClean(page) {
  await assertCleanPage(page);
  assert.deepEqual(await cspViolations(frameOf(page)), [], 'no CSP violation in the iframe');
}

test('demo page: two elements and an iframe under the strict CSP, each with its own attempt', async () => {
  const page = await openDemo();
  assert.deepEqual(page.failedRequests, []);
  const [first, second] = [page.locator('#first'), page.locator('#second')];
  const frame = page.frameLocator('iframe[data-diary-sort]');
  // The second element speaks English; the fallback content is gone from both.
  await second.getByRole('button', { name: 'Check', exact: true }).waitFor();
  assert.equal(await page.getByText('Deze oefening werkt alleen met JavaScript.').count(), 0);

  const card = cards[0];
  await placeByTap(first, [card]);
  // Not in the second element, nor in the iframe: there the card is still on the pile, unpressed.
  for (const other of [second, frame.locator('body')]) {
    const pile = other.getByRole('region', { name: /^(Fragmenten|Excerpts)$/ });
    assert.equal(await grab(pile, card).getAttribute('aria-pressed'), 'false');
    assert.equal(await bin(other, card.bin).getByRole('button', { name: card.name, exact: true }).count(), 0);
  }
  // A card picked in the second element is not held in the first.
  await grab(second, cards[1]).click();
  assert.equal(await grab(first, cards[1]).getAttribute('aria-pressed'), 'false');
  const axe = await axeViolations(page);
  assert.deepEqual(axe, [], formatAxe(axe));
  await assertClean(page);
  await page.context().close();
});

test('events: ready, answered for each card a check judges, completed', async () => {
  const page = await openDemo();
  const ready = (await events(page)).filter((e) => e.type === 'ready');
  const bins = [...set.categories.map((c) => c.id), set.fallback.id];
  for (const e of ready) assert.match(e.detail.state, /^3_[-bq]_(b2\.[0-9a-f]{16}\.[^_]*)?_(q3\.[0-9a-f]{16}\.[^_]*)?$/, 'the fresh attempt\'s resume string');
  const withoutState = ready.map(({ detail: { state, ...rest }, ...e }) => ({ ...e, detail: rest }));
  const detail = { setId: set.id, excerpts: cards.length, bins, passMark: set.settings.pass_mark };
  assert.deepEqual(withoutState, [
    { type: 'ready', target: 'first', detail },
    { type: 'ready', target: 'second', detail },
  ]);

  // Finish the first element by tap-to-place, one card in a wrong bin.
  const first = page.locator('#first');
  const [wrong, ...rest] = cards;
  const elsewhere = cards.find((c) => c.bin !== wrong.bin);
  for (const [card, label] of [[wrong, elsewhere.bin], ...rest.map((c) => [c, c.bin])]) {
    await grab(first, card).click();
    await binButton(first, label).click();
  }
  const check = first.getByRole('button', { name: 'Controleer', exact: true });
  await check.click();
  let answered = (await events(page)).filter((e) => e.type === 'answered');
  assert.equal(answered.length, cards.length, 'one answer per card at the first check');
  const expected = cards.map((c) => ({
    type: 'answered',
    target: 'first',
    detail: {
      excerpt: c.id,
      bin: c === wrong ? elsewhere.binId : c.binId,
      expected: c.binId,
      correct: c !== wrong,
      check: 1,
    },
  }));
  const byExcerpt = (a, b) => a.detail.excerpt.localeCompare(b.detail.excerpt);
  assert.deepEqual(answered.sort(byExcerpt), expected.sort(byExcerpt));
  assert.equal((await events(page)).filter((e) => e.type === 'completed').length, 0);

  // The wrong card moves to its bin; the second check judges only that card, then completes.
  await placeByTap(first, [wrong]);
  await check.click();
  await first.getByRole('heading', { name: 'Resultaat' }).waitFor();
  const all = await events(page);
  answered = all.filter((e) => e.type === 'answered');
  assert.deepEqual(answered.at(-1), {
    type: 'answered',
    target: 'first',
    detail: { excerpt: wrong.id, bin: wrong.binId, expected: wrong.binId, correct: true, check: 2 },
  });
  assert.equal(answered.length, cards.length + 1);
  // (15 × 100 + 75) / 16 = 98.
  assert.deepEqual(all.at(-1), { type: 'completed', target: 'first', detail: { score: 98, passed: true } });
  assert.ok(all.every((e) => e.target === 'first' || e.type === 'ready'), 'nothing from the second element');
  await assertClean(page);
  await page.context().close();
});

test('iframe: the resizer keeps it as tall as its content and ignores other windows', async () => {
  const page = await openDemo();
  const iframe = page.locator('iframe[data-diary-sort]');
  const frame = frameOf(page);
  const contentHeight = () => frame.evaluate(() => document.documentElement.getBoundingClientRect().height);
  const frameHeight = () => iframe.evaluate((f) => f.getBoundingClientRect().height);
  async function follows() {
    for (let i = 0; i < 100; i++) {
      const [content, height] = [await contentHeight(), await frameHeight()];
      if (Math.abs(height - Math.ceil(content)) <= 1 && content > 500) return height;
      await page.waitForTimeout(50);
    }
    throw new Error(`the iframe is ${await frameHeight()} px tall, its content ${await contentHeight()} px`);
  }
  const tall = await follows();
  // A narrower window makes the content taller: the iframe follows.
  await page.setViewportSize({ width: 600, height: 800 });
  assert.ok((await follows()) > tall, 'the iframe grew with its content');
  const now = await frameHeight();
  // The same origin but the wrong window (the page itself): ignored.
  await page.evaluate(() => window.postMessage({ type: 'diary-sort:height', height: 40 }, '*'));
  await page.waitForTimeout(200);
  assert.equal(await frameHeight(), now);
  // The embed posts only to its parent origin, only its height.
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.some((m) => m.frame === 0 && m.origin === env.server.origin));
  for (const m of messages.filter((x) => x.frame === 0)) {
    assert.deepEqual(Object.keys(m.data).sort(), ['height', 'type']);
  }
  await assertClean(page);
  await page.context().close();
});

test('resizer: only the iframe\'s own window at its own origin; embed posts nothing without ?parent', async () => {
  const page = await openPage(env.browser, null);
  await page.addInitScript(recordInit);
  const context = page.context();
  const html = (body) => ({ contentType: 'text/html', body: `<!doctype html><title>t</title>${body}` });
  const post = (height) => `<script>parent.postMessage({type: 'diary-sort:height', height: ${height}}, '*');</script>`;
  // Other sites, served by the test itself (inline scripts are fine there: these are not www/).
  await context.route('http://frames.test/**', (route) => {
    const path = new URL(route.request().url()).pathname;
    const hop = `<script>location.replace('http://evil.test/post.html');</script>`;
    route.fulfill(html(path === '/hop.html' ? hop : post(321)));
  });
  await context.route('http://evil.test/**', (route) => route.fulfill(html(post(999))));
  // A host page on the server's origin (so embed.html may be framed) that includes the resizer.
  const host = env.server.href('/www/resizer-host.test.html');
  await context.route(host, (route) =>
    route.fulfill(
      html(`<script src="resizer.js"></script>
        <iframe data-diary-sort id="ok" src="http://frames.test/ok.html"></iframe>
        <iframe data-diary-sort id="hop" src="http://frames.test/hop.html"></iframe>
        <iframe id="unmarked" src="http://frames.test/ok.html"></iframe>
        <iframe data-diary-sort id="embed" src="embed.html?set=sets/snijders-en.json&storage=off"></iframe>`),
    ),
  );
  await page.goto(host, { waitUntil: 'load' });
  await page.frameLocator('#embed').locator(READY).waitFor();
  const embed = page.frames().find((f) => f.url().includes('/www/embed.html'));
  assert.equal(await embed.evaluate(() => document.documentElement.lang), 'en', 'the embed takes the set\'s language');
  await page.waitForTimeout(300);
  const heights = await page.evaluate(() =>
    Object.fromEntries([...document.querySelectorAll('iframe')].map((f) => [f.id, f.clientHeight])),
  );
  const messages = await page.evaluate(() => window.__messages);
  // Every frame but the embed did post (so what is ignored was really sent).
  assert.deepEqual(
    messages.map((m) => [m.frame, m.origin, m.data.height]).sort(),
    [[0, 'http://frames.test', 321], [1, 'http://evil.test', 999], [2, 'http://frames.test', 321]].sort(),
  );
  assert.equal(heights.ok, 321, 'taken: the iframe\'s own window, at its src\'s origin');
  assert.equal(heights.hop, 150, 'ignored: the iframe navigated to another origin');
  assert.equal(heights.unmarked, 150, 'ignored: not a data-diary-sort iframe');
  assert.equal(heights.embed, 150, 'the embed posted nothing without ?parent');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('elements: removing one removes its widget; moving keeps it; src or lang changes start afresh', async () => {
  const page = await openDemo();
  // Moved (removed and inserted in one task): the same widget, attempt and all.
  const moved = await page.evaluate(async () => {
    const el = document.getElementById('first');
    const root = el.firstElementChild;
    el.parentElement.append(el);
    await new Promise((r) => setTimeout(r, 50));
    return el.firstElementChild === root;
  });
  assert.ok(moved, 'a moved element keeps its widget');

  // Removed: the widget's DOM goes; put back in the page, it no longer listens.
  const before = (await events(page)).length;
  const after = await page.evaluate(async () => {
    const el = document.getElementById('second');
    const root = el.firstElementChild;
    el.remove();
    window.__removed = el;
    await new Promise((r) => setTimeout(r, 50));
    const children = el.childElementCount;
    document.body.append(root);
    const button = root.querySelector('button.grab');
    button.click();
    const pressed = button.getAttribute('aria-pressed');
    root.remove();
    return { children, pressed };
  });
  assert.deepEqual(after, { children: 0, pressed: 'false' });
  assert.equal((await events(page)).length, before, 'no events from a removed element');

  // Put back: a fresh widget, which says it is ready.
  await page.evaluate(() => document.querySelector('main').append(window.__removed));
  await page.locator(`#second ${READY}`).waitFor();
  assert.deepEqual((await events(page)).slice(before).map((e) => [e.type, e.target]), [['ready', 'second']]);

  // lang changes: the first element starts again in English.
  await page.evaluate(() => document.getElementById('first').setAttribute('lang', 'en'));
  await page.locator('#first').getByRole('button', { name: 'Check', exact: true }).waitFor();
  assert.equal(await page.locator('#first .diary-sort').count(), 1, 'one widget, not two');

  // A set that cannot be fetched: a readable message in the reader's language, or the element's.
  await page.evaluate(() => {
    const el = document.createElement('diary-sort');
    el.id = 'missing';
    el.setAttribute('src', 'sets/missing.json');
    document.querySelector('main').append(el);
  });
  const alert = page.locator('#missing').getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /Deze oefenset kon niet worden opgehaald:/);
  assert.match(await alert.innerText(), /sets\/missing\.json: HTTP 404/);
  await page.evaluate(() => document.getElementById('missing').setAttribute('lang', 'en'));
  await page.locator('#missing').getByText('This exercise set could not be fetched:').waitFor();
  assert.deepEqual(page.errors, []);
  assert.deepEqual(await cspViolations(page), []);
  await page.context().close();
});
