/** Issue 12: the common instructions are parsed strictly, versioned, and a bad file changes nothing. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EventHub } from '../../platform/ipc/router';
import { Registry } from '../../records/registry/registry';
import { loadOrCreateKeys } from '../../records/registry/registry-key';
import { instructionsHandlers } from './instructions-handlers';
import { parseInstructions, parseMarkdown } from './instructions-parse';
import { SqliteInstructionStore } from './instructions-store';
import { makeInstructionsPdf } from '../../../test-support/desk/instructions-pdf';

const MD = `# Consignes communes CSU / CIC

Introduction, hors catégorie.

## Rixe sur la voie publique
- Plus de deux personnes échangent des coups
- Arme visible : **urgence**, appeler le 17

## Vol à l’arraché
Signaler la direction de fuite.

1. Décrire l’auteur
   - sous-point ignoré
`;
const reasonOf = (r: { ok: boolean; problem?: { reason: string } }): string =>
  r.ok ? 'ok' : (r.problem?.reason ?? '');

test('Markdown: ## headings are the categories, their items and paragraphs the instructions', () => {
  const r = parseMarkdown(MD);
  assert.ok(r.ok);
  assert.deepEqual(r.categories, [
    {
      label: 'Rixe sur la voie publique',
      items: ['Plus de deux personnes échangent des coups', 'Arme visible : **urgence**, appeler le 17'],
    },
    { label: 'Vol à l’arraché', items: ['Signaler la direction de fuite.', 'Décrire l’auteur'] },
  ]);
});

test('malformed instructions are refused with a precise reason', async () => {
  const cases: [string, Buffer, string][] = [
    ['a.md', Buffer.from('# Titre\n\nTexte sans catégorie.\n'), 'no_category'],
    ['a.md', Buffer.from([0x23, 0x23, 0x20, 0xc3, 0x28, 0x0a]), 'encoding'], // invalid UTF-8
    ['a.md', Buffer.from('## Vol\x00\n'), 'encoding'],
    ['a.md', Buffer.from('## Vol\n## vol\n'), 'duplicate_category'],
    ['a.md', Buffer.from(`## ${'x'.repeat(200)}\n`), 'category_too_long'],
    ['a.md', Buffer.alloc(0), 'empty'],
    ['a.txt', Buffer.from('## Vol\n'), 'format'],
    ['a.pdf', Buffer.from('## Vol\n'), 'not_pdf'],
    ['a.pdf', Buffer.from('%PDF-1.7\n1 0 obj garbage\n%%EOF\n'), 'pdf_unreadable'],
    ['a.md', Buffer.alloc(4 * 1024 * 1024 + 1, 0x41), 'too_large'],
  ];
  for (const [name, bytes, reason] of cases)
    assert.equal(reasonOf(await parseInstructions(name, bytes, undefined)), reason, `${name} ${reason}`);
});

test('PDF: parsed for real; categories from the form, or else from the outline', async () => {
  const pdf = await makeInstructionsPdf(['Rixe', 'Vol à la tire']);
  const fromOutline = await parseInstructions('consignes.pdf', pdf, undefined);
  assert.ok(fromOutline.ok);
  assert.deepEqual(
    fromOutline.categories.map((c) => c.label),
    ['Rixe', 'Vol à la tire'],
  );
  const typed = await parseInstructions('consignes.pdf', pdf, [' Dépôt sauvage ', '', 'Rixe']);
  assert.ok(typed.ok);
  assert.deepEqual(
    typed.categories.map((c) => c.label),
    ['Dépôt sauvage', 'Rixe'],
  );
  // No outline and nothing typed: no category, refused.
  const bare = await makeInstructionsPdf(['Rixe'], false);
  assert.equal(reasonOf(await parseInstructions('c.pdf', bare, [])), 'no_category');
  // A truncated PDF is not readable.
  assert.equal(reasonOf(await parseInstructions('c.pdf', pdf.subarray(0, 200), ['Rixe'])), 'pdf_unreadable');
});

test('import: each one is a new version recorded in the registry; a bad file leaves the current one', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-instr-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const store = new SqliteInstructionStore(dir);
  const pushed: unknown[] = [];
  const events = new EventHub();
  events.add((e, p) => pushed.push([e, p]));
  const chef = { login: 'chef', name: 'Claire Chef', rank: 'Commandant', service: 'CIC' };
  const h = instructionsHandlers({ store, registry, events, actor: () => chef });
  const ctx = { clientId: 'c1' };
  const imp = (fileName: string, body: Buffer | string) =>
    h['instructions:import'].handle({ fileName, contentBase64: Buffer.from(body).toString('base64') }, ctx);

  const first = await imp('consignes.md', MD);
  assert.ok(first.ok);
  assert.equal(first.value.current?.version, 1);
  const bad = await imp('consignes-v2.md', '# Plus de catégories\n');
  assert.deepEqual(bad.ok ? null : bad.error, {
    code: 'instructions_invalid',
    params: { reason: 'no_category' },
  });
  const pdf = await makeInstructionsPdf(['Rixe', 'Stupéfiants']);
  const second = await imp('consignes.pdf', pdf);
  assert.ok(second.ok);
  assert.equal(second.value.current?.version, 2);
  assert.deepEqual(
    second.value.versions.map((v) => [v.version, v.format]),
    [
      [2, 'pdf'],
      [1, 'markdown'],
    ],
  );
  assert.deepEqual(store.categories(), ['Rixe', 'Stupéfiants']);
  // The old version is still there to read, byte for byte.
  const old = await h['instructions:read'].handle({ version: 1 }, ctx);
  assert.ok(old.ok);
  assert.deepEqual(old.value.content, { format: 'markdown', text: MD });
  const cur = await h['instructions:read'].handle({ version: 2 }, ctx);
  assert.ok(cur.ok && cur.value.content.format === 'pdf');
  assert.deepEqual(Buffer.from(cur.value.content.base64, 'base64'), pdf);
  const none = await h['instructions:read'].handle({ version: 9 }, ctx);
  assert.equal(none.ok ? '' : none.error.code, 'instructions_unknown_version');

  const imports = registry.query({ types: ['instructions.import'] });
  assert.equal(imports.length, 2);
  const data = JSON.parse(imports[1]!.data) as Record<string, unknown>;
  assert.equal(imports[1]!.login, 'chef');
  assert.deepEqual(data.categories, ['Rixe', 'Stupéfiants']);
  assert.equal(data.version, 2);
  assert.equal(data.fileName, 'consignes.pdf');
  assert.match(String(data.sha256), /^[0-9a-f]{64}$/);
  assert.equal(pushed.length, 2); // the refused file pushed nothing

  // A restart reads the same versions.
  store.close();
  const again = new SqliteInstructionStore(dir);
  assert.equal(again.view().versions.length, 2);
  again.close();
  registry.close();
});

test('a registry that refuses the entry leaves no version behind', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-instr-'));
  const store = new SqliteInstructionStore(dir);
  const registry = {
    append: () => {
      throw Object.assign(new Error('disk full'), { code: 'ENOSPC' });
    },
  } as unknown as Registry;
  const h = instructionsHandlers({
    store,
    registry,
    events: new EventHub(),
    actor: () => ({ login: 'c', name: 'C', rank: 'R', service: 'S' }),
  });
  const r = await h['instructions:import'].handle(
    { fileName: 'c.md', contentBase64: Buffer.from(MD).toString('base64') },
    { clientId: 'x' },
  );
  assert.equal(r.ok ? '' : r.error.code, 'disk_full');
  assert.equal(store.view().current, null);
  store.close();
});
