/** Namespaced logger. Every line goes through redact(): camera credentials never reach a log. */
type Level = 'debug' | 'info' | 'warn' | 'error';

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
let threshold: Level = (process.env.VIGIE_LOG as Level | undefined) ?? 'info';

// user:pass@ inside any URL, and password-like query parameters.
const URL_CREDENTIALS = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s]*@/gi;
const SECRET_PARAMS = /\b(password|passwd|pwd|token|secret)=([^&\s"']+)/gi;

export function redact(text: string): string {
  return text.replace(URL_CREDENTIALS, '$1***@').replace(SECRET_PARAMS, '$1=***');
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
