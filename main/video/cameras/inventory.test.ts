import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCsvInventory, parseInventoryFile, parseJsonInventory, formatProblems } from './inventory-parse';
import { diffInventories } from './inventory-diff';
import { InventoryStore } from './inventory-store';
import { storageErrorCode } from '../../platform/storage/atomic-write';
import { MAX_IMPORT_BYTES } from '../../../common/contract';

const cam = (id: number, extra: object = {}) => ({
  id,
  name: `Cam ${id}`,
  site: 'Gare',
  zone: 'Quais',
  streams: { main: `rtsp://10.0.0.${id}/s` },
  ...extra,
});

test('a valid JSON annex parses with defaults', () => {
  const r = parseJsonInventory(
    JSON.stringify({
      cameras: [
        cam(1),
        {
          id: 2,
          name: 'B',
          site: 'Port',
          streams: { main: 'rtsp://h/x', sub: 'rtsp://h/y' },
          ptz: { type: 'pelco-d', port: 'COM3', address: 2 },
        },
      ],
    }),
  );
  assert.ok(r.ok);
  assert.equal(r.inventory.cameras.length, 2);
  assert.equal(r.inventory.cameras[1]?.zone, '');
});

test('problems name the entry, the camera and the field, in French', () => {
  const r = parseJsonInventory(
    JSON.stringify({ cameras: [cam(1), { id: 2, name: 'X', streams: { main: 'ftp://x' } }, cam(1)] }),
  );
  assert.ok(!r.ok);
  const text = formatProblems(r.problems);
  assert.match(text, /entrée 2 \(caméra 2\), champ « site » : champ obligatoire manquant/);
  assert.match(text, /entrée 2 \(caméra 2\), champ « flux principal » : adresse de flux invalide/);
  assert.match(text, /entrée 3 \(caméra 1\), champ « numéro \(id\) » : numéro 1 déjà utilisé/);
});

test('unknown fields and empty files are refused', () => {
  const r = parseJsonInventory(JSON.stringify({ cameras: [cam(1, { recording: true })] }));
  assert.ok(!r.ok && r.problems[0]?.code === 'unknown_field');
  const e = parseJsonInventory('{"cameras": []}');
  assert.ok(!e.ok && e.problems[0]?.code === 'empty');
  const s = parseJsonInventory('{"cameras": [');
  assert.ok(!s.ok && s.problems[0]?.code === 'json_syntax');
});

test('CSV annex: ; separator, quoted cells, decimal commas, line numbers in errors', () => {
  const ok = parseCsvInventory(
    'id;name;site;zone;main;lat;lon\n1;"Parvis; mairie";Mairie;;rtsp://h/1;48,85;2,35\n\n2;Quai;Gare;Quais;rtsp://h/2;;\n',
  );
  assert.ok(ok.ok);
  assert.equal(ok.inventory.cameras[0]?.name, 'Parvis; mairie');
  assert.equal(ok.inventory.cameras[0]?.lat, 48.85);
  const bad = parseCsvInventory('id,name,site,main\n1,A,Gare,rtsp://h/1\nx,B,,rtsp://h/2\n');
  assert.ok(!bad.ok);
  assert.match(formatProblems(bad.problems), /ligne 3, champ « numéro \(id\) »/);
  assert.match(formatProblems(bad.problems), /ligne 3, champ « site »/);
  const header = parseCsvInventory('id;nom\n1;A\n');
  assert.ok(!header.ok && header.problems[0]?.code === 'csv_header');
});

test('file type is chosen by name or content', () => {
  assert.ok(parseInventoryFile('annexe.txt', JSON.stringify({ cameras: [cam(3)] })).ok);
  assert.ok(parseInventoryFile('annexe.csv', 'id;name;site;main\n3;A;B;rtsp://h/3\n').ok);
});

test('diff lists added, removed and changed cameras without credentials', () => {
  const a = [cam(1), cam(2), cam(3, { streams: { main: 'rtsp://u:p@h/3' } })]
    .map((c) => parseJsonInventory(JSON.stringify({ cameras: [c] })))
    .map((r) => (r.ok ? r.inventory.cameras[0]! : assert.fail()));
  const b = [cam(1, { name: 'Renamed' }), cam(4), cam(3, { streams: { main: 'rtsp://u:other@h/3' } })]
    .map((c) => parseJsonInventory(JSON.stringify({ cameras: [c] })))
    .map((r) => (r.ok ? r.inventory.cameras[0]! : assert.fail()));
  const d = diffInventories(a, b);
  assert.deepEqual(
    d.added.map((c) => c.id),
    [4],
  );
  assert.deepEqual(
    d.removed.map((c) => c.id),
    [2],
  );
  assert.deepEqual(
    d.changed.map((c) => c.id),
    [1, 3],
  );
  assert.deepEqual(d.changed[0]?.changes, [{ field: 'name', before: 'Cam 1', after: 'Renamed' }]);
  assert.ok(!JSON.stringify(d).includes('other'));
});

test('store: a refused import keeps the inventory in force and writes nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-'));
  const store = new InventoryStore(
    dir,
    path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json'),
  );
  store.init();
  assert.equal(store.view().demo, true);
  const before = store.view().cameras.length;
  const r = store.preview('x.json', Buffer.from('{"cameras":[{"id":1}]}'));
  assert.ok(!r.ok);
  assert.equal(store.view().cameras.length, before);
  assert.equal(fs.existsSync(path.join(dir, 'inventory.json')), false);
  // The refusal is the importer's answer, not a problem of the inventory in force: a console that
  // logs in afterwards is not greeted with someone else's refused file.
  assert.equal(store.view().lastError, null);

  const p = store.preview('a.json', Buffer.from(JSON.stringify({ cameras: [cam(7)] })));
  assert.ok(p.ok);
  assert.equal(store.view().demo, true, 'a preview changes nothing before confirmation');
  const applied = store.apply(p.value.previewId);
  assert.ok(applied.ok);
  assert.deepEqual(
    store.view().cameras.map((c) => c.id),
    [7],
  );
  assert.equal(store.history().length, 1);
  assert.equal(store.apply(p.value.previewId).ok, false, 'a preview applies once');

  // Restart: the stored inventory, not the demo, is in force.
  const again = new InventoryStore(
    dir,
    path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json'),
  );
  again.init();
  assert.deepEqual(
    again.view().cameras.map((c) => c.id),
    [7],
  );
});

test('store: a failed write is reported by its code and changes nothing', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ro-'));
  const store = new InventoryStore(
    dir,
    path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json'),
  );
  store.init();
  // The trace cannot be written (a directory squats its path): the change must not take effect.
  fs.mkdirSync(path.join(dir, 'inventory-history.jsonl'));
  const p = store.preview('a.json', Buffer.from(JSON.stringify({ cameras: [cam(7)] })));
  assert.ok(p.ok);
  const r = store.apply(p.value.previewId);
  assert.ok(!r.ok);
  assert.equal(r.error.code, 'storage_error');
  assert.equal(store.view().demo, true);
  assert.equal(fs.existsSync(path.join(dir, 'inventory.json')), false);
});

test('a full disk is named as such', () => {
  const e = Object.assign(new Error('no space'), { code: 'ENOSPC' });
  assert.equal(storageErrorCode(e), 'disk_full');
  assert.equal(storageErrorCode(Object.assign(new Error('denied'), { code: 'EACCES' })), 'storage_denied');
});

test(
  '--cameras FILE: a pipe, a folder or a missing file is unreadable at once; a link named there is followed',
  { timeout: 20_000 },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-file-'));
    const demo = path.join(__dirname, '..', '..', '..', 'assets', 'demo-cameras.json');
    const start = async (file: string) => {
      const store = new InventoryStore(fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-inv-data-')), demo);
      await store.init(file, false);
      return store.view();
    };
    execFileSync('mkfifo', [path.join(dir, 'cameras.json')]); // nobody ever writes it: start-up used to wait forever
    for (const file of [path.join(dir, 'cameras.json'), dir, path.join(dir, 'missing.json')]) {
      const v = await start(file);
      assert.deepEqual(v.lastError, { code: 'file_unreadable', params: { file: path.basename(file) } });
      assert.deepEqual(v.cameras, []);
    }
    fs.writeFileSync(path.join(dir, 'real.json'), JSON.stringify({ cameras: [cam(3)] }));
    fs.symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.json'));
    assert.deepEqual(
      (await start(path.join(dir, 'link.json'))).cameras.map((c) => c.id),
      [3],
    );
    fs.writeFileSync(path.join(dir, 'big.json'), Buffer.alloc(MAX_IMPORT_BYTES + 1, 0x20));
    const big = await start(path.join(dir, 'big.json'));
    assert.equal(big.lastError?.code, 'invalid_inventory');
    assert.equal(big.lastError?.details?.[0]?.code, 'file_too_large');
  },
);
