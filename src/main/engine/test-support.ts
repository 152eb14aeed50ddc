// Shared by the integration tests (*.int.test.ts): the real engine on the
// default socket, unique names, a console sink that records what it receives,
// a client connected through connectClient, and clean-up by label. Never a mock.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { PassThrough } from 'node:stream';
import Dockerode from 'dockerode';
import type { CallArgs, CallName, CallResult, ConsoleStatusKind } from '../../shared/contract';
import type { AppErrorShape } from '../../shared/errors';
import { connectClient, type ClientConnection } from './client-connection';
import type { ConsoleSet } from './console-set';
import type { ConsoleSink } from './console-session';
import type { SocketsEvent } from '../../shared/live-picture';
import { LAB_LABEL } from './labels';
import { Crosstalk } from './runtime';

export const TEST_IMAGE = 'crosstalk-test:latest';
export const SOCKET_PATH = '/var/run/docker.sock';
export const ENDPOINT = `unix://${SOCKET_PATH}`;
/** The tests' own line to the engine, for setting the stage and reading the truth. */
export const docker = new Dockerode({ socketPath: SOCKET_PATH });

/** A name no other run or engineer uses: `it-<what>-<random>`. */
export function uniqueName(what: string): string {
  return `it-${what}-${randomBytes(3).toString('hex')}`;
}

export function newApp(): Crosstalk {
  return new Crosstalk({
    docker: new Dockerode({ socketPath: SOCKET_PATH }),
    endpoint: ENDPOINT,
    source: 'default socket',
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns something truthy; fails with `what` after `timeoutMs`. */
export async function waitUntil<T>(
  probe: () => T | Promise<T>,
  what: string,
  timeoutMs = 5000,
  intervalMs = 25,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/** Records a console's bytes and statuses, and acknowledges them as a renderer would. */
export class RecordingSink implements ConsoleSink {
  readonly chunks: Uint8Array[] = [];
  readonly statuses: { kind: ConsoleStatusKind; message: string }[] = [];
  bytes = 0;
  /** Acknowledge each chunk on arrival (a renderer keeping up); off, bytes pile up unacked. */
  acking = true;
  private unacked = 0;

  constructor(private readonly ack: (bytes: number) => void = () => undefined) {}

  output(data: Uint8Array): void {
    if (!(data instanceof Uint8Array)) throw new Error('console output must be a Uint8Array');
    this.chunks.push(data);
    this.bytes += data.length;
    if (this.acking) this.ack(data.length);
    else this.unacked += data.length;
  }

  /** Acknowledges everything received so far. */
  ackAll(): void {
    this.ack(this.unacked);
    this.unacked = 0;
  }

  status(kind: ConsoleStatusKind, message: string): void {
    this.statuses.push({ kind, message });
  }

  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }

  /** Waits until the output after byte offset `from` matches, and returns that output. */
  async waitForText(needle: string | RegExp, timeoutMs = 10_000, from = 0): Promise<string> {
    const matches = () => {
      const text = Buffer.concat(this.chunks).subarray(from).toString('utf8');
      const found = typeof needle === 'string' ? text.includes(needle) : needle.test(text);
      return found ? text : null;
    };
    try {
      return await waitUntil(matches, `console output ${String(needle)}`, timeoutMs);
    } catch (error) {
      const tail = JSON.stringify(this.text().slice(-400));
      throw new Error(`${(error as Error).message}; output ended with ${tail}`);
    }
  }
}

/** One client (a window or a tab), connected as the transports connect, with recording sinks. */
export class TestClient {
  readonly connection: ClientConnection;
  readonly sinks = new Map<string, RecordingSink>();
  /** Every `sockets` event this client was sent. */
  readonly socketEvents: SocketsEvent[] = [];

  constructor(readonly app: Crosstalk) {
    this.connection = connectClient(app, {
      sendEvent: (name, payload) => {
        if (name === 'sockets') this.socketEvents.push(payload);
        else if (name === 'consoleStatus')
          this.consoleSink(payload.consoleId).status(payload.kind, payload.message);
      },
      consoleSink: (consoleId) => (data) => this.consoleSink(consoleId).output(data),
    });
  }

  get consoles(): ConsoleSet {
    return this.connection.context.consoles;
  }

  /** The recorder of one console's bytes and statuses. */
  consoleSink(consoleId: string): RecordingSink {
    let sink = this.sinks.get(consoleId);
    if (!sink) {
      const ack = (bytes: number) => this.connection.deliver(consoleId, { op: 'ack', bytes });
      this.sinks.set(consoleId, (sink = new RecordingSink(ack)));
    }
    return sink;
  }

  /** Runs a call through the contract (schema, handler, error shape) and expects success. */
  async call<N extends CallName>(name: N, args: CallArgs<N>): Promise<CallResult<N>> {
    const outcome = await this.connection.call(name, args);
    if (!outcome.ok) {
      throw new Error(`${name} failed: ${outcome.error.code}: ${outcome.error.message}`);
    }
    return outcome.value as CallResult<N>;
  }

  /** Runs a call that must fail, with any (even ill-typed) arguments; returns its error. */
  async fail(name: string, args: unknown): Promise<AppErrorShape> {
    const outcome = await this.connection.call(name, args);
    if (outcome.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(outcome)}`);
    return outcome.error;
  }

  /** A fresh console id, valid for the contract. */
  static consoleId(): string {
    return `it-console-${randomBytes(6).toString('hex')}`;
  }

  typeInto(consoleId: string, text: string): void {
    this.connection.deliver(consoleId, { op: 'input', data: new TextEncoder().encode(text) });
  }
}

/** Containers (any state) whose name is exactly `name`. */
export async function containersNamed(name: string): Promise<Dockerode.ContainerInfo[]> {
  const list = await docker.listContainers({ all: true, filters: { name: [name] } });
  return list.filter((c) => c.Names.includes(`/${name}`));
}

export async function networksNamed(name: string): Promise<Dockerode.NetworkInspectInfo[]> {
  const list = await docker.listNetworks({ filters: { name: [name] } });
  return list.filter((n) => n.Name === name);
}

/** Removes, by force, every container and network carrying this lab id, and the named ones. */
export async function removeTestResources(labId: string, names: string[] = []): Promise<void> {
  const filters = { label: [`${LAB_LABEL}=${labId}`] };
  const labelled = await docker.listContainers({ all: true, filters });
  const named = (await Promise.all(names.map(containersNamed))).flat();
  await Promise.all(
    [...labelled, ...named].map((c) =>
      docker
        .getContainer(c.Id)
        .remove({ force: true })
        .catch(() => undefined),
    ),
  );
  const networks = [
    ...(await docker.listNetworks({ filters })),
    ...(await Promise.all(names.map(networksNamed))).flat(),
  ];
  await Promise.all(
    networks.map((n) =>
      docker
        .getNetwork(n.Id)
        .remove()
        .catch(() => undefined),
    ),
  );
}

/** A TCP port nobody listens on right now. */
export async function freePort(host = '127.0.0.1'): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Runs a command in a container (no TTY) and returns its stdout and stderr. */
export async function execIn(container: string, cmd: string[]): Promise<string> {
  const exec = await docker.getContainer(container).exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
  });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  docker.modem.demuxStream(stream, out, out);
  await new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  return Buffer.concat(chunks).toString('utf8');
}

/** Pids of the processes in `container` whose environment carries this console's id. */
export async function consoleProcesses(container: string, consoleId: string): Promise<number[]> {
  const script = `for p in /proc/[0-9]*; do if tr '\\0' '\\n' < "$p/environ" 2>/dev/null | grep -qx "CROSSTALK_CONSOLE=${consoleId}"; then echo "\${p#/proc/}"; fi; done`;
  const out = await execIn(container, ['sh', '-c', script]);
  return out
    .split('\n')
    .filter((l) => /^\d+$/.test(l.trim()))
    .map(Number);
}

/** Starts a plain container straight on the engine (not through Crosstalk, so unlabelled). */
export async function runUnowned(
  name: string,
  options: Partial<Dockerode.ContainerCreateOptions> = {},
): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    Image: TEST_IMAGE,
    name,
    Tty: true,
    OpenStdin: true,
    Cmd: ['bash'],
    ...options,
  });
  await container.start();
  return container;
}
