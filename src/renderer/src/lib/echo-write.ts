// Writes a console's output to xterm so that an echo is parsed in the task that received it.
//
// xterm parses a write in a later task (a setTimeout), except the first write after a key was
// typed into that same terminal, which it parses at once. In Crosstalk the echo of a key often
// comes back in another console (`nc` between two containers, a lesson's server), where it
// waited for that timer: p50 1.3 ms, behind any input or frame queued first (BENCHMARKS.md,
// "Echo, round four"). So a key typed into any console makes every console's next small write
// parse at once, as xterm does for its own. Floods keep xterm's scheduling: a big write would
// hold the message task for its whole parse.
import type { Terminal } from '@xterm/xterm';

/** A write above this is not an echo: xterm parses it in its own time. */
export const ECHO_BYTES = 4096;

let keystrokes = 0;

/** A key (or text) was typed into some console: the next small write of each is an echo. */
export function noteKeystroke(): void {
  keystrokes++;
}

/** xterm's own "the user just typed" (CoreTerminal → WriteBuffer.handleUserInput), not public. */
interface WithWriteBuffer {
  _core?: { _writeBuffer?: { handleUserInput?: () => void } };
}

export function echoWriter(term: Terminal): (data: Uint8Array, done: () => void) => void {
  let seen = keystrokes;
  return (data, done) => {
    if (seen !== keystrokes && data.length <= ECHO_BYTES)
      (term as unknown as WithWriteBuffer)._core?._writeBuffer?.handleUserInput?.();
    seen = keystrokes;
    term.write(data, done);
  };
}
