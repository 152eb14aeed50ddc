// `lab up` / `lab down` three times in a row leave no namespace, link, mount or process behind.
// Runs as root against the real kernel and real daemons; a lab that was up before (as `.ci/run`
// starts one) is brought up again afterwards.
import { execFileSync } from 'node:child_process';
import Dockerode from 'dockerode';
import { docker as main } from '../../../test/support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { labTraces } from './host-facts';
import { labDown, labStatus, labUp } from './two-hosts';

const hostLinks = (): string[] =>
  execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.split(':')[1]?.trim().split('@')[0] ?? '')
    .filter((name) => name !== '');

describe('the two-host lab', () => {
  let wasUp = false;
  beforeAll(async () => {
    wasUp = (await labStatus()).up;
    if (wasUp) await labDown();
  }, 60_000);
  afterAll(async () => {
    if (wasUp) await labUp({ main });
  }, 60_000);

  it('comes up with two answering engines and goes down leaving no trace, three times', async () => {
    const linksBefore = hostLinks();
    for (let round = 1; round <= 3; round++) {
      const { state, started } = await labUp({ main });
      expect(started).toBe(true);
      const status = await labStatus();
      expect(status.up).toBe(true);
      expect(status.nodes.map((n) => n.engineName)).toEqual([
        'crosstalk-lab-node1',
        'crosstalk-lab-node2',
      ]);
      // The image is in both, and the nodes reach each other over the underlay only.
      for (const node of state.nodes) {
        const images = await new Dockerode({ socketPath: node.socketPath }).listImages();
        expect(images.flatMap((i) => i.RepoTags ?? [])).toContain('crosstalk-test:latest');
      }
      // What is up is what the check below looks for, so an empty result after `down` means something.
      const up = labTraces();
      expect(up.namespaces).toHaveLength(2);
      expect(up.processes.length).toBeGreaterThanOrEqual(4); // two dockerd, two containerd
      expect(up.mounts.length).toBeGreaterThanOrEqual(2);
      // No end of the veth pair and no bridge of the lab appears on this host.
      expect(
        hostLinks().filter(
          (l) => !linksBefore.includes(l) && /^(eth0|docker0|docker_gwbridge)$/.test(l),
        ),
      ).toEqual([]);

      const down = await labDown();
      expect(down.stopped).toHaveLength(2);
      expect(labTraces()).toEqual({ namespaces: [], mounts: [], processes: [] });
      expect((await labStatus()).up).toBe(false);
    }
  }, 180_000);

  it('refuses to build a second lab beside a healthy one: up twice is up once', async () => {
    await labUp({ main });
    const again = await labUp({ main });
    expect(again.started).toBe(false);
    await labDown();
    expect(labTraces()).toEqual({ namespaces: [], mounts: [], processes: [] });
  }, 120_000);
});
