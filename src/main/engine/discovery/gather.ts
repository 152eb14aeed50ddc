// The real inputs of discovery: this process's environment and files, and
// `docker-machine ip` when a machine is named. Kept thin: all judgement is in endpoint.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dockerMachineIpSync } from './docker-machine';
import type { DiscoveryInput } from './types';

export function gatherDiscoveryInput(): DiscoveryInput {
  // A snapshot, so that the input cannot change while discovery reads it.
  const env = { ...process.env };
  return {
    env,
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
    dockerMachineIp: dockerMachineIpSync(env['DOCKER_MACHINE_NAME'] || null),
  };
}
