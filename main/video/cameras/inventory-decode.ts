/**
 * Camera files arrive as bytes (from the import dialog or `--cameras FILE`) and are decoded here,
 * once: UTF-8 (with or without BOM), UTF-16 with a BOM, or Windows-1252, which is what a French
 * Excel writes for "CSV (séparateur : point-virgule)". A file that is none of these is refused.
 */
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import type { InventoryProblem } from './inventory-schema';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type DecodeOutcome =
  { ok: true; text: string; encoding: Encoding } | { ok: false; problem: InventoryProblem };

const startsWith = (b: Uint8Array, ...prefix: number[]): boolean => prefix.every((x, i) => b[i] === x);

/** Bytes that Windows-1252 leaves undefined (they decode to C1 controls). */
const NOT_CP1252 = /[\u0081\u008d\u008f\u0090\u009d]/;

const refuse = (code: string, message: string): DecodeOutcome => ({
  ok: false,
  problem: { field: '(fichier)', code, message },
});

/** A file over the cap; its size when known (a file on disk is not read past the cap). */
export const tooLarge = (size?: number): InventoryProblem => ({
  field: '(fichier)',
  code: 'file_too_large',
  message: `fichier trop volumineux (${size ?? `plus de ${MAX_IMPORT_BYTES}`} octets ; au plus ${MAX_IMPORT_BYTES} octets)`,
});

export function decodeImport(bytes: Uint8Array): DecodeOutcome {
  if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, problem: tooLarge(bytes.length) };
  const decode = (encoding: Encoding, from: number): string =>
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  try {
    if (startsWith(bytes, 0xef, 0xbb, 0xbf)) return { ok: true, text: decode('utf-8', 3), encoding: 'utf-8' };
    if (startsWith(bytes, 0xff, 0xfe)) return { ok: true, text: decode('utf-16le', 2), encoding: 'utf-16le' };
    if (startsWith(bytes, 0xfe, 0xff)) return { ok: true, text: decode('utf-16be', 2), encoding: 'utf-16be' };
  } catch {
    return refuse(
      'file_encoding',
      'encodage illisible : le fichier annonce un encodage qu’il ne respecte pas',
    );
  }
  try {
    return { ok: true, text: decode('utf-8', 0), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: a legacy 8-bit file, read as Windows-1252 unless it uses bytes that code page lacks.
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  if (NOT_CP1252.test(text) || text.includes('\0')) {
    return refuse(
      'file_encoding',
      'encodage non reconnu (ni UTF-8 ni Windows-1252) : enregistrez le fichier en « CSV UTF-8 »',
    );
  }
  return { ok: true, text, encoding: 'windows-1252' };
}
