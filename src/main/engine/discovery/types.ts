// The shapes discovery works on, shared by its parts and by the engine core.

/** Everything discovery reads, handed in so that discovery itself does no I/O. */
export interface DiscoveryInput {
  /** The process environment. */
  env: Record<string, string | undefined>;
  homeDir: string;
  platform: NodeJS.Platform;
  /** A file's text, or null when it is missing. */
  readFile(path: string): string | null;
  /** A folder's entries, or [] when it is missing. */
  listDir(path: string): string[];
  /** `docker-machine ip <DOCKER_MACHINE_NAME>` as the caller already ran it, or null. */
  dockerMachineIp?: string | null;
}

export interface EngineEndpoint {
  /** e.g. unix:///var/run/docker.sock, tcp://192.168.99.100:2376, npipe:////./pipe/docker_engine */
  url: string;
  kind: 'unix' | 'tcp' | 'npipe' | 'ssh';
  /** The socket file, or the pipe as Windows writes it (\\.\pipe\docker_engine). */
  socketPath?: string;
  host?: string;
  port?: number;
  tls: EndpointTls | null;
  source:
    | 'DOCKER_HOST'
    | 'DOCKER_CONTEXT'
    | 'docker context'
    | 'docker-machine'
    | 'default socket'
    | 'known socket'
    | 'two-host lab';
  /** One sentence for people: how this endpoint was found. */
  sourceDetail: string;
  contextName: string | null;
  /** DOCKER_MACHINE_NAME, when it came with the DOCKER_HOST in use (as `docker-machine env` sets both). */
  machineName: string | null;
}

export interface EndpointTls {
  /** Whether the engine's certificate is checked; TLS without it still encrypts. */
  verify: boolean;
  caPath?: string;
  certPath?: string;
  keyPath?: string;
}

/** How an endpoint was found: everything but the address itself. */
export type EndpointOrigin = Pick<
  EngineEndpoint,
  'source' | 'sourceDetail' | 'contextName' | 'machineName'
>;
