// Shared by the quiz's end-to-end tests: what a set's quiz asks and what the right answers are
// (computed from the set's JSON), which item is on screen, the controls found by role and
// accessible name, and a keyboard helper that reaches a control with Tab alone.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The words of a text as [start, end) string offsets, as the core's `quiz::words` splits them:
 * runs of letters and digits, an apostrophe or hyphen inside a word kept in it. */
export function words(text) {
  return [...text.matchAll(/[\p{Alphabetic}\p{N}]+(?:['’\-‐][\p{Alphabetic}\p{N}]+)*/gu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}

/** The word indices [first, last] that a quote of `text` covers. */
export function quoteWords(text, quote) {
  const at = text.indexOf(quote);
  assert.ok(at >= 0, `quote not in text: ${quote}`);
  const ws = words(text);
  const first = ws.findIndex(([, end]) => end > at);
  let end = ws.findIndex(([start]) => start >= at + quote.length);
  if (end < 0) end = ws.length;
  return [first, end - 1];
}

/** Whitespace-normalised text, for matching what the page shows against the set. */
export const norm = (s) => s.replace(/\s+/g, ' ').trim();

/**
 * Reads www/sets/`file`: { set, binLabel, criterionLabel, excerptByText, questionByPrompt }.
 * Each excerpt gains `bin` (its right bin's label), `criteria` (labels of the criteria its
 * evidence shows) and `evidence` (its first evidence quote with the words it covers).
 */
export function readQuizSet(file) {
  const path = fileURLToPath(new URL(`../../www/sets/${file}`, import.meta.url));
  const set = JSON.parse(readFileSync(path, 'utf8'));
  const binLabel = new Map([...set.categories, set.fallback].map((c) => [c.id, c.label]));
  const criterionLabel = new Map(set.criteria.map((c) => [c.id, c.label]));
  const excerptByText = new Map();
  for (const e of set.excerpts) {
    const first = e.evidence[0];
    excerptByText.set(norm(e.text), {
      ...e,
      bin: binLabel.get(e.category),
      criteria: [...new Set(e.evidence.map((ev) => criterionLabel.get(ev.criterion)))],
      quote: first && { criterion: criterionLabel.get(first.criterion), words: quoteWords(e.text, first.quote) },
    });
  }
  const questionByPrompt = new Map(set.questions.map((q) => [norm(q.prompt), q]));
  return { set, binLabel, criterionLabel, excerptByText, questionByPrompt };
}

/** The item on screen: { kind: 'excerpt', excerpt } or { kind: 'question', question }, and its
 * heading ("Fragment 3 van 29"). */
export async function currentItem(page, quiz) {
  const item = page.locator('.quiz-item');
  const heading = await item.locator('h3').innerText();
  const plain = item.locator('.excerpt .sr-only, .excerpt .excerpt-text');
  if ((await plain.count()) > 0) {
    const text = norm(await plain.first().textContent());
    const excerpt = quiz.excerptByText.get(text);
    assert.ok(excerpt, `excerpt on screen is in the set: ${text.slice(0, 60)}`);
    return { kind: 'excerpt', excerpt, heading };
  }
  const prompt = norm(await item.locator('.step-options legend').textContent());
  const question = quiz.questionByPrompt.get(prompt);
  assert.ok(question, `question on screen is in the set: ${prompt}`);
  return { kind: 'question', question, heading };
}

/** The marking widget (a listbox named by its label). */
export const marking = (page) => page.getByRole('listbox');
/** The word options of the marking widget, in order. */
export const wordOptions = (page) => marking(page).getByRole('option');

/** Whether `locator` has keyboard focus. */
export const focused = (locator) => locator.evaluate((el) => el === document.activeElement);

/** Presses Tab (Shift+Tab with `back`) until `locator` has focus; fails after `max` presses. */
export async function tabTo(page, locator, { max = 80, back = false } = {}) {
  for (let i = 0; i < max; i++) {
    if (await focused(locator)) return;
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  assert.fail(`Tab did not reach ${locator}`);
}

/** The accessible label of the focused radio button or checkbox. */
const focusedLabel = (page) => page.evaluate(() => document.activeElement?.labels?.[0]?.textContent ?? '');

/**
 * With focus in a radio group, checks the radio labelled `label` by keyboard alone: Space when
 * it is the focused one, else the arrow keys (which move and check).
 */
export async function arrowToRadio(page, label) {
  for (let i = 0; i < 12; i++) {
    if ((await focusedLabel(page)) === label) {
      await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  assert.fail(`no radio labelled ${label}`);
}

/** Starts recording the host's `answered` and `completed` events in window.__quizEvents. */
export async function recordEvents(page, host = '#app') {
  await page.evaluate((host) => {
    window.__quizEvents = [];
    for (const type of ['answered', 'completed']) {
      document.querySelector(host).addEventListener(type, (e) => window.__quizEvents.push({ type, detail: e.detail }));
    }
  }, host);
}

/** The events recorded so far. */
export const recorded = (page) => page.evaluate(() => window.__quizEvents);

/** What the quiz says, per interface language (the core's string tables). */
export const QUIZ = {
  nl: {
    tabBoard: 'Sorteren',
    tabQuiz: 'Quiz',
    submit: 'Antwoord geven',
    next: 'Volgende',
    toReview: 'Naar het overzicht',
    tryAgain: 'Opnieuw proberen',
    clear: 'Markeringen wissen',
    sure: 'Zeker (goed +3, fout −6)',
    unsure: 'Niet zeker (goed +1, fout 0)',
    feedback: 'Feedback',
    right: 'Goed.',
    review: 'Overzicht',
    download: 'Downloaden (Markdown)',
    print: 'Afdrukken',
    retryWrong: 'Alleen de foute opnieuw',
    lenses: 'Hoe lezen de historici dit fragment?',
    support: (labels) => `Je gemarkeerde woorden ondersteunen ${labels}.`,
  },
};
