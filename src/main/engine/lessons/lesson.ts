// What a lesson is made of, on the main side: the containers it sets up, the
// steps it shows, and the checks and actions that ask the engine for the truth.
import type Dockerode from 'dockerode';
import type { CheckResult, LessonId, LessonStep, ReachRow } from '../../../shared/lessons';
import type { EngineKind } from '../../../shared/model';
import type { CreateContainerSpec } from '../../../shared/schemas';
import type { Netcat } from './netcat';

export interface LessonContext {
  docker: Dockerode;
  labId: string;
  image: string;
  nc: Netcat;
  /** Each container's id as Set up made it (name → id): a re-created one has another. */
  setUp: ReadonlyMap<string, string>;
  /** The host as containers on the default bridge see it, and why. */
  hostAddress: { address: string; reason: string };
  /** Where the person reaches published ports, and why. */
  publishedAt: { address: string; reason: string };
  /** Whether this machine can connect to published ports on loopback (a local engine). */
  hostIsLocal: boolean;
  /** The product the lesson runs on: Podman differs in DNS and has no legacy links. */
  engineKind: EngineKind;
}

export type ContainerSpec = Omit<CreateContainerSpec, 'image' | 'labId'>;

/** Asks the engine whether a step really happened. */
export type Check = (ctx: LessonContext) => Promise<CheckResult>;

/** An engine-side action a step offers (re-create the server, probe), with what it does. */
export interface LessonAction {
  id: string;
  label: string;
  run: Check;
}

/**
 * A step as a lesson defines it: what it shows, and, when it says what it checks, the check
 * itself. A step that names a check but carries none does not type-check.
 */
export type StepDefinition = Omit<LessonStep, 'check' | 'action'> & {
  action: LessonAction | null;
} & (
    | { check: null }
    | {
        /** What the check verifies, in a sentence. */
        check: string;
        verify: Check;
      }
  );

export interface LessonDefinition {
  id: LessonId;
  title: string;
  summary: string;
  networks: string[];
  /** Created group by group; the containers of one group in parallel. */
  containerGroups: ContainerSpec[][];
  steps(ctx: LessonContext): StepDefinition[];
  /** Engines that cannot run the lesson, with the plain reason shown instead of its steps. */
  unsupportedOn?: Partial<Record<EngineKind, string>>;
}

/** A step as the renderer sees it: its check and action named, not carried. */
export function stepView(step: StepDefinition): LessonStep {
  const { action, check, id, title, text, commands } = step;
  return {
    id,
    title,
    text,
    commands,
    check,
    action: action && { id: action.id, label: action.label },
  };
}

export function result(
  ok: boolean,
  detail: string,
  evidence: string[] = [],
  rows?: ReachRow[],
): CheckResult {
  return { ok, detail, evidence, at: new Date().toISOString(), ...(rows ? { rows } : {}) };
}

export const baseContainer = (name: string, extra: Partial<ContainerSpec> = {}): ContainerSpec => ({
  name,
  command: '',
  env: [],
  tty: true,
  ports: [],
  links: [],
  aliases: [],
  expose: [],
  start: true,
  ...extra,
});

export async function ipOn(docker: Dockerode, container: string, network: string): Promise<string> {
  const info = await docker.getContainer(container).inspect();
  return info.NetworkSettings.Networks[network]?.IPAddress ?? '';
}
