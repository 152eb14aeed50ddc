// Bundles the hand-off page's script with the project's own Vite, once per run.
import { build, type Rolldown } from 'vite';
import { fileURLToPath } from 'node:url';

export async function bundleHandoffPage(): Promise<string> {
  const out = (await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: {
        entry: fileURLToPath(new URL('./page-entry.ts', import.meta.url)),
        formats: ['iife'],
        name: 'handoffPage',
        fileName: () => 'handoff.js',
      },
    },
  })) as Rolldown.RolldownOutput[] | Rolldown.RolldownOutput;
  const output = Array.isArray(out) ? out[0]! : out;
  return output.output[0].code;
}
