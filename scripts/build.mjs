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

/**
 * jsmpeg-player injects its own stylesheet with a <style> element, which the strict CSP refuses
 * (`style-src 'self'`): the injection is taken out of its module and its rules go into styles.css.
 */
let jsmpegCss = null;
const jsmpegStyle = {
  name: 'jsmpeg-style',
  setup(b) {
    b.onLoad({ filter: /jsmpeg-player[\\/]dist[\\/][^\\/]+\.(c?js|mjs)$/ }, async (args) => {
      let text = await fs.promises.readFile(args.path, 'utf8');
      const m = /var (css_\w+) = ("(?:[^"\\]|\\.)*");/.exec(text);
      const call = m && `styleInject(${m[1]});`;
      if (!m || !text.includes(call))
        throw new Error(`jsmpeg-player: no stylesheet injection found in ${args.path}`);
      jsmpegCss = JSON.parse(m[2]);
      text = text.replace(call, '/* its stylesheet is in styles.css (scripts/build.mjs) */');
      return { contents: text, loader: 'js' };
    });
  },
};

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
    plugins: [jsmpegStyle],
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
for (const f of ['console/index.html', 'wall-page/wall.html', 'console/favicon.svg'])
  fs.copyFileSync(`renderer/${f}`, `dist/renderer/${f.split('/')[1]}`);
// The console's letters, the same on every post (the PDFs embed the same font).
fs.mkdirSync('dist/renderer/fonts');
for (const f of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'LICENSE-DejaVu.txt'])
  fs.copyFileSync(`assets/fonts/${f}`, `dist/renderer/fonts/${f}`);
if (jsmpegCss === null) throw new Error('jsmpeg-player was not bundled: its stylesheet is missing');
// Leaflet's and jsmpeg-player's stylesheets are bundled into ours: no CDN, no inline <style> (the CSP forbids both).
fs.writeFileSync(
  'dist/renderer/styles.css',
  fs.readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8') +
    '\n/* jsmpeg-player */\n' +
    jsmpegCss +
    '\n' +
    fs.readFileSync('renderer/styles.css', 'utf8'),
);
