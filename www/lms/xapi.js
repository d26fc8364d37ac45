// @ts-check
// xAPI statements for what the <diary-sort> element tells (its answered and completed events),
// and where they go: the parent page (postMessage, to one configured origin only) and, with an
// endpoint and credentials, a Learning Record Store (fetch; queued in localStorage while it
// cannot be reached, retried in order). cmi5.js builds on this.
//
// Statements (xAPI 1.0.3):
// - answered, per `answered` event: object `{activityId}/excerpts/{id}` (interactionType
//   matching, source = the excerpt, target = the bins, correctResponsesPattern `id[.]bin`) or
//   `{activityId}/questions/{id}` (choice, `a[,]c`); result.success, result.response (`fn12[.]atomisation`,
//   `a[,]c`), and in result.extensions the ticked criteria (array of criterion ids) and the
//   certainty ("low" | "medium" | "high") under the IRIs in EXTENSIONS, when the quiz gives them.
// - completed, and passed or failed (against the mastery score: the host's, else the set's pass
//   mark), each at most once per registration (kept in localStorage): result score (scaled, raw,
//   min 0, max 100), success, completion, duration (since the exercise was shown).
// The actor, the registration and a context (merged into every statement) come from the host.

import { Backoff } from './backoff.js';
import { interactionOf, responseText, DELIMITED } from './interaction.js';
import { isoDuration } from './scorm.js';

/** Result extensions: the class report reads exactly these IRIs. */
export const EXTENSIONS = {
  criteria: 'https://w3id.org/xapi/diary-sort/extensions/criteria',
  certainty: 'https://w3id.org/xapi/diary-sort/extensions/certainty',
};

/** @typedef {'answered' | 'completed' | 'passed' | 'failed' | 'initialized' | 'terminated'} Verb */
/** @typedef {{id: string, display: Record<string, string>}} VerbObject */
/** @typedef {Record<string, unknown>} JsonObject a statement's part (object, result, context…) */
/**
 * @typedef {object} Statement
 * @property {string} id
 * @property {string} timestamp
 * @property {unknown} actor
 * @property {VerbObject} verb
 * @property {JsonObject} object
 * @property {JsonObject} context
 * @property {JsonObject} [result]
 */
/**
 * Who and what the statements are about, from the host page or the cmi5 launch.
 * @typedef {object} Host
 * @property {unknown} actor the xAPI actor
 * @property {string} activityId
 * @property {string} [registration]
 * @property {JsonObject} [context] merged into every statement's context
 * @property {number} [masteryPercent] the pass mark, instead of the set's
 */
/** @typedef {import('../diary-sort.js').DiarySortElement} DiarySortElement */

/** @type {(verb: Verb) => VerbObject} */
const adl = (verb) => ({ id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } });

/**
 * ADL verbs.
 * @type {Record<Verb, VerbObject>}
 */
export const VERBS = {
  answered: adl('answered'),
  completed: adl('completed'),
  passed: adl('passed'),
  failed: adl('failed'),
  initialized: adl('initialized'),
  terminated: adl('terminated'),
};

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const XAPI_VERSION = '1.0.3';
const RETRY_FIRST_MS = 1000;
const RETRY_MAX_MS = 60000;

/**
 * A random UUID (version 4), also outside secure contexts where crypto.randomUUID is missing.
 * @returns {string}
 */
export function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A deep copy of a JSON value (the context template is never shared between statements).
 * @type {(value: JsonObject | undefined) => any}
 */
const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/**
 * The statement's context: the host's template, the registration, and `categories` (activity
 * ids) added to contextActivities.category.
 * @param {Host} host
 * @param {string[]} [categories]
 * @returns {JsonObject}
 */
function contextFor(host, categories = []) {
  const context = copy(host.context) ?? {};
  if (host.registration) context.registration = host.registration;
  if (categories.length > 0) {
    context.contextActivities ??= {};
    const list = context.contextActivities.category ?? [];
    context.contextActivities.category = [...list, ...categories.map((id) => ({ id }))];
  }
  return context;
}

/**
 * A statement with id, timestamp, the host's actor and context.
 * @param {Host} host
 * @param {Verb} verb
 * @param {JsonObject} object
 * @param {JsonObject} [result]
 * @param {string[]} [categories]
 * @returns {Statement}
 */
export function statement(host, verb, object, result, categories) {
  /** @type {Statement} */
  const s = {
    id: uuid(),
    timestamp: new Date().toISOString(),
    actor: host.actor,
    verb: VERBS[verb],
    object,
    context: contextFor(host, categories),
  };
  if (result) s.result = result;
  return s;
}

/**
 * The answered statement for an `answered` detail, or null for a detail of neither shape.
 * @param {Host} host
 * @param {unknown} detail
 * @param {string[]} [bins] the bins' ids (the matching interaction's targets)
 * @returns {Statement | null}
 */
export function answeredStatement(host, detail, bins = []) {
  const it = interactionOf(detail);
  if (!it) return null;
  const kind = it.type === 'choice' ? 'questions' : 'excerpts';
  /** @type {JsonObject} */
  const definition = { type: INTERACTION, interactionType: it.type };
  if (it.pattern.length > 0) definition.correctResponsesPattern = [responseText(it.pattern, DELIMITED)];
  if (it.type === 'matching') {
    definition.source = [{ id: it.id }];
    const targets = bins.length > 0 ? bins : [...new Set([...it.response, ...it.pattern].map(([, t]) => t))];
    definition.target = targets.map((id) => ({ id }));
  } else {
    definition.choices = [...new Set([...it.response, ...it.pattern])].map((id) => ({ id }));
  }
  const object = { objectType: 'Activity', id: `${host.activityId}/${kind}/${encodeURIComponent(it.id)}`, definition };
  /** @type {JsonObject} */
  const result = { success: it.correct, response: responseText(it.response, DELIMITED) };
  /** @type {JsonObject} */
  const extensions = {};
  if (it.criteria) extensions[EXTENSIONS.criteria] = it.criteria;
  if (it.certainty) extensions[EXTENSIONS.certainty] = it.certainty;
  if (Object.keys(extensions).length > 0) result.extensions = extensions;
  return statement(host, 'answered', object, result);
}

/**
 * result.score for a percentage.
 * @type {(percent: number) => JsonObject}
 */
export const scoreOf = (percent) => ({ scaled: percent / 100, raw: percent, min: 0, max: 100 });

/**
 * Sends statements, in order, to the parent page (`parentOrigin`) and/or an LRS (`endpoint`
 * with `auth`, an Authorization header value). LRS statements wait in localStorage (one queue
 * per endpoint) until the LRS has taken them; while it cannot be reached (a network error, 5xx,
 * 429) they are tried again after 1, 2, 4 … 60 s and whenever the browser comes back online.
 * `onTrouble()` is called when a send fails.
 */
export class Sender {
  /** @type {{parentOrigin: string | null, endpoint: string | null, auth: string | null, onTrouble: () => void}} */
  #config;
  /** @type {Statement[]} */
  #queue;
  #sending = false;
  /** @type {number | null} */
  #timer = null;
  #backoff = new Backoff(RETRY_FIRST_MS, RETRY_MAX_MS);

  /**
   * @param {{parentOrigin?: string | null, endpoint?: string | null, auth?: string | null, onTrouble?: () => void}} config
   */
  constructor({ parentOrigin = null, endpoint = null, auth = null, onTrouble = () => {} }) {
    this.#config = { parentOrigin, endpoint: endpoint && (endpoint.endsWith('/') ? endpoint : `${endpoint}/`), auth, onTrouble };
    this.#queue = this.#load();
    window.addEventListener('online', () => this.flush());
    if (this.#queue.length > 0) this.flush();
  }

  get #key() {
    return `diary-sort:xapi-queue:${this.#config.endpoint}`;
  }

  /**
   * The LRS's queue as localStorage keeps it.
   * @returns {Statement[]}
   */
  #load() {
    if (!this.#config.endpoint) return [];
    try {
      const list = JSON.parse(localStorage.getItem(this.#key) ?? '[]');
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  }

  /** Keeps the LRS's queue in localStorage. */
  #store() {
    try {
      if (this.#queue.length > 0) localStorage.setItem(this.#key, JSON.stringify(this.#queue));
      else localStorage.removeItem(this.#key);
    } catch {
      // No storage: the queue lives as long as the page.
    }
  }

  /**
   * Sends `s`: posted to the parent at once, queued for the LRS (and sent, unless `later`).
   * @param {Statement} s
   * @param {boolean} [later]
   * @returns {Promise<void>}
   */
  send(s, later = false) {
    const { parentOrigin, endpoint } = this.#config;
    if (parentOrigin && window.parent !== window) {
      window.parent.postMessage({ type: 'diary-sort:statement', statement: s }, parentOrigin);
    }
    if (!endpoint) return Promise.resolve();
    this.#queue.push(s);
    this.#store();
    return later ? Promise.resolve() : this.flush();
  }

  /**
   * The LRS's headers.
   * @returns {Record<string, string>}
   */
  headers() {
    return {
      'Content-Type': 'application/json',
      'X-Experience-API-Version': XAPI_VERSION,
      ...(this.#config.auth ? { Authorization: this.#config.auth } : {}),
    };
  }

  /**
   * The LRS's address for `path` (statements, activities/state).
   * @param {string} path
   * @returns {string}
   */
  url(path) {
    return new URL(path, this.#config.endpoint ?? undefined).href;
  }

  /** Sends what is queued, oldest first; stops at the first failure and tries again later. */
  async flush() {
    if (this.#sending || !this.#config.endpoint) return;
    this.#sending = true;
    clearTimeout(this.#timer ?? undefined);
    this.#timer = null;
    try {
      while (this.#queue.length > 0) {
        const s = this.#queue[0];
        let taken = false;
        try {
          const response = await fetch(this.url('statements'), { method: 'POST', headers: this.headers(), body: JSON.stringify(s), keepalive: true });
          // 409: the LRS has a statement with this id already (an earlier try got through).
          // Another 4xx but 429 refuses this statement for good: trying again cannot help, and
          // would hold up every statement after it.
          const refused = response.status >= 400 && response.status < 500 && response.status !== 409 && response.status !== 429;
          if (refused) console.warn(`diary-sort: the LRS refused a statement (HTTP ${response.status})`, s);
          taken = response.ok || response.status === 409 || refused;
        } catch {
          taken = false;
        }
        if (!taken) {
          this.#config.onTrouble();
          this.#timer = setTimeout(() => this.flush(), this.#backoff.next());
          return;
        }
        this.#backoff.reset();
        this.#queue.shift();
        this.#store();
      }
    } finally {
      this.#sending = false;
    }
  }

  /**
   * For a page that is going away: everything queued in one request that outlives the page
   * (keepalive). The queue stays in localStorage until a later page learns it arrived, which
   * it does by sending it again (the LRS answers 409 or 204 for statements it has).
   */
  flushNow() {
    if (!this.#config.endpoint || this.#queue.length === 0) return;
    const body = JSON.stringify(this.#queue);
    fetch(this.url('statements'), { method: 'POST', headers: this.headers(), body, keepalive: true }).catch(() => {});
  }
}

/** @typedef {Partial<Record<Verb, boolean>>} Sent the verbs sent for a registration */
/** @typedef {{has: (verb: Verb) => boolean, add: (verb: Verb) => void}} SentOnce */

/**
 * The statements already sent for a registration ({completed, passed, failed}: true), kept in
 * localStorage, or elsewhere: `initial` is what was kept, `keep(sent)` keeps a change (cmi5 keeps
 * it in the LRS's State API, so it holds in any browser).
 * @param {string | undefined} registration
 * @param {string} activityId
 * @param {Sent | null} [initial]
 * @param {((sent: Sent) => void) | null} [keep]
 * @returns {SentOnce}
 */
export function sentOnce(registration, activityId, initial = null, keep = null) {
  const key = `diary-sort:xapi-sent:${activityId}:${registration ?? ''}`;
  /** @type {Sent} */
  let sent = initial ?? {};
  if (!initial) {
    try {
      sent = JSON.parse(localStorage.getItem(key) ?? '{}') ?? {};
    } catch {
      sent = {};
    }
  }
  return {
    has: (verb) => sent[verb] === true,
    add(verb) {
      sent = { ...sent, [verb]: true };
      if (keep) {
        keep(sent);
        return;
      }
      try {
        localStorage.setItem(key, JSON.stringify(sent));
      } catch {
        // Without storage, once per page.
      }
    },
  };
}

/**
 * Sends an answered statement for each `answered` event of `element` (the bins from its `ready`
 * event become the matching interaction's targets).
 * @param {DiarySortElement} element
 * @param {Host} host
 * @param {Sender} sender
 */
export function reportAnswers(element, host, sender) {
  /** @type {string[]} */
  let bins = [];
  element.addEventListener('ready', (e) => {
    if (Array.isArray(e.detail?.bins)) bins = e.detail.bins.filter((b) => typeof b === 'string');
  });
  element.addEventListener('answered', (e) => {
    const s = answeredStatement(host, e.detail, bins);
    if (s) sender.send(s);
  });
}

/**
 * Whether a verdict may be sent now under the once-per-registration rules: passed once; failed
 * once, and never after passed.
 * @param {SentOnce} sent
 * @param {'passed' | 'failed'} verdict
 * @returns {boolean}
 */
export function verdictAllowed(sent, verdict) {
  return verdict === 'passed' ? !sent.has('passed') : !sent.has('failed') && !sent.has('passed');
}

/**
 * Reports `element`'s events as xAPI statements through `sender`. `host`: {actor, activityId,
 * registration?, context?, masteryPercent?}.
 * @param {DiarySortElement} element
 * @param {Host} host
 * @param {Sender} sender
 */
export function reportXapi(element, host, sender) {
  let started = Date.now();
  let passMark = host.masteryPercent ?? 60;
  const sent = sentOnce(host.registration, host.activityId);
  reportAnswers(element, host, sender);
  element.addEventListener('ready', (e) => {
    started = Date.now();
    if (host.masteryPercent === undefined && Number.isFinite(e.detail?.passMark)) passMark = e.detail.passMark;
  });
  element.addEventListener('completed', (e) => {
    const score = e.detail?.score;
    if (typeof score !== 'number' || !Number.isFinite(score)) return;
    const passed = score >= passMark;
    const result = { score: scoreOf(score), success: passed, completion: true, duration: isoDuration(Date.now() - started) };
    const object = { objectType: 'Activity', id: host.activityId };
    const verdict = passed ? 'passed' : 'failed';
    for (const verb of /** @type {const} */ (['completed', verdict])) {
      if (verb === 'completed' ? sent.has(verb) : !verdictAllowed(sent, verb)) continue;
      sent.add(verb);
      sender.send(statement(host, verb, object, result));
    }
  });
}
