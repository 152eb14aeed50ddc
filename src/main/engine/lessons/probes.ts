// The ways a lesson checks the engine's truth: run a short command inside a
// container, read a file there, read its sockets, its logs, or connect from
// this host to a published port on loopback.
import { connect } from 'node:net';
import type Dockerode from 'dockerode';
import { terminalText } from '../../../shared/terminal-text';
import { execOutput, type ExecOutput } from '../sockets/exec-output';
import {
  listeningSockets,
  parseProcNetTcp,
  splitProcNetTcp,
  type TcpSocket,
} from '../sockets/proc-net-tcp';

const EXEC_TIMEOUT_MS = 4000;

export async function runIn(
  docker: Dockerode,
  container: string,
  cmd: string[],
  timeoutMs = EXEC_TIMEOUT_MS,
): Promise<ExecOutput> {
  return execOutput(docker, container, cmd, AbortSignal.timeout(timeoutMs));
}

export async function readFileIn(
  docker: Dockerode,
  container: string,
  path: string,
): Promise<string> {
  const out = await runIn(docker, container, ['cat', path]);
  if (out.exitCode !== 0)
    throw new Error(`cat ${path} in ${container} failed: ${out.stderr.trim()}`);
  return out.stdout;
}

/** The container's TCP sockets, read inside its network namespace. */
export async function socketsOf(docker: Dockerode, container: string): Promise<TcpSocket[]> {
  const text = await runIn(docker, container, ['cat', '/proc/net/tcp', '/proc/net/tcp6']);
  const { tcp, tcp6 } = splitProcNetTcp(text.stdout);
  return [...parseProcNetTcp(tcp ?? '', 4), ...parseProcNetTcp(tcp6 ?? '', 6)];
}

export async function listenersOn(docker: Dockerode, container: string, port: number) {
  return listeningSockets(await socketsOf(docker, container)).filter((s) => s.port === port);
}

/**
 * Recent output of a TTY container: what its console shows, from the engine's log, as plain
 * lines (the log holds the shell's escape codes and redraws; checks match and show the text).
 */
export async function recentOutput(docker: Dockerode, container: string): Promise<string> {
  const logs = (await docker
    .getContainer(container)
    .logs({ stdout: true, stderr: true, follow: false, tail: 500 })) as Buffer;
  return terminalText(logs.toString('utf8'));
}

/** Whether a container's console has shown this text (its recent output has it). */
export async function printed(
  docker: Dockerode,
  container: string,
  text: string,
): Promise<boolean> {
  return (await recentOutput(docker, container)).includes(text);
}

/** Can `from` open a TCP connection to host:port? Runs netcat inside `from`. */
export async function tcpFrom(
  docker: Dockerode,
  from: string,
  host: string,
  port: number,
): Promise<boolean> {
  const out = await runIn(docker, from, [
    'sh',
    '-c',
    `nc -w 1 ${host} ${port} </dev/null >/dev/null 2>&1`,
  ]);
  return out.exitCode === 0;
}

/**
 * Connects from this host to a published port on loopback (the only host-side
 * target). Docker's userland proxy accepts first and closes at once when the
 * container refuses, so only a connection that stays open counts.
 */
export function tcpFromHost(
  host: '127.0.0.1',
  port: number,
  settleMs = 300,
  timeoutMs = 1000,
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    let settled = false;
    const done = (ok: boolean) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => setTimeout(() => done(true), settleMs));
    socket.once('end', () => done(false));
    socket.once('close', () => done(false));
    socket.once('error', () => done(false));
  });
}
