// The extra engines the tests use besides the main dockerd: Podman's API service,
// a TLS dockerd on loopback and two local registries (one with a login). Started
// once per run (by .ci/run, or by a test runner's global set-up when they are not
// running yet) and stopped by pid. Names, paths and ports carry CT_ENGINES_NAME so
// that several people on one machine do not collide.
//   node scripts/test-engines/engines.mjs start|stop|status [podman tls registry]
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const ALL_ENGINES = ['podman', 'tls', 'registry'];

/** Where each engine is, as the scripts lay them out. */
export function testEngines(env = process.env) {
  const name = env.CT_ENGINES_NAME || 'ct';
  const dir = env.CT_ENGINES_DIR || `/tmp/crosstalk-engines-${name}`;
  const base = Number(env.CT_ENGINES_PORT_BASE || 23700);
  return {
    name,
    dir,
    podman: { socket: join(dir, 'podman.sock') },
    tls: {
      host: '127.0.0.1',
      port: base + 76,
      certDir: join(dir, 'tls', 'client'),
      caDir: join(dir, 'tls', 'ca'),
    },
    registry: { port: base + 50 },
    authRegistry: { port: base + 51, user: 'crosstalk', password: 'hold-my-word' },
  };
}

function scriptEnv(env = process.env) {
  const e = testEngines(env);
  return {
    ...env,
    CT_ENGINES_NAME: e.name,
    CT_ENGINES_DIR: e.dir,
    CT_TLS_PORT: String(e.tls.port),
    CT_REGISTRY_PORT: String(e.registry.port),
    CT_AUTH_REGISTRY_PORT: String(e.authRegistry.port),
    CT_AUTH_USER: e.authRegistry.user,
    CT_AUTH_PASSWORD: e.authRegistry.password,
  };
}

/** Whether an engine's service is up (its pidfile names a live process). */
export function isRunning(engine, env = process.env) {
  const pidfile = join(testEngines(env).dir, engine, 'service.pid');
  if (!existsSync(pidfile)) return false;
  try {
    process.kill(Number(readFileSync(pidfile, 'utf8')), 0);
    return true;
  } catch {
    return false;
  }
}

function run(engine, action, env) {
  execFileSync('bash', [join(here, `${engine}.sh`), action], {
    env: scriptEnv(env),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Starts the engines not yet running; returns the ones it started (to stop them after). */
export function startTestEngines(engines = ALL_ENGINES, env = process.env) {
  const started = [];
  for (const engine of engines) {
    if (isRunning(engine, env)) continue;
    run(engine, 'start', env);
    started.push(engine);
  }
  return started;
}

export function stopTestEngines(engines = ALL_ENGINES, env = process.env) {
  for (const engine of engines) run(engine, 'stop', env);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [action = 'status', ...names] = process.argv.slice(2);
  const engines = names.length ? names : ALL_ENGINES;
  if (action === 'start') startTestEngines(engines);
  else if (action === 'stop') stopTestEngines(engines);
  else if (action === 'status')
    for (const e of engines) console.log(`${e}: ${isRunning(e) ? 'running' : 'stopped'}`);
  else {
    console.error('usage: engines.mjs start|stop|status [podman tls registry]');
    process.exit(2);
  }
}
