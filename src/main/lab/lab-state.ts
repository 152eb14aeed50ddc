// The record `lab up` leaves for `down`, `status`, the app and the tests: which daemons it
// started and where they answer.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { labRunDir, labStateFile } from './two-hosts-plan';

const labNodeState = z.object({
  name: z.string(),
  endpoint: z.string(),
  socketPath: z.string(),
  underlayIp: z.string(),
  pid: z.number().int(),
});

const labState = z.object({
  image: z.string(),
  startedAt: z.string(),
  /** `ip netns add` made /run/netns a mount point for this lab; `down` undoes that when it is empty. */
  madeNetnsMount: z.boolean(),
  nodes: z.array(labNodeState),
});

export type LabNodeState = z.infer<typeof labNodeState>;
export type LabState = z.infer<typeof labState>;

export function readLabState(file = labStateFile): LabState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = labState.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // a half-written record: `down` still finds the traces on its own
  }
}

export function writeLabState(state: LabState, file = labStateFile): void {
  mkdirSync(labRunDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`);
}

export function removeLabState(file = labStateFile): void {
  rmSync(file, { force: true });
}
