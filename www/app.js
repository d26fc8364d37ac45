// @ts-check
// The self-study page: loads a set (?set=, default sets/snijders-nl.json) and mounts the
// exercise in #app. The interface language (page and widget alike) is ?lang= when given, else the
// set's own `lang` (sets/snijders-en.json opens in English by itself), else, while there is no set
// (it could not be fetched), the first of the browser's languages that we have, else the page's
// <html lang>. While the set loads, the page stays as it is (or in ?lang=), so that it does not
// change language twice. index.html loads it bundled with its imports (pkg/app.js, made by
// scripts/build).
//
// The page loads the board's module first (pkg/board/: the module without the quiz's view and
// the words of a set's problems, 36 KB gzip less, about 170 ms sooner on a slow phone). The
// quiz's attempt is kept all the same; when the quiz is to be shown, the widget asks for the
// whole module (pkg/diary_sort.js, the one the element and the LMS packages load) with a
// `loadquiz` event, and the whole module's widget takes the board module's place from its state.
// The whole module and the quiz's styles (pkg/quiz.css) are fetched ahead of that, once the board
// is there and the browser is idle, when the set offers the quiz.
import init, { Widget } from '../pkg/board/diary_sort.js';
import { isModuleFailure, showFailure, watchModule } from './failure.js';
import { firstLanguageOf, languageOf } from './lang.js';

const PAGE = {
  nl: {
    title: 'Dagboeken sorteren',
    documentTitle: 'Dagboeken sorteren – eenzaamheid, internalisatie of atomisatie?',
    loading: 'De oefening wordt geladen…',
    fetchFailed: 'De oefenset kon niet worden opgehaald',
    startFailed: 'De oefening kon niet worden gestart',
  },
  en: {
    title: 'Sorting diaries',
    documentTitle: 'Sorting diaries – loneliness, internalisation or atomisation?',
    loading: 'Loading the exercise…',
    fetchFailed: 'The exercise set could not be fetched',
    startFailed: 'The exercise could not be started',
  },
};

/** The board's module; its glue is in this script. */
const BOARD_WASM = new URL('../pkg/board/diary_sort_bg.wasm', import.meta.url);
/** The whole module, loaded when the quiz is first wanted (or ahead of it). */
const WHOLE_GLUE = new URL('../pkg/diary_sort.js', import.meta.url).href;
const WHOLE_WASM = new URL('../pkg/diary_sort_bg.wasm', import.meta.url);
/** Kept in localStorage once the quiz has been wanted on this page: see `quizWanted`. */
const QUIZ_WANTED = 'diary-sort:page:quiz-wanted';
/** The quiz's styles (pkg/app.css has the board's). */
const QUIZ_CSS = new URL('../pkg/quiz.css', import.meta.url).href;

const params = new URLSearchParams(window.location.search);
const setUrl = params.get('set') || 'sets/snijders-nl.json';
// Passed on to the widget as it is (the widget reads the tag itself).
const requestedTag = params.get('lang') || undefined;
const requested = languageOf(requestedTag);
const browserLanguages = [...navigator.languages];
const pageLang = languageOf(document.documentElement.lang) ?? 'nl';
// Without a set (yet): the browser's language, else the page's.
const unset = firstLanguageOf(browserLanguages) ?? pageLang;
const appElement = document.getElementById('app');
if (!appElement) throw new Error('index.html has no #app');
const app = appElement;
let page = PAGE[requested ?? pageLang];

/**
 * Puts the page (its lang attribute, title and heading) in `lang`.
 * @param {import('./lang.js').Lang} lang
 */
function applyPageLang(lang) {
  page = PAGE[lang];
  document.documentElement.lang = lang;
  document.title = page.documentTitle;
  const h1 = document.getElementById('page-title');
  if (h1) h1.textContent = page.title;
  const status = document.getElementById('page-status');
  if (status) status.textContent = page.loading;
}

if (requested) applyPageLang(requested);

/**
 * Names the page after the set the widget shows: the set's eyebrow above it (none when the set
 * has none) and its title in the tab. A set that did not load leaves the page as it is.
 * @param {{ readonly eyebrow: string | undefined }} shown
 */
function showSet(shown) {
  const title = app.querySelector('h2.title')?.textContent;
  if (!title) return;
  const eyebrow = shown.eyebrow;
  const h1 = document.getElementById('page-title');
  if (h1) {
    h1.textContent = eyebrow ?? '';
    h1.hidden = !eyebrow;
  }
  document.title = eyebrow ? `${eyebrow} – ${title}` : title;
}

/**
 * Shows `what` went wrong with the set, and why (`detail`), in the exercise's place.
 * @param {string} what
 * @param {string} detail
 */
function showError(what, detail) {
  const p = document.createElement('p');
  p.className = 'page-error';
  p.setAttribute('role', 'alert');
  p.textContent = `${what} (${setUrl}): ${detail}`;
  app.replaceChildren(p);
}

// The widget removes itself when its handle is garbage-collected: keep it for the page's life
// (after a trap too: freeing it would call into the broken module).
/** @typedef {typeof import('../pkg/diary_sort.js')} WholeModule */
/** @type {Widget | InstanceType<WholeModule['Widget']> | null} */
export let widget = null;

// A trap in the module (from the widget's own listeners) leaves the widget dead: say so in its
// place instead of leaving a board that no longer answers.
let failed = false;
function fail() {
  if (failed) return;
  failed = true;
  showFailure(app);
}
watchModule(fail);

/**
 * The quiz's styles in the page: resolves once they have loaded (a link that fails is taken out,
 * to be added again next time).
 * @returns {Promise<void>}
 */
function quizStyles() {
  const found = /** @type {HTMLLinkElement | null} */ (document.querySelector(`link[href="${QUIZ_CSS}"]`));
  const link = found ?? document.createElement('link');
  if (!found) {
    link.rel = 'stylesheet';
    link.href = QUIZ_CSS;
    document.head.append(link);
  }
  if (link.sheet) return Promise.resolve();
  return new Promise((resolve, reject) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener(
      'error',
      () => {
        link.remove();
        reject(new Error(`${QUIZ_CSS}: not loaded`));
      },
      { once: true },
    );
  });
}

/** @type {Promise<[WholeModule, WebAssembly.Module, void]> | null} */
let whole = null;

/**
 * The whole module: its glue, its code fetched and compiled (not instantiated: no memory is
 * taken before the quiz is wanted), and the quiz's styles. Once; again after a failure.
 * @returns {Promise<[WholeModule, WebAssembly.Module, void]>}
 */
function fetchWhole() {
  if (whole === null) {
    const code = fetch(WHOLE_WASM)
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((bytes) => WebAssembly.compile(bytes));
    const fetched = Promise.all([/** @type {Promise<WholeModule>} */ (import(WHOLE_GLUE)), code, quizStyles()]);
    fetched.catch(() => {
      if (whole === fetched) whole = null;
    });
    whole = fetched;
  }
  return whole;
}

/**
 * The whole module's widget, ready to mount.
 * @returns {Promise<WholeModule['Widget']>}
 */
async function wholeWidget() {
  const [glue, code] = await fetchWhole();
  await glue.default({ module_or_path: code });
  return glue.Widget;
}

/**
 * The board's module's widget asks for the whole module (`loadquiz`): the whole module's widget
 * takes its place, with the options the board's widget gives then (`takeover`: none when the
 * student has gone back to the board meanwhile; the next choice of the quiz asks again).
 */
async function loadQuiz() {
  try {
    window.localStorage.setItem(QUIZ_WANTED, '1');
  } catch {
    // Not kept: the next load fetches the whole module once the board is there, as the first.
  }
  try {
    const Whole = await wholeWidget();
    const board = widget;
    if (!(board instanceof Widget) || text === null) return;
    /** @type {{ state?: string, handover: 'tab' | 'quiz' | 'page' } | undefined} */
    const takeover = board.takeover;
    if (takeover === undefined) return;
    widget = null;
    board.free();
    widget = new Whole(app, text, { ...options, ...takeover });
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    if (isModuleFailure(e)) fail();
    else if (widget instanceof Widget) widget.quizFailed(reason);
    else if (widget === null) showError(page.startFailed, reason);
  }
}

/**
 * Runs `work` once the browser is idle (soon, where it cannot tell).
 * @param {() => void} work
 */
function whenIdle(work) {
  if ('requestIdleCallback' in window) window.requestIdleCallback(work, { timeout: 5000 });
  else setTimeout(work, 1000);
}

// The set and the module load side by side; the widget starts when both are there.
const setText = fetch(setUrl).then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
});
const ready = init({ module_or_path: BOARD_WASM });
// The widget reads the stored attempt as it mounts. The browser's first use of localStorage on
// a page loads the origin's storage (a few ms on a slow phone): done now, while the module is
// still downloading, it is not done between the module's arrival and the board. Storage the
// browser refuses is the widget's to report.
// Reads only the page's own mark (below).
/** Whether the quiz has been wanted on this page in this browser. */
let quizWanted = false;
try {
  quizWanted = window.localStorage.getItem(QUIZ_WANTED) !== null;
} catch {
  // The widget finds out the same way and says so.
}
// A student who has used the quiz here may well come back to it (a reload opens the tab the
// attempt was left on): the whole module is then fetched now, beside the board's, and mounted
// at once (below). A returning student has both in the browser's cache: one round trip to the
// server, as before the board's module, rather than two in a row and two mounts.
const wholeFirst = quizWanted ? fetchWhole().then(() => wholeWidget()) : null;
wholeFirst?.catch(() => {});

/** @type {string | null} */
let text = null;
/** @type {import('./diary-sort.js').WidgetOptions} */
const options = { lang: requestedTag, browserLanguages };
try {
  text = await setText;
} catch (e) {
  if (!requested) applyPageLang(unset);
  showError(page.fetchFailed, e instanceof Error ? e.message : String(e));
}

if (text !== null) {
  try {
    await ready;
    // The whole module when it was wanted here before and has come (else the board's).
    const Whole = await wholeFirst?.catch(() => null);
    app.replaceChildren();
    if (Whole) {
      widget = new Whole(app, text, options);
    } else {
      app.addEventListener('loadquiz', () => void loadQuiz());
      const board = new Widget(app, text, options);
      widget = board;
      if (board.hasQuiz) whenIdle(() => void fetchWhole().catch(() => {}));
    }
    // Without ?lang=, the set decides: the page takes the widget's language (its root says it),
    // rather than parsing a set of up to 16 MB a second time here.
    if (!requested) applyPageLang(languageOf(app.firstElementChild?.getAttribute('lang')) ?? unset);
    showSet(widget);
  } catch (e) {
    if (isModuleFailure(e)) fail();
    else showError(page.startFailed, e instanceof Error ? e.message : String(e));
  }
} else {
  ready.catch(() => {});
}
