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

export interface LessonDefinition {
  id: LessonId;
  title: string;
  summary: string;
  networks: string[];
  /** Created group by group; the containers of one group in parallel. */
  containerGroups: ContainerSpec[][];
  steps(ctx: LessonContext): LessonStep[];
  checks: Record<string, (ctx: LessonContext) => Promise<CheckResult>>;
  actions?: Record<string, (ctx: LessonContext) => Promise<CheckResult>>;
  /** Engines that cannot run the lesson, with the plain reason shown instead of its steps. */
  unsupportedOn?: Partial<Record<EngineKind, string>>;
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
  expose: [],
  start: true,
  ...extra,
});

export async function ipOn(docker: Dockerode, container: string, network: string): Promise<string> {
  const info = await docker.getContainer(container).inspect();
  return info.NetworkSettings.Networks[network]?.IPAddress ?? '';
}
