/**
 * The demo PTZ camera's picture: a window over a larger synthetic panorama (drawn once by ffmpeg:
 * a test pattern under a lettered grid, so a newcomer sees where the camera points), cropped where
 * the head points and scaled to the output, frame by frame, as YUV4MPEG2 (y4m) that the gateway's
 * ffmpeg reads like any other source.
 */
import { execFile } from 'node:child_process';
import type { Window } from './demo-head';

export const PANORAMA = { width: 2560, height: 1440 } as const;
export const OUTPUT = { width: 640, height: 360, fps: 25 } as const;
const COLS = 8;
const ROWS = 4;

/** One YUV 4:2:0 picture: a luma plane, then the two chroma planes at half size. */
export interface Picture {
  width: number;
  height: number;
  data: Buffer;
}

/** The panorama's ffmpeg filter: a test pattern, a grid of 8 × 4 cells, each named A1 to H4. */
export function panoramaFilter(): string {
  const cw = PANORAMA.width / COLS;
  const ch = PANORAMA.height / ROWS;
  const labels: string[] = [];
  for (let r = 0; r < ROWS; r++)
    for (let c = 0; c < COLS; c++)
      labels.push(
        `drawtext=text='${String.fromCharCode(65 + c)}${r + 1}':x=${c * cw + 24}:y=${r * ch + 24}:` +
          'fontsize=96:fontcolor=white:box=1:boxcolor=black@0.6',
      );
  return (
    `testsrc2=size=${PANORAMA.width}x${PANORAMA.height}:rate=1,` +
    `drawgrid=w=${cw}:h=${ch}:t=6:c=white@0.9,${labels.join(',')},format=yuv420p`
  );
}

/** Draws the panorama once (about 0.3 s): one raw frame out of ffmpeg. */
export function drawPanorama(ffmpegPath: string, signal?: AbortSignal): Promise<Picture> {
  const size = (PANORAMA.width * PANORAMA.height * 3) / 2;
  return new Promise((resolve, reject) => {
    execFile(
      ffmpegPath,
      ['-hide_banner', '-nostdin', '-loglevel', 'error', '-f', 'lavfi', '-i', panoramaFilter()].concat([
        '-frames:v',
        '1',
        '-f',
        'rawvideo',
        '-pix_fmt',
        'yuv420p',
        'pipe:1',
      ]),
      { encoding: 'buffer', maxBuffer: size + 1024, timeout: 60_000, windowsHide: true, signal },
      (e, out) => {
        if (e) reject(e);
        else if (out.length !== size) reject(new Error(`panorama: ${out.length} bytes, ${size} expected`));
        else resolve({ ...PANORAMA, data: out });
      },
    );
  });
}

export const y4mHeader = (): Buffer =>
  Buffer.from(`YUV4MPEG2 W${OUTPUT.width} H${OUTPUT.height} F${OUTPUT.fps}:1 Ip A1:1 C420jpeg\n`);

const FRAME = Buffer.from('FRAME\n');

/** Nearest-neighbour copy of one plane's window into an output plane. */
function plane(
  src: Buffer,
  srcOffset: number,
  srcStride: number,
  win: Window,
  out: Buffer,
  outOffset: number,
  outW: number,
  outH: number,
): void {
  const cols = new Int32Array(outW);
  for (let i = 0; i < outW; i++) cols[i] = win.x + Math.floor((i * win.w) / outW);
  let o = outOffset;
  for (let j = 0; j < outH; j++) {
    const row = srcOffset + (win.y + Math.floor((j * win.h) / outH)) * srcStride;
    for (let i = 0; i < outW; i++) out[o++] = src[row + cols[i]!]!;
  }
}

/** One y4m frame ("FRAME\n" and the picture) of the panorama's window, at the output's size. */
export function frameOf(pano: Picture, win: Window): Buffer {
  const { width: ow, height: oh } = OUTPUT;
  const out = Buffer.allocUnsafe(FRAME.length + (ow * oh * 3) / 2);
  FRAME.copy(out, 0);
  const lumaSize = pano.width * pano.height;
  const chroma = { x: win.x / 2, y: win.y / 2, w: win.w / 2, h: win.h / 2 };
  let o = FRAME.length;
  plane(pano.data, 0, pano.width, win, out, o, ow, oh);
  o += ow * oh;
  plane(pano.data, lumaSize, pano.width / 2, chroma, out, o, ow / 2, oh / 2);
  o += (ow * oh) / 4;
  plane(pano.data, lumaSize + lumaSize / 4, pano.width / 2, chroma, out, o, ow / 2, oh / 2);
  return out;
}
