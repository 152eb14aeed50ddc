// Input schemas of the recording calls: what the renderer may append to a recording.
import { z } from 'zod';
import { MAX_OPEN_CHARS, UPLOAD_CHUNK_CHARS } from './recording';
import { containerName } from './schemas';

export const recordingId = z
  .string()
  .regex(/^[0-9]{8}-[0-9]{6}-[a-z0-9-]{1,60}$/, { message: 'Not a recording id.' });

const paneId = containerName;
const time = z
  .number()
  .min(0)
  .max(7 * 24 * 3600);

export const recordedPaneInput = z.object({
  id: paneId,
  title: z.string().max(200),
  width: z.number().int().min(2).max(1000),
  height: z.number().int().min(1).max(500),
});

export const startRecordingInput = z.object({
  title: z.string().trim().min(1).max(200),
  panes: z.array(recordedPaneInput).min(1).max(30),
  columns: z.number().int().min(1).max(30),
  scenario: z.string().max(200).nullable().default(null),
});

export const castEventInput = z.tuple([
  time,
  z.enum(['o', 'i', 'r', 'm']),
  z.string().max(1 << 20),
]);

const record = z.custom<object>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  message: 'An object.',
});
const snapshotInput = z.object({
  containers: z.array(record).max(500),
  networks: z.array(record).max(500),
});

export const engineEventInput = z.object({
  t: time,
  kind: z.enum([
    'created',
    'started',
    'died',
    'destroyed',
    'network-connected',
    'network-disconnected',
    'step',
    'snapshot',
  ]),
  subject: z.string().max(200),
  detail: z.string().max(2000),
  snapshot: snapshotInput.optional(),
});

export const appendRecordingInput = z.object({
  id: recordingId,
  panes: z.array(z.object({ pane: paneId, events: z.array(castEventInput).max(100_000) })).max(30),
  events: z.array(engineEventInput).max(10_000).default([]),
});

/** A file the person opened: its text and what they call it (its name). */
const uploadId = z.uuid();

/** A large file sent in chunks (browser mode's messages are at most 2 MiB). */
export const beginUploadInput = z.object({
  total: z
    .number()
    .int()
    .min(1)
    .max(Math.ceil(MAX_OPEN_CHARS / UPLOAD_CHUNK_CHARS) + 1),
  chars: z.number().int().min(1),
});
export const uploadChunkInput = z.object({
  upload: uploadId,
  index: z.number().int().min(0),
  text: z.string().max(UPLOAD_CHUNK_CHARS),
});
export const uploadedFileInput = z.object({ upload: uploadId, source: z.string().max(300) });

export const fileTextInput = z.object({
  text: z.string().max(50 << 20),
  source: z.string().max(300),
});
