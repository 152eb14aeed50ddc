import { randomUUID } from 'node:crypto';
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { establishedConnections, listeningSockets } from './proc-net-tcp';
import { execReader, procReader, readContainerSockets } from './read-sockets';
import type { SocketReader } from './read-sockets';
import { docker } from '../../../../test/support';

const labels = { 'io.crosstalk.owned': 'true', 'io.crosstalk.test': 'read-sockets' };
const created: Dockerode.Container[] = [];

async function run(cmd: string): Promise<{ id: string; pid: number }> {
  const container = await docker.createContainer({
    name: `crosstalk-test-sockets-${randomUUID().slice(0, 8)}`,
    Image: 'crosstalk-test:latest',
    Cmd: ['bash', '-c', cmd],
    Tty: false,
    Labels: labels,
  });
  created.push(container);
  await container.start();
  const { State } = await container.inspect();
  return { id: container.id, pid: State.Pid };
}

/** nc needs a moment after the start to call listen(). */
async function until(read: SocketReader, target: { id: string; pid: number }, port: number) {
  for (let i = 0; i < 50; i++) {
    const listening = listeningSockets(await read(target));
    if (listening.some((l) => l.port === port)) return listening;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`nothing listened on ${port}`);
}

const listener = { ip: '0.0.0.0', port: 1234, family: 4, loopbackOnly: false };

describe('reading a container’s sockets', () => {
  let server: { id: string; pid: number };

  beforeAll(async () => {
    server = await run('nc -lp 1234');
  });

  afterAll(async () => {
    await Promise.all(created.map((c) => c.remove({ force: true }).catch(() => undefined)));
  });

  it('sees the listener through /proc of the container’s process', async () => {
    expect(await until(procReader(), server, 1234)).toContainEqual(listener);
  });

  it('sees the listener through docker exec', async () => {
    expect(await until(execReader(docker), server, 1234)).toContainEqual(listener);
  });

  it('falls back to exec when /proc cannot be read', async () => {
    // A file where /proc should be: ENOTDIR, as unreadable as a hardened /proc.
    const read = readContainerSockets({ docker, hostProc: true, procRoot: '/etc/hostname' });
    expect(await until(read, server, 1234)).toContainEqual(listener);
  });

  it('sees a client’s live connection to the server', async () => {
    const { NetworkSettings } = await docker.getContainer(server.id).inspect();
    const serverIp = NetworkSettings.Networks.bridge?.IPAddress ?? '';
    const client = await run(`sleep 600 | nc ${serverIp} 1234`);
    const established = async () =>
      establishedConnections(await procReader()(client)).filter((c) => c.remotePort === 1234);
    await expect
      .poll(established, { timeout: 5000 })
      .toEqual([expect.objectContaining({ remoteIp: serverIp, state: 'ESTABLISHED' })]);
  });

  it('reads an empty table through docker exec as no sockets, not as a failure', async () => {
    const quiet = await run('sleep 600');
    expect(await execReader(docker)(quiet)).toEqual([]);
  });

  it('rejects clearly for a container that is gone or stopped', async () => {
    const gone = { id: 'f'.repeat(64), pid: 0 };
    await expect(execReader(docker)(gone)).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/no longer exists/),
    });
    await expect(procReader()(gone)).rejects.toBeInstanceOf(AppError);
    // No /proc fallback for a container that is gone: exec would only say the same.
    const both = readContainerSockets({ docker, hostProc: true, procRoot: '/nonexistent' });
    await expect(both({ ...server, id: gone.id })).rejects.toMatchObject({ code: 'not-found' });

    const brief = await run('true');
    await docker.getContainer(brief.id).wait();
    await expect(execReader(docker)({ ...brief, pid: 0 })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/not running/),
    });
  });

  it('gives up on exec after the timeout', async () => {
    await expect(execReader(docker, 1)(server)).rejects.toMatchObject({
      code: 'engine-error',
      message: expect.stringMatching(/no answer within 1 ms/),
    });
  });
});
