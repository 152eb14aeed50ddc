// Consoles against the real engine: exec and attach, resize, watermark flow
// control under a flood, closing ends the shell, and a restarted container is
// reattached with a marker line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGH_WATERMARK } from './flow-control';
import {
  TEST_IMAGE,
  TestClient,
  consoleProcesses,
  docker,
  startConnectedApp,
  stopConnectedApp,
  sleep,
  uniqueName,
  waitUntil,
  type RecordingSink,
} from '../../../test/support';

const LAB = uniqueName('consoles');
let client: TestClient;
/** A running bash with a TTY: the default container for exec consoles. */
let shellBox: string;

beforeAll(async () => {
  ({ client } = await startConnectedApp());
  shellBox = await bashContainer('shell');
});

afterAll(() => stopConnectedApp(client, LAB));

async function bashContainer(what: string, more: Record<string, unknown> = {}): Promise<string> {
  const name = uniqueName(what);
  await client.call('createContainer', { image: TEST_IMAGE, name, labId: LAB, ...more });
  return name;
}

async function openConsole(
  container: string,
  mode: 'exec' | 'attach',
): Promise<{ id: string; sink: RecordingSink }> {
  const id = TestClient.consoleId();
  const opened = await client.call('openConsole', { consoleId: id, container, mode });
  expect(opened).toMatchObject({ consoleId: id, mode });
  return { id, sink: client.consoleSink(id) };
}

/** Types a line and waits for `expected` in the output that follows. */
async function roundTrip(id: string, sink: RecordingSink, line: string, expected: string) {
  const from = sink.bytes;
  client.typeInto(id, `${line}\r`);
  return sink.waitForText(expected, 10_000, from);
}

/** Resolves once the console has had no output for `quietMs`; returns how long that took. */
async function quiet(sink: RecordingSink, quietMs: number, timeoutMs: number): Promise<number> {
  const start = Date.now();
  let last = sink.bytes;
  let lastChange = Date.now();
  return waitUntil(
    () => {
      if (sink.bytes !== last) [last, lastChange] = [sink.bytes, Date.now()];
      return Date.now() - lastChange >= quietMs ? lastChange - start || 1 : 0;
    },
    `the output to stop for ${quietMs} ms`,
    timeoutMs,
    20,
  );
}

/** The TTY size the shell sees, once it reads `rows cols`. */
async function expectSize(id: string, sink: RecordingSink, rows: number, cols: number) {
  // The engine resize is asynchronous; ask again until the shell sees it.
  await waitUntil(
    async () => {
      const from = sink.bytes;
      client.typeInto(id, 'stty size\r');
      // The line `stty` printed; with terminfo, bash ends bracketed paste (ESC[?2004l CR) before it.
      return sink.waitForText(`${rows} ${cols}\r\n`, 500, from).catch(() => null);
    },
    `size ${rows}x${cols}`,
    5000,
  );
}

describe('exec consoles', () => {
  it('opens a shell that runs what is typed; bytes arrive as Uint8Array', async () => {
    const { id, sink } = await openConsole(shellBox, 'exec');
    await roundTrip(id, sink, 'echo hello-$((6*7))', 'hello-42');
    expect(sink.chunks.every((c) => c instanceof Uint8Array)).toBe(true);
    // The shell is bash, on a TTY, carrying its console's id.
    const env = await roundTrip(id, sink, 'echo "$0|$TERM|$CROSSTALK_CONSOLE|$(tty)"', '/dev/pts/');
    expect(env).toContain(`bash|xterm-256color|${id}|/dev/pts/`);
    // UTF-8 goes through as bytes.
    await roundTrip(id, sink, 'printf "\\xe2\\x86\\x92 ok\\n"', '→ ok');
    await client.call('closeConsole', { consoleId: id });
  });

  it('follows resizes', async () => {
    const { id, sink } = await openConsole(shellBox, 'exec');
    await expectSize(id, sink, 24, 80);
    client.consoles.deliver(id, { op: 'resize', cols: 123, rows: 45 });
    await expectSize(id, sink, 45, 123);
    await client.call('closeConsole', { consoleId: id });
  });

  it('pauses a flood at the high watermark, resumes on ack, and stops at Ctrl-C', async () => {
    const { id, sink } = await openConsole(shellBox, 'exec');
    await roundTrip(id, sink, 'echo ready-$((1+1))', 'ready-2');
    sink.acking = false;
    client.typeInto(id, 'yes\r');

    // Nothing acknowledged: the stream is paused once the high watermark is passed.
    await waitUntil(() => sink.bytes > HIGH_WATERMARK, 'the flood to start', 5000);
    await quiet(sink, 300, 5000);
    const held = sink.bytes;
    await sleep(1000);
    expect(sink.bytes).toBe(held);
    expect(held).toBeLessThan(HIGH_WATERMARK + 256 * 1024);

    // Acknowledging frees the window: more arrives, and it pauses again.
    sink.ackAll();
    await waitUntil(() => sink.bytes > held + HIGH_WATERMARK / 2, 'the flood to resume', 5000);
    await quiet(sink, 300, 5000);
    expect(sink.bytes).toBeLessThan(held + HIGH_WATERMARK + 256 * 1024);

    // A renderer that keeps up again, and Ctrl-C: the flood stops at once.
    sink.acking = true;
    sink.ackAll();
    client.typeInto(id, '\x03');
    const stoppedAfter = await quiet(sink, 300, 5000);
    expect(stoppedAfter).toBeLessThan(1500);
    await roundTrip(id, sink, 'echo after-$((2+3))', 'after-5');
    await client.call('closeConsole', { consoleId: id });
  });

  it('ends its shell, and what runs in it, when closed', async () => {
    const { id, sink } = await openConsole(shellBox, 'exec');
    await roundTrip(id, sink, 'echo started-$((3*3))', 'started-9');
    client.typeInto(id, 'sleep 4321\r');
    const running = await waitUntil(
      async () => {
        const pids = await consoleProcesses(shellBox, id);
        return pids.length >= 2 ? pids : null;
      },
      'the shell and its sleep',
      5000,
    );
    expect(running.length).toBe(2);

    const closedAt = Date.now();
    await client.call('closeConsole', { consoleId: id });
    await waitUntil(
      async () => (await consoleProcesses(shellBox, id)).length === 0,
      'the console processes to end',
      2000,
      100,
    );
    expect(Date.now() - closedAt).toBeLessThan(2000);
    // Input to a closed console goes nowhere and breaks nothing.
    client.typeInto(id, 'echo ghost\r');
  });

  it('leaves no shell behind when closed while still opening', async () => {
    const id = TestClient.consoleId();
    const opening = client.call('openConsole', {
      consoleId: id,
      container: shellBox,
      mode: 'exec',
    });
    await client.call('closeConsole', { consoleId: id });
    await opening.catch(() => undefined);
    await sleep(500);
    await waitUntil(
      async () => (await consoleProcesses(shellBox, id)).length === 0,
      'no process of the closed console',
      2000,
      100,
    );
    expect(client.consoles.size).toBe(0);
  });

  it('refuses a container that is not running, and an id already open', async () => {
    const idle = await bashContainer('idle', { start: false });
    const error = await client.fail('openConsole', {
      consoleId: TestClient.consoleId(),
      container: idle,
      mode: 'exec',
    });
    expect(error.code).toBe('invalid-input');
    expect(error.message).toContain(idle);
    expect(error.hint).toMatch(/Start the container/);

    const missing = uniqueName('missing');
    const notFound = await client.fail('openConsole', {
      consoleId: TestClient.consoleId(),
      container: missing,
      mode: 'exec',
    });
    expect(notFound.code).toBe('not-found');
    expect(notFound.message).toContain(missing);

    const { id } = await openConsole(shellBox, 'exec');
    const twice = await client.fail('openConsole', {
      consoleId: id,
      container: shellBox,
      mode: 'exec',
    });
    expect(twice.code).toBe('invalid-input');
    expect(twice.message).toContain(id);
    await client.call('closeConsole', { consoleId: id });
  });
});

describe('attach consoles', () => {
  it("reaches a TTY container's own process, replaying its recent output", async () => {
    const box = await bashContainer('attach', {
      command: `bash -c 'echo booted-$((40+2)); exec bash'`,
    });
    const logged = async () => String(await docker.getContainer(box).logs({ stdout: true }));
    await waitUntil(async () => (await logged()).includes('booted-42'), 'the boot line');
    const { id, sink } = await openConsole(box, 'attach');
    await sink.waitForText('booted-42');
    await roundTrip(id, sink, 'echo hello-$((6*7))', 'hello-42');
    // It is the container's main process, not a new shell.
    await roundTrip(id, sink, 'echo "pid-$$"', 'pid-1');
    client.consoles.deliver(id, { op: 'resize', cols: 101, rows: 33 });
    await expectSize(id, sink, 33, 101);
    expect(sink.statuses).toEqual([]);
    await client.call('closeConsole', { consoleId: id });
  });

  it('shows both output streams of a non-TTY container, without framing bytes', async () => {
    const box = await bashContainer('plain', { tty: false, command: 'cat' });
    const { id, sink } = await openConsole(box, 'attach');
    client.typeInto(id, 'no tty here\n');
    await sink.waitForText('no tty here\n');
    expect(sink.text()).toBe('no tty here\n');
    await client.call('closeConsole', { consoleId: id });
  });

  it('reattaches after a restart with a marker line, and input works again', async () => {
    const box = await bashContainer('restart');
    const { id, sink } = await openConsole(box, 'attach');
    await roundTrip(id, sink, 'echo before-$((6*7))', 'before-42');

    const from = sink.bytes;
    await client.call('restartContainer', { id: box });
    await sink.waitForText('restarted · console reattached', 10_000, from);
    await waitUntil(() => sink.statuses.at(-1)?.kind === 'reattached', 'the reattached status');
    expect(sink.statuses.map((s) => s.kind)).toEqual(['detached', 'reattached']);
    expect(sink.statuses.at(-1)!.message).toContain(box);
    // The console already shows the first run: it is not printed a second time.
    const sinceRestart = Buffer.concat(sink.chunks).subarray(from).toString();
    expect(sinceRestart).not.toContain('before-42');

    await roundTrip(id, sink, 'echo after-$((6*7))', 'after-42');
    await client.call('closeConsole', { consoleId: id });
  });

  it('says when the container exits, and reattaches when it starts again', async () => {
    const box = await bashContainer('stopstart');
    const { id, sink } = await openConsole(box, 'attach');
    await roundTrip(id, sink, 'echo up-$((1+1))', 'up-2');

    client.typeInto(id, 'exit 3\r');
    const detached = await waitUntil(
      () => sink.statuses.find((s) => s.kind === 'detached'),
      'the detached status',
    );
    expect(detached.message).toContain(`"${box}" exited with code 3`);

    const from = sink.bytes;
    await client.call('startContainer', { id: box });
    await sink.waitForText('restarted · console reattached', 10_000, from);
    await roundTrip(id, sink, 'echo again-$((4+4))', 'again-8');
    await client.call('closeConsole', { consoleId: id });
  });
});
