// @ts-check
// <diary-sort src="sets/x.json" lang="nl" seed="42" storage="off"></diary-sort>: the exercise
// as a custom element. This module is the only script a host page includes; it loads the wasm
// and the styles (widget.css, minified there by scripts/build), both from ../pkg/ (found from this
// file's own URL), once, when the first element appears.
//
// Bundlers (Vite, webpack 5) follow both: the glue is a dynamic import() with a literal path, so
// they make it a chunk of their own and see in it the wasm's `new URL('diary_sort_bg.wasm',
// import.meta.url)`, and widget.css is a literal `new URL(…, import.meta.url)`, which they emit as
// one asset. scripts/build rewrites both paths for pkg/'s flat layout (the npm package).
//
// Attributes: src (the set's URL, resolved against the page), lang (nl or en; wins over the set's
// language, which wins over the browser's languages: those speak only when there is no set to
// read, e.g. it could not be fetched), seed (shuffle seed, an integer; default random), storage
// ("off": the attempt is kept in memory only), state (a resume string to start from instead of
// the stored attempt, e.g. an LMS's suspend data; a bad one starts afresh with a notice; empty: a
// fresh attempt, e.g. an LMS's new one), storage-scope (whose attempt is stored: appended to the
// storage key, e.g. an LMS's learner and attempt). A change of src or lang starts the element
// afresh (a stored attempt resumes); seed, storage, storage-scope and state are read when it
// starts. isResumeString(text) (exported) asks the module whether a text is a resume string.
// Events (bubbling, on the element): ready {setId, excerpts, bins, passMark, state}, answered
// per judged card {excerpt, bin, expected, correct, check} or quiz item ({excerpt, bin, expected,
// correct, check, certainty?, criteria?} or {question, options, expected, correct, check,
// certainty?}), completed {score, passed}, statechange {state} whenever the resume string
// changes. The Rust shell dispatches them.
//
// Styles: the first element adds pkg/widget.css (beside this file in the npm package) to the page,
// once, as a <link rel="stylesheet" data-diary-sort> at the end of <head>, and shows its exercise when that
// has loaded (or failed to). A page that links widget.css itself (the same URL, or any stylesheet
// link marked data-diary-sort, e.g. a copy its own style-src allows) gets no second one.
//
// No text here: a set that cannot be fetched is shown by the wasm, from its Dutch and English
// string tables. Only when the module itself breaks down (a trap, from a call here or from a
// widget's own listeners) does every element of the page show failure.js's panel instead; the
// rest of the page goes on. Content inside the element stays until the exercise replaces it, so it is the
// fallback for a browser that cannot run the module.

import { isModuleFailure, showFailure, watchModule } from './failure.js';

const cssUrl = new URL('../pkg/widget.css', import.meta.url);
/** @typedef {import('../pkg/diary_sort.js').Widget} Widget */
/** @type {Promise<typeof import('../pkg/diary_sort.js')> | null} */
let glue = null;
/** @type {Promise<void> | null} */
let styles = null;

/** widget.css in the page, added once; resolves when it has loaded or failed (never rejects). */
function loadStyles() {
  styles ??= new Promise((resolve) => {
    const links = document.querySelectorAll('link[rel~="stylesheet"]');
    if ([...links].some((link) => link.hasAttribute('data-diary-sort') || (link instanceof HTMLLinkElement && link.href === cssUrl.href))) {
      resolve();
      return;
    }
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = cssUrl.href;
    link.setAttribute('data-diary-sort', '');
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener(
      'error',
      () => {
        console.warn(`<diary-sort>: ${cssUrl.href} did not load; the exercise is shown without its styles`);
        resolve();
      },
      { once: true },
    );
    (document.head ?? document.documentElement).append(link);
  });
  return styles;
}

/** The wasm-bindgen module, initialised (loaded once for every element on the page). */
function loadGlue() {
  glue ??= import('../pkg/diary_sort.js').then(async (module) => {
    await module.default();
    return module;
  });
  return glue;
}

/**
 * Whether `text` is a resume string the module reads (the LMS bridges ask; they never parse one).
 * @param {string} text
 * @returns {Promise<boolean>}
 */
export async function isResumeString(text) {
  return (await loadGlue()).isResumeString(text);
}

/**
 * The set's text, or a short reason why it could not be fetched ("HTTP 404", a network error).
 * @param {URL} url
 * @returns {Promise<{text: string, reason?: undefined} | {text?: undefined, reason: string}>}
 */
async function fetchSet(url) {
  try {
    const response = await fetch(url);
    return response.ok ? { text: await response.text() } : { reason: `HTTP ${response.status}` };
  } catch (error) {
    return { reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * For each element with a widget mounted, what turns it into the failure panel: a trap kills
 * the module, so it kills them all.
 * @type {Map<HTMLElement, () => void>}
 */
const mounted = new Map();
/**
 * Handles of widgets that died with the module: kept, for freeing them would call into it.
 * @type {Widget[]}
 */
const dead = [];

/** Turns every mounted widget into the failure panel. */
function moduleFailed() {
  for (const fail of [...mounted.values()]) fail();
}

watchModule(moduleFailed);

class DiarySort extends HTMLElement {
  static observedAttributes = ['src', 'lang'];

  /**
   * The Widget handle: kept here, for a handle that is garbage-collected frees its widget.
   * @type {Widget | null}
   */
  #widget = null;
  /** Whether the element has started (a start is running, or its widget is mounted). */
  #started = false;
  /** Counts starts and stops: a start that finds it changed has been overtaken and gives up. */
  #generation = 0;

  connectedCallback() {
    if (!this.#started) this.#start();
  }

  disconnectedCallback() {
    // Removed and inserted again in the same task (moved): keep the widget and its attempt.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  /**
   * A change of src or lang starts again.
   * @param {string} _name
   * @param {string | null} before
   * @param {string | null} after
   */
  attributeChangedCallback(_name, before, after) {
    if (before !== after && this.#started) this.#start();
  }

  /** Removes the widget (and makes a start under way give up). */
  #stop() {
    this.#generation += 1;
    this.#started = false;
    mounted.delete(this);
    const widget = this.#widget;
    this.#widget = null;
    try {
      widget?.destroy();
    } catch (error) {
      if (!isModuleFailure(error)) throw error;
    }
  }

  /** The module has trapped: show the failure panel instead of the dead widget. Its handle is
   * kept (freeing it would call into the broken module) and never used again. */
  #fail() {
    mounted.delete(this);
    this.#generation += 1;
    if (this.#widget) dead.push(this.#widget);
    this.#widget = null;
    showFailure(this);
  }

  /** Starts (again): the module, the set and the styles, then the widget. */
  async #start() {
    this.#stop();
    this.#started = true;
    const generation = this.#generation;
    const src = this.getAttribute('src');
    if (!src) {
      console.error('<diary-sort>: the src attribute is missing');
      return;
    }
    const seed = Number.parseInt(this.getAttribute('seed') ?? '', 10);
    /** @type {import('./diary-sort.js').WidgetOptions} */
    const options = {
      lang: this.getAttribute('lang') || undefined,
      browserLanguages: [...navigator.languages],
      seed: Number.isFinite(seed) ? seed : undefined,
      storage: this.getAttribute('storage') !== 'off',
      state: this.getAttribute('state') ?? undefined,
      storageScope: this.getAttribute('storage-scope') ?? undefined,
    };
    let module;
    let set;
    try {
      [module, set] = await Promise.all([loadGlue(), fetchSet(new URL(src, document.baseURI)), loadStyles()]);
    } catch (error) {
      // The module or its wasm did not load: the element keeps its own content.
      glue = null;
      this.#started = false;
      console.error('<diary-sort>: the exercise could not be started', error);
      return;
    }
    if (generation !== this.#generation) return;
    this.replaceChildren();
    const { Widget } = module;
    // `ready` is dispatched inside the constructor; its listeners may remove or restart us.
    let widget;
    try {
      widget =
        set.text !== undefined ? new Widget(this, set.text, options) : Widget.fetchFailed(this, src, set.reason, options);
    } catch (error) {
      if (!isModuleFailure(error)) throw error;
      moduleFailed();
      this.#fail();
      return;
    }
    if (generation !== this.#generation) {
      widget.destroy();
      return;
    }
    this.#widget = widget;
    mounted.set(this, () => this.#fail());
  }
}

if (!customElements.get('diary-sort')) customElements.define('diary-sort', DiarySort);
