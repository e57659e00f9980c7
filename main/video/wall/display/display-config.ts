/**
 * `--display MODEL@TARGET`: which profile drives the wall's display, and where it is plugged.
 * TARGET is a serial device (`/dev/ttyUSB0`, `COM3`) for an RS-232 profile, `HOST[:PORT]` for a
 * TCP one (the profile's port by default).
 */
import type { RegistryInput } from '../../../records/registry/registry';
import { ProfileDisplay } from './profile-display';
import { loadProfile } from './profile';
import type { DisplayTarget } from './transports';

export type DisplaySetup = { ok: true; display: ProfileDisplay } | { ok: false; message: string };

export async function openDisplay(
  spec: string,
  dirs: string[],
  record: (e: RegistryInput) => void,
): Promise<DisplaySetup> {
  const at = spec.indexOf('@');
  if (at <= 0 || at === spec.length - 1)
    return {
      ok: false,
      message: `--display attend MODÈLE@CIBLE (ex. barco-rlm@/dev/ttyUSB0), reçu « ${spec} »`,
    };
  const model = spec.slice(0, at);
  const where = spec.slice(at + 1);
  const profile = await loadProfile(model, dirs);
  if ('problem' in profile)
    return {
      ok: false,
      message:
        profile.problem === 'not-found'
          ? `aucun profil d’afficheur « ${model} » (cherché dans ${dirs.join(', ')})`
          : `profil d’afficheur invalide : ${profile.detail}`,
    };
  let target: DisplayTarget;
  if (profile.transport.kind === 'serial') target = { kind: 'serial', path: where };
  else {
    const m = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+)(?::(\d{1,5}))?$/.exec(where);
    const port = m?.[2] ? Number(m[2]) : profile.transport.port;
    if (!m || port < 1 || port > 65535)
      return { ok: false, message: `--display : adresse TCP invalide « ${where} » (HÔTE[:PORT])` };
    target = { kind: 'tcp', host: m[1]!.replace(/^\[|\]$/g, ''), port };
  }
  return { ok: true, display: new ProfileDisplay(profile, target, record) };
}
