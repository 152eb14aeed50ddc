// A TLS dockerd on loopback (started by the test set-up, openssl-made CA, server
// and client certificates): found through DOCKER_HOST + DOCKER_TLS_VERIFY +
// DOCKER_CERT_PATH, DOCKER_CONTEXT and the current context; and every way the link
// can fail, each with what happened and what to do.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../../../scripts/test-engines/engines.mjs';
import { targetFor } from './connect';
import { discoverEndpoint, gatherDiscoveryInput } from './discovery';
import { engineMap } from './engine-map';
import { LiveState } from './live-state';
import { freePort } from '../../../test/support';

const { tls } = testEngines();
const TLS_URL = `tcp://${tls.host}:${tls.port}`;
const certs = (which: string) => join(tls.certDir, '..', which);
const configDir = mkdtempSync(join(tmpdir(), 'crosstalk-tls-config-'));
const states: LiveState[] = [];

function useEnv(env: Record<string, string | undefined>): void {
  for (const name of [
    'DOCKER_HOST',
    'DOCKER_CONTEXT',
    'DOCKER_TLS_VERIFY',
    'DOCKER_CERT_PATH',
    'DOCKER_TLS',
  ])
    vi.stubEnv(name, undefined);
  vi.stubEnv('DOCKER_CONFIG', configDir);
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
}

/** Discovers from the environment as the app does, connects once, and returns the state. */
async function connectFromEnvironment(): Promise<LiveState> {
  const endpoint = discoverEndpoint(gatherDiscoveryInput());
  const state = new LiveState(targetFor(endpoint));
  states.push(state);
  await state.start();
  return state;
}

const tlsEnv = (certDir: string, host = TLS_URL) => ({
  DOCKER_HOST: host,
  DOCKER_TLS_VERIFY: '1',
  DOCKER_CERT_PATH: certDir,
});

/** A docker context named `name` for the TLS engine, as `docker context create` writes it. */
function writeContext(name: string): void {
  const id = createHash('sha256').update(name).digest('hex');
  const meta = join(configDir, 'contexts', 'meta', id);
  mkdirSync(meta, { recursive: true });
  writeFileSync(
    join(meta, 'meta.json'),
    JSON.stringify({
      Name: name,
      Metadata: {},
      Endpoints: { docker: { Host: TLS_URL, SkipTLSVerify: false } },
    }),
  );
  const tlsDir = join(configDir, 'contexts', 'tls', id, 'docker');
  mkdirSync(tlsDir, { recursive: true });
  cpSync(tls.certDir, tlsDir, { recursive: true });
}

let silent: Server;
let silentPort: number;
let plain: Server;
let plainPort: number;

beforeAll(async () => {
  writeContext('crosstalk-tls');
  // Accepts and never answers: a timeout, not a refusal.
  silent = createServer(() => undefined);
  // Answers in plain HTTP: what a TLS client meets on a non-TLS port.
  plain = createServer((socket) =>
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'),
  );
  [silentPort, plainPort] = [await freePort(), await freePort()];
  await new Promise<void>((r) => silent.listen(silentPort, '127.0.0.1', r));
  await new Promise<void>((r) => plain.listen(plainPort, '127.0.0.1', r));
});

afterEach(() => {
  states.splice(0).forEach((s) => s.stop());
  vi.unstubAllEnvs();
});

afterAll(() => {
  silent?.close();
  plain?.close();
  rmSync(configDir, { recursive: true, force: true });
});

describe('a TLS engine is found and connected', () => {
  it('through DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH; the map says the link is TLS', async () => {
    useEnv(tlsEnv(tls.certDir));
    const state = await connectFromEnvironment();
    expect(state.status()).toMatchObject({
      connected: true,
      endpoint: TLS_URL,
      source: 'DOCKER_HOST',
    });
    const map = await engineMap(state.docker, discoverEndpoint(gatherDiscoveryInput()));
    expect(map.link).toMatchObject({ tls: true, label: 'TLS' });
    expect(map.link.detail).toContain(join(tls.certDir, 'cert.pem'));
    expect(map.flavour).toBe('linux-local');
  });

  it('through DOCKER_CONTEXT, and through the config’s currentContext', async () => {
    useEnv({ DOCKER_CONTEXT: 'crosstalk-tls' });
    expect((await connectFromEnvironment()).status()).toMatchObject({
      connected: true,
      endpoint: TLS_URL,
      source: 'DOCKER_CONTEXT',
    });
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({ currentContext: 'crosstalk-tls' }),
    );
    try {
      useEnv({});
      expect((await connectFromEnvironment()).status()).toMatchObject({
        connected: true,
        endpoint: TLS_URL,
        source: 'docker context',
      });
    } finally {
      rmSync(join(configDir, 'config.json'));
    }
  });
});

describe('each failure says what happened and what to do', () => {
  const failure = async (env: Record<string, string>) => {
    useEnv(env);
    const state = await connectFromEnvironment();
    expect(state.isConnected).toBe(false);
    return state.status().error!;
  };

  it('a wrong CA: the engine’s certificate is signed by an unknown authority', async () => {
    const error = await failure(tlsEnv(certs('wrong-ca')));
    expect(error.message).toContain('signed by an unknown authority');
    expect(error.message).not.toContain('No Docker engine answered');
    expect(error.hint).toContain('ca.pem of the CA that signed the engine’s certificate');
  });

  it('a client certificate the engine rejects', async () => {
    const error = await failure(tlsEnv(certs('rogue-client')));
    expect(error.message).toContain('refused this client’s certificate');
    expect(error.message).toContain('client authentication (--tlsverify)');
    expect(error.hint).toContain('Check your TLS client certification settings');
  });

  it('missing certificate files: named, not a bare ENOENT', async () => {
    const error = await failure(tlsEnv('/nonexistent/crosstalk-certs'));
    expect(error.message).toBe(
      'The TLS CA certificate /nonexistent/crosstalk-certs/ca.pem (found through DOCKER_HOST) does not exist.',
    );
    expect(error.hint).toContain('DOCKER_CERT_PATH');
  });

  it('plain HTTP to the TLS port', async () => {
    const error = await failure({ DOCKER_HOST: TLS_URL });
    expect(error.message).toContain('speaks TLS, but Crosstalk connected with plain HTTP');
    expect(error.hint).toContain('DOCKER_TLS_VERIFY=1');
  });

  it('TLS to a port that speaks plain HTTP', async () => {
    const error = await failure(tlsEnv(tls.certDir, `tcp://127.0.0.1:${plainPort}`));
    expect(error.message).toContain('does not speak TLS');
    expect(error.hint).toContain('Unset DOCKER_TLS_VERIFY');
  });

  it('nothing listening: refused', async () => {
    const error = await failure(tlsEnv(tls.certDir, `tcp://127.0.0.1:${await freePort()}`));
    expect(error.message).toMatch(
      /^No engine answered at tcp:\/\/127\.0\.0\.1:\d+ \(from DOCKER_HOST\): nothing listens there/,
    );
    expect(error.hint).toContain('Start the engine there');
  });

  it('no answer in time', async () => {
    const error = await failure(tlsEnv(tls.certDir, `tcp://127.0.0.1:${silentPort}`));
    expect(error.message).toContain('No answer from');
    expect(error.hint).toContain('firewall');
  });
});
