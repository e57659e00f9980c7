/**
 * What the CSU manager receives: the webhook's JSON, and the mail's French subject and body (a
 * message to a person at the CSU, so French whatever the console's language).
 */
import type { CsuNotice } from './types';

/** Control characters (a hostile name or reason) never reach a header or break a line. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

export function csuPayload(n: CsuNotice, sentAt: Date = new Date()): Record<string, unknown> {
  return {
    type: `vigie.ptz.${n.kind}`,
    kind: n.kind,
    cameraId: n.cameraId,
    cameraName: n.cameraName,
    site: n.site,
    holder: { ...n.holder },
    eventRef: n.eventRef,
    reason: n.reason,
    until: n.until,
    sentAt: sentAt.toISOString(),
  };
}

export function csuMailFr(n: CsuNotice, timeZone?: string): { subject: string; text: string } {
  const until = new Intl.DateTimeFormat('fr-FR', {
    dateStyle: 'short',
    timeStyle: 'medium',
    hour12: false,
    ...(timeZone && { timeZone }),
  }).format(Date.parse(n.until));
  const cam = `caméra n° ${n.cameraId} « ${oneLine(n.cameraName)} »`;
  const h = n.holder;
  if (n.kind === 'test')
    return {
      subject: 'Vigie — message d’essai (auto-test du poste)',
      text: [
        'Madame, Monsieur le responsable du CSU,',
        '',
        `Ce message d’essai vérifie que le poste ${oneLine(n.holder.post)} du CIC peut vous notifier ses prises de contrôle PTZ.`,
        'Aucune caméra n’est prise en main.',
        '',
        `Technicien : ${oneLine(n.holder.name)}`,
        '',
        'Message automatique de Vigie, console du CIC.',
      ].join('\n'),
    };
  const subject = oneLine(
    n.kind === 'take'
      ? `Vigie — prise de contrôle PTZ de la ${cam}`
      : `Vigie — prolongation du contrôle PTZ de la ${cam}`,
  );
  const action =
    n.kind === 'take'
      ? `Le CIC prend le contrôle PTZ de la ${cam} (site : ${oneLine(n.site)}), conformément à l’article 3 de la convention.`
      : `Le CIC prolonge le contrôle PTZ de la ${cam} (site : ${oneLine(n.site)}), conformément à l’article 3 de la convention.`;
  const text = [
    'Madame, Monsieur le responsable du CSU,',
    '',
    action,
    '',
    `Opérateur : ${oneLine(h.rank)} ${oneLine(h.name)} (${oneLine(h.login)}), service ${oneLine(h.service)}, poste ${oneLine(h.post)}`,
    `Événement opérationnel : ${oneLine(n.eventRef)} — ${oneLine(n.reason)}`,
    `Contrôle jusqu’au : ${until} (${n.until})`,
    '',
    'À cette échéance, le contrôle revient au CSU de lui-même.',
    '',
    'Message automatique de Vigie, console du CIC.',
  ].join('\n');
  return { subject, text };
}
