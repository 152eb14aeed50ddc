// Pulls from the registry that needs a login, with the credentials a docker credential helper
// keeps (`credHelpers` for one registry, `credsStore` for all): a tiny
// `docker-credential-<name>` on PATH, as `docker login` with Docker Desktop or `pass` leaves
// it, answering `get` with the registry on stdin. What it answers is what the engine is sent.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PullProgress } from '../../../shared/engine-map';
import { testEngines } from '../../../../scripts/test-engines/engines.mjs';
import { docker } from '../../../../test/support';
import { PullSet } from '../images';

const engines = testEngines();
const registry = `127.0.0.1:${engines.authRegistry.port}`;
const PRIVATE = `${registry}/private/crosstalk-test:latest`;
const HELPER = 'crosstalk-it';
let dir: string;

/** A credential helper that knows one registry; `secret` is what it answers for it. */
function writeHelper(secret: string): void {
  const script = join(dir, 'bin', `docker-credential-${HELPER}`);
  writeFileSync(
    script,
    `#!/bin/sh
[ "$1" = get ] || exit 1
read -r server
echo "$server" >> "${join(dir, 'asked')}"
if [ "$server" = "${registry}" ]; then
  printf '{"ServerURL":"%s","Username":"%s","Secret":"%s"}\\n' "$server" "${engines.authRegistry.user}" "${secret}"
else
  echo "credentials not found in native keychain"; exit 1
fi
`,
  );
  chmodSync(script, 0o755);
}

/** A docker config with `config` as its config.json; DOCKER_CONFIG and PATH point at it. */
function useConfig(config: object): void {
  const configDir = mkdtempSync(join(dir, 'config-'));
  writeFileSync(join(configDir, 'config.json'), JSON.stringify(config));
  vi.stubEnv('DOCKER_CONFIG', configDir);
  vi.stubEnv('PATH', `${join(dir, 'bin')}${delimiter}${process.env['PATH'] ?? ''}`);
}

async function pull(): Promise<{ events: PullProgress[]; error: unknown }> {
  const events: PullProgress[] = [];
  const pulls = new PullSet(
    () => docker,
    (p) => events.push(p),
  );
  const error = await pulls.pull(PRIVATE).then(
    () => null,
    (e: unknown) => e,
  );
  return { events, error };
}

const removeImage = () =>
  docker
    .getImage(PRIVATE)
    .remove({ force: true })
    .catch(() => undefined);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'crosstalk-credential-helper-'));
  mkdirSync(join(dir, 'bin'));
  writeFileSync(join(dir, 'asked'), '');
});
afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await removeImage();
});

describe('a credential helper', () => {
  it('credHelpers: the registry’s own helper is asked, and its login pulls', async () => {
    await removeImage();
    writeHelper(engines.authRegistry.password);
    useConfig({ auths: {}, credHelpers: { [registry]: HELPER } });
    const { events, error } = await pull();
    expect(error).toBeNull();
    expect(events.at(-1)).toMatchObject({ done: true, error: null, status: 'Pulled' });
    expect(readFileSync(join(dir, 'asked'), 'utf8')).toContain(registry);
    await expect(docker.getImage(PRIVATE).inspect()).resolves.toBeTruthy();
  });

  it('credsStore: what the store answers is what the engine is sent (a wrong secret is refused)', async () => {
    await removeImage();
    writeHelper('not-the-password');
    useConfig({ auths: {}, credsStore: HELPER });
    const { error } = await pull();
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect((error as { hint: string }).hint).toContain(`docker login ${registry}`);
  });
});
