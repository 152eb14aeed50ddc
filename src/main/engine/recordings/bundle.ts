// Opens a recording to replay: a session bundle (.crosstalk.json) or a single
// pane's .cast. Every part is checked, and a fault names its line and reason.
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  RECORDING_FORMAT,
  type EngineEventRecord,
  type RecordedSnapshot,
  type RecordingBundle,
  type RecordingSession,
} from '../../../shared/recording';
import { engineEventInput, recordedPaneInput } from '../../../shared/recording-schemas';
import { lineOf, parseWith, readSource } from '../scenarios/source-lines';
import { parseCast } from './cast';

const WHAT = 'recording';

const bundleFile = z.strictObject({
  format: z.literal(RECORDING_FORMAT, {
    error: `Not a Crosstalk recording: "format" must be "${RECORDING_FORMAT}".`,
  }),
  session: z.object({
    id: z.string().max(200),
    title: z.string().max(200),
    startedAt: z.string().max(40),
    endedAt: z.string().max(40).nullable(),
    layout: z.object({
      columns: z.number().int().min(1).max(30),
      panes: z.array(recordedPaneInput).min(1).max(30),
    }),
    scenario: z.string().max(200).nullable(),
  }),
  casts: z.record(z.string(), z.string()),
  events: z.array(engineEventInput),
});

function fromCast(text: string, source: string): RecordingBundle {
  const { header, events } = parseCast(text, source);
  const id = (header.title || 'pane').replace(/[^A-Za-z0-9_.-]+/g, '-').slice(0, 60) || 'pane';
  const pane = { id, title: header.title || source, width: header.width, height: header.height };
  const session: RecordingSession = {
    format: RECORDING_FORMAT,
    id,
    title: header.title || source,
    startedAt: new Date((header.timestamp || 0) * 1000).toISOString(),
    endedAt: null,
    layout: { columns: 1, panes: [pane] },
    scenario: null,
  };
  return { session, panes: [{ ...pane, events }], events: [] };
}

export function openRecording(text: string, source: string): RecordingBundle {
  if (!text.trim())
    throw new AppError(
      'invalid-input',
      `${source} is empty.`,
      'Pick a .cast or .crosstalk.json file.',
    );
  // A .cast starts with its header object and has one event per line; a bundle is one object.
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  if (/^\s*\{.*"version"\s*:\s*2/.test(firstLine) && !firstLine.includes(RECORDING_FORMAT))
    return fromCast(text, source);
  const doc = readSource(text, source, WHAT);
  const file = parseWith(bundleFile, doc, WHAT);
  const panes = file.session.layout.panes.map((p) => {
    const name = `${p.id}.cast`;
    const cast = file.casts[name];
    if (cast === undefined)
      throw new AppError(
        'invalid-input',
        `${source}, line ${lineOf(doc, ['casts'])}: casts: there is no "${name}" for pane ${p.id}.`,
        'Export the recording again: every pane needs its .cast.',
      );
    const line = lineOf(doc, ['casts', name]);
    const { events } = parseCast(cast, `${source}, line ${line} (${name})`);
    return { ...p, events };
  });
  let last = 0;
  file.events.forEach((e, i) => {
    if (e.t < last)
      throw new AppError(
        'invalid-input',
        `${source}, line ${lineOf(doc, ['events', i, 't'])}: events[${i}].t: ${e.t} is before the previous event's ${last}.`,
        'Engine events are in time order; export the recording again.',
      );
    last = e.t;
  });
  return {
    session: { ...file.session, format: RECORDING_FORMAT },
    panes,
    events: file.events.map(({ snapshot, ...e }): EngineEventRecord =>
      snapshot ? { ...e, snapshot: snapshot as unknown as RecordedSnapshot } : e,
    ),
  };
}
