/**
 * The registry in French, for its French documents (CSV and PDF exports, the CLI): the labels come
 * from common/labels/fr.ts, which the console's French catalogue shares.
 */
import type { VerifyRange, VerifyView } from '../../../common/contract';
import { fill } from '../../../common/labels/fill';
import { EVENT_LABELS_FR, VERIFY_LABELS_FR } from '../../../common/labels/fr';
import { verifyLabel } from '../../../common/labels/verify';

/** The technician's and the PDF's words for one range at fault (French: the CLI's language). */
export function verifyProblemFr(r: VerifyRange): string {
  const { key, params } = verifyLabel(r);
  return fill(VERIFY_LABELS_FR[key], (k) => String(params[k] ?? ''));
}

/** A failed verification as lines: how many ranges, then each one listed, then how many are not. */
export function verifyReportFr(v: Extract<VerifyView, { ok: false }>): string[] {
  const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;
  const unlisted = v.rangeCount - v.ranges.length;
  return [
    `${plural(v.rangeCount, 'plage', 'plages')} d’entrées en cause (${plural(v.rows, 'entrée lue', 'entrées lues')}) :`,
    ...v.ranges.map((r) => `- ${verifyProblemFr(r)}`),
    ...(unlisted > 0
      ? [`… et ${plural(unlisted, 'autre plage', 'autres plages')}, non listée${unlisted === 1 ? '' : 's'}.`]
      : []),
  ];
}

export function typeLabelFr(type: string): string {
  const key = `event.${type}`;
  return Object.hasOwn(EVENT_LABELS_FR, key) ? EVENT_LABELS_FR[key as keyof typeof EVENT_LABELS_FR] : type;
}
