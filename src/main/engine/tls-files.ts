// The PEM files of a TLS endpoint, read for each connection attempt so that a
// fixed folder is picked up without a restart. A missing or unreadable file is
// an error that names the file and where its folder came from, never a bare
// ENOENT (which used to end browser mode at start).
import { readFileSync } from 'node:fs';
import type Dockerode from 'dockerode';
import { AppError } from '../../shared/errors';
import type { EngineEndpoint, EndpointTls } from './discovery';

export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

const WHAT = { caPath: 'CA certificate', certPath: 'client certificate', keyPath: 'client key' };

export function readTlsFiles(tls: EndpointTls, source: string): TlsMaterial {
  const read = (key: keyof typeof WHAT): Buffer | undefined => {
    const path = tls[key];
    if (!path) return undefined;
    try {
      return readFileSync(path);
    } catch (error) {
      const code = (error as { code?: string }).code;
      throw new AppError(
        'engine-unreachable',
        `The TLS ${WHAT[key]} ${path} (found through ${source}) ${code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`}.`,
        'Point DOCKER_CERT_PATH (or the docker context’s TLS folder) at a folder with ca.pem, cert.pem and key.pem — `docker-machine env` and `docker context create --docker "…,ca=…,cert=…,key=…"` set them up — or unset DOCKER_TLS_VERIFY for an engine without TLS.',
      );
    }
  };
  return { ca: read('caPath'), cert: read('certPath'), key: read('keyPath') };
}

/** Loads (again) the endpoint's PEM files into the client; throws an AppError when one is missing. */
export function loadTls(docker: Dockerode, endpoint: EngineEndpoint): void {
  if (endpoint.kind !== 'tcp' || !endpoint.tls) return;
  const material = readTlsFiles(endpoint.tls, endpoint.source);
  Object.assign(docker.modem, material);
}
