/** The post's own wall presets file keeps the WallPresetStore contract. */
import { after } from 'node:test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WallPresets } from './wall-presets';
import { wallPresetStoreContract } from '../../../test-support/video/wall-preset-store-contract';

const dirs: string[] = [];
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

wallPresetStoreContract('file', () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-presets-'));
  dirs.push(d);
  return Promise.resolve({ store: new WallPresets(d), again: () => Promise.resolve(new WallPresets(d)) });
});
