// What checks answer and the plain container spec the lesson in code (across hosts)
// starts from; the other lessons are scenario files (scenarios/lessons/).
import type { CheckResult, ReachRow } from '../../../shared/lessons';
import type { CreateContainerSpec } from '../../../shared/schemas';
import { terminalText } from '../../../shared/terminal-text';

export type ContainerSpec = Omit<CreateContainerSpec, 'image' | 'labId'>;

export function result(
  ok: boolean,
  detail: string,
  evidence: string[] = [],
  rows?: ReachRow[],
): CheckResult {
  // Evidence is shown as text: a console's escape codes must not read as "[?2004h".
  return {
    ok,
    detail,
    evidence: evidence.map(terminalText),
    at: new Date().toISOString(),
    ...(rows ? { rows } : {}),
  };
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
