// @ts-check
// A zip writer for the set editor's "Download for an LMS" (editor.js): the course package's
// entries, in the order given, deflated by the browser's own CompressionStream('deflate-raw'),
// with a CRC-32 each. No library: what a package needs is this small (no zip64, no encryption,
// ASCII names), and the pages are served as they are, without a build step.
//
// The headers are laid out as `diary-sort package`'s zip writer lays them out (version 2.0 made
// on Unix, no data descriptor, the DOS time 1980-01-01 00:00, mode 0644), so the editor's zip
// and the tool's differ at most in how the same bytes were compressed.

/** The CRC-32 table (IEEE 802.3, reflected polynomial 0xEDB88320). */
const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/**
 * The CRC-32 of `bytes`, as zip stores it.
 * @param {Uint8Array} bytes
 * @returns {number}
 */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * `bytes` deflated (raw, no zlib header), as zip's method 8 stores them.
 * @param {Uint8Array<ArrayBuffer>} bytes
 * @returns {Promise<Uint8Array<ArrayBuffer>>}
 */
async function deflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Version 2.0 (deflate), made on Unix (3). */
const MADE_BY = (3 << 8) | 20;
const NEEDED = 20;
const DEFLATE = 8;
/** 1980-01-01 00:00 in DOS form (date: day 1, month 1, year 0 from 1980; time 0). */
const DOS_DATE = (1 << 5) | 1;
/** A regular file, rw-r--r--, in the upper half of the external attributes. */
const UNIX_FILE = 0o100644 * 0x10000;

/**
 * A little-endian record of 16- and 32-bit fields followed by `name`.
 * @param {[number, 2 | 4][]} fields
 * @param {Uint8Array} name
 */
function record(fields, name) {
  const size = fields.reduce((sum, [, width]) => sum + width, 0);
  const out = new Uint8Array(size + name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [value, width] of fields) {
    if (width === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += width;
  }
  out.set(name, size);
  return out;
}

/**
 * A zip of `entries`, in their order.
 * @param {{ path: string, bytes: Uint8Array<ArrayBuffer> }[]} entries
 * @returns {Promise<Blob>}
 */
export async function zip(entries) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const { path, bytes } of entries) {
    const name = new TextEncoder().encode(path);
    const data = await deflateRaw(bytes);
    const crc = crc32(bytes);
    // version needed, flags, method, time, date, CRC, compressed size, size, name length, extra length
    /** @type {[number, 2 | 4][]} */
    const common = [
      [NEEDED, 2],
      [0, 2],
      [DEFLATE, 2],
      [0, 2],
      [DOS_DATE, 2],
      [crc, 4],
      [data.length, 4],
      [bytes.length, 4],
      [name.length, 2],
      [0, 2],
    ];
    const local = record([[0x04034b50, 4], ...common], name);
    // comment length, disk, internal attributes, external attributes, offset of the local header
    central.push(record([[0x02014b50, 4], [MADE_BY, 2], ...common, [0, 2], [0, 2], [0, 2], [UNIX_FILE, 4], [offset, 4]], name));
    parts.push(local, data);
    offset += local.length + data.length;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const end = record(
    [
      [0x06054b50, 4],
      [0, 2],
      [0, 2],
      [entries.length, 2],
      [entries.length, 2],
      [directorySize, 4],
      [offset, 4],
      [0, 2],
    ],
    new Uint8Array(),
  );
  return new Blob([...parts, ...central, end], { type: 'application/zip' });
}
