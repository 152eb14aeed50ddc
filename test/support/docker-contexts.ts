// A docker config folder of the tests' own (never the person's ~/.docker), with a docker
// context for each extra test engine, laid out as `docker context create` lays it out: the
// endpoint in contexts/meta/<sha256 of the name>/meta.json, the TLS files in
// contexts/tls/<same>/docker. Point DOCKER_CONFIG at `dir` and discovery lists them.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEngines } from '../../scripts/test-engines/engines.mjs';

export interface TestDockerConfig {
  /** The folder for DOCKER_CONFIG. */
  dir: string;
  /** Each context's name, as the engine switcher lists it (its id is `context:<name>`). */
  podman: string;
  tls: string;
  remove(): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Stores a context as the docker CLI does; `tlsFrom` is a folder with ca.pem, cert.pem, key.pem. */
export function writeContext(dir: string, name: string, host: string, tlsFrom?: string): void {
  const meta = join(dir, 'contexts', 'meta', sha256(name));
  mkdirSync(meta, { recursive: true });
  writeFileSync(
    join(meta, 'meta.json'),
    JSON.stringify({
      Name: name,
      Metadata: { Description: 'made by a Crosstalk test' },
      Endpoints: { docker: { Host: host, SkipTLSVerify: false } },
    }),
  );
  if (!tlsFrom) return;
  const tls = join(dir, 'contexts', 'tls', sha256(name), 'docker');
  mkdirSync(tls, { recursive: true });
  for (const pem of ['ca.pem', 'cert.pem', 'key.pem'])
    copyFileSync(join(tlsFrom, pem), join(tls, pem));
}

/** A temporary docker config with contexts for the test Podman and the test TLS dockerd. */
export function dockerConfigWithTestEngines(prefix = 'crosstalk-docker-config-'): TestDockerConfig {
  const engines = testEngines();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const podman = `${engines.name}-podman`;
  const tls = `${engines.name}-tls`;
  writeContext(dir, podman, `unix://${engines.podman.socket}`);
  writeContext(dir, tls, `tcp://${engines.tls.host}:${engines.tls.port}`, engines.tls.certDir);
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: {} }));
  return { dir, podman, tls, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
