// The real inputs of discovery: this process's environment and files, and
// `docker-machine ip` when a machine is named (it only asks the local tool).
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import type { DiscoveryInput } from './endpoint';

export function gatherDiscoveryInput(): DiscoveryInput {
  return {
    env: process.env,
    homeDir: homedir(),
    platform: process.platform,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return null;
      }
    },
    listDir: (path) => {
      try {
        return readdirSync(path);
      } catch {
        return [];
      }
    },
  };
}

/** `docker-machine ip NAME`, or null when the tool is missing or slow. */
export function dockerMachineIp(name: string | null): Promise<string | null> {
  if (!name) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile('docker-machine', ['ip', name], { timeout: 3000 }, (error, stdout) => {
      const ip = stdout?.trim();
      resolve(!error && /^[\d.]+$/.test(ip) ? ip : null);
    });
  });
}
