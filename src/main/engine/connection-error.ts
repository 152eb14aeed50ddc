// Why an engine could not be reached, said as well as the docker CLI says it:
// what happened (nothing listening, no socket, a certificate refused on either
// side, HTTP against TLS or the reverse, no answer in time) and what to do.
// "No engine answered" only when none did. Pure: the caller passes the error
// and the endpoint it tried.
import type { AppErrorShape } from '../../shared/errors';
import type { EndpointTls } from './discovery';

export interface TriedEndpoint {
  /** e.g. tcp://127.0.0.1:2376 */
  url: string;
  /** How it was chosen: DOCKER_HOST, docker context, default socket… */
  source: string;
  tls: EndpointTls | null;
}

interface ErrorLike {
  code?: string;
  statusCode?: number;
  message?: string;
  reason?: string;
  json?: unknown;
}

const CA_UNKNOWN = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
]);

/** The text of an error, including a body dockerode kept as bytes. */
function textOf(e: ErrorLike): string {
  const body =
    e.json && typeof e.json === 'object' && 'type' in e.json && 'data' in e.json
      ? Buffer.from((e.json as { data: number[] }).data).toString('utf8')
      : typeof e.json === 'object' && e.json && 'message' in e.json
        ? String((e.json as { message: unknown }).message)
        : '';
  return `${e.message ?? ''} ${body}`;
}

const where = (t: TriedEndpoint) =>
  t.source === 'default socket' ? t.url : `${t.url} (from ${t.source})`;

export function describeConnectionError(error: unknown, tried: TriedEndpoint): AppErrorShape {
  const e = (error ?? {}) as ErrorLike;
  const code = e.code ?? '';
  const text = textOf(e);
  const at = where(tried);
  const unix = tried.url.startsWith('unix://');
  const certDir = tried.tls?.certPath ?? tried.tls?.caPath ?? 'DOCKER_CERT_PATH';
  const fail = (message: string, hint: string): AppErrorShape => ({
    code: 'engine-unreachable',
    message,
    hint,
  });

  if (CA_UNKNOWN.has(code))
    return fail(
      `The engine at ${at} answered, but its certificate is signed by an unknown authority: ${tried.tls?.caPath ?? 'the CA file'} did not sign it.`,
      'Use the ca.pem of the CA that signed the engine’s certificate (the one given to its --tlscacert), in DOCKER_CERT_PATH or the context’s TLS folder.',
    );
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID')
    return fail(
      `The engine at ${at} answered with a certificate made for another name or address.`,
      'Connect by a name or IP its certificate lists (subjectAltName), or have a certificate made for this address.',
    );
  if (code === 'CERT_HAS_EXPIRED')
    return fail(
      `The engine at ${at} answered with an expired certificate.`,
      'Renew the engine’s certificate (and the CA’s, if it expired too).',
    );
  if (
    /alert bad certificate|alert number 42|certificate required|alert unknown ca|alert number 48/i.test(
      text,
    )
  )
    return fail(
      `The engine at ${at} answered but refused this client’s certificate: the server has client authentication (--tlsverify) enabled.`,
      tried.tls?.certPath
        ? `Check your TLS client certification settings: ${tried.tls.certPath} and its key must be signed by the CA the engine trusts.`
        : `No client certificate was sent: put cert.pem and key.pem (signed by the CA the engine trusts) beside ${certDir}.`,
    );
  if (/Client sent an HTTP request to an HTTPS server/i.test(text))
    return fail(
      `The engine at ${at} speaks TLS, but Crosstalk connected with plain HTTP.`,
      'Set DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem (or use a docker context with TLS).',
    );
  if (code === 'EPROTO' || /wrong version number|packet length too long/i.test(text))
    return fail(
      `What answers at ${at} does not speak TLS, but Crosstalk connected with TLS.`,
      'Unset DOCKER_TLS_VERIFY (and DOCKER_TLS) for an engine without TLS, or check the port: 2376 is the usual TLS port, 2375 the plain one.',
    );
  if (code === 'ECONNREFUSED')
    return fail(
      unix
        ? `No engine answered at ${at}: the socket exists but nothing accepts connections on it.`
        : `No engine answered at ${at}: nothing listens there (connection refused).`,
      unix
        ? 'Start the engine (Docker: `sudo systemctl start docker` or `sudo dockerd`; Podman: `podman system service`).'
        : 'Start the engine there, or check the host and port: the engine may listen on another port or only on its own loopback.',
    );
  if (code === 'ENOENT' && unix)
    return fail(
      `No engine answered at ${at}: the socket file does not exist, so the engine is not running.`,
      tried.source === 'default socket'
        ? 'Start Docker (Docker Desktop, or `sudo dockerd` on Linux), or set DOCKER_HOST to your engine.'
        : 'Start the engine, or point DOCKER_HOST (or the docker context) at the socket it really uses.',
    );
  if (code === 'EACCES')
    return fail(
      `The engine’s socket at ${at} exists, but this user may not use it (permission denied).`,
      'Add yourself to the group that owns the socket (`sudo usermod -aG docker $USER`, then log in again), or use a rootless engine.',
    );
  if (code === 'ETIMEDOUT' || /timed out/i.test(text))
    return fail(
      `No answer from ${at} in time: the connection neither succeeded nor was refused.`,
      'The host may be down or a firewall may drop the traffic; check that the address is right and reachable from this machine.',
    );
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return fail(
      `The host name in ${at} does not resolve.`,
      'Check the name in DOCKER_HOST or the docker context, or use an IP address.',
    );
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH')
    return fail(
      `No route to ${at}: the network cannot reach that host.`,
      'Check that the machine running the engine is up and on a network this one reaches.',
    );
  if (code === 'ECONNRESET' || code === 'EPIPE')
    return fail(
      `The connection to ${at} was cut while talking to the engine.`,
      'Something between here and the engine (or the engine itself) closed it: if the engine uses TLS, check DOCKER_TLS_VERIFY and the certificates; else check that it is running.',
    );
  const detail = text.replace(/^\(HTTP code \d+\) [\w ]+ - /, '').trim() || String(error);
  return fail(
    e.statusCode
      ? `The engine at ${at} answered with an error: ${detail}`
      : `No Docker engine answered at ${at}${code ? ` (${code})` : ''}: ${detail}`,
    `Check that the engine at ${tried.url} is running and reachable.`,
  );
}
