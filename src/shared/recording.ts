// Recordings: each pane as an asciicast v2 file (written as it happens), and a
// session bundle that holds the panes, their layout and the engine's events on
// one clock (seconds since the recording started). Plain data for both sides.
import type { ContainerView, NetworkView } from './model';

export const RECORDING_FORMAT = 'crosstalk/recording@1';

/** asciicast v2: output, input, resize ("COLSxROWS"), marker. */
export type CastCode = 'o' | 'i' | 'r' | 'm';
export type CastEvent = [time: number, code: CastCode, data: string];

export interface CastHeader {
  version: 2;
  width: number;
  height: number;
  /** Unix seconds when the recording started. */
  timestamp: number;
  title: string;
  env?: Record<string, string>;
}

export interface RecordedPane {
  /** The container's name; its cast is `<id>.cast`. */
  id: string;
  title: string;
  width: number;
  height: number;
}

/** The engine's picture at one moment, without environments (they may hold secrets). */
export interface RecordedSnapshot {
  containers: Omit<ContainerView, 'env'>[];
  networks: NetworkView[];
}

export type EngineEventKind =
  | 'created'
  | 'started'
  | 'died'
  | 'destroyed'
  | 'network-connected'
  | 'network-disconnected'
  | 'step';

export interface EngineEventRecord {
  t: number;
  kind: EngineEventKind | 'snapshot';
  /** The container (or, for a step, the step's title). */
  subject: string;
  detail: string;
  /** With kind "snapshot": the whole picture, for the replayed diagram. */
  snapshot?: RecordedSnapshot;
}

export interface RecordingSession {
  format: typeof RECORDING_FORMAT;
  id: string;
  title: string;
  startedAt: string;
  endedAt: string | null;
  /** Panes in their on-screen order, and how many columns the grid had. */
  layout: { columns: number; panes: RecordedPane[] };
  scenario: string | null;
}

/** A recording ready to replay: every pane's events parsed and checked. */
export interface RecordingBundle {
  session: RecordingSession;
  panes: (RecordedPane & { events: CastEvent[] })[];
  events: EngineEventRecord[];
}

export interface RecordingStarted {
  id: string;
  /** Where its files are written. */
  dir: string;
}

export interface RecordingExport {
  /** The bundle as one JSON file: the session, each pane's .cast text, the engine events. */
  bundle: { file: string; text: string };
  casts: { file: string; text: string }[];
}

/** The most text a scenario or recording file may hold to be opened (20 MiB). */
export const MAX_OPEN_CHARS = 20 << 20;
/** Files over this many characters are sent in chunks of this size: with JSON's escaping at worst
 *  6 bytes a character, a chunk stays under browser mode's 2 MiB message limit. */
export const UPLOAD_CHUNK_CHARS = 256 << 10;
