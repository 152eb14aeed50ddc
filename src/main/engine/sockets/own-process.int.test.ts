// A dockerd in namespaces of its own on this kernel (the two-host lab's node1): its containers'
// processes are ours, so their sockets are read from /proc, not by docker exec; a pid that is
// not the container's is refused.
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_IMAGE, uniqueName } from '../../../../test/support';
import { useLab, type LabLease } from '../../../../test/support/lab';
import { ownProcessCheck } from './own-process';
import { listeningSockets } from './proc-net-tcp';
import { readContainerSockets } from './read-sockets';

describe('sockets of a container on a namespaced engine of this kernel', () => {
  let lab: LabLease;
  let node1: Dockerode;
  let server: { id: string; pid: number };

  beforeAll(async () => {
    lab = await useLab();
    node1 = lab.engines[0]!;
    const container = await node1.createContainer({
      name: uniqueName('own-process'),
      Image: TEST_IMAGE,
      Cmd: ['nc', '-lp', '1234'],
      Labels: { 'io.crosstalk.owned': 'true' },
    });
    await container.start();
    server = { id: container.id, pid: (await container.inspect()).State.Pid };
  }, 60_000);

  afterAll(async () => {
    await node1?.getContainer(server.id).remove({ force: true });
    await lab?.release();
  });

  it('proves the process is the container’s, and no other', async () => {
    const own = ownProcessCheck();
    expect(await own(server)).toBe(true);
    expect(await own({ id: server.id, pid: process.pid })).toBe(false);
    expect(await own({ id: server.id, pid: 0 })).toBe(false);
  });

  it('reads the listener from /proc, without starting a process in the container', async () => {
    let checked = 0;
    const read = readContainerSockets({
      docker: node1,
      hostProc: false,
      ownProcess: async (c) => (checked++, ownProcessCheck()(c)),
    });
    for (let i = 0; i < 50; i++) {
      if (listeningSockets(await read(server)).some((l) => l.port === 1234)) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(listeningSockets(await read(server))).toContainEqual(
      expect.objectContaining({ port: 1234 }),
    );
    expect(checked).toBeGreaterThan(0);
    // docker exec would have left an exec instance behind on the container.
    expect((await node1.getContainer(server.id).inspect()).ExecIDs ?? []).toEqual([]);
  });
});
