export interface HostPort {
  host: string;
  port: number;
}

/** `HOST:PORT`, `[v6]:PORT`; null when malformed. */
export function parseHostPort(s: string | undefined): HostPort | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/.exec(s ?? '');
  if (!m) return null;
  const port = Number(m[2]);
  if (port < 1 || port > 65535) return null;
  return { host: m[1]!.replace(/^\[|\]$/g, ''), port };
}
