/** Which camera stream a tile asks for: the sub-stream for small tiles, the main one when large. */
import type { CameraView, LayoutName, StreamKind } from '../../common/contract';

export function isLargeTile(layout: LayoutName, index: number, solo: number | null): boolean {
  if (solo !== null) return solo === index;
  switch (layout) {
    case '1':
      return true;
    case '1+5':
    case '1+7':
      return index === 0;
    case '2x2':
    case '3x3':
    case '4x4':
      return false;
    default: {
      const never: never = layout;
      return never;
    }
  }
}

/**
 * Display rate by tile size: a tile smaller than a quarter of the screen shows one decoded frame
 * in two (12.5 fps of 25, all still decoded). A tile shown alone or large, a quarter of the
 * screen (2×2) included, gets every frame, and so does every tile when the post asks for it.
 */
export function displayEvery(
  layout: LayoutName,
  index: number,
  solo: number | null,
  fullRate: boolean,
): number {
  if (fullRate || layout === '2x2' || isLargeTile(layout, index, solo)) return 1;
  return 2;
}

export function chooseStream(camera: Pick<CameraView, 'hasSub'>, large: boolean): StreamKind {
  return large || !camera.hasSub ? 'main' : 'sub';
}
