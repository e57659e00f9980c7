/**
 * What the post's people do during the soak, through its front doors. On the console page, every
 * minute: a lock and unlock, a logout, and the other operator's login. A PTZ agent takes the
 * steerable camera under a lease notified to the CSU, moves it, stops and releases it. The
 * supervisor searches the registry and now and then exports it. Every action main acknowledged
 * goes into a ledger, which the registry must hold at the end.
 */
import fs from 'node:fs';
import { login } from '../test-support/e2e/host';
import { ACCOUNTS, PTZ_CAMERA, cameraId, type Account, type Post } from './soak-post';
import type { Truth } from './soak-truth';

/** Chores run while no crash is under way; a crash waits for the running ones. */
export class Gate {
  private running = new Set<Promise<unknown>>();
  private closed: Promise<void> | null = null;

  async shared<T>(fn: () => Promise<T>): Promise<T | undefined> {
    while (this.closed) await this.closed;
    const p = fn();
    this.running.add(p);
    try {
      return await p;
    } finally {
      this.running.delete(p);
    }
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    while (this.closed) await this.closed;
    let open!: () => void;
    this.closed = new Promise((r) => (open = r));
    try {
      await Promise.allSettled([...this.running]);
      return await fn();
    } finally {
      this.closed = null;
      open();
    }
  }
}

/** Registry entries owed: what main acknowledged, by type and login. */
export class Ledger {
  readonly owed = new Map<string, number>();
  add(type: string, who: string): void {
    const k = `${type}|${who}`;
    this.owed.set(k, (this.owed.get(k) ?? 0) + 1);
  }
}

export interface ChoreLog {
  ok: Record<string, number>;
  failed: { at: number; chore: string; error: string }[];
}

export class Chores {
  readonly log: ChoreLog = { ok: {}, failed: [] };
  /** Who is at the console now. */
  private current: Account = ACCOUNTS.a;
  private n = 0;

  constructor(
    private readonly post: Post,
    private readonly truth: Truth,
    readonly ledger: Ledger,
  ) {
    ledger.add('auth.login', ACCOUNTS.a.login); // the console's first login (Post.open)
  }

  private done(chore: string): void {
    this.log.ok[chore] = (this.log.ok[chore] ?? 0) + 1;
  }

  private fail(chore: string, e: unknown): void {
    const error = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    this.log.failed.push({ at: Date.now(), chore, error });
    console.log(`  chore ${chore} failed: ${error}`);
  }

  private async run(chore: string, fn: () => Promise<void>): Promise<void> {
    try {
      await fn();
      this.done(chore);
    } catch (e) {
      this.fail(chore, e);
    }
  }

  /** Lock and unlock, logout, and the other operator's login, on the console page. */
  session(): Promise<void> {
    return this.run('session', async () => {
      const page = this.post.console;
      const by = (id: string) => page.getByTestId(id);
      const o = { timeout: 30_000 };
      this.truth.consoleBusy();
      const who = this.current;
      await by('lock-button').click(o);
      await by('lock-screen').waitFor(o);
      this.ledger.add('auth.lock', who.login);
      await by('unlock-password').fill(who.password, o);
      await by('unlock-submit').click(o);
      await by('lock-screen').waitFor({ state: 'detached', ...o });
      await page.waitForSelector('[data-testid="mosaic"][data-sync="ready"]', o);
      this.ledger.add('auth.unlock', who.login);
      await by('logout-button').click(o);
      await by('login-screen').waitFor(o);
      this.ledger.add('auth.logout', who.login);
      const next = who === ACCOUNTS.a ? ACCOUNTS.b : ACCOUNTS.a;
      await this.loginConsole(next);
    });
  }

  /** The console's operator logs in (after a change of operator, or after the post's restart). */
  async loginConsole(who: Account): Promise<void> {
    const page = this.post.console;
    await login(page, who.login, who.password);
    this.ledger.add('auth.login', who.login);
    this.current = who;
    await page.waitForSelector('[data-testid="mosaic"][data-sync="ready"]', { timeout: 30_000 });
    const at = Date.now();
    this.truth.consoleSteady(at);
    this.truth.watch(
      'login',
      Array.from({ length: this.post.tiles }, (_, i) => cameraId(i)),
      at,
      ['console'],
    );
  }

  /**
   * After the host's restart: the console page must come back by itself to its login screen (the
   * operator's session ended with the host); the operator then logs in again. Returns how long the
   * page took, or null if it never did within 30 s.
   */
  async afterCrash(upAt: number): Promise<number | null> {
    this.truth.consoleBusy();
    let back: number | null = null;
    try {
      await this.post.console.getByTestId('login-screen').waitFor({ timeout: 30_000 });
      back = Date.now() - upAt;
    } catch (e) {
      this.fail('console-after-crash', e);
      await this.post.console.reload(); // what an operator would do: the run goes on
      await this.post.console.getByTestId('login-screen').waitFor({ timeout: 30_000 });
    }
    await this.run('login-after-crash', () => this.loginConsole(this.current));
    return back;
  }

  /** Take, move, stop and release the steerable camera, as the PTZ agent. */
  ptz(): Promise<void> {
    return this.run('ptz', async () => {
      const c = await this.post.ipc(ACCOUNTS.ptz);
      this.ledger.add('auth.login', ACCOUNTS.ptz.login);
      const cam = cameraId(PTZ_CAMERA);
      const peer = this.post.peer;
      try {
        const n = ++this.n;
        const take = await c.call('ptz:take', {
          cameraId: cam,
          eventRef: `SOAK-${n}`,
          reason: 'Essai d’endurance',
          minutes: 1,
        });
        if (!take.ok) throw new Error(`take refused: ${JSON.stringify(take.error)}`);
        this.ledger.add('ptz.grant', ACCOUNTS.ptz.login);
        const before = peer.commands.length;
        const move = await c.call('ptz:move', { cameraId: cam, pan: 0.5, tilt: 0, zoom: 0 });
        if (!move.ok) throw new Error(`move refused: ${JSON.stringify(move.error)}`);
        await until(() => peer.commands.slice(before).some((x) => x.action === 'ContinuousMove'), 'no move');
        await c.call('ptz:stop', { cameraId: cam, reason: 'release' });
        await until(() => peer.commands.slice(before).some((x) => x.action === 'Stop'), 'no Stop');
        const rel = await c.call('ptz:release', { cameraId: cam });
        if (!rel.ok) throw new Error(`release refused: ${JSON.stringify(rel.error)}`);
        this.ledger.add('ptz.release', ACCOUNTS.ptz.login);
      } finally {
        await this.logout(c, ACCOUNTS.ptz);
      }
    });
  }

  /** Registry searches, and an export when asked, as the supervisor. */
  registry(exportToo: boolean): Promise<void> {
    return this.run(exportToo ? 'registry+export' : 'registry', async () => {
      const c = await this.post.ipc(ACCOUNTS.chef);
      this.ledger.add('auth.login', ACCOUNTS.chef.login);
      try {
        for (const filter of [{}, { login: ACCOUNTS.a.login }, { cameraId: cameraId(PTZ_CAMERA) }]) {
          const r = await c.call('registry:query', filter);
          if (!r.ok) throw new Error(`search refused: ${JSON.stringify(r.error)}`);
          this.ledger.add('registry.consult', ACCOUNTS.chef.login);
        }
        const slots = await c.call('registry:slots', {});
        if (!slots.ok) throw new Error(`slots refused: ${JSON.stringify(slots.error)}`);
        if (exportToo) {
          const r = await c.call('registry:export', { format: 'csv' });
          if (!r.ok) throw new Error(`export refused: ${JSON.stringify(r.error)}`);
          this.ledger.add('registry.export', ACCOUNTS.chef.login);
          const file = (r.value as { file: string }).file;
          if (!fs.statSync(file).size) throw new Error(`empty export ${file}`);
        }
      } finally {
        await this.logout(c, ACCOUNTS.chef);
      }
    });
  }

  private async logout(c: Awaited<ReturnType<Post['ipc']>>, who: Account): Promise<void> {
    const r = await c.call('auth:logout');
    if (r.ok) this.ledger.add('auth.logout', who.login);
    c.close();
  }

  /** The last logout at the console, at the end of the run. */
  async finalLogout(): Promise<void> {
    await this.run('final-logout', async () => {
      this.truth.consoleBusy();
      await this.post.console.getByTestId('logout-button').click({ timeout: 30_000 });
      await this.post.console.getByTestId('login-screen').waitFor({ timeout: 30_000 });
      this.ledger.add('auth.logout', this.current.login);
    });
  }
}

async function until(pred: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
