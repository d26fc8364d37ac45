// The `answered` event's detail as an interaction record, for SCORM and xAPI alike. Two shapes
// arrive: a card of the sorting exercise (or an excerpt in the quiz),
//   {excerpt, bin, expected, correct, check, certainty?, criteria?}  -> type "matching"
// and a concept question of the quiz,
//   {question, options, expected, correct, check}                     -> type "choice"
// (options: the ids the student chose; expected: the right ones).

/** The separators of a response: SCORM 1.2's (`a.b,c.d`), or SCORM 2004's and xAPI's (`a[.]b[,]c[.]d`). */
export const SCORM12 = { pair: '.', list: ',' };
export const DELIMITED = { pair: '[.]', list: '[,]' };

/**
 * {id, type, response, pattern, correct, check, certainty, criteria} for an `answered` detail, or
 * null for one of neither shape. `response` and `pattern` are lists of items: a [source, target]
 * pair for matching, an option id for choice.
 */
export function interactionOf(detail) {
  if (detail === null || typeof detail !== 'object') return null;
  const common = {
    correct: detail.correct === true,
    check: Number.isInteger(detail.check) ? detail.check : 1,
    certainty: ['low', 'medium', 'high'].includes(detail.certainty) ? detail.certainty : undefined,
    criteria: Array.isArray(detail.criteria) ? detail.criteria.filter((c) => typeof c === 'string') : undefined,
  };
  if (typeof detail.question === 'string') {
    const ids = (list) => (Array.isArray(list) ? list.filter((x) => typeof x === 'string') : []);
    return { id: detail.question, type: 'choice', response: ids(detail.options), pattern: ids(detail.expected), ...common };
  }
  if (typeof detail.excerpt === 'string' && typeof detail.bin === 'string') {
    const expected = typeof detail.expected === 'string' ? [[detail.excerpt, detail.expected]] : [];
    return { id: detail.excerpt, type: 'matching', response: [[detail.excerpt, detail.bin]], pattern: expected, ...common };
  }
  return null;
}

/** A response or pattern (a list of items) as text with the separators `sep`. */
export function responseText(items, sep) {
  return items.map((item) => (Array.isArray(item) ? item.join(sep.pair) : item)).join(sep.list);
}
