/**
 * The PTZ lab for end-to-end tests, all real parts: the browser host with a Pelco-D keyboard on a
 * socat pty (`--keyboard`), a loopback ONVIF peer as the camera's `ptz.url` (driven by the real
 * onvif client), and a loopback HTTP server as the CSU webhook (`--csu-webhook`).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { startPtyPair, type PtyPair } from '../control/pty';
import { startHook, type Hook } from '../control/csu-peers';
import { OnvifPeer, type PeerCommand } from '../control/onvif-peer';
import { createOperator, login, startHost, type Host } from './host';

export const AGENT = { login: 'agent', password: 'agent-mot-de-passe', role: 'ptz', name: 'Léa Moreau' };
export const CHEF = { login: 'chef', password: 'chef-mot-de-passe', role: 'supervisor', name: 'Marc Petit' };
export const TECH = { login: 'tech', password: 'tech-mot-de-passe', role: 'technician' };
export const CAM = 1;

export interface Lab {
  dataDir: string;
  dir: string;
  cameras: string;
  peer: OnvifPeer;
  hook: Hook;
  pty: PtyPair;
  host: Host;
}

/** A post's data directory: its accounts and the camera's PTZ credentials. */
function postDataDir(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ptz-'));
  createOperator(dataDir, AGENT);
  createOperator(dataDir, { ...CHEF, rank: 'Commandant' });
  createOperator(dataDir, TECH);
  fs.writeFileSync(
    path.join(dataDir, 'credentials.json'),
    JSON.stringify({ cam: { username: 'csu-ptz', password: 'mot-de-passe-ptz' } }),
    { mode: 0o600 },
  );
  return dataDir;
}

export async function startLab(extraArgs: string[] = []): Promise<Lab> {
  const dataDir = postDataDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-ptz-tty-'));
  const peer = await new OnvifPeer({
    username: 'csu-ptz',
    password: 'mot-de-passe-ptz',
    presets: [{ token: '1', name: 'Parvis' }],
  }).start();
  const cameras = path.join(dir, 'cameras.json');
  fs.writeFileSync(
    cameras,
    JSON.stringify({
      cameras: [
        {
          id: CAM,
          name: 'Parvis',
          site: 'Gare',
          zone: 'Quais',
          streams: { main: 'demo:1' },
          ptz: { type: 'onvif', url: peer.url },
          credentialsRef: 'cam',
        },
        { id: 2, name: 'Fixe', site: 'Gare', zone: 'Quais', streams: { main: 'demo:2' } },
      ],
    }),
  );
  const hook = await startHook();
  const pty = await startPtyPair(dir);
  const host = await startHost({
    dataDir,
    cameras,
    args: [
      '--keyboard',
      pty.b,
      '--keyboard-protocol',
      'pelco-d',
      '--keyboard-baud',
      '9600',
      '--csu-webhook',
      hook.url,
      '--post',
      'CIC-1',
      ...extraArgs,
    ],
  });
  return { dataDir, dir, cameras, peer, hook, pty, host };
}

/** Another CIC post on the same cameras and CSU webhook, with no input device. */
export async function startOtherPost(lab: Lab, args: string[]): Promise<Host> {
  return startHost({
    dataDir: postDataDir(),
    cameras: lab.cameras,
    args: ['--csu-webhook', lab.hook.url, ...args],
  });
}

export async function stopLab(lab: Lab): Promise<void> {
  await lab.host.stop();
  await lab.pty.stop();
  await lab.hook.close();
  await lab.peer.stop();
  fs.rmSync(lab.dir, { recursive: true, force: true });
}

export function next(peer: OnvifPeer, pred: (c: PeerCommand) => boolean, ms = 15_000): Promise<PeerCommand> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(
      () =>
        reject(
          new Error(`no such command reached the camera: ${peer.commands.map((c) => c.action).join(' ')}`),
        ),
      ms,
    );
    const on = (c: PeerCommand): void => {
      if (!pred(c)) return;
      clearTimeout(t);
      peer.off('command', on);
      resolve(c);
    };
    peer.on('command', on);
  });
}
export const isMove = (c: PeerCommand): boolean => c.action === 'ContinuousMove';
export const isStop = (c: PeerCommand): boolean => c.action === 'Stop';

export function registry(dataDir: string): { type: string; login: string; cameraId: number | null }[] {
  const out = execFileSync(process.execPath, [
    '-e',
    `const db = new (require('node:sqlite').DatabaseSync)(process.argv[1], { readOnly: true });
     console.log(JSON.stringify(db.prepare("SELECT type, login, camera_id AS cameraId FROM registry WHERE type LIKE 'ptz.%' ORDER BY seq").all()));`,
    path.join(dataDir, 'registry.db'),
  ]).toString();
  return JSON.parse(out) as { type: string; login: string; cameraId: number | null }[];
}

/** Logs in and puts the PTZ camera on the selected tile, as on a CCTV keyboard. */
export async function onCamera(
  page: Page,
  url: string,
  who: { login: string; password: string },
): Promise<void> {
  await page.goto(url);
  await login(page, who.login, who.password);
  await page.getByTestId('tile-0').click();
  await page.keyboard.type(String(CAM));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tile-0')).toHaveAttribute('data-camera-id', String(CAM));
  await expect(page.getByTestId('ptz-panel')).toHaveAttribute('data-camera-id', String(CAM));
}

export async function take(page: Page, ref: string, reason: string, override = false): Promise<void> {
  await page.getByTestId('ptz-take').click();
  await page.getByTestId('ptz-event-ref').fill(ref);
  await page.getByTestId('ptz-event-reason').fill(reason);
  if (override) await page.getByTestId('ptz-override').check();
  await page.getByTestId('ptz-take-confirm').click();
}
