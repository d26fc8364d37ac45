// @ts-check
// The instructor's set editor (editor.html): the set's JSON in a plain textarea with line numbers
// and problem markers, the problems listed under it (activating one puts the caret there), and
// the exercise as students see it, rebuilt as the instructor types (debounced). A toolbar opens
// a file, starts from a default set or the blank template, and downloads the result: the set, or
// a course package for an LMS (SCORM 1.2, SCORM 2004, cmi5).
//
// Nothing leaves the browser: files are read locally (File.text()), downloads are made from a
// Blob, the text is kept in localStorage so a reload loses nothing. The checks are the core's own
// (`problems()`, the same loader as the widget and `diary-sort validate`, its messages in this
// page's language). A course package is the one `diary-sort package` makes: the module's
// `coursePackage()` (the editor's build of the module, pkg/editor/, the only one that has it)
// gives its entries and manifest, the files are fetched from this page's own server and zip.js
// zips them.
//
// Evidence by selection: the words an author selects in a card of the preview (or, by keyboard,
// in the excerpt's text beside it) become the evidence of the criterion chosen, and each piece
// of evidence listed there can be removed. Excerpts are imported from a spreadsheet (CSV). The
// module's editor build makes every such change (`addEvidence`, `removeEvidence`,
// `importExcerpts`: the core's edits, which keep the author's formatting) and says what the set
// holds (`outline`); this page only applies the change it gets to the text, exactly there.
//
// The editor's texts are in the nl/en table below, not in the core's string tables: they belong
// to this page alone (as the self-study page's texts are in app.js), and keeping them out of the
// wasm keeps them out of the module every student downloads. Language: ?lang=, else <html lang>.
import init, { Widget, addEvidence, coursePackage, findQuote, importExcerpts, outline, problems, removeEvidence } from '../pkg/editor/diary_sort.js';
import { languageOf } from './lang.js';
import { zip } from './zip.js';

const TEXT = {
  nl: {
    documentTitle: 'Oefenset bewerken – diary-sort',
    heading: 'Oefenset bewerken',
    intro:
      'Bewerk de set als JSON; het voorbeeld toont de oefening zoals studenten haar zien en wordt bijgewerkt terwijl je typt. ' +
      'Alles blijft in deze browser: er wordt niets verstuurd. Download de set, of een pakket voor je LMS, als je klaar bent.',
    open: 'Bestand openen…',
    startFrom: 'Beginnen met:',
    dutchSet: 'Nederlandse standaardset',
    englishSet: 'Engelse standaardset',
    template: 'Leeg sjabloon',
    download: 'Downloaden',
    forLms: 'Downloaden voor een LMS:',
    scorm12: 'SCORM 1.2',
    scorm2004: 'SCORM 2004',
    cmi5: 'cmi5',
    packaging: 'Het pakket wordt gemaakt…',
    packaged: 'Gedownload: {file}. Upload het in je LMS als {format}-pakket.',
    packageProblems: 'Eerst de problemen oplossen: de set heeft er {n} (zie Problemen). Er is niets gedownload.',
    packageFailed: 'Het pakket kon niet worden gemaakt',
    source: 'De set (JSON)',
    problems: 'Problemen',
    noProblems: 'Geen problemen.',
    oneProblem: '1 probleem.',
    manyProblems: '{n} problemen.',
    preview: 'Voorbeeld',
    previewStale: 'Het voorbeeld toont de laatste versie zonder problemen. Los de problemen op om het bij te werken.',
    previewNone: 'Nog geen voorbeeld: los eerst de problemen op.',
    confirm:
      'De tekst in de editor vervangen? De wijzigingen sinds je de set opende of downloadde gaan dan verloren.',
    keep: 'Mijn tekst houden',
    replace: 'Vervangen',
    storageUnavailable:
      'Deze browser bewaart de tekst niet: download de set voordat je de pagina sluit of herlaadt.',
    fetchFailed: 'De set kon niet worden opgehaald',
    fileFailed: 'Het bestand kon niet worden gelezen',
    startFailed: 'De editor kon niet starten',
    wholeFile: '(het hele bestand)',
    importCsv: 'Fragmenten importeren (CSV)…',
    imported: '{n} fragment(en) toegevoegd uit {file}.',
    importProblems: '{file}: {n} probleem/problemen; er is niets toegevoegd.',
    importSetProblems: 'Eerst de problemen van de set oplossen (zie Problemen): er is niets toegevoegd.',
    line: 'regel {n}',
    evidence: 'Bewijs markeren',
    evidenceHelp:
      'Selecteer woorden in een fragment van het voorbeeld, of hier in de tekst van het fragment (met Shift en de pijltjes), ' +
      'kies het criterium dat ze laten zien en kies Toevoegen.',
    excerpt: 'Fragment',
    excerptText: 'Tekst van het fragment',
    criterion: 'Criterium',
    addEvidence: 'Toevoegen als bewijs',
    evidenceOfExcerpt: 'Bewijs bij dit fragment',
    noEvidence: 'Nog geen bewijs.',
    remove: 'Verwijderen',
    removeLabel: 'Bewijs voor {criterion} verwijderen',
    selected: 'Geselecteerd in {excerpt}: “{quote}”. Kies een criterium en Toevoegen.',
    notFound: 'De selectie staat niet letterlijk in de tekst van het fragment: selecteer binnen één alinea.',
    added: 'Toegevoegd: “{quote}” als bewijs voor {criterion}.',
    removed: 'Verwijderd: het bewijs voor {criterion}.',
    notJson: 'Bewijs markeren kan weer zodra de tekst JSON is.',
    error_unreadable: 'De tekst is geen JSON: los eerst die fout op.',
    error_noExcerpt: 'Dit fragment staat niet (meer) in de set.',
    error_noCriterion: 'Dit criterium staat niet (meer) in de set.',
    error_emptyQuote: 'Selecteer eerst de woorden die het criterium laten zien.',
    error_notInText: 'Deze woorden staan niet in de tekst van het fragment.',
    error_alreadyListed: 'Dit fragment heeft al bewijs voor dit criterium: verwijder dat eerst.',
    error_notListed: 'Dit fragment heeft geen bewijs voor dit criterium.',
  },
  en: {
    documentTitle: 'Edit an exercise set – diary-sort',
    heading: 'Edit an exercise set',
    intro:
      'Edit the set as JSON; the preview shows the exercise as students see it, updated as you type. ' +
      'Everything stays in this browser: nothing is sent anywhere. Download the set, or a package for your LMS, when you are done.',
    open: 'Open file…',
    startFrom: 'Start from:',
    dutchSet: 'Dutch default set',
    englishSet: 'English default set',
    template: 'Blank template',
    download: 'Download',
    forLms: 'Download for an LMS:',
    scorm12: 'SCORM 1.2',
    scorm2004: 'SCORM 2004',
    cmi5: 'cmi5',
    packaging: 'Making the package…',
    packaged: 'Downloaded: {file}. Upload it to your LMS as a {format} package.',
    packageProblems: 'Fix the problems first: the set has {n} (see Problems). Nothing was downloaded.',
    packageFailed: 'The package could not be made',
    source: 'The set (JSON)',
    problems: 'Problems',
    noProblems: 'No problems.',
    oneProblem: '1 problem.',
    manyProblems: '{n} problems.',
    preview: 'Preview',
    previewStale: 'The preview shows the last version without problems. Fix the problems to update it.',
    previewNone: 'No preview yet: fix the problems first.',
    confirm: 'Replace the text in the editor? The changes since you opened or downloaded the set will be lost.',
    keep: 'Keep my text',
    replace: 'Replace',
    storageUnavailable: 'This browser does not keep the text: download the set before you close or reload the page.',
    fetchFailed: 'The set could not be fetched',
    fileFailed: 'The file could not be read',
    startFailed: 'The editor could not start',
    wholeFile: '(the whole file)',
    importCsv: 'Import excerpts (CSV)…',
    imported: '{n} excerpt(s) added from {file}.',
    importProblems: '{file}: {n} problem(s); nothing was added.',
    importSetProblems: 'Fix the set’s problems first (see Problems): nothing was added.',
    line: 'line {n}',
    evidence: 'Mark evidence',
    evidenceHelp:
      'Select words in an excerpt of the preview, or here in the excerpt’s text (Shift and the arrow keys), ' +
      'choose the criterion they show and choose Add.',
    excerpt: 'Excerpt',
    excerptText: 'Text of the excerpt',
    criterion: 'Criterion',
    addEvidence: 'Add as evidence',
    evidenceOfExcerpt: 'Evidence of this excerpt',
    noEvidence: 'No evidence yet.',
    remove: 'Remove',
    removeLabel: 'Remove the evidence for {criterion}',
    selected: 'Selected in {excerpt}: “{quote}”. Choose a criterion and Add.',
    notFound: 'The selection is not in the excerpt’s text as it stands: select within one paragraph.',
    added: 'Added: “{quote}” as evidence for {criterion}.',
    removed: 'Removed: the evidence for {criterion}.',
    notJson: 'Marking evidence works again once the text is JSON.',
    error_unreadable: 'The text is not JSON: fix that first.',
    error_noExcerpt: 'This excerpt is no longer in the set.',
    error_noCriterion: 'This criterion is no longer in the set.',
    error_emptyQuote: 'Select the words that show the criterion first.',
    error_notInText: 'These words are not in the excerpt’s text.',
    error_alreadyListed: 'This excerpt already has evidence for this criterion: remove that first.',
    error_notListed: 'This excerpt has no evidence for this criterion.',
  },
};

/** Pause in typing after which the text is checked and the preview rebuilt. */
const DEBOUNCE_MS = 300;
/** Where the text is kept between visits: { text, dirty }. */
const STORAGE_KEY = 'diary-sort:editor';
/** The sets the editor starts from when nothing is stored, by interface language. */
const DEFAULT_SET = { nl: 'sets/snijders-nl.json', en: 'sets/snijders-en.json' };

const lang = languageOf(new URLSearchParams(window.location.search).get('lang')) ?? languageOf(document.documentElement.lang) ?? 'nl';
const t = TEXT[lang];

/**
 * A problem of the set, as `problems()` gives it.
 * @typedef {object} Problem
 * @property {number | null} line 1-based, null when unknown
 * @property {number | null} column 1-based, in characters, null when unknown
 * @property {string} path such as `excerpts[3].evidence[0].quote`, empty for the whole file
 * @property {string} message
 */

/**
 * The element of editor.html with the id `id`, an instance of `type`.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{new (): T, prototype: T}} type
 * @returns {T}
 */
function $(id, type) {
  const element = document.getElementById(id);
  if (!(element instanceof type)) throw new Error(`editor.html has no #${id} of the right kind`);
  return element;
}
const source = $('source', HTMLTextAreaElement);
const lines = $('lines', HTMLElement);
const status = $('status', HTMLElement);
const list = $('problems', HTMLElement);
const preview = $('preview', HTMLElement);
const previewNote = $('preview-note', HTMLElement);
const fileInput = $('file', HTMLInputElement);
const dialog = $('confirm', HTMLDialogElement);

/**
 * Whether `key` names a text of the table.
 * @param {string | undefined} key
 * @returns {key is keyof typeof t}
 */
const isTextKey = (key) => key !== undefined && Object.hasOwn(t, key);

document.documentElement.lang = lang;
document.title = t.documentTitle;
for (const el of document.querySelectorAll('[data-text]')) {
  const key = el instanceof HTMLElement ? el.dataset.text : undefined;
  if (isTextKey(key)) el.textContent = t[key];
}

/**
 * Shows a notice above the workspace; `alert` for failures (announced at once). Returns it.
 * @param {string} text
 * @param {{alert?: boolean}} [options]
 * @returns {HTMLParagraphElement}
 */
function notice(text, { alert = false } = {}) {
  const p = document.createElement('p');
  p.className = alert ? 'page-error' : 'notice';
  if (alert) p.setAttribute('role', 'alert');
  p.textContent = text;
  $('notices', HTMLElement).append(p);
  return p;
}

/**
 * A failure's notice: `what` went wrong, and why.
 * @type {(what: string, e: unknown) => HTMLParagraphElement}
 */
const failure = (what, e) => notice(`${what}: ${e instanceof Error ? e.message : String(e)}`, { alert: true });

// ------------------------------------------------------------------ keeping the text

/**
 * localStorage, or null where the browser refuses it (every use is guarded).
 * @type {Storage | null}
 */
let store = null;
try {
  store = window.localStorage;
} catch {
  // Refused (a SecurityError): the editor works without it and says so at the first save.
}
/** Whether the text has changes that were not opened or downloaded as they are. */
let dirty = false;
let storageNoticed = false;

/**
 * The text kept in localStorage, and whether it holds edits never downloaded; or null.
 * @returns {{text: string, dirty?: boolean} | null}
 */
function loadStored() {
  try {
    const kept = JSON.parse(store?.getItem(STORAGE_KEY) ?? 'null');
    return typeof kept?.text === 'string' ? kept : null;
  } catch {
    return null;
  }
}

/** Keeps the text in localStorage (says once when it cannot). */
function save() {
  try {
    store?.setItem(STORAGE_KEY, JSON.stringify({ text: source.value, dirty }));
  } catch {
    store = null;
  }
  if (!store && !storageNoticed) {
    storageNoticed = true;
    notice(t.storageUnavailable);
  }
}

// Without storage, leaving the page would lose the edits: ask first.
window.addEventListener('beforeunload', (e) => {
  if (!store && dirty) e.preventDefault();
});

// ------------------------------------------------------------------ line numbers and markers

let lineCount = 0;
/**
 * The gutter's line numbers that carry a problem marker.
 * @type {HTMLElement[]}
 */
let marked = [];

/** Gives the gutter one number per line of the text (adding or removing only the difference). */
function updateGutter() {
  const text = source.value;
  let count = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  if (count > lineCount) {
    const numbers = document.createDocumentFragment();
    for (let n = lineCount + 1; n <= count; n++) {
      const span = document.createElement('span');
      span.textContent = String(n);
      numbers.append(span);
    }
    lines.append(numbers);
  }
  while (lines.childElementCount > count) lines.lastElementChild?.remove();
  lineCount = count;
}

/**
 * Marks the line numbers of the lines with problems; their messages show on hover.
 * @param {Problem[]} found
 */
function markLines(found) {
  for (const span of marked) {
    span.classList.remove('has-problem');
    span.removeAttribute('title');
  }
  marked = [];
  for (const p of found) {
    const span = p.line == null ? null : lines.children[p.line - 1];
    if (!(span instanceof HTMLElement)) continue;
    if (span.classList.contains('has-problem')) {
      span.title += `\n${p.message}`;
    } else {
      span.classList.add('has-problem');
      span.title = p.message;
      marked.push(span);
    }
  }
}

// The gutter follows the textarea's scrolling (CSSOM, allowed under the strict CSP).
source.addEventListener('scroll', () => {
  lines.style.setProperty('transform', `translateY(${-source.scrollTop}px)`);
});

// ------------------------------------------------------------------ problems

/**
 * The offset in `text` (UTF-16, as the textarea counts) of 1-based `line` and `column`
 * (columns counted in characters, as the core counts them).
 * @param {string} text
 * @param {number} line
 * @param {number} column
 * @returns {number}
 */
function offsetOf(text, line, column) {
  let at = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  for (let c = 1; c < column && at < text.length && text[at] !== '\n'; c++) {
    at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  }
  return at;
}

/**
 * Puts the caret at `line`:`column`, scrolled into view, and focuses the text.
 * @param {number} line
 * @param {number} column
 */
function jumpTo(line, column) {
  const at = offsetOf(source.value, line, column);
  const lineHeight = parseFloat(getComputedStyle(source).lineHeight);
  const top = (line - 1) * lineHeight;
  if (top < source.scrollTop || top + lineHeight > source.scrollTop + source.clientHeight) {
    source.scrollTop = Math.max(0, top - source.clientHeight / 3);
  }
  // Selected first, then focused: a textarea that gets focus scrolls its caret into view,
  // sideways too (setSelectionRange alone does not scroll).
  source.blur();
  source.setSelectionRange(at, at);
  source.focus();
}

/**
 * Lists the problems (each a button that jumps to it) and says how many there are.
 * @param {Problem[]} found
 */
function showProblems(found) {
  const items = found.map((p) => {
    const li = document.createElement('li');
    /** @type {HTMLElement} */
    let target = li;
    if (p.line != null) {
      const button = li.appendChild(document.createElement('button'));
      button.type = 'button';
      button.dataset.line = String(p.line);
      button.dataset.column = String(p.column);
      target = button;
    }
    const where = [p.line == null ? '' : `${p.line}:${p.column}`, p.path || t.wholeFile].filter(Boolean).join(' — ');
    // The message is in the page's language (the module's tables, asked for in `refresh`).
    target.append(where ? `${where} — ` : '', p.message);
    return li;
  });
  list.replaceChildren(...items);
  const n = found.length;
  const summary = n === 0 ? t.noProblems : n === 1 ? t.oneProblem : t.manyProblems.replace('{n}', String(n));
  // Only a change is announced.
  if (status.textContent !== summary) status.textContent = summary;
}

list.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button[data-line]') : null;
  if (button instanceof HTMLElement) jumpTo(Number(button.dataset.line), Number(button.dataset.column));
});

// ------------------------------------------------------------------ preview

/**
 * The preview's widget; kept here, or it would be freed (and removed) by the garbage collector.
 * @type {Widget | null}
 */
let widget = null;
/**
 * The text the preview shows.
 * @type {string | null}
 */
let previewed = null;

/**
 * Rebuilds the preview from a text without problems; otherwise marks the preview outdated.
 * @param {string} text
 * @param {boolean} loads whether the text has no problems
 */
function updatePreview(text, loads) {
  if (loads && text !== previewed) {
    widget?.destroy();
    widget = null;
    previewed = text;
    // In memory only, and with a fixed shuffle: the cards keep their order while you type.
    /** @type {import('./diary-sort.js').WidgetOptions} */
    const options = { storage: false, seed: 1 };
    widget = new Widget(preview, text, options);
  }
  preview.inert = !loads;
  preview.classList.toggle('stale', !loads);
  previewNote.hidden = loads;
  previewNote.textContent = loads ? '' : widget ? t.previewStale : t.previewNone;
}

// ------------------------------------------------------------------ checking as you type

/** The pending check after a keystroke (0: none). */
let timer = 0;

/** Checks the text, shows the problems, marks their lines, updates the preview, keeps the text.
 * Each check is timed as the User Timing measures `editor:check` (problems()) and
 * `editor:refresh` (all of it), for the tests and the browser's performance panel. */
function refresh() {
  clearTimeout(timer);
  timer = 0;
  const text = source.value;
  const start = performance.now();
  /** @type {Problem[]} */
  const found = problems(text, lang);
  performance.clearMeasures('editor:check');
  performance.measure('editor:check', { start });
  showProblems(found);
  markLines(found);
  updatePreview(text, found.length === 0);
  updateEvidence(text);
  performance.clearMeasures('editor:refresh');
  performance.measure('editor:refresh', { start });
  save();
}

source.addEventListener('input', () => {
  dirty = true;
  updateGutter();
  clearTimeout(timer);
  timer = setTimeout(refresh, DEBOUNCE_MS);
});

// A reload or a closed tab within the pause still keeps the last keystrokes.
window.addEventListener('pagehide', () => {
  if (timer) save();
});

// ------------------------------------------------------------------ replacing and downloading

/**
 * Asks (a modal dialog; Escape keeps the text) whether to replace unsaved edits.
 * @returns {Promise<boolean>}
 */
function mayReplace() {
  if (!dirty) return Promise.resolve(true);
  const opener = document.activeElement;
  return new Promise((resolve) => {
    dialog.returnValue = '';
    dialog.addEventListener(
      'close',
      () => {
        resolve(dialog.returnValue === 'replace');
        if (opener instanceof HTMLElement) opener.focus();
      },
      { once: true },
    );
    dialog.showModal();
  });
}

/**
 * Puts `text` in the editor, caret at the start, checked at once; `dirty` when it holds edits
 * that were never downloaded (a kept text), otherwise it is a fresh start.
 * @param {string} text
 * @param {boolean} [dirtyText]
 */
function setText(text, dirtyText = false) {
  // Another text: the preview of the previous one would mislead.
  widget?.destroy();
  widget = null;
  previewed = null;
  source.value = text;
  source.scrollTop = 0;
  source.scrollLeft = 0;
  source.setSelectionRange(0, 0);
  dirty = dirtyText;
  updateGutter();
  refresh();
}

/**
 * The text at `url`; rejects for an HTTP error.
 * @param {string} url
 * @returns {Promise<string>}
 */
async function fetchText(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.text();
}

for (const button of document.querySelectorAll('[data-start]')) {
  // The blank template in the page's language (data-start-nl), the default sets as they are.
  const url = button instanceof HTMLElement ? (lang === 'nl' && button.dataset.startNl) || button.dataset.start : undefined;
  if (!url) continue;
  button.addEventListener('click', async () => {
    if (!(await mayReplace())) return;
    try {
      setText(await fetchText(url));
    } catch (e) {
      failure(t.fetchFailed, e);
    }
  });
}

$('open', HTMLButtonElement).addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', async () => {
  const file = fileInput.files?.[0];
  fileInput.value = '';
  if (!file || !(await mayReplace())) return;
  try {
    setText(await file.text());
  } catch (e) {
    failure(t.fileFailed, e);
  }
});

/**
 * A download's file name: the set's id when it has a usable one, then `suffix`.
 * @param {string} text
 * @param {string} suffix
 * @returns {string}
 */
function fileName(text, suffix) {
  try {
    const id = JSON.parse(text)?.id;
    if (typeof id === 'string' && /^[A-Za-z0-9_-]+$/.test(id)) return `${id}${suffix}`;
  } catch {
    // Not JSON (yet): the generic name will do.
  }
  return `set${suffix}`;
}

/**
 * Saves `blob` as the file `name` (the browser's download).
 * @param {Blob} blob
 * @param {string} name
 */
function saveAs(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  // The download has its own reference to the data by now; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

$('download', HTMLButtonElement).addEventListener('click', () => {
  const text = source.value;
  saveAs(new Blob([text], { type: 'application/json' }), fileName(text, '.json'));
  dirty = false;
  save();
});

// ------------------------------------------------------------------ a course package for an LMS

const packageStatus = $('package-status', HTMLElement);
/** The folder that holds www/ and pkg/ on this server: the package's paths are relative to it. */
const siteRoot = new URL('../', import.meta.url);
/** Whether a package is being made (a second press meanwhile is ignored). */
let packaging = false;
/**
 * The notice of the last package that could not be made: replaced by the next attempt's.
 * @type {HTMLElement | null}
 */
let packageError = null;

/**
 * The bytes of `path` on this server (relative to the folder of www/ and pkg/).
 * @param {string} path
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function fetchBytes(path) {
  const response = await fetch(new URL(path, siteRoot));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Makes the `format` package of the text as it is now and downloads it; a set with problems
 * gets none, and says so. The text is left as it is either way.
 * @param {string} format `scorm12`, `scorm2004` or `cmi5`
 * @param {string} label the format's name for the student
 */
async function downloadPackage(format, label) {
  if (packaging) return;
  // The text as typed up to now, checked and shown (a pending check would lag behind).
  if (timer) refresh();
  const text = source.value;
  packageError?.remove();
  packageError = null;
  packageStatus.textContent = '';
  const count = problems(text, lang).length;
  if (count > 0) {
    packageError = notice(t.packageProblems.replace('{n}', String(count)), { alert: true });
    return;
  }
  packaging = true;
  packageStatus.textContent = t.packaging;
  try {
    const entries = await Promise.all(
      coursePackage(text, format).map(async (/** @type {{path: string, text: string | undefined}} */ { path, text: content }) => ({
        path,
        bytes: content === undefined ? await fetchBytes(path) : new TextEncoder().encode(content),
      })),
    );
    const name = fileName(text, `-${format}.zip`);
    saveAs(await zip(entries), name);
    packageStatus.textContent = t.packaged.replace('{file}', name).replace('{format}', label);
  } catch (e) {
    packageStatus.textContent = '';
    packageError = failure(t.packageFailed, e);
  } finally {
    packaging = false;
  }
}

for (const button of document.querySelectorAll('[data-package]')) {
  const format = button instanceof HTMLElement ? button.dataset.package : undefined;
  if (!format) continue;
  button.addEventListener('click', () => downloadPackage(format, button.textContent ?? format));
}

// ------------------------------------------------------------------ evidence by selection

/**
 * The set's criteria and excerpts, as `outline()` gives them.
 * @typedef {object} Outline
 * @property {{id: string, label: string}[]} criteria
 * @property {{id: string, text: string, evidence: {criterion: string, quote: string}[]}[]} excerpts
 */
/**
 * A change of the text as the module gives it (UTF-16 offsets), or why there is none.
 * @typedef {{start: number, end: number, insert: string, error?: undefined} | {error: string}} Change
 */

const evidenceFields = $('evidence-fields', HTMLFieldSetElement);
const excerptSelect = $('evidence-excerpt', HTMLSelectElement);
const excerptText = $('evidence-text', HTMLTextAreaElement);
const criterionSelect = $('evidence-criterion', HTMLSelectElement);
const addButton = $('evidence-add', HTMLButtonElement);
const evidenceStatus = $('evidence-status', HTMLElement);
const evidenceList = $('evidence-list', HTMLElement);
/**
 * What the text holds, as last checked; null when it is not JSON.
 * @type {Outline | null}
 */
let outlined = null;

/**
 * `template` with each `{name}` replaced by `values[name]`.
 * @param {string} template
 * @param {Record<string, string>} values
 * @returns {string}
 */
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => values[name] ?? whole);

/**
 * Gives `select` these options ([value, label]), keeping its choice when it is still one; an
 * unchanged list is left alone.
 * @param {HTMLSelectElement} select
 * @param {[string, string][]} options
 */
function setOptions(select, options) {
  const listed = JSON.stringify(options);
  if (select.dataset.options === listed) return;
  const kept = select.value;
  select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
  select.dataset.options = listed;
  if (options.some(([value]) => value === kept)) select.value = kept;
}

/** The excerpt chosen in the evidence panel. */
const chosenExcerpt = () => outlined?.excerpts.find((e) => e.id === excerptSelect.value) ?? null;

/**
 * A criterion's label (its id when it has none).
 * @param {string} id
 */
const criterionName = (id) => outlined?.criteria.find((c) => c.id === id)?.label || id;

/**
 * Says `text` in the evidence panel's status line.
 * @param {string} text
 */
function say(text) {
  evidenceStatus.textContent = text;
}

/**
 * Reads the criteria and excerpts of `text` into the evidence panel (disabled while the text is
 * not JSON).
 * @param {string} text
 */
function updateEvidence(text) {
  outlined = outline(text);
  evidenceFields.disabled = !outlined;
  if (!outlined) {
    say(t.notJson);
    evidenceList.replaceChildren();
    return;
  }
  if (evidenceStatus.textContent === t.notJson) say('');
  setOptions(excerptSelect, outlined.excerpts.map((e) => [e.id, e.id]));
  setOptions(criterionSelect, outlined.criteria.map((c) => [c.id, c.label && c.label !== c.id ? `${c.label} (${c.id})` : c.id]));
  showExcerpt();
}

/** Shows the chosen excerpt's text (a selection in it stays while it is unchanged) and evidence. */
function showExcerpt() {
  const excerpt = chosenExcerpt();
  const text = excerpt?.text ?? '';
  if (excerptText.value !== text) excerptText.value = text;
  const items = (excerpt?.evidence ?? []).map(({ criterion, quote }) => {
    const li = document.createElement('li');
    const name = document.createElement('span');
    name.className = 'evidence-criterion';
    name.textContent = criterionName(criterion);
    const words = document.createElement('q');
    words.textContent = quote;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'outline-button';
    button.dataset.criterion = criterion;
    button.textContent = t.remove;
    button.setAttribute('aria-label', fill(t.removeLabel, { criterion: criterionName(criterion) }));
    li.append(name, ': ', words, ' ', button);
    return li;
  });
  if (items.length === 0) {
    const none = document.createElement('li');
    none.textContent = t.noEvidence;
    items.push(none);
  }
  evidenceList.replaceChildren(...items);
}

/**
 * Makes the module's change in the text (exactly there: the rest stays as it is) and checks it.
 * @param {{start: number, end: number, insert: string}} change
 */
function applyChange({ start, end, insert }) {
  source.setRangeText(insert, start, end, 'preserve');
  dirty = true;
  updateGutter();
  refresh();
}

/**
 * The message for a change the module refused.
 * @param {string} error
 */
const refusal = (error) => {
  const key = `error_${error}`;
  return isTextKey(key) ? t[key] : error;
};

// The excerpt's text is there to select in, not to edit: every change is refused (and one that
// cannot be, an input method's composition, undone).
excerptText.addEventListener('beforeinput', (e) => e.preventDefault());
excerptText.addEventListener('input', () => {
  excerptText.value = chosenExcerpt()?.text ?? '';
});

excerptSelect.addEventListener('change', () => {
  showExcerpt();
  say('');
});

addButton.addEventListener('click', () => {
  // Text typed within the pause is checked first, so the panel is about the text as it is.
  if (timer) refresh();
  const excerpt = chosenExcerpt();
  if (!excerpt) return;
  const quote = excerptText.value.slice(excerptText.selectionStart, excerptText.selectionEnd).trim();
  const criterion = criterionSelect.value;
  /** @type {Change} */
  const change = addEvidence(source.value, excerpt.id, criterion, quote);
  if (change.error !== undefined) {
    say(refusal(change.error));
    return;
  }
  applyChange(change);
  say(fill(t.added, { quote, criterion: criterionName(criterion) }));
});

evidenceList.addEventListener('click', (e) => {
  const button = e.target instanceof Element ? e.target.closest('button[data-criterion]') : null;
  const excerpt = chosenExcerpt();
  const criterion = button instanceof HTMLButtonElement ? button.dataset.criterion : undefined;
  if (!excerpt || criterion === undefined || !(button instanceof HTMLButtonElement)) return;
  const place = [...evidenceList.querySelectorAll('button')].indexOf(button);
  if (timer) refresh();
  /** @type {Change} */
  const change = removeEvidence(source.value, excerpt.id, criterion);
  if (change.error !== undefined) {
    say(refusal(change.error));
    return;
  }
  applyChange(change);
  say(fill(t.removed, { criterion: criterionName(criterion) }));
  // Focus stays in the list: on the entry now in that place, else the one before, else Add.
  const left = evidenceList.querySelectorAll('button');
  const next = left[Math.min(place, left.length - 1)];
  (next instanceof HTMLElement ? next : addButton).focus();
});

// In the preview a mouse press on a card's text selects words (for evidence) instead of picking
// the card up: the press, and the click that ends a selection, are kept from the exercise, which
// still moves a card by its title (and picks it up at a click on its text that selects nothing).
const previewArea = preview.parentElement ?? preview;
/**
 * Whether `e` is on the text of a card of the preview.
 * @param {Event} e
 */
const onCardText = (e) => e.target instanceof Element && e.target.closest('[data-card] .text, [data-card] .description') != null;
previewArea.addEventListener('pointerdown', (e) => e.pointerType === 'mouse' && onCardText(e) && e.stopPropagation(), { capture: true });
previewArea.addEventListener('click', (e) => onCardText(e) && !document.getSelection()?.isCollapsed && e.stopPropagation(), { capture: true });

/** Takes a selection of words inside one card of the preview into the evidence panel. */
function takeSelection() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !outlined) return;
  /** @param {Node | null} node */
  const cardOf = (node) => (node instanceof Element ? node : node?.parentElement)?.closest('[data-card]');
  const card = cardOf(selection.anchorNode);
  if (!(card instanceof HTMLElement) || card !== cardOf(selection.focusNode) || !preview.contains(card)) return;
  // The preview shows the set as it loads: its cards are the excerpts in order.
  const excerpt = outlined.excerpts[Number(card.dataset.card)];
  if (!excerpt) return;
  excerptSelect.value = excerpt.id;
  showExcerpt();
  const quote = findQuote(excerpt.text, selection.toString());
  if (quote === undefined) {
    say(t.notFound);
    return;
  }
  const at = excerpt.text.indexOf(quote);
  excerptText.setSelectionRange(at, at + quote.length);
  say(fill(t.selected, { excerpt: excerpt.id, quote }));
}

/** The pending reading of a selection (0: none): a selection is read once it stands still. */
let selectionTimer = 0;
document.addEventListener('selectionchange', () => {
  clearTimeout(selectionTimer);
  selectionTimer = setTimeout(takeSelection, 150);
});

// ------------------------------------------------------------------ excerpts from a spreadsheet

const csvInput = $('csv-file', HTMLInputElement);
const importResult = $('import-result', HTMLElement);

$('import', HTMLButtonElement).addEventListener('click', () => csvInput.click());
csvInput.addEventListener('change', async () => {
  const file = csvInput.files?.[0];
  csvInput.value = '';
  if (!file) return;
  let csv;
  try {
    csv = await file.text();
  } catch (e) {
    failure(t.fileFailed, e);
    return;
  }
  if (timer) refresh();
  /** @type {{start: number, end: number, insert: string, count: number} | {problems: {line: number | null, column: string | null, message: string}[]} | {setProblems: number}} */
  const result = importExcerpts(source.value, csv, lang);
  importResult.className = 'import-result';
  if ('insert' in result) {
    applyChange(result);
    importResult.replaceChildren(fill(t.imported, { n: String(result.count), file: file.name }));
    return;
  }
  importResult.classList.add('page-error');
  if ('setProblems' in result) {
    importResult.replaceChildren(t.importSetProblems);
    return;
  }
  const heading = document.createElement('p');
  heading.textContent = fill(t.importProblems, { file: file.name, n: String(result.problems.length) });
  const list = document.createElement('ul');
  for (const p of result.problems) {
    const li = list.appendChild(document.createElement('li'));
    const where = [p.line == null ? '' : fill(t.line, { n: String(p.line) }), p.column ?? ''].filter(Boolean).concat('').join(': ');
    li.append(where, p.message);
  }
  importResult.replaceChildren(heading, list);
});

// ------------------------------------------------------------------ start

try {
  const kept = loadStored();
  const [text] = await Promise.all([kept ? kept.text : fetchText(DEFAULT_SET[lang]), init()]);
  setText(text, kept?.dirty ?? false);
  const main = document.querySelector('main');
  if (main) main.dataset.ready = 'true';
} catch (e) {
  failure(t.startFailed, e);
}
