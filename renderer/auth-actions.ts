/** Session actions shared by the login, lock and operator components, and the inactivity lock. */
import { api } from './api/bridge';
import { refreshConsole, useConsole } from './store/console-store';

export async function login(user: string, password: string): Promise<string | null> {
  const r = await api.invoke('auth:login', { login: user, password });
  if (!r.ok) return r.error.message;
  useConsole.getState().setSession(r.value);
  await refreshConsole();
  return null;
}

export async function logout(): Promise<void> {
  await api.invoke('auth:logout');
  const s = await api.invoke('auth:status');
  useConsole.getState().setAuthStatus(null, s.ok ? s.value.demoAvailable : false);
}

export async function lock(reason: 'inactivity' | 'manual'): Promise<void> {
  const r = await api.invoke('auth:lock', { reason });
  if (r.ok) useConsole.getState().setSession(r.value);
}

export async function unlock(password: string): Promise<string | null> {
  const r = await api.invoke('auth:unlock', { password });
  if (!r.ok) return r.error.message;
  useConsole.getState().setSession(r.value);
  await refreshConsole();
  return null;
}

/** Locks the console after the configured inactivity; wall streams are not affected. */
export function bindInactivityLock(): void {
  let last = Date.now();
  const touch = (): void => {
    last = Date.now();
  };
  for (const ev of ['pointerdown', 'pointermove', 'keydown', 'wheel'])
    window.addEventListener(ev, touch, { passive: true });
  setInterval(() => {
    const s = useConsole.getState().session;
    if (s && !s.locked && Date.now() - last > s.lockAfterSeconds * 1000) void lock('inactivity');
  }, 1000);
}
