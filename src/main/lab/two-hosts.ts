// `lab two-hosts up|down|status`: two Docker hosts on one Linux machine. Each node is a network
// namespace with its own dockerd; a veth pair is the wire between them. `down` removes every
// trace (daemons by pid, mounts, namespaces and with them the links, data dirs), whether or not
// `up` finished.
import { spawn } from 'node:child_process';
import { mkdirSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import {
  isAlive,
  labMounts,
  labNamespaces,
  labProcesses,
  labTraces,
  mountPoints,
} from './host-facts';
import type { LabTraces } from './host-facts';
import { readLabState, removeLabState, writeLabState, type LabState } from './lab-state';
import { hasCommand, run } from './run-command';
import {
  dockerdCommand,
  labDataDir,
  labNodes,
  labRunDir,
  underlayCommands,
  type LabNodePlan,
} from './two-hosts-plan';
import { removeContainersQuietly } from '../engine/remove-quietly';

export const defaultLabImage = 'crosstalk-test:latest';
const readyTimeoutMs = 30_000;
const stopTimeoutMs = 15_000;

/** Linux and root, with the tools the lab drives; says what is missing otherwise. */
export async function checkLabHost(): Promise<void> {
  if (process.platform !== 'linux') {
    throw new AppError(
      'invalid-input',
      `The two-host lab needs Linux (network namespaces); this is ${process.platform}.`,
      'Use two Docker contexts instead (`docker context create node1 --docker host=ssh://user@host1`, the same for node2), e.g. two VMs or two machines, and add both as engines.',
    );
  }
  if (process.getuid?.() !== 0) {
    throw new AppError(
      'unauthorized',
      'The two-host lab needs root: it creates network namespaces and starts two dockerd.',
      'Run it as root: `sudo npm run lab -- two-hosts up`.',
    );
  }
  const tools: [string, string][] = [
    ['ip', 'iproute2'],
    ['nsenter', 'util-linux'],
    ['unshare', 'util-linux'],
    ['dockerd', 'docker.io'],
  ];
  for (const [cmd, pkg] of tools) {
    if (!(await hasCommand(cmd))) {
      throw new AppError(
        'engine-error',
        `\`${cmd}\` is not installed.`,
        `Install ${pkg} (apt-get install ${pkg}).`,
      );
    }
  }
}

/** Nothing on this machine may already route the lab's subnets. */
async function checkSubnetsFree(): Promise<void> {
  const routes = await run(['ip', '-4', 'route', 'show']);
  const clash = routes.split('\n').find((line) => line.startsWith('10.212.'));
  if (clash) {
    throw new AppError(
      'invalid-input',
      `This machine already routes part of the lab's 10.212.0.0/16: ${clash.trim()}.`,
      'Remove that route or network first; the lab would collide with it.',
    );
  }
}

const dockerOf = (node: { socketPath: string }) => new Dockerode({ socketPath: node.socketPath });

async function waitForEngine(node: LabNodePlan, pid: number): Promise<void> {
  const docker = dockerOf(node);
  const deadline = Date.now() + readyTimeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) break;
    if (
      await docker.ping().then(
        () => true,
        () => false,
      )
    )
      return;
    await sleep(200);
  }
  let log = '';
  try {
    log = readFileSync(node.logFile, 'utf8').trim().split('\n').slice(-5).join('\n');
  } catch {
    // no log yet
  }
  throw new AppError(
    'engine-unreachable',
    `The lab's dockerd on ${node.name} did not answer at ${node.endpoint} within ${readyTimeoutMs / 1000} s.`,
    log ? `Its log (${node.logFile}) ends with:\n${log}` : `See ${node.logFile}.`,
  );
}

function startDaemon(node: LabNodePlan): number {
  mkdirSync(node.runDir, { recursive: true });
  mkdirSync(node.dataRoot, { recursive: true });
  const log = openSync(node.logFile, 'a');
  const [cmd, ...args] = dockerdCommand(node) as [string, ...string[]];
  // nsenter, unshare and sh each exec the next, so this pid is the dockerd's.
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  if (child.pid === undefined) {
    throw new AppError(
      'engine-error',
      `Could not start dockerd for ${node.name}.`,
      'Is dockerd installed?',
    );
  }
  return child.pid;
}

/** `docker save IMAGE` from the main engine, `docker load` into each node. */
async function loadImage(
  image: string,
  nodes: readonly LabNodePlan[],
  main: Dockerode,
): Promise<void> {
  let tar: Buffer;
  try {
    const stream = await main.getImage(image).get();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    tar = Buffer.concat(chunks);
  } catch (error) {
    throw new AppError(
      'image-missing',
      `Could not save ${image} from the main engine: ${(error as Error).message}`,
      'Build it first (`npm run test-image`) or name another image with --image.',
    );
  }
  for (const node of nodes) {
    const stream = await dockerOf(node).loadImage(Readable.from([tar]));
    for await (const _ of stream) void _; // the engine answers with progress; wait for its end
  }
}

export interface LabUpResult {
  state: LabState;
  /** False when a healthy lab was already up and was left as it was. */
  started: boolean;
  seconds: number;
}

export async function labUp(options: { image?: string; main: Dockerode }): Promise<LabUpResult> {
  const t0 = Date.now();
  await checkLabHost();
  const image = options.image ?? defaultLabImage;
  const existing = await labStatus();
  if (existing.up && existing.state) return { state: existing.state, started: false, seconds: 0 };
  if (
    existing.traces.namespaces.length ||
    existing.traces.processes.length ||
    existing.traces.mounts.length
  ) {
    await labDown();
  }
  await checkSubnetsFree();
  const madeNetnsMount = !mountPoints().includes('/run/netns');
  try {
    for (const argv of underlayCommands()) await run(argv, 'The lab needs iproute2 and root.');
    const pids = labNodes.map(startDaemon);
    await Promise.all(labNodes.map((node, i) => waitForEngine(node, pids[i]!)));
    await loadImage(image, labNodes, options.main);
    const state: LabState = {
      image,
      startedAt: new Date().toISOString(),
      madeNetnsMount,
      nodes: labNodes.map((node, i) => ({
        name: node.name,
        endpoint: node.endpoint,
        socketPath: node.socketPath,
        underlayIp: node.underlayIp,
        pid: pids[i]!,
      })),
    };
    writeLabState(state);
    return { state, started: true, seconds: (Date.now() - t0) / 1000 };
  } catch (error) {
    // A half-built lab is worse than none: take it all down again.
    writeLabState({ image, startedAt: new Date().toISOString(), madeNetnsMount, nodes: [] });
    await labDown().catch(() => undefined);
    throw error;
  }
}

function pidOf(node: LabNodePlan, state: LabState | null): number | null {
  try {
    const pid = Number(readFileSync(node.pidFile, 'utf8').trim());
    if (pid > 0) return pid;
  } catch {
    // no pidfile: the daemon never got that far, or it is gone
  }
  return state?.nodes.find((n) => n.name === node.name)?.pid ?? null;
}

async function waitGone(pids: number[], ms: number): Promise<number[]> {
  const deadline = Date.now() + ms;
  let alive = pids.filter(isAlive);
  while (alive.length && Date.now() < deadline) {
    await sleep(100);
    alive = alive.filter(isAlive);
  }
  return alive;
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Containers off and swarm left first, so each dockerd stops at once instead of after 10 s per container. */
async function emptyEngine(node: LabNodePlan): Promise<void> {
  const docker = dockerOf(node);
  if (
    !(await docker.ping().then(
      () => true,
      () => false,
    ))
  )
    return;
  const containers = await docker.listContainers({ all: true }).catch(() => []);
  await removeContainersQuietly(
    docker,
    containers.map((c) => c.Id),
  );
  await docker.swarmLeave({ force: true }).catch(() => undefined);
}

export interface LabDownResult {
  stopped: number[];
  killed: number[];
  unmounted: string[];
  namespaces: string[];
}

export async function labDown(): Promise<LabDownResult> {
  await checkLabHost();
  const state = readLabState();
  await Promise.all(labNodes.map(emptyEngine));
  const daemons = labNodes
    .map((n) => pidOf(n, state))
    .filter((p): p is number => p !== null && isAlive(p));
  daemons.forEach((pid) => signal(pid, 'SIGTERM'));
  (await waitGone(daemons, stopTimeoutMs)).forEach((pid) => signal(pid, 'SIGKILL'));
  // Whatever still names a lab path (a containerd or shim a killed dockerd left) goes by its pid.
  const leftovers = labProcesses().map((p) => p.pid);
  leftovers.forEach((pid) => signal(pid, 'SIGKILL'));
  await waitGone([...daemons, ...leftovers], 5_000);
  // Deepest first, so no mount hides another.
  const mounts = labMounts().sort((a, b) => b.length - a.length);
  for (const point of mounts.filter((m) => !m.startsWith('/run/netns/'))) {
    await run(['umount', point]).catch(() => run(['umount', '-l', point]));
  }
  const spaces = labNamespaces();
  for (const ns of spaces) await run(['ip', 'netns', 'delete', ns]);
  rmSync(labRunDir, { recursive: true, force: true });
  rmSync(labDataDir, { recursive: true, force: true });
  if (
    state?.madeNetnsMount &&
    mountPoints().includes('/run/netns') &&
    (await run(['ip', 'netns', 'list'])).trim() === ''
  ) {
    await run(['umount', '/run/netns']).catch(() => undefined);
  }
  removeLabState();
  return { stopped: daemons, killed: leftovers, unmounted: mounts, namespaces: spaces };
}

export interface LabNodeStatus {
  name: string;
  endpoint: string;
  underlayIp: string;
  namespace: boolean;
  pid: number | null;
  running: boolean;
  /** docker info .Name when the engine answers, else null. */
  engineName: string | null;
  swarm: string | null;
}

export interface LabStatus {
  up: boolean;
  state: LabState | null;
  nodes: LabNodeStatus[];
  traces: LabTraces;
}

export async function labStatus(): Promise<LabStatus> {
  const state = readLabState();
  const traces = labTraces();
  const nodes = await Promise.all(
    labNodes.map(async (node): Promise<LabNodeStatus> => {
      const pid = pidOf(node, state);
      const info = (await dockerOf(node)
        .info()
        .catch(() => null)) as { Name?: string; Swarm?: { LocalNodeState?: string } } | null;
      return {
        name: node.name,
        endpoint: node.endpoint,
        underlayIp: node.underlayIp,
        namespace: traces.namespaces.includes(node.netns),
        pid,
        running: pid !== null && isAlive(pid),
        engineName: info?.Name ?? null,
        swarm: info?.Swarm?.LocalNodeState ?? null,
      };
    }),
  );
  const up =
    state !== null &&
    state.nodes.length === 2 &&
    nodes.every((n) => n.namespace && n.running && n.engineName !== null);
  return { up, state, nodes, traces };
}
