// Lint, above all the layering of docs/architecture: shared/ is pure (no Node, no DOM, no electron),
// renderer/ reaches the core only through the API contract, and only the shell files import 'electron'.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'url', 'util', 'zlib'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'release/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs in the renderer too: no Node APIs.' },
            { group: ['electron', 'better-sqlite3', 'react', 'react-dom', 'antd'], message: 'shared/ is pure TypeScript.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing of the app.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer never imports Node.' },
            { group: ['electron', 'better-sqlite3'], message: 'The renderer talks to the core only through api.ts.' },
            { group: ['**/electron/**'], message: 'The renderer knows only the API contract in shared/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/cli.ts', 'electron/serve.ts', 'electron/launch.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron'], message: "Only main.ts, preload.cts and ipc.ts import 'electron': the core runs in plain Node." },
            { group: ['**/renderer/**'], message: 'The Node side never imports the renderer.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/preload.cts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
