// The engine registry against real engines: the main dockerd (default socket), the test
// Podman and the TLS dockerd, seen through a docker config of the test's own with a context
// for each. Lists them with their kind and whether they answer, switches a client live
// (its console closes with a line saying so), remembers the choice for the next start.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../scripts/test-engines/engines.mjs';
import type { EngineSwitched } from '../../shared/engines';
import type { Snapshot } from '../../shared/model';
import {
  dockerConfigWithTestEngines,
  RecordingSink,
  TEST_IMAGE,
  uniqueName,
  waitUntil,
  writeContext,
  type TestDockerConfig,
} from '../../../test/support';
import { SettingsFile } from './app-settings';
import type { ClientConnection } from './client-connection';
import { gatherDiscoveryInput } from './discovery';
import { EngineRegistry } from './engine-registry';
import { OWNED_LABEL } from './labels';
import { cleanupOwned } from './networks';
import { connectSwitchingClient } from './switching-client';

const podman = new Dockerode({ socketPath: testEngines().podman.socket });
let config: TestDockerConfig;
let settingsDir: string;
const registries: EngineRegistry[] = [];

/** A registry that sees the test's docker config, not the person's, with `env` on top. */
function registry(env: Record<string, string> = {}, requested: string | null = null) {
  const made = new EngineRegistry({
    gather: () => {
      const input = gatherDiscoveryInput();
      const base = { ...input.env };
      for (const key of ['DOCKER_HOST', 'DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH'])
        delete base[key];
      return { ...input, env: { ...base, DOCKER_CONFIG: config.dir, ...env } };
    },
    settings: new SettingsFile(join(settingsDir, 'settings.json')),
    requested,
  });
  registries.push(made);
  return made;
}

beforeAll(() => {
  config = dockerConfigWithTestEngines();
  writeContext(config.dir, 'gone', 'unix:///tmp/crosstalk-no-such-engine.sock');
  settingsDir = mkdtempSync(join(tmpdir(), 'crosstalk-settings-'));
});

afterAll(async () => {
  for (const r of registries) r.stop();
  config?.remove();
  rmSync(settingsDir, { recursive: true, force: true });
  await cleanupOwned(podman);
});

describe('the catalogue', () => {
  it('lists every engine with its kind, TLS and whether it answers, probed in parallel', async () => {
    const engines = registry();
    const started = Date.now();
    const list = await engines.list();
    const took = Date.now() - started;
    const byId = new Map(list.map((e) => [e.id, e]));
    expect(byId.get('default')).toMatchObject({ answers: true, kind: 'docker-engine', tls: false });
    expect(byId.get(`context:${config.podman}`)).toMatchObject({
      name: config.podman,
      answers: true,
      kind: 'podman',
      product: expect.stringMatching(/^Podman \d/),
      tls: false,
    });
    expect(byId.get(`context:${config.tls}`)).toMatchObject({
      answers: true,
      kind: 'docker-engine',
      tls: true,
      endpoint: `tcp://127.0.0.1:${testEngines().tls.port}`,
    });
    expect(byId.get('context:gone')).toMatchObject({
      answers: false,
      problem: { message: expect.stringContaining('socket file does not exist') },
    });
    // Four probes, at most one deadline (1.5 s) and a TLS handshake: in parallel, not in a row.
    expect(took).toBeLessThan(2500);
  });
});

describe('a client switching engines', () => {
  let client: ClientConnection;
  const events: { name: string; payload: unknown }[] = [];
  const sinks = new Map<string, RecordingSink>();
  const sinkOf = (id: string) => sinks.get(id) ?? sinks.set(id, new RecordingSink()).get(id)!;

  afterAll(() => client?.dispose());

  it('closes its consoles with a line saying why, then gets the new engine', async () => {
    const engines = registry({}, config.podman);
    const first = await engines.start();
    expect(first.id).toBe(`context:${config.podman}`);
    client = connectSwitchingClient(engines, {
      sendEvent: (name, payload) => {
        events.push({ name, payload });
        if (name === 'consoleStatus')
          sinkOf(payload.consoleId).status(payload.kind, payload.message);
      },
      consoleSink: (consoleId) => (msg) => {
        if (msg.op === 'output') sinkOf(consoleId).output(msg.data);
      },
    });
    const name = uniqueName('switch');
    const box = await podman.createContainer({
      name,
      Image: TEST_IMAGE,
      Cmd: ['sleep', '300'],
      Labels: { [OWNED_LABEL]: 'true' },
    });
    await box.start();
    const consoleId = `it-console-${name}`;
    await waitUntil(() => client.core.state.container(name), 'the container in Podman’s state');
    const opened = await client.call('openConsole', {
      consoleId,
      container: name,
      mode: 'exec',
      cols: 80,
      rows: 24,
    });
    expect(opened.ok).toBe(true);
    await sinkOf(consoleId).waitForText('#');

    const switched = await client.call('useEngine', { id: `context:${config.tls}` });
    expect(switched).toMatchObject({ ok: true, value: { answers: true, tls: true } });
    expect(sinkOf(consoleId).statuses.at(-1)).toEqual({
      kind: 'ended',
      message: `Crosstalk switched this window from ${config.podman} to ${config.tls}; this console was on ${config.podman}, so it is closed.`,
    });
    const notice = events.find((e) => e.name === 'engineSwitched')!.payload as EngineSwitched;
    expect(notice).toMatchObject({
      from: { id: `context:${config.podman}`, name: config.podman },
      to: { id: `context:${config.tls}` },
      closedConsoles: 1,
    });
    const snapshot = events.findLast((e) => e.name === 'snapshot')!.payload as Snapshot;
    expect(snapshot.engine).toMatchObject({ engineId: `context:${config.tls}`, connected: true });
    expect(snapshot.containers.some((c) => c.name === name)).toBe(false);
    // The calls now go to the TLS engine; Podman's core is stopped (nobody holds it).
    const listed = await client.call('listEngines', undefined);
    expect(listed).toMatchObject({ ok: true, value: { current: `context:${config.tls}` } });
    expect([...engines.running().keys()]).toEqual([`context:${config.tls}`]);
  });

  it('remembers the choice for the next start, unless DOCKER_HOST or --engine says otherwise', async () => {
    const saved = JSON.parse(readFileSync(join(settingsDir, 'settings.json'), 'utf8'));
    expect(saved).toEqual({ engine: `context:${config.tls}` });
    expect((await registry().start()).id).toBe(`context:${config.tls}`);
    const fromEnv = await registry({ DOCKER_HOST: 'unix:///var/run/docker.sock' }).start();
    expect(fromEnv.id).toBe('env');
    expect((await registry({}, 'default').start()).id).toBe('default');
  });

  it('refuses an engine it does not know, saying which it knows', async () => {
    const outcome = await client.call('useEngine', { id: 'context:nowhere' });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'not-found', hint: expect.stringContaining(config.podman) },
    });
    const bad = await client.call('useEngine', { id: '' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
