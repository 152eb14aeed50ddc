// The renderer's client for the contract: one async function per call, typed from the
// contract (types only: its zod schemas stay on the main side and out of this bundle).
import type { Api } from '../../../shared/contract';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import type { PreloadBridge } from '../../../shared/ipc';
import type { Transport } from './transport/transport';
import { electronTransport } from './transport/electron-transport';
import { websocketTransport } from './transport/websocket-transport';

/** The client over a transport: any property is the call of that name. */
export function createApi(transport: () => Transport): Api {
  const call = (name: string) => async (args?: unknown) => {
    const outcome = (await transport().invoke(name, args)) as {
      ok: boolean;
      value?: unknown;
      error?: unknown;
    };
    if (outcome.ok) return outcome.value;
    throw isAppErrorShape(outcome.error)
      ? AppError.from(outcome.error)
      : new AppError('internal', `${name} failed without a reason.`, '');
  };
  // Not thenable: `await api` must not look like a call named "then".
  return new Proxy({} as Api, {
    get: (_target, name) => (typeof name === 'string' && name !== 'then' ? call(name) : undefined),
  });
}

declare global {
  interface Window {
    crosstalk?: PreloadBridge;
  }
}

let current: Transport | null = null;
/** This page's transport, made on first use: the preload's bridge in Electron, else a WebSocket. */
function pageTransport(): Transport {
  return (current ??= window.crosstalk
    ? electronTransport(window.crosstalk)
    : websocketTransport());
}

/** The page's transport; nothing connects until something is called or subscribed. */
export const transport: Transport = {
  invoke: (name, args) => pageTransport().invoke(name, args),
  on: (name, fn) => pageTransport().on(name, fn),
  consoleStream: (consoleId) => pageTransport().consoleStream(consoleId),
  onLost: (listener) => pageTransport().onLost(listener),
  onReconnecting: (listener) => pageTransport().onReconnecting(listener),
  onReconnected: (listener) => pageTransport().onReconnected(listener),
  retryNow: () => pageTransport().retryNow(),
};
export const api = createApi(pageTransport);
