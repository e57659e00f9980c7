/**
 * The console's form parts: a labelled field with its required mark and its own message (forms
 * are `noValidate`: no browser bubble in the browser's language), the reason a button is disabled,
 * and date and time fields that show and read `2026-07-12 14:05:09` whatever the browser's locale,
 * with the day spelled out in the console's language beside them. The file field is in FileInput.tsx.
 */
import { useId, type ButtonHTMLAttributes, type ReactNode } from 'react';
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

/** A select's options, each worded by the catalogue key `<prefix>.<value>`. */
export function Options({ values, prefix }: { values: readonly string[]; prefix: string }) {
  const t = useT();
  return values.map((v) => (
    <option key={v} value={v}>
      {t(`${prefix}.${v}` as MessageKey)}
    </option>
  ));
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

interface WhyButtonProps extends Omit<
  ButtonHTMLAttributes<HTMLButtonElement>,
  'disabled' | 'aria-describedby'
> {
  testid: string;
  /** Disabled for a reason, said by the `Why` of id `whyId`, which the button then names as its description. */
  off: boolean;
  whyId: string;
}

/** A button that, while disabled, names why (a `Why` nearby) as its description. */
export function WhyButton({ testid, off, whyId, type = 'button', ...rest }: WhyButtonProps) {
  return (
    <button
      type={type}
      data-testid={testid}
      disabled={off}
      aria-describedby={off ? whyId : undefined}
      {...rest}
    />
  );
}

/** The id a disabled button names as its description (`aria-describedby`). */
export function useWhyId(): string {
  return `why-${useId().replace(/:/g, '')}`;
}

interface NumberProps {
  label: string;
  testid: string;
  min: number;
  max: number;
  step?: number;
  value: number | string;
  /** What is typed, as typed (an empty field gives ''). */
  onChange(value: string): void;
}

/** A whole number typed under its label. */
export function NumberField({ label, testid, min, max, step, value, onChange }: NumberProps) {
  return (
    <label>
      {label}
      <input
        type="number"
        data-testid={testid}
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}

interface DateProps {
  value: string;
  onChange(value: string): void;
  testid: string;
  invalid?: boolean;
  describedBy?: string;
}

/** A date typed as text: its width, its pattern, whether what is typed reads, and its long form. */
interface DateTextProps extends DateProps {
  size: number;
  maxLength: number;
  placeholder: string;
  reads: boolean;
  title?: string;
}

function DateText({
  value,
  onChange,
  testid,
  invalid,
  describedBy,
  size,
  maxLength,
  placeholder,
  reads,
  title,
}: DateTextProps) {
  return (
    <input
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      className="date-input"
      size={size}
      maxLength={maxLength}
      placeholder={placeholder}
      data-testid={testid}
      value={value}
      title={title}
      aria-invalid={invalid || (value !== '' && !reads) || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/** A day: `2026-07-12` (a day typed as `12/07/2026` is read too); its long form in the title. */
export function DateInput(props: DateProps) {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const day = parseDay(props.value);
  const when = day ? formatLongDate(new Date(`${day}T12:00:00`).getTime(), { locale }) : undefined;
  return (
    <DateText
      {...props}
      size={11}
      maxLength={10}
      placeholder={t('form.datePattern')}
      reads={!!day}
      title={when}
    />
  );
}

/** A local date and time: `2026-07-12 14:05:09` (seconds optional), 24-hour clock. */
export function DateTimeInput(props: DateProps) {
  const t = useT();
  const reads = parseDayTime(props.value) !== null;
  return (
    <DateText {...props} size={19} maxLength={19} placeholder={t('form.dateTimePattern')} reads={reads} />
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
