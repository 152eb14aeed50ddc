// Browser mode stopped with TERM under an open page closes every console before it exits:
// each exec console's shell is hung up in its container, so the engine has no exec session of
// the app left running (container inspect's ExecIDs, each exec inspected), and an attached
// shell is detached from, not ended. The wait is bounded (server.ts, 2 s).
import { expect, it } from 'vitest';
import {
  browserModeSuite,
  openPage,
  startPromptShell,
  stopWeb,
  typeInto,
  waitForConsoles,
} from './browser-mode';
import { record } from './figures';
import { execIn, TEST_IMAGE } from './private-engine';

const PROMPT = 'ct9-term$';
/** An attach console: a TTY with stdin. */
const SHELL = 'fault-term-attach';
/** No stdin: each pane opens an exec console, a login shell of its own in the container. */
const EXECS = Array.from({ length: 6 }, (_, i) => `fault-term-exec-${i + 1}`);

const suite = browserModeSuite(async (docker) => {
  await startPromptShell(docker, SHELL, PROMPT);
  for (const name of EXECS) {
    const c = await docker.createContainer({ name, Image: TEST_IMAGE, Cmd: ['sleep', 'inf'] });
    await c.start();
  }
});

/** The exec sessions the engine reports running in one container. */
async function runningExecs(name: string): Promise<string[]> {
  const { docker } = suite;
  const { ExecIDs } = await docker.getContainer(name).inspect();
  const running = await Promise.all(
    (ExecIDs ?? []).map(async (id) => ((await docker.getExec(id).inspect()).Running ? id : '')),
  );
  return running.filter(Boolean);
}

/** Processes in a container that a console of the app started (they carry its marker). */
const consoleProcesses = (name: string) =>
  execIn(
    suite.docker,
    name,
    `for p in /proc/[0-9]*; do tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -q '^CROSSTALK_CONSOLE=' && echo "\${p#/proc/}"; done; true`,
  );

it('TERM hangs up every exec shell before exiting: no exec session of the app is left running', async () => {
  const { web } = suite;
  const page = await openPage(suite.browser, web.url);
  await waitForConsoles(page, [SHELL], PROMPT, 15_000);
  for (const name of EXECS) await typeInto(page, name, `PS1='${PROMPT} '`);
  await waitForConsoles(page, EXECS, PROMPT, 15_000);
  // The test sees what it checks for: each exec console's shell runs, on the engine's account.
  for (const name of EXECS) {
    expect(await runningExecs(name), name).toHaveLength(1);
    expect(await consoleProcesses(name), name).not.toBe('');
  }

  const t0 = performance.now();
  await stopWeb(web, 'SIGTERM');
  const exitMs = performance.now() - t0;
  expect(web.child.exitCode, web.output()).toBe(0);

  const left = await Promise.all(EXECS.map(runningExecs));
  const processes = await Promise.all(EXECS.map(consoleProcesses));
  expect(left.flat(), `exec sessions still running, ${exitMs} ms: ${web.output()}`).toEqual([]);
  expect(processes.filter(Boolean), 'console processes still running').toEqual([]);
  // Detached, not ended: the attached shell's container still runs.
  expect((await suite.docker.getContainer(SHELL).inspect()).State.Running).toBe(true);
  expect(exitMs).toBeLessThan(5000);
  record('term-shutdown', { execConsoles: EXECS.length, exitAfterTermMs: Math.round(exitMs) });
});
