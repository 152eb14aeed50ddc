import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  main: {
    // dockerode and docker-modem are bundled so that what they load at start and Crosstalk
    // never or rarely uses (gRPC and protobufjs for BuildKit, ssh2 for ssh:// engines) can be
    // left out or loaded on demand: about 0.7 s of browser mode's start-up (BENCHMARKS.md).
    // zod and ws are bundled too: one module each instead of ~100 files (zod's locales left
    // out), which took 0.2-0.6 s of a loaded machine's start-up.
    // tar-fs and dockerignore (image builds from a folder) are loaded on their first call, uuid
    // (BuildKit ids) is Node's randomUUID. Exact matches: the stand-ins load the real files by path.
    resolve: {
      alias: [
        ['@grpc/grpc-js', 'no-buildkit.cjs'],
        ['@grpc/proto-loader', 'no-buildkit.cjs'],
        ['protobufjs', 'no-buildkit.cjs'],
        ['ssh2', 'ssh2-on-demand.ts'],
        ['tar-fs', 'tar-fs-on-demand.cjs'],
        ['@balena/dockerignore', 'dockerignore-on-demand.cjs'],
        ['uuid', 'uuid-v4.cjs'],
      ].map(([name, file]: string[]) => ({
        find: new RegExp(`^${name}$`),
        replacement: resolve(__dirname, 'src/main/engine/lazy-deps', file!),
      })),
    },
    build: {
      externalizeDeps: { exclude: ['dockerode', 'docker-modem', 'zod', 'ws'] },
      rollupOptions: {
        // What the stand-ins load on first use, from node_modules at run time (not bundled).
        external: ['tar-fs/index.js', '@balena/dockerignore/ignore.js'],
        // index: the Electron main process; web: browser mode in plain Node; lab: the two-host lab.
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          web: resolve(__dirname, 'src/main/web/cli.ts'),
          lab: resolve(__dirname, 'src/main/lab/cli.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
      // electron-vite leaves the renderer unminified; minified, the first screen's script is
      // a third smaller to fetch and parse (start-up, BENCHMARKS.md).
      minify: true,
    },
    plugins: [svelte()],
  },
});
