// Lint: typescript-eslint, plus the project's boundaries: renderer/, main/ and preload/ each import only
// common/ and their own folder; common/ has no Node, Electron, zod or React; raw IPC is imported only in
// main/app/electron/electron-ipc.ts (ipcMain) and preload/ (ipcRenderer); nothing in renderer records video;
// a store selector in renderer never builds a fresh array or object (scripts/eslint-stable-selector.mjs);
// inside main/, platform/ knows no domain and each domain imports only the domains DOMAINS lists for it
// (scripts/eslint-layers.mjs). scripts/lint-rules.test.ts runs these rules on snippets, so that none can
// pass silently.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';
import stableSelector from './scripts/eslint-stable-selector.mjs';
import layers from './scripts/eslint-layers.mjs';

const vigie = { rules: { ...stableSelector.rules, ...layers.rules } };

/**
 * main/'s domains (main/<group>/<domain>/) and the other domains each may import, as the code does
 * today; prefer type-only imports across domains, and deps handed in by main/app/. A domain imports
 * common/, main/platform/ and itself besides; only main/app/ composes domains.
 */
const DOMAINS = {
  'video/cameras': ['records/registry'],
  'video/streams': ['video/cameras', 'records/registry'],
  'video/mosaic': [],
  'video/wall': ['video/streams', 'records/registry'],
  'control/input': [],
  'control/lease': ['records/registry'],
  'control/ptz': ['control/input', 'control/lease', 'video/cameras', 'records/auth', 'records/registry'],
  'records/registry': [],
  'records/auth': ['records/registry'],
  'records/report': ['records/registry', 'video/streams'],
  'desk/instructions': ['records/registry'],
  'desk/incidents': ['records/registry'],
  'desk/contacts': ['records/registry'],
  'desk/operations': ['video/wall', 'records/registry'],
  'desk/map': ['records/registry'],
};

const NODE_IN_RENDERER = {
  group: ['node:*', 'electron', 'electron/*', 'fs', 'path', 'child_process', 'os', 'net'],
  message: 'renderer/ runs in a sandbox: no Node or Electron imports.',
};

const IPC_MAIN = ['electron', 'electron/main'].map((name) => ({
  name,
  importNames: ['ipcMain'],
  message: 'Raw ipcMain only in main/app/electron/electron-ipc.ts: register channels with safeHandle.',
}));
const IPC_RENDERER = ['electron', 'electron/renderer'].map((name) => ({
  name,
  importNames: ['ipcRenderer'],
  message: 'Raw ipcRenderer only in preload/.',
}));
const LAYERS = ['common', 'main', 'preload', 'renderer'];
/** A layer may import common/ and its own folder only (any ../ path into another layer is refused). */
const layer = (self, tools = ['e2e', 'scripts', 'test-support']) => ({
  regex: `^(\\.\\./)+(${[...LAYERS.filter((l) => l !== self && l !== 'common'), ...tools].join('|')})(/|$)`,
  message: `${self}/ imports only common/ and its own folder.`,
});
const restrict = (paths, patterns) => ['error', { paths, patterns }];
const COMMON_PURE = {
  group: ['node:*', 'electron', 'electron/*', 'zod', 'react', 'react-*', 'zustand', 'ws', 'fs', 'path', 'os'],
  message: 'common/ is plain TypeScript shared by every side: no Node, Electron, zod or UI library.',
};
const COMMON_LAYER = {
  regex: '^(\\.\\./)+(main|preload|renderer|e2e|scripts|test-support)(/|$)',
  message: 'common/ imports nothing but common/.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'soak-results/**',
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
          message: 'Use main/app/electron/electron-ipc.ts: raw ipcMain only there.',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Use the preload: raw ipcRenderer only there.',
        },
      ],
    },
  },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    rules: { 'no-restricted-imports': restrict([...IPC_MAIN, ...IPC_RENDERER], []) },
  },
  {
    files: ['common/**/*.ts'],
    ignores: ['common/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([...IPC_MAIN, ...IPC_RENDERER], [COMMON_LAYER, COMMON_PURE]) },
  },
  {
    files: ['main/**/*.ts'],
    rules: { 'no-restricted-imports': restrict([...IPC_MAIN, ...IPC_RENDERER], [layer('main')]) },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/**/*.test.ts'],
    plugins: { vigie },
    rules: { 'vigie/layers': ['error', { domains: DOMAINS }] },
  },
  {
    // Integration tests may use the test fixtures (the RTSP lab), never another layer.
    files: ['main/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([...IPC_MAIN, ...IPC_RENDERER], [layer('main', [])]) },
  },
  {
    files: ['main/app/electron/electron-ipc.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-imports': restrict(IPC_RENDERER, [layer('main')]),
    },
  },
  {
    files: ['preload/**/*.ts'],
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-imports': restrict(IPC_MAIN, [
        layer('preload'),
        { group: ['zod'], message: 'The sandboxed preload bundles nothing but common/ and electron.' },
      ]),
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/**/*.test.ts'],
    plugins: { vigie },
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
      'vigie/stable-selector': ['error', { hooks: ['useConsole', 'useWall'] }],
      'no-restricted-imports': restrict(
        [...IPC_MAIN, ...IPC_RENDERER],
        [layer('renderer'), NODE_IN_RENDERER],
      ),
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
  {
    files: ['renderer/**/*.test.ts'],
    rules: { 'no-restricted-imports': restrict([...IPC_MAIN, ...IPC_RENDERER], [layer('renderer')]) },
  },
  prettier,
);
