// Writes recordings as they happen: one asciicast v2 file per pane and an
// engine-events log, appended on every batch the window sends (it sends one
// every quarter second), so a crash loses at most the last second.
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { AppError } from '../../../shared/errors';
import {
  RECORDING_FORMAT,
  type CastEvent,
  type RecordingExport,
  type RecordingSession,
  type RecordingStarted,
} from '../../../shared/recording';
import type { appendRecordingInput, startRecordingInput } from '../../../shared/recording-schemas';
import { castEventLines, castHeaderLine } from './cast';

/** $CROSSTALK_RECORDINGS, else the XDG data folder. */
export function defaultRecordingsDir(): string {
  if (process.env.CROSSTALK_RECORDINGS) return process.env.CROSSTALK_RECORDINGS;
  const data = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(data, 'crosstalk', 'recordings');
}

interface Active {
  dir: string;
  session: RecordingSession;
  /** The last time written per pane: times never go back within a file. */
  last: Map<string, number>;
  /** Appends run one after another, in the order the batches arrived. */
  queue: Promise<void>;
}

const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40) || 'session';

export class RecordingStore {
  private readonly active = new Map<string, Active>();

  constructor(private readonly root: string = defaultRecordingsDir()) {}

  async start(input: z.output<typeof startRecordingInput>): Promise<RecordingStarted> {
    const now = new Date();
    const id = `${stamp(now)}-${slug(input.title)}`;
    const dir = join(this.root, id);
    const session: RecordingSession = {
      format: RECORDING_FORMAT,
      id,
      title: input.title,
      startedAt: now.toISOString(),
      endedAt: null,
      layout: { columns: input.columns, panes: input.panes },
      scenario: input.scenario,
    };
    try {
      await mkdir(dir, { recursive: true });
      await Promise.all([
        writeFile(join(dir, 'session.json'), `${JSON.stringify(session, null, 2)}\n`),
        writeFile(join(dir, 'events.jsonl'), ''),
        ...input.panes.map((p) =>
          writeFile(
            join(dir, `${p.id}.cast`),
            castHeaderLine({
              version: 2,
              width: p.width,
              height: p.height,
              timestamp: Math.floor(now.getTime() / 1000),
              title: p.title,
              env: { TERM: 'xterm-256color' },
            }),
          ),
        ),
      ]);
    } catch (error) {
      throw new AppError(
        'internal',
        `Could not start the recording in ${dir}: ${(error as Error).message}`,
        'Check that the folder is writable, or set CROSSTALK_RECORDINGS to another folder.',
      );
    }
    this.active.set(id, { dir, session, last: new Map(), queue: Promise.resolve() });
    return { id, dir };
  }

  async append(input: z.output<typeof appendRecordingInput>): Promise<void> {
    const rec = this.get(input.id);
    const known = new Set(rec.session.layout.panes.map((p) => p.id));
    for (const { pane } of input.panes)
      if (!known.has(pane))
        throw new AppError('invalid-input', `Pane ${pane} is not part of this recording.`, '');
    const write = async () => {
      for (const { pane, events } of input.panes) {
        if (!events.length) continue;
        let last = rec.last.get(pane) ?? 0;
        const monotonic = events.map(([t, code, data]): CastEvent => {
          last = Math.max(last, t);
          return [last, code, data];
        });
        rec.last.set(pane, last);
        await appendFile(join(rec.dir, `${pane}.cast`), castEventLines(monotonic));
      }
      if (input.events.length)
        await appendFile(
          join(rec.dir, 'events.jsonl'),
          input.events.map((e) => `${JSON.stringify(e)}\n`).join(''),
        );
    };
    // One failed write (a full disk) is reported to its caller and does not block the next.
    const done = rec.queue.then(write);
    rec.queue = done.catch(() => undefined);
    return done;
  }

  async stop(id: string): Promise<RecordingStarted> {
    const rec = this.get(id);
    await rec.queue;
    rec.session.endedAt = new Date().toISOString();
    await writeFile(join(rec.dir, 'session.json'), `${JSON.stringify(rec.session, null, 2)}\n`);
    this.active.delete(id);
    return { id, dir: rec.dir };
  }

  /** The bundle and each pane's .cast, read back from the files as written. */
  async export(id: string): Promise<RecordingExport> {
    const dir = join(this.root, id);
    const active = this.active.get(id);
    if (active) await active.queue;
    let session: RecordingSession;
    try {
      session = JSON.parse(await readFile(join(dir, 'session.json'), 'utf8')) as RecordingSession;
    } catch {
      throw new AppError('not-found', `No recording ${id} in ${this.root}.`, 'Record one first.');
    }
    const casts = await Promise.all(
      session.layout.panes.map(async (p) => ({
        file: `${p.id}.cast`,
        text: await readFile(join(dir, `${p.id}.cast`), 'utf8'),
      })),
    );
    const events = (await readFile(join(dir, 'events.jsonl'), 'utf8'))
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as unknown);
    const bundle = {
      format: RECORDING_FORMAT,
      session,
      casts: Object.fromEntries(casts.map((c) => [c.file, c.text])),
      events,
    };
    return {
      bundle: { file: `${id}.crosstalk.json`, text: `${JSON.stringify(bundle, null, 1)}\n` },
      casts,
    };
  }

  private get(id: string): Active {
    const rec = this.active.get(id);
    if (!rec)
      throw new AppError(
        'not-found',
        `Recording ${id} is not running.`,
        'Start a recording first.',
      );
    return rec;
  }
}
