// Which engine to talk to, found the way the docker CLI finds it: DOCKER_HOST,
// then DOCKER_CONTEXT, then the current context in the CLI's config, then the
// platform's default socket. Pure: all I/O comes in through DiscoveryInput.
import { createHash } from 'node:crypto';
import { join } from 'node:path';

export interface DiscoveryInput {
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  readFile(path: string): string | null;
  listDir(path: string): string[];
  dockerMachineIp?: string | null;
}

export interface EngineEndpoint {
  url: string;
  kind: 'unix' | 'tcp' | 'npipe' | 'ssh';
  socketPath?: string;
  host?: string;
  port?: number;
  tls: { verify: boolean; caPath?: string; certPath?: string; keyPath?: string } | null;
  source: 'DOCKER_HOST' | 'DOCKER_CONTEXT' | 'docker context' | 'docker-machine' | 'default socket';
  sourceDetail: string;
  contextName: string | null;
  machineName: string | null;
}

type Source = EngineEndpoint['source'];

// Without DOCKER_CERT_PATH the CLI looks for certificates in its config folder.
function tlsFrom(env: DiscoveryInput['env'], configDir: string): EngineEndpoint['tls'] {
  const verify = Boolean(env['DOCKER_TLS_VERIFY']);
  const certDir = env['DOCKER_CERT_PATH'] || configDir;
  if (!verify && !env['DOCKER_CERT_PATH']) return null;
  return {
    verify,
    caPath: join(certDir, 'ca.pem'),
    certPath: join(certDir, 'cert.pem'),
    keyPath: join(certDir, 'key.pem'),
  };
}

/** Parses a Docker host URL; throws a clear error for anything else. */
export function parseHost(
  url: string,
  tls: EngineEndpoint['tls'],
  base: {
    source: Source;
    sourceDetail: string;
    contextName: string | null;
    machineName: string | null;
  },
): EngineEndpoint {
  const m = /^([a-z]+):\/\/(.*)$/.exec(url.trim());
  if (!m)
    throw new Error(
      `"${url}" is not a Docker host URL. Use unix:///path, tcp://host:port or ssh://user@host.`,
    );
  const [, scheme, rest] = m as unknown as [string, string, string];
  switch (scheme) {
    case 'unix':
      return { ...base, url, kind: 'unix', socketPath: rest || '/var/run/docker.sock', tls: null };
    case 'npipe':
      return { ...base, url, kind: 'npipe', socketPath: rest.replace(/\//g, '\\'), tls: null };
    case 'tcp':
    case 'http':
    case 'https': {
      // host, host:port, [v6] or [v6]:port; a port must be a number.
      const hp = /^(?:\[([^\]]+)\]|([^:/[\]]+))(?::(\d+))?\/?$/.exec(rest);
      const host = hp?.[1] ?? hp?.[2];
      if (!host)
        throw new Error(
          `"${url}" names no host and port. Write tcp://host:port, e.g. tcp://192.168.99.100:2376.`,
        );
      const secure = tls !== null || scheme === 'https';
      const port = hp?.[3] ? Number(hp[3]) : secure ? 2376 : 2375;
      return {
        ...base,
        url: `tcp://${host.includes(':') ? `[${host}]` : host}:${port}`,
        kind: 'tcp',
        host,
        port,
        tls: secure ? (tls ?? { verify: false }) : null,
      };
    }
    case 'ssh': {
      const hp = /^(?:[^@]+@)?\[?([^\]/:]+)\]?(?::(\d+))?/.exec(rest);
      if (!hp?.[1]) throw new Error(`"${url}" names no host.`);
      return {
        ...base,
        url,
        kind: 'ssh',
        host: hp[1],
        port: hp[2] ? Number(hp[2]) : 22,
        tls: null,
      };
    }
    default:
      throw new Error(
        `"${url}" uses the scheme ${scheme}://, which Docker does not know. Use unix://, tcp:// or ssh://.`,
      );
  }
}

function defaultSocket(input: DiscoveryInput): EngineEndpoint {
  const base = { source: 'default socket' as const, contextName: null, machineName: null };
  if (input.platform === 'win32') {
    return {
      ...base,
      url: 'npipe:////./pipe/docker_engine',
      kind: 'npipe',
      socketPath: '\\\\.\\pipe\\docker_engine',
      tls: null,
      sourceDetail: 'the default named pipe on Windows',
    };
  }
  // Docker Desktop on macOS keeps its socket in the home folder.
  const desktop = join(input.homeDir, '.docker', 'run');
  if (input.platform === 'darwin' && input.listDir(desktop).includes('docker.sock')) {
    const path = join(desktop, 'docker.sock');
    return {
      ...base,
      url: `unix://${path}`,
      kind: 'unix',
      socketPath: path,
      tls: null,
      sourceDetail: 'Docker Desktop’s socket in ~/.docker/run',
    };
  }
  return {
    ...base,
    url: 'unix:///var/run/docker.sock',
    kind: 'unix',
    socketPath: '/var/run/docker.sock',
    tls: null,
    sourceDetail: `the default socket on ${input.platform === 'darwin' ? 'macOS' : 'Linux'}`,
  };
}

function fromContext(
  input: DiscoveryInput,
  name: string,
  source: Source,
  why: string,
): EngineEndpoint {
  if (name === 'default')
    return {
      ...defaultSocket(input),
      source,
      sourceDetail: `${why}: "default", the default socket`,
      contextName: name,
    };
  const configDir = input.env['DOCKER_CONFIG'] || join(input.homeDir, '.docker');
  const digest = createHash('sha256').update(name).digest('hex');
  const raw = input.readFile(join(configDir, 'contexts', 'meta', digest, 'meta.json'));
  if (raw === null) {
    throw new Error(
      `The docker context "${name}" (${why}) does not exist. List contexts with \`docker context ls\`, or unset it.`,
    );
  }
  let host: string | undefined;
  let skipVerify = false;
  try {
    const meta = JSON.parse(raw) as {
      Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
    };
    host = meta.Endpoints?.docker?.Host;
    skipVerify = meta.Endpoints?.docker?.SkipTLSVerify === true;
  } catch {
    throw new Error(`The docker context "${name}" has an unreadable meta.json.`);
  }
  if (!host) throw new Error(`The docker context "${name}" names no Docker endpoint.`);
  const tlsDir = join(configDir, 'contexts', 'tls', digest, 'docker');
  const files = input.listDir(tlsDir);
  // A context may hold only some of the files (a CA without a client certificate).
  let tls: EngineEndpoint['tls'] = null;
  if (files.includes('ca.pem') || files.includes('cert.pem')) {
    tls = { verify: !skipVerify };
    if (files.includes('ca.pem')) tls.caPath = join(tlsDir, 'ca.pem');
    if (files.includes('cert.pem')) tls.certPath = join(tlsDir, 'cert.pem');
    if (files.includes('key.pem')) tls.keyPath = join(tlsDir, 'key.pem');
  }
  return parseHost(host, tls, {
    source,
    sourceDetail: `${why}: "${name}" → ${host}`,
    contextName: name,
    machineName: null,
  });
}

export function discoverEndpoint(input: DiscoveryInput): EngineEndpoint {
  const { env } = input;
  const machineName = env['DOCKER_MACHINE_NAME'] || null;
  const dockerHost = env['DOCKER_HOST'];
  const configDir = env['DOCKER_CONFIG'] || join(input.homeDir, '.docker');
  if (dockerHost) {
    const source: Source = machineName ? 'docker-machine' : 'DOCKER_HOST';
    const detail = machineName
      ? `DOCKER_HOST from \`docker-machine env ${machineName}\` is ${dockerHost}`
      : `DOCKER_HOST is set to ${dockerHost}`;
    return parseHost(dockerHost, tlsFrom(env, configDir), {
      source,
      sourceDetail: detail,
      contextName: null,
      machineName,
    });
  }
  if (env['DOCKER_CONTEXT'])
    return fromContext(input, env['DOCKER_CONTEXT'], 'DOCKER_CONTEXT', 'DOCKER_CONTEXT is set');
  const config = input.readFile(join(configDir, 'config.json'));
  if (config) {
    let current: string | undefined;
    try {
      current = (JSON.parse(config) as { currentContext?: string }).currentContext;
    } catch {
      current = undefined;
    }
    if (current)
      return fromContext(
        input,
        current,
        'docker context',
        `the current context in ${join(configDir, 'config.json')}`,
      );
  }
  return defaultSocket(input);
}
