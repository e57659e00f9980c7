// Bundles main (host + Electron shell), preload and renderer with esbuild.
import { build } from 'esbuild';
import fs from 'node:fs';

const prod = process.env.NODE_ENV === 'production';
const common = { bundle: true, sourcemap: !prod, logLevel: 'warning', legalComments: 'none' };
const nodeExternal = [
  'electron',
  'serialport',
  '@serialport/*',
  '@ffmpeg-installer/*',
  // Native (N-API) and Electron-only modules load from node_modules, as they are.
  'node-hid',
  'electron-updater',
  'bufferutil',
  'utf-8-validate',
  // pdfkit reads its own data files (ICC profile, AFM) beside its module: loaded from node_modules.
  'pdfkit',
];

fs.rmSync('dist', { recursive: true, force: true });
await Promise.all([
  build({
    ...common,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: nodeExternal,
    entryPoints: {
      'host/cli': 'main/app/cli/cli.ts',
      'electron/main': 'main/app/electron/main.ts',
      // Long jobs' worker thread, started by the host and by Electron's main alike (main/platform/jobs/job-runner.ts).
      'host/jobs-worker': 'main/app/jobs-worker.ts',
    },
    outdir: 'dist',
  }),
  build({
    ...common,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['electron'],
    entryPoints: { 'electron/preload': 'preload/preload.ts' },
    outdir: 'dist',
  }),
  build({
    ...common,
    platform: 'browser',
    target: 'chrome120',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': JSON.stringify(prod ? 'production' : 'development') },
    entryPoints: {
      main: 'renderer/console/main.tsx',
      wall: 'renderer/wall-page/wall-main.tsx',
      'decoder-worker': 'renderer/video/decoder-worker.ts',
      // The instructions' PDF viewer parses in pdfjs-dist's own worker, served from the page's origin.
      'pdf-worker': 'node_modules/pdfjs-dist/build/pdf.worker.mjs',
    },
    outdir: 'dist/renderer',
  }),
]);
for (const f of ['console/index.html', 'wall-page/wall.html'])
  fs.copyFileSync(`renderer/${f}`, `dist/renderer/${f.split('/')[1]}`);
// Leaflet's stylesheet is bundled into ours: no CDN, no inline <style> (the CSP forbids both).
fs.writeFileSync(
  'dist/renderer/styles.css',
  fs.readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8') +
    '\n' +
    fs.readFileSync('renderer/styles.css', 'utf8'),
);
