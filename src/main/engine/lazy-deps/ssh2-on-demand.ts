// Built in place of ssh2 inside docker-modem (electron.vite.config.ts): docker-modem loads it at
// start, though only ssh:// engines use it, and it costs about 0.3 s of start-up. The real
// client is loaded when the first SSH connection is made.
import { createRequire } from 'node:module';

const load = createRequire(import.meta.url);

export class Client {
  constructor(...args: unknown[]) {
    const real = load('ssh2') as { Client: new (...a: unknown[]) => object };
    return new real.Client(...args);
  }
}
