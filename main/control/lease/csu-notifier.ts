/**
 * The CSU notifier: every configured channel (webhook, SMTP mail), tried together; each gives its
 * own delivery result. The options come from the host's command line and are checked here: a bad
 * one is an error code naming the option, never a throw.
 */
import os from 'node:os';
import { err, ok, type Result } from '../../../common/result';
import { createLogger } from '../../platform/log/logger';
import { csuMailFr, csuPayload } from './csu-message';
import { sendMail, type SmtpTarget } from './csu-smtp';
import { postWebhook } from './csu-webhook';
import type { CsuChannel, CsuDelivery, CsuNotice, CsuNotifier } from './types';

const log = createLogger('csu');

export interface CsuNotifierOptions {
  /** `--csu-webhook URL` (http or https). */
  webhook?: string;
  /** `--csu-smtp smtp://HOST:PORT` (or smtps://, user:password@ for an authenticated relay). */
  smtp?: string;
  /** `--csu-mail-to ADDR[,ADDR…]` */
  mailTo?: string;
  mailFrom?: string;
  /** Per channel, ms (5 s by default). */
  timeoutMs?: number;
  /** The time zone of the dates in the mail (the post's own by default). */
  timeZone?: string;
}

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+$/;

function parseUrl(s: string, protocols: string[]): URL | null {
  try {
    const u = new URL(s);
    return protocols.includes(u.protocol) && u.hostname ? u : null;
  } catch {
    return null;
  }
}

export function createCsuNotifier(o: CsuNotifierOptions): Result<CsuNotifier> {
  const timeoutMs = o.timeoutMs ?? 5_000;
  let webhook: URL | null = null;
  if (o.webhook !== undefined) {
    webhook = parseUrl(o.webhook, ['http:', 'https:']);
    if (!webhook) return err('csu_config_invalid', { option: '--csu-webhook' });
  }
  let smtp: SmtpTarget | null = null;
  if (o.smtp !== undefined || o.mailTo !== undefined) {
    const url = o.smtp === undefined ? null : parseUrl(o.smtp, ['smtp:', 'smtps:']);
    if (!url) return err('csu_config_invalid', { option: '--csu-smtp' });
    const to = (o.mailTo ?? '').split(',').map((a) => a.trim());
    if (!to.every((a) => ADDRESS.test(a))) return err('csu_config_invalid', { option: '--csu-mail-to' });
    const from = o.mailFrom ?? `Vigie CIC <vigie@${os.hostname()}>`;
    smtp = { url, to: to.join(', '), from };
  }
  const channels: CsuChannel[] = [
    ...(webhook ? ['webhook' as const] : []),
    ...(smtp ? ['smtp' as const] : []),
  ];

  return ok({
    channels: () => [...channels],
    async notify(notice: CsuNotice): Promise<CsuDelivery[]> {
      const tries: Promise<CsuDelivery>[] = [];
      if (webhook) tries.push(postWebhook(webhook, csuPayload(notice), timeoutMs));
      if (smtp) tries.push(sendMail(smtp, csuMailFr(notice, o.timeZone), timeoutMs));
      const out = await Promise.all(
        tries.map((p, i) =>
          p.catch((): CsuDelivery => ({ channel: channels[i]!, ok: false, failure: 'internal' })),
        ),
      );
      for (const d of out)
        if (!d.ok) log.warn(`CSU notification by ${d.channel} failed (${d.failure ?? 'unknown'})`);
      return out;
    },
  });
}
