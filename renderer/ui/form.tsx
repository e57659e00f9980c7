/**
 * The console's form parts: a labelled field with its required mark and its own message (forms
 * are `noValidate`: no browser bubble in the browser's language), the reason a button is disabled,
 * and date and time fields that show and read `2026-07-12 14:05:09` whatever the browser's locale,
 * with the day spelled out in the console's language beside them.
 */
import { forwardRef, useId, useState, type ReactNode } from 'react';
import { formatLongDate, formatTime, parseDay, parseDayTime } from '../../common/format';
import { selectors, useConsole, useT } from '../console/console-store';
import type { MessageKey } from '../i18n';

/** "*" for the eye, "(obligatoire)" for a screen reader: the mark is in the console's language. */
export function RequiredMark() {
  const t = useT();
  return (
    <>
      <span className="required" aria-hidden="true">
        {' *'}
      </span>
      <span className="sr-only"> ({t('form.required')})</span>
    </>
  );
}

interface FieldProps {
  label: string;
  required?: boolean;
  /** A catalogue key: the field's own message (missing, invalid), shown under it. */
  error?: MessageKey | null;
  className?: string;
  children: ReactNode;
  /** Extra line under the field (a hint, or how a typed date was understood). */
  hint?: ReactNode;
  testid?: string;
}

export function Field({ label, required, error, className, children, hint, testid }: FieldProps) {
  const t = useT();
  return (
    <label className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span className="field-label">
        {label}
        {required && <RequiredMark />}
      </span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
      {error && (
        <span className="field-error" role="alert" data-testid={testid ? `${testid}-error` : 'field-error'}>
          {t(error)}
        </span>
      )}
    </label>
  );
}

/** Why a button is disabled, said next to it (and named as its description). */
export function Why({ id, reason }: { id: string; reason: MessageKey | null }) {
  const t = useT();
  if (!reason) return null;
  return (
    <span className="why" id={id} data-testid="disabled-reason">
      {t(reason)}
    </span>
  );
}

/** The id a disabled button names as its description (`aria-describedby`). */
export function useWhyId(): string {
  return `why-${useId().replace(/:/g, '')}`;
}

interface DateProps {
  value: string;
  onChange(value: string): void;
  testid: string;
  invalid?: boolean;
  describedBy?: string;
}

/** A day: `2026-07-12` (a day typed as `12/07/2026` is read too); its long form in the title. */
export function DateInput({ value, onChange, testid, invalid, describedBy }: DateProps) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const day = parseDay(value);
  const when = day ? formatLongDate(new Date(`${day}T12:00:00`).getTime(), { locale }) : undefined;
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="date-input"
      size={11}
      maxLength={10}
      placeholder={t('form.datePattern')}
      data-testid={testid}
      value={value}
      title={when}
      aria-invalid={invalid || (value !== '' && !day) || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A local date and time: `2026-07-12 14:05:09` (seconds optional), 24-hour clock. */
export function DateTimeInput({ value, onChange, testid, invalid, describedBy }: DateProps) {
  const t = useT();
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="date-input"
      size={19}
      maxLength={19}
      placeholder={t('form.dateTimePattern')}
      data-testid={testid}
      value={value}
      aria-invalid={invalid || (value !== '' && parseDayTime(value) === null) || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** How a typed date and time was understood, in the console's language ("dimanche 12 juillet 2026, 14:05"). */
export function DateTimeEcho({ value }: { value: string }) {
  const locale = useConsole(selectors.locale);
  const at = parseDayTime(value);
  if (at === null) return null;
  return (
    <>
      {formatLongDate(at, { locale })}, {formatTime(at, { locale })}
    </>
  );
}

interface FileProps {
  label: string;
  accept: string;
  testid: string;
  onPick?(file: File | null): void;
}

/**
 * A file field worded by the console ("Choisir un fichier", the file's name or "Aucun fichier"),
 * never by the browser; the input itself stays in the page for the keyboard and for tests.
 */
export const FileInput = forwardRef<HTMLInputElement, FileProps>(function FileInput(
  { label, accept, testid, onPick },
  ref,
) {
  const t = useT();
  const [name, setName] = useState<string | null>(null);
  return (
    <label className="file-pick">
      <span className="field-label">{label}</span>
      <input
        ref={ref}
        type="file"
        className="sr-only"
        accept={accept}
        data-testid={testid}
        onChange={(e) => {
          const f = e.target.files?.[0] ?? null;
          setName(f?.name ?? null);
          onPick?.(f);
        }}
      />
      <span className="file-button" aria-hidden="true">
        {t('form.chooseFile')}
      </span>
      <span className="file-name">{name ?? t('form.noFile')}</span>
    </label>
  );
});
