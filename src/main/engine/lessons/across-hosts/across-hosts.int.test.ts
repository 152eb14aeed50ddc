// Lesson 5 on the two-host lab: each check fails until its step is done, passes after, and
// reset leaves both engines' swarm state as it was.
import type Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useLab, type LabLease } from '../../../../../test/support/lab';
import { listenersOn, runIn } from '../probes';
import { waitUntil } from '../../../../../test/support';
import { AcrossHostsLesson, OVERLAY, acrossHostsLab, type AcrossHostsCheck } from './across-hosts';
import { swarmStateOf } from './swarm';

/** Starts a command in a container and leaves it running (as typing it in a console would). */
const background = (docker: Dockerode, container: string, script: string) =>
  runIn(docker, container, ['sh', '-c', `( ${script} ) >/dev/null 2>&1 </dev/null &`]);
/** A listener that keeps its stdin open (nc ends at EOF) and writes what arrives to a file. */
const listen = (file: string) => `sleep 600 | nc -lp 1234 >${file}`;

/** Asks a check until it passes; fails with what the check last said. */
async function untilOk(lesson: AcrossHostsLesson, id: AcrossHostsCheck, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await lesson.check(id);
    if (r.ok) return r;
    if (Date.now() > deadline)
      throw new Error(`check ${id}: ${r.detail}\n${r.evidence.join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const owned = async (docker: Dockerode) => ({
  containers: (
    await docker.listContainers({
      all: true,
      filters: { label: [`io.crosstalk.lab=${acrossHostsLab}`] },
    })
  ).length,
  networks: (
    await docker.listNetworks({ filters: { label: [`io.crosstalk.lab=${acrossHostsLab}`] } })
  ).length,
});

describe('lesson 5, across hosts, on the two-host lab', () => {
  let lab: LabLease;
  let a: Dockerode;
  let b: Dockerode;
  let lesson: AcrossHostsLesson;

  beforeAll(async () => {
    lab = await useLab();
    [a, b] = lab.engines as [Dockerode, Dockerode];
    lesson = await AcrossHostsLesson.setUp(
      { docker: a, name: 'node1', key: 'lab-node1' },
      { docker: b, name: 'node2', key: 'lab-node2' },
      { image: 'crosstalk-test:latest' },
    );
  }, 90_000);

  afterAll(async () => {
    await lesson?.reset();
    await lab?.release();
  }, 60_000);

  it('finds the underlay from the hosts’ own interfaces', () => {
    expect(lesson.underlay).toEqual({ a: '10.212.0.1', b: '10.212.0.2' });
    expect(lesson.facts()[0]!.value).toBe('node1 at 10.212.0.1');
  });

  it('fails each check until its step is done, then passes, asking both engines', async () => {
    expect((await lesson.check('swarm')).ok).toBe(false);
    await expect(lesson.act('overlay')).rejects.toMatchObject({
      hint: expect.stringContaining('swarm first'),
    });
    const swarm = await lesson.act('swarm');
    expect(swarm.ok, swarm.detail).toBe(true);
    expect(swarm.evidence.join('\n')).toMatch(/node1: swarm active, manager at 10\.212\.0\.1/);

    expect((await lesson.check('overlay')).ok).toBe(false);
    await expect(lesson.act('containers')).rejects.toMatchObject({
      hint: expect.stringContaining('overlay first'),
    });
    const overlay = await lesson.act('overlay');
    expect(overlay.ok, `${overlay.detail} ${overlay.evidence.join(' | ')}`).toBe(true);
    expect(overlay.detail).toMatch(/10\.212\.1[2-9]\d\.\d+\/24|10\.212\.1\d\d\.0\/24/);

    expect((await lesson.check('placement')).ok).toBe(false);
    expect((await lesson.check('talk')).ok).toBe(false);
    const placement = await lesson.act('containers');
    expect(placement.ok, placement.detail).toBe(true);
    // The engines learn each other as VXLAN peers by gossip, within moments.
    const evidence = await waitUntil(
      async () => {
        const text = (await lesson.check('placement')).evidence.join('\n');
        return text.includes('10.212.0.1') && text.includes('10.212.0.2') ? text : null;
      },
      'both underlay addresses among the overlay’s peers',
      10_000,
      200,
    );
    expect(evidence).toMatch(/server on node1: running, overlay 10\.212\.\d+\.\d+/);
    expect(evidence).toMatch(/client on node2: running, overlay 10\.212\.\d+\.\d+/);
    expect(evidence).toContain('10.212.0.1');
    expect(evidence).toContain('10.212.0.2');

    // Not yet talking: the check says so.
    expect((await lesson.check('talk')).ok).toBe(false);
    await background(a, 'server', listen('/tmp/got'));
    await waitUntil(
      async () => (await listenersOn(a, 'server', 1234)).length,
      'nc to listen in server',
    );
    await background(b, 'client', '(echo hold my word; sleep 60) | nc server 1234 >/dev/null');
    const talk = await untilOk(lesson, 'talk');
    expect(talk.detail).toMatch(/client on node2 talks to server on node1 over the overlay/);
    const got = await waitUntil(
      async () => (await runIn(a, 'server', ['cat', '/tmp/got'])).stdout,
      'the words to arrive in the server',
    );
    expect(got).toBe('hold my word\n');

    expect((await lesson.check('published')).ok).toBe(false);
    const published = await lesson.act('publish');
    expect(published.ok).toBe(false); // published, but nobody dialled it yet
    await background(a, 'published', listen('/tmp/got'));
    await waitUntil(
      async () => (await listenersOn(a, 'published', 1234)).length,
      'nc to listen in published',
    );
    await background(
      b,
      'client',
      '(echo through the host; sleep 60) | nc 10.212.0.1 8080 >/dev/null',
    );
    const through = await untilOk(lesson, 'published');
    expect(through.evidence.join('\n')).toMatch(/client \(node2\) → 10\.212\.0\.1:8080/);
  }, 120_000);

  it('reset removes what it made on both engines and leaves the swarm it created', async () => {
    await lesson.reset();
    expect(await owned(a)).toEqual({ containers: 0, networks: 0 });
    expect(await owned(b)).toEqual({ containers: 0, networks: 0 });
    expect((await swarmStateOf(a)).state).toBe('inactive');
    expect((await swarmStateOf(b)).state).toBe('inactive');
    expect((await a.listNetworks()).map((n) => n.Name)).not.toContain(OVERLAY);
  }, 60_000);

  it('reset keeps a swarm that was there before the lesson', async () => {
    await a.swarmInit({
      ListenAddr: '10.212.0.1:2377',
      AdvertiseAddr: '10.212.0.1',
      DefaultAddrPool: ['10.212.128.0/18'],
      SubnetSize: 24,
    });
    try {
      expect((await lesson.act('swarm')).ok).toBe(true);
      await lesson.reset();
      expect((await swarmStateOf(a)).state).toBe('active');
      expect((await swarmStateOf(b)).state).toBe('inactive');
    } finally {
      await a.swarmLeave({ force: true });
    }
  }, 60_000);
});
