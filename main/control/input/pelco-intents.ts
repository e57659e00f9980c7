/** Pelco frames from a CCTV keyboard → normalised intents. Stateful: camera selection and zoom speed. */
import { BIT, EXT, type PelcoFrame } from './pelco-frames';
import type { Intent } from './intent';

/** Top pan/tilt speed (0x40 is Pelco's "turbo", read as full speed). */
export const PELCO_MAX_SPEED = 0x3f;

const speed = (s: number): number => Math.min(1, s / PELCO_MAX_SPEED);

export class PelcoIntentMapper {
  private camera: number | null = null;
  private zoomSpeed = 1;

  /** Returns zero or more intents for one frame, in the order they must be applied. */
  map(f: PelcoFrame): Intent[] {
    const out: Intent[] = [];
    if (f.camera !== this.camera) {
      // Direct-mode keyboards address the camera the operator typed: that is a "call camera N".
      this.camera = f.camera;
      out.push({ kind: 'call-camera', camera: f.camera });
    }
    if (f.cmd2 & 0x01) {
      const arg = f.tiltSpeed;
      switch (f.cmd2) {
        case EXT.gotoPreset:
          if (arg >= 1) out.push({ kind: 'goto-preset', preset: arg });
          break;
        case EXT.setAux:
          if (arg >= 1) out.push({ kind: 'button', button: arg, pressed: true });
          break;
        case EXT.clearAux:
          if (arg >= 1) out.push({ kind: 'button', button: arg, pressed: false });
          break;
        case EXT.zoomSpeed:
          this.zoomSpeed = (Math.min(arg, 3) + 1) / 4;
          break;
        default:
          break; // set/clear preset and the rest are not the operator's to send from here
      }
      return out;
    }
    const pan = f.cmd2 & BIT.right ? speed(f.panSpeed) : f.cmd2 & BIT.left ? -speed(f.panSpeed) : 0;
    const tilt = f.cmd2 & BIT.up ? speed(f.tiltSpeed) : f.cmd2 & BIT.down ? -speed(f.tiltSpeed) : 0;
    const zoom = f.cmd2 & BIT.tele ? this.zoomSpeed : f.cmd2 & BIT.wide ? -this.zoomSpeed : 0;
    out.push(pan || tilt || zoom ? { kind: 'move', pan, tilt, zoom } : { kind: 'stop' });
    return out;
  }

  reset(): void {
    this.camera = null;
    this.zoomSpeed = 1;
  }
}
