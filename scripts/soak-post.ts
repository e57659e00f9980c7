/**
 * The post the soak drives, all real parts: the browser host on its data directory (accounts
 * created with the install CLI), the lab's cameras with one of them steerable through the loopback
 * ONVIF peer and a loopback CSU webhook, and Chromium showing the console's 16 tiles and the wall
 * page's own 16. The host can be killed with SIGKILL and restarted on the same data and port; the
 * pages are left to come back by themselves.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { createOperator, startHost, type Host } from '../test-support/e2e/host';
import { RawIpc } from '../test-support/e2e/raw-ipc';
import { startHook, type Hook } from '../test-support/control/csu-peers';
import { OnvifPeer } from '../test-support/control/onvif-peer';
import type { RtspLab } from '../test-support/video/rtsp-lab';
import { launchBenchBrowser, openMosaic } from './bench-measure';
import { openCdp } from './soak-probe';

export interface Account {
  login: string;
  password: string;
  role: string;
  name: string;
}

/** The console's two operators (they relieve each other every minute), the PTZ agent, the supervisor. */
export const ACCOUNTS = {
  a: { login: 'lea', password: 'lea-mot-de-passe', role: 'viewer', name: 'Léa Moreau' },
  b: { login: 'marc', password: 'marc-mot-de-passe', role: 'viewer', name: 'Marc Petit' },
  ptz: { login: 'agent', password: 'agent-mot-de-passe', role: 'ptz', name: 'Inès Garnier' },
  chef: { login: 'chef', password: 'chef-mot-de-passe', role: 'supervisor', name: 'Paul Roche' },
} satisfies Record<string, Account>;

/** The lab camera (index) that the ONVIF peer steers. */
export const PTZ_CAMERA = 0;
export const cameraId = (index: number): number => 101 + index;

export class Post {
  host!: Host;
  browser!: Browser;
  console!: Page;
  wall!: Page;
  consoleCdp!: CDPSession;
  wallCdp!: CDPSession;
  /** When the host last answered after a (re)start, epoch ms. */
  upSince = 0;
  /** The host is down (between its kill and its restart). */
  down = false;
  private port = 0;
  private kiosk = '';
  /** What the hosts killed before this one wrote. */
  private readonly earlier: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly inventory: string,
    readonly peer: OnvifPeer,
    readonly hook: Hook,
    readonly tiles: number,
  ) {}

  static async open(lab: RtspLab, tiles: number): Promise<Post> {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-soak-data-'));
    for (const a of Object.values(ACCOUNTS)) createOperator(dataDir, a);
    fs.writeFileSync(
      path.join(dataDir, 'credentials.json'),
      JSON.stringify({ ptz: { username: 'csu-ptz', password: 'mot-de-passe-ptz' } }),
      { mode: 0o600 },
    );
    const peer = await new OnvifPeer({
      username: 'csu-ptz',
      password: 'mot-de-passe-ptz',
      presets: [{ token: '1', name: 'Parvis' }],
    }).start();
    const hook = await startHook();
    // The lab's inventory, with its first camera steerable through the ONVIF peer.
    const inventory = lab.writeInventory();
    const inv = JSON.parse(fs.readFileSync(inventory, 'utf8')) as { cameras: Record<string, unknown>[] };
    Object.assign(inv.cameras[PTZ_CAMERA]!, { ptz: { type: 'onvif', url: peer.url }, credentialsRef: 'ptz' });
    fs.writeFileSync(inventory, JSON.stringify(inv, null, 2));
    const post = new Post(dataDir, inventory, peer, hook, tiles);
    try {
      await post.show();
    } catch (e) {
      await post.close();
      throw e;
    }
    return post;
  }

  /** The host, then the console's mosaic and the wall page in Chromium. */
  private async show(): Promise<void> {
    const tiles = this.tiles;
    await this.startHost();
    this.browser = await launchBenchBrowser();
    // Console: the operator's mosaic, 4×4 of the lab's first 16 cameras (the post's default).
    this.console = await (
      await this.browser.newContext({ viewport: { width: 1920, height: 1080 } })
    ).newPage();
    await openMosaic(this.console, `${this.host.url}?bench=1`, tiles, ACCOUNTS.a);
    // Wall: the supervisor pushes the same cameras in the reverse order, then the kiosk page opens.
    const chef = await this.ipc(ACCOUNTS.chef);
    const r = await chef.call('wall:apply', {
      kind: 'push',
      layout: '4x4',
      tiles: Array.from({ length: 16 }, (_, i) => ({ cameraId: cameraId(tiles - 1 - i), tour: null })),
    });
    chef.close();
    if (!r.ok) throw new Error(`wall push refused: ${JSON.stringify(r.error)}`);
    this.wall = await (await this.browser.newContext({ viewport: { width: 1920, height: 1080 } })).newPage();
    await this.wall.goto(this.kiosk.replace('/wall#', '/wall?bench=1#'));
    this.consoleCdp = await openCdp(this.console);
    this.wallCdp = await openCdp(this.wall);
  }

  private async startHost(): Promise<void> {
    this.host = await startHost({
      cameras: this.inventory,
      dataDir: this.dataDir,
      port: this.port,
      args: ['--csu-webhook', this.hook.url, '--post', 'CIC-SOAK'],
    });
    this.port = Number(new URL(this.host.url).port);
    // The kiosk address follows the console's on the host's output.
    const until = Date.now() + 10_000;
    let kiosk: string | undefined;
    while (!(kiosk = /(http:\/\/127\.0\.0\.1:\d+\/wall#key=[\w-]+)/.exec(this.host.output())?.[1]))
      if (Date.now() > until) throw new Error('the host printed no kiosk address');
      else await new Promise((r) => setTimeout(r, 100));
    this.kiosk = kiosk;
    this.upSince = Date.now();
    this.down = false;
  }

  /** A raw client logged in as `who`, as any page of the post talks to main. */
  async ipc(who: Account): Promise<RawIpc> {
    const c = await RawIpc.open(this.host.url);
    const r = await c.call('auth:login', { login: who.login, password: who.password });
    if (!r.ok) {
      c.close();
      throw new Error(`login ${who.login} refused: ${JSON.stringify(r.error)}`);
    }
    return c;
  }

  /** kill -9 of the host, then a restart on the same data directory and port. Returns when it answers. */
  async crash(): Promise<{ killedAt: number; upAt: number }> {
    const proc = this.host.proc;
    this.down = true;
    const killedAt = Date.now();
    await new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGKILL');
    });
    this.earlier.push(this.host.output());
    await this.startHost();
    return { killedAt, upAt: this.upSince };
  }

  /** Every host's output, the killed one's first. */
  logs(): string {
    return [...this.earlier, this.host?.output() ?? ''].join('\n--- host restarted ---\n');
  }

  /** Pages and browser closed, then the host stopped as an operator's shutdown does (SIGTERM). */
  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.host?.stop();
    await this.hook.close();
    await this.peer.stop();
  }
}
