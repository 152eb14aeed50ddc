// The contract's scenario and recording calls. Opening a scenario or a
// recording needs no engine (a replay runs without one); set-up and checks do.
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../dispatch';
import type { LiveState } from '../live-state';
import type { RecordingStore } from '../recordings/store';
import { Uploads } from '../recordings/uploads';
import type { ScenarioRunner } from './runner';

/** The bundle reader brings the YAML parser: loaded when a recording is first opened. */
const openRecording = async (text: string, source: string) =>
  (await import('../recordings/bundle')).openRecording(text, source);

export type ScenarioCall =
  | 'openScenario'
  | 'setUpScenario'
  | 'resetScenario'
  | 'checkScenarioStep'
  | 'startRecording'
  | 'appendRecording'
  | 'stopRecording'
  | 'exportRecording'
  | 'openRecording'
  | 'beginUpload'
  | 'uploadChunk'
  | 'openUploadedRecording';

export function scenarioHandlers(deps: {
  state: LiveState;
  scenarios: ScenarioRunner;
  recordings: RecordingStore;
}): Pick<Handlers, ScenarioCall> {
  const { state, scenarios, recordings } = deps;
  const uploads = new Uploads();
  const needEngine = () => {
    if (!state.isConnected)
      throw new AppError(
        'engine-unreachable',
        'The scenario needs a Docker engine, and none is connected.',
        'Start the engine (Crosstalk reconnects by itself), or replay a recording instead.',
      );
  };
  return {
    openScenario: async ({ text, source }) => scenarios.open(text, source),
    setUpScenario: async ({ id, pull }) => (needEngine(), scenarios.setUp(id, pull)),
    resetScenario: async ({ id }) => (needEngine(), scenarios.reset(id)),
    checkScenarioStep: async ({ id, step }) => (needEngine(), scenarios.check(id, step)),
    startRecording: async (input) => recordings.start(input),
    appendRecording: async (input) => recordings.append(input),
    stopRecording: async ({ id }) => recordings.stop(id),
    exportRecording: async ({ id }) => recordings.export(id),
    openRecording: async ({ text, source }) => openRecording(text, source),
    beginUpload: async ({ total, chars }) => ({ upload: uploads.begin(total, chars) }),
    uploadChunk: async ({ upload, index, text }) => uploads.add(upload, index, text),
    openUploadedRecording: async ({ upload, source }) =>
      openRecording(uploads.take(upload), source),
  };
}
