/**
 * The project's lint boundaries, run through ESLint's API on snippets placed where they would live:
 * each rule must refuse what it is there to refuse (so none passes silently) and accept the right way.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: path.resolve(__dirname, '..') });

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [r] = await eslint.lintText(code, { filePath });
  return (r?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

const refused = async (filePath: string, code: string, rule = 'no-restricted-imports'): Promise<void> =>
  assert.ok((await rulesHit(filePath, code)).includes(rule), `${filePath}: expected ${rule} on: ${code}`);
const accepted = async (filePath: string, code: string): Promise<void> =>
  assert.deepEqual(await rulesHit(filePath, code), [], `${filePath}: expected no finding on: ${code}`);

test('renderer/ imports only common/ and renderer/', async () => {
  await refused(
    'renderer/features/x/X.tsx',
    "import { Router } from '../../../main/ipc/router';\nvoid Router;\n",
  );
  await refused('renderer/X.ts', "import { api } from '../preload/preload';\nvoid api;\n");
  await refused('renderer/X.ts', "import fs from 'node:fs';\nvoid fs;\n");
  await accepted(
    'renderer/features/x/X.tsx',
    "import { LAYOUTS } from '../../../common/contract';\nvoid LAYOUTS;\n",
  );
  await accepted(
    'renderer/features/x/X.tsx',
    "import { useT } from '../../console/console-store';\nvoid useT;\n",
  );
});

test('main/ and preload/ import only common/ and their own folder', async () => {
  await refused('main/ipc/X.ts', "import { en } from '../../renderer/i18n/en';\nvoid en;\n");
  await refused('main/X.ts', "import '../preload/preload';\n");
  await refused('main/X.ts', "import { RtspLab } from '../test-support/video/rtsp-lab';\nvoid RtspLab;\n");
  await refused('preload/X.ts', "import { Router } from '../main/platform/ipc/router';\nvoid Router;\n");
  await refused('preload/X.ts', "import { z } from 'zod';\nvoid z;\n");
  await accepted(
    'main/ipc/X.ts',
    "import { CHANNELS } from '../../common/contract';\nimport { err } from './router';\nvoid [CHANNELS, err];\n",
  );
});

test('main/platform/ imports only common/ and main/platform/: no domain, no composition', async () => {
  const file = 'main/platform/update/X.ts';
  await refused(
    file,
    "import type { Registry } from '../../records/registry/registry';\nexport type R = Registry;\n",
    'vigie/layers',
  );
  await refused(file, "import { POST_JOBS } from '../../app/post-jobs';\nvoid POST_JOBS;\n", 'vigie/layers');
  await refused(file, "export { cameraId } from '../../video/cameras/inventory-schema';\n", 'vigie/layers');
  await accepted(
    file,
    "import { err } from '../../../common/result';\nimport { createLogger } from '../log/logger';\nvoid [err, createLogger];\n",
  );
});

test('a domain imports common/, main/platform/, itself and the domains DOMAINS lists for it', async () => {
  // desk/map lists records/registry, not video/wall.
  const map = 'main/desk/map/X.ts';
  await refused(
    map,
    "import type { WallDesk } from '../../video/wall/wall-desk';\nexport type W = WallDesk;\n",
    'vigie/layers',
  );
  await accepted(
    map,
    "import type { Registry } from '../../records/registry/registry';\nimport { MapStore } from './map-store';\n" +
      "import { text } from '../../platform/ipc/shapes';\nimport { MAP_MAX_ZOOM } from '../../../common/contract';\n" +
      'export type R = Registry;\nvoid [MapStore, text, MAP_MAX_ZOOM];\n',
  );
  // Within one group too, resolved from a subfolder: control/ptz lists control/input, not the reverse.
  await accepted(
    'main/control/ptz/X.ts',
    "import { inputSettingsSchema } from '../input/settings';\nvoid inputSettingsSchema;\n",
  );
  await refused(
    'main/control/input/X.ts',
    "import type { PtzService } from '../ptz/ptz-service';\nexport type P = PtzService;\n",
    'vigie/layers',
  );
  await accepted(
    'main/video/wall/link/X.ts',
    "import { wallCommandSchema } from '../wall-command-schema';\nvoid wallCommandSchema;\n",
  );
  await refused(
    'main/video/wall/link/X.ts',
    "import { LayoutStore } from '../../mosaic/mosaic-store';\nvoid LayoutStore;\n",
    'vigie/layers',
  );
  // A domain the table does not know is refused until it is listed.
  await refused('main/video/tours/X.ts', 'export const x = 1;\n', 'vigie/layers');
});

test('only main/app/ composes domains', async () => {
  await refused(
    'main/records/registry/X.ts',
    "import type { PostJobs } from '../../app/post-jobs';\nexport type P = PostJobs;\n",
    'vigie/layers',
  );
  await accepted(
    'main/app/X.ts',
    "import { MapStore } from '../desk/map/map-store';\nimport { LayoutStore } from '../video/mosaic/mosaic-store';\nvoid [MapStore, LayoutStore];\n",
  );
  // Tests assemble real parts as main/app/ does.
  await accepted(
    'main/desk/map/X.test.ts',
    "import { postJobRunner } from '../../app/post-jobs';\nvoid postJobRunner;\n",
  );
});

test('no product file imports test support; tests may', async () => {
  const png = "import { png } from '../../../test-support/desk/png';\nvoid png;\n";
  await refused('main/desk/map/X.ts', png);
  await refused('renderer/features/x/X.tsx', png);
  await refused('common/contract/X.ts', "import { png } from '../../test-support/desk/png';\nvoid png;\n");
  await refused('preload/X.ts', "import { png } from '../test-support/desk/png';\nvoid png;\n");
  await accepted('main/desk/map/X.test.ts', png);
});

test('common/ has no Node, Electron, zod or other layer', async () => {
  await refused('common/X.ts', "import { z } from 'zod';\nvoid z;\n");
  await refused('common/X.ts', "import fs from 'node:fs';\nvoid fs;\n");
  await refused('common/X.ts', "import { app } from 'electron';\nvoid app;\n");
  await refused('common/X.ts', "import { Router } from '../main/platform/ipc/router';\nvoid Router;\n");
  await accepted('common/X.ts', "import type { Role } from './roles';\nexport type R = Role;\n");
});

test('raw IPC is banned by import, aliases included, outside its two homes', async () => {
  await refused('main/app/services.ts', "import { ipcMain as m } from 'electron';\nvoid m;\n");
  await refused('main/X.ts', "import { ipcMain } from 'electron/main';\nvoid ipcMain;\n");
  await refused('renderer/X.ts', "import { ipcRenderer as r } from 'electron';\nvoid r;\n");
  await refused(
    'main/app/electron/electron-ipc.ts',
    "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n",
  );
  await refused('preload/preload.ts', "import { ipcMain } from 'electron';\nvoid ipcMain;\n");
  await accepted('main/app/electron/electron-ipc.ts', "import { ipcMain } from 'electron';\nvoid ipcMain;\n");
  await accepted('preload/preload.ts', "import { ipcRenderer } from 'electron';\nvoid ipcRenderer;\n");
});

test('nothing in renderer/ records or snapshots video', async () => {
  await refused(
    'renderer/X.ts',
    'export const r = new MediaRecorder(new MediaStream());\n',
    'no-restricted-syntax',
  );
  await refused(
    'renderer/X.ts',
    'export const u = (c: HTMLCanvasElement) => c.toDataURL();\n',
    'no-restricted-syntax',
  );
});

test('a store selector in renderer/ never builds a fresh array or object', async () => {
  const file = 'renderer/features/x/X.tsx';
  const fresh = [
    // Issue 20: Signalements opened first blanked the console.
    'useConsole((s) => s.instructions?.current?.categories ?? [])',
    'useConsole((s) => s.wall?.presets || {})',
    'useConsole((s) => s.cameras.filter((c) => c.ptz))',
    'useConsole((s) => s.tiles.map((t) => t ?? 0))',
    'useConsole((s) => ({ layout: s.layout, solo: s.solo }))',
    'useConsole((s) => (s.session ? s.session.permissions : []))',
    'useConsole((s) => Object.keys(s.registryJobs))',
    'useConsole((s) => { if (!s.wall) return []; return s.wall.presets; })',
    'useWall((s) => s.wall?.tiles.slice(0, 4))',
    'useWall((s) => new Set(s.cameras))',
  ];
  for (const expr of fresh) await refused(file, `export const x = () => ${expr};\n`, 'vigie/stable-selector');
  const stable = [
    'useConsole((s) => s.instructions?.current?.categories) ?? NONE',
    'useConsole((s) => s.cameras.find((c) => c.id === 1))',
    'useConsole((s) => Object.keys(s.registryJobs).length > 0)',
    "useConsole((s) => ['view', 'settings'].some((p) => s.session?.permissions.includes(p as 'view')))",
    "useConsole((s) => s.contacts?.procedure ?? '')",
    'useConsole(useShallow((s) => [s.layout, s.solo]))',
    'useMemo(() => cameras.filter((c) => c.ptz), [cameras])',
  ];
  for (const expr of stable) await accepted(file, `export const x = () => ${expr};\n`);
});
