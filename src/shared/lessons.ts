// Lessons as the renderer sees them: the four ways containers talk, as steps
// with commands to type and checks the main side runs against the engine.

/** The lessons of one engine, in the course's order (each a scenario file). */
export const singleHostLessonIds = [
  'through-host',
  'legacy-links',
  'user-networks',
  'bind-addresses',
] as const;
export type SingleHostLessonId = (typeof singleHostLessonIds)[number];
/** Lesson 5 runs on two engines at once (in code: engine-view/across-hosts-run.ts). */
export const ACROSS_HOSTS = 'across-hosts';
/** The lessons, in the course's order: the one list their ids come from. */
export const lessonIds = [...singleHostLessonIds, ACROSS_HOSTS] as const;
export type LessonId = (typeof lessonIds)[number];
export const isSingleHost = (id: LessonId): id is SingleHostLessonId => id !== ACROSS_HOSTS;

/** A command the person can click to type into one container's console. */
export interface LessonCommand {
  container: string;
  /** The engine key the container is on, for lessons across hosts (absent: the engine in use). */
  engine?: string;
  text: string;
  /** Send Ctrl-C first (to end whatever runs in that console). */
  interrupt?: boolean;
}

export interface CheckResult {
  ok: boolean;
  /** What the engine showed, in a sentence. */
  detail: string;
  /** When the check fails: what to do so that it passes (the step's commands or action). */
  hint?: string;
  /** Raw evidence (a file's lines, an env var), with the interesting line first. */
  evidence: string[];
  at: string;
  /** The reachability table, for checks that fill one. */
  rows?: ReachRow[];
}

export interface LessonStep {
  id: string;
  title: string;
  /** Plain explanation; `code` spans in backticks. */
  text: string;
  commands: LessonCommand[];
  /** An engine-side action the step offers (e.g. re-create the server). */
  action: { id: string; label: string } | null;
  /** What the check verifies on the engine; null when the step has nothing to verify. */
  check: string | null;
}

/** One row of the bind-address lesson's reachability table, filled by probes. */
export interface ReachRow {
  from: string;
  to: string;
  ok: boolean;
  detail: string;
}

export interface LessonView {
  id: LessonId;
  title: string;
  summary: string;
  /** Containers and networks the lesson creates (all labelled with its lab id). */
  containers: string[];
  networks: string[];
  steps: LessonStep[];
  /** Facts the lesson filled in from the engine in use (the host's address…). */
  facts: { label: string; value: string; reason: string }[];
  running: boolean;
  image: string | null;
  /** Why this lesson cannot run on the engine in use (e.g. Podman has no --link), or null. */
  unsupported: string | null;
}

export interface LessonSetupInput {
  lessonId: LessonId;
  image: string;
}
