/**
 * Input devices: the configured CCTV keyboard's serial line and the joystick, as the OS lists them
 * now. The live "move the stick" check belongs to the technician's screen, which sees intents.
 */
import fs from 'node:fs';
import type { CheckResult } from './selftest-types';

export interface InputListing {
  /** HID devices the OS lists: vendor and product ids, and a name. */
  hid(): Promise<{ vendorId: number; productId: number; product: string }[]>;
}

export interface InputConfig {
  keyboard?: string | undefined;
  /** `auto` or `VID:PID` (hex). */
  joystick?: string | undefined;
}

/** node-hid's listing; a missing library or libusb is a result, not a crash. */
export const nodeHidListing: InputListing = {
  async hid() {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const HID = require('node-hid') as {
      devicesAsync(): Promise<
        { vendorId: number; productId: number; product?: string; usagePage?: number }[]
      >;
    };
    const all = await HID.devicesAsync();
    // Generic desktop (0x01) joysticks and game pads; other devices are not candidates.
    return all
      .filter((d) => d.usagePage === undefined || d.usagePage === 0x01)
      .map((d) => ({ vendorId: d.vendorId, productId: d.productId, product: d.product ?? '' }));
  },
};

const hex = (n: number): string => n.toString(16).padStart(4, '0');

export async function checkInputs(
  cfg: InputConfig,
  listing: InputListing = nodeHidListing,
): Promise<CheckResult[]> {
  const out: CheckResult[] = [];
  if (cfg.keyboard) {
    const present = fs.existsSync(cfg.keyboard);
    out.push({
      group: 'inputs',
      subject: cfg.keyboard,
      status: present ? 'pass' : 'fail',
      code: present ? 'keyboard_present' : 'keyboard_missing',
    });
  }
  let devices: Awaited<ReturnType<InputListing['hid']>> | null = null;
  try {
    devices = await listing.hid();
  } catch {
    devices = null;
  }
  if (devices === null) {
    out.push({
      group: 'inputs',
      subject: 'hid',
      status: cfg.joystick ? 'fail' : 'warn',
      code: 'hid_unavailable',
    });
  } else if (cfg.joystick) {
    const m = /^([0-9a-f]{4}):([0-9a-f]{4})$/i.exec(cfg.joystick);
    const found = m
      ? devices.find(
          (d) => hex(d.vendorId) === m[1]!.toLowerCase() && hex(d.productId) === m[2]!.toLowerCase(),
        )
      : devices[0];
    out.push(
      found
        ? {
            group: 'inputs',
            subject: `${hex(found.vendorId)}:${hex(found.productId)}`,
            status: 'pass',
            code: 'joystick_present',
            params: { product: found.product },
          }
        : { group: 'inputs', subject: cfg.joystick, status: 'fail', code: 'joystick_missing' },
    );
  }
  if (out.length === 0)
    out.push({ group: 'inputs', subject: '-', status: 'warn', code: 'inputs_none_configured' });
  return out;
}
