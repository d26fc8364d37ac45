// @ts-check
// The page for iframes, embed.html?set=…&lang=…&seed=…&storage=off&parent=…: just the exercise,
// as a <diary-sort> element built from the query (set: the set's URL, default the Dutch set).
// With ?parent= (the parent page's origin, e.g. https://lms.example; a relative URL such as /
// means this page's own origin), it posts {type: 'diary-sort:height', height} to that origin
// whenever the content's height changes, for www/resizer.js on the parent page. Without it,
// nothing is posted: never to '*'.
import './diary-sort.js';
import { parentOrigin } from './parent.js';

const params = new URLSearchParams(window.location.search);
const element = document.createElement('diary-sort');
element.setAttribute('src', params.get('set') || 'sets/snijders-nl.json');
for (const name of ['lang', 'seed', 'storage']) {
  const value = params.get(name);
  if (value) element.setAttribute(name, value);
}
// The page takes the exercise's language (the widget's root states it), as index.html does.
element.addEventListener('ready', () => {
  const lang = element.firstElementChild?.getAttribute('lang');
  if (lang) document.documentElement.lang = lang;
});
const host = document.getElementById('embed');
if (!host) throw new Error('embed.html has no #embed');
host.append(element);

const origin = parentOrigin(params);
if (origin) {
  let posted = -1;
  new ResizeObserver(() => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === posted) return;
    posted = height;
    window.parent.postMessage({ type: 'diary-sort:height', height }, origin);
  }).observe(document.documentElement);
}
