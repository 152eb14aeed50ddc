// The built-in lessons, in the course's order: scenario files (scenarios/lessons/*.yaml)
// shipped inside the app and read when the lessons are first asked for. A person changes a lesson by copying its
// file into their lessons folder; that copy is read instead, and a copy that does not open
// says why in place of the lesson's steps.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import {
  singleHostLessonIds as lessonIds,
  type SingleHostLessonId as LessonId,
} from '../../../shared/lessons';
import type { Scenario } from '../../../shared/scenario';
import { parseScenario } from '../scenarios/parse';
import throughHost from '../../../../scenarios/lessons/through-host.yaml?raw';
import legacyLinks from '../../../../scenarios/lessons/legacy-links.yaml?raw';
import userNetworks from '../../../../scenarios/lessons/user-networks.yaml?raw';
import bindAddresses from '../../../../scenarios/lessons/bind-addresses.yaml?raw';

/** Every id has its file, or this does not type-check. */
export const builtInLessons: Record<LessonId, string> = {
  'through-host': throughHost,
  'legacy-links': legacyLinks,
  'user-networks': userNetworks,
  'bind-addresses': bindAddresses,
};

export interface LessonFile {
  id: LessonId;
  /** Where it was read from: the built-in file's name, or the path of the person's copy. */
  source: string;
  scenario: Scenario | null;
  /** Why the person's copy does not open (the line and the reason), or null. */
  error: string | null;
}

/** $CROSSTALK_LESSONS, else the XDG config folder: where changed copies of lessons go. */
export function userLessonsDir(env = process.env): string {
  if (env.CROSSTALK_LESSONS) return env.CROSSTALK_LESSONS;
  const config = env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(config, 'crosstalk', 'lessons');
}

export function readLesson(id: LessonId, text: string, source: string): Scenario {
  const scenario = parseScenario(text, source);
  if (scenario.id !== id)
    throw new AppError(
      'invalid-input',
      `${source}: the lesson's "id" must be ${id} (the file's name), not ${scenario.id ?? 'missing'}.`,
      `Write "id: ${id}" near the top of the file.`,
    );
  return scenario;
}

/** Each lesson from the person's copy where there is one, else from the built-in file. */
export function loadLessons(dir = userLessonsDir()): LessonFile[] {
  return lessonIds.map((id) => {
    const copy = join(dir, `${id}.yaml`);
    const [text, source] = existsSync(copy)
      ? [readFileSync(copy, 'utf8'), copy]
      : [builtInLessons[id], `${id}.yaml`];
    try {
      return { id, source, scenario: readLesson(id, text, source), error: null };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { id, source, scenario: null, error: message };
    }
  });
}
