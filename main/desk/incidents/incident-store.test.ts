/** The post's own incident reports (SQLite) keep the IncidentStore contract. */
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteIncidentStore } from './incident-store';
import { incidentStoreContract } from '../../../test-support/desk/incident-store-contract';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

incidentStoreContract('SQLite', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-incidents-'));
  dirs.push(d);
  return Promise.resolve(new SqliteIncidentStore(d));
});
