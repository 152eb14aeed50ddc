// A Docker host URL (DOCKER_HOST, a context's Host) read as the docker CLI reads it.
import type { EndpointOrigin, EndpointTls, EngineEndpoint } from './types';

const DEFAULT_SOCKET = '/var/run/docker.sock';
const DEFAULT_PIPE = '//./pipe/docker_engine';
const FORMS =
  'Use unix:///path/to/docker.sock, tcp://host:port, ssh://user@host or npipe:////./pipe/docker_engine.';

// host, [v6 host], either with an optional :port, and an optional trailing slash.
const TCP = /^(?:\[([^\]\s/]+)\]|([\w.-]*))(?::(\d*))?\/?$/;
const SSH = /^(?:[^@/\s]+@)?(?:\[([^\]\s/]+)\]|([\w.-]+))(?::(\d+))?\/?$/;

/** As the CLI: without "://", a path (/… or ./…) is a socket and anything else is host:port. */
function splitScheme(url: string): [scheme: string, rest: string] {
  const at = url.indexOf('://');
  if (at >= 0) return [url.slice(0, at), url.slice(at + 3)];
  return [url.startsWith('/') || url.startsWith('./') ? 'unix' : 'tcp', url];
}

function validPort(text: string | undefined, fallback: number, url: string): number {
  if (!text) return fallback;
  const port = Number(text);
  if (port < 1 || port > 65535)
    throw new Error(`"${url}" names port ${text}, which is not a port (1 to 65535).`);
  return port;
}

/** Reads a host URL into an endpoint; throws an Error saying what is wrong and how to write it. */
export function parseHost(
  url: string,
  tls: EndpointTls | null,
  origin: EndpointOrigin,
): EngineEndpoint {
  const trimmed = url.trim();
  if (!trimmed) throw new Error(`The Docker host is empty. ${FORMS}`);
  const [scheme, rest] = splitScheme(trimmed);
  switch (scheme) {
    case 'unix': {
      const path = rest || DEFAULT_SOCKET;
      return { ...origin, url: `unix://${path}`, kind: 'unix', socketPath: path, tls: null };
    }
    case 'npipe': {
      const pipe = rest || DEFAULT_PIPE;
      const socketPath = pipe.replace(/\//g, '\\');
      return { ...origin, url: `npipe://${pipe}`, kind: 'npipe', socketPath, tls: null };
    }
    case 'tcp':
    case 'http':
    case 'https': {
      const m = TCP.exec(rest);
      if (!m)
        throw new Error(
          `"${url}" is not a host and port. Write tcp://host:port, e.g. tcp://192.168.99.100:2376.`,
        );
      const secure = scheme === 'https' ? (tls ?? { verify: false }) : tls;
      // The CLI fills in localhost for a missing host; the port follows TLS.
      const host = m[1] ?? (m[2] || 'localhost');
      const port = validPort(m[3], secure ? 2376 : 2375, url);
      const shown = host.includes(':') ? `[${host}]` : host;
      return { ...origin, url: `tcp://${shown}:${port}`, kind: 'tcp', host, port, tls: secure };
    }
    case 'ssh': {
      const m = SSH.exec(rest);
      const host = m?.[1] ?? m?.[2];
      if (!m || !host)
        throw new Error(
          `"${url}" is not an ssh address. Write ssh://user@host or ssh://user@host:port.`,
        );
      return {
        ...origin,
        url: trimmed,
        kind: 'ssh',
        host,
        port: validPort(m[3], 22, url),
        tls: null,
      };
    }
    default:
      throw new Error(
        `"${url}" uses ${scheme}://, which a Docker client cannot connect to. ${FORMS}`,
      );
  }
}

/** parseHost, its error prefixed with where the URL came from and suffixed with how to fix it there. */
export function parseHostFrom(
  where: string,
  fix: string,
  ...args: Parameters<typeof parseHost>
): EngineEndpoint {
  try {
    return parseHost(...args);
  } catch (error) {
    throw new Error(`${where}: ${(error as Error).message} ${fix}`, { cause: error });
  }
}
