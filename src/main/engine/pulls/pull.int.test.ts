// Pulls from real registries (Debian's docker-registry on loopback, started by
// the test set-up): credentials from a docker config, cancel, and each failure
// with its own message and hint — not found, unauthorized, unreachable, and an
// insecure registry the engine (Podman, by its registries.conf) will not use.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { PullProgress } from '../../../shared/engine-map';
import { testEngines } from '../../../../scripts/test-engines/engines.mjs';
import { docker, freePort } from '../../../../test/support';
import { PullSet } from '../images';

const engines = testEngines();
const open = `127.0.0.1:${engines.registry.port}`;
const auth = `127.0.0.1:${engines.authRegistry.port}`;
const PRIVATE = `${auth}/private/crosstalk-test:latest`;
const BIG = `${open}/crosstalk-big:latest`;
const emptyConfig = mkdtempSync(join(tmpdir(), 'crosstalk-no-logins-'));
const loginConfig = join(engines.dir, 'registry', 'docker-config');

function pullsOn(engine: Dockerode) {
  const events: PullProgress[] = [];
  return {
    pulls: new PullSet(
      () => engine,
      (p) => events.push(p),
    ),
    events,
  };
}

const removeImage = (engine: Dockerode, ref: string) =>
  engine
    .getImage(ref)
    .remove({ force: true })
    .catch(() => undefined);

interface Failure {
  code: string;
  message: string;
  hint: string;
}
/** A pull that must fail: its error; one that succeeded fails the test. */
const asFailure = (e: unknown): Failure => e as Failure;
const failing = async (p: Promise<void>): Promise<Failure> => {
  const outcome = await p.then(() => null, asFailure);
  if (!outcome) throw new Error('the pull unexpectedly succeeded');
  return outcome;
};

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  rmSync(emptyConfig, { recursive: true, force: true });
  await Promise.all([removeImage(docker, PRIVATE), removeImage(docker, BIG)]);
});

describe('pulling from a registry that needs a login', () => {
  it('sends the credentials `docker login` left in the docker config', async () => {
    await removeImage(docker, PRIVATE);
    vi.stubEnv('DOCKER_CONFIG', loginConfig);
    const { pulls, events } = pullsOn(docker);
    await pulls.pull(PRIVATE);
    expect(events.at(-1)).toMatchObject({ done: true, error: null, status: 'Pulled' });
    await expect(docker.getImage(PRIVATE).inspect()).resolves.toBeTruthy();
  });

  it('without them: unauthorized, with the engine’s words and `docker login` as the hint', async () => {
    await removeImage(docker, PRIVATE);
    vi.stubEnv('DOCKER_CONFIG', emptyConfig);
    const { pulls, events } = pullsOn(docker);
    const error = await failing(pulls.pull(PRIVATE));
    expect(error).toMatchObject({ code: 'unauthorized' });
    expect(error.message).toContain(`${auth} wants a login`);
    expect(error.message).toMatch(
      /the engine said: .*(unauthorized|authentication required|no basic auth)/i,
    );
    expect(error.hint).toContain(`docker login ${auth}`);
    expect(events.at(-1)).toMatchObject({ done: true, error: { code: 'unauthorized' } });
  });
});

describe('each failure has its own hint', () => {
  it('not found: the registry answered but has no such tag', async () => {
    const { pulls } = pullsOn(docker);
    const error = await failing(pulls.pull(`${open}/crosstalk-big:no-such-tag`));
    expect(error.code).toBe('image-missing');
    expect(error.message).toContain('has no such image or tag');
    expect(error.message).toContain('manifest unknown');
    expect(error.hint).toContain('Check the name and the tag');
  });

  it('unreachable: nothing listens where the registry should be', async () => {
    const { pulls } = pullsOn(docker);
    const error = await failing(pulls.pull(`127.0.0.1:${await freePort()}/nothing:latest`));
    expect(error.code).toBe('engine-unreachable');
    expect(error.message).toContain('the engine cannot reach');
    expect(error.message).toContain('connection refused');
    expect(error.hint).toContain('the engine, not this app, connects to it');
  });

  it('insecure: Podman will not pull over plain HTTP from a registry its registries.conf does not mark', async () => {
    const podman = new Dockerode({ socketPath: engines.podman.socket });
    const { pulls } = pullsOn(podman);
    const error = await failing(
      pulls.pull(`localhost:${engines.registry.port}/crosstalk-big:latest`),
    );
    expect(error.message).toContain('speaks plain HTTP');
    expect(error.hint).toContain('registries.conf');
  });
});

describe('cancel', () => {
  it('stops a pull under way: it fails as cancelled and the image is not there', async () => {
    await removeImage(docker, BIG);
    const { pulls, events } = pullsOn(docker);
    const pulling = failing(pulls.pull(BIG));
    const deadline = Date.now() + 30_000;
    while (!events.some((e) => e.current > 0) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    pulls.cancel(BIG);
    expect((await pulling).message).toBe(`The pull of ${BIG} was cancelled.`);
    await expect(docker.getImage(BIG).inspect()).rejects.toThrow();
  });
});
