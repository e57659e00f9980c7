/** The post's own accounts (SQLite) keep the OperatorStore contract. */
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteOperatorStore } from './operator-store';
import { operatorStoreContract } from '../../../test-support/records/operator-store-contract';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

operatorStoreContract('SQLite', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-operators-'));
  dirs.push(d);
  return Promise.resolve(new SqliteOperatorStore(d));
});
