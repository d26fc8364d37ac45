// @ts-check
// The `answered` event's detail as an interaction record, for SCORM and xAPI alike. Two shapes
// arrive: a card of the sorting exercise (or an excerpt in the quiz),
//   {excerpt, bin, expected, correct, check, certainty?, criteria?}  -> type "matching"
// and a concept question of the quiz,
//   {question, options, expected, correct, check}                     -> type "choice"
// (options: the ids the student chose; expected: the right ones).

/** @typedef {{pair: string, list: string}} Separators */

/**
 * The separators of a response: SCORM 1.2's (`a.b,c.d`), or SCORM 2004's and xAPI's (`a[.]b[,]c[.]d`).
 * @type {Separators}
 */
export const SCORM12 = { pair: '.', list: ',' };
/** @type {Separators} */
export const DELIMITED = { pair: '[.]', list: '[,]' };

/** @typedef {string | [string, string]} ResponseItem an option id (choice), or a [source, target] pair (matching) */
/**
 * @typedef {object} Interaction
 * @property {string} id the excerpt's or question's id
 * @property {'choice' | 'matching'} type
 * @property {ResponseItem[]} response what the student answered
 * @property {ResponseItem[]} pattern the right answer
 * @property {boolean} correct
 * @property {number} check the check's number, 1-based
 * @property {'low' | 'medium' | 'high' | undefined} certainty
 * @property {string[] | undefined} criteria
 */

/**
 * {id, type, response, pattern, correct, check, certainty, criteria} for an `answered` detail, or
 * null for one of neither shape. `response` and `pattern` are lists of items: a [source, target]
 * pair for matching, an option id for choice.
 * @param {any} detail the event's detail as it arrived (any shape: it is checked here)
 * @returns {Interaction | null}
 */
export function interactionOf(detail) {
  if (detail === null || typeof detail !== 'object') return null;
  const common = {
    correct: detail.correct === true,
    check: Number.isInteger(detail.check) ? detail.check : 1,
    certainty: ['low', 'medium', 'high'].includes(detail.certainty) ? detail.certainty : undefined,
    criteria: Array.isArray(detail.criteria) ? detail.criteria.filter((/** @type {unknown} */ c) => typeof c === 'string') : undefined,
  };
  if (typeof detail.question === 'string') {
    /** @type {(list: unknown) => string[]} */
    const ids = (list) => (Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    return { id: detail.question, type: 'choice', response: ids(detail.options), pattern: ids(detail.expected), ...common };
  }
  if (typeof detail.excerpt === 'string' && typeof detail.bin === 'string') {
    /** @type {ResponseItem[]} */
    const expected = typeof detail.expected === 'string' ? [[detail.excerpt, detail.expected]] : [];
    return { id: detail.excerpt, type: 'matching', response: [[detail.excerpt, detail.bin]], pattern: expected, ...common };
  }
  return null;
}

/**
 * A response or pattern (a list of items) as text with the separators `sep`.
 * @param {ResponseItem[]} items
 * @param {Separators} sep
 * @returns {string}
 */
export function responseText(items, sep) {
  return items.map((item) => (Array.isArray(item) ? item.join(sep.pair) : item)).join(sep.list);
}
