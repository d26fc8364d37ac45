// End-to-end: the instructor's set editor (www/editor.html). A mistake typed into the JSON is
// listed at its line within a second and marked in the line numbers; activating it puts the
// caret there; fixing it brings the preview back. The blank template loads (after asking, when
// there are unsaved edits), a download gives back the text exactly, a reload keeps it, a file
// opened from disk replaces it; without localStorage it still works and says so. Every state is
// audited with axe-core, under the strict CSP.
// Also measures how long checking a 1,000-excerpt set takes as you type (printed, not asserted).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage, axeViolations, formatAxe } from './harness.mjs';
import { readSet, assertCleanPage } from './board.mjs';

const env = serverAndBrowser();

/** The editor's own readiness mark (the preview widget has its own `data-ready`). */
const EDITOR_READY = 'main[data-ready="true"]';
const set = (file) => readFileSync(new URL(`../../www/sets/${file}`, import.meta.url), 'utf8');
const DUTCH = set('snijders-nl.json');
const TEMPLATE = set('template.json');

async function openEditor(query = '') {
  return openPage(env.browser, env.server.href(`/www/editor.html${query}`), { viewport: { width: 1280, height: 900 } }, {
    ready: EDITOR_READY,
  });
}

const source = (page) => page.getByRole('textbox', { name: /JSON/ });
/** The editor's live status line (the preview's widget has a status region of its own). */
const status = (page) => page.locator('#status');
const problemButtons = (page) => page.locator('#problems').getByRole('button');
const preview = (page) => page.getByRole('region', { name: /Voorbeeld|Preview/ });
/** A bin's button in the preview, by its label. */
const previewBin = (page, label) => preview(page).getByRole('button', { name: label, exact: true });

/** 1-based line and column of UTF-16 offset `at` in `text` (the text here is all BMP). */
function lineColumn(text, at) {
  const before = text.slice(0, at);
  return { line: before.split('\n').length, column: at - before.lastIndexOf('\n') };
}

async function assertAxeClean(page, when) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe ${when}:\n${formatAxe(violations)}`);
}

/** No CSP violation or page error happened; closes the page's context. */
async function closeClean(page) {
  await assertCleanPage(page);
  await page.context().close();
}

/** Puts the caret at `at` in the textarea. */
async function caretAt(page, at) {
  await source(page).focus();
  await source(page).evaluate((el, at) => el.setSelectionRange(at, at), at);
}

test('a misspelt criterion is listed at its line within a second, found from the list, and fixing it restores the preview', async () => {
  const page = await openEditor();
  const { binLabel } = readSet('snijders-nl.json');
  assert.equal(await source(page).inputValue(), DUTCH, 'a first visit starts from the Dutch default set');
  await previewBin(page, binLabel.get('atomisation')).waitFor();
  assert.equal(await status(page).innerText(), 'Geen problemen.');
  await assertAxeClean(page, 'on the default set');

  // Delete the last letter of the first evidence entry's criterion id: "loneliness" → "lonelines".
  const text = await source(page).inputValue();
  const value = text.indexOf('"criterion": "loneliness"') + '"criterion": '.length;
  const { line, column } = lineColumn(text, value);
  const parsed = JSON.parse(text);
  const excerpt = parsed.excerpts.findIndex((e) => e.evidence?.some((ev) => ev.criterion === 'loneliness'));
  const entry = parsed.excerpts[excerpt].evidence.findIndex((ev) => ev.criterion === 'loneliness');
  await caretAt(page, value + '"loneliness'.length);
  const typed = Date.now();
  await page.keyboard.press('Backspace');
  const expected =
    `${line}:${column} — excerpts[${excerpt}].evidence[${entry}].criterion — ` +
    'het criterium `lonelines` bestaat niet; bedoel je `loneliness`?';
  const problem = problemButtons(page).filter({ hasText: expected });
  await problem.waitFor({ timeout: 5000 });
  console.log(`editor: a typed mistake was listed ${Date.now() - typed} ms after the keystroke (300 ms of it the typing pause)`);
  assert.equal((await problem.innerText()).trim(), expected);
  assert.match(await status(page).innerText(), /^\d+ problemen?\.$/);
  // Its line number is marked, with the message on hover.
  const number = page.locator(`#lines > :nth-child(${line})`);
  assert.equal(await number.innerText(), String(line));
  assert.match(await number.getAttribute('class'), /\bhas-problem\b/);
  assert.match(await number.getAttribute('title'), /`lonelines` bestaat niet/);
  // The preview keeps the last good version, out of reach (inert) and said to be outdated.
  assert.ok(await page.locator('#preview').evaluate((host) => host.inert), 'no usable bins while the set has problems');
  assert.match(await page.locator('#preview-note').innerText(), /laatste versie zonder problemen/);
  await assertAxeClean(page, 'with a problem listed');

  // Activating the problem (keyboard) moves the caret to its line and column, in view.
  await page.locator('#download').focus();
  await problem.focus();
  await page.keyboard.press('Enter');
  const caret = await source(page).evaluate((el) => {
    const style = getComputedStyle(el);
    return {
      focused: document.activeElement === el,
      at: el.selectionStart,
      collapsed: el.selectionStart === el.selectionEnd,
      scrollTop: el.scrollTop,
      clientHeight: el.clientHeight,
      lineHeight: parseFloat(style.lineHeight),
      paddingTop: parseFloat(style.paddingTop),
      top: el.getBoundingClientRect().top + el.clientTop,
    };
  });
  assert.ok(caret.focused, 'the textarea has focus');
  assert.ok(caret.collapsed, 'a caret, not a selection');
  assert.deepEqual(lineColumn(await source(page).inputValue(), caret.at), { line, column });
  const lineTop = (line - 1) * caret.lineHeight;
  assert.ok(caret.scrollTop > 0, 'the textarea scrolled to the line');
  assert.ok(lineTop >= caret.scrollTop && lineTop + caret.lineHeight <= caret.scrollTop + caret.clientHeight, 'the line is in view');
  // The line numbers scrolled with the text: the marked number sits beside its line.
  await page.waitForFunction(
    ({ line, expectedTop }) =>
      Math.abs(document.querySelector(`#lines > :nth-child(${line})`).getBoundingClientRect().top - expectedTop) < 1,
    { line, expectedTop: caret.top + caret.paddingTop + lineTop - caret.scrollTop },
    { timeout: 5000 },
  );

  // Fix it from the caret: past the opening quote and the nine letters, type the missing "s".
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('s');
  await page.locator('#preview:not([inert])').waitFor({ timeout: 5000 });
  await previewBin(page, binLabel.get('atomisation')).waitFor();
  assert.equal(await status(page).innerText(), 'Geen problemen.');
  assert.equal(await problemButtons(page).count(), 0);
  assert.equal(await source(page).inputValue(), DUTCH);
  assert.equal(await page.locator('#lines > .has-problem').count(), 0, 'no line marked');
  assert.ok(await page.locator('#preview-note').isHidden());
  await assertAxeClean(page, 'after the fix');
  await closeClean(page);
});

test('a deleted comma is a syntax error at the line that follows it', async () => {
  const page = await openEditor();
  const text = await source(page).inputValue();
  const comma = text.indexOf(',', text.indexOf('"format": '));
  await caretAt(page, comma + 1);
  await page.keyboard.press('Backspace');
  const next = lineColumn(text, text.indexOf('"id"'));
  const problem = problemButtons(page).first();
  await problem.filter({ hasText: `${next.line}:${next.column} — ` }).waitFor({ timeout: 5000 });
  assert.ok((await problem.innerText()).includes(`ontbreekt er een \`,\` aan het eind van regel ${lineColumn(text, comma).line}?`));
  assert.equal(await status(page).innerText(), '1 probleem.');
  assert.equal(await page.locator('#lines > .has-problem').innerText(), String(next.line));
  await closeClean(page);
});

test('a problem speaks the editor\'s language: Dutch in the Dutch editor, English in the English one', async () => {
  for (const [query, file, message] of [
    ['', 'snijders-nl.json', 'het criterium `real_vs_publik_self` bestaat niet; bedoel je `real_vs_public_self`?'],
    ['?lang=en', 'snijders-en.json', 'criterion `real_vs_publik_self` does not exist; did you mean `real_vs_public_self`?'],
  ]) {
    const page = await openEditor(query);
    assert.equal(await source(page).inputValue(), set(file));
    const text = set(file);
    const at = text.indexOf('"criterion": "real_vs_public_self"') + '"criterion": "real_vs_publi'.length;
    const { line, column } = lineColumn(text, at - '"real_vs_publi'.length);
    const { path } = (() => {
      const parsed = JSON.parse(text);
      const i = parsed.excerpts.findIndex((e) => e.evidence?.some((ev) => ev.criterion === 'real_vs_public_self'));
      const j = parsed.excerpts[i].evidence.findIndex((ev) => ev.criterion === 'real_vs_public_self');
      return { path: `excerpts[${i}].evidence[${j}].criterion` };
    })();
    // "real_vs_public_self" → "real_vs_publik_self": one letter typed over another.
    await source(page).focus();
    await source(page).evaluate((el, at) => el.setSelectionRange(at, at + 1), at);
    await page.keyboard.type('k');
    const problem = page.getByRole('button', { name: `${line}:${column} — ${path} — ${message}`, exact: true });
    await problem.waitFor({ timeout: 5000 });
    assert.equal(await page.locator('#problems').getByRole('listitem').count(), 1, `${file}: one problem`);
    await assertAxeClean(page, `with a problem listed (${query || 'nl'})`);
    await closeClean(page);
  }
});

test('in English, the blank template replaces unsaved edits only when the instructor says so', async () => {
  const page = await openEditor('?lang=en');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal((await page.getByRole('heading', { level: 1 }).innerText()).toLowerCase(), 'edit an exercise set');
  assert.equal(await source(page).inputValue(), set('snijders-en.json'), 'in English, the English set comes first');

  await caretAt(page, 0);
  await page.keyboard.type(' ');
  const edited = await source(page).inputValue();
  const templateButton = page.getByRole('button', { name: 'Blank template' });
  const dialog = page.getByRole('dialog');

  // Escape keeps the text; focus goes back to the button.
  await templateButton.click();
  await dialog.waitFor();
  assert.ok(await dialog.getByRole('button', { name: 'Keep my text' }).evaluate((b) => b === document.activeElement));
  await assertAxeClean(page, 'with the question open');
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await source(page).inputValue(), edited);
  assert.ok(await templateButton.evaluate((b) => b === document.activeElement), 'focus is back on the button');

  // "Replace" loads the template: no problems, one bin in the preview.
  await page.keyboard.press('Enter');
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await previewBin(page, 'name on the bin').waitFor();
  assert.equal(await source(page).inputValue(), TEMPLATE);
  assert.equal(await status(page).innerText(), 'No problems.');
  assert.equal(await page.locator('#lines > *').count(), TEMPLATE.split('\n').length);
  assert.equal(await preview(page).getByRole('heading', { name: 'Title of the exercise' }).count(), 1);

  // Nothing unsaved now: another start is not asked about.
  await page.getByRole('button', { name: 'Dutch default set' }).click();
  await page.waitForFunction((dutch) => document.getElementById('source').value === dutch, DUTCH);
  assert.ok(await dialog.isHidden());
  await assertAxeClean(page, 'in English');
  await closeClean(page);
});

test('a reload keeps the text, a download gives it back, and a file from disk replaces it', async () => {
  const page = await openEditor();
  // Rename the set's title and reload at once (within the typing pause).
  const text = await source(page).inputValue();
  await caretAt(page, text.indexOf('Eenzaam of geatomiseerd?'));
  await page.keyboard.type('Mijn set: ');
  const edited = await source(page).inputValue();
  await page.reload();
  await page.locator(EDITOR_READY).waitFor();
  assert.equal(await source(page).inputValue(), edited, 'the reload lost nothing');
  await preview(page).getByRole('heading', { name: /^Mijn set: Eenzaam/ }).waitFor();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Downloaden' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'snijders-atomisatie-nl.json');
  assert.equal(readFileSync(await download.path(), 'utf8'), edited, 'the file is the text, byte for byte');

  // Downloaded, so nothing is unsaved: a file from disk replaces the text without a question.
  const mini = readFileSync(new URL('../fixtures/mini.json', import.meta.url), 'utf8');
  await page.locator('#file').setInputFiles({ name: 'mini.json', mimeType: 'application/json', buffer: Buffer.from(mini) });
  await previewBin(page, 'none of these').waitFor();
  assert.equal(await source(page).inputValue(), mini);
  assert.ok(await page.getByRole('dialog').isHidden());
  await closeClean(page);
});

test('without localStorage the editor still works, says the text is not kept, and asks before leaving', async () => {
  const page = await openPage(env.browser, null, { viewport: { width: 1280, height: 900 } });
  // As in a browser that refuses storage to the page: reading localStorage throws.
  await page.addInitScript(() =>
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('storage is disabled', 'SecurityError');
      },
    }),
  );
  await page.goto(env.server.href('/www/editor.html?lang=en'));
  await page.locator(EDITOR_READY).waitFor();
  await page.getByText('This browser does not keep the text').waitFor();
  assert.equal(await page.locator('.notice', { hasText: 'does not keep' }).count(), 1, 'said once');
  await caretAt(page, 0);
  await page.keyboard.type(' ');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'No problems.');
  const asked = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.ok(asked, 'leaving with unsaved edits is asked about');
  await closeClean(page);
});

/** A valid set of `n` excerpts (the mini fixture's criteria and bins), pretty-printed. */
function largeSet(n) {
  const base = JSON.parse(readFileSync(new URL('../fixtures/mini.json', import.meta.url), 'utf8'));
  const kinds = [
    ['loneliness', 'all alone'],
    ['party', 'the plan is hot air'],
    ['propaganda', 'a happy land'],
    ['ties', 'trusted our workers'],
  ];
  base.id = 'large';
  base.excerpts = Array.from({ length: n }, (_, i) => {
    const [criterion, quote] = kinds[i % kinds.length];
    return {
      id: `excerpt-${i + 1}`,
      text: `Entry ${i + 1}. Some days I write little; today I wrote that ${quote}, and then of the weather and the queue for bread.`,
      source: { diarist: `Diarist ${i % 37}`, date: `${(i % 28) + 1} March 1937`, work: 'Collected diaries', page: String(i + 1) },
      essay: { section: 'Isolatie en manipulatie', footnote: (i % 30) + 1 },
      evidence: [{ criterion, quote }],
    };
  });
  return JSON.stringify(base, null, 2);
}

test('checking a 1,000-excerpt set as you type (timed, printed)', async () => {
  const text = largeSet(1000);
  const page = await openEditor('?lang=en');
  await page.locator('#file').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await page.waitForFunction((n) => document.getElementById('source').value.length === n, text.length);
  await page.waitForFunction(() => document.getElementById('status').textContent === 'No problems.');
  assert.equal(await source(page).inputValue(), text);
  assert.equal(await page.locator('#lines > *').count(), text.split('\n').length);

  // problems() itself, on the text as it is and with one mistake near the end.
  const runs = 21;
  const timings = await page.evaluate(
    async ({ runs }) => {
      const { problems } = await import('../pkg/editor/diary_sort.js');
      const text = document.getElementById('source').value;
      const last = text.lastIndexOf('"all alone"') + '"all alone'.length;
      const broken = `${text.slice(0, last)}!${text.slice(last)}`;
      const time = (t) => {
        const ms = [];
        let found;
        for (let i = 0; i < runs; i++) {
          const start = performance.now();
          found = problems(t);
          ms.push(performance.now() - start);
        }
        ms.sort((a, b) => a - b);
        return { median: ms[runs >> 1], min: ms[0], max: ms[runs - 1], problems: found.length };
      };
      return { valid: time(text), broken: time(broken) };
    },
    { runs },
  );
  assert.equal(timings.valid.problems, 0);
  assert.equal(timings.broken.problems, 1);

  // A keystroke in the page: the editor's own measures of its check and of the whole refresh
  // (check, list, line marks, preview of 1,000 cards).
  const keystroke = async (key) => {
    await page.evaluate(() => performance.clearMeasures());
    await page.keyboard.press(key);
    await page.waitForFunction(() => performance.getEntriesByName('editor:refresh').length === 1);
    return page.evaluate(() => ({
      check: performance.getEntriesByName('editor:check')[0].duration,
      refresh: performance.getEntriesByName('editor:refresh')[0].duration,
      status: document.getElementById('status').textContent,
    }));
  };
  await caretAt(page, text.indexOf('Mini set') + 'Mini'.length);
  const edit = await keystroke('!');
  const quote = text.lastIndexOf('"all alone"') + '"all alone'.length + 1;
  await caretAt(page, quote);
  const mistake = await keystroke('!');
  const fixed = await keystroke('Backspace');
  assert.equal(edit.status, 'No problems.');
  assert.equal(mistake.status, '1 problem.');
  assert.equal(fixed.status, 'No problems.');
  await preview(page).getByRole('heading', { name: 'Mini! set' }).waitFor();

  const f = (ms) => `${ms.toFixed(1)} ms`;
  const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
  console.log(
    `editor: 1,000-excerpt set (${kb} KiB, ${text.split('\n').length} lines), problems() over ${runs} runs:\n` +
      `  valid:          median ${f(timings.valid.median)} (min ${f(timings.valid.min)}, max ${f(timings.valid.max)})\n` +
      `  one mistake:    median ${f(timings.broken.median)} (min ${f(timings.broken.min)}, max ${f(timings.broken.max)})\n` +
      `  a keystroke, set still valid: check ${f(edit.check)}, refresh ${f(edit.refresh)} (the preview's 1,000 cards rebuilt)\n` +
      `  a keystroke, a mistake:       check ${f(mistake.check)}, refresh ${f(mistake.refresh)} (preview kept, marked outdated)\n` +
      `  a keystroke, the fix:         check ${f(fixed.check)}, refresh ${f(fixed.refresh)} (the same text as shown)`,
  );
  await closeClean(page);
});
