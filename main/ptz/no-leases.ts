/** TEMPORARY until the lease service lands: no lease is ever granted. */
import { err } from '../../common/result';
import type { PtzLeases } from './lease/types';

export const noLeases: PtzLeases = {
  take: () => Promise.resolve(err('ptz_not_held')),
  extend: () => Promise.resolve(err('ptz_not_held')),
  release: () => Promise.resolve(err('ptz_not_held')),
  holds: () => false,
  current: () => null,
  all: () => [],
  limits: () => ({ defaultMinutes: 10, maxMinutes: 30 }),
  channels: () => [],
  onChange: () => () => undefined,
  close: () => Promise.resolve(),
};
