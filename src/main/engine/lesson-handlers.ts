// The contract's lesson, engine-map and inspector calls.
import type { Handlers } from './dispatch';
import type { EngineEndpoint } from './discovery';
import { engineMap } from './engine-map';
import { inspectContainer } from './inspector';
import type { LessonRunner } from './lessons/runner';
import type { LiveState } from './live-state';
import { readContainerSockets } from './sockets/read-sockets';

export type LessonCall =
  | 'lessons'
  | 'startLesson'
  | 'resetLesson'
  | 'checkLessonStep'
  | 'lessonAction'
  | 'engineMap'
  | 'inspectContainer';

export interface LessonDeps {
  state: LiveState;
  lessons: LessonRunner;
  endpoint: EngineEndpoint;
  /** Read sockets through /proc of the host (only for a local Linux engine). */
  hostProc: boolean;
}

export function lessonHandlers({
  state,
  lessons,
  endpoint,
  hostProc,
}: LessonDeps): Pick<Handlers, LessonCall> {
  const readSockets = readContainerSockets({ docker: state.docker, hostProc });
  return {
    lessons: async () => lessons.list(),
    startLesson: async ({ lessonId, image }) => lessons.start(lessonId, image),
    resetLesson: async ({ lessonId }) => lessons.reset(lessonId),
    checkLessonStep: async ({ lessonId, stepId }) => lessons.check(lessonId, stepId),
    lessonAction: async ({ lessonId, actionId }) => lessons.act(lessonId, actionId),
    engineMap: async () => engineMap(state.docker, endpoint),
    inspectContainer: async ({ id }) => inspectContainer(state.docker, id, readSockets),
  };
}
