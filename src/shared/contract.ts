// The one API contract. Every call and event is declared here once; the Electron
// binding (IPC + MessagePorts) and the browser-mode binding (WebSocket) are both
// derived from these tables, and the renderer's client is generated from them.
import { z } from 'zod';
import type { ContainerDetails, EngineMap } from './engine-map';
import type { EngineChoice, EngineList } from './engines';
import type { EngineViewState, OnEngine } from './engine-view';
import { lessonIds, type CheckResult, type LessonView } from './lessons';
import type { ReachabilityMatrix } from './live-picture';
import type { Snapshot } from './model';
import type { RecordingBundle, RecordingExport, RecordingStarted } from './recording';
import {
  appendRecordingInput,
  beginUploadInput,
  fileTextInput,
  recordingId,
  uploadChunkInput,
  uploadedFileInput,
  startRecordingInput,
} from './recording-schemas';
import type { ScenarioView } from './scenario';
import {
  createContainerInput,
  createNetworkInput,
  connectNetworkInput,
  disconnectNetworkInput,
  openConsoleInput,
  ref,
  consoleId,
  labId,
  imageRef,
  engineKey,
} from './schemas';

interface CallDecl<A extends z.ZodType, R> {
  args: A;
  /** Type-only: the result type, never read at run time. */
  result?: R;
}
const call = <A extends z.ZodType>(args: A) => ({
  returns: <R>(): CallDecl<A, R> => ({ args }),
});
const none = z.undefined();
const byRef = z.object({ id: ref });
const lessonId = z.enum(lessonIds);

export interface ConsoleOpened {
  consoleId: string;
  mode: 'attach' | 'exec';
  /** The shell that was started, for exec consoles. */
  shell: string | null;
}

export const calls = {
  /** The whole engine state; later changes arrive as `snapshot` events. */
  snapshot: call(none).returns<Snapshot>(),
  /** Retry the engine connection now rather than at the next back-off tick. */
  reconnect: call(none).returns<void>(),
  createContainer: call(createContainerInput).returns<{ id: string; name: string }>(),
  startContainer: call(byRef).returns<void>(),
  stopContainer: call(byRef).returns<void>(),
  restartContainer: call(byRef).returns<void>(),
  removeContainer: call(byRef).returns<void>(),
  createNetwork: call(createNetworkInput).returns<{ id: string; name: string }>(),
  removeNetwork: call(byRef).returns<void>(),
  /** `docker network connect`: a running container joins a network, with aliases and links. */
  connectNetwork: call(connectNetworkInput).returns<void>(),
  disconnectNetwork: call(disconnectNetworkInput).returns<void>(),
  /**
   * Remove every Crosstalk-labelled container and network (of one lab, if given); with `only`,
   * just those of them the person was shown and confirmed (ids), nothing made since.
   */
  cleanup: call(
    z.object({
      labId: labId.optional(),
      only: z
        .object({ containers: z.array(ref).max(1000), networks: z.array(ref).max(1000) })
        .optional(),
    }),
  ).returns<{
    containers: number;
    networks: number;
  }>(),
  /** Pull an image onto the engine; progress arrives as `pullProgress` events. */
  pullImage: call(z.object({ image: imageRef })).returns<void>(),
  cancelPull: call(z.object({ image: imageRef })).returns<void>(),
  openConsole: call(openConsoleInput).returns<ConsoleOpened>(),
  closeConsole: call(z.object({ consoleId })).returns<void>(),
  /** The containers this window shows: their sockets arrive as `sockets` events while it watches. */
  watchSockets: call(z.object({ ids: z.array(ref).max(200) })).returns<void>(),
  /** Probes, from inside each container, every other one's listening ports: by name, IP, host. */
  probeReachability: call(
    z.object({ ids: z.array(ref).min(2).max(30) }),
  ).returns<ReachabilityMatrix>(),
  // Lessons: set up, check on the engine, act, reset.
  lessons: call(none).returns<LessonView[]>(),
  /** Lesson 5 runs on two engines (`hosts`: A then B; absent: the two-host lab's nodes). */
  startLesson: call(
    z.object({ lessonId, image: imageRef, hosts: z.tuple([engineKey, engineKey]).optional() }),
  ).returns<LessonView>(),
  resetLesson: call(z.object({ lessonId })).returns<void>(),
  checkLessonStep: call(z.object({ lessonId, stepId: z.string().max(64) })).returns<CheckResult>(),
  lessonAction: call(z.object({ lessonId, actionId: z.string().max(64) })).returns<CheckResult>(),
  // The engines this window shows side by side (each a core of its own); changes arrive as
  // `engineView` events.
  engineView: call(none).returns<EngineViewState>(),
  addEngine: call(z.object({ key: engineKey })).returns<EngineViewState>(),
  removeEngine: call(z.object({ key: engineKey })).returns<EngineViewState>(),
  /** Where the engine lives and how to reach things. */
  engineMap: call(none).returns<EngineMap>(),
  /** Every engine this user has (contexts, DOCKER_HOST, machines, known sockets), each probed now. */
  listEngines: call(none).returns<EngineList>(),
  /**
   * Switches this window to another engine, live: its consoles on the old one close with a
   * line saying so, an `engineSwitched` event and the new engine's snapshot follow. Remembered.
   */
  useEngine: call(z.object({ id: z.string().min(1).max(1100) })).returns<EngineChoice>(),
  /** One container's network facts, read live from the engine and from inside it. */
  inspectContainer: call(byRef).returns<ContainerDetails>(),
  // Scenario files (docs/scenarios.md): parsed and checked on this side, set up, checked.
  openScenario: call(fileTextInput).returns<ScenarioView>(),
  setUpScenario: call(
    z.object({ id: labId, pull: z.boolean().default(false) }),
  ).returns<ScenarioView>(),
  resetScenario: call(z.object({ id: labId })).returns<void>(),
  checkScenarioStep: call(
    z.object({ id: labId, step: z.number().int().min(0).max(500) }),
  ).returns<CheckResult>(),
  // Recordings: each pane as asciicast v2 plus the engine's events, written as they happen.
  startRecording: call(startRecordingInput).returns<RecordingStarted>(),
  appendRecording: call(appendRecordingInput).returns<void>(),
  stopRecording: call(z.object({ id: recordingId })).returns<RecordingStarted>(),
  exportRecording: call(z.object({ id: recordingId })).returns<RecordingExport>(),
  /** Checks a bundle or a .cast for replay; needs no engine. */
  openRecording: call(fileTextInput).returns<RecordingBundle>(),
  /** A recording too large for one message, sent in chunks, then opened. */
  beginUpload: call(beginUploadInput).returns<{ upload: string }>(),
  uploadChunk: call(uploadChunkInput).returns<void>(),
  openUploadedRecording: call(uploadedFileInput).returns<RecordingBundle>(),
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** Every call may name the engine it acts on; the window checks it is one it shows. */
type WithEngine<A> = undefined extends A ? OnEngine | undefined : A & OnEngine;
export type CallArgs<N extends CallName> = WithEngine<z.input<Calls[N]['args']>>;
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> =
  Calls[N] extends CallDecl<z.ZodType, infer R> ? R : never;

export const callNames = Object.keys(calls) as CallName[];
export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(calls, name);
}

export type { ConsoleStatus, ConsoleStatusKind, EventName, Events } from './events';

/** The renderer's view of the contract: one async function per call. */
export type Api = {
  [N in CallName]: (
    ...args: undefined extends CallArgs<N> ? [args?: CallArgs<N>] : [args: CallArgs<N>]
  ) => Promise<CallResult<N>>;
};
