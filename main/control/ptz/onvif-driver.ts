/**
 * ONVIF PTZ through the `onvif` package (agsh): ContinuousMove with a whole-second Timeout (some
 * cameras refuse fractions and run for minutes without one), Stop, GetPresets, GotoPreset, with
 * WS-UsernameToken auth. The client builds SOAP by string concatenation, so everything that reaches
 * an envelope is escaped here, and credentials that could break it are refused before any request.
 */
import http from 'node:http';
import https from 'node:https';
import { Cam } from 'onvif';
import { createLogger } from '../../platform/log/logger';
import {
  done,
  fail,
  okValue,
  type PtzDriver,
  type PtzErrorCode,
  type PtzPreset,
  type PtzResult,
} from './driver';

const log = createLogger('ptz-onvif');

export interface OnvifTarget {
  /** The inventory's device-service URL, e.g. http://10.1.2.3/onvif/device_service. */
  url: string;
  username?: string;
  password?: string;
  /** Per-request timeout (the library's default is two minutes). */
  requestTimeoutMs?: number;
  /** Camera-side ContinuousMove Timeout, whole seconds: it stops the camera even if this post dies. */
  moveTimeoutS?: number;
}

export const DEFAULT_MOVE_TIMEOUT_S = 2;
const MAX_TOKEN = 64;

export const escapeXml = (s: string): string =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

/**
 * The username goes raw into the SOAP header and the HTTP Digest header; the password is hashed as
 * ASCII by the library. Refuse what either would mangle or could inject.
 */
export function unsafeCredentials(username?: string, password?: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (username !== undefined && /[<>&"'\u0000-\u001f\u007f]/.test(username)) return true;
  if (password !== undefined && /[^\u0020-\u007e]/.test(password)) return true;
  return false;
}

/** Maps whatever the library or the socket said to a code the tile can show. */
export function classifyOnvifError(e: unknown): PtzErrorCode {
  const code = (e as { code?: string } | null)?.code;
  const msg = e instanceof Error ? e.message : String(e);
  if (
    code &&
    /^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|EPIPE)$/.test(code)
  )
    return 'ptz.unreachable';
  if (/Network timeout|socket hang up/i.test(msg)) return 'ptz.unreachable';
  if (/not ?authori[sz]ed|authentication failed|unauthori[sz]ed|401/i.test(msg)) return 'ptz.auth_refused';
  return 'ptz.camera_error';
}

const speed = (v: number): number =>
  Math.round(Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0)) * 1e4) / 1e4;

class OnvifDriver implements PtzDriver {
  private closed = false;

  constructor(
    private readonly cam: Cam,
    private readonly profileToken: string,
    private readonly moveTimeoutS: number,
    private readonly agent: http.Agent,
  ) {}

  private call<T>(run: (cb: (err: Error | null, value?: T) => void) => void): Promise<PtzResult<T>> {
    if (this.closed) return Promise.resolve(fail('ptz.closed'));
    return new Promise((resolve) => {
      let settled = false;
      const cb = (err: Error | null, value?: T): void => {
        if (settled) return;
        settled = true;
        if (err) {
          const code = classifyOnvifError(err);
          log.warn(`ONVIF request failed: ${code}`, err);
          resolve(fail(code, err.message));
        } else resolve(okValue(value as T));
      };
      try {
        run(cb);
      } catch (e) {
        cb(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  async move(pan: number, tilt: number, zoom: number): Promise<PtzResult> {
    const r = await this.call<unknown>((cb) =>
      this.cam.continuousMove(
        {
          profileToken: this.profileToken,
          x: speed(pan),
          y: speed(tilt),
          zoom: speed(zoom),
          timeout: this.moveTimeoutS * 1000,
        },
        cb,
      ),
    );
    return r.ok ? done : r;
  }

  async stop(): Promise<PtzResult> {
    const r = await this.call<unknown>((cb) =>
      this.cam.stop({ profileToken: this.profileToken, panTilt: true, zoom: true }, cb),
    );
    return r.ok ? done : r;
  }

  async presets(): Promise<PtzResult<PtzPreset[]>> {
    const r = await this.call<Record<string, { $?: { token?: unknown } }>>((cb) =>
      this.cam.getPresets({ profileToken: this.profileToken }, cb),
    );
    if (!r.ok) return r;
    const list: PtzPreset[] = [];
    for (const [name, p] of Object.entries(r.value ?? {})) {
      const token = p?.$?.token;
      if (token === undefined || token === null) continue;
      list.push({ token: String(token), name: String(name) });
    }
    return okValue(list);
  }

  async gotoPreset(token: string): Promise<PtzResult> {
    if (typeof token !== 'string' || !token || token.length > MAX_TOKEN) return fail('ptz.bad_preset');
    const r = await this.call<unknown>((cb) =>
      this.cam.gotoPreset({ profileToken: this.profileToken, preset: escapeXml(token) }, cb),
    );
    return r.ok ? done : r;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.agent.destroy();
  }
}

/** Connects (GetSystemDateAndTime, GetServices, GetProfiles, GetVideoSources) and finds the PTZ profile. */
export async function connectOnvif(t: OnvifTarget): Promise<PtzResult<PtzDriver>> {
  let u: URL;
  try {
    u = new URL(t.url);
  } catch {
    return fail('ptz.bad_config', 'url');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return fail('ptz.bad_config', 'scheme');
  if (unsafeCredentials(t.username, t.password)) return fail('ptz.credentials_unsafe');
  const secure = u.protocol === 'https:';
  const requestTimeoutMs = t.requestTimeoutMs ?? 2000;
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 2 })
    : new http.Agent({ keepAlive: true, maxSockets: 2 });
  const cam = new Cam({
    hostname: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : secure ? 443 : 80,
    path: u.pathname && u.pathname !== '/' ? u.pathname : '/onvif/device_service',
    username: t.username || undefined,
    password: t.password || undefined,
    useSecure: secure,
    timeout: requestTimeoutMs,
    autoconnect: false,
    // Service addresses come from the camera: keep talking to the host the inventory names.
    preserveAddress: true,
    agent,
  });
  cam.on('error', (e: unknown) => log.warn('ONVIF client error', e));
  const connected = await new Promise<PtzResult>((resolve) => {
    let settled = false;
    const finish = (r: PtzResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    // The library can lose its callback on a malformed answer (a throw inside its parser callback):
    // a deadline makes sure the caller always hears back.
    const deadline = setTimeout(
      () => finish(fail('ptz.camera_error', 'connect stalled')),
      4 * requestTimeoutMs,
    );
    try {
      cam.connect((err: Error | null) => {
        clearTimeout(deadline);
        finish(err ? fail(classifyOnvifError(err), err.message) : done);
      });
    } catch (e) {
      clearTimeout(deadline);
      finish(fail('ptz.camera_error', e instanceof Error ? e.message : String(e)));
    }
  });
  if (!connected.ok) {
    agent.destroy();
    return connected;
  }
  const profile = (cam.profiles ?? []).find((p) => p && p.PTZConfiguration);
  const token = (profile as { $?: { token?: unknown } } | undefined)?.$?.token;
  if (token === undefined || token === null || String(token).length > MAX_TOKEN) {
    agent.destroy();
    return fail('ptz.no_ptz');
  }
  const moveTimeoutS = Math.max(1, Math.round(t.moveTimeoutS ?? DEFAULT_MOVE_TIMEOUT_S));
  return okValue(new OnvifDriver(cam, escapeXml(String(token)), moveTimeoutS, agent));
}
