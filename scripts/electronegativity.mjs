// Runs electronegativity (offline, Electron version pinned) and fails on findings not in the
// reviewed baseline (.ci/electronegativity-baseline.txt: one "CHECK file sample" key per line),
// and on baseline lines that no longer match anything.
//
// Deterministic by construction:
// - The runner is called as a library and its findings read from memory. Its CSV writer starts two
//   unordered fs.writeFile calls (the header with 'w', the rows with 'a'), so the header could land
//   over the first row (a garbled key such as "lf'; script-src … undefined") or truncate every row.
// - Two parts of it go on the network: its i18n bootstrap (translations, 1 s timeout) and the
//   AVAILABLE_SECURITY_FIXES global check (Electron's release list from GitHub, cached in the OS
//   temp dir). Messages are not part of the keys, so `__` is the identity and the bootstrap is
//   replaced; the release check depends on the day and the network, not on this code, so it is
//   excluded (Electron upgrades are tracked with the dependencies).
// - Its CSP check only reads string literals: `[CONTENT_SECURITY_POLICY]` gave an undefined sample
//   ("Failed to parse CSP"). The scanned copy gets the constant's value inlined, so the real CSP is
//   evaluated.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';

const require = createRequire(import.meta.url);
require.cache[require.resolve('@doyensec/electronegativity/dist/locales/i18n.js')] = {
  exports: {
    __esModule: true,
    default: async () => {
      globalThis.__ = (key) => key;
    },
  },
};
const run = require('@doyensec/electronegativity');

const { CONTENT_SECURITY_POLICY } = await tsImport('../main/app/browser-host/csp.ts', import.meta.url);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-eneg-'));
for (const d of ['main', 'preload', 'renderer'])
  fs.cpSync(d, path.join(work, d), { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
fs.copyFileSync('package.json', path.join(work, 'package.json'));

let inlined = 0;
const electronDir = path.join(work, 'main', 'app', 'electron');
for (const f of fs.readdirSync(electronDir).filter((n) => n.endsWith('.ts'))) {
  const file = path.join(electronDir, f);
  const src = fs.readFileSync(file, 'utf8');
  const out = src.replaceAll('[CONTENT_SECURITY_POLICY]', `[${JSON.stringify(CONTENT_SECURITY_POLICY)}]`);
  if (out !== src) {
    inlined++;
    fs.writeFileSync(file, out);
  }
}
if (!inlined) {
  console.log(
    'electronegativity: no `[CONTENT_SECURITY_POLICY]` header in main/app/electron; update this script',
  );
  process.exit(1);
}

const version = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;
const result = await run(
  {
    input: work,
    output: undefined,
    isSarif: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck', 'electronversionjsoncheck'],
    isRelative: true,
    isVerbose: false,
    electronVersionOverride: version,
    parserPlugins: [],
  },
  false,
);
fs.rmSync(work, { recursive: true, force: true });
if (result.errors.length) {
  for (const e of result.errors) console.log(`  PARSE ERROR ${path.relative(work, e.file)}: ${e.message}`);
  process.exit(1);
}

const key = (issue) => `${issue.id} ${issue.file} ${issue.sample ?? 'N/A'}`;
const found = [...new Set(result.issues.map(key))].sort();
const baseline = new Set(
  fs
    .readFileSync('.ci/electronegativity-baseline.txt', 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);
const fresh = found.filter((k) => !baseline.has(k));
const stale = [...baseline].filter((k) => !found.includes(k));
console.log(
  `electronegativity ${version}: ${found.length} findings, ${found.length - fresh.length} reviewed, ${fresh.length} new, ${stale.length} stale`,
);
for (const f of fresh) console.log(`  NEW ${f}`);
for (const s of stale) console.log(`  STALE (no longer found; remove from the baseline) ${s}`);
process.exit(fresh.length || stale.length ? 1 : 0);
