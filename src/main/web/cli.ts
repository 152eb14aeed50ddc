// Entry point of browser mode (`npm run web`): the same renderer, served to a
// browser on this machine, over the same contract.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWebArgs } from './cli-args';
import { allowedHostsFor } from './auth';
import { keepAccess, listenKept } from './kept-access';
import { startWebServer } from './server';
import { startupMark } from './startup-marks';

function openBrowser(url: string): void {
  const [cmd, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(cmd, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/**
 * Loads the engines' modules in steps, then starts the start-up engine. Evaluating a module
 * blocks the event loop, so the page's requests that arrive meanwhile are answered between
 * the steps, not after all of them. The WebSocket half (ws, the window binding) is loaded
 * while the engine answers its first calls: that wait is network, not CPU.
 */
async function loadEngines(requested: string | null) {
  // The contract's schemas (zod), then the engine client (dockerode).
  const steps = {
    schemas: () => import('../../shared/contract'),
    'engine client': () => import('../engine/connect'),
  };
  for (const [name, step] of Object.entries(steps)) {
    await step();
    startupMark(`${name} loaded`);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const started = (await import('./start-engines')).startEngines(requested);
  startupMark('engine core made, connecting');
  started.then(
    () => startupMark('engine connected and listed'),
    () => undefined,
  );
  await import('./ws-clients').catch(() => undefined); // server.ts reports a failure to load it
  startupMark('WebSocket half loaded');
  return started;
}

async function main(): Promise<void> {
  let options;
  try {
    options = parseWebArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`crosstalk: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host)) {
    console.error(
      `crosstalk: warning: serving on ${options.host}; anyone who can reach it and has the token controls your Docker engine.`,
    );
  }
  let access;
  try {
    access = keepAccess({ newToken: options.newToken });
  } catch (error) {
    console.error(
      `crosstalk: ${(error as Error).message} ${(error as { hint?: string }).hint ?? ''}`,
    );
    process.exit(2);
  }
  if (access.note) console.error(`crosstalk: ${access.note}`);
  // The engine's modules (dockerode, zod, ws) take most of a second to load: the page is
  // served meanwhile, and its WebSocket waits for the engines.
  const app = loadEngines(options.engine);
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '../renderer');
  const server = await listenKept(
    access,
    options.port,
    (port) => startWebServer({ app, rendererDir, host: options.host, port, token: access.token }),
    (text) => console.error(`crosstalk: ${text}`),
  );
  app.then(
    (registry) => {
      if (registry.startupNote) console.error(`crosstalk: ${registry.startupNote}`);
      const first = registry.find(registry.preferred);
      console.log(`Engine: ${first.name} (${first.endpoint?.url ?? ''})`);
    },
    (error: unknown) => {
      console.error(`crosstalk: ${(error as Error).message}`);
      process.exit(1);
    },
  );
  console.log(`Crosstalk (browser mode): ${server.url}`);
  if (options.host === '0.0.0.0' || options.host === '::') {
    // A wildcard answers by every address of this machine (and no other name).
    const also = [...allowedHostsFor(options.host, server.port)].filter(
      (h) => !h.startsWith('0.0.0.0') && !h.startsWith('[::]'),
    );
    console.log(
      `  also at: ${also.map((h) => `http://${h}/?token=${server.token}`).join('\n           ')}`,
    );
  }
  if (options.open) openBrowser(server.url);
  // TERM or Ctrl-C: every console closed first (exec shells hung up in their containers,
  // attaches detached; server.close waits for that, bounded), then the engines, then exit.
  // A second signal while stopping exits at once.
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    // Whatever hangs (an engine that never answered), the process still ends.
    setTimeout(() => process.exit(0), 5000).unref();
    void server
      .close()
      .then(() => app)
      .then(
        (registry) => registry.stop(),
        () => undefined,
      )
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// One failed stream must not take every console down with it: log and keep serving.
process.on('uncaughtException', (error) =>
  console.error('crosstalk: unexpected error (still running):', error),
);
process.on('unhandledRejection', (error) =>
  console.error('crosstalk: unhandled failure (still running):', error),
);

main().catch((error: unknown) => {
  console.error(`crosstalk: ${(error as Error).message}`);
  process.exit(1);
});
