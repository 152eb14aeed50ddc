import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

export default ts.config(
  {
    ignores: ['node_modules', 'out', 'dist', 'test-results', 'playwright-report', 'bench/results'],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    // The renderer never validates: it takes the contract's types, never its zod schemas,
    // so zod stays out of the renderer bundle.
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.svelte'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', '**/shared/contract', '**/shared/schemas'],
              allowTypeImports: true,
              message:
                'The renderer imports only types from the contract (its schemas live on the main side).',
            },
          ],
        },
      ],
    },
  },
  {
    // Test support lives in test/, outside the app's build: product code never imports it.
    files: ['src/**/*.ts', 'src/**/*.svelte'],
    ignores: ['src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/support', '**/test/support/**', '**/test/fault/**'],
              message: 'Only tests import test support; product code must not depend on it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Shared modules reach the renderer's bundle, which carries no schema library: only the
    // contract and its schemas (main side at run time) take zod; the rest check by hand.
    files: ['src/shared/**/*.ts'],
    ignores: [
      'src/shared/contract.ts',
      'src/shared/schemas.ts',
      'src/shared/recording-schemas.ts',
      'src/shared/**/*.test.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['zod', 'zod/*'],
              message:
                'This module is bundled into the renderer, which carries no schema library: check by hand (as ip-address.ts does).',
            },
          ],
        },
      ],
    },
  },
);
