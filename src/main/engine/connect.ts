// From a discovered endpoint to a dockerode client, and the one place that
// decides which engine this process talks to.
import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
// TEMP until discovery lands
interface EngineEndpoint {
  url: string;
  kind: 'unix' | 'tcp' | 'npipe' | 'ssh';
  socketPath?: string;
  host?: string;
  port?: number;
  tls: { caPath?: string; certPath?: string; keyPath?: string } | null;
  source: string;
}
const gatherDiscoveryInput = () => process.env;
function discoverEndpoint(env: NodeJS.ProcessEnv): EngineEndpoint {
  const h = env['DOCKER_HOST'];
  if (h?.startsWith('unix://'))
    return { url: h, kind: 'unix', socketPath: h.slice(7), tls: null, source: 'DOCKER_HOST' };
  return {
    url: 'unix:///var/run/docker.sock',
    kind: 'unix',
    socketPath: '/var/run/docker.sock',
    tls: null,
    source: 'default socket',
  };
}
import type { EngineTarget } from './live-state';

export function dockerFor(endpoint: EngineEndpoint): Dockerode {
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return new Dockerode({ socketPath: endpoint.socketPath! });
    case 'ssh':
      return new Dockerode({ protocol: 'ssh', host: endpoint.host!, port: endpoint.port ?? 22 });
    case 'tcp': {
      const tls = endpoint.tls;
      const read = (p?: string) => (p ? readFileSync(p) : undefined);
      return new Dockerode({
        protocol: tls ? 'https' : 'http',
        host: endpoint.host!,
        port: endpoint.port!,
        ...(tls ? { ca: read(tls.caPath), cert: read(tls.certPath), key: read(tls.keyPath) } : {}),
      });
    }
  }
}

/** The engine this process should use, discovered as the docker CLI would. */
export function engineTargetFromEnvironment(): EngineTarget & { endpointInfo: EngineEndpoint } {
  const endpoint = discoverEndpoint(gatherDiscoveryInput());
  return {
    docker: dockerFor(endpoint),
    endpoint: endpoint.url,
    source: endpoint.source,
    endpointInfo: endpoint,
  };
}
