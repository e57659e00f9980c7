/** Test fixture: a post's lease service on a real registry, a real store and the loopback CSU webhook. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Registry } from '../../main/records/registry/registry';
import { loadOrCreateKeys } from '../../main/records/registry/registry-key';
import { createCsuNotifier } from '../../main/control/lease/csu-notifier';
import { LeaseService, type LeaseServiceOptions } from '../../main/control/lease/lease-service';
import type { LeaseChange, LeaseRequester, LeaseStore } from '../../main/control/lease/types';

export const CAMERAS: Record<number, { name: string; site: string }> = {
  12: { name: 'Place Bellecour', site: 'Centre' },
  21: { name: 'Pont Lafayette', site: 'Rhône' },
  22: { name: 'Gare Part-Dieu', site: 'Est' },
};

export const who = (login: string, role: LeaseRequester['role'] = 'ptz'): LeaseRequester => ({
  actor: { login, name: `Agent ${login}`, rank: 'Brigadier', service: 'CIC' },
  role,
});

export interface Post {
  service: LeaseService;
  registry: Registry;
  store: LeaseStore;
  changes: LeaseChange[];
  /** Resolves with the first change (already seen or to come) that matches. */
  change(match: (c: LeaseChange) => boolean): Promise<LeaseChange>;
  /** The registry's PTZ story: type and data, in order. */
  story(
    cameraId?: number,
  ): { type: string; login: string; cameraId: number | null; data: Record<string, unknown> }[];
  close(): Promise<void>;
}

export function openPost(
  store: LeaseStore,
  o: { post?: string; webhook?: string } & Partial<LeaseServiceOptions> = {},
): Post {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-lease-post-'));
  const registry = new Registry(dir, loadOrCreateKeys(dir));
  const n = createCsuNotifier({ ...(o.webhook && { webhook: o.webhook }), timeoutMs: 1_000 });
  if (!n.ok) throw new Error(n.error.code);
  const service = new LeaseService({
    store,
    notifier: n.value,
    registry,
    post: o.post ?? 'poste-1',
    camera: (id) => CAMERAS[id] ?? null,
    ...o,
  });
  const changes: LeaseChange[] = [];
  const waiters: { match: (c: LeaseChange) => boolean; resolve: (c: LeaseChange) => void }[] = [];
  service.onChange((c) => {
    changes.push(c);
    for (const w of waiters.filter((x) => x.match(c))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(c);
    }
  });
  return {
    service,
    registry,
    store,
    changes,
    change: (match) => {
      const seen = changes.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ match, resolve }));
    },
    story: (cameraId) =>
      registry
        .query({ ...(cameraId !== undefined && { cameraId }) })
        .filter((r) => r.type.startsWith('ptz.'))
        .map((r) => ({
          type: r.type,
          login: r.login,
          cameraId: r.cameraId,
          data: JSON.parse(r.data) as Record<string, unknown>,
        })),
    close: async () => {
      await service.close();
      registry.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
