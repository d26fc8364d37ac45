// @ts-check
// Optional, for the page that holds the iframe: keeps every <iframe data-diary-sort> as tall as
// its content. Include it as <script src=".../www/resizer.js" defer></script> (module or not).
// A height is taken only from a message whose source is that iframe's own window and whose
// origin is the origin of the iframe's src; every other message is ignored.
(() => {
  /**
   * The origin of an iframe's src attribute, or null (none, or not a URL).
   * @param {HTMLIFrameElement} frame
   * @returns {string | null}
   */
  function originOf(frame) {
    const src = frame.getAttribute('src');
    if (!src) return null;
    try {
      return new URL(src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== 'diary-sort:height') return;
    const height = data.height;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0) return;
    const frames = [...document.querySelectorAll('iframe[data-diary-sort]')].filter((f) => f instanceof HTMLIFrameElement);
    const frame = frames.find((f) => f.contentWindow === event.source);
    if (!frame || originOf(frame) !== event.origin) return;
    frame.style.height = `${Math.ceil(height)}px`;
  });
})();
