// What the lab leaves on this machine, read from the kernel's own lists: network namespaces,
// mounts, processes. `down` uses it to find leftovers; the tests use it to prove there are none.
import { readdirSync, readFileSync } from 'node:fs';
import { isLabPath, labName } from './two-hosts-plan';

/** Mount points from /proc/self/mounts (the second field; octal escapes as the kernel writes them). */
export function mountPoints(mounts = readFileSync('/proc/self/mounts', 'utf8')): string[] {
  return mounts
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((point) => point !== '')
    .map((point) =>
      point.replace(/\\(\d{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))),
    );
}

export function labMounts(): string[] {
  return mountPoints().filter(isLabPath);
}

/** Named network namespaces (ip netns). */
export function namespaces(dir = '/run/netns'): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

export function labNamespaces(): string[] {
  return namespaces().filter((name) => name.startsWith(`${labName}-`));
}

export interface ProcessFact {
  pid: number;
  command: string;
}

/** Every process whose command line names a lab path: dockerd, its containerd, shims. */
export function labProcesses(proc = '/proc'): ProcessFact[] {
  const found: ProcessFact[] = [];
  for (const entry of readdirSync(proc)) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || pid === process.pid) continue;
    let command: string;
    try {
      command = readFileSync(`${proc}/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
    } catch {
      continue; // gone meanwhile
    }
    if (isLabPath(command)) found.push({ pid, command });
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

/** Everything the lab may have left behind; all empty means no trace. */
export interface LabTraces {
  namespaces: string[];
  mounts: string[];
  processes: ProcessFact[];
}

export function labTraces(): LabTraces {
  return { namespaces: labNamespaces(), mounts: labMounts(), processes: labProcesses() };
}
