// Where the engine is when nothing says otherwise: the platform's default socket or pipe.
import { pathsOf } from './paths';
import type { DiscoveryInput, EngineEndpoint } from './types';

const PLATFORM_NAMES: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'Linux',
  darwin: 'macOS',
  win32: 'Windows',
};

export function defaultSocket(input: DiscoveryInput): EngineEndpoint {
  const origin = { source: 'default socket' as const, contextName: null, machineName: null };
  const platform = PLATFORM_NAMES[input.platform] ?? input.platform;
  if (input.platform === 'win32') {
    return {
      ...origin,
      url: 'npipe:////./pipe/docker_engine',
      kind: 'npipe',
      socketPath: '\\\\.\\pipe\\docker_engine',
      tls: null,
      sourceDetail: 'the default named pipe on Windows',
    };
  }
  // Docker Desktop on macOS keeps its socket in the home folder; /var/run/docker.sock
  // is only a link to it when the person allowed that.
  const desktopDir = pathsOf(input.platform).join(input.homeDir, '.docker', 'run');
  if (input.platform === 'darwin' && input.listDir(desktopDir).includes('docker.sock')) {
    const socketPath = pathsOf(input.platform).join(desktopDir, 'docker.sock');
    return {
      ...origin,
      url: `unix://${socketPath}`,
      kind: 'unix',
      socketPath,
      tls: null,
      sourceDetail: 'Docker Desktop’s socket ~/.docker/run/docker.sock, as nothing names another',
    };
  }
  return {
    ...origin,
    url: 'unix:///var/run/docker.sock',
    kind: 'unix',
    socketPath: '/var/run/docker.sock',
    tls: null,
    sourceDetail: `the default socket on ${platform}`,
  };
}
