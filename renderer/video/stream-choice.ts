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

export function chooseStream(camera: Pick<CameraView, 'hasSub'>, large: boolean): StreamKind {
  return large || !camera.hasSub ? 'main' : 'sub';
}
