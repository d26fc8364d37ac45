// End-to-end: the quiz mode of the default Dutch set in headless Chromium. A full run by
// keyboard alone (evidence marked with the arrow keys, full marks, the events the page gets, the
// review); one by touch on a phone (taps, a sideways drag that marks words, a wrong answer kept,
// then "retry only the wrong ones"); evidence marked by mouse drag and by click, checked against
// the feedback that names the condition the words support; the historians' lenses; the review's
// Markdown download and its print stylesheet; the mode switch remembered across a reload; axe-core
// on every screen and not one CSP violation. Controls are found by role and accessible name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serverAndBrowser, openPage, axeViolations, formatAxe } from './harness.mjs';
import { assertCleanPage, status } from './board.mjs';
import {
  QUIZ,
  arrowToRadio,
  currentItem,
  focused,
  marking,
  readQuizSet,
  recordEvents,
  recorded,
  tabTo,
  wordOptions,
} from './quiz.mjs';

const quiz = readQuizSet('snijders-nl.json');
const t = QUIZ.nl;
const items = quiz.set.excerpts.length + quiz.set.questions.length;
const env = serverAndBrowser();

async function assertNoAxe(page, screen) {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on ${screen}:\n${formatAxe(violations)}`);
}

/** The Dutch names of the kinds of source (the core's string table). */
const KIND = { diary: 'Dagboek', memoir: 'Memoires', newspaper: 'Krant', letter: 'Brief' };

const button = (page, name) => page.getByRole('button', { name, exact: true });
const feedbackRegion = (page) => page.getByRole('region', { name: t.feedback, exact: true });

/** Opens the default set with the quiz tab chosen by a click. */
async function openQuiz(contextOptions = { viewport: { width: 1280, height: 900 } }) {
  const page = await openPage(env.browser, env.server.url, contextOptions);
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  return page;
}

test('keyboard only: the whole quiz at full marks, evidence marked with the arrow keys', async () => {
  const page = await openPage(env.browser, env.server.url, { viewport: { width: 1280, height: 900 } });
  await recordEvents(page);
  // The mode switch: Tab to the tabs, the arrow key shows the quiz.
  const boardTab = page.getByRole('tab', { name: t.tabBoard });
  await tabTo(page, boardTab);
  await page.keyboard.press('ArrowRight');
  const quizTab = page.getByRole('tab', { name: t.tabQuiz });
  assert.equal(await quizTab.getAttribute('aria-selected'), 'true');
  assert.ok(await focused(quizTab), 'focus follows the tab');

  const seen = [];
  for (let k = 1; k <= items; k++) {
    const item = await currentItem(page, quiz);
    seen.push(item.kind === 'excerpt' ? item.excerpt.id : item.question.id);
    assert.match(item.heading, new RegExp(`^(Fragment|Vraag) ${k} van ${items}$`));
    if (item.kind === 'excerpt') {
      const e = item.excerpt;
      const source = page.locator('.quiz-item .excerpt');
      assert.equal(await source.locator('.source-kind').textContent(), KIND[e.source.kind ?? 'diary'], `${e.id}: kind of source`);
      assert.equal(await source.locator('.source-context').count(), e.source.context ? 1 : 0, `${e.id}: context when the set has it`);
      // Mark the first evidence quote: Home, arrows to its first word, Shift+arrows to its last.
      await tabTo(page, marking(page));
      const [first, last] = e.quote.words;
      await page.keyboard.press('Home');
      for (let i = 0; i < first; i++) await page.keyboard.press('ArrowRight');
      for (let i = first; i < last; i++) await page.keyboard.press('Shift+ArrowRight');
      if (first === last) await page.keyboard.press('Space');
      const selected = await wordOptions(page).evaluateAll((os) =>
        os.flatMap((o, i) => (o.getAttribute('aria-selected') === 'true' ? [i] : [])),
      );
      assert.deepEqual(selected, Array.from({ length: last - first + 1 }, (_, i) => first + i), e.id);
      // The criteria the excerpt shows, ticked with Space.
      for (const label of e.criteria) {
        await tabTo(page, page.getByRole('checkbox', { name: label, exact: true }));
        await page.keyboard.press('Space');
      }
      await tabTo(page, page.getByRole('group', { name: /In welke bak/ }).getByRole('radio').first());
      await arrowToRadio(page, e.bin);
    } else {
      const q = item.question;
      const right = q.options.filter((o) => o.correct).map((o) => o.text);
      if (q.type === 'single') {
        await tabTo(page, page.getByRole('radio').first());
        await arrowToRadio(page, right[0]);
      } else {
        for (const text of right) {
          await tabTo(page, page.getByRole('checkbox', { name: text, exact: true }));
          await page.keyboard.press('Space');
        }
      }
    }
    await tabTo(page, page.getByRole('group', { name: 'Hoe zeker ben je?' }).getByRole('radio').first());
    await arrowToRadio(page, t.sure);
    await tabTo(page, button(page, t.submit));
    await page.keyboard.press('Enter');
    // Focus moves to the feedback, which says why.
    const heading = feedbackRegion(page).getByRole('heading', { name: t.feedback });
    await heading.waitFor();
    assert.ok(await focused(heading), `feedback heading focused on item ${k}`);
    const feedback = await feedbackRegion(page).innerText();
    assert.match(feedback, /^Goed\./m, `item ${k} right`);
    if (item.kind === 'excerpt') {
      assert.ok(feedback.includes(`Daarom hoort het in ‘${item.excerpt.bin}’.`), feedback);
      const support = feedback.split('\n').find((l) => l.startsWith('Je gemarkeerde woorden ondersteunen'));
      assert.ok(support?.includes(item.excerpt.quote.criterion), `marks support ${item.excerpt.quote.criterion}: ${feedback}`);
    }
    if (k === 1) await assertNoAxe(page, 'an answered item');
    await page.keyboard.press('Tab');
    const forward = button(page, k === items ? t.toReview : t.next);
    assert.ok(await focused(forward), 'the step forward follows the feedback');
    await page.keyboard.press('Enter');
  }
  assert.equal(new Set(seen).size, items, 'every excerpt and question once');

  const review = page.getByRole('heading', { name: t.review, exact: true });
  await review.waitFor();
  assert.ok(await focused(review), 'the review heading has focus');
  const text = await page.locator('.review').innerText();
  assert.match(text, /Score: 100% \(29 van 29 onderdelen goed\)/);
  assert.match(text, /Geslaagd/);
  assert.equal(await page.locator('.review-items > li').count(), items);
  const events = await recorded(page);
  const answered = events.filter((e) => e.type === 'answered');
  assert.equal(answered.length, items);
  for (const { detail } of answered) {
    assert.equal(detail.correct, true);
    assert.equal(detail.check, 1);
    assert.equal(detail.certainty, 'high');
    if (detail.excerpt) {
      const e = quiz.set.excerpts.find((x) => x.id === detail.excerpt);
      assert.equal(detail.bin, e.category);
      assert.equal(detail.expected, e.category);
      assert.deepEqual([...detail.criteria].sort(), [...new Set(e.evidence.map((v) => v.criterion))].sort());
    } else {
      const q = quiz.set.questions.find((x) => x.id === detail.question);
      assert.deepEqual(detail.options, q.options.filter((o) => o.correct).map((o) => o.id));
      assert.deepEqual(detail.expected, detail.options);
    }
  }
  assert.deepEqual(events.filter((e) => e.type === 'completed').map((e) => e.detail), [{ score: 100, passed: true }]);
  await assertNoAxe(page, 'the review');
  await assertCleanPage(page);
  await page.context().close();
});

test('touch on a phone: taps, a sideways drag marks words, a wrong answer, then retry the wrong ones', async () => {
  const page = await openPage(env.browser, env.server.url, {
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });
  await recordEvents(page);
  await page.getByRole('tab', { name: t.tabQuiz }).tap();
  const cdp = await page.context().newCDPSession(page);
  const touch = (type, x, y) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] });
  let wrongId = null;
  for (let k = 1; k <= items; k++) {
    const item = await currentItem(page, quiz);
    // How to answer an excerpt (criteria, marking, a bin) is said above excerpts only: a concept
    // question says "choose one answer" itself.
    assert.equal(await page.locator('.instructions:visible').count(), item.kind === 'excerpt' ? 1 : 0, `instructions on ${item.kind} ${k}`);
    if (item.kind === 'excerpt') {
      const e = item.excerpt;
      const [first, last] = e.quote.words;
      const options = wordOptions(page);
      if (k === 1 && last > first) {
        // A drag that starts sideways marks the words from the first to the last touched.
        await options.nth(first).scrollIntoViewIfNeeded();
        const a = await options.nth(first).boundingBox();
        const b = await options.nth(last).boundingBox();
        await touch('touchStart', a.x + 2, a.y + a.height / 2);
        for (let s = 1; s <= 4; s++) await touch('touchMove', a.x + 2 + s * 6, a.y + a.height / 2);
        for (let s = 1; s <= 8; s++) {
          const f = s / 8;
          await touch('touchMove', a.x + (b.x + b.width - 2 - a.x) * f, a.y + a.height / 2 + (b.y - a.y) * f);
        }
        await touch('touchEnd');
        const marked = await options.evaluateAll((os) => os.filter((o) => o.getAttribute('aria-selected') === 'true').length);
        assert.equal(marked, last - first + 1, 'the drag marked the quote');
      } else {
        await options.nth(first).tap();
        assert.equal(await options.nth(first).getAttribute('aria-selected'), 'true', 'a tap marks a word');
      }
      for (const label of e.criteria) await page.getByRole('checkbox', { name: label, exact: true }).tap();
      // The second excerpt is answered wrong (unsure), and left wrong.
      const bin = k === 2 ? [...quiz.binLabel.values()].find((l) => l !== e.bin) : e.bin;
      if (k === 2) wrongId = e.id;
      await page.getByRole('radio', { name: bin, exact: true }).tap();
    } else {
      for (const o of item.question.options.filter((o) => o.correct)) {
        await page.getByRole(item.question.type === 'single' ? 'radio' : 'checkbox', { name: o.text, exact: true }).tap();
      }
    }
    await page.getByRole('radio', { name: k === 2 ? t.unsure : t.sure, exact: true }).tap();
    await button(page, t.submit).tap();
    await feedbackRegion(page).waitFor();
    if (k === 2) {
      assert.match(await feedbackRegion(page).innerText(), /Nog niet goed\./);
      // The tries left are said once on screen (in the status line), not twice in two wordings.
      const shown = await page.locator('.quiz-item, .quiz-status').evaluateAll((els) => els.map((el) => el.innerText).join('\n'));
      assert.equal(shown.match(/\d van \d pogingen/g)?.length, 1, `tries left said once: ${shown}`);
      await assertNoAxe(page, 'a wrong answer with tries left (phone)');
    }
    await button(page, k === items ? t.toReview : t.next).tap();
  }
  await page.getByRole('heading', { name: t.review, exact: true }).waitFor();
  const text = await page.locator('.review').innerText();
  assert.match(text, /Score: 9\d% \(28 van 29 onderdelen goed\)/);
  const completed = (await recorded(page)).filter((e) => e.type === 'completed');
  assert.equal(completed.length, 1);
  assert.ok(completed[0].detail.score < 100 && completed[0].detail.passed);

  // Retry only the wrong one: a round of one item, practice that does not change the score.
  await button(page, t.retryWrong).tap();
  const again = await currentItem(page, quiz);
  assert.equal(again.excerpt.id, wrongId);
  assert.match(again.heading, /^Fragment 1 van 1$/);
  await page.getByRole('radio', { name: again.excerpt.bin, exact: true }).tap();
  await page.getByRole('radio', { name: t.sure, exact: true }).tap();
  await button(page, t.submit).tap();
  await button(page, t.toReview).tap();
  await page.getByRole('heading', { name: t.review, exact: true }).waitFor();
  const after = await page.locator('.review').innerText();
  assert.match(after, /Na het herhalen: 29 van 29 goed\./);
  assert.match(after, /Score: 9\d%/);
  assert.equal((await recorded(page)).filter((e) => e.type === 'completed').length, 1, 'completed once per attempt');
  await assertNoAxe(page, 'the review after a retry (phone)');
  await assertCleanPage(page);
  await page.context().close();
});

test('mouse: a drag marks whole words, a click toggles one; the feedback names the condition they support; the lenses', async () => {
  const page = await openQuiz();
  let item = await currentItem(page, quiz);
  // Questions come after the excerpts, so the first item is an excerpt.
  assert.equal(item.kind, 'excerpt');
  await assertNoAxe(page, 'an open excerpt item');
  const e = item.excerpt;
  const options = wordOptions(page);
  const [first, last] = e.quote.words;
  // A click toggles a word on and off.
  await options.nth(first).click();
  assert.equal(await options.nth(first).getAttribute('aria-selected'), 'true');
  assert.match(await status(page).first().innerText(), /Gemarkeerde woorden: 1\./);
  await options.nth(first).click();
  assert.equal(await options.nth(first).getAttribute('aria-selected'), 'false');
  // Press at the first word's end (on its edge: between words, the nearest word counts), release
  // on the last word: the range, whole words only.
  await marking(page).scrollIntoViewIfNeeded();
  const a = await options.nth(first).boundingBox();
  const b = await options.nth(last).boundingBox();
  await page.mouse.move(a.x + a.width - 1, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + 1, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
  const selected = await options.evaluateAll((os) => os.flatMap((o, i) => (o.getAttribute('aria-selected') === 'true' ? [i] : [])));
  assert.deepEqual(selected, Array.from({ length: last - first + 1 }, (_, i) => first + i));
  await page.getByRole('radio', { name: e.bin, exact: true }).click();
  await page.getByRole('radio', { name: t.sure, exact: true }).click();
  await button(page, t.submit).click();
  const feedback = await feedbackRegion(page).innerText();
  assert.ok(feedback.includes('Je gemarkeerde woorden ondersteunen') && feedback.includes(e.quote.criterion), feedback);
  // Marks are locked once answered.
  await options.nth(0).click();
  assert.equal(await options.nth(0).getAttribute('aria-selected'), first === 0 ? 'true' : 'false');

  // The lenses: one per school, each with its label, summary and the bin it gives.
  await page.getByText(t.lenses, { exact: true }).click();
  // Above them: only the essay's reading is Snijders' own; the schools' are the exercise's.
  assert.match(await page.locator('.lens-note').innerText(), /^Alleen de lezing van het essay is Snijders’ eigen\. Die van de drie scholen leidt deze oefening af/);
  const shown = await page.locator('.lens').allInnerTexts();
  assert.equal(shown.length, quiz.set.lenses.length);
  quiz.set.lenses.forEach((lens, n) => {
    // The label, as the heading of its reading with a capital (the set writes it for running text).
    assert.ok(shown[n].startsWith(lens.label[0].toUpperCase() + lens.label.slice(1)), shown[n]);
    assert.ok(shown[n].includes(lens.summary), 'the school summary');
    assert.ok([...quiz.binLabel.values()].some((bin) => shown[n].includes(bin)), `a bin in: ${shown[n]}`);
  });
  await assertNoAxe(page, 'the lenses open');

  // A question item (jump there by answering the rest quickly with "show solution").
  for (;;) {
    await button(page, t.next).click();
    item = await currentItem(page, quiz);
    if (item.kind === 'question') break;
    await button(page, 'Oplossing tonen (0 punten)').click();
  }
  await assertNoAxe(page, 'an open question');
  await assertCleanPage(page);
  await page.context().close();
});

test('a press between words marks the word beside it, also on the line where a hyphenated word wrapped', async () => {
  // A word broken over two lines ("Sovjet-" / "Unie") has one box per line; the rectangle
  // around both spans the two lines edge to edge. A press in the gap after a word on the second
  // line must mark that word, not the broken one (it did, whenever the drawn excerpt had one).
  // Seed 11 draws an excerpt with "Sovjet-leven" and "Sovjet-Unie" first.
  const page = await openPage(env.browser, env.server.href('/www/embed.html?storage=off&seed=11'), { viewport: { width: 1280, height: 900 } });
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  const options = wordOptions(page);
  // Narrow the page until a word of the excerpt breaks over two lines with a word after it on
  // its second line (the layout is Chromium's own, so the width is searched, not assumed).
  let found = null;
  for (let width = 1280; width >= 360 && !found; width -= 6) {
    await page.setViewportSize({ width, height: 900 });
    found = await options.evaluateAll((os) => {
      for (let i = 0; i + 2 < os.length; i++) {
        const parts = os[i].getClientRects();
        if (parts.length !== 2) continue;
        const next = os[i + 1].getBoundingClientRect();
        const after = os[i + 2].getBoundingClientRect();
        // The next word on the broken word's second line, and a gap after it on that line.
        if (Math.abs(next.top - parts[1].top) < 2 && Math.abs(after.top - next.top) < 2 && after.left - next.right >= 2) {
          return { broken: i, word: i + 1 };
        }
      }
      return null;
    });
  }
  assert.ok(found, 'some width breaks a word of the first excerpt over two lines');
  await marking(page).scrollIntoViewIfNeeded();
  const box = await options.nth(found.word).boundingBox();
  // Just right of the word, in the gap before the next one: no word is under the pointer.
  await page.mouse.click(box.x + box.width + 1, box.y + box.height / 2);
  const selected = await options.evaluateAll((os) => os.flatMap((o, i) => (o.getAttribute('aria-selected') === 'true' ? [i] : [])));
  assert.deepEqual(selected, [found.word], `pressed beside word ${found.word}; word ${found.broken} is the broken one`);
  await page.context().close();
});

test('the review: Markdown download, print shows the review alone, the mode remembered after a reload', async () => {
  const page = await openQuiz();
  // Show every solution: the shortest way to the review (every item scores 0).
  for (let k = 1; k <= items; k++) {
    await button(page, 'Oplossing tonen (0 punten)').click();
    if (k === 1) {
      // Said as what it is: no answer was given and no try was used up.
      assert.equal(await page.locator('.quiz-item .verdict').innerText(), 'Oplossing getoond: dit onderdeel levert 0 punten op.');
      assert.equal(await page.locator('.quiz-item .feedback h5').first().innerText(), 'De oplossing');
    }
    await button(page, k === items ? t.toReview : t.next).click();
  }
  await page.getByRole('heading', { name: t.review, exact: true }).waitFor();
  assert.match(await page.locator('.review').innerText(), /Score: 0% \(0 van 29 onderdelen goed\)/);
  await assertNoAxe(page, 'the review');
  // The status line, first under the tabs once the item is gone, sits below them, not over them.
  const tabs = await page.getByRole('tablist').boundingBox();
  const statusTop = (await page.locator('.quiz-status').boundingBox()).y;
  assert.ok(statusTop >= tabs.y + tabs.height, `the status (top ${statusTop}) is below the tabs (bottom ${tabs.y + tabs.height})`);

  const [download] = await Promise.all([page.waitForEvent('download'), button(page, t.download).click()]);
  assert.equal(download.suggestedFilename(), `${quiz.set.id}.md`);
  const md = readFileSync(await download.path(), 'utf8');
  // Read as text: the set's texts are escaped so that they are not taken for Markdown.
  const plain = md.replace(/\\(.)/g, '$1');
  assert.ok(plain.startsWith(`# ${quiz.set.title}: ${t.review}\n`), plain.slice(0, 120));
  assert.match(plain, /Score: 0% \(0 van 29 onderdelen goed\)/);
  assert.equal(plain.match(/^## \d+\. /gm).length, items, 'a section per item');
  for (const q of quiz.set.questions) assert.ok(plain.includes(q.prompt.replace(/\s+/g, ' ')), q.id);

  // Print: the review alone, black on white, without buttons or tabs.
  await page.evaluate(() => {
    window.__printed = 0;
    window.print = () => (window.__printed += 1);
  });
  await button(page, t.print).click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'Print calls window.print()');
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.review').isVisible());
  assert.ok(await page.locator('.review-items').isVisible());
  for (const hidden of [button(page, t.download), button(page, t.print), page.getByRole('tablist'), page.locator('.intro')]) {
    assert.equal(await hidden.isVisible(), false, `${hidden} hidden in print`);
  }
  const colours = await page.locator('.review h4').first().evaluate((h) => {
    const s = getComputedStyle(h);
    return [s.color, getComputedStyle(h.closest('.review-item')).backgroundColor];
  });
  assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.emulateMedia({ media: 'screen' });

  // A reload opens the quiz tab again, at the review (its own stored attempt).
  await page.reload();
  await page.locator('[data-ready="true"]').waitFor();
  assert.equal(await page.getByRole('tab', { name: t.tabQuiz }).getAttribute('aria-selected'), 'true');
  await page.getByRole('heading', { name: t.review, exact: true }).waitFor();
  // The board keeps its own attempt: untouched.
  await page.getByRole('tab', { name: t.tabBoard }).click();
  assert.ok(await page.getByRole('button', { name: 'Controleer', exact: true }).isVisible());
  assert.equal(await page.locator('.pile .card').count(), quiz.set.excerpts.length);
  // Starting the quiz again says so, in place of the finished attempt's "Klaar: …".
  await page.getByRole('tab', { name: t.tabQuiz }).click();
  await button(page, 'Opnieuw beginnen').click();
  await page.locator('.quiz-status', { hasText: 'Een nieuwe poging: alle onderdelen staan weer open.' }).waitFor();
  assert.ok(await page.locator('.quiz-item').isVisible());
  await assertCleanPage(page);
  await page.context().close();
});

test('English: the quiz speaks the set language; a submission without a bin is refused and says why', async () => {
  const page = await openPage(env.browser, env.server.href('/www/index.html?set=sets/snijders-en.json'), {
    viewport: { width: 1280, height: 900 },
  });
  await page.getByRole('tab', { name: 'Quiz', exact: true }).click();
  await page.getByRole('heading', { name: `Excerpt 1 of ${items}`, exact: true }).waitFor();
  assert.ok(await page.getByRole('listbox', { name: 'Mark the words that support your choice (optional)' }).isVisible());
  const submit = button(page, 'Submit');
  await submit.click();
  assert.match(await status(page).first().innerText(), /Choose a bin first\./);
  // Said beside the bins too, and the bins, the first step missing, take focus.
  const bins = page.getByRole('group', { name: 'Which bin does this excerpt belong in?' });
  assert.ok(await bins.getByText('Choose a bin first.', { exact: true }).isVisible());
  assert.ok(await focused(bins.getByRole('radio').first()), 'focus goes to the bins');
  assert.equal(await page.getByRole('region', { name: 'Feedback', exact: true }).count(), 0, 'no feedback yet');
  await assertNoAxe(page, 'the English quiz');
  await assertCleanPage(page);
  await page.context().close();
});
