import type { SessionView } from '../../../common/contract';
import type { AppError } from '../../../common/result';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** The operator at the post: login, lock, unlock, change of operator, and what his role loads. */
export interface AuthSlice {
  session: SessionView | null;
  demoAvailable: boolean;
  authChecked: boolean;
  setSession(session: SessionView | null): void;
  /** Reads the session main holds for this window (start-up). */
  loadAuthStatus(): Promise<void>;
  /** Returns the refusal to show on the login form, or null once logged in. */
  login(user: string, password: string): Promise<AppError | null>;
  logout(): Promise<void>;
  lock(reason: 'inactivity' | 'manual'): Promise<void>;
  unlock(password: string): Promise<AppError | null>;
  /** Tells main the operator is active (user input), at most once per throttle period. */
  pingActivity(): void;
  /** Loads what the operator's role allows, after a login or an unlock. */
  refreshConsole(): Promise<void>;
}

let lastPing = 0;

export const createAuthSlice: ConsoleSlice<AuthSlice> = (set, get) => ({
  session: null,
  demoAvailable: false,
  authChecked: false,
  setSession: (session) => {
    set({ session });
    if (session === null) get().forgetSession();
    // A lock revokes the session's video token (the unlock gets a new one): the tiles forget theirs.
    else if (session.locked) get().resetStreams();
  },
  loadAuthStatus: async () => {
    const status = await rpc.auth.status();
    if (!status.ok) {
      set({ session: null, demoAvailable: false, authChecked: true });
      return;
    }
    const { session, demoAvailable } = status.value;
    set({ demoAvailable, authChecked: true });
    get().setSession(session);
    if (session && !session.locked) await get().refreshConsole();
  },
  login: async (user, password) => {
    const r = await rpc.auth.login({ login: user, password });
    if (!r.ok) return r.error;
    get().setSession(r.value);
    await get().refreshConsole();
    return null;
  },
  logout: async () => {
    await rpc.auth.logout();
    const s = await rpc.auth.status();
    get().setSession(null);
    set({ demoAvailable: s.ok ? s.value.demoAvailable : false });
  },
  lock: async (reason) => {
    const r = await rpc.auth.lock({ reason });
    if (r.ok) get().setSession(r.value);
  },
  unlock: async (password) => {
    const r = await rpc.auth.unlock({ password });
    if (!r.ok) return r.error;
    get().setSession(r.value);
    await get().refreshConsole();
    return null;
  },
  pingActivity: () => {
    const s = get().session;
    const now = Date.now();
    if (!s || s.locked || now - lastPing < Math.min(15_000, (s.lockAfterSeconds * 1000) / 4)) return;
    lastPing = now;
    void rpc.auth.activity();
  },
  refreshConsole: async () => {
    await get().loadInventory();
    if (!get().session?.permissions.includes('view')) return;
    // The video token belongs to the session: each login or unlock asks for its own.
    await Promise.all([get().loadVideoEndpoint(), get().loadLayout(), get().loadStatuses(), get().loadPtz()]);
  },
});
