// End-to-end: authoring in the set editor (www/editor.html). An author selects words in a card
// of the preview with the mouse, chooses a criterion and adds them as evidence: the JSON gets
// exactly that entry, in the excerpt's evidence, laid out as the entries around it; removing it
// gives the text back byte for byte. By keyboard alone (the excerpt's text in the panel, Shift
// and the arrows), the same. A spreadsheet imported from a file adds the excerpts exactly as
// `diary-sort import` does, and a bad one lists its rows' problems (in the editor's language)
// and changes nothing. The problem list is in the first screen at 1280×800 and 360×800, a
// problem of the whole file says so, the blank template is in the page's language, and no
// "left"/"right" is said where the panes stack. Every state is audited with axe-core, under the strict CSP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverAndBrowser, openPage, axeViolations, formatAxe, serverBinary, repoRoot } from './harness.mjs';
import { assertCleanPage } from './board.mjs';

const env = serverAndBrowser();

const EDITOR_READY = 'main[data-ready="true"]';
const read = (file) => readFileSync(path.join(repoRoot, file), 'utf8');
const DUTCH = read('www/sets/snijders-nl.json');

/** The editor in `lang` at `width`×`height`, with `stored` as the kept text when given. */
async function openEditor({ lang = 'nl', width = 1280, height = 800, stored } = {}) {
  const page = await openPage(env.browser, null, { viewport: { width, height } });
  if (stored !== undefined) {
    await page.addInitScript((text) => localStorage.setItem('diary-sort:editor', JSON.stringify({ text, dirty: true })), stored);
  }
  await page.goto(env.server.href(`/www/editor.html?lang=${lang}`));
  await page.locator(EDITOR_READY).waitFor();
  return page;
}

const source = (page) => page.locator('#source');
const text = (page) => source(page).inputValue();
const evidenceStatus = (page) => page.locator('#evidence-status');
const checked = (page) => page.locator('#status');

async function assertAxeClean(page, when) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe ${when}:\n${formatAxe(violations)}`);
}

/** Waits until the editor's text is no longer `before`, and returns it. */
async function changedFrom(page, before) {
  await page.waitForFunction((b) => document.getElementById('source').value !== b, before);
  return text(page);
}

/** Asserts that `after` is `before` with `insert` put in at `at` and nothing else changed. */
function assertInsertedAt(before, after, at, insert) {
  assert.equal(after.length, before.length + insert.length, 'only the entry is added');
  assert.equal(after.slice(0, at), before.slice(0, at), 'the text before it is untouched');
  assert.equal(after.slice(at, at + insert.length), insert, 'the entry, laid out as its neighbours');
  assert.equal(after.slice(at + insert.length), before.slice(at), 'the text after it is untouched');
}

test('words selected with the mouse in a card become the evidence chosen, exactly there, and Remove takes them out again', async () => {
  const page = await openEditor();
  const before = await text(page);
  assert.equal(before, DUTCH);
  const set = JSON.parse(before);
  // An excerpt of the preview and a criterion it does not show yet, and a few words of its text.
  const index = set.excerpts.findIndex((e) => e.kind !== 'description' && !e.evidence.some((ev) => ev.criterion === 'loneliness'));
  const excerpt = set.excerpts[index];
  const card = page.locator(`#preview [data-card="${index}"]`);
  await card.scrollIntoViewIfNeeded();
  // Only the pile's first card shows its text; the author opens this one's, as a student would.
  const fold = card.getByRole('button', { name: 'Tekst', exact: true });
  if ((await fold.getAttribute('aria-expanded')) !== 'true') await fold.click();
  const paragraph = card.locator('.text p').first();
  const words = (await paragraph.innerText()).split(' ').slice(1, 4).join(' ');
  assert.ok(excerpt.text.includes(words), words);

  // Press before the first word, drag to after the last, release (the card stays on the pile).
  /** Where the first (`last` false) or last character of the words is on the screen now. */
  const at = (last) =>
    paragraph.evaluate(
      (p, [words, last]) => {
        const node = p.firstChild;
        const start = node.textContent.indexOf(words) + (last ? words.length - 1 : 0);
        const range = document.createRange();
        range.setStart(node, start);
        range.setEnd(node, start + 1);
        const r = range.getBoundingClientRect();
        return { x: last ? r.right - 1 : r.left + 1, y: r.top + r.height / 2 };
      },
      [words, last],
    );
  const from = await at(false);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  const to = await at(true);
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => document.getElementById('evidence-status').textContent.startsWith('Geselecteerd'), null, { timeout: 3000 }).catch(async () => {
    assert.fail(`${await evidenceStatus(page).innerText()} / selected: ${await page.evaluate(() => String(document.getSelection()))}`);
  });
  assert.equal(await evidenceStatus(page).innerText(), `Geselecteerd in ${excerpt.id}: “${words}”. Kies een criterium en Toevoegen.`);
  assert.equal(await page.locator('#preview [data-card].dragging, #preview .is-dragging').count(), 0, 'the card was not dragged');
  assert.equal(await card.locator('button.grab').getAttribute('aria-pressed'), 'false', 'nor picked up');
  assert.equal(await page.getByLabel('Fragment', { exact: true }).inputValue(), excerpt.id);
  await assertAxeClean(page, 'with words selected');

  await page.getByLabel('Criterium', { exact: true }).selectOption('loneliness');
  await page.getByRole('button', { name: 'Toevoegen als bewijs' }).click();
  const after = await changedFrom(page, before);
  // At the end of this excerpt's evidence, one member a line as the entries before it.
  const own = before.indexOf(`"id": "${excerpt.id}"`);
  const end = before.indexOf('\n      ]', before.indexOf('"evidence": [', own));
  const entry = `,\n        {\n          "criterion": "loneliness",\n          "quote": ${JSON.stringify(words)}\n        }`;
  assertInsertedAt(before, after, end, entry);
  assert.equal(await evidenceStatus(page).innerText(), `Toegevoegd: “${words}” als bewijs voor eenzaamheid.`);
  const listed = page.getByRole('list', { name: 'Bewijs bij dit fragment' }).getByRole('listitem');
  assert.equal(await listed.count(), excerpt.evidence.length + 1);
  assert.match(await listed.last().innerText(), new RegExp(`^eenzaamheid: “?${words}”?`));
  await assertAxeClean(page, 'after adding evidence');

  await page.getByRole('button', { name: 'Bewijs voor eenzaamheid verwijderen' }).click();
  assert.equal(await changedFrom(page, after), before, 'removing it gives the text back exactly');
  assert.equal(await evidenceStatus(page).innerText(), 'Verwijderd: het bewijs voor eenzaamheid.');
  assert.equal(await listed.count(), excerpt.evidence.length);
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#evidence-list, #evidence-fields') != null), 'focus stays in the panel');
  await assertCleanPage(page);
  await page.context().close();
});

test('by keyboard alone: the blank Dutch template, its evidence removed and marked again, byte for byte', async () => {
  const page = await openEditor();
  await page.getByRole('button', { name: 'Leeg sjabloon' }).click();
  const template = read('www/sets/template-nl.json');
  await page.waitForFunction((t) => document.getElementById('source').value === t, template);
  assert.equal(JSON.parse(template).lang, 'nl', 'the blank template speaks the page’s language');
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Geen problemen.');

  // Tab from the excerpt's choice to the remove button of its one piece of evidence.
  await page.getByLabel('Fragment', { exact: true }).focus();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.id);
  for (let i = 0; i < 6 && (await focused()) !== 'Bewijs voor eerste criterium verwijderen'; i++) await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Bewijs voor eerste criterium verwijderen');
  await page.keyboard.press('Enter');
  const removed = await changedFrom(page, template);
  const start = template.indexOf('"evidence": [') + '"evidence": ['.length;
  const end = template.indexOf('\n      ]', start) + '\n      '.length;
  assert.equal(removed, template.slice(0, start) + template.slice(end), 'the list is left empty: `"evidence": []`');
  assert.equal(await focused(), 'evidence-add', 'with nothing left to remove, focus goes to Add');
  await assertAxeClean(page, 'with the evidence removed');

  // Shift+Tab back to the excerpt's text, select "precies zoals gedrukt" with Shift+Ctrl+Left.
  while ((await focused()) !== 'evidence-text') await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('typed');
  assert.equal(await page.locator('#evidence-text').inputValue(), JSON.parse(template).excerpts[0].text, 'the excerpt’s text is not edited here');
  await page.keyboard.press('Control+End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Control+ArrowLeft');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'evidence-criterion');
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'evidence-add');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('evidence-status').textContent.startsWith('Toegevoegd'), null, { timeout: 5000 }).catch(async () => {
    assert.fail(`not added: ${await evidenceStatus(page).innerText()} / selected ${await page.locator('#evidence-text').evaluate((t) => t.value.slice(t.selectionStart, t.selectionEnd))}`);
  });
  assert.equal(await changedFrom(page, removed), template, 'marked again, the template is as it was, byte for byte');
  assert.equal(await evidenceStatus(page).innerText(), 'Toegevoegd: “precies zoals gedrukt” als bewijs voor eerste criterium.');
  await page.keyboard.press('Enter');
  assert.equal(await evidenceStatus(page).innerText(), 'Dit fragment heeft al bewijs voor dit criterium: verwijder dat eerst.');
  assert.equal(await text(page), template, 'a refused change changes nothing');
  await assertCleanPage(page);
  await page.context().close();
});

test('a spreadsheet from a file adds the excerpts as `diary-sort import` does; a bad one lists its rows and changes nothing', async () => {
  const page = await openEditor({ lang: 'en' });
  await page.getByRole('button', { name: 'Blank template' }).click();
  const template = read('www/sets/template.json');
  await page.waitForFunction((t) => document.getElementById('source').value === t, template);

  const sample = path.join(repoRoot, 'docs/excerpts-sample.csv');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import excerpts (CSV)…' }).click();
  await (await chooser).setFiles(sample);
  const imported = await changedFrom(page, template);
  assert.equal(await page.locator('#import-result').innerText(), '2 excerpt(s) added from excerpts-sample.csv.');
  // The command-line tool on the same files writes the same text.
  const dir = mkdtempSync(path.join(tmpdir(), 'diary-sort-editor-import-'));
  try {
    writeFileSync(path.join(dir, 'set.json'), template);
    const cli = spawnSync(serverBinary(), ['import', sample, '--into', path.join(dir, 'set.json')], { encoding: 'utf8' });
    assert.equal(cli.status, 0, cli.stdout);
    assert.equal(imported, readFileSync(path.join(dir, 'set.json'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await page.waitForFunction(() => document.getElementById('status').textContent === 'No problems.');
  await page.getByRole('region', { name: 'Preview' }).getByRole('button', { name: 'Nobody writes to me any more…', exact: true }).waitFor();

  // A sheet with two bad rows: both listed with their line and column; the text stays.
  const bad = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import excerpts (CSV)…' }).click();
  await (await bad).setFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('id,text,first-criterion\nsecond-excerpt,Again.,\nnew,,x\n') });
  const result = page.locator('#import-result');
  await result.getByRole('listitem').nth(1).waitFor();
  assert.deepEqual(await result.getByRole('listitem').allInnerTexts(), [
    'line 2: id: the set already has an excerpt `second-excerpt`',
    'line 3: text: the text is empty',
  ]);
  assert.equal(await result.locator('p').innerText(), 'bad.csv: 2 problem(s); nothing was added.');
  assert.equal(await text(page), imported);
  await assertAxeClean(page, 'with an import refused');
  await assertCleanPage(page);
  await page.context().close();
});

test('in the Dutch editor, a bad spreadsheet\'s problems are in Dutch', async () => {
  const template = read('www/sets/template-nl.json');
  const page = await openEditor({ stored: template });
  await page.waitForFunction(() => document.getElementById('status').textContent === 'Geen problemen.');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Fragmenten importeren (CSV)…' }).click();
  const csv = 'id;text;eerste-criterium\neerste-fragment;Weer.;\nnieuw;;x\n';
  await (await chooser).setFiles({ name: 'fout.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const result = page.locator('#import-result');
  await result.getByRole('listitem').nth(1).waitFor();
  assert.deepEqual(await result.getByRole('listitem').allInnerTexts(), [
    'regel 2: id: de set heeft al een fragment `eerste-fragment`',
    'regel 3: text: de tekst is leeg',
  ]);
  assert.equal(await text(page), template, 'nothing was added');
  await assertAxeClean(page, 'with a refused import, in Dutch');
  await assertCleanPage(page);
  await page.context().close();
});

for (const [width, height] of [
  [1280, 800],
  [360, 800],
]) {
  test(`at ${width}×${height} the problems are in the first screen, a problem of the whole file says so, and nothing says left or right`, async () => {
    const page = await openEditor({ width, height, stored: '{"format": 2, "id": "x",}' });
    const first = page.locator('#problems li').first();
    await first.waitFor();
    assert.equal(await first.innerText(), '1:24 — (het hele bestand) — dit is geen geldige JSON: haal deze `,` weg: na het laatste veld van een object komt geen komma');
    const box = await first.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= height, `the first problem is in sight without scrolling: ${JSON.stringify(box)}`);
    assert.equal(await page.evaluate(() => window.scrollY), 0);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'nothing sticks out sideways');
    const said = await page.locator('main').innerText();
    assert.doesNotMatch(said, /\b(links|rechts)\b/i);
    assert.equal(await checked(page).innerText(), '1 probleem.');
    await assertAxeClean(page, `at ${width}×${height} with a problem`);
    await page.context().close();
  });
}
