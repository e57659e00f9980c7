/**
 * `HidBackend` over node-hid (N-API: no Electron rebuild). node-hid lists devices but does not
 * give the report descriptor; on Linux (hidraw) it is read from sysfs, where the kernel keeps it.
 * `--joystick auto` takes the first joystick or gamepad (Generic Desktop 0x04/0x05, or 0x08
 * multi-axis), `VID:PID` one device model. A device that cannot be listed or read is skipped.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as HID from 'node-hid';
import type { JoystickSelector } from './device-config';
import type { HidBackend, HidCandidate, HidDevice } from './hid-source';

/** The parts of node-hid used here, so tests can stand in for it. */
export interface NodeHidApi {
  devices(): { vendorId: number; productId: number; path?: string; usagePage?: number; usage?: number }[];
  HID: new (path: string) => HidDevice;
}

const STICK_USAGES = new Set([0x04, 0x05, 0x08]);

export function sysfsDescriptor(devicePath: string, sysRoot = '/sys/class/hidraw'): Buffer | null {
  const name = path.basename(devicePath);
  if (!/^hidraw\d+$/.test(name)) return null;
  try {
    return fs.readFileSync(path.join(sysRoot, name, 'device', 'report_descriptor'));
  } catch {
    return null;
  }
}

export function nodeHidBackend(
  selector: JoystickSelector,
  hid: NodeHidApi,
  descriptorOf: (devicePath: string) => Buffer | null = sysfsDescriptor,
): HidBackend {
  return {
    find(): HidCandidate | null {
      let list: ReturnType<NodeHidApi['devices']>;
      try {
        list = hid.devices();
      } catch {
        return null;
      }
      for (const d of list) {
        if (!d.path) continue;
        const wanted =
          selector.kind === 'id'
            ? d.vendorId === selector.vendorId && d.productId === selector.productId
            : d.usagePage === 0x01 && STICK_USAGES.has(d.usage ?? -1);
        if (!wanted) continue;
        const descriptor = descriptorOf(d.path);
        if (!descriptor) continue;
        const devicePath = d.path;
        return {
          vendorId: d.vendorId,
          productId: d.productId,
          descriptor,
          open: () => new hid.HID(devicePath),
        };
      }
      return null;
    },
  };
}

/** node-hid itself. */
export const nodeHid: NodeHidApi = { devices: () => HID.devices(), HID: HID.HID };
