/** Displays: those Electron sees, and whether the display chosen for the wall is among them. */
import type { CheckResult } from './selftest-types';

export function checkDisplays(
  screens: { id: string; name: string }[],
  wallDisplay: string | null,
): CheckResult[] {
  const out: CheckResult[] = [
    {
      group: 'displays',
      subject: '-',
      status: screens.length > 0 ? 'pass' : 'fail',
      code: 'displays_ok',
      params: { count: screens.length, names: screens.map((s) => s.name || s.id).join(', ') },
    },
  ];
  if (wallDisplay && !screens.some((s) => s.id === wallDisplay || s.name === wallDisplay))
    out.push({
      group: 'displays',
      subject: wallDisplay,
      status: 'warn',
      code: 'wall_display_missing',
      params: { display: wallDisplay },
    });
  return out;
}
