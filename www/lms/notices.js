// @ts-check
// What the LMS bridges (scorm.js, cmi5.js, xapi.js) tell the student, in Dutch and English, and
// the one place on the page where they say it: a live region (role="status") the launch page
// provides. The language is the exercise's own (the widget's root states it), else the page's.

import { languageOf } from '../lang.js';

const TEXT = {
  nl: {
    retrying:
      'De cursusomgeving kon je voortgang nu niet opslaan. Er gaat niets verloren: je poging staat in deze browser en wordt opnieuw verstuurd.',
    saved: 'Je voortgang is opgeslagen in de cursusomgeving.',
    scoreOnly:
      'Deze cursusomgeving bewaart alleen je score, niet waar je gebleven bent: dat blijft in deze browser bewaard.',
    offline: 'Je antwoorden konden nu niet worden verstuurd. Er gaat niets verloren: ze worden later opnieuw verstuurd.',
    rejected:
      'De cursusomgeving nam je voortgang of score nu niet aan. Er gaat niets verloren: je poging staat in deze browser en wordt opnieuw verstuurd.',
    refused:
      'De cursusomgeving heeft deze sessie niet gestart (bijvoorbeeld na het herladen van de pagina). Wat je nu doet, wordt alleen in deze browser bewaard: open de activiteit opnieuw vanuit de cursus.',
    unreported:
      'Je voortgang kan niet aan de cursusomgeving worden doorgegeven. Wat je nu doet, wordt alleen in deze browser bewaard: open de activiteit opnieuw vanuit de cursus.',
  },
  en: {
    retrying:
      'The course could not save your progress just now. Nothing is lost: your attempt is kept in this browser and sent again.',
    saved: 'Your progress has been saved in the course.',
    scoreOnly:
      'This course keeps only your score, not where you are in the exercise: that stays in this browser.',
    offline: 'Your answers could not be sent just now. Nothing is lost: they will be sent again later.',
    rejected:
      'The course did not accept your progress or score just now. Nothing is lost: your attempt is kept in this browser and sent again.',
    refused:
      'The course did not start this session (for example after the page was reloaded). What you do now is kept only in this browser: open the activity again from the course.',
    unreported:
      'Your progress cannot be passed on to the course. What you do now is kept only in this browser: open the activity again from the course.',
  },
};

/**
 * The language of `element`'s exercise (its root's lang), else of the page; nl or en.
 * @param {Element} element
 * @returns {import('../lang.js').Lang}
 */
function exerciseLanguage(element) {
  return languageOf(element.firstElementChild?.getAttribute('lang') || document.documentElement.lang) ?? 'nl';
}

/** @typedef {keyof typeof TEXT.en} Notice what a bridge can tell the student */

/**
 * A notifier for the exercise in `element`: `say(key)` puts the text for `key` (retrying, saved,
 * scoreOnly, offline, rejected, refused, unreported) in `region`, a live region; without a region
 * it does nothing.
 * @param {Element} element the <diary-sort> element
 * @param {Element | null} region
 * @returns {(key: Notice) => void}
 */
export function notifier(element, region) {
  /** @type {Notice | null} */
  let last = null;
  const show = () => {
    if (region && last) region.textContent = TEXT[exerciseLanguage(element)][last];
  };
  // Said before the exercise was shown: said again in the exercise's language.
  element.addEventListener('ready', show);
  return (key) => {
    last = key;
    show();
  };
}
