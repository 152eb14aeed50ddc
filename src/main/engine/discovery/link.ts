// How this process talks to the engine: a local socket, plain TCP, TLS (and
// which side proves what), or SSH. Shown on the engine map. Pure.
import type { EngineLink } from '../../../shared/engine-map';
import type { EngineEndpoint } from './types';

export function describeLink(endpoint: EngineEndpoint): EngineLink {
  const at = `${endpoint.host ?? ''}:${endpoint.port ?? ''}`;
  switch (endpoint.kind) {
    case 'unix':
      return {
        tls: false,
        label: 'local socket',
        detail: `the unix socket ${endpoint.socketPath}: only this machine’s users with access to the file can use it`,
      };
    case 'npipe':
      return {
        tls: false,
        label: 'named pipe',
        detail: `the Windows named pipe ${endpoint.socketPath}`,
      };
    case 'ssh':
      return {
        tls: false,
        label: 'SSH',
        detail: `SSH to ${endpoint.host}: encrypted, and your SSH key proves who you are`,
      };
    case 'tcp': {
      const tls = endpoint.tls;
      if (!tls)
        return {
          tls: false,
          label: 'plain TCP',
          detail: `unencrypted TCP to ${at}: anyone who reaches that port controls the engine`,
        };
      const server = tls.verify
        ? `the engine’s certificate is checked against ${tls.caPath ?? 'the system’s CAs'}`
        : 'the engine’s certificate is NOT checked (DOCKER_TLS without DOCKER_TLS_VERIFY)';
      const client = tls.certPath
        ? `this client proves itself with ${tls.certPath}`
        : 'this client presents no certificate';
      return { tls: true, label: 'TLS', detail: `TLS to ${at}: ${server}; ${client}` };
    }
  }
}
