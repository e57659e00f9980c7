/**
 * The cameras a post keeps flowing with no viewer whatever their recency (issue 22): those of its
 * saved mosaic and of its wall, hidden tiles and tours included, so a layout change, a tour's next
 * camera or a login shows a current picture at once.
 */
import type { WallState } from '../../../common/wall';
import type { Signal } from '../../platform/signal';

export interface KeptCameras {
  cameras(): Iterable<number>;
  /** Calls back when the set may have changed; returns the way to stop. */
  onChange(listener: () => void): () => void;
}

/** Every camera the wall names: its tiles' and their tours'. */
export function wallCameras(state: WallState | null): number[] {
  return (state?.tiles ?? []).flatMap((t) => [
    ...(t.cameraId === null ? [] : [t.cameraId]),
    ...(t.tour?.cameras ?? []),
  ]);
}

export function keptCameras(
  mosaic: { cameras(): number[]; changed: Signal<[]> },
  /** The console's wall controller, here or on a rack PC. */
  wall: { state(): WallState | null; onChange(listener: () => void): () => void },
): KeptCameras {
  return {
    cameras: () => new Set([...mosaic.cameras(), ...wallCameras(wall.state())]),
    onChange: (listener) => {
      const stopMosaic = mosaic.changed.on(listener);
      const stopWall = wall.onChange(listener);
      return () => {
        stopMosaic();
        stopWall();
      };
    },
  };
}
