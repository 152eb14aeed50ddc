// `docker-machine ip NAME`: asks the local tool where its VM is. It never
// contacts the VM, and it gives up after 3 s so a stuck tool cannot hang discovery.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

const TIMEOUT_MS = 3000;
const ipArgs = (name: string) => ['ip', name];

/** Whether `docker-machine` is on PATH, so that without it no process is spawned at all. */
export function hasDockerMachine(env: NodeJS.ProcessEnv = process.env): boolean {
  const exe = process.platform === 'win32' ? 'docker-machine.exe' : 'docker-machine';
  return (env['PATH'] ?? '')
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, exe), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

/** The tool's answer when it is one address or host name; anything else (an error text) is none. */
export function machineIpFrom(stdout: string): string | null {
  const ip = stdout.trim();
  return /^[\w.:-]+$/.test(ip) ? ip : null;
}

/** Blocking form, for discovery's synchronous input. */
export function dockerMachineIpSync(name: string | null): string | null {
  if (!name || !hasDockerMachine()) return null;
  try {
    const stdout = execFileSync('docker-machine', ipArgs(name), {
      encoding: 'utf8',
      timeout: TIMEOUT_MS,
      killSignal: 'SIGKILL',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return machineIpFrom(stdout);
  } catch {
    return null;
  }
}

/** `docker-machine ip NAME`, or null when there is no name, no tool, or no answer in time. */
export function dockerMachineIp(name: string | null): Promise<string | null> {
  if (!name || !hasDockerMachine()) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      'docker-machine',
      ipArgs(name),
      { timeout: TIMEOUT_MS, killSignal: 'SIGKILL' },
      (error, stdout) => resolve(error ? null : machineIpFrom(stdout)),
    );
  });
}
