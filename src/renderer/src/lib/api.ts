// The renderer's client for the contract, generated from its call list.
import { callNames, type Api } from '../../../shared/contract';
import { AppError, isAppErrorShape } from '../../../shared/errors';
import type { PreloadBridge } from '../../../shared/ipc';
import type { Transport } from './transport/transport';
import { electronTransport } from './transport/electron-transport';
import { websocketTransport } from './transport/websocket-transport';

export function createApi(transport: Transport): Api {
  const api: Record<string, (args?: unknown) => Promise<unknown>> = {};
  for (const name of callNames) {
    api[name] = async (args?: unknown) => {
      const outcome = (await transport.invoke(name, args)) as {
        ok: boolean;
        value?: unknown;
        error?: unknown;
      };
      if (outcome.ok) return outcome.value;
      throw isAppErrorShape(outcome.error)
        ? AppError.from(outcome.error)
        : new AppError('internal', `${name} failed without a reason.`, '');
    };
  }
  return api as unknown as Api;
}

declare global {
  interface Window {
    crosstalk?: PreloadBridge;
  }
}

export const transport: Transport = window.crosstalk
  ? electronTransport(window.crosstalk)
  : websocketTransport();
export const api = createApi(transport);
