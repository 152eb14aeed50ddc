// How consoles end, through the product's client connection on the private engine: an exec
// console whose container is killed says the container's exit code (never "The shell
// exited"), a shell that exits says its own code, and 200 consoles closed while they open
// leave no shell running in the container and no exec session open on the engine.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Crosstalk } from '../../src/main/engine/runtime';
import { TestClient } from '../support/test-client';
import { waitUntil } from '../support/waiting';
import { record } from './figures';
import { PRIVATE_HOST, privateDocker, removeAll, sleep, TEST_IMAGE } from './private-engine';

const docker = privateDocker();
const BOX = 'fault-consoles';
const KILLS = 8;
const CYCLES = 200;
/** Cycles under way at once: closing while opening, as fast clicking does. */
const PARALLEL = 8;
let app: Crosstalk;
let client: TestClient;

beforeAll(async () => {
  await removeAll(docker);
  app = new Crosstalk({ docker, endpoint: PRIVATE_HOST, source: 'fault suite' });
  await app.start();
  client = new TestClient(app);
  const c = await docker.createContainer({ name: BOX, Image: TEST_IMAGE, Cmd: ['sleep', 'inf'] });
  await c.start();
});

afterAll(async () => {
  client?.connection.dispose();
  app?.stop();
  await removeAll(docker);
});

async function openExec(container: string): Promise<string> {
  const consoleId = TestClient.consoleId();
  await client.call('openConsole', { consoleId, container, mode: 'exec', cols: 80, rows: 24 });
  return consoleId;
}

/** The last status a console was sent, once it has one of `kinds`. */
function lastStatus(consoleId: string, kinds: string[]) {
  const sink = client.consoleSink(consoleId);
  return waitUntil(
    () => sink.statuses.findLast((s) => kinds.includes(s.kind)),
    `a ${kinds.join('/')} status`,
    10_000,
  );
}

it(`an exec console on a killed container says its exit code (${KILLS} kills)`, async () => {
  const said: string[] = [];
  for (let i = 0; i < KILLS; i++) {
    const name = `fault-killed-${i}`;
    const c = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', 'inf'] });
    await c.start();
    const consoleId = await openExec(name);
    await client.consoleSink(consoleId).waitForText(/[#$] $/, 10_000);
    await c.kill();
    said.push((await lastStatus(consoleId, ['detached', 'ended'])).message);
    await client.consoles.close(consoleId);
  }
  record('exec-console-killed', {
    kills: KILLS,
    saidExitCode137: said.filter((m) => m.includes('exited with code 137')).length,
    saidShellExited: said.filter((m) => m.includes('The shell exited')).length,
  });
  for (const message of said) {
    expect(message).not.toContain('The shell exited');
    expect(message).toMatch(/exited with code 137/);
  }
});

it('a shell that exits says so, with its code', async () => {
  const consoleId = await openExec(BOX);
  await client.consoleSink(consoleId).waitForText(/[#$] $/, 10_000);
  client.typeInto(consoleId, 'exit 3\r');
  const status = await lastStatus(consoleId, ['ended']);
  expect(status.message).toBe('The shell exited with code 3. Open a new console to continue.');
  await client.consoles.close(consoleId);
});

/** Processes in the container besides its main one (`docker top`). */
async function extraProcesses(): Promise<string[]> {
  const top = (await docker.getContainer(BOX).top({ ps_args: '-eo pid,args' })) as {
    Processes: string[][];
  };
  return top.Processes.map((p) => p.join(' ')).filter((p) => !p.includes('sleep inf'));
}

/** Exec sessions the engine still runs in the container. */
async function runningExecs(): Promise<number> {
  const info = await docker.getContainer(BOX).inspect();
  const states = await Promise.all(
    (info.ExecIDs ?? []).map((id) =>
      docker
        .getExec(id)
        .inspect()
        .then((e) => e.Running)
        .catch(() => false),
    ),
  );
  return states.filter(Boolean).length;
}

it(`${CYCLES} consoles closed while opening leave no shell and no exec session`, async () => {
  const t0 = performance.now();
  let next = 0;
  let failedOpens = 0;
  let openedFirst = 0;
  const cycle = async (i: number) => {
    const consoleId = TestClient.consoleId();
    const opening = client.connection.call('openConsole', {
      consoleId,
      container: BOX,
      mode: 'exec',
      cols: 80,
      rows: 24,
    });
    let opened = false;
    void opening.then(() => (opened = true));
    // From closing at once, through closing mid-open, to closing once the shell is up.
    await sleep(i % 4 === 0 ? 0 : (i * 97) % 1000);
    if (opened) openedFirst++;
    await client.connection.call('closeConsole', { consoleId });
    const outcome = await opening;
    if (!outcome.ok) failedOpens++;
  };
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      while (next < CYCLES) await cycle(next++);
    }),
  );
  const cyclesMs = performance.now() - t0;
  // Hang-ups are asynchronous: give the container a moment, then count.
  let leaked: string[] = [];
  let execs = 0;
  const t1 = performance.now();
  for (let waited = 0; waited < 5000; waited += 250) {
    [leaked, execs] = await Promise.all([extraProcesses(), runningExecs()]);
    if (!leaked.length && !execs) break;
    await sleep(250);
  }
  record('console-open-close', {
    cycles: CYCLES,
    parallel: PARALLEL,
    failedOpens,
    closedAfterOpen: openedFirst,
    cyclesMs: Math.round(cyclesMs),
    settleMs: Math.round(performance.now() - t1),
    leakedProcesses: leaked.length,
    runningExecSessions: execs,
    consolesLeftOpen: client.consoles.size,
  });
  // Both races were run: consoles closed before their shell was up, and after.
  expect(openedFirst).toBeGreaterThan(CYCLES / 10);
  expect(openedFirst).toBeLessThan(CYCLES - CYCLES / 10);
  expect(leaked).toEqual([]);
  expect(execs).toBe(0);
  expect(client.consoles.size).toBe(0);
});
