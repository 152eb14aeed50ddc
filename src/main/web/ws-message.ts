// What a text frame from a tab may be: a call, `{t: "call", id, name, args}`. Anything else
// closes that tab's socket with a close code that says why (1007 not JSON, 1008 not a
// call), so no connection is left open and silent after a frame it could not read.
export type TextFrame =
  | { kind: 'call'; id: number; name: unknown; args: unknown }
  | { kind: 'refuse'; code: 1007 | 1008; reason: string };

export function parseTextFrame(text: string): TextFrame {
  let msg: unknown;
  try {
    msg = JSON.parse(text);
  } catch {
    return { kind: 'refuse', code: 1007, reason: 'A text frame must be JSON.' };
  }
  if (typeof msg !== 'object' || msg === null || Array.isArray(msg)) {
    return { kind: 'refuse', code: 1008, reason: 'A text frame must be a call object.' };
  }
  const { t, id, name, args } = msg as Record<string, unknown>;
  if (t !== 'call' || typeof id !== 'number' || !Number.isSafeInteger(id)) {
    return {
      kind: 'refuse',
      code: 1008,
      reason: 'A call is {t: "call", id: integer, name, args}.',
    };
  }
  return { kind: 'call', id, name, args };
}
