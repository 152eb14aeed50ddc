// The four lessons, in the course's order.
import { lessonIds, type LessonId } from '../../../shared/lessons';
import { bindAddresses } from './bind-addresses';
import type { LessonDefinition } from './lesson';
import { legacyLinks } from './legacy-links';
import { throughHost } from './through-host';
import { userNetworks } from './user-networks';

/** Every id has its lesson, or this does not type-check. */
const byId: Record<LessonId, LessonDefinition> = {
  'through-host': throughHost,
  'legacy-links': legacyLinks,
  'user-networks': userNetworks,
  'bind-addresses': bindAddresses,
};

export const lessons: readonly LessonDefinition[] = lessonIds.map((id) => byId[id]);

export function lessonById(id: LessonId): LessonDefinition {
  return byId[id];
}

export const labIdOf = (id: LessonId) => `lesson-${id}`;

/** Every name a lesson's containers use (placeholders included), for conflict checks. */
export function namesOf(lesson: LessonDefinition): string[] {
  const names = lesson.containerGroups.flat().map((c) => c.name!);
  return [...names, ...names.map((n) => `${n}-placeholder`)];
}
