// The four lessons, in the course's order.
import type { LessonId } from '../../../shared/lessons';
import { bindAddresses } from './bind-addresses';
import type { LessonDefinition } from './lesson';
import { legacyLinks } from './legacy-links';
import { throughHost } from './through-host';
import { userNetworks } from './user-networks';

export const lessons: readonly LessonDefinition[] = [
  throughHost,
  legacyLinks,
  userNetworks,
  bindAddresses,
];

export function lessonById(id: LessonId): LessonDefinition {
  const lesson = lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`No lesson ${id}`);
  return lesson;
}

export const labIdOf = (id: LessonId) => `lesson-${id}`;

/** Every name a lesson's containers use (placeholders included), for conflict checks. */
export function namesOf(lesson: LessonDefinition): string[] {
  const names = lesson.containerGroups.flat().map((c) => c.name!);
  return [...names, ...names.map((n) => `${n}-placeholder`)];
}
