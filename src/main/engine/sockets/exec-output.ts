// Runs a short command in a container and collects what it printed: the exec path for reading
// a container's state when the engine's processes are not visible from here.
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type Dockerode from 'dockerode';

export interface ExecOutput {
  stdout: string;
  stderr: string;
  /** null when the engine did not report one. */
  exitCode: number | null;
}

function collector(chunks: Buffer[]): Writable {
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
}

/** Rejects with the engine's error, or with `signal.reason` once `signal` aborts. */
export async function execOutput(
  docker: Dockerode,
  containerId: string,
  cmd: string[],
  signal: AbortSignal,
): Promise<ExecOutput> {
  const exec = await docker.getContainer(containerId).exec({
    Cmd: cmd,
    AttachStdout: true,
    AttachStderr: true,
    // Without a TTY the engine keeps stdout and stderr apart (multiplexed on one stream).
    Tty: false,
    abortSignal: signal,
  });
  const stream = await exec.start({ hijack: true, stdin: false, abortSignal: signal });
  const stop = () => stream.destroy(signal.reason);
  signal.addEventListener('abort', stop, { once: true });
  if (signal.aborted) stop();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  try {
    docker.modem.demuxStream(stream, collector(out), collector(err));
    // Only the output side ends: stdin was never attached.
    await finished(stream, { writable: false });
  } finally {
    signal.removeEventListener('abort', stop);
  }
  const { ExitCode } = await exec.inspect({ abortSignal: signal });
  return {
    stdout: Buffer.concat(out).toString('utf8'),
    stderr: Buffer.concat(err).toString('utf8'),
    exitCode: ExitCode,
  };
}
