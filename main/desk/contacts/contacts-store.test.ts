/** The post's own contacts file keeps the ContactStore contract. */
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileContactStore } from './contacts-store';
import { contactStoreContract } from '../../../test-support/desk/contact-store-contract';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

contactStoreContract('file', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-contacts-'));
  dirs.push(d);
  return Promise.resolve({
    store: new FileContactStore(d),
    again: () => Promise.resolve(new FileContactStore(d)),
  });
});
