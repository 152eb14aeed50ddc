import { describe, expect, it } from 'vitest';
import { Terminal } from '@xterm/xterm';
import { ECHO_BYTES, echoWriter, noteKeystroke } from './echo-write';

const bytes = (text: string) => new TextEncoder().encode(text);
const firstLine = (term: Terminal) => term.buffer.active.getLine(0)!.translateToString(true);
const parsed = (term: Terminal) => new Promise<void>((r) => term.write('', r));

/** A real xterm Terminal (its parser and buffer run without a page) and its writer. */
function aConsole() {
  const term = new Terminal({ allowProposedApi: true, cols: 80, rows: 5, scrollback: 0 });
  return { term, write: echoWriter(term) };
}

describe('echoWriter', () => {
  it("parses a small write at once after a key typed into another console (the echo's task)", async () => {
    const server = aConsole();
    const client = aConsole();
    await parsed(server.term);
    noteKeystroke(); // typed into `client`, not into `server`
    let done = false;
    server.write(bytes('a'), () => (done = true));
    expect(firstLine(server.term)).toBe('a');
    expect(done).toBe(true);
    // The same key makes the other console's next small write immediate too.
    client.write(bytes('b'), () => undefined);
    expect(firstLine(client.term)).toBe('b');
  });

  it('leaves writes without a key since to xterm’s own scheduling', async () => {
    const { term, write } = aConsole();
    noteKeystroke();
    write(bytes('1'), () => undefined); // the echo of that key
    write(bytes('2'), () => undefined); // output nobody typed for
    expect(firstLine(term)).toBe('1');
    await parsed(term);
    expect(firstLine(term)).toBe('12');
  });

  it('leaves a write larger than an echo to xterm, even right after a key', async () => {
    const { term, write } = aConsole();
    await parsed(term);
    noteKeystroke();
    write(bytes('x'.repeat(ECHO_BYTES + 1)), () => undefined);
    expect(firstLine(term)).toBe('');
    await parsed(term);
    expect(firstLine(term)).toBe('x'.repeat(80));
  });
});
