// Scenario files as the renderer sees them, once the main side has parsed and
// validated one: containers and networks to create, and steps a speaker
// advances one at a time (type, press keys, wait for text, pause, caption,
// check on the engine). Plain data; the schema that makes it lives on the main side.

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
export type ScenarioCheck =
  | { kind: 'output'; container: string; contains: string | null; matches: string | null }
  | {
      kind: 'file';
      container: string;
      path: string;
      contains: string | null;
      matches: string | null;
      /** Passes when the text is NOT in the file. */
      absent: boolean;
    }
  | { kind: 'env'; container: string; name: string; value: string | null }
  | { kind: 'listening'; container: string; port: number; address: string | null }
  | { kind: 'reach'; from: string; host: string; port: number; expect: boolean }
  /** An open TCP connection from the container to some peer's port (read from its sockets). */
  | { kind: 'connected'; container: string; port: number }
  | { kind: 'running'; container: string };

export interface ScenarioStep {
  title: string;
  /** Shown to the audience while the step runs. */
  caption: string | null;
  /** A longer explanation (lessons); `code` in backticks. */
  text: string | null;
  actions: ScenarioAction[];
  check: (ScenarioCheck & { says: string }) | null;
  /** In autoplay, how long to wait after this step before the next. */
  afterMs: number;
  /** Where the step starts in its file. */
  line: number;
}

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  title: string;
  description: string;
  networks: string[];
  containers: ScenarioContainer[];
  steps: ScenarioStep[];
}

export interface ScenarioView {
  /** The lab id its containers and networks are labelled with. */
  id: string;
  source: string;
  scenario: Scenario;
  running: boolean;
}
