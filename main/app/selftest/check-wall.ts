/** The wall link: the paired rack PC answers over the pinned link, with the expected fingerprint. */
import type { WallController } from '../../video/wall/controller';
import type { CheckResult } from './selftest-types';

export function checkWall(controller: WallController): CheckResult[] {
  const t = controller.target?.();
  if (controller.kind === 'local' || !t)
    return [{ group: 'wall', subject: '-', status: 'pass', code: 'wall_none' }];
  const link = controller.link();
  const params = { address: t.address, fingerprint: t.fingerprint };
  const code =
    link === 'up'
      ? 'wall_up'
      : link === 'refused-by-wall'
        ? 'wall_refused_by_wall'
        : link === 'wall-pin-mismatch'
          ? 'wall_pin_mismatch'
          : 'wall_unreachable';
  return [{ group: 'wall', subject: t.address, status: link === 'up' ? 'pass' : 'fail', code, params }];
}
