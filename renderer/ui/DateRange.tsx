import { useT } from '../console/console-store';
import { DateInput } from './form';

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
        <DateInput
          testid={`${testid}-from`}
          value={value.from}
          onChange={(from) => onChange({ ...value, from })}
        />
      </label>
      <label>
        {t('reg.to')}{' '}
        <DateInput testid={`${testid}-to`} value={value.to} onChange={(to) => onChange({ ...value, to })} />
      </label>
    </>
  );
}
