// @ts-check
// The parent page's origin from a page's ?parent= (e.g. https://lms.example; a relative URL such
// as / means the page's own origin), for postMessage: only inside a frame, only http(s). Used
// by embed.js (heights for resizer.js) and lms/course.js (xAPI statements).

/**
 * The origin to post to, or null: none given, not in a frame, or not an http(s) URL.
 * @param {URLSearchParams} params the page's query
 * @returns {string | null}
 */
export function parentOrigin(params) {
  const parent = params.get('parent');
  if (!parent || window.parent === window) return null;
  try {
    const url = new URL(parent, window.location.href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : null;
  } catch {
    return null;
  }
}
