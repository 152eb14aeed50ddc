// Pulling an image onto the engine: credentials from the docker config, the
// engine's progress stream folded into per-layer rows (sent at most every 100 ms),
// the engine's own error line as the error, and cancel by aborting the request
// (the engine stops a pull whose client went away).
import type Dockerode from 'dockerode';
import type { PullProgress } from '../../../shared/engine-map';
import { AppError } from '../../../shared/errors';
import { engineMessage } from '../docker-errors';
import { credentialsFor } from './credentials';
import { PullTracker, type PullEvent } from './pull-progress';
import { pullError, registryOf } from './registry-errors';
import { lineReader } from '../json-lines';

const SEND_EVERY_MS = 100;

/** "127.0.0.1:5000/big:1" → fromImage and tag as the API wants them. */
export function splitReference(image: string): { fromImage: string; tag: string } {
  const at = image.indexOf('@');
  if (at >= 0) return { fromImage: image.slice(0, at), tag: image.slice(at + 1) };
  const colon = image.lastIndexOf(':');
  return colon > image.lastIndexOf('/')
    ? { fromImage: image.slice(0, colon), tag: image.slice(colon + 1) }
    : { fromImage: image, tag: 'latest' };
}

function openPull(
  docker: Dockerode,
  image: string,
  signal: AbortSignal,
): Promise<NodeJS.ReadableStream> {
  const auth = credentialsFor(registryOf(image));
  return new Promise((resolve, reject) =>
    docker.modem.dial(
      {
        path: '/images/create?',
        method: 'POST',
        // Only the reference travels in the query; credentials go in X-Registry-Auth
        // (dockerode's pull would also put them in the query string).
        options: { _query: splitReference(image), _body: {} },
        ...(auth ? { authconfig: auth } : {}),
        abortSignal: signal,
        isStream: true,
        statusCodes: { 200: true, 404: 'not found', 500: 'server error' },
      },
      (error: unknown, stream: unknown) =>
        error ? reject(error as Error) : resolve(stream as NodeJS.ReadableStream),
    ),
  );
}

export async function pullImage(
  docker: Dockerode,
  image: string,
  onProgress: (p: PullProgress) => void,
  signal: AbortSignal,
): Promise<void> {
  const tracker = new PullTracker(image);
  const fail = (error: AppError): never => {
    onProgress({ ...tracker.progress(true), status: 'Failed', error: error.toJSON() });
    throw error;
  };
  onProgress(tracker.progress());
  let stream: NodeJS.ReadableStream;
  try {
    stream = await openPull(docker, image, signal);
  } catch (error) {
    if (signal.aborted) return fail(cancelled(image));
    return fail(pullError(image, engineMessage(error)));
  }
  let lastSent = 0;
  await new Promise<void>((resolve) => {
    const readLines = lineReader((line) => {
      try {
        tracker.add(JSON.parse(line) as PullEvent);
      } catch {
        // A line that is not JSON carries nothing to show.
      }
    });
    stream.on('data', (chunk: Buffer) => {
      readLines(chunk);
      if (Date.now() - lastSent >= SEND_EVERY_MS) {
        lastSent = Date.now();
        onProgress(tracker.progress());
      }
    });
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', resolve);
  });
  if (signal.aborted) return fail(cancelled(image));
  if (tracker.error) return fail(pullError(image, tracker.error));
  onProgress({ ...tracker.progress(true), status: 'Pulled', fraction: 1 });
}

const cancelled = (image: string) =>
  new AppError(
    'invalid-input',
    `The pull of ${image} was cancelled.`,
    'Start it again when you want the image.',
  );
