// The built-in lessons are scenario files: each opens, keeps the step and action ids the
// lesson calls use, and a person's changed copy is read instead (or says why it cannot be).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { describe, expect, it } from 'vitest';
import { singleHostLessonIds as lessonIds } from '../../../shared/lessons';
import { fill, type LabFacts } from '../scenarios/facts';
import { parseScenario } from '../scenarios/parse';
import { builtInLessons, loadLessons } from './catalog';
import { LessonRunner, stepView } from './runner';

const steps = (id: (typeof lessonIds)[number]) =>
  loadLessons('/nonexistent')
    .find((l) => l.id === id)!
    .scenario!.steps.map(stepView);

const facts: LabFacts = {
  docker: null as unknown as Dockerode,
  hostAddress: { address: '172.17.0.1', reason: 'the default bridge’s gateway' },
  publishedAt: { address: '127.0.0.1', reason: 'a local engine' },
  hostIsLocal: true,
  engineKind: 'docker-engine',
  nc: { flavour: 'busybox', canBind: false },
};

describe('the built-in lessons', () => {
  it('open from their files, one per id, in the course order', () => {
    const files = loadLessons('/nonexistent');
    expect(files.map((f) => [f.id, f.error])).toEqual(lessonIds.map((id) => [id, null]));
    for (const f of files) expect(f.scenario!.id).toBe(f.id);
  });

  it('keep the step and action ids the lesson calls use', () => {
    const ids = (id: (typeof lessonIds)[number]) =>
      steps(id).map((s) => [s.id, s.action?.id ?? null, s.check !== null]);
    expect(ids('through-host')).toEqual([
      ['listen', null, true],
      ['connect', null, true],
      ['send', null, true],
    ]);
    expect(ids('legacy-links')).toEqual([
      ['hosts', null, true],
      ['env', null, true],
      ['talk', null, true],
      ['one-way', null, true],
      ['recreate', 'recreate-server', true],
    ]);
    expect(ids('user-networks')).toEqual([
      ['dns', null, true],
      ['talk', null, true],
      ['recreate', 'recreate-server', true],
      ['reconnect', null, true],
    ]);
    expect(ids('bind-addresses')).toEqual([
      ['loopback', null, true],
      ['probe-loopback', 'probe', false],
      ['any', null, true],
      ['probe-any', 'probe', false],
    ]);
  });

  it('show typed actions as commands; a Ctrl-C before one in its pane interrupts first', () => {
    const reconnect = steps('user-networks').find((s) => s.id === 'reconnect')!;
    expect(reconnect.commands).toEqual([
      { container: 'server', text: '{{listen 1234}}' },
      { container: 'client', text: 'nc server 1234', interrupt: true },
    ]);
  });

  it('fill engine facts into their texts: the host, the image’s netcat, the name server', async () => {
    expect(await fill('nc {{host}} 1234 ({{host.why}})', facts)).toBe(
      'nc 172.17.0.1 1234 (the default bridge’s gateway)',
    );
    expect(await fill('{{listen 1234}}', facts)).toBe('nc -lp 1234');
    expect(await fill('{{listener 1234 127.0.0.1}}', facts)).toBe('httpd -f -v -p 127.0.0.1:1234');
    expect(await fill('{{dns.name}} at {{dns example}}', facts)).toBe(
      'Docker’s embedded DNS at 127.0.0.11',
    );
    expect(await fill('{{dns.name}}', { ...facts, engineKind: 'podman' })).toBe(
      'Podman’s aardvark-dns',
    );
  });
});

describe('a changed copy of a lesson', () => {
  const dir = mkdtempSync(join(tmpdir(), 'crosstalk-lessons-'));
  const runner = (files = loadLessons(dir)) =>
    new LessonRunner(
      () => null as unknown as Dockerode,
      async () => facts,
      async () => undefined,
      () => null,
      async () => files,
    );

  it('is read instead of the built-in file', async () => {
    writeFileSync(
      join(dir, 'through-host.yaml'),
      builtInLessons['through-host'].replace('title: 1 · Through the host', 'title: 1 · My way'),
    );
    expect((await runner().list())[0]).toMatchObject({ title: '1 · My way', unsupported: null });
  });

  it('that does not open says its line and reason in place of the steps', async () => {
    writeFileSync(
      join(dir, 'legacy-links.yaml'),
      builtInLessons['legacy-links'].replace('kind: env', 'kind: environment'),
    );
    const view = (await runner().list())[1]!;
    expect(view.unsupported).toMatch(
      /legacy-links\.yaml\) does not open: .*legacy-links\.yaml, line \d+: steps\[1\]\.check\.kind: A check has a kind/,
    );
  });

  it('must keep its id', async () => {
    writeFileSync(
      join(dir, 'user-networks.yaml'),
      builtInLessons['user-networks'].replace('id: user-networks', 'id: my-networks'),
    );
    expect((await runner().list())[2]!.unsupported).toContain(
      'the lesson\'s "id" must be user-networks',
    );
  });
});

describe('placeholders', () => {
  const withText = (text: string) =>
    builtInLessons['through-host'].replace(
      "text: 'Type in the client; the bytes go client → host → server.'",
      `text: '${text}'`,
    );
  const error = (text: string) => {
    try {
      parseScenario(withText(text), 'mine.yaml');
    } catch (e) {
      return (e as Error).message;
    }
    return 'opened';
  };

  it('name a known fact, with the words it takes, on their line', () => {
    expect(error('{{gateway}}')).toMatch(
      /^mine\.yaml, line 48: steps\[2\]\.text: \{\{gateway\}\} names no fact/,
    );
    expect(error('{{listen}}')).toContain('takes 1 to 2 word(s)');
    expect(error('{{listen port}}')).toContain('the port is a number');
    expect(error('{{found}}')).toContain('only in a check\'s "passed" sentence');
    expect(error('{{host')).toContain('not closed');
    expect(error('{{host}} and {{ip server}}')).toBe('opened');
  });
});
