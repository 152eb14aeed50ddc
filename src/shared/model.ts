// The engine as the renderer sees it. Plain data: it crosses both transports as JSON.

export type Protocol = 'tcp' | 'udp' | 'sctp';

/** A published port: hostIp:hostPort on the engine's host → containerPort/protocol. */
export interface PortBinding {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: Protocol;
}

/** A container's attachment to one network. */
export interface ContainerNetwork {
  network: string;
  networkId: string;
  ip: string;
  prefixLength: number;
  ipv6: string;
  gateway: string;
  mac: string;
  aliases: string[];
}

/**
 * A `--link`: this container resolves `alias` to the container `target`. On the default bridge
 * (`network` null) it is a legacy link (HostConfig.Links: /etc/hosts and environment variables);
 * on a user-defined network it is that network's endpoint link, an alias its DNS answers.
 */
export interface ContainerLink {
  target: string;
  alias: string;
  network: string | null;
}

export type ContainerState =
  'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerView {
  id: string;
  name: string;
  image: string;
  command: string[];
  state: ContainerState;
  exitCode: number | null;
  startedAt: string;
  finishedAt: string;
  tty: boolean;
  openStdin: boolean;
  env: string[];
  hostname: string;
  /** Created by Crosstalk (carries the ownership label). */
  owned: boolean;
  labId: string | null;
  networks: ContainerNetwork[];
  ports: PortBinding[];
  /** Ports the image or run declared with EXPOSE / --expose, as "1234/tcp". */
  exposed: string[];
  links: ContainerLink[];
  /** Host PID of the container's main process (0 when not running). */
  pid: number;
  created: string;
}

export interface NetworkView {
  id: string;
  name: string;
  driver: string;
  scope: string;
  subnet: string;
  gateway: string;
  internal: boolean;
  /** The host's bridge interface for a bridge network (docker0, br-<id>), when known. */
  bridge?: string;
  /** bridge, host and none: the engine's own networks. */
  builtin: boolean;
  owned: boolean;
  labId: string | null;
  /** Ids of attached containers. */
  containers: string[];
}

/** The product answering: its version's components tell (see engine-kind.ts). */
export type EngineKind = 'docker-engine' | 'docker-desktop' | 'podman';

export interface EngineInfo {
  kind: EngineKind;
  /** As people call it, with its version: "Podman 4.3.1", "Docker Engine 20.10.24". */
  product: string;
  version: string;
  apiVersion: string;
  os: string;
  osType: string;
  kernel: string;
  arch: string;
  name: string;
}

export interface EngineStatus {
  connected: boolean;
  /** The endpoint tried, e.g. unix:///var/run/docker.sock or tcp://10.0.0.5:2376. */
  endpoint: string;
  /** How the endpoint was chosen, e.g. "DOCKER_HOST" or "default socket". */
  source: string;
  /** Why the engine is not connected, when it is not. */
  error: { code: string; message: string; hint: string } | null;
  info: EngineInfo | null;
  /** The engine switcher's id and name for this engine (shared/engines.ts), when it has them. */
  engineId?: string;
  engineName?: string;
  /** The link to the engine is TLS (set with engineId). */
  tls?: boolean;
}

export interface Snapshot {
  engine: EngineStatus;
  containers: ContainerView[];
  networks: NetworkView[];
  /** Image references present on the engine (repo:tag). */
  images: string[];
}
