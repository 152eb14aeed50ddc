// Making sure an image is on the engine: pulled, with per-layer progress, when
// missing. One pull per image at a time; each can be cancelled.
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import type { PullProgress } from '../../shared/engine-map';
import { pullImage } from './pulls/pull';

export type { PullProgress };

export async function hasImage(docker: Dockerode, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}

/** Pulls `image` unless the engine has it, outside any PullSet (nothing can cancel it). */
export async function ensureImage(
  docker: Dockerode,
  image: string,
  onProgress: (p: PullProgress) => void,
): Promise<void> {
  if (!(await hasImage(docker, image)))
    await pullImage(docker, image, onProgress, new AbortController().signal);
}

export class PullSet {
  private readonly running = new Map<string, { abort: AbortController; done: Promise<void> }>();

  constructor(
    private readonly docker: () => Dockerode,
    private readonly onProgress: (p: PullProgress) => void,
  ) {}

  /** Pulls `image` (joining a pull of it already under way). */
  pull(image: string): Promise<void> {
    const current = this.running.get(image);
    if (current) return current.done;
    const abort = new AbortController();
    const done = pullImage(this.docker(), image, this.onProgress, abort.signal).finally(() =>
      this.running.delete(image),
    );
    this.running.set(image, { abort, done });
    return done;
  }

  /** Pulls `image` unless the engine already has it. */
  async ensure(image: string): Promise<void> {
    if (!(await hasImage(this.docker(), image))) await this.pull(image);
  }

  cancel(image: string): void {
    const current = this.running.get(image);
    if (!current)
      throw new AppError(
        'not-found',
        `No pull of ${image} is running.`,
        'It may have just finished.',
      );
    current.abort.abort();
  }

  cancelAll(): void {
    for (const { abort } of this.running.values()) abort.abort();
  }
}
