import { useT } from '../console/console-store';

interface Props<T extends { from: string; to: string }> {
  value: T;
  onChange(value: NoInfer<T>): void;
  /** `${testid}-from` and `${testid}-to` name the two inputs. */
  testid: string;
}

/** A period picked by day, from and to, in a filter form (registry, incidents, report). */
export function DateRange<T extends { from: string; to: string }>({ value, onChange, testid }: Props<T>) {
  const t = useT();
  return (
    <>
      <label>
        {t('reg.from')}{' '}
        <input
          type="date"
          data-testid={`${testid}-from`}
          value={value.from}
          onChange={(e) => onChange({ ...value, from: e.target.value })}
        />
      </label>
      <label>
        {t('reg.to')}{' '}
        <input
          type="date"
          data-testid={`${testid}-to`}
          value={value.to}
          onChange={(e) => onChange({ ...value, to: e.target.value })}
        />
      </label>
    </>
  );
}
