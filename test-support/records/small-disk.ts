/**
 * Test fixture: a real small disk for the data directory, a tmpfs of a few MiB that the test mounts
 * (root only; CI runs as root, see .ci/run), then fills to the last byte and frees again. Where
 * mounting is impossible (not root, no CAP_SYS_ADMIN) `smallDiskSkip` gives the reason to skip,
 * unless VIGIE_REQUIRE_MOUNT=1 (CI), where the test must run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface SmallDisk {
  /** The mount point: use it (or a folder in it) as the data directory. */
  dir: string;
  /** Fills every byte left with a filler file; returns how many bytes it took. */
  fill(): number;
  /** Removes the filler: the space comes back. */
  free(): void;
  /** Bytes free on the disk now. */
  available(): number;
  unmount(): void;
}

const FILLER = '.filler';

export function mountSmallDisk(mebibytes: number): SmallDisk {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vigie-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${mebibytes}m,mode=0700`, 'tmpfs', dir]);
  const filler = path.join(dir, FILLER);
  return {
    dir,
    fill: () => {
      const fd = fs.openSync(filler, 'a');
      const chunk = Buffer.alloc(64 * 1024, 0x55);
      let written = 0;
      try {
        // Big chunks, then single bytes: the disk ends with not one byte free.
        for (const size of [chunk.length, 4096, 1])
          for (;;)
            try {
              written += fs.writeSync(fd, chunk, 0, size);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw e;
            }
      } finally {
        fs.closeSync(fd);
      }
      return written;
    },
    free: () => fs.rmSync(filler, { force: true }),
    available: () => {
      const s = fs.statfsSync(dir);
      return s.bavail * s.bsize;
    },
    unmount: () => {
      execFileSync('umount', ['-l', dir]);
      fs.rmdirSync(dir);
    },
  };
}

/** Why the small-disk tests cannot run here (false: they can); never skips in CI (VIGIE_REQUIRE_MOUNT=1). */
export function smallDiskSkip(): string | false {
  if (process.env.VIGIE_REQUIRE_MOUNT === '1') return false;
  if (process.platform !== 'linux') return 'a tmpfs mount needs Linux';
  try {
    mountSmallDisk(1).unmount();
    return false;
  } catch (e) {
    return `cannot mount a tmpfs here (root needed): ${(e as Error).message.split('\n')[0]}`;
  }
}
