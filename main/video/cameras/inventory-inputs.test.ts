/** Hostile and foreign camera files (issue 7 §5): each is refused precisely or read correctly. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { CredentialStore } from './credentials';
import { decodeImport } from './inventory-decode';
import { formatProblems, parseCsvInventory, parseInventoryFile, parseJsonInventory } from './inventory-parse';
import { InventoryStore } from './inventory-store';

const DEMO = path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inputs-'));
const cam = (id: number, main: string, extra: object = {}) => ({
  id,
  name: `Cam ${id}`,
  site: 'Gare',
  streams: { main },
  ...extra,
});
const problemsOf = (cameras: object[]) => {
  const r = parseJsonInventory(JSON.stringify({ cameras }));
  assert.ok(!r.ok, 'refused');
  return r.problems;
};

test('camera URLs: a NUL, a broken host, a foreign scheme or no host are errors naming camera and field', () => {
  const p = problemsOf([
    cam(1, 'rtsp://10.0.0.1/live\u0000-i /etc/passwd'),
    cam(2, 'rtsp://[oops', { credentialsRef: 'csu' }),
    cam(3, 'file:///etc/passwd'),
    cam(4, 'rtsp:///nohost'),
    cam(5, 'rtsp://h/ok', { streams: { main: 'rtsp://h/1', sub: 'rtsps://h/\u001b[2J' } }),
    cam(6, 'rtsp://h/ok', { ptz: { type: 'onvif', url: 'javascript:alert(1)' } }),
  ]);
  const by = (id: number) => p.filter((x) => x.cameraId === id).map((x) => `${x.field}:${x.code}`);
  assert.deepEqual(by(1), ['streams.main:url_control']);
  assert.deepEqual(by(2), ['streams.main:url_invalid']);
  assert.deepEqual(by(3), ['streams.main:url_scheme']);
  assert.deepEqual(by(4), ['streams.main:url_host']);
  assert.deepEqual(by(5), ['streams.sub:url_control']);
  assert.deepEqual(by(6), ['ptz.url:url_scheme']);
  assert.match(formatProblems(p), /entrée 2 \(caméra 2\), champ « flux principal » : adresse illisible/);
});

test('valid addresses still pass: rtsp, rtsps, IPv6, inline credentials with a raw @, demo patterns', () => {
  const r = parseJsonInventory(
    JSON.stringify({
      cameras: [
        cam(1, 'rtsps://cam.example:322/live'),
        cam(2, 'rtsp://[fe80::1]:554/s'),
        cam(3, 'rtsp://user:p@ss@10.0.0.3/s'),
        cam(4, 'demo:4', { ptz: { type: 'onvif', url: 'http://10.0.0.4/onvif/device_service' } }),
      ],
    }),
  );
  assert.ok(r.ok, r.ok ? '' : formatProblems(r.problems));
});

test('names and sites with control characters are refused', () => {
  const p = problemsOf([{ ...cam(1, 'rtsp://h/1'), name: 'Quai\u001b[31m rouge' }]);
  assert.deepEqual(
    p.map((x) => `${x.field}:${x.code}`),
    ['name:text_control'],
  );
});

test('a stored inventory with a NUL or a broken URL (older version) does not stop the post', () => {
  const dir = tmp();
  fs.writeFileSync(
    path.join(dir, 'inventory.json'),
    JSON.stringify({
      source: 'ancienne version',
      cameras: [cam(1, 'rtsp://h/a\u0000b'), cam(2, 'rtsp://[oops', { credentialsRef: 'csu' })],
    }),
  );
  const store = new InventoryStore(dir, DEMO);
  assert.doesNotThrow(() => store.init());
  assert.ok(
    store.cameras().every((c) => !c.streams.main.includes('\u0000') && !c.streams.main.includes('[oops')),
  );
  assert.equal(store.view().lastError?.code, 'stored_inventory_invalid');
  // A file that is valid JSON but not an object (null) must not throw either.
  fs.writeFileSync(path.join(dir, 'inventory.json'), 'null');
  assert.doesNotThrow(() => new InventoryStore(dir, DEMO).init());
});

test('CSV: quoting, BOM, `;` and `,` separators, line breaks inside quotes keep line numbers', () => {
  const semi = parseCsvInventory(
    '\uFEFFid;name;site;main\r\n1;"Parvis ""nord""; mairie";Mairie;rtsp://h/1\r\n2;Quai;Gare;rtsp://h/2\r\n',
  );
  assert.ok(semi.ok, semi.ok ? '' : formatProblems(semi.problems));
  assert.equal(semi.inventory.cameras[0]?.name, 'Parvis "nord"; mairie');
  assert.equal(semi.inventory.cameras[0]?.id, 1, 'the BOM is not part of the first column name');
  const comma = parseCsvInventory('id,name,site,main,lat\n1,"Parvis, mairie",Mairie,rtsp://h/1,48.85\n');
  assert.ok(comma.ok);
  assert.equal(comma.inventory.cameras[0]?.name, 'Parvis, mairie');
  const bad = parseCsvInventory('id;name;site;main\n1;"A\nB";Gare;rtsp://h/1\n2;C;;rtsp://h/2\n');
  assert.ok(!bad.ok);
  assert.deepEqual(
    bad.problems.map((p) => `${p.line} ${p.field} ${p.code}`),
    ['2 name text_control', '4 site required'],
    'a line break in a cell is refused, and the next record keeps its line in the file',
  );
});

test('CSV: a duplicated column, a stray quote and extra cells are errors', () => {
  const dup = parseCsvInventory('id;name;site;main;name\n1;A;Gare;rtsp://h/1;B\n');
  assert.ok(!dup.ok);
  assert.deepEqual(dup.problems[0], {
    line: 1,
    field: 'name',
    code: 'csv_duplicate_column',
    message: 'colonne en double : name',
  });
  const quote = parseCsvInventory('id;name;site;main\n1;"A;Gare;rtsp://h/1\n');
  assert.ok(!quote.ok && quote.problems[0]?.code === 'csv_syntax');
  const extra = parseCsvInventory('id;name;site;main\n1;A;Gare;rtsp://h/1;rtsp://h/9\n');
  assert.ok(!extra.ok && extra.problems[0]?.code === 'csv_columns' && extra.problems[0].line === 2);
});

test('JSON with a byte-order mark is accepted', () => {
  const text = '\uFEFF' + JSON.stringify({ cameras: [cam(1, 'rtsp://h/1')] });
  assert.ok(parseInventoryFile('annexe.json', text).ok);
  assert.ok(parseInventoryFile('annexe.txt', text).ok, 'detected as JSON despite the BOM');
  const decoded = decodeImport(Buffer.from(text));
  assert.ok(decoded.ok && parseInventoryFile('annexe.json', decoded.text).ok);
});

test('a French Excel CSV (Windows-1252) is decoded: é is 0xE9, ’ is 0x92', () => {
  const cp1252 = Buffer.concat([
    Buffer.from('id;name;site;main\r\n1;Entr', 'latin1'),
    Buffer.from([0xe9]), // é
    Buffer.from('e de l', 'latin1'),
    Buffer.from([0x92]), // ’
    Buffer.from('h', 'latin1'),
    Buffer.from([0xf4]), // ô
    Buffer.from('tel;Mairie;rtsp://h/1\r\n', 'latin1'),
  ]);
  const d = decodeImport(cp1252);
  assert.ok(d.ok);
  assert.equal(d.encoding, 'windows-1252');
  const r = parseInventoryFile('annexe.csv', d.text);
  assert.ok(r.ok);
  assert.equal(r.inventory.cameras[0]?.name, 'Entrée de l’hôtel');
  // Through the import path, as the dialog sends it: the preview names the camera correctly.
  const store = new InventoryStore(tmp(), DEMO);
  store.init();
  const preview = store.preview('annexe.csv', cp1252);
  assert.ok(preview.ok);
  assert.equal(preview.value.diff.added[0]?.name, 'Entrée de l’hôtel');
  // The same text in UTF-8 stays UTF-8.
  const u = decodeImport(Buffer.from('id;name\n1;Entrée\n', 'utf8'));
  assert.ok(u.ok && u.encoding === 'utf-8' && u.text.includes('Entrée'));
});

test('bytes that are neither UTF-8 nor Windows-1252 are refused with a clear message', () => {
  const d = decodeImport(Buffer.from([0x69, 0x64, 0x0a, 0xe9, 0x81, 0x00]));
  assert.ok(!d.ok);
  assert.equal(d.problem.code, 'file_encoding');
  assert.match(d.problem.message, /CSV UTF-8/);
});

test('the import limit counts bytes: 4.7 M accented characters are refused before parsing', () => {
  const big = Buffer.from('é'.repeat(2_400_000), 'utf8'); // 2.4 M characters, 4.8 MB
  assert.ok(big.length > MAX_IMPORT_BYTES && 'é'.repeat(2_400_000).length < 5_000_000);
  const d = decodeImport(big);
  assert.ok(!d.ok && d.problem.code === 'file_too_large');
  // Base64 of the largest accepted file, in its JSON envelope, stays well under the 8 MiB socket limit.
  assert.ok((Math.ceil(MAX_IMPORT_BYTES / 3) * 4 + 200) / (8 * 1024 * 1024) < 0.7);
  const store = new InventoryStore(tmp(), DEMO);
  store.init();
  const r = store.preview('grand.csv', big);
  assert.ok(!r.ok && r.error.code === 'invalid_inventory');
  assert.equal(r.error.details?.[0]?.code, 'file_too_large');
});

test('credentials.json: a null or malformed entry voids only itself, and is logged without secrets', () => {
  const dir = tmp();
  fs.writeFileSync(
    path.join(dir, 'credentials.json'),
    JSON.stringify({
      broken: null,
      half: { username: 'x', password: 987654321 },
      csu: { username: 'op', password: 's3cr3t-@' },
    }),
  );
  const lines: string[] = [];
  const write = process.stderr.write.bind(process.stderr);
  process.stderr.write = ((chunk: string) => lines.push(String(chunk)) > 0) as typeof process.stderr.write;
  let store: CredentialStore;
  try {
    store = CredentialStore.inDir(dir);
  } finally {
    process.stderr.write = write;
  }
  assert.equal(store.apply('rtsp://10.0.0.1/s', 'csu'), 'rtsp://op:s3cr3t-%40@10.0.0.1/s');
  assert.equal(store.apply('rtsp://10.0.0.1/s', 'broken'), 'rtsp://10.0.0.1/s');
  const log = lines.join('');
  assert.match(log, /"broken" ignored/);
  assert.match(log, /"half" ignored/);
  // (a value no timestamp can contain: the log lines start with the time)
  assert.ok(!log.includes('s3cr3t') && !log.includes('987654321'));
  // A URL that does not parse is passed on without credentials rather than throwing.
  assert.equal(store.apply('rtsp://[oops', 'csu'), 'rtsp://[oops');
});
