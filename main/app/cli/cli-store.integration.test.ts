/**
 * `vigie store join` and `vigie registry verify|checkpoint --store` as a technician runs them, against
 * a real PostgreSQL: the CIC's registry made by the first post, joined by the second with its key,
 * verified, then tampered with through a superuser connection and found out.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { pgSuite } from '../../../test-support/records/pg-suite';
import { asSuperuser, openPost } from '../../../test-support/records/store-posts';

const CLI = path.join(__dirname, 'cli.ts');
function vigie(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ status: number | null; out: string }>((resolve) => {
    const p = spawn(process.execPath, ['--require', 'tsx/cjs', CLI, ...args], {
      env: { ...process.env, VIGIE_DATA_DIR: '', VIGIE_STORE: '', ...env },
    });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (out += d.toString()));
    p.on('close', (status) => resolve({ status, out }));
  });
}

pgSuite('vigie store join and registry verify --store', (lab) =>
  test(
    'a second post joins with the first post’s key; verify --store finds the shared registry intact, then an edited row and a truncated tail',
    { timeout: 240_000 },
    async () => {
      // A password the server ignores (trust): it must appear nowhere in what the CLI prints.
      const url = lab.server.url.replace('vigie@', 'vigie:mot-de-passe-secret@');
      const [a, b] = ['A', 'B'].map((p) => fs.mkdtempSync(path.join(os.tmpdir(), `vigie-cli-${p}-`)));
      const outputs: string[] = [];
      const run = async (args: string[], env?: Record<string, string>) => {
        const r = await vigie(args, env);
        outputs.push(r.out);
        return r;
      };

      const made = await run(['store', 'join', '--data-dir', a!, '--store', url]);
      assert.equal(made.status, 0, made.out);
      assert.match(made.out, /Registre commun du CIC créé/);
      const refused = await run(['store', 'join', '--data-dir', b!], { VIGIE_STORE: url });
      assert.equal(refused.status, 1, refused.out);
      assert.match(refused.out, /donnez la clé d’un poste de ce CIC.*store_key_required/);
      const keyFile = path.join(a!, 'store.key');
      const joined = await run(['store', 'join', '--data-dir', b!, '--key-file', keyFile], {
        VIGIE_STORE: url,
      });
      assert.equal(joined.status, 0, joined.out);

      for (const [dataDir, post] of [
        [a!, 'poste-A'],
        [b!, 'poste-B'],
      ] as const) {
        const r = openPost({ dataDir, post }, url);
        r.append({
          type: 'auth.login',
          actor: { login: 'dupont', name: 'Dupont', rank: 'BC', service: 'CIC' },
        });
        assert.equal(await r.shared!.flush(), true);
        await r.shared!.close();
        r.close();
      }
      const intact = await run(['registry', 'verify', '--data-dir', b!, '--store', url]);
      assert.equal(intact.status, 0, intact.out);
      // The CIC's first entry names the machine that made it (the CLI's post), then each post's own.
      const expected = `Registre commun intègre : 5 entrées de 3 poste(s) (${os.hostname()} : 1, poste-A : 2, poste-B : 2)`;
      assert.ok(intact.out.includes(expected), intact.out);

      const cp = path.join(a!, 'cp.json');
      const checkpoint = await run(['registry', 'checkpoint', '--data-dir', a!, '--store', url, '--out', cp]);
      assert.equal(checkpoint.status, 0, checkpoint.out);
      assert.match(checkpoint.out, /n° 5 /);

      await asSuperuser(url, `UPDATE vigie_registry SET login = 'martin' WHERE seq = 4`);
      await asSuperuser(url, `DELETE FROM vigie_registry WHERE seq >= 5`);
      const broken = await run(['registry', 'verify', '--data-dir', b!, '--store', url, '--checkpoint', cp]);
      assert.equal(broken.status, 3, broken.out);
      assert.match(broken.out, /ALTÉRATION du registre commun/);
      assert.match(broken.out, /entrée 4 altérée/);
      assert.match(
        broken.out,
        /registre tronqué : \d+ entrée\(s\) manquent depuis le point de contrôle n° 5/,
      );

      for (const o of outputs) assert.doesNotMatch(o, /mot-de-passe-secret/);
      for (const d of [a!, b!]) fs.rmSync(d, { recursive: true, force: true });
    },
  ),
);
