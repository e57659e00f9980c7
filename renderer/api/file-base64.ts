import type { AppError } from '../../common/result';

/** A file the operator picked, as base64 for a contract channel (imports: inventory, instructions, map). */
export function fileBase64(f: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(f);
  });
}

/** The refusal of a file over the channel's limit, before any byte is sent (sizes in MiB). */
export function oversize(f: Blob, max: number): AppError | null {
  if (f.size <= max) return null;
  // A number, not text: the sentence writes it in the operator's language (4,5 in French).
  const mib = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  return { code: 'file_too_large', params: { size: mib(f.size), max: mib(max) } };
}
