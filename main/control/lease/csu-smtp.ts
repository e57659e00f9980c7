/**
 * The CSU mail, through the configured SMTP relay (nodemailer): STARTTLS when the relay offers it,
 * `smtps://` for implicit TLS, credentials from the URL (never logged). A hard deadline bounds the
 * whole exchange. Never throws: a rejection gives `smtp_<reply code>`.
 */
import nodemailer from 'nodemailer';
import { failureOf } from './csu-webhook';
import type { CsuDelivery } from './types';

export interface SmtpTarget {
  url: URL;
  to: string;
  from: string;
}

export function smtpFailure(e: unknown): string {
  const x = e as { responseCode?: unknown; code?: unknown; errno?: unknown } | null;
  if (typeof x?.responseCode === 'number') return `smtp_${x.responseCode}`;
  if (x?.code === 'ETIMEDOUT') return 'timeout';
  if (x?.code === 'ECONNECTION' || x?.code === 'ESOCKET') {
    const m = e instanceof Error ? e.message : '';
    if (/ECONNREFUSED/.test(m)) return 'refused';
    if (/ETIMEDOUT|timeout/i.test(m)) return 'timeout';
    if (/ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH/.test(m)) return 'unreachable';
    if (/certificate|TLS|SSL/i.test(m)) return 'tls';
  }
  const f = failureOf(e);
  return f === 'network' ? 'smtp_error' : f;
}

export async function sendMail(
  t: SmtpTarget,
  mail: { subject: string; text: string },
  timeoutMs: number,
): Promise<CsuDelivery> {
  const secure = t.url.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: t.url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(t.url.port) || (secure ? 465 : 25),
    secure,
    ...(t.url.username && {
      auth: { user: decodeURIComponent(t.url.username), pass: decodeURIComponent(t.url.password) },
    }),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<CsuDelivery>((resolve) => {
    timer = setTimeout(() => resolve({ channel: 'smtp', ok: false, failure: 'timeout' }), timeoutMs + 1000);
  });
  const send = transport.sendMail({ from: t.from, to: t.to, subject: mail.subject, text: mail.text }).then(
    (): CsuDelivery => ({ channel: 'smtp', ok: true }),
    (e: unknown): CsuDelivery => ({ channel: 'smtp', ok: false, failure: smtpFailure(e) }),
  );
  try {
    return await Promise.race([send, deadline]);
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
