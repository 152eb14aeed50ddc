// Making sure an image is on the engine: pulled, with progress, when missing.
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import { engineMessage } from './docker-errors';
import type { PullProgress } from '../../shared/engine-map';

export type { PullProgress };

interface ProgressEvent {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
}

export async function hasImage(docker: Dockerode, image: string): Promise<boolean> {
  try {
    await docker.getImage(image).inspect();
    return true;
  } catch {
    return false;
  }
}

export async function ensureImage(
  docker: Dockerode,
  image: string,
  onProgress: (p: PullProgress) => void,
): Promise<void> {
  if (await hasImage(docker, image)) return;
  const layers = new Map<string, { current: number; total: number }>();
  try {
    const stream = await docker.pull(image);
    await new Promise<void>((resolve, reject) => {
      docker.modem.followProgress(
        stream,
        (error: Error | null) => (error ? reject(error) : resolve()),
        (ev: ProgressEvent) => {
          if (ev.id && ev.progressDetail?.total) {
            layers.set(ev.id, {
              current: ev.progressDetail.current ?? 0,
              total: ev.progressDetail.total,
            });
          }
          const total = [...layers.values()].reduce((s, l) => s + l.total, 0);
          const current = [...layers.values()].reduce((s, l) => s + l.current, 0);
          onProgress({
            image,
            fraction: total ? current / total : null,
            status: ev.status ?? '',
            done: false,
          });
        },
      );
    });
    onProgress({ image, fraction: 1, status: 'Pulled', done: true });
  } catch (error) {
    onProgress({ image, fraction: null, status: 'Failed', done: true });
    throw new AppError(
      'image-missing',
      `Could not pull ${image}: ${engineMessage(error)}`,
      'The engine cannot reach a registry. Pick an image that is already on the engine (for example crosstalk-test:latest).',
    );
  }
}
