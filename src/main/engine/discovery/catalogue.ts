// Every engine this user has, as the engine switcher lists them: DOCKER_HOST, the default
// socket, each docker context, each docker-machine machine, and the well-known sockets of
// Podman and Docker Desktop that exist. Pure: I/O comes in through DiscoveryInput; whether
// each one answers is asked by the caller (engine-probe.ts).
import { contextEndpoint, contextNames } from './context';
import { defaultSocket } from './default-socket';
import { discoverEndpoint } from './endpoint';
import { dockerMachines } from './machines';
import { knownSockets } from './known-sockets';
import type { DiscoveryInput, EngineEndpoint } from './types';

export interface KnownEngine {
  /** Stable across starts, so a choice can be remembered: env, default, context:NAME, machine:NAME, socket:PATH. */
  id: string;
  /** How people call it: the context's or machine's name, "Podman (rootless)", "DOCKER_HOST". */
  name: string;
  /** Null when what names it cannot be read (a broken context, a machine with no address). */
  endpoint: EngineEndpoint | null;
  /** Why it cannot be used, and what to do; null when it can. */
  problem: string | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

function contextEngine(input: DiscoveryInput, name: string): KnownEngine {
  const id = `context:${name}`;
  try {
    const endpoint = contextEndpoint(input, name, {
      source: 'docker context',
      how: `the docker context "${name}"`,
      fix: 'Recreate it with `docker context create`.',
    });
    return { id, name, endpoint, problem: null };
  } catch (error) {
    return { id, name, endpoint: null, problem: message(error) };
  }
}

export function knownEngines(input: DiscoveryInput): KnownEngine[] {
  const engines: KnownEngine[] = [];
  const dockerHost = input.env['DOCKER_HOST'];
  if (dockerHost) {
    const name = input.env['DOCKER_MACHINE_NAME'] || 'DOCKER_HOST';
    try {
      engines.push({ id: 'env', name, endpoint: discoverEndpoint(input), problem: null });
    } catch (error) {
      engines.push({ id: 'env', name, endpoint: null, problem: message(error) });
    }
  }
  engines.push({ id: 'default', name: 'default', endpoint: defaultSocket(input), problem: null });
  for (const name of contextNames(input))
    if (name !== 'default') engines.push(contextEngine(input, name));
  for (const machine of dockerMachines(input))
    engines.push({ id: `machine:${machine.name}`, ...machine });
  // A well-known socket another entry already names is not listed twice.
  const urls = new Set(engines.map((e) => e.endpoint?.url));
  for (const socket of knownSockets(input))
    if (!urls.has(socket.endpoint.url)) {
      urls.add(socket.endpoint.url);
      engines.push({ id: `socket:${socket.endpoint.socketPath}`, ...socket, problem: null });
    }
  return engines;
}

/** The engine the environment picks (as the docker CLI would), and whether it was named outright. */
export interface EnvironmentChoice {
  id: string;
  endpoint: EngineEndpoint;
  /** DOCKER_HOST or DOCKER_CONTEXT: a choice made for this run, stronger than a remembered one. */
  explicit: boolean;
}

/** Throws, as discovery does, when what the environment names cannot be read. */
export function environmentChoice(input: DiscoveryInput): EnvironmentChoice {
  const endpoint = discoverEndpoint(input);
  const explicit = Boolean(input.env['DOCKER_HOST'] || input.env['DOCKER_CONTEXT']);
  if (input.env['DOCKER_HOST']) return { id: 'env', endpoint, explicit };
  const context = endpoint.contextName;
  return {
    id: context && context !== 'default' ? `context:${context}` : 'default',
    endpoint,
    explicit,
  };
}
