// Does an engine answer, and what is it? One `GET /version` with a short deadline: the
// version's components name the product (Docker Engine, Docker Desktop, Podman). Failures
// are said as connection-error.ts says them, so the switcher gives the same reason the
// banner would.
import type { AppErrorShape } from '../../shared/errors';
import type { EngineKind } from '../../shared/model';
import { describeConnectionError } from './connection-error';
import { dockerFor } from './connect';
import type { EngineEndpoint } from './discovery';
import { engineProduct } from './discovery/engine-kind';
import { loadTls } from './tls-files';

export interface ProbeResult {
  answers: boolean;
  kind: EngineKind | null;
  /** "Podman 4.3.1", "Docker Engine 20.10.24"; null when it did not answer. */
  product: string | null;
  /** Why it did not answer, and what to do. */
  error: AppErrorShape | null;
}

export const PROBE_TIMEOUT_MS = 1500;

export async function probeEngine(
  endpoint: EngineEndpoint,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeResult> {
  const tried = { url: endpoint.url, source: endpoint.source, tls: endpoint.tls };
  let timer: NodeJS.Timeout | undefined;
  try {
    const docker = dockerFor(endpoint, { timeout: timeoutMs });
    loadTls(docker, endpoint);
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            Object.assign(new Error(`timed out after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }),
          ),
        timeoutMs,
      );
    });
    const version = await Promise.race([docker.version(), deadline]);
    const product = engineProduct(version);
    return { answers: true, kind: product.kind, product: product.label, error: null };
  } catch (error) {
    const said =
      error && typeof error === 'object' && 'hint' in error && 'code' in error
        ? (error as AppErrorShape)
        : describeConnectionError(error, tried);
    return {
      answers: false,
      kind: null,
      product: null,
      error: { code: said.code, message: said.message, hint: said.hint },
    };
  } finally {
    clearTimeout(timer);
  }
}
