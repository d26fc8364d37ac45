// Types for the <diary-sort> element (diary-sort.js), the Widget's options and the events both
// dispatch. scripts/build copies this file into pkg/ beside the element and the wasm-bindgen
// output (whose own diary_sort.d.ts types the Widget class, with `options: any`).

/** The options of `new Widget(host, setText, options)`; every field is optional. */
export interface WidgetOptions {
  /** Interface language, a BCP 47 tag (`nl`, `en`); default: the set's language. */
  lang?: string;
  /** The reader's languages, most preferred first (`navigator.languages`): the interface language when neither `lang` nor a set says one (a set that cannot be fetched or read). */
  browserLanguages?: string[];
  /** Shuffle seed of a fresh attempt; default: random. */
  seed?: number;
  /** Keep the attempt in localStorage (default true). */
  storage?: boolean;
  /** localStorage key instead of `diary-sort:{set id}:{set hash}`. */
  storageKey?: string;
  /** Appended to the storage key (`…:{scope}`): whose attempt it is (an LMS's learner and attempt). */
  storageScope?: string;
  /** A resume string to start from instead of the stored attempt (an LMS's suspend data); a bad one starts afresh with a notice; empty: a fresh attempt. */
  state?: string;
  /** The widget takes over from the board's module's on the same page, with the options that widget's `takeover` gives (`state` its attempt, unless the whole module is to read the stored one itself). Focus goes as the student's choice of the quiz would have put it (`tab`: to the quiz's tab; `quiz`: to its current item; `page`: as the page opened, the notices as for any load); after `tab` or `quiz`, no notice says that the board was restored. */
  handover?: 'tab' | 'quiz' | 'page';
}

/** `ready`: the exercise is shown. */
export interface ReadyDetail {
  /** The set's `id`. */
  setId: string;
  /** The number of excerpts. */
  excerpts: number;
  /** The bins' ids, in display order. */
  bins: string[];
  /** The set's pass mark, percent. */
  passMark: number;
  /** The attempt's resume string now. */
  state: string;
}

/** `answered` for a card of the sorting exercise (or an excerpt of the quiz), once per check that judges it. */
export interface ExcerptAnsweredDetail {
  /** The excerpt's id. */
  excerpt: string;
  /** The id of the bin it lay in. */
  bin: string;
  /** The id of its right bin. */
  expected: string;
  correct: boolean;
  /** The check's number, 1-based. */
  check: number;
  /** The quiz only: how sure the student said they were. */
  certainty?: 'low' | 'medium' | 'high';
  /** The quiz only: the criteria the student ticked (criterion ids). */
  criteria?: string[];
}

/** `answered` for a concept question of the quiz. */
export interface QuestionAnsweredDetail {
  question: string;
  /** The options the student chose (ids). */
  options: string[];
  /** The right options (ids). */
  expected: string[];
  correct: boolean;
  check: number;
  /** How sure the student said they were (when the set asks). */
  certainty?: 'low' | 'medium' | 'high';
}

export type AnsweredDetail = ExcerptAnsweredDetail | QuestionAnsweredDetail;

/** `completed`: the attempt ended (all right, or no checks left). */
export interface CompletedDetail {
  /** Percent. */
  score: number;
  /** Whether the score reaches the set's pass mark. */
  passed: boolean;
}

/** `statechange`: the resume string (both modes and the tab) changed (after every move, check and change of tab). */
export interface StateChangeDetail {
  state: string;
}

export interface DiarySortEventMap {
  ready: CustomEvent<ReadyDetail>;
  answered: CustomEvent<AnsweredDetail>;
  completed: CustomEvent<CompletedDetail>;
  statechange: CustomEvent<StateChangeDetail>;
}

/**
 * <diary-sort src lang seed storage storage-scope state>. Attributes: `src` (the set's URL,
 * required), `lang` (`nl` | `en`), `seed` (an integer), `storage` (`off`: memory only),
 * `storage-scope` (whose attempt is stored), `state` (a resume string; empty: a fresh attempt).
 * A change of `src` or `lang` restarts it; the others are read when it starts.
 */
export interface DiarySortElement extends HTMLElement {
  addEventListener<K extends keyof DiarySortEventMap>(
    type: K,
    listener: (this: DiarySortElement, event: DiarySortEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof DiarySortEventMap>(
    type: K,
    listener: (this: DiarySortElement, event: DiarySortEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** Whether `text` is a resume string the module reads (asks the module; loads it if need be). */
export function isResumeString(text: string): Promise<boolean>;

declare global {
  interface HTMLElementTagNameMap {
    'diary-sort': DiarySortElement;
  }
}
