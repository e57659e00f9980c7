import crypto from 'node:crypto';

/**
 * Whether a presented token, key or path secret is the expected one, in constant time: both sides
 * are hashed to fixed-length digests first, so a wrong answer says nothing of how close it was,
 * not even its length.
 */
export function sameSecret(a: string, b: string): boolean {
  const x = crypto.createHash('sha256').update(a).digest();
  const y = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(x, y);
}
