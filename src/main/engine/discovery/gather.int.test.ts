// gatherDiscoveryInput on the real process: its files, and `docker-machine ip`
// through a stand-in docker-machine on PATH (it prints an address, contacts nothing).
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { dockerMachineIp, hasDockerMachine } from './docker-machine';
import { gatherDiscoveryInput } from './gather';

const root = mkdtempSync(join(tmpdir(), 'crosstalk-gather-'));

/** A folder with a `docker-machine` script running `body`; the script records its arguments in ./args. */
function fakeTool(name: string, body: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  const script = join(dir, 'docker-machine');
  writeFileSync(script, `#!/bin/sh\necho "$@" > "$(dirname "$0")/args"\n${body}\n`);
  chmodSync(script, 0o755);
  return dir;
}

const answering = fakeTool('answering', 'echo 192.168.99.100');
// exec: the shell becomes sleep, so the timeout's kill ends the whole tool.
const stuck = fakeTool('stuck', 'exec sleep 20');

function onPath(dir: string, machineName?: string): void {
  vi.stubEnv('PATH', `${dir}${delimiter}${process.env['PATH'] ?? ''}`);
  vi.stubEnv('DOCKER_MACHINE_NAME', machineName);
}

afterEach(() => {
  vi.unstubAllEnvs();
  for (const dir of [answering, stuck]) rmSync(join(dir, 'args'), { force: true });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('gatherDiscoveryInput', () => {
  it('reads this process’s environment, home, platform and files', () => {
    const file = join(root, 'config.json');
    writeFileSync(file, '{"currentContext":"x"}');
    vi.stubEnv('CROSSTALK_PROBE', 'seen');
    const input = gatherDiscoveryInput();
    expect(input.env['CROSSTALK_PROBE']).toBe('seen');
    expect(input.platform).toBe(process.platform);
    expect(input.homeDir).toBe(process.env['HOME']);
    expect(input.readFile(file)).toBe('{"currentContext":"x"}');
    expect(input.readFile(join(root, 'missing.json'))).toBeNull();
    expect(input.listDir(root)).toEqual(expect.arrayContaining(['config.json', 'answering']));
    expect(input.listDir(join(root, 'missing'))).toEqual([]);
  });

  it('runs `docker-machine ip NAME` when DOCKER_MACHINE_NAME is set', () => {
    onPath(answering, 'default');
    expect(hasDockerMachine()).toBe(true);
    expect(gatherDiscoveryInput().dockerMachineIp).toBe('192.168.99.100');
    expect(readFileSync(join(answering, 'args'), 'utf8')).toBe('ip default\n');
  });

  it('runs nothing without DOCKER_MACHINE_NAME', () => {
    onPath(answering);
    expect(gatherDiscoveryInput().dockerMachineIp).toBeNull();
    expect(existsSync(join(answering, 'args'))).toBe(false);
  });

  it('gives null when docker-machine is not on PATH', () => {
    vi.stubEnv('PATH', join(root, 'nowhere'));
    vi.stubEnv('DOCKER_MACHINE_NAME', 'default');
    expect(hasDockerMachine()).toBe(false);
    expect(gatherDiscoveryInput().dockerMachineIp).toBeNull();
  });

  it('gives up on a stuck docker-machine after 3 s', () => {
    onPath(stuck, 'default');
    const started = Date.now();
    expect(gatherDiscoveryInput().dockerMachineIp).toBeNull();
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(2900);
    expect(took).toBeLessThan(6000);
    expect(readFileSync(join(stuck, 'args'), 'utf8')).toBe('ip default\n');
  });
});

describe('dockerMachineIp (without blocking)', () => {
  it('asks the tool, and gives null without a name or on a stuck tool', async () => {
    onPath(answering);
    expect(await dockerMachineIp('dev')).toBe('192.168.99.100');
    expect(readFileSync(join(answering, 'args'), 'utf8')).toBe('ip dev\n');
    expect(await dockerMachineIp(null)).toBeNull();
    vi.stubEnv('PATH', `${stuck}${delimiter}${process.env['PATH'] ?? ''}`);
    const started = Date.now();
    expect(await dockerMachineIp('dev')).toBeNull();
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
  });
});
