// Scenario files as the renderer sees them, once the main side has parsed and
// validated one: containers and networks to create, and steps a speaker
// advances one at a time (type, press keys, wait for text, pause, caption,
// check on the engine). Plain data; the schema that makes it lives on the main side.

import type { EngineKind } from './model';

export const SCENARIO_FORMAT = 'crosstalk/scenario@1';

/** Keys a step can press, by the names a file uses. */
export const keyNames = [
  'Enter',
  'Ctrl-C',
  'Ctrl-D',
  'Tab',
  'Escape',
  'Backspace',
  'Up',
  'Down',
  'Right',
  'Left',
] as const;
export type KeyName = (typeof keyNames)[number];

export interface ScenarioPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: 'tcp' | 'udp' | 'sctp';
}

export interface ScenarioContainer {
  name: string;
  image: string;
  command: string;
  tty: boolean;
  env: string[];
  ports: ScenarioPort[];
  /** The first is the one it is created on; the others are connected before it starts. */
  networks: string[];
  /** Extra names on its user-defined networks. */
  aliases: string[];
  links: { target: string; alias?: string }[];
  expose: string[];
}

export type ScenarioAction =
  | {
      kind: 'type';
      pane: string;
      text: string;
      /** Characters a second; 0 types it at once. */
      speed: number;
      /** Press Enter after the text. */
      enter: boolean;
    }
  | { kind: 'keys'; pane: string; keys: KeyName[] }
  | { kind: 'wait'; pane: string; text: string | null; regex: string | null; timeoutMs: number }
  | { kind: 'pause'; ms: number };

/** What a check asks the engine: the kinds of truth the lessons ask for. */
export type ScenarioCheckKind =
  | { kind: 'output'; container: string; contains: string | null; matches: string | null }
  | {
      kind: 'file';
      container: string;
      path: string;
      contains: string | null;
      matches: string | null;
      /** Passes when the text is NOT in the file. */
      absent: boolean;
      /** Counts only once the container's console has shown the line it found. */
      shown: boolean;
    }
  | {
      kind: 'env';
      container: string;
      name: string;
      value: string | null;
      /** Counts only once the container's console has shown the variable. */
      shown: boolean;
    }
  | {
      kind: 'listening';
      container: string;
      port: number;
      address: string | null;
      /** Every listener on the port only on loopback, or none of them; null: any. */
      scope: 'loopback' | 'all' | null;
    }
  | { kind: 'reach'; from: string; host: string; port: number; expect: boolean }
  /** An open TCP connection from the container to a peer's port (to that address, when given). */
  | { kind: 'connected'; container: string; port: number; to: string | null }
  | { kind: 'running'; container: string }
  /** `name` resolves inside `container` to the address `target` has on `network`. */
  | { kind: 'resolves'; container: string; name: string; target: string; network: string }
  /** The legacy link from `container` to `target` no longer leads to `target`. */
  | { kind: 'link-broken'; container: string; target: string };

export type ScenarioCheck = ScenarioCheckKind & {
  /** What it verifies, in a sentence (may hold {{facts}}). */
  says: string;
  /** The sentence shown when it passes, instead of the one the check writes; {{found}} is what it found. */
  passed: string | null;
  /** Containers that must have been re-created since set-up for the check to count. */
  recreated: string[];
};

/** An engine-side action a step offers with a button (lessons): re-create a container, probe. */
export type ScenarioOffer =
  | { kind: 'recreate'; id: string; label: string; container: string }
  | { kind: 'probe'; id: string; label: string; probes: ScenarioProbe[] };

export interface ScenarioProbe {
  /** A container, or "host" for this machine (a published port on loopback). */
  from: string;
  /** The row's name (default: from, or "this host"). */
  as: string | null;
  /** Address or name to dial (may hold {{facts}}); for "host", 127.0.0.1. */
  host: string;
  port: number;
  /** What the row shows as the target (default: host:port). */
  to: string | null;
  /** Not probed: a row that is always unreachable, with this reason. */
  never: string | null;
}

export interface ScenarioStep {
  /** A stable name (lessons: the step id their calls use); null when the file gives none. */
  id: string | null;
  title: string;
  /** Shown to the audience while the step runs. */
  caption: string | null;
  /** A longer explanation (lessons); `code` in backticks. */
  text: string | null;
  actions: ScenarioAction[];
  check: ScenarioCheck | null;
  /** An engine-side action offered with a button (lessons). */
  offer: ScenarioOffer | null;
  /** In autoplay, how long to wait after this step before the next. */
  afterMs: number;
  /** Where the step starts in its file. */
  line: number;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  /** A lesson's id (the built-in lessons' files); null for other scenarios. */
  id: string | null;
  title: string;
  description: string;
  networks: string[];
  containers: ScenarioContainer[];
  steps: ScenarioStep[];
  /** Engines that cannot run it, with the reason shown instead of its steps. */
  unsupported: Partial<Record<EngineKind, string>>;
}

export interface ScenarioView {
  /** The lab id its containers and networks are labelled with. */
  id: string;
  source: string;
  scenario: Scenario;
  running: boolean;
}
