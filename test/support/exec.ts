// Reading a container's truth from inside it, through the product's own exec path and its
// own scan for a console's processes (no copies that could drift from what the app runs).
import { execOutput } from '../../src/main/engine/sockets/exec-output';
import { forConsoleProcesses } from '../../src/main/engine/console-session';
import { docker } from './engine';

/** Runs a command in a container (no TTY) and returns its stdout, then its stderr. */
export async function execIn(container: string, cmd: string[]): Promise<string> {
  const { stdout, stderr } = await execOutput(docker, container, cmd, new AbortController().signal);
  return stdout + stderr;
}

/** Pids of the processes in `container` whose environment carries this console's id. */
export async function consoleProcesses(container: string, consoleId: string): Promise<number[]> {
  const out = await execIn(container, [
    'sh',
    '-c',
    forConsoleProcesses(consoleId, 'echo "${p#/proc/}"'),
  ]);
  return out
    .split('\n')
    .filter((l) => /^\d+$/.test(l.trim()))
    .map(Number);
}
