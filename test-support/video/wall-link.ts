/** Test helpers for the wall link: a minimal wall controller, identities, a node and a console. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_TILES } from '../../common/contract';
import type { WallLink, WallState } from '../../common/wall';
import type { RegistryActor } from '../../main/records/registry/registry';
import type { WallCommand, WallController } from '../../main/video/wall/controller';
import { loadOrCreateIdentity, type LinkIdentity } from '../../main/video/wall/link/identity';

export const ALICE: RegistryActor = {
  login: 'alice',
  name: 'Alice Martin',
  rank: 'Brigadier',
  service: 'CIC',
};

/** Just enough of a wall: applies `tile` and `layout`, counts every command it is given. */
export class TestWall implements WallController {
  readonly kind = 'local' as const;
  applied: { cmd: WallCommand; by: string }[] = [];
  private s: WallState = {
    layout: '2x2',
    tiles: Array.from({ length: MAX_TILES }, () => ({ cameraId: null, by: null, tour: null })),
    rev: 0,
  };
  private readonly listeners = new Set<(s: WallState | null, l: WallLink) => void>();
  link(): WallLink {
    return 'local';
  }
  state(): WallState {
    return this.s;
  }
  apply(cmd: WallCommand, by: RegistryActor): Promise<{ ok: true; value: WallState }> {
    this.applied.push({ cmd, by: by.login });
    const tiles = this.s.tiles.map((t) => ({ ...t }));
    if (cmd.kind === 'tile') tiles[cmd.index] = { cameraId: cmd.cameraId, by: by.login, tour: null };
    this.s = { layout: cmd.kind === 'layout' ? cmd.layout : this.s.layout, tiles, rev: this.s.rev + 1 };
    for (const l of this.listeners) l(this.s, 'local');
    return Promise.resolve({ ok: true, value: this.s });
  }
  onChange(listener: (s: WallState | null, l: WallLink) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

export const tmpDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-link-'));

export async function identities(): Promise<{
  node: LinkIdentity;
  console: LinkIdentity;
  other: LinkIdentity;
}> {
  const [node, consoleId, other] = await Promise.all([
    loadOrCreateIdentity(tmpDir()),
    loadOrCreateIdentity(tmpDir()),
    loadOrCreateIdentity(tmpDir()),
  ]);
  return { node, console: consoleId, other };
}

/** Resolves when `check()` holds, polling; rejects after `ms`. */
export async function until(check: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
