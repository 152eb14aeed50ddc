// Facts a scenario's texts may name as {{placeholders}}, filled from the engine in
// use when it is set up (or, for addresses that change, when a check runs): where
// the host is, the image's netcat commands, a container's address, a network's
// resolver. A lesson says what is true of the engine at hand, never a hard-coded guess.
import type Dockerode from 'dockerode';
import type { EngineKind } from '../../../shared/model';
import { detectNetcat, listenCommand, persistentListener, type Netcat } from '../lessons/netcat';

export interface LabFacts {
  docker: Dockerode;
  /** The host as containers on the scenario's first network see it, and why. */
  hostAddress: { address: string; reason: string };
  /** Where the person reaches published ports, and why. */
  publishedAt: { address: string; reason: string };
  /** Whether this machine can connect to published ports on loopback (a local engine). */
  hostIsLocal: boolean;
  /** The product it runs on: Podman differs in DNS and has no legacy links. */
  engineKind: EngineKind;
  nc: Netcat;
}

/** The network a lab's first container is on, as the engine reports it. */
export interface LabNetwork {
  gateway: string;
  name: string;
  id: string;
}

/** Where the engine's host is, as containers and as the person see it. */
export type Locator = (
  on: LabNetwork,
) => Promise<Pick<LabFacts, 'hostAddress' | 'publishedAt' | 'hostIsLocal' | 'engineKind'>>;

/** Learns the facts once a lab runs: its first container's netcat and network. */
export async function learnFacts(
  docker: Dockerode,
  firstContainer: string,
  locate: Locator,
): Promise<LabFacts> {
  const [nc, info] = await Promise.all([
    detectNetcat(docker, firstContainer),
    docker.getContainer(firstContainer).inspect(),
  ]);
  const [name, endpoint] = Object.entries(info.NetworkSettings.Networks)[0] ?? [];
  const on = { gateway: endpoint?.Gateway ?? '', name: name ?? '', id: endpoint?.NetworkID ?? '' };
  return { docker, nc, ...(await locate(on)) };
}

interface Fact {
  /** How many words follow the name (min, max). */
  args: [number, number];
  does: string;
  fill(f: LabFacts, args: string[]): string | Promise<string>;
}

/** Docker's embedded DNS answers on 127.0.0.11; Podman's aardvark-dns on the network's gateway. */
async function resolverOn(f: LabFacts, network: string): Promise<string> {
  if (f.engineKind !== 'podman') return '127.0.0.11';
  const info = await f.docker.getNetwork(network).inspect();
  return (info as { IPAM?: { Config?: { Gateway?: string }[] } }).IPAM?.Config?.[0]?.Gateway ?? '';
}

async function addressOf(f: LabFacts, container: string, network?: string): Promise<string> {
  const nets = (await f.docker.getContainer(container).inspect()).NetworkSettings.Networks;
  const endpoint = network ? nets[network] : Object.values(nets)[0];
  return endpoint?.IPAddress ?? '';
}

const port = (s: string) => Number(s);

export const FACTS: Record<string, Fact> = {
  host: {
    args: [0, 0],
    does: 'the host’s address as the containers see it',
    fill: (f) => f.hostAddress.address,
  },
  'host.why': {
    args: [0, 0],
    does: 'why that is the host’s address',
    fill: (f) => f.hostAddress.reason,
  },
  published: {
    args: [0, 0],
    does: 'where you reach published ports from your machine',
    fill: (f) => f.publishedAt.address,
  },
  'published.why': { args: [0, 0], does: 'why', fill: (f) => f.publishedAt.reason },
  listen: {
    args: [1, 2],
    does: 'listen PORT [ADDRESS]: the image’s netcat listening once',
    fill: (f, [p, bind]) => listenCommand(f.nc.flavour, port(p!), bind),
  },
  listener: {
    args: [1, 2],
    does: 'listener PORT [ADDRESS]: a listener that keeps accepting (nc in a loop, or httpd)',
    fill: (f, [p, bind]) => persistentListener(f.nc, port(p!), bind),
  },
  ip: {
    args: [1, 2],
    does: 'ip CONTAINER [NETWORK]: its address now (on its first network by default)',
    fill: (f, [container, network]) => addressOf(f, container!, network),
  },
  dns: {
    args: [1, 1],
    does: 'dns NETWORK: the address of the network’s name server',
    fill: (f, [network]) => resolverOn(f, network!),
  },
  'dns.name': {
    args: [0, 0],
    does: 'the engine’s name server for user-defined networks',
    fill: (f) => (f.engineKind === 'podman' ? 'Podman’s aardvark-dns' : 'Docker’s embedded DNS'),
  },
};

export const PLACEHOLDER = /\{\{\s*([a-z.]+)((?:\s+[^\s}]+)*)\s*\}\}/g;

/** What is wrong with a text's placeholders, or null. `found` only where a check's result is told. */
export function placeholderProblem(text: string, allowFound: boolean): string | null {
  for (const m of text.matchAll(PLACEHOLDER)) {
    const [whole, name, rest] = m;
    if (name === 'found') {
      if (allowFound) continue;
      return `{{found}} is known only in a check's "passed" sentence.`;
    }
    const fact = FACTS[name!];
    if (!fact)
      return `${whole} names no fact; known: ${['found', ...Object.keys(FACTS)].join(', ')}.`;
    const n = rest!.trim() ? rest!.trim().split(/\s+/).length : 0;
    if (n < fact.args[0] || n > fact.args[1])
      return `${whole}: ${fact.does.split(':')[0]} takes ${fact.args[0] === fact.args[1] ? fact.args[0] : `${fact.args[0]} to ${fact.args[1]}`} word(s) after its name.`;
    if (
      (name === 'listen' || name === 'listener') &&
      !/^\d{1,5}$/.test(rest!.trim().split(/\s+/)[0]!)
    )
      return `${whole}: the port is a number.`;
  }
  if (/\{\{(?![^}]*\}\})/.test(text.replace(PLACEHOLDER, '')))
    return 'A "{{" opens a placeholder that is not closed with "}}".';
  return null;
}

/** The text with every placeholder filled from the engine. */
export async function fill(text: string, f: LabFacts, found = ''): Promise<string> {
  const matches = [...text.matchAll(PLACEHOLDER)];
  if (!matches.length) return text;
  const values = await Promise.all(
    matches.map(([, name, rest]) =>
      name === 'found' ? found : FACTS[name!]!.fill(f, rest!.trim().split(/\s+/).filter(Boolean)),
    ),
  );
  let i = 0;
  return text.replace(PLACEHOLDER, () => values[i++]!);
}

/** Every string in a value filled (deep), leaving "passed" sentences for the check's own result. */
export async function fillDeep<T>(value: T, f: LabFacts): Promise<T> {
  if (typeof value === 'string') return (await fill(value, f)) as T;
  if (Array.isArray(value)) return (await Promise.all(value.map((v) => fillDeep(v, f)))) as T;
  if (value && typeof value === 'object') {
    const entries = await Promise.all(
      Object.entries(value).map(async ([k, v]) => [k, k === 'passed' ? v : await fillDeep(v, f)]),
    );
    return Object.fromEntries(entries) as T;
  }
  return value;
}
