// Which engine to talk to, found as the docker CLI finds it: DOCKER_HOST, then
// DOCKER_CONTEXT, then the current context in the CLI's config.json, then the
// platform's default socket. Pure: all I/O comes in through DiscoveryInput.
import { contextEndpoint } from './context';
import { defaultSocket } from './default-socket';
import { parseHostFrom } from './host-url';
import { configDirOf, pathsOf, tilde } from './paths';
import { tlsFromEnv } from './tls';
import type { DiscoveryInput, EngineEndpoint } from './types';

/** `docker-machine env` sets DOCKER_MACHINE_NAME next to DOCKER_HOST; a VM's IP can change under it. */
function machineDetail(
  name: string,
  dockerHost: string,
  endpoint: EngineEndpoint,
  ip?: string | null,
) {
  const detail = `DOCKER_HOST is ${dockerHost}, set by \`docker-machine env ${name}\``;
  if (!ip) return detail;
  if (ip === endpoint.host) return `${detail}; \`docker-machine ip ${name}\` agrees`;
  return `${detail}, but \`docker-machine ip ${name}\` now says ${ip}: run \`eval $(docker-machine env ${name})\` again`;
}

function fromDockerHost(input: DiscoveryInput, dockerHost: string): EngineEndpoint {
  const machineName = input.env['DOCKER_MACHINE_NAME'] || null;
  const endpoint = parseHostFrom(
    'DOCKER_HOST',
    'Fix DOCKER_HOST, or unset it to use the default socket.',
    dockerHost,
    tlsFromEnv(input),
    {
      source: machineName ? 'docker-machine' : 'DOCKER_HOST',
      sourceDetail: `DOCKER_HOST is set to ${dockerHost}`,
      contextName: null,
      machineName,
    },
  );
  if (!machineName) return endpoint;
  const sourceDetail = machineDetail(machineName, dockerHost, endpoint, input.dockerMachineIp);
  return { ...endpoint, sourceDetail };
}

/** The config's currentContext; a config the CLI cannot read counts as none, as the CLI only warns. */
function currentContext(input: DiscoveryInput, configPath: string): string | null {
  const raw = input.readFile(configPath);
  if (raw === null) return null;
  try {
    const current = (JSON.parse(raw) as { currentContext?: unknown }).currentContext;
    return typeof current === 'string' && current !== '' ? current : null;
  } catch {
    return null;
  }
}

export function discoverEndpoint(input: DiscoveryInput): EngineEndpoint {
  const { env } = input;
  const dockerHost = env['DOCKER_HOST'];
  if (dockerHost) return fromDockerHost(input, dockerHost);

  const named = env['DOCKER_CONTEXT'];
  if (named)
    return contextEndpoint(input, named, {
      source: 'DOCKER_CONTEXT',
      how: `DOCKER_CONTEXT is set to "${named}"`,
      fix: 'Unset DOCKER_CONTEXT, or set it to a context `docker context ls` lists.',
    });

  const configPath = pathsOf(input.platform).join(configDirOf(input), 'config.json');
  const current = currentContext(input, configPath);
  if (current)
    return contextEndpoint(input, current, {
      source: 'docker context',
      how: `current context "${current}" in ${tilde(configPath, input)}`,
      fix: 'Run `docker context use default`, or `docker context use` one that `docker context ls` lists.',
    });

  return defaultSocket(input);
}
