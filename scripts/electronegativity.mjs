// Runs electronegativity (offline, Electron version pinned) and fails on findings not in the
// reviewed baseline (.ci/electronegativity-baseline.txt: one "CHECK file sample" key per line).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-eneg-'));
for (const d of ['main', 'preload', 'renderer'])
  fs.cpSync(d, path.join(work, d), { recursive: true, filter: (f) => !f.endsWith('.test.ts') });
fs.copyFileSync('package.json', path.join(work, 'package.json'));
const out = path.join(work, 'findings.csv');
const version = JSON.parse(fs.readFileSync('node_modules/electron/package.json', 'utf8')).version;
execFileSync(
  process.execPath,
  [
    'node_modules/@doyensec/electronegativity/dist/index.js',
    '-i',
    work,
    '-r',
    '-v',
    'false',
    '-e',
    version,
    '-o',
    out,
  ],
  { stdio: 'ignore' },
);
const rows = fs.readFileSync(out, 'utf8').trim().split('\n').slice(1);
const key = (line) => {
  const cells = line
    .match(/("([^"]|"")*"|[^,]*)(,|$)/g)
    .map((c) => c.replace(/,$/, '').replace(/^"|"$/g, ''));
  return `${cells[0]} ${cells[3]} ${cells[5]}`;
};
const baseline = new Set(
  fs
    .readFileSync('.ci/electronegativity-baseline.txt', 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);
const found = rows.map(key);
const fresh = found.filter((k) => !baseline.has(k));
console.log(
  `electronegativity ${version}: ${found.length} findings, ${found.length - fresh.length} reviewed, ${fresh.length} new`,
);
for (const f of fresh) console.log(`  NEW ${f}`);
process.exit(fresh.length ? 1 : 0);
