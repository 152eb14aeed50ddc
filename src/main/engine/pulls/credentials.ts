// Registry credentials as the docker CLI keeps them in its config (DOCKER_CONFIG
// or ~/.docker/config.json): a per-registry credential helper, a default
// credential store, or the base64 `auth` of `docker login`. Helpers run as
// `docker-credential-NAME get` with the registry on stdin, only when installed.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface AuthConfig {
  username: string;
  password: string;
  serveraddress: string;
}

interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

export function dockerConfigDir(env = process.env): string {
  return env['DOCKER_CONFIG'] || join(homedir(), '.docker');
}

function readConfig(dir: string): DockerConfig {
  try {
    return JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as DockerConfig;
  } catch {
    return {};
  }
}

/** Docker Hub is filed under its old index URL. */
const keysFor = (registry: string) =>
  registry === 'docker.io'
    ? ['https://index.docker.io/v1/', 'index.docker.io', 'docker.io']
    : [registry, `https://${registry}`, `http://${registry}`];

function fromHelper(helper: string, registry: string): AuthConfig | null {
  try {
    const out = execFileSync(`docker-credential-${helper}`, ['get'], {
      input: keysFor(registry)[0],
      encoding: 'utf8',
      timeout: 5000,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const { Username, Secret } = JSON.parse(out) as { Username?: string; Secret?: string };
    return Username && Secret
      ? { username: Username, password: Secret, serveraddress: registry }
      : null;
  } catch {
    // Not installed, or it holds nothing for this registry.
    return null;
  }
}

export function credentialsFor(registry: string, configDir = dockerConfigDir()): AuthConfig | null {
  const config = readConfig(configDir);
  const keys = keysFor(registry);
  const helper = keys.map((k) => config.credHelpers?.[k]).find(Boolean) ?? config.credsStore;
  if (helper) {
    const found = fromHelper(helper, registry);
    if (found) return found;
  }
  for (const key of keys) {
    const entry = config.auths?.[key];
    if (!entry) continue;
    if (entry.auth) {
      const [username, ...rest] = Buffer.from(entry.auth, 'base64').toString('utf8').split(':');
      if (username) return { username, password: rest.join(':'), serveraddress: registry };
    }
    if (entry.username && entry.password)
      return { username: entry.username, password: entry.password, serveraddress: registry };
  }
  return null;
}
