// One lint config for the whole package. The import rules enforce the layering in
// docs/ARCHITECTURE.md: the ledger is pure and runs in the browser, so it may not reach
// into node built-ins (other than through the `#platform` condition), the server or the CLI.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'coverage/**', 'dist/**', 'test-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test'] },
          ],
        },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'max-params': ['warn', 4],
      'max-lines': ['warn', { max: 300, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    files: ['src/ledger/**/*.ts'],
    ignores: ['src/ledger/**/*.test.ts', 'src/ledger/platform.node.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The ledger is pure: it runs in the browser too.' },
            { group: ['../*'], message: 'The ledger imports nothing outside src/ledger.' },
          ],
        },
      ],
    },
  },
  {
    // The passage rules are pure too: the offline staff console runs them in the browser.
    files: ['src/passage/model/**/*.ts'],
    ignores: ['src/passage/model/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The passage model is pure: it runs in the browser too.',
            },
            {
              regex: '^\\.\\./(?!\\.\\./errors/)',
              message: 'The passage model imports only itself and src/errors.',
            },
          ],
        },
      ],
    },
  },
  {
    // The monitoring rules (verification workflow, grading, casualty figures) are pure as well;
    // they may reuse the passage model's state-machine builder.
    files: ['src/monitoring/model/**/*.ts'],
    ignores: ['src/monitoring/model/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'The monitoring model is pure: it runs in the browser too.',
            },
            {
              regex: '^\\.\\./(?!\\.\\./errors/|\\.\\./passage/model/state-machine\\.ts$)',
              message:
                'The monitoring model imports only itself, src/errors and the state-machine builder.',
            },
          ],
        },
      ],
    },
  },
  {
    // Disclosure control is pure: every public output runs it, the public site in the browser too.
    files: ['src/transparency/disclosure/**/*.ts'],
    ignores: ['src/transparency/disclosure/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*'],
              message: 'Disclosure control is pure: it runs in the browser too.',
            },
            {
              regex: '^\\.\\./(?!\\.\\./errors/)',
              message: 'Disclosure control imports only itself and src/errors.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.test.ts', 'test/**/*.ts', 'bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'max-lines': 'off',
    },
  },
  { files: ['eslint.config.js'], ...tseslint.configs.disableTypeChecked },
);
