// Files too large for one message (browser mode's WebSocket takes at most 2 MiB a frame)
// arrive in numbered chunks: checked in order and against a size cap as they come, joined
// when the last one is in, and forgotten when taken or left idle.
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { MAX_OPEN_CHARS, UPLOAD_CHUNK_CHARS } from '../../../shared/recording';

const IDLE_MS = 60_000;
const AT_ONCE = 8;

interface Upload {
  chunks: string[];
  chars: number;
  total: number;
  touched: number;
}

const tooLarge = (chars: number) =>
  new AppError(
    'invalid-input',
    `The file is ${(chars / 2 ** 20).toFixed(1)} MB of text; Crosstalk opens files of at most ${MAX_OPEN_CHARS / 2 ** 20} MB.`,
    'Open one pane’s .cast instead of the whole bundle, or record fewer panes or a shorter session.',
  );

export class Uploads {
  private readonly open = new Map<string, Upload>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Starts an upload of `total` chunks; returns its id. */
  begin(total: number, chars: number): string {
    this.expire();
    if (chars > MAX_OPEN_CHARS) throw tooLarge(chars);
    if (total !== Math.ceil(chars / UPLOAD_CHUNK_CHARS))
      throw new AppError(
        'invalid-input',
        `${chars} characters are ${Math.ceil(chars / UPLOAD_CHUNK_CHARS)} chunks of ${UPLOAD_CHUNK_CHARS}, not ${total}.`,
        'Send the file again.',
      );
    if (this.open.size >= AT_ONCE)
      throw new AppError(
        'invalid-input',
        `${AT_ONCE} uploads are already under way.`,
        'Wait for them to finish (or a minute), then open the file again.',
      );
    const id = randomUUID();
    this.open.set(id, { chunks: [], chars: 0, total, touched: this.now() });
    return id;
  }

  /** Takes chunk `index`, which must be the next one. */
  add(id: string, index: number, text: string): void {
    const upload = this.get(id);
    if (index !== upload.chunks.length || index >= upload.total) {
      this.open.delete(id);
      throw new AppError(
        'invalid-input',
        `Chunk ${index} arrived where chunk ${upload.chunks.length} of ${upload.total} was due.`,
        'Open the file again.',
      );
    }
    upload.chars += text.length;
    if (upload.chars > MAX_OPEN_CHARS) {
      this.open.delete(id);
      throw tooLarge(upload.chars);
    }
    upload.chunks.push(text);
    upload.touched = this.now();
  }

  /** The whole text, once every chunk is in; the upload is forgotten. */
  take(id: string): string {
    const upload = this.get(id);
    this.open.delete(id);
    if (upload.chunks.length !== upload.total)
      throw new AppError(
        'invalid-input',
        `Only ${upload.chunks.length} of ${upload.total} chunks of the file arrived.`,
        'Open the file again.',
      );
    return upload.chunks.join('');
  }

  private get(id: string): Upload {
    this.expire();
    const upload = this.open.get(id);
    if (!upload)
      throw new AppError(
        'not-found',
        'That upload is not under way (it finished, failed, or waited over a minute).',
        'Open the file again.',
      );
    return upload;
  }

  private expire(): void {
    for (const [id, u] of this.open) if (this.now() - u.touched > IDLE_MS) this.open.delete(id);
  }
}
