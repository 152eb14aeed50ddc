// The fault suite's own Docker engine: a second dockerd on its own socket, data-root,
// exec-root, pidfile and containerd namespaces, on its own pre-created bridge (never
// `--bridge none`, which makes dockerd 20.10 delete the host's docker0; never docker0
// itself). The suite may kill it as it likes; it is stopped by pid, never by name.
import { execFileSync, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { existsSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { newDocker } from '../support/engine';
import { currentFaultRun } from './fault-run';
import {
  removeContainersQuietly,
  removeNetworksQuietly,
} from '../../src/main/engine/remove-quietly';

/** This run's names (fault-run.ts): loaded first by the global setup, which fixes them. */
const RUN = currentFaultRun();
const ROOT = RUN.root;
export const PRIVATE_ENGINE = {
  root: ROOT,
  socket: join(ROOT, 'docker.sock'),
  pidfile: join(ROOT, 'docker.pid'),
  log: join(ROOT, 'dockerd.log'),
  bridge: RUN.bridge,
  bridgeAddress: RUN.bridgeAddress,
  namespace: RUN.namespace,
} as const;
export const PRIVATE_HOST = `unix://${PRIVATE_ENGINE.socket}`;
export const TEST_IMAGE = 'crosstalk-test:latest';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A client of the private engine (never the main one). */
export function privateDocker(): Dockerode {
  return new Dockerode({ socketPath: PRIVATE_ENGINE.socket });
}

/** Runs `sh -c cmd` in a container of the private engine; resolves to its output, trimmed. */
export async function execIn(docker: Dockerode, container: string, cmd: string): Promise<string> {
  const exec = await docker.getContainer(container).exec({
    Cmd: ['sh', '-c', cmd],
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  docker.modem.demuxStream(stream, out, out);
  await new Promise((resolve) => stream.on('end', resolve));
  return Buffer.concat(chunks).toString('utf8').trim();
}

function ip(...args: string[]): string {
  return execFileSync('ip', args, { encoding: 'utf8' });
}

/** Creates the suite's bridge with its own subnet, once. */
function ensureBridge(): void {
  const { bridge, bridgeAddress } = PRIVATE_ENGINE;
  if (
    !ip('-br', 'link')
      .split('\n')
      .some((l) => l.startsWith(`${bridge} `))
  ) {
    ip('link', 'add', bridge, 'type', 'bridge');
  }
  if (!ip('-br', 'addr', 'show', bridge).includes(bridgeAddress)) {
    // Another run's bridge (or anything else) on this /24 would route the same addresses twice.
    const subnet = bridgeAddress.replace(/\.1\/24$/, '.');
    const holder = ip('-br', 'addr')
      .split('\n')
      .find((l) => !l.startsWith(`${bridge} `) && l.includes(` ${subnet}`));
    if (holder)
      throw new Error(
        `the fault run's subnet ${subnet}0/24 is in use (${holder.split(/\s+/)[0]}): set CT_FAULT_SUBNET to another third number (1-254), or CT_FAULT_NAME to another name`,
      );
    ip('addr', 'add', bridgeAddress, 'dev', bridge);
  }
  ip('link', 'set', bridge, 'up');
}

export function enginePid(): number | null {
  if (!existsSync(PRIVATE_ENGINE.pidfile)) return null;
  const pid = Number(readFileSync(PRIVATE_ENGINE.pidfile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && alive(pid) ? pid : null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function answers(docker = privateDocker()): Promise<boolean> {
  return docker.ping().then(
    () => true,
    () => false,
  );
}

/**
 * Stops the containerd a dockerd started, by its pid. A dockerd killed with KILL leaves it
 * running with its log pipe broken: the next dockerd would wait on it and time out.
 */
async function stopContainerd(): Promise<void> {
  const pidfile = join(ROOT, 'exec', 'containerd', 'containerd.pid');
  if (!existsSync(pidfile)) return;
  const pid = Number(readFileSync(pidfile, 'utf8').trim());
  if (!(pid > 0) || !alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 100 && alive(pid); i++) await sleep(50);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

/** Starts the private dockerd (unless it runs) and waits until it answers. */
export async function startEngine(timeoutMs = 60_000): Promise<number> {
  const running = enginePid();
  if (running && (await answers())) return running;
  mkdirSync(ROOT, { recursive: true });
  if (!running) await stopContainerd();
  // A dockerd restarted on a kept network store can delete the host's docker0 (seen with the
  // TLS engine, scripts/test-engines/tls.sh): each start begins with an empty one.
  rmSync(join(ROOT, 'data', 'network'), { recursive: true, force: true });
  ensureBridge();
  const { socket, pidfile, bridge, namespace, log } = PRIVATE_ENGINE;
  const out = openSync(log, 'a');
  const child = spawn(
    'dockerd',
    [
      `--host=unix://${socket}`,
      `--data-root=${join(ROOT, 'data')}`,
      `--exec-root=${join(ROOT, 'exec')}`,
      `--pidfile=${pidfile}`,
      `--containerd-namespace=${namespace}`,
      `--containerd-plugins-namespace=${namespace}-plugins`,
      `--bridge=${bridge}`,
      // The suite needs no routing between containers and must not touch the host's rules.
      '--iptables=false',
      '--ip-masq=false',
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await answers()) return child.pid!;
    if (child.exitCode !== null) break;
    await sleep(100);
  }
  const tail = readFileSync(log, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`the private dockerd did not start (see ${log}):\n${tail}`);
}

/** Sends `signal` to the private dockerd (by its pid) and waits until it is gone. */
export async function killEngine(signal: 'SIGTERM' | 'SIGKILL', timeoutMs = 30_000): Promise<void> {
  const pid = enginePid();
  if (!pid) return;
  process.kill(pid, signal);
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline)
      throw new Error(`dockerd ${pid} outlived ${signal} by ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** Copies the test image from the main engine (read only) into the private one. */
export async function loadTestImage(): Promise<void> {
  const own = privateDocker();
  if (
    await own
      .getImage(TEST_IMAGE)
      .inspect()
      .then(
        () => true,
        () => false,
      )
  )
    return;
  const main = newDocker();
  const tar = await main.getImage(TEST_IMAGE).get();
  const loading = await own.loadImage(tar);
  await new Promise<void>((resolve, reject) => {
    own.modem.followProgress(loading, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

/** Removes every container and network the suite made on the private engine. */
export async function removeAll(docker = privateDocker()): Promise<void> {
  const containers = await docker.listContainers({ all: true });
  await removeContainersQuietly(
    docker,
    containers.map((c) => c.Id),
  );
  const networks = await docker.listNetworks();
  await removeNetworksQuietly(
    docker,
    networks.filter((n) => !['bridge', 'host', 'none'].includes(n.Name)).map((n) => n.Id),
  );
}

/**
 * Unmounts what a dockerd left mounted below `dir` (its data-root bound on itself, network
 * namespaces of containers a KILLed dockerd never stopped), deepest first.
 */
function unmountUnder(dir: string): void {
  const points = readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => line.split(' ')[4] ?? '')
    .filter((point) => point === dir || point.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const point of points) execFileSync('umount', ['-l', point]);
}

/**
 * Stops the engine by pid and removes its bridge, and a run named after its pid its folder
 * too: nothing of the suite stays running, nothing piles up in /tmp.
 */
export async function stopEngine(): Promise<void> {
  if (await answers()) await removeAll().catch(() => undefined);
  await killEngine('SIGTERM');
  await stopContainerd();
  try {
    ip('link', 'del', PRIVATE_ENGINE.bridge);
  } catch {
    // Already gone.
  }
  if (RUN.removeRoot)
    try {
      unmountUnder(ROOT);
      rmSync(ROOT, { recursive: true, force: true });
    } catch (error) {
      console.error(`fault suite: could not remove ${ROOT}: ${(error as Error).message}`);
    }
}
