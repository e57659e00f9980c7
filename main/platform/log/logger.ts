/** Namespaced logger. Every line goes through redact(): camera credentials never reach a log. */
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = (process.env.VIGIE_LOG as Level | undefined) ?? 'info';

/**
 * user:pass@ inside any URL (rtsp, rtsps, http…). The userinfo runs to the LAST '@' of the URL, as
 * ffmpeg and the WHATWG parser read it, so a raw '@' in a password does not leave its tail visible;
 * a path or query with an '@' is masked too, which errs on the safe side. A URL ends at whitespace,
 * a double quote or angle brackets (single quotes may be in a password; ffmpeg quotes with them).
 * Each URL is matched whole, then cut at its last '@': linear time, whatever the line.
 */
const URL_TOKEN = /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s"<>]*)/gi;
/** Password-like parameters: `password=`, `user_password=`, `access_token=`, `pwd=`… */
const SECRET_PARAMS =
  /(^|[^a-z0-9_.-])([a-z0-9_.-]*?(?:password|passwd|passphrase|pwd|pass|token|secret))=([^&\s"]+)/gi;
/** The same keys as JSON members, e.g. a credentials entry. */
const SECRET_MEMBERS =
  /("[a-z0-9_.-]*?(?:password|passwd|passphrase|pwd|pass|token|secret)"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;

export function redact(text: string): string {
  // Parameters first: a value such as `password=x@y` must not pass for a userinfo ending at '@'.
  return text
    .replace(SECRET_PARAMS, '$1$2=***')
    .replace(SECRET_MEMBERS, '$1"***"')
    .replace(URL_TOKEN, (url, scheme: string, rest: string) => {
      const at = rest.lastIndexOf('@');
      return at < 0 ? url : `${scheme}***${rest.slice(at)}`;
    });
}

export function setLogLevel(level: Level): void {
  threshold = level;
}

export interface Logger {
  debug(msg: string, ...rest: unknown[]): void;
  info(msg: string, ...rest: unknown[]): void;
  warn(msg: string, ...rest: unknown[]): void;
  error(msg: string, ...rest: unknown[]): void;
}

function format(rest: unknown[]): string {
  return rest
    .map((r) => (r instanceof Error ? r.message : typeof r === 'string' ? r : JSON.stringify(r)))
    .join(' ');
}

export function createLogger(namespace: string): Logger {
  const emit = (level: Level, msg: string, rest: unknown[]): void => {
    if (ORDER[level] < ORDER[threshold]) return;
    const line = `${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} [${namespace}] ${msg}${rest.length ? ' ' + format(rest) : ''}`;
    (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(redact(line) + '\n');
  };
  return {
    debug: (m, ...r) => emit('debug', m, r),
    info: (m, ...r) => emit('info', m, r),
    warn: (m, ...r) => emit('warn', m, r),
    error: (m, ...r) => emit('error', m, r),
  };
}
