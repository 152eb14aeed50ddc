// The engine map and the container inspector, as the renderer sees them.
import type { ContainerLink } from './model';
import type { AppErrorShape } from './errors';

export interface Reasoned {
  address: string;
  reason: string;
}

/** How this process talks to the engine. */
export interface EngineLink {
  tls: boolean;
  /** "local socket", "TLS", "plain TCP", "SSH", "named pipe". */
  label: string;
  /** One sentence: what is encrypted and who proves what. */
  detail: string;
}

export interface EngineMap {
  endpoint: string;
  link: EngineLink;
  /** Docker Engine, Docker Desktop or Podman, with its version: "Podman 4.3.1". */
  product: string;
  /** DOCKER_HOST, DOCKER_CONTEXT, docker context, docker-machine, default socket. */
  source: string;
  /** One sentence: how the endpoint was found. */
  sourceDetail: string;
  flavour: 'linux-local' | 'docker-desktop' | 'docker-machine' | 'remote';
  flavourLabel: string;
  os: string;
  version: string;
  kernel: string;
  /** The address a container uses to reach the host. */
  hostFromContainer: Reasoned;
  /** The address the person uses to reach published ports. */
  publishedPortsAt: Reasoned;
}

export interface ListeningView {
  ip: string;
  port: number;
  family: 4 | 6;
  loopbackOnly: boolean;
}

export interface ContainerDetails {
  id: string;
  name: string;
  running: boolean;
  networks: { network: string; ip: string; gateway: string; aliases: string[]; mac: string }[];
  hosts: string[];
  resolvConf: string[];
  env: string[];
  ports: { hostIp: string; hostPort: number; containerPort: number; protocol: string }[];
  links: ContainerLink[];
  listening: ListeningView[];
  /** Plain-language warnings, e.g. a service listening only on loopback. */
  warnings: string[];
  /** Why some facts are missing (e.g. the container is stopped). */
  notes: string[];
}

/** Where one layer of a pull is: waiting, downloading, downloaded, extracting, done, or already there. */
export type LayerPhase = 'waiting' | 'download' | 'downloaded' | 'extract' | 'done' | 'exists';

export interface LayerProgress {
  /** The layer's short id, as the engine names it. */
  id: string;
  phase: LayerPhase;
  /** Bytes downloaded of `total` (null until the engine says the size). */
  current: number;
  total: number | null;
}

export interface PullProgress {
  image: string;
  /** 0–1: bytes while downloading, then layers finished; null before anything is known. */
  fraction: number | null;
  status: string;
  layers: LayerProgress[];
  /** Bytes downloaded of all layers whose size is known. */
  current: number;
  total: number;
  done: boolean;
  /** The failure, with the engine's own words in its message. */
  error: AppErrorShape | null;
}
