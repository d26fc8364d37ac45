// @ts-check
// The interface languages the pages' own tables have (Dutch and English), and how a BCP 47 tag
// (`en`, `en-GB`, `nl_BE`…) maps to one of them. The widget picks its own language in the module;
// this is for the texts the pages, the editor, the failure panel and the LMS notices show.

/** @typedef {'nl' | 'en'} Lang */

/**
 * The interface language for the tag `tag` (its primary subtag, any case), or null when it is
 * none of ours (or there is no tag).
 * @param {string | null | undefined} tag
 * @returns {Lang | null}
 */
export function languageOf(tag) {
  const primary = String(tag ?? '')
    .split(/[-_]/)[0]
    .toLowerCase();
  return primary === 'nl' || primary === 'en' ? primary : null;
}

/**
 * The first of `tags` (e.g. navigator.languages, most preferred first) that is one of ours, or null.
 * @param {readonly string[]} tags
 * @returns {Lang | null}
 */
export function firstLanguageOf(tags) {
  for (const tag of tags) {
    const lang = languageOf(tag);
    if (lang) return lang;
  }
  return null;
}
