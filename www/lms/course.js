// @ts-check
// The launch page of a course package (course.html?set=…, default sets/course.json, which
// `diary-sort package` writes): the exercise as a <diary-sort> element, reporting to whatever
// launched it:
// - a cmi5 LMS (endpoint, fetch, actor, registration and activityId in the query): cmi5.js;
// - else a SCORM 2004 or 1.2 LMS whose API a parent or opener window offers: scorm.js (only the
//   version of ?scorm=1.2|2004, which the package's manifest puts in the launch address);
// - else, with ?endpoint=…&auth=… (an LRS, as xAPI launch links give them) or ?parent=ORIGIN (the
//   parent page, by postMessage to that origin only), xAPI statements: xapi.js, with ?actor=
//   (JSON), ?registration= and ?activity_id= (default: the set's address);
// - else nobody: the page runs standalone, the attempt kept in localStorage.
// In every case the element keeps its attempt in localStorage too, so nothing is lost when the
// LMS cannot take it; inside an LMS that copy is the learner's and attempt's own (storage-scope),
// and the LMS's data wins. An LMS that refuses to start the session (e.g. after the frame was
// reloaded) or a cmi5 launch that fails leaves the exercise unreported, and the student is told.
// What the bridges tell the student goes in #lms-status (a live region).
import { isResumeString } from '../diary-sort.js';
import { parentOrigin } from '../parent.js';
import { notifier } from './notices.js';
import { cmi5Launch, startCmi5 } from './cmi5.js';
import { findApi, ScormBridge } from './scorm.js';
import { Sender, reportXapi, uuid } from './xapi.js';

const params = new URLSearchParams(window.location.search);
const element = document.createElement('diary-sort');
const setUrl = params.get('set') || 'sets/course.json';
element.setAttribute('src', setUrl);
const lang = params.get('lang');
if (lang) element.setAttribute('lang', lang);
// The page takes the exercise's language and its set's title (the widget's root states both).
element.addEventListener('ready', () => {
  const root = element.firstElementChild;
  const tag = root?.getAttribute('lang');
  if (tag) document.documentElement.lang = tag;
  const title = root?.querySelector('h2.title')?.textContent;
  if (title) document.title = title;
});
const say = notifier(element, document.getElementById('lms-status'));

/**
 * ?actor= as an object, else an account for this browser (kept in localStorage).
 * @returns {object}
 */
function actorFromQuery() {
  try {
    const actor = JSON.parse(params.get('actor') ?? 'null');
    if (actor && typeof actor === 'object') return actor;
  } catch {
    // Not JSON: an anonymous account below.
  }
  let name = null;
  try {
    name = localStorage.getItem('diary-sort:xapi-learner');
    if (!name) {
      name = uuid();
      localStorage.setItem('diary-sort:xapi-learner', name);
    }
  } catch {
    name = uuid();
  }
  return { objectType: 'Agent', account: { homePage: window.location.origin, name } };
}

/** The scope of the local copy in this tab's LMS session (sessionStorage: it outlives a reload). */
const SCOPE_KEY = 'diary-sort:lms-scope';

/**
 * Starts the element from the LMS's `state` (null: the local copy) in the local `scope`, which
 * this tab remembers for a reload that the LMS then refuses.
 * @param {{state: string | null, scope: string}} start
 */
function fromLms({ state, scope }) {
  if (state !== null) element.setAttribute('state', state);
  element.setAttribute('storage-scope', scope);
  try {
    sessionStorage.setItem(SCOPE_KEY, scope);
  } catch {
    // No session storage: a refused reload starts from nothing.
  }
}

/**
 * The LMS is there but does not take reports: the student is told, and the attempt is kept in
 * this tab's scope (or a scope of its own), never in another learner's.
 * @param {import('./notices.js').Notice} key
 */
function unreported(key) {
  say(key);
  let scope = null;
  try {
    scope = sessionStorage.getItem(SCOPE_KEY);
  } catch {
    scope = null;
  }
  element.setAttribute('storage-scope', scope ?? 'unreported');
}

async function connect() {
  const launch = cmi5Launch();
  if (launch) {
    try {
      const { state, report, scope } = await startCmi5(launch, say, isResumeString);
      fromLms({ state, scope });
      report(element);
    } catch (error) {
      console.error('diary-sort: the cmi5 launch failed; the exercise runs without reporting', error);
      unreported('unreported');
    }
    return;
  }
  const version = params.get('scorm');
  const found = findApi(window, version === '1.2' || version === '2004' ? version : null);
  if (found) {
    const bridge = new ScormBridge(found, say, isResumeString);
    const started = await bridge.start();
    if (started === false) {
      unreported('refused');
      return;
    }
    fromLms(started);
    bridge.attach(element);
    return;
  }
  const origin = parentOrigin(params);
  const endpoint = params.get('endpoint');
  const auth = params.get('auth');
  if (origin || (endpoint && auth)) {
    const sender = new Sender({ parentOrigin: origin, endpoint: endpoint && auth ? endpoint : null, auth, onTrouble: () => say('offline') });
    const host = {
      actor: actorFromQuery(),
      activityId: params.get('activity_id') || new URL(setUrl, window.location.href).href,
      registration: params.get('registration') || undefined,
    };
    reportXapi(element, host, sender);
  }
}

const course = document.getElementById('course');
if (!course) throw new Error('course.html has no #course');
await connect();
course.append(element);
