/** Inventory `ptz` field + credentials → a connected driver, or a code. */
import type { Camera } from '../../video/cameras/inventory-schema';
import type { PtzDriver, PtzResult } from './driver';
import { connectOnvif } from './onvif-driver';
import { openPelcoD } from './pelco-d-driver';

export interface DriverOptions {
  username?: string;
  password?: string;
  requestTimeoutMs?: number;
  moveTimeoutS?: number;
  presetCount?: number;
}

export async function openDriver(
  ptz: NonNullable<Camera['ptz']>,
  o: DriverOptions = {},
): Promise<PtzResult<PtzDriver>> {
  if (ptz.type === 'onvif') return connectOnvif({ url: ptz.url, ...o });
  return openPelcoD({ port: ptz.port, address: ptz.address, baud: ptz.baud, presetCount: o.presetCount });
}
