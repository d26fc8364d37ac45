// @ts-check
// When the wasm module breaks down (a trap: `unreachable` after a panic, an out-of-bounds access,
// memory that ran out), every widget of that module is dead: its memory may be half-updated and
// any further call may trap again. The loaders (app.js, diary-sort.js and through it embed.js)
// then replace each widget with this panel, built here in JavaScript because the module can no
// longer build anything, and leave the rest of the host page alone. The panel's texts are the
// one table below (the module's own tables are out of reach once it has trapped).

import { languageOf } from './lang.js';

const TEXT = {
  nl: {
    lead: 'De oefening is door een fout gestopt.',
    detail: 'Laad de pagina opnieuw om verder te gaan. Wat je vóór de fout deed, is bewaard als je browser het bijhoudt.',
  },
  en: {
    lead: 'The exercise stopped because of an error.',
    detail: 'Reload the page to continue. What you did before the error is kept if your browser keeps it.',
  },
};

/**
 * Whether `error` means the wasm module itself failed (a trap), not a mistake in its input.
 * @param {unknown} error
 * @returns {boolean}
 */
export function isModuleFailure(error) {
  return error instanceof WebAssembly.RuntimeError;
}

/**
 * The panel's language: the widget's own (its root's lang), else the host's, else the page's.
 * @param {Element} host
 * @returns {import('./lang.js').Lang}
 */
function panelLang(host) {
  const tag = host.querySelector('.diary-sort[lang]')?.getAttribute('lang') ?? host.closest('[lang]')?.getAttribute('lang');
  return languageOf(tag) ?? 'nl';
}

/**
 * Replaces what `host` shows with the panel (role alert, so it is announced).
 * @param {Element} host
 */
export function showFailure(host) {
  const lang = panelLang(host);
  const root = document.createElement('div');
  root.className = 'diary-sort';
  root.lang = lang;
  const panel = document.createElement('div');
  panel.className = 'load-failed module-failed';
  panel.setAttribute('role', 'alert');
  const lead = document.createElement('p');
  lead.textContent = TEXT[lang].lead;
  const detail = document.createElement('p');
  detail.className = 'failure-detail';
  detail.textContent = TEXT[lang].detail;
  panel.append(lead, detail);
  root.append(panel);
  host.replaceChildren(root);
}

/**
 * Calls `onFailure()` for every trap of the module that is not caught: thrown from one of the
 * widgets' own event listeners (the window's `error` event) or from an async call (an unhandled
 * rejection). The event is marked handled, so it is not reported a second time as uncaught.
 * @param {() => void} onFailure
 */
export function watchModule(onFailure) {
  /** @type {(event: Event, error: unknown) => void} */
  const handle = (event, error) => {
    if (!isModuleFailure(error)) return;
    event.preventDefault();
    onFailure();
  };
  window.addEventListener('error', (event) => handle(event, event.error));
  window.addEventListener('unhandledrejection', (event) => handle(event, event.reason));
}
