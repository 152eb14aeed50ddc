// Reads a container's TCP sockets, the two ways an engine allows: straight from /proc when
// the engine shares this machine's kernel, through `docker exec` when it does not (a VM,
// Docker Desktop, a remote DOCKER_HOST).
import { readFile } from 'node:fs/promises';
import type Dockerode from 'dockerode';
import { AppError } from '../../../shared/errors';
import { execOutput } from './exec-output';
import type { OwnProcess } from './own-process';
import { parseProcNetTcp, splitProcNetTcp } from './proc-net-tcp';
import type { TcpSocket } from './proc-net-tcp';

export type SocketReader = (container: { id: string; pid: number }) => Promise<TcpSocket[]>;

export interface SocketSource {
  docker: Dockerode;
  /**
   * The engine runs on this machine's kernel and in our PID namespace (a local unix socket
   * on Linux), so a container's State.Pid names the same process here. Never set it for a
   * remote or VM engine: its PIDs would point at unrelated local processes.
   */
  hostProc: boolean;
  /**
   * Not known to share our kernel, but maybe (a unix socket on Linux whose engine has another
   * host name): /proc for each container whose process proves to be ours (see own-process).
   */
  ownProcess?: OwnProcess;
  procRoot?: string;
}

const execTimeoutMs = 2000;

const shortId = (id: string): string => id.slice(0, 12);
const cannotRead = (id: string): string => `Cannot read the sockets of container ${shortId(id)}`;

function parseTables(tcp: string, tcp6: string): TcpSocket[] {
  return [...parseProcNetTcp(tcp, 4), ...parseProcNetTcp(tcp6, 6)];
}

function notRunning(id: string): AppError {
  return new AppError(
    'not-found',
    `Container ${shortId(id)} is not running, so it has no sockets to show.`,
    'Start the container, then look again.',
  );
}

const errnoOf = (error: unknown): unknown => (error as { code?: unknown } | null)?.code;
const statusOf = (error: unknown): unknown =>
  (error as { statusCode?: unknown } | null)?.statusCode;
const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/** /proc/<pid>/net/tcp{,6} of the container's main process show its network namespace. */
export function procReader(procRoot = '/proc'): SocketReader {
  return async ({ id, pid }) => {
    if (!(pid > 0)) throw notRunning(id);
    const dir = `${procRoot}/${pid}/net`;
    // A kernel without IPv6 has no tcp6 table; that is no error.
    const optional = (error: unknown) => (errnoOf(error) === 'ENOENT' ? '' : Promise.reject(error));
    try {
      const [tcp, tcp6] = await Promise.all([
        readFile(`${dir}/tcp`, 'utf8'),
        readFile(`${dir}/tcp6`, 'utf8').catch(optional),
      ]);
      return parseTables(tcp, tcp6);
    } catch (error) {
      const code = errnoOf(error);
      if (code === 'ENOENT' || code === 'ESRCH') throw notRunning(id);
      const denied = code === 'EACCES' || code === 'EPERM';
      throw new AppError(
        'engine-error',
        `${cannotRead(id)} from ${dir}: ${messageOf(error)}`,
        denied
          ? 'Reading another process’s sockets needs root; Crosstalk falls back to docker exec.'
          : '',
      );
    }
  };
}

function execFailure(error: unknown, id: string, timedOut: boolean, timeoutMs: number): AppError {
  const what = cannotRead(id);
  if (timedOut) {
    const hint = 'The container or the engine is busy; try again.';
    return new AppError('engine-error', `${what}: no answer within ${timeoutMs} ms.`, hint);
  }
  if (statusOf(error) === 404) {
    return new AppError('not-found', `${what}: it no longer exists.`, 'Refresh the list.');
  }
  if (statusOf(error) === 409) return notRunning(id);
  return new AppError('engine-error', `${what}: ${messageOf(error)}`);
}

/** Runs `cat /proc/net/tcp /proc/net/tcp6` in the container; the image needs a `cat`. */
export function execReader(docker: Dockerode, timeoutMs = execTimeoutMs): SocketReader {
  return async ({ id }) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const cmd = ['cat', '/proc/net/tcp', '/proc/net/tcp6'];
    const output = await execOutput(docker, id, cmd, signal).catch((error: unknown) => {
      throw execFailure(error, id, signal.aborted, timeoutMs);
    });
    const { tcp, tcp6 } = splitProcNetTcp(output.stdout);
    // No header at all: cat did not run or could not read the table. A header alone is fine.
    if (tcp === null) {
      // e.g. "OCI runtime exec failed: ... "cat": executable file not found" (exit 126/127).
      const said = `${output.stdout}${output.stderr}`.trim();
      throw new AppError(
        'engine-error',
        `${cannotRead(id)}: \`cat /proc/net/tcp\` failed (exit code ${output.exitCode ?? 'unknown'}).`,
        said ? `The container said: ${said}` : 'The image needs a `cat` command.',
      );
    }
    return parseTables(tcp, tcp6 ?? '');
  };
}

/**
 * The reader for an engine: /proc when it shares our kernel (no process started in the
 * container), falling back to exec when /proc is not readable (not root, hardened /proc).
 * With `ownProcess`, /proc only for the containers whose process proves to be ours.
 */
export function readContainerSockets(source: SocketSource): SocketReader {
  const viaExec = execReader(source.docker);
  if (!source.hostProc && !source.ownProcess) return viaExec;
  const viaProc = procReader(source.procRoot);
  // A stopped or removed container fails the same way over exec: no second round trip.
  const gone = (error: unknown) => error instanceof AppError && error.code === 'not-found';
  const procOrExec: SocketReader = (container) =>
    viaProc(container).catch((error: unknown) =>
      gone(error) ? Promise.reject(error) : viaExec(container),
    );
  const { ownProcess } = source;
  if (source.hostProc || !ownProcess) return procOrExec;
  return async (container) =>
    (await ownProcess(container)) ? procOrExec(container) : viaExec(container);
}
