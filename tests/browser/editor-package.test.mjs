// End-to-end: "Download for an LMS" in the set editor (www/editor.html). For each standard the
// zip the editor makes in the browser and the one `diary-sort package` makes from the same text
// hold the same entries in the same order, each with the same bytes (the manifest above all),
// and each entry's CRC-32 is right; for the default set as it is, reached by keyboard, and for a
// set edited in the editor (a title with characters XML must escape). A set with problems gets
// no package but a message, and a file the server cannot give names it; the text stays.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { serverAndBrowser, openPage, axeViolations, formatAxe } from './harness.mjs';
import { assertCleanPage } from './board.mjs';
import { runPackage, tempDir, unzip } from './lms.mjs';

const env = serverAndBrowser();

const EDITOR_READY = 'main[data-ready="true"]';
const DUTCH = readFileSync(new URL('../../www/sets/snijders-nl.json', import.meta.url), 'utf8');
const FORMATS = [
  { format: 'scorm12', label: 'SCORM 1.2', manifest: 'imsmanifest.xml' },
  { format: 'scorm2004', label: 'SCORM 2004', manifest: 'imsmanifest.xml' },
  { format: 'cmi5', label: 'cmi5', manifest: 'cmi5.xml' },
];

async function openEditor(viewport = { width: 1280, height: 900 }) {
  return openPage(env.browser, env.server.href('/www/editor.html'), { viewport, acceptDownloads: true }, { ready: EDITOR_READY });
}

const source = (page) => page.getByRole('textbox', { name: /JSON/ });
const lmsButton = (page, label) =>
  page.getByRole('group', { name: 'Downloaden voor een LMS:' }).getByRole('button', { name: label, exact: true });

/** The CRC-32 of every entry as the zip's central directory records it, by name. */
function recordedCrcs(file) {
  const zip = readFileSync(file);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const crcs = new Map();
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i += 1) {
    const [nameLength, extraLength, commentLength] = [28, 30, 32].map((o) => zip.readUInt16LE(at + o));
    crcs.set(zip.toString('utf8', at + 46, at + 46 + nameLength), zip.readUInt32LE(at + 16));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return crcs;
}

/** Presses `press()` and returns the downloaded file's suggested name and its path on disk. */
async function download(page, press, dir) {
  const [file] = await Promise.all([page.waitForEvent('download'), press()]);
  const saved = path.join(dir, file.suggestedFilename());
  await file.saveAs(saved);
  return { name: file.suggestedFilename(), saved };
}

/** The editor's zip of `text` for `format` against the tool's: same entries, order and bytes. */
function assertSamePackage(editorZip, text, { format, manifest }, dir) {
  const setFile = path.join(dir, `set-${format}.json`);
  writeFileSync(setFile, text);
  const toolZip = path.join(dir, `tool-${format}.zip`);
  const run = runPackage(['--set', setFile, '--format', format, '-o', toolZip]);
  assert.equal(run.status, 0, run.stderr);
  const ours = unzip(editorZip);
  const theirs = unzip(toolZip);
  assert.deepEqual([...ours.keys()], [...theirs.keys()], `${format}: the same files in the same order`);
  assert.equal([...ours.keys()][0], manifest, `${format}: the manifest first`);
  assert.equal(ours.get(manifest).toString('utf8'), theirs.get(manifest).toString('utf8'), `${format}: the same manifest`);
  for (const [name, bytes] of theirs) assert.ok(ours.get(name).equals(bytes), `${format}: ${name} has the same bytes`);
  assert.equal(ours.get('www/sets/course.json').toString('utf8'), text, `${format}: the set is the editor's text`);
  for (const [name, crc] of recordedCrcs(editorZip)) assert.equal(crc, crc32(ours.get(name)), `${format}: ${name}'s CRC-32`);
  const same = readFileSync(editorZip).equals(readFileSync(toolZip));
  console.log(`editor: the ${format} zip is ${same ? 'byte for byte' : 'not byte for byte (compressed differently)'} the tool's`);
  return ours;
}

test('each standard: the editor makes the package diary-sort package makes, from the keyboard too', async () => {
  const page = await openEditor();
  const dir = tempDir('editor-package');
  assert.equal(await source(page).inputValue(), DUTCH);
  for (const [i, standard] of FORMATS.entries()) {
    const button = lmsButton(page, standard.label);
    // The first by keyboard (focus, Enter), the others by click.
    const press = i === 0 ? () => button.focus().then(() => page.keyboard.press('Enter')) : () => button.click();
    const { name, saved } = await download(page, press, dir);
    assert.equal(name, `snijders-atomisatie-nl-${standard.format}.zip`);
    const entries = assertSamePackage(saved, DUTCH, standard, dir);
    assert.ok(entries.get('pkg/diary_sort_bg.wasm').length > 100_000, 'the students’ module, not a stand-in');
    await page.getByRole('status').filter({ hasText: name }).waitFor();
    assert.equal(
      await page.locator('#package-status').innerText(),
      `Gedownload: ${name}. Upload het in je LMS als ${standard.label}-pakket.`,
    );
  }
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe after the downloads:\n${formatAxe(violations)}`);
  await assertCleanPage(page);
  await page.context().close();
});

test('an edited set is packaged as edited, escaped in the manifest', async () => {
  const page = await openEditor();
  const dir = tempDir('editor-package-edited');
  const edited = DUTCH.replace('"title": "', '"title": "Week 3 <& \\"Dagboeken\\"> – ');
  assert.notEqual(edited, DUTCH);
  await source(page).fill(edited);
  const { saved } = await download(page, () => lmsButton(page, 'SCORM 2004').click(), dir);
  const entries = assertSamePackage(saved, edited, FORMATS[1], dir);
  assert.match(entries.get('imsmanifest.xml').toString('utf8'), /<title>Week 3 &lt;&amp; &quot;Dagboeken&quot;&gt; – /);
  await page.context().close();
});

test('a set with problems gets no package but a message, and a missing file is named; the text stays', async () => {
  const page = await openEditor();
  const broken = DUTCH.replace('"pass_mark": ', '"pass_mark": "');
  await source(page).fill(broken);
  let downloads = 0;
  page.on('download', () => {
    downloads += 1;
  });
  await lmsButton(page, 'SCORM 1.2').click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /^Eerst de problemen oplossen: de set heeft er \d+ \(zie Problemen\)\. Er is niets gedownload\.$/);
  // A second try replaces the message rather than stacking another.
  await lmsButton(page, 'cmi5').click();
  assert.equal(await alert.count(), 1);
  assert.equal(await source(page).inputValue(), broken, 'the text is as typed');

  // A file the server does not give: the message names it, and no zip is made.
  await source(page).fill(DUTCH);
  await page.route('**/www/lms/scorm.js', (route) => route.fulfill({ status: 404, body: '' }));
  await lmsButton(page, 'SCORM 1.2').click();
  await alert.filter({ hasText: 'www/lms/scorm.js: HTTP 404' }).waitFor();
  assert.equal(await alert.innerText(), 'Het pakket kon niet worden gemaakt: www/lms/scorm.js: HTTP 404');
  assert.equal(await source(page).inputValue(), DUTCH);
  assert.equal(await page.locator('#package-status').innerText(), '');
  assert.equal(downloads, 0, 'nothing was downloaded');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe with the message:\n${formatAxe(violations)}`);
  await page.context().close();
});
