import type { VerifyRange } from '../contract/registry';
import type { VERIFY_LABELS_FR } from './fr';

/** The catalogue key and parameters for one range a verification found at fault. */
export function verifyLabel(r: VerifyRange): {
  key: keyof typeof VERIFY_LABELS_FR;
  params: Record<string, string | number>;
} {
  const p = r.problem;
  const several = r.first !== r.last && (p === 'missing' || p === 'altered');
  return {
    key: several ? `verify.${p}.range` : `verify.${p}`,
    params: {
      seq: r.first,
      first: r.first,
      last: r.last,
      missing: r.missing ?? '?',
      checkpoint: r.checkpointSeq ?? '?',
    },
  };
}
