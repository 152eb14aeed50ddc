// The engines a person can switch between, as the engine switcher shows them. Plain data:
// it crosses both transports as JSON.
import type { EngineKind } from './model';

export interface EngineChoice {
  /** Stable across starts: env, default, context:NAME, machine:NAME, socket:PATH. */
  id: string;
  /** How people call it: the context's or machine's name, "Podman (rootless)", "default". */
  name: string;
  /** unix:///var/run/docker.sock, tcp://127.0.0.1:2376; null when it cannot be read. */
  endpoint: string | null;
  /** How it was found, in one sentence. */
  detail: string;
  /** The link is TLS (certificates checked or not). */
  tls: boolean;
  /** It answered the probe just now. */
  answers: boolean;
  /** From the version's components; null when it did not answer. */
  kind: EngineKind | null;
  /** "Podman 4.3.1", "Docker Engine 20.10.24"; null when it did not answer. */
  product: string | null;
  /** Why it does not answer or cannot be used, and what to do. */
  problem: { message: string; hint: string } | null;
}

export interface EngineList {
  /** The engine this window is connected to. */
  current: string;
  engines: EngineChoice[];
}

/** Sent to a window after it switched engines, before the new engine's snapshot. */
export interface EngineSwitched {
  from: { id: string; name: string };
  to: EngineChoice;
  /** Consoles that were open on the engine left behind, now closed. */
  closedConsoles: number;
}
