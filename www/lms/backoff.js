// @ts-check
// The waits between tries of something that failed (a SCORM Commit, a statement to an LRS): the
// first wait, then twice as long after each further failure up to a longest wait; a success
// starts again from the first.

export class Backoff {
  /** @type {number} */
  #firstMs;
  /** @type {number} */
  #maxMs;
  /** @type {number} */
  #nextMs;

  /**
   * @param {number} firstMs the wait after the first failure
   * @param {number} maxMs the longest wait
   */
  constructor(firstMs, maxMs) {
    this.#firstMs = firstMs;
    this.#maxMs = maxMs;
    this.#nextMs = firstMs;
  }

  /**
   * The wait (ms) before the next try, after a failure; the one after it is twice as long.
   * @returns {number}
   */
  next() {
    const wait = this.#nextMs;
    this.#nextMs = Math.min(wait * 2, this.#maxMs);
    return wait;
  }

  /** After a success: the next failure waits the first wait again. */
  reset() {
    this.#nextMs = this.#firstMs;
  }
}
