// Turns what dockerode throws into the app's { code, message, hint } errors.
import { AppError } from '../../shared/errors';

interface DockerodeError {
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  code?: string;
  message?: string;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOENT',
  'EACCES',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ECONNRESET',
  'EPIPE',
]);

export function engineMessage(error: unknown): string {
  const e = error as DockerodeError;
  const raw = e?.json?.message ?? e?.message ?? String(error);
  // dockerode prefixes "(HTTP code 409) unexpected - ", which tells a person nothing.
  return raw.replace(/^\(HTTP code \d+\) [\w ]+ - /, '').trim();
}

/** The HTTP status the engine answered with, if the error is its answer (404: no such thing). */
export function engineStatus(error: unknown): number | undefined {
  return (error as DockerodeError | null)?.statusCode;
}

/** Maps an engine failure during `action` (e.g. "Creating container server"). */
export function fromEngine(error: unknown, action: string): AppError {
  if (error instanceof AppError) return error;
  const e = error as DockerodeError;
  const message = engineMessage(error);
  if (e?.code && UNREACHABLE.has(e.code)) {
    return new AppError(
      'engine-unreachable',
      `${action} failed: the Docker engine stopped answering (${e.code}).`,
      'Check that the engine is running; Crosstalk reconnects by itself when it is back.',
    );
  }
  if (/port is already allocated|address already in use/i.test(message)) {
    const port = /:(\d+) failed|:(\d+): bind/.exec(message);
    const which = port ? ` ${port[1] ?? port[2]}` : '';
    return new AppError(
      'port-allocated',
      `${action} failed: host port${which} is already in use.`,
      'Pick another host port, or stop whatever is using it.',
    );
  }
  if (/No such image/i.test(message)) {
    return new AppError(
      'image-missing',
      `${action} failed: the image is not on this engine.`,
      'Pull or build it first (docker pull NAME), or pick an image the engine already has.',
    );
  }
  if (e?.statusCode === 409 && /already in use/i.test(message)) {
    return new AppError(
      'name-in-use',
      `${action} failed: ${message}`,
      'Choose another name, or remove the existing one first.',
    );
  }
  const bridge = /could not find bridge (\S+?):|bridge (\S+?) failed/i.exec(message);
  if (bridge && /no such network interface|could not find bridge/i.test(message)) {
    const name = bridge[1] ?? bridge[2] ?? 'docker0';
    return new AppError(
      'engine-error',
      `${action} failed: the engine's bridge interface ${name} is missing on its host.`,
      `Restart the Docker engine to recreate ${name} (a second dockerd started with --bridge none deletes it, as does ip link del ${name}); meanwhile, a network you create (Networks) works without it.`,
    );
  }
  if (e?.statusCode === 404) {
    return new AppError(
      'not-found',
      `${action} failed: ${message}`,
      'It may have just been removed; the view refreshes by itself.',
    );
  }
  if (e?.statusCode === 400) {
    return new AppError(
      'invalid-input',
      `${action} failed: ${message}`,
      'Correct the value and try again.',
    );
  }
  return new AppError(
    'engine-error',
    `${action} failed: ${message}`,
    'The engine refused; its message above says why.',
  );
}
