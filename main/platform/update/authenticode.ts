/**
 * Who signed a Windows executable (Authenticode), behind one small interface: PowerShell's
 * Get-AuthenticodeSignature on Windows (chain checked against the machine's store), osslsigncode
 * elsewhere (chain checked against a given CA bundle). Never throws: a tool that fails is a status.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';

/** `ca_unreadable`: the trust anchors could not be loaded, so nothing can be said of the file. */
export type SignatureStatus = 'valid' | 'unsigned' | 'invalid' | 'tool_missing' | 'ca_unreadable';

export interface SignatureReport {
  status: SignatureStatus;
  /** The signer's distinguished name, as the tool prints it. */
  signer: string | null;
}

export interface SignatureInspector {
  inspect(file: string): Promise<SignatureReport>;
}

function run(cmd: string, args: string[], timeoutMs = 30_000): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { timeout: timeoutMs, maxBuffer: 1 << 20, windowsHide: true },
      (e, stdout, stderr) => {
        const code = e ? (typeof e.code === 'number' ? e.code : -1) : 0;
        if (e && (e as NodeJS.ErrnoException).code === 'ENOENT') resolve({ code: -2, out: '' });
        else resolve({ code, out: `${stdout}\n${stderr}` });
      },
    );
  });
}

/** `/CN=A/O=B/C=FR` or `CN=A, O=B, C=FR` → a comparable form: keys upper-cased, pairs sorted. */
export function normaliseDn(dn: string): string {
  const slash = dn.trim().startsWith('/');
  const parts = slash ? dn.trim().slice(1).split('/') : dn.split(/,(?=\s*[A-Za-z.0-9]+\s*=)/);
  return parts
    .map((p) => {
      const i = p.indexOf('=');
      return i < 0 ? '' : `${p.slice(0, i).trim().toUpperCase()}=${p.slice(i + 1).trim()}`;
    })
    .filter(Boolean)
    .sort()
    .join(', ');
}

export type CaProblem = 'missing' | 'not_a_file' | 'unreadable' | 'too_large' | 'no_certificate';
const MAX_CA_BYTES = 1 << 20;

/**
 * Why a CA bundle cannot serve as trust anchors, or null: a regular file (never a pipe or a device,
 * opened without blocking), at most 1 MiB, holding at least one PEM certificate.
 */
export function caFileProblem(file: string): CaProblem | null {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return 'not_a_file';
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return 'not_a_file';
    if (st.size > MAX_CA_BYTES) return 'too_large';
    const buf = Buffer.alloc(st.size);
    const n = fs.readSync(fd, buf, 0, st.size, 0);
    return buf.subarray(0, n).includes('-----BEGIN CERTIFICATE-----') ? null : 'no_certificate';
  } catch {
    return 'unreadable';
  } finally {
    fs.closeSync(fd);
  }
}

/** osslsigncode 2.x: exit 0 and "Signature verification: ok" when the digest and the chain hold. */
export function osslsigncodeInspector(opts: { caFile: string; bin?: string }): SignatureInspector {
  return {
    async inspect(file) {
      // Without its trust anchors osslsigncode says "unsigned" or "invalid": neither would be true.
      if (caFileProblem(opts.caFile)) return { status: 'ca_unreadable', signer: null };
      const r = await run(opts.bin ?? 'osslsigncode', ['verify', '-in', file, '-CAfile', opts.caFile]);
      if (r.code === -2) return { status: 'tool_missing', signer: null };
      if (/Failed to add store lookup file|Use the "-CAfile" option/.test(r.out))
        return { status: 'ca_unreadable', signer: null };
      const signer = /Signer #0:\s*\n\s*Subject:\s*(.+)/.exec(r.out)?.[1]?.trim() ?? null;
      // A signature block is present once osslsigncode reports a signature index or a digest.
      const signed = signer !== null || /Signature Index:|Current message digest/.test(r.out);
      if (!signed) return { status: 'unsigned', signer: null };
      const ok = r.code === 0 && /Signature verification: ok/.test(r.out) && !/MISMATCH/.test(r.out);
      return { status: ok ? 'valid' : 'invalid', signer };
    },
  };
}

/** Windows: the signature and its chain as Windows itself judges them. */
export function powershellInspector(): SignatureInspector {
  return {
    async inspect(file) {
      const script =
        '$s = Get-AuthenticodeSignature -LiteralPath $env:VIGIE_FILE; ' +
        '"STATUS=" + $s.Status; "SIGNER=" + $s.SignerCertificate.Subject';
      const r = await new Promise<{ code: number; out: string }>((resolve) => {
        execFile(
          'powershell.exe',
          ['-NoProfile', '-NonInteractive', '-Command', script],
          { timeout: 30_000, windowsHide: true, env: { ...process.env, VIGIE_FILE: file } },
          (e, stdout) => resolve({ code: e ? -1 : 0, out: String(stdout) }),
        );
      });
      const status = /STATUS=(\w+)/.exec(r.out)?.[1] ?? '';
      const signer = /SIGNER=(.+)/.exec(r.out)?.[1]?.trim() || null;
      if (status === 'Valid') return { status: 'valid', signer };
      if (status === 'NotSigned') return { status: 'unsigned', signer: null };
      return { status: r.code === 0 ? 'invalid' : 'tool_missing', signer };
    },
  };
}
