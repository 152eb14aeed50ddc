// What the live picture sends across the contract: the sockets of the containers a window
// shows, and the reachability matrix. Plain data, JSON on both transports.
import type { ContainerSockets } from './topology';

/** How the main side reads a container's sockets. */
export type SocketReadPath = 'proc' | 'exec';

/** The `sockets` event: sent to a window only when what it watches changed. */
export interface SocketsEvent {
  /** False when no socket can be read at all (engine gone, Windows containers). */
  available: boolean;
  /** Why not, in words for the screen; null when available. */
  reason: string | null;
  via: SocketReadPath | null;
  /** Running, readable containers only, keyed by container id. */
  byContainer: Record<string, ContainerSockets>;
  /** Containers whose sockets could not be read, with the reason. */
  errors: Record<string, string>;
}

/** How container A tries to reach container B. */
export type ProbeRoute = 'name' | 'ip' | 'host';

export type ProbeOutcome =
  /** Connected. */
  | 'open'
  /** Something answered with a reset: nothing listens there (or only on loopback). */
  | 'refused'
  /** The host's published port accepted, then hung up: nothing listens behind it. */
  | 'closed'
  | 'timeout'
  /** The name did not resolve inside A. */
  | 'unresolved'
  /** No route: A has no network path to that address. */
  | 'unreachable'
  /** Not tried: the server stopped listening after an earlier probe (a one-shot `nc -l`). */
  | 'gone'
  /** A cannot probe at all (no netcat with -z, no bash), or the engine failed. */
  | 'error';

export interface ProbeResult {
  route: ProbeRoute;
  /** What A dialled, e.g. "server:1234", "172.18.0.2:1234", "172.18.0.1:8080". */
  target: string;
  /** B's port the route ends at. */
  port: number;
  /** Through what: a network's name, "link alias", or the published binding. */
  via: string;
  outcome: ProbeOutcome;
  /** What the probe said, for a tooltip. */
  detail: string;
  ms: number;
}

export interface ReachCell {
  from: string;
  to: string;
  /** At least one route open; null when there was nothing to probe (B listens on nothing). */
  reachable: boolean | null;
  probes: ProbeResult[];
  /** Why nothing was probed, when nothing was. */
  note: string;
}

export interface ReachabilityMatrix {
  /** Row and column order: the containers probed, by id and name. */
  containers: { id: string; name: string }[];
  /** One per ordered pair (from ≠ to). */
  cells: ReachCell[];
  /** Things worth saying once, e.g. a container that cannot run probes. */
  notes: string[];
  ms: number;
}
