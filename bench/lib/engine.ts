// The benchmarks' side of the engine: the e2e tests' dockerode, the app's own ownership
// labels and labelled clean-up, and raw TTY attaches (the floor any tool here pays).
import type { Duplex } from 'node:stream';
import type Dockerode from 'dockerode';
import { docker } from '../../e2e/engine';
import { ownershipLabels } from '../../src/main/engine/labels';
import { cleanupOwned } from '../../src/main/engine/networks';

export { docker };
export const IMAGE = process.env['BENCH_IMAGE'] ?? 'crosstalk-test:latest';
export const LAB = 'bench-console';
export const LABELS = ownershipLabels(LAB);
/** The benches' own network: containers never depend on the engine's default bridge. */
export const BENCH_NETWORK = 'bench-net';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Removes what the benchmarks made and the lesson they set up, by their labels. */
export async function cleanup(): Promise<void> {
  await cleanupOwned(docker, LAB);
  await cleanupOwned(docker, 'lesson-user-networks');
}

export async function createNetwork(name = BENCH_NETWORK): Promise<void> {
  await docker.createNetwork({ Name: name, Labels: LABELS });
}

/** `docker run -dit` with the bench labels: a TTY and open stdin, so consoles attach. */
export async function runContainer(opts: {
  name: string;
  cmd: string[];
  network?: string;
}): Promise<Dockerode.Container> {
  const container = await docker.createContainer({
    name: opts.name,
    Image: IMAGE,
    Cmd: opts.cmd,
    Tty: true,
    OpenStdin: true,
    Labels: LABELS,
    HostConfig: { NetworkMode: opts.network ?? BENCH_NETWORK },
  });
  await container.start();
  return container;
}

/** A raw TTY attach through dockerode. */
export async function attach(name: string): Promise<Duplex> {
  return (await docker.getContainer(name).attach({
    stream: true,
    stdin: true,
    stdout: true,
    stderr: true,
    hijack: true,
  })) as Duplex;
}

/** Resolves when `text` has arrived on `stream` (checking across chunk borders). */
export function waitFor(stream: Duplex, text: string, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let tail = '';
    const timer = setTimeout(() => done(new Error(`timed out waiting for ${text}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      tail = (tail + chunk.toString('latin1')).slice(-4096);
      if (tail.includes(text)) done(null);
    };
    const done = (error: Error | null) => {
      clearTimeout(timer);
      stream.off('data', onData);
      if (error) reject(error);
      else resolve();
    };
    stream.on('data', onData);
  });
}
