/**
 * PTZ: each ONVIF PTZ camera answers GetPresets with the post's credentials. Nothing moves. A
 * Pelco-D line is one-way (the camera never answers), so only its serial port is checked.
 */
import fs from 'node:fs';
import type { Camera } from '../../video/cameras/inventory-schema';
import { connectOnvif } from '../../control/ptz/onvif-driver';
import type { PtzErrorCode } from '../../control/ptz/driver';
import type { CheckResult, SelftestCode } from './selftest-types';

const PTZ_CODE: Record<PtzErrorCode, SelftestCode> = {
  'ptz.unreachable': 'ptz_unreachable',
  'ptz.auth_refused': 'ptz_auth_refused',
  'ptz.camera_error': 'ptz_camera_error',
  'ptz.no_ptz': 'ptz_no_ptz',
  'ptz.bad_preset': 'ptz_bad_preset',
  'ptz.credentials_unsafe': 'ptz_credentials_unsafe',
  'ptz.bad_config': 'ptz_bad_config',
  'ptz.closed': 'ptz_closed',
};

export type CredentialsOf = (ref: string | undefined) => { username: string; password: string } | null;

export async function checkPtz(cameras: Camera[], credentialsOf: CredentialsOf): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  for (const cam of cameras) {
    if (!cam.ptz) continue;
    const subject = String(cam.id);
    if (cam.ptz.type === 'pelco-d') {
      const present = fs.existsSync(cam.ptz.port);
      out.push({
        group: 'ptz',
        subject,
        status: present ? 'warn' : 'fail',
        code: present ? 'ptz_pelco_one_way' : 'ptz_port_missing',
        params: { name: cam.name, port: cam.ptz.port },
      });
      continue;
    }
    const c = credentialsOf(cam.credentialsRef);
    const d = await connectOnvif({
      url: cam.ptz.url,
      ...(c && { username: c.username, password: c.password }),
      requestTimeoutMs: 3000,
    });
    if (!d.ok) {
      out.push({
        group: 'ptz',
        subject,
        status: 'fail',
        code: PTZ_CODE[d.code],
        params: { name: cam.name },
      });
      continue;
    }
    const p = await d.value.presets();
    await d.value.close();
    out.push(
      p.ok
        ? {
            group: 'ptz',
            subject,
            status: 'pass',
            code: 'ptz_ok',
            params: { name: cam.name, presets: p.value.length },
          }
        : {
            group: 'ptz',
            subject,
            status: 'fail',
            code: PTZ_CODE[p.code],
            params: { name: cam.name },
          },
    );
  }
  if (out.length === 0) out.push({ group: 'ptz', subject: '-', status: 'pass', code: 'ptz_none' });
  return out;
}
