// The contract's lesson, engine-map and inspector calls.
import type { Handlers } from './dispatch';
import type { EngineEndpoint } from './discovery';
import { engineMap } from './engine-map';
import { inspectContainer } from './inspector';
import type { LessonRunner } from './lessons/runner';
import type { LiveState } from './live-state';
import { readContainerSockets } from './sockets/read-sockets';
import { AppError } from '../../shared/errors';
import { isSingleHost, type LessonId, type SingleHostLessonId } from '../../shared/lessons';

/** Lesson 5 spans two engines: a window runs it (engine-view/), never one engine's core. */
function oneEngine(id: LessonId): SingleHostLessonId {
  if (isSingleHost(id)) return id;
  throw new AppError(
    'invalid-input',
    'Lesson 5, Across hosts, runs on two engines at once, not on one.',
    'Open it in a Crosstalk window: it adds the two-host lab’s engines to the view.',
  );
}

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
    startLesson: async ({ lessonId, image }) => lessons.start(oneEngine(lessonId), image),
    resetLesson: async ({ lessonId }) => lessons.reset(oneEngine(lessonId)),
    checkLessonStep: async ({ lessonId, stepId }) => lessons.check(oneEngine(lessonId), stepId),
    lessonAction: async ({ lessonId, actionId }) => lessons.act(oneEngine(lessonId), actionId),
    engineMap: async () => engineMap(state.docker, endpoint),
    inspectContainer: async ({ id }) => inspectContainer(state.docker, id, readSockets),
  };
}
