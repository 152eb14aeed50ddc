// A console's bytes as a hex dump: offset, hex and ASCII, one row per 16 bytes, each row
// marked with its direction (→ typed into the container, ← printed by it). Chunks of one
// direction that follow each other closely (one burst) share rows, so a line that arrived
// in pieces still reads as one.
import type { ByteChunk, Direction } from './byte-log';

export interface HexRow {
  dir: Direction;
  /** Eight hex digits: where the row starts in its direction's stream. */
  offset: string;
  /** Lower-case byte values separated by single spaces, e.g. "68 6f 6c 64". */
  hex: string;
  /** Printable ASCII as itself, anything else as ".". */
  ascii: string;
}

export type DirectionFilter = Direction | 'both';

export const ROW_BYTES = 16;
/** Chunks of one direction less than this far apart are one burst. */
export const BURST_GAP_MS = 100;

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

function row(dir: Direction, offset: number, bytes: Uint8Array): HexRow {
  let hex = '';
  let ascii = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    hex += i ? ` ${HEX[b]}` : HEX[b];
    ascii += b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
  }
  return { dir, offset: offset.toString(16).padStart(8, '0'), hex, ascii };
}

interface Burst {
  dir: Direction;
  offset: number;
  parts: Uint8Array[];
  length: number;
}

/** Consecutive chunks (after the filter) of one direction, close in time and contiguous. */
function bursts(chunks: readonly ByteChunk[], filter: DirectionFilter): Burst[] {
  const out: Burst[] = [];
  let last: ByteChunk | null = null;
  for (const c of chunks) {
    if (filter !== 'both' && c.dir !== filter) continue;
    const current = out.at(-1);
    const joins =
      current &&
      last &&
      last.dir === c.dir &&
      c.at - last.at <= BURST_GAP_MS &&
      current.offset + current.length === c.offset;
    if (joins) {
      current.parts.push(c.bytes);
      current.length += c.bytes.length;
    } else {
      out.push({ dir: c.dir, offset: c.offset, parts: [c.bytes], length: c.bytes.length });
    }
    last = c;
  }
  return out;
}

function joined(b: Burst): Uint8Array {
  if (b.parts.length === 1) return b.parts[0]!;
  const all = new Uint8Array(b.length);
  let at = 0;
  for (const p of b.parts) {
    all.set(p, at);
    at += p.length;
  }
  return all;
}

/** The last `maxRows` rows, oldest first; only those rows are ever formatted. */
export function hexRows(
  chunks: readonly ByteChunk[],
  filter: DirectionFilter = 'both',
  maxRows = 200,
): HexRow[] {
  const rows: HexRow[] = [];
  const all = bursts(chunks, filter);
  for (let i = all.length - 1; i >= 0 && rows.length < maxRows; i--) {
    const burst = all[i]!;
    const bytes = joined(burst);
    const burstRows: HexRow[] = [];
    for (let at = 0; at < bytes.length; at += ROW_BYTES) {
      burstRows.push(row(burst.dir, burst.offset + at, bytes.subarray(at, at + ROW_BYTES)));
    }
    rows.unshift(...burstRows.slice(-(maxRows - rows.length)));
  }
  return rows;
}
