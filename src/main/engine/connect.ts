// From a discovered endpoint to a dockerode client, and the one place that
// decides which engine this process talks to.
import Dockerode from 'dockerode';
import { discoverEndpoint, gatherDiscoveryInput, type EngineEndpoint } from './discovery';
import type { EngineTarget } from './live-state';
import { loadTls } from './tls-files';

/**
 * docker-modem reads DOCKER_HOST and DOCKER_CERT_PATH itself whenever a client is
 * made, and a missing cert file there throws a bare ENOENT, even for a unix socket.
 * Discovery has already read them, so the client is made with DOCKER_HOST hidden.
 */
function newDockerode(options: Dockerode.DockerOptions): Dockerode {
  const saved = process.env['DOCKER_HOST'];
  delete process.env['DOCKER_HOST'];
  try {
    return new Dockerode(options);
  } finally {
    if (saved !== undefined) process.env['DOCKER_HOST'] = saved;
  }
}

/** `extra.timeout`: ms before a request gives up (probes); none for the live connection's streams. */
export function dockerFor(
  endpoint: EngineEndpoint,
  extra: Pick<Dockerode.DockerOptions, 'timeout'> = {},
): Dockerode {
  switch (endpoint.kind) {
    case 'unix':
    case 'npipe':
      return newDockerode({ socketPath: endpoint.socketPath!, ...extra });
    case 'ssh':
      return newDockerode({
        protocol: 'ssh',
        host: endpoint.host!,
        port: endpoint.port ?? 22,
        ...extra,
      });
    case 'tcp': {
      const docker = newDockerode({
        ...extra,
        protocol: endpoint.tls ? 'https' : 'http',
        host: endpoint.host!,
        port: endpoint.port!,
      });
      // A missing file is reported when connecting (engine banner), not thrown here.
      try {
        loadTls(docker, endpoint);
      } catch {
        // LiveState's prepare() reads them again and says which one is missing.
      }
      return docker;
    }
  }
}

/** The engine this process should use, discovered as the docker CLI would. */
export function engineTargetFromEnvironment(): EngineTarget & { endpointInfo: EngineEndpoint } {
  return targetFor(discoverEndpoint(gatherDiscoveryInput()));
}

/** A live-state target for one endpoint: its client, and the TLS files re-read on each attempt. */
export function targetFor(
  endpoint: EngineEndpoint,
): EngineTarget & { endpointInfo: EngineEndpoint } {
  const docker = dockerFor(endpoint);
  return {
    docker,
    endpoint: endpoint.url,
    source: endpoint.source,
    endpointInfo: endpoint,
    prepare: () => loadTls(docker, endpoint),
  };
}
