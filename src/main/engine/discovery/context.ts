// A named docker context, as `docker context create` stores it: the endpoint in
// contexts/meta/<sha256 of the name>/meta.json, TLS files in contexts/tls/<same>/docker.
import { createHash } from 'node:crypto';
import { defaultSocket } from './default-socket';
import { parseHostFrom } from './host-url';
import { configDirOf, pathsOf, tilde } from './paths';
import { tlsFromContext } from './tls';
import type { DiscoveryInput, EngineEndpoint } from './types';

/** Why this context is the one in use, for messages and how to change that. */
export interface ContextChoice {
  source: 'DOCKER_CONTEXT' | 'docker context';
  /** e.g. `DOCKER_CONTEXT is set to "remote"`. */
  how: string;
  /** What the person does when the context is wrong. */
  fix: string;
}

interface ContextMeta {
  Endpoints?: { docker?: { Host?: string; SkipTLSVerify?: boolean } };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function readMeta(input: DiscoveryInput, name: string, metaPath: string): ContextMeta | null {
  const raw = input.readFile(metaPath);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as ContextMeta;
  } catch (error) {
    throw new Error(
      `The docker context "${name}" has an unreadable ${tilde(metaPath, input)} (${(error as Error).message}). Recreate it with \`docker context rm ${name}\` and \`docker context create ${name}\`.`,
      { cause: error },
    );
  }
}

export function contextEndpoint(
  input: DiscoveryInput,
  name: string,
  choice: ContextChoice,
): EngineEndpoint {
  const origin = { source: choice.source, contextName: name, machineName: null };
  // "default" is the CLI's built-in context: DOCKER_HOST or the default socket, never a folder.
  if (name === 'default') {
    const socket = defaultSocket(input);
    return { ...socket, ...origin, sourceDetail: `${choice.how}: ${socket.sourceDetail}` };
  }
  const paths = pathsOf(input.platform);
  const contexts = paths.join(configDirOf(input), 'contexts');
  const digest = createHash('sha256').update(name).digest('hex');
  const meta = readMeta(input, name, paths.join(contexts, 'meta', digest, 'meta.json'));
  if (meta === null)
    throw new Error(
      `${capitalised(choice.how)}, but no context of that name exists in ${tilde(contexts, input)}. ${choice.fix}`,
    );
  const docker = meta.Endpoints?.docker;
  if (!docker?.Host)
    throw new Error(
      `The docker context "${name}" names no Docker endpoint. Give it one with \`docker context update ${name} --docker host=unix:///var/run/docker.sock\` (or the engine's address).`,
    );
  const tlsDir = paths.join(contexts, 'tls', digest, 'docker');
  return parseHostFrom(
    `The docker context "${name}"`,
    `Fix it with \`docker context update ${name} --docker host=…\`.`,
    docker.Host,
    tlsFromContext(input, tlsDir, docker.SkipTLSVerify === true),
    { ...origin, sourceDetail: `${choice.how}, which points at ${docker.Host}` },
  );
}

/** The names of every context `docker context create` stored (the built-in "default" is not stored). */
export function contextNames(input: DiscoveryInput): string[] {
  const paths = pathsOf(input.platform);
  const meta = paths.join(configDirOf(input), 'contexts', 'meta');
  const names: string[] = [];
  for (const digest of input.listDir(meta)) {
    const raw = input.readFile(paths.join(meta, digest, 'meta.json'));
    if (raw === null) continue;
    try {
      const name = (JSON.parse(raw) as { Name?: unknown }).Name;
      if (typeof name === 'string' && name) names.push(name);
    } catch {
      // An unreadable meta.json has no name to list it by: it is skipped.
    }
  }
  return names.sort();
}
