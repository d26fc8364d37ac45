// The self-study page: loads a set (?set=, default sets/snijders-nl.json) and mounts the
// exercise in #app, in the interface language ?lang= (default: the set's language).
import init, { Widget } from '../pkg/diary_sort.js';

const PAGE = {
  nl: {
    title: 'Dagboeken sorteren',
    fetchFailed: 'De oefenset kon niet worden opgehaald',
    startFailed: 'De oefening kon niet worden gestart',
  },
  en: {
    title: 'Sorting diaries',
    fetchFailed: 'The exercise set could not be fetched',
    startFailed: 'The exercise could not be started',
  },
};

const params = new URLSearchParams(window.location.search);
const setUrl = params.get('set') || 'sets/snijders-nl.json';
const lang = params.get('lang') || undefined;
const primary = (lang || '').split(/[-_]/)[0].toLowerCase();
const page = PAGE[primary] || PAGE.nl;
const app = document.getElementById('app');

if (PAGE[primary]) {
  document.documentElement.lang = primary;
  const h1 = document.getElementById('page-title');
  if (h1) h1.textContent = page.title;
}

function showError(what, detail) {
  const p = document.createElement('p');
  p.className = 'page-error';
  p.setAttribute('role', 'alert');
  p.textContent = `${what} (${setUrl}): ${detail}`;
  app.replaceChildren(p);
}

// The widget removes itself when its handle is garbage-collected: keep it for the page's life.
export let widget = null;

// The set and the module load side by side; the widget starts when both are there.
const setText = fetch(setUrl).then((response) => {
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
});
const ready = init();

let text = null;
try {
  text = await setText;
} catch (e) {
  showError(page.fetchFailed, e instanceof Error ? e.message : String(e));
}

if (text !== null) {
  try {
    await ready;
    app.replaceChildren();
    widget = new Widget(app, text, lang ? { lang } : {});
  } catch (e) {
    showError(page.startFailed, e instanceof Error ? e.message : String(e));
  }
} else {
  ready.catch(() => {});
}
