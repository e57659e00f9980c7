/**
 * Codes from main, worded in the operator's language: errors, inventory problems, registry
 * events and verification problems. Main sends codes and parameters, never sentences.
 */
import type { InventoryProblem, RegistryEventType, VerifyRange, VerifyView } from '../../common/contract';
import type { ErrorKey } from '../../common/errors';
import type { AppError } from '../../common/result';
import type { CheckGroup, CheckResult, SelftestCode } from '../../common/selftest';
import { verifyLabel } from '../../common/labels/verify';
import { en } from './en';
import { fr, type MessageKey } from './fr';
import { formatTime, translate, type Locale } from './index';

// The catalogues must word every code main can send: a missing one is a type error here.
type Covered<K extends string> = K extends MessageKey ? true : K;
const errorsCovered: Covered<ErrorKey> = true;
const eventsCovered: Covered<`event.${RegistryEventType}`> = true;
const verifyCovered: Covered<`verify.${Extract<VerifyView, { ok: false }>['problem']}`> = true;
const selftestCovered: Covered<`selftest.code.${SelftestCode}` | `selftest.group.${CheckGroup}`> = true;
void [errorsCovered, eventsCovered, verifyCovered, selftestCovered, en];

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(fr, key);
}

/** A payload field's path (`entries.2.label`) in the operator's words, when the catalogue has them. */
export function fieldLabel(locale: Locale, path: string): string {
  const names = path.split('.').filter((p) => !/^\d+$/.test(p));
  for (const name of [names.join('.'), names.at(-1)]) {
    const key = `field.${name ?? ''}`;
    if (name && isMessageKey(key)) return translate(locale, key);
  }
  return path;
}

export function errorText(locale: Locale, e: AppError): string {
  const reason = e.params?.reason;
  const key =
    reason !== undefined && isMessageKey(`error.${e.code}.${reason}`)
      ? `error.${e.code}.${reason}`
      : `error.${e.code}`;
  const params = { ...e.params };
  if (typeof params.field === 'string') params.field = fieldLabel(locale, params.field);
  if (typeof params.until === 'string') params.until = formatTime(locale, Date.parse(params.until));
  return isMessageKey(key) ? translate(locale, key, params) : e.code;
}

export function problemText(locale: Locale, p: InventoryProblem): string {
  const t = (k: MessageKey, params?: Record<string, string | number>): string => translate(locale, k, params);
  const where =
    p.line !== undefined
      ? t('problem.at.line', { line: p.line })
      : p.entry !== undefined
        ? t('problem.at.entry', { entry: p.entry })
        : t('problem.at.file');
  const fieldKey = `field.${p.field}`;
  // A PTZ address expects http(s), a stream address rtsp(s): the same code, two sentences.
  const problemKey = p.field.startsWith('ptz') ? `problem.${p.code}.ptz` : `problem.${p.code}`;
  return t('problem.line', {
    where,
    camera: p.cameraId !== undefined ? t('problem.camera', { id: p.cameraId }) : '',
    field: isMessageKey(fieldKey) ? t(fieldKey) : p.field,
    problem: isMessageKey(problemKey)
      ? t(problemKey, { id: p.cameraId ?? '' })
      : isMessageKey(`problem.${p.code}`)
        ? t(`problem.${p.code}` as MessageKey, { id: p.cameraId ?? '' })
        : t('problem.invalid'),
  });
}

export function eventLabel(locale: Locale, type: string): string {
  const key = `event.${type}`;
  return isMessageKey(key) ? translate(locale, key) : type;
}

/** One range a verification found at fault: one entry, or entries `first` to `last`. */
export function verifyText(locale: Locale, r: VerifyRange): string {
  const { key, params } = verifyLabel(r);
  return translate(locale, key, params);
}

/** One self-test result in the technician's language. */
export function selftestText(locale: Locale, r: CheckResult): string {
  return translate(locale, `selftest.code.${r.code}`, { subject: r.subject, ...r.params });
}
