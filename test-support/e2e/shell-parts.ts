/**
 * The console's parts as a role reaches them (issue 20): each workspace, pane and dialog, how to
 * open it and what shows it is open. Shared by the panel matrix, the accessibility check and the
 * screenshots, so that a new part is added once.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export interface Role {
  login: string;
  password: string;
  role: 'viewer' | 'ptz' | 'supervisor' | 'head' | 'technician';
  name: string;
}

export const ROLES: Role[] = (['viewer', 'ptz', 'supervisor', 'head', 'technician'] as const).map((role) => ({
  login: `m-${role}`,
  password: `${role}-mot-de-passe`,
  role,
  name: `Agent ${role}`,
}));

/** The rights of each role (main/records/auth/roles.ts). */
const RIGHTS: Record<Role['role'], string[]> = {
  viewer: ['view'],
  ptz: ['view', 'ptz'],
  supervisor: ['view', 'ptz', 'inventory', 'registry', 'wall', 'operations'],
  head: [
    'view',
    'inventory',
    'registry',
    'registry.admin',
    'operators',
    'wall',
    'settings',
    'service',
    'operations',
  ],
  technician: ['inventory', 'settings'],
};

export interface Part {
  /** `workspace:registry`, `pane:map`, `dialog:shortcuts`… */
  name: string;
  open(page: Page): Promise<void>;
  /** What is visible while the part is open, and gone once it is closed. */
  shown(page: Page): Locator;
}

/** Every workspace, pane and dialog the role may open, each with its way in. */
export function partsOf(role: Role['role'], cameraFile: string): Part[] {
  const can = (p: string): boolean => RIGHTS[role].includes(p);
  const click = (id: string) => async (page: Page) => page.getByTestId(id).click();
  const parts: Part[] = [];
  const add = (name: string, open: (page: Page) => Promise<void>, shown: string): void => {
    parts.push({ name, open, shown: (page) => page.getByTestId(shown) });
  };
  if (can('wall') || can('settings')) add('workspace:wall', click('nav-wall'), 'wall-panel');
  if (can('registry')) {
    add('workspace:registry', click('nav-registry'), 'registry-panel');
    add('workspace:reports', click('nav-reports'), 'report-panel');
  }
  if (can('operations')) add('workspace:operations', click('nav-operations'), 'operations-panel');
  const section = (id: string, shown: string) =>
    add(
      `workspace:admin/${id}`,
      async (page) => {
        await page.getByTestId('nav-admin').click();
        await page.getByTestId(id).click();
      },
      shown,
    );
  if (can('inventory')) section('admin-cameras', 'admin-cameras-panel');
  if (can('operators')) section('operators-button', 'operators-panel');
  if (can('settings')) {
    section('input-settings-button', 'input-settings-panel');
    section('selftest-button', 'selftest-panel');
  }
  if (can('view')) {
    add('pane:instructions', click('instructions-button'), 'instructions-panel');
    add('pane:incident-form', click('incident-new'), 'incident-form');
    add('pane:incidents', click('incidents-button'), 'incidents-panel');
    add('pane:contacts', click('contacts-button'), 'contacts-panel');
  }
  if (can('view') || can('settings')) add('pane:map', click('map-toggle'), 'map-panel');
  if (can('wall') || can('settings')) add('pane:wall', click('wall-toggle'), 'wall-panel');
  add('dialog:shortcuts', async (page) => page.keyboard.press('?'), 'shortcuts');
  if (can('inventory'))
    add(
      'dialog:import',
      async (page) => page.getByTestId('import-file').setInputFiles(cameraFile),
      'import-dialog',
    );
  return parts;
}

/** The PTZ pane shows while the selected tile's camera can move: the matrix keeps it open throughout. */
export async function selectPtzCamera(page: Page, role: Role['role'], cameraId: number): Promise<void> {
  if (!RIGHTS[role].includes('ptz')) return;
  await page.getByTestId('tile-0').click();
  await page.keyboard.type(String(cameraId));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('ptz-panel')).toHaveAttribute('data-camera-id', String(cameraId));
}

/** Seeded shuffle (mulberry32), so that an order that fails can be played again. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const random = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Every uncaught page error and console error, for the test to assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location().url}`);
  });
  return errors;
}

/**
 * What a 1366-pixel-wide screen must never show: a page wider than the window, or a control the
 * operator cannot reach (beside the window, or below it with no pane to scroll it into view).
 */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const width = Math.max(root.scrollWidth, document.body.scrollWidth);
    if (width > innerWidth)
      problems.push(`horizontal overflow: scrollWidth ${width} > innerWidth ${innerWidth}`);
    if (root.scrollHeight > innerHeight)
      problems.push(`vertical overflow: scrollHeight ${root.scrollHeight} > ${innerHeight}`);
    const name = (el: Element): string => {
      const id = el.closest('[data-testid]')?.getAttribute('data-testid') ?? '';
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `<${el.tagName.toLowerCase()}> ${id} "${text}"`;
    };
    const scrolledInto = (el: Element): boolean => {
      for (let p = el.parentElement; p; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (/(auto|scroll)/.test(s.overflowY) && p.scrollHeight > p.clientHeight) {
          const r = p.getBoundingClientRect();
          return r.top >= -1 && r.bottom <= innerHeight + 1;
        }
      }
      return false;
    };
    const selector =
      'button, a[href], input, select, textarea, [tabindex]:not([tabindex="-1"]), [role="button"], [role="tab"]';
    for (const el of document.querySelectorAll(selector)) {
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < -1 || r.right > innerWidth + 1)
        problems.push(
          `outside the window sideways (${Math.round(r.left)}…${Math.round(r.right)}): ${name(el)}`,
        );
      else if ((r.top < -1 || r.bottom > innerHeight + 1) && !scrolledInto(el))
        problems.push(
          `outside the window, no pane to scroll it (${Math.round(r.top)}…${Math.round(r.bottom)}): ${name(el)}`,
        );
    }
    return problems;
  });
}
