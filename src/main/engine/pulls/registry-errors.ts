// A failed pull in the engine's words, with the hint for its kind: the image is
// not there, the registry wants a login, the registry cannot be reached, or it
// speaks plain HTTP to an engine that wants HTTPS.
import { AppError } from '../../../shared/errors';

/** The registry part of a reference: "127.0.0.1:5000/big:1" → "127.0.0.1:5000"; Docker Hub otherwise. */
export function registryOf(image: string): string {
  const first = image.split('/')[0]!;
  return image.includes('/') && /[.:]|^localhost$/.test(first) ? first : 'docker.io';
}

export function pullError(image: string, engineLine: string): AppError {
  const registry = registryOf(image);
  const said = engineLine.trim();
  const message = (what: string) => `Could not pull ${image}: ${what} (the engine said: ${said})`;
  if (/server gave HTTP response to HTTPS client|http: server gave HTTP/i.test(said))
    return new AppError(
      'engine-error',
      message(`${registry} speaks plain HTTP, and the engine only pulls from it over HTTPS`),
      `Mark ${registry} as an insecure registry for this engine (Docker: "insecure-registries" in /etc/docker/daemon.json; Podman: insecure = true for it in registries.conf) and restart the engine — or serve the registry with TLS.`,
    );
  if (
    /unauthorized|authentication required|no basic auth credentials|denied: requested access/i.test(
      said,
    )
  )
    return new AppError(
      'unauthorized',
      message(`${registry} wants a login, and the credentials sent were missing or refused`),
      `Run \`docker login ${registry}\`: Crosstalk sends the credentials your docker config holds for it (auths or a credential helper).`,
    );
  if (/manifest unknown|not found|does not exist|name unknown|pull access denied/i.test(said))
    return new AppError(
      'image-missing',
      message(`${registry} has no such image or tag`),
      'Check the name and the tag (the part after ":"); the registry answered, it just has no image by that name.',
    );
  if (
    /connection refused|no such host|i\/o timeout|network is unreachable|dial tcp|TLS handshake timeout|server misbehaving|connect: /i.test(
      said,
    )
  )
    return new AppError(
      'engine-unreachable',
      message(`the engine cannot reach ${registry}`),
      'Check the registry’s address and port and that it is running; note that the engine, not this app, connects to it (from the engine’s machine).',
    );
  return new AppError(
    'engine-error',
    `Could not pull ${image}: ${said}`,
    'The engine’s message says why.',
  );
}
