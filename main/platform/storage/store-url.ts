/** The shared store's address (`--store`, `$VIGIE_STORE`): what is accepted, and how it is shown. */

/** A URL the shared store accepts: postgres:// or postgresql://, with a host. */
export function isStoreUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '';
  } catch {
    return false;
  }
}

/** The URL as it may be shown (logs, the console, the registry): its password replaced by ***. */
export function shownStoreUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const k of [...u.searchParams.keys()]) if (/pass|secret/i.test(k)) u.searchParams.set(k, '***');
    return u.toString();
  } catch {
    return 'postgres://***';
  }
}
