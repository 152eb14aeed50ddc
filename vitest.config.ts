import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// unit: pure logic, no engine. integration: the engine core against a real dockerd.
// fault: browser mode and the core against the suite's own dockerd, which it kills.
export default defineConfig({
  test: {
    projects: [
      {
        // Compiles the renderer's rune stores (*.svelte.ts) for their unit tests.
        plugins: [svelte()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.int.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['src/**/*.int.test.ts'],
          // Podman, the TLS dockerd and the registries: started once, stopped by pid.
          globalSetup: ['scripts/test-engines/global-setup.mjs'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'fault',
          include: ['test/fault/**/*.fault.test.ts'],
          globalSetup: ['test/fault/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
