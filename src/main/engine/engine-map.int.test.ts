// The engine map for real: discovery on this process's own environment and files,
// then the map read from the local engine, checked against what a container sees.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Dockerode from 'dockerode';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dockerFor } from './connect';
import { discoverEndpoint, gatherDiscoveryInput } from './discovery';
import { bridgeGateway, engineMap } from './engine-map';
import { OWNED_LABEL } from './labels';
import { useLab, type LabLease } from '../../../test/support/lab';
import { ENDPOINT, TEST_IMAGE, socketPath, docker, uniqueName } from '../../../test/support';

/** These tests speak to the engine's socket itself. */
const SOCKET_PATH = socketPath();

/** An empty docker config folder, so a developer's own contexts do not decide the outcome. */
const configDir = mkdtempSync(join(tmpdir(), 'crosstalk-docker-config-'));

function unsetDiscoveryEnv(): void {
  vi.stubEnv('DOCKER_HOST', undefined);
  vi.stubEnv('DOCKER_CONTEXT', undefined);
  vi.stubEnv('DOCKER_MACHINE_NAME', undefined);
  vi.stubEnv('DOCKER_TLS_VERIFY', undefined);
  vi.stubEnv('DOCKER_CERT_PATH', undefined);
  vi.stubEnv('DOCKER_CONFIG', configDir);
}

let container: Dockerode.Container;
/** The bridge gateway as a real container on the default bridge reports it. */
let seenGateway: string;

beforeAll(async () => {
  container = await docker.createContainer({
    name: uniqueName('map'),
    Image: TEST_IMAGE,
    Cmd: ['sleep', '60'],
    Labels: { [OWNED_LABEL]: 'true' },
  });
  await container.start();
  const info = await container.inspect();
  seenGateway = info.NetworkSettings.Networks['bridge']?.Gateway ?? '';
  expect(seenGateway).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
});

afterAll(async () => {
  await container?.remove({ force: true }).catch(() => undefined);
  rmSync(configDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('discovery on this machine', () => {
  it('finds the default socket when nothing else is set', () => {
    unsetDiscoveryEnv();
    expect(discoverEndpoint(gatherDiscoveryInput())).toEqual({
      url: ENDPOINT,
      kind: 'unix',
      socketPath: SOCKET_PATH,
      tls: null,
      source: 'default socket',
      sourceDetail: 'the default socket on Linux',
      contextName: null,
      machineName: null,
    });
  });

  it('follows a real context folder written as `docker context create` would', async () => {
    unsetDiscoveryEnv();
    const name = 'crosstalk-it-local';
    const digest = createHash('sha256').update(name).digest('hex');
    const metaDir = join(configDir, 'contexts', 'meta', digest);
    mkdirSync(metaDir, { recursive: true });
    const meta = { Name: name, Endpoints: { docker: { Host: ENDPOINT, SkipTLSVerify: false } } };
    writeFileSync(join(metaDir, 'meta.json'), JSON.stringify(meta));
    writeFileSync(join(configDir, 'config.json'), JSON.stringify({ currentContext: name }));
    try {
      const endpoint = discoverEndpoint(gatherDiscoveryInput());
      expect(endpoint).toMatchObject({
        url: ENDPOINT,
        kind: 'unix',
        socketPath: SOCKET_PATH,
        source: 'docker context',
        contextName: name,
      });
      // The endpoint found is one the engine answers on.
      expect(String(await dockerFor(endpoint).ping())).toBe('OK');
    } finally {
      rmSync(join(configDir, 'contexts'), { recursive: true, force: true });
      rmSync(join(configDir, 'config.json'), { force: true });
    }
  });
});

describe('engineMap on the local engine', () => {
  it('is a local Linux engine whose bridge gateway is the one containers see', async () => {
    unsetDiscoveryEnv();
    const endpoint = discoverEndpoint(gatherDiscoveryInput());
    const client = dockerFor(endpoint);
    const [map, version, info] = await Promise.all([
      engineMap(client, endpoint),
      docker.version(),
      docker.info(),
    ]);
    expect(map).toEqual({
      endpoint: ENDPOINT,
      link: {
        tls: false,
        label: 'local socket',
        detail: `the unix socket ${SOCKET_PATH}: only this machine’s users with access to the file can use it`,
      },
      product: `Docker Engine ${version.Version}`,
      source: 'default socket',
      sourceDetail: 'the default socket on Linux',
      os: info.OperatingSystem,
      version: version.Version,
      kernel: info.KernelVersion,
      flavour: 'linux-local',
      flavourLabel: 'local Linux engine',
      hostFromContainer: {
        address: seenGateway,
        reason: 'the default bridge’s gateway, which is the host’s docker0 address',
      },
      publishedPortsAt: {
        address: 'localhost',
        reason: 'the engine runs on this machine, so published ports are on its addresses',
      },
    });
    expect(map.version).toMatch(/^\d+\.\d+/);
  });

  it('bridgeGateway agrees with the container on the bridge', async () => {
    expect(await bridgeGateway(docker)).toBe(seenGateway);
  });
});

describe('an engine behind a local socket in another network namespace (the two-host lab)', () => {
  let lab: LabLease;
  beforeAll(async () => {
    lab = await useLab();
  }, 60_000);
  afterAll(async () => lab?.release(), 60_000);

  it('does not claim its published ports are at this machine’s localhost', async () => {
    const node = lab.state.nodes[0]!;
    vi.stubEnv('DOCKER_HOST', node.endpoint);
    const endpoint = discoverEndpoint(gatherDiscoveryInput());
    expect(endpoint.kind).toBe('unix');
    const map = await engineMap(dockerFor(endpoint), endpoint);
    expect(map.publishedPortsAt.address).not.toBe('localhost');
    expect(map.publishedPortsAt.address).toBe(node.name);
    expect(map.flavourLabel).toContain(node.name);
    expect(map.hostFromContainer.address).toBe('10.212.1.1');
  });
});
