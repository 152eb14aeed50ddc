// From a discovered endpoint to a dockerode client, and the one place that
// decides which engine this process talks to.
import { readFileSync } from 'node:fs';
import Dockerode from 'dockerode';
import { discoverEndpoint, gatherDiscoveryInput, type EngineEndpoint } from './discovery';
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
