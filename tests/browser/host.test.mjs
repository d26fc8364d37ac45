// End-to-end: the element on a course page with aggressive styles of its own
// (fixtures/hostile-host.html and .css: `html { font-size: 62.5% }`, `* { box-sizing:
// content-box; margin: 0; padding: 0 }`, `button { all: unset; color: red }`, `h2 { font-size:
// 4rem }`, a black body, Bootstrap's `.card`…). The page includes diary-sort.js and nothing else of
// ours: the element adds widget.css itself, once. The exercise looks exactly as it does on a plain
// page, passes axe, and the page's own elements keep every style the page gave them.
//
// The host pages are served by the test (context.route) at /www/*.test.html, with the CSP header
// the server sends for its own pages: a real page load under the real policy, next to www/ so
// relative URLs resolve as they would for an instructor, and nothing added to www/ itself. (Built
// with page.setContent instead, the host's stylesheet would still need serving, since the policy
// forbids inline <style>, and the document would be written into another page's.)
//
// HOST_SHOTS=DIR writes the two screenshots the pixel test compares into DIR, to look at a failure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { serverAndBrowser, openPage, cspViolations, axeViolations, formatAxe, READY } from './harness.mjs';
import { readSet, grab, bin, binButton } from './board.mjs';

const env = serverAndBrowser();
const fixture = (name) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const HOST_HTML = fixture('hostile-host.html');
const HOSTILE_CSS = fixture('hostile-host.css');
/** A page with no opinions, whose columns are where the hostile page's are (the same pixels: a
 * rounded corner's edge is drawn a shade differently at another offset). */
const PLAIN_CSS = 'body { margin: 0; } .column { width: 900px; margin: 0 auto 64px; }';
const SCRIPT = '<script type="module" src="diary-sort.js"></script>';
const { cards } = readSet('snijders-nl.json');
// Tall enough for a whole exercise: nothing sticks to the screen's edges in a screenshot.
const VIEWPORT = { width: 1280, height: 10000 };

/** The policy the server sends with its own pages (the hosts here get the same). */
async function serverPolicy(page) {
  const response = await page.request.get(env.server.href('/www/index.html'));
  const csp = response.headers()['content-security-policy'];
  assert.match(csp ?? '', /style-src 'self'/);
  return csp;
}

/**
 * Opens the host page (`html`) at /www/host.test.html with `css` as its stylesheet and `files`
 * (path: CSS text) besides; `script: false` leaves out diary-sort.js (the page as it is without
 * us). Waits for both exercises when there are any.
 */
async function openHost({ css = HOSTILE_CSS, script = true, html = HOST_HTML, files = {} } = {}) {
  const page = await openPage(env.browser, null, { viewport: VIEWPORT });
  const csp = await serverPolicy(page);
  const headers = { 'content-security-policy': csp };
  assert.ok(html.includes(SCRIPT));
  const body = script ? html : html.replace(SCRIPT, '');
  await page.context().route(env.server.href('/www/host.test.html'), (route) =>
    route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body }),
  );
  for (const [path, text] of Object.entries({ '/www/host.test.css': css, ...files })) {
    await page.context().route(env.server.href(path), (route) =>
      route.fulfill({ contentType: 'text/css; charset=utf-8', headers, body: text }),
    );
  }
  page.requested = [];
  page.on('request', (request) => page.requested.push(new URL(request.url()).pathname));
  await page.goto(env.server.href('/www/host.test.html'), { waitUntil: 'load' });
  if (script) {
    await page.locator(`#first ${READY}`).waitFor();
    await page.locator(`#second ${READY}`).waitFor();
    await page.evaluate(() => document.fonts.ready);
  }
  return page;
}

/** Computed styles of the page's own elements, for the properties any of our rules could touch. */
function hostStyles(page) {
  return page.evaluate(() => {
    const props = [
      'display', 'box-sizing', 'margin', 'padding', 'border', 'background-color', 'color', 'font',
      'letter-spacing', 'text-transform', 'text-align', 'list-style', 'outline', 'cursor', 'quotes',
      'color-scheme',
    ];
    const ids = ['host-h1', 'host-p', 'host-h2', 'host-ul', 'host-li', 'host-button'];
    const elements = [document.documentElement, document.body, ...ids.map((id) => document.getElementById(id))];
    return elements.map((el) => {
      const style = getComputedStyle(el);
      const { width, height } = el.getBoundingClientRect();
      const size = el.id ? { width, height } : {}; // (html and body grow with the exercises)
      return [el.id || el.localName, { ...Object.fromEntries(props.map((p) => [p, style.getPropertyValue(p)])), ...size }];
    });
  });
}

test('on a page with aggressive styles: the page keeps its look, the exercise keeps its own', async () => {
  // The page's own elements without us, then with two exercises in it.
  const bare = await openHost({ script: false });
  const without = await hostStyles(bare);
  await bare.context().close();
  const page = await openHost();
  assert.deepEqual(await hostStyles(page), without, 'widget.css changes none of the page\'s own elements');
  const body = await page.evaluate(() => {
    const s = getComputedStyle(document.body);
    return { background: s.backgroundColor, color: s.color, fontSize: s.fontSize };
  });
  assert.deepEqual(body, { background: 'rgb(0, 0, 0)', color: 'rgb(255, 255, 255)', fontSize: '20px' });

  // Only widget.css came with the element, once for both exercises (and not page.css).
  const sheets = await page.evaluate(() =>
    [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => [new URL(l.href).pathname, l.hasAttribute('data-diary-sort')]),
  );
  assert.deepEqual(sheets, [['/www/host.test.css', false], ['/pkg/widget.css', true]]);
  assert.deepEqual(page.requested.filter((p) => p.endsWith('.css')), ['/www/host.test.css', '/pkg/widget.css']);

  // The exercise's own look, whatever the page says about bare elements.
  const first = page.locator('#first');
  const look = await first.evaluate((host) => {
    const root = host.querySelector('.diary-sort');
    const pick = (el, ...props) => {
      const s = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    };
    const binButton = root.querySelector('.bin-button');
    return {
      root: pick(root, 'background-color', 'color', 'font-size', 'text-align', 'letter-spacing', 'color-scheme'),
      text: pick(root.querySelector('.instructions'), 'font-size', 'line-height', 'font-family'),
      title: pick(root.querySelector('h2'), 'font-size', 'text-transform', 'border-bottom-style', 'color'),
      binButton: {
        ...pick(binButton, 'display', 'border-top-style', 'border-top-width', 'border-top-color', 'color', 'background-color', 'min-height', 'font-weight', 'cursor', 'box-sizing'),
        height: binButton.getBoundingClientRect().height,
      },
      cards: pick(root.querySelector('.cards'), 'list-style-type', 'padding-left', 'margin-top'),
      card: pick(root.querySelector('.card'), 'display', 'border-top-color', 'box-sizing'),
      quote: pick(root.querySelector('.card blockquote'), 'border-left-style', 'padding-left', 'background-color', 'font-style'),
      check: pick(root.querySelector('.check'), 'background-color', 'color', 'min-height'),
    };
  });
  assert.deepEqual(look.root, {
    'background-color': 'rgb(246, 243, 236)',
    color: 'rgb(28, 31, 36)',
    'font-size': '16px', // the reader's default size, not the page's 62.5%
    'text-align': 'start',
    'letter-spacing': 'normal',
    'color-scheme': 'light',
  });
  assert.equal(look.text['font-size'], '17px');
  assert.equal(look.text['line-height'], `${17 * 1.55}px`);
  assert.doesNotMatch(look.text['font-family'], /Comic Sans/);
  assert.equal(look.title['font-size'], `${2.2 * 16}px`, 'the title keeps its own size (not 4rem)');
  assert.equal(look.title['text-transform'], 'none');
  assert.equal(look.title['border-bottom-style'], 'none');
  assert.equal(look.title.color, 'rgb(28, 31, 36)');
  assert.deepEqual({ ...look.binButton, height: undefined }, {
    display: 'flex', // a flex item of its heading, beside the bin's count
    'border-top-style': 'solid',
    'border-top-width': '2px',
    'border-top-color': 'rgb(27, 77, 140)',
    color: 'rgb(27, 77, 140)',
    'background-color': 'rgb(255, 255, 255)',
    'min-height': '44px',
    'font-weight': '700',
    cursor: 'pointer',
    'box-sizing': 'border-box',
    height: undefined,
  });
  assert.ok(look.binButton.height >= 44, `a bin's button is ${look.binButton.height} px tall`);
  // A list's own padding and margin (half the gap, room for the clip of its paint containment),
  // not the page's 4rem and 2rem.
  assert.deepEqual(look.cards, { 'list-style-type': 'none', 'padding-left': '6px', 'margin-top': '-6px' });
  assert.deepEqual(look.card, { display: 'flex', 'border-top-color': 'rgb(216, 209, 195)', 'box-sizing': 'border-box' });
  assert.deepEqual(look.quote, { 'border-left-style': 'none', 'padding-left': '0px', 'background-color': 'rgba(0, 0, 0, 0)', 'font-style': 'normal' });
  assert.deepEqual(look.check, { 'background-color': 'rgb(27, 77, 140)', color: 'rgb(255, 255, 255)', 'min-height': '44px' });

  // The page set --diary-sort-accent and --diary-sort-paper on the second element: they apply.
  const second = await page.locator('#second .bin-button').first().evaluate((b) => [
    getComputedStyle(b).borderTopColor,
    getComputedStyle(b.closest('.diary-sort')).backgroundColor,
  ]);
  assert.deepEqual(second, ['rgb(107, 31, 90)', 'rgb(255, 255, 255)']);

  // The focus ring survives the page's `:focus { outline: none }`.
  await page.keyboard.press('Tab'); // the first exercise's "back to the pile"
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    return [el.closest('#first') !== null, getComputedStyle(el).outlineStyle, getComputedStyle(el).outlineWidth];
  });
  assert.deepEqual(ring, [true, 'solid', '3px']);

  // It works: a card goes into its bin by tap.
  const card = cards[0];
  await grab(first, card).click();
  await binButton(first, card.bin).click();
  await bin(first, card.bin).getByRole('button', { name: card.name, exact: true }).waitFor();

  const axe = await axeViolations(page, { context: '.diary-sort' });
  assert.deepEqual(axe, [], formatAxe(axe));
  assert.deepEqual(await cspViolations(page), [], 'no CSP violation');
  assert.deepEqual(page.errors, [], 'no page error');
  assert.deepEqual(page.failedRequests, [], 'no failed request');
  await page.context().close();
});

test('the exercise looks the same on the aggressive page as on a plain one, pixel for pixel', async () => {
  const shots = [];
  for (const css of [PLAIN_CSS, HOSTILE_CSS]) {
    const page = await openHost({ css });
    await page.mouse.move(0, 0);
    // Inside the rounded corners (there the page's own background shows, black or white).
    const box = await page.locator('#first').boundingBox();
    const clip = { x: box.x + 10, y: box.y + 10, width: box.width - 20, height: box.height - 20 };
    shots.push(await page.screenshot({ clip, animations: 'disabled', caret: 'hide' }));
    assert.deepEqual(await cspViolations(page), []);
    await page.context().close();
  }
  if (process.env.HOST_SHOTS) shots.forEach((s, i) => writeFileSync(`${process.env.HOST_SHOTS}/${i ? 'hostile' : 'plain'}.png`, s));
  assert.ok(shots[0].equals(shots[1]), 'the first exercise renders identically on both pages');
});

test('a page that links widget.css itself (the same URL, or a copy marked data-diary-sort) gets no second one', async () => {
  // embed.html links it by its URL.
  let page = await openPage(env.browser, env.server.href('/www/embed.html?storage=off'));
  const links = await page.evaluate(() => [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => new URL(l.href).pathname));
  assert.deepEqual(links, ['/www/page.css', '/pkg/widget.css']);
  await page.context().close();

  // A host with a copy of its own (say, on an origin its style-src allows), marked data-diary-sort.
  const copy = readFileSync(new URL('../../www/widget.css', import.meta.url), 'utf8');
  const html = HOST_HTML.replace(
    '<link rel="stylesheet" href="host.test.css">',
    '<link rel="stylesheet" href="host.test.css">\n  <link rel="stylesheet" href="copy.test.css" data-diary-sort>',
  );
  assert.notEqual(html, HOST_HTML);
  page = await openHost({ html, files: { '/www/copy.test.css': copy } });
  assert.ok(!page.requested.includes('/pkg/widget.css'), 'widget.css is not fetched');
  const style = await page.locator('#first .bin-button').first().evaluate((b) => getComputedStyle(b).borderTopStyle);
  assert.equal(style, 'solid', 'the copy styles the exercise');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
