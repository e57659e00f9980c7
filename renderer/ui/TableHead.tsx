import { useT } from '../console/console-store';
import type { MessageKey } from '../i18n';

/** A table's column headings, each a catalogue key, in the console's language. */
export function TableHead({ columns }: { columns: readonly MessageKey[] }) {
  const t = useT();
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col">
            {t(c)}
          </th>
        ))}
      </tr>
    </thead>
  );
}
