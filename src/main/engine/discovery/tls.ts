// TLS material found the way the docker CLI finds it: from the environment
// (DOCKER_TLS_VERIFY, DOCKER_TLS, DOCKER_CERT_PATH) or from a context's tls folder.
import { configDirOf, pathsOf } from './paths';
import type { DiscoveryInput, EndpointTls } from './types';

type Files = Omit<EndpointTls, 'verify'>;
const PEM_NAMES = { caPath: 'ca.pem', certPath: 'cert.pem', keyPath: 'key.pem' } as const;

/** The PEM files among `wanted` that exist in `dir`. */
function presentFiles(input: DiscoveryInput, dir: string, wanted: (keyof Files)[]): Files {
  const present = input.listDir(dir);
  const files: Files = {};
  for (const key of wanted)
    if (present.includes(PEM_NAMES[key]))
      files[key] = pathsOf(input.platform).join(dir, PEM_NAMES[key]);
  return files;
}

/**
 * As the CLI: any non-empty DOCKER_TLS_VERIFY (even "0") means TLS with verification,
 * DOCKER_TLS means TLS without it, and DOCKER_CERT_PATH alone turns nothing on. The
 * CA path is always named (a missing CA must fail loudly), the client certificate
 * and key only when they exist.
 */
export function tlsFromEnv(input: DiscoveryInput): EndpointTls | null {
  const { env } = input;
  const verify = Boolean(env['DOCKER_TLS_VERIFY']);
  if (!verify && !env['DOCKER_TLS']) return null;
  const dir = env['DOCKER_CERT_PATH'] || configDirOf(input);
  return {
    verify,
    caPath: pathsOf(input.platform).join(dir, PEM_NAMES.caPath),
    ...presentFiles(input, dir, ['certPath', 'keyPath']),
  };
}

/** A context keeps only the files it was created with; SkipTLSVerify alone still means TLS. */
export function tlsFromContext(
  input: DiscoveryInput,
  dir: string,
  skipVerify: boolean,
): EndpointTls | null {
  const files = presentFiles(input, dir, ['caPath', 'certPath', 'keyPath']);
  if (Object.keys(files).length === 0 && !skipVerify) return null;
  return { verify: !skipVerify, ...files };
}
