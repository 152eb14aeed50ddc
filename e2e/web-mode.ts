// Browser mode started exactly as `npm run web` starts it (the built server, a free port):
// the e2e fixtures and the benchmarks both use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface WebMode {
  url: string;
  child: ChildProcess;
}

/**
 * `env` adds or replaces variables (DOCKER_HOST to start against no engine…). Its settings
 * live in a folder of its own: a test never reads or writes the person's remembered engine.
 */
export function startWebMode(
  cwd = process.cwd(),
  env: Record<string, string> = {},
): Promise<WebMode> {
  const child = spawn(process.execPath, ['out/main/web.js', '--no-open', '--port', '0'], {
    cwd,
    env: {
      ...process.env,
      CROSSTALK_CONFIG_DIR: mkdtempSync(join(tmpdir(), 'crosstalk-config-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(output);
      if (m) resolve({ url: m[1]!, child });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    // The server's own complaints belong in the log.
    child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk));
    child.on('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
}

/** Stops browser mode and waits (up to 5 s) for it to exit. */
export async function stopWebMode({ child }: WebMode): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
}
