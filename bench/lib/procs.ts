// Process figures from /proc: CPU seconds and resident memory, for the main process and
// Chromium's processes by kind; the renderer's JS heap over CDP.
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';

const CLK_TCK = 100;

export function rssMB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLK_TCK;
}

export type ChromiumKind = 'browser' | 'renderer' | 'gpu-process' | 'utility' | string;

/** Chromium's processes under this one, by kind. */
export function chromiumProcesses(): { pid: number; type: ChromiumKind }[] {
  const parent = new Map<number, number>();
  const cmd = new Map<number, string>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      cmd.set(Number(d), readFileSync(`/proc/${d}/cmdline`, 'utf8').split('\0').join(' '));
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number) => {
    for (let p = pid; p > 1; p = parent.get(p) ?? 0) if (p === process.pid) return true;
    return false;
  };
  const out: { pid: number; type: ChromiumKind }[] = [];
  for (const [pid, argv] of cmd) {
    if (!argv.includes('chrom') || !mine(pid)) continue;
    out.push({ pid, type: /--type=([\w-]+)/.exec(argv)?.[1] ?? 'browser' });
  }
  return out;
}

export function chromiumRssMB(type: ChromiumKind): number {
  return chromiumProcesses()
    .filter((p) => p.type === type)
    .reduce((sum, p) => sum + (rssMB(p.pid) || 0), 0);
}

export function chromiumCpuSeconds(type: ChromiumKind): number {
  return chromiumProcesses()
    .filter((p) => p.type === type)
    .reduce((sum, p) => sum + cpuSeconds(p.pid), 0);
}

export async function rendererHeapMB(page: Page, { gc = false } = {}): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  if (gc) await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 2 ** 20;
}
