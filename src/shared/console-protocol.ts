// Console streams: the bytes of one console and its small control messages.
// Over a MessagePort (Electron) they travel as structured clones; over the
// WebSocket (browser mode) as binary frames: [op u8][id length u8][id][payload].

export type ConsoleToMain =
  | { op: 'input'; data: Uint8Array }
  | { op: 'resize'; cols: number; rows: number }
  | { op: 'ack'; bytes: number };

export type ConsoleToRenderer =
  | { op: 'output'; data: Uint8Array }
  /** Input bytes the engine stream has taken: the renderer sends more (flow control of pastes). */
  | { op: 'inputAck'; bytes: number };

/** The most input one message may carry; the renderer sends pastes in chunks of this size. */
export const MAX_INPUT_CHUNK = 16 * 1024;
/** Input bytes the renderer may have sent but not yet seen taken (see inputAck). */
export const INPUT_WINDOW = 256 * 1024;

const OP = { output: 1, input: 2, resize: 3, ack: 4, inputAck: 5 } as const;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

function frame(op: number, consoleId: string, payloadLength: number): [Uint8Array, number] {
  const id = encoder.encode(consoleId);
  const buf = new Uint8Array(2 + id.length + payloadLength);
  buf[0] = op;
  buf[1] = id.length;
  buf.set(id, 2);
  return [buf, 2 + id.length];
}

export function encodeFrame(consoleId: string, msg: ConsoleToMain | ConsoleToRenderer): Uint8Array {
  switch (msg.op) {
    case 'output':
    case 'input': {
      const [buf, at] = frame(OP[msg.op], consoleId, msg.data.length);
      buf.set(msg.data, at);
      return buf;
    }
    case 'resize': {
      const [buf, at] = frame(OP.resize, consoleId, 4);
      new DataView(buf.buffer).setUint16(at, msg.cols);
      new DataView(buf.buffer).setUint16(at + 2, msg.rows);
      return buf;
    }
    case 'ack':
    case 'inputAck': {
      const [buf, at] = frame(OP[msg.op], consoleId, 4);
      new DataView(buf.buffer).setUint32(at, msg.bytes);
      return buf;
    }
  }
}

export interface DecodedFrame {
  consoleId: string;
  msg: ConsoleToMain | ConsoleToRenderer;
}

/** Parses one binary frame; returns null for anything malformed. */
export function decodeFrame(buf: Uint8Array): DecodedFrame | null {
  if (buf.length < 2) return null;
  const idLength = buf[1]!;
  const at = 2 + idLength;
  if (buf.length < at) return null;
  const consoleId = decoder.decode(buf.subarray(2, at));
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  switch (buf[0]) {
    case OP.output:
      return { consoleId, msg: { op: 'output', data: buf.subarray(at) } };
    case OP.input:
      return { consoleId, msg: { op: 'input', data: buf.subarray(at) } };
    case OP.resize:
      if (buf.length !== at + 4) return null;
      return {
        consoleId,
        msg: { op: 'resize', cols: view.getUint16(at), rows: view.getUint16(at + 2) },
      };
    case OP.ack:
      if (buf.length !== at + 4) return null;
      return { consoleId, msg: { op: 'ack', bytes: view.getUint32(at) } };
    case OP.inputAck:
      if (buf.length !== at + 4) return null;
      return { consoleId, msg: { op: 'inputAck', bytes: view.getUint32(at) } };
    default:
      return null;
  }
}

/** Validates a control message arriving over a MessagePort. */
export function isConsoleToMain(value: unknown): value is ConsoleToMain {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  const int = (x: unknown, max: number) =>
    typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= max;
  switch (v.op) {
    case 'input':
      return v.data instanceof Uint8Array && v.data.length <= MAX_INPUT_CHUNK;
    case 'resize':
      return int(v.cols, 1000) && int(v.rows, 500) && (v.cols as number) >= 2;
    case 'ack':
      return int(v.bytes, 2 ** 32 - 1);
    default:
      return false;
  }
}
