// Lint: typescript-eslint, plus the project's boundaries (renderer has no Node/Electron; raw IPC
// lives only in the IPC modules; nothing in renderer records video).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const NODE_IN_RENDERER = {
  group: ['node:*', 'electron', 'electron/*', 'fs', 'path', 'child_process', 'os', 'net'],
  message: 'renderer/ runs in a sandbox: no Node or Electron imports.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'bin/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', __filename: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Use main/electron/electron-ipc.ts: raw ipcMain only there.',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Use the preload: raw ipcRenderer only there.',
        },
      ],
    },
  },
  {
    files: ['main/electron/electron-ipc.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['preload/preload.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    languageOptions: {
      globals: {
        window: 'readonly',
        document: 'readonly',
        location: 'readonly',
        navigator: 'readonly',
        self: 'readonly',
        localStorage: 'readonly',
      },
    },
    rules: {
      'no-restricted-imports': ['error', { patterns: [NODE_IN_RENDERER] }],
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='ipcRenderer']", message: 'No raw IPC in renderer/.' },
        {
          selector: "NewExpression[callee.name='MediaRecorder']",
          message: 'No recording at the CIC: MediaRecorder is banned.',
        },
        {
          selector: "CallExpression[callee.property.name='captureStream']",
          message: 'No recording at the CIC: captureStream is banned.',
        },
        {
          selector: "CallExpression[callee.property.name='toBlob']",
          message: 'No snapshot at the CIC: toBlob is banned.',
        },
        {
          selector: "CallExpression[callee.property.name='toDataURL']",
          message: 'No snapshot at the CIC: toDataURL is banned.',
        },
        {
          selector: "CallExpression[callee.property.name='convertToBlob']",
          message: 'No snapshot at the CIC: convertToBlob is banned.',
        },
      ],
    },
  },
  prettier,
);
