import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import type { AccessUnit } from './annexb';
import { elementaryOutput } from './ffmpeg-args';
import { FlvDemuxer, FlvError } from './flv';

/** 12 frames from real ffmpeg, exactly as the gateway asks for them (global headers, no in-band SPS). */
const flv = execFileSync(
  'ffmpeg',
  [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=25',
    '-frames:v',
    '12',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-tune',
    'zerolatency',
    '-g',
    '5',
    ...elementaryOutput('h264'),
  ],
  { maxBuffer: 64 * 1024 * 1024 },
);

/** H.264 NAL unit types of an Annex-B unit, in order. */
function nalTypes(au: Uint8Array): number[] {
  const types: number[] = [];
  for (let i = 0; i + 3 < au.length; i++)
    if (au[i] === 0 && au[i + 1] === 0 && au[i + 2] === 1) types.push(au[i + 3]! & 0x1f);
  return types;
}

/** Byte offsets where each FLV tag ends (after its PreviousTagSize). */
function tagEnds(b: Buffer): number[] {
  const ends: number[] = [];
  let off = b.readUInt32BE(5) + 4;
  while (off + 11 <= b.length) {
    off += 11 + b.readUIntBE(off + 1, 3) + 4;
    ends.push(off);
  }
  return ends;
}

test('FLV from ffmpeg becomes Annex-B units, key units led by SPS/PPS, in any chunking', () => {
  for (const step of [1, 100, 4096, flv.length]) {
    const units: AccessUnit[] = [];
    const d = new FlvDemuxer((u) => units.push(u));
    for (let i = 0; i < flv.length; i += step) d.push(flv.subarray(i, i + step));
    assert.equal(units.length, 12, `chunk ${step}`);
    assert.deepEqual(
      units.map((u) => u.key),
      Array.from({ length: 12 }, (_, i) => i % 5 === 0),
    );
    // Every key unit starts with its SPS and PPS (the renderer configures WebCodecs from them).
    assert.deepEqual(nalTypes(units[0]!.data).slice(0, 2), [7, 8]);
    assert.deepEqual(nalTypes(units[5]!.data).slice(0, 2), [7, 8]);
    assert.ok(nalTypes(units[5]!.data).includes(5), 'an IDR slice');
    assert.ok(!nalTypes(units[1]!.data).includes(7));
    assert.deepEqual([...units[1]!.data.subarray(0, 4)], [0, 0, 0, 1]);
  }
});

test('a unit leaves as soon as its tag is complete, without waiting for the next one', () => {
  const ends = tagEnds(flv);
  const units: AccessUnit[] = [];
  const d = new FlvDemuxer((u) => units.push(u));
  let at = 0;
  // Tag 0 is metadata, tag 1 the decoder configuration, then one tag per frame, then end of sequence.
  for (const [i, end] of ends.entries()) {
    d.push(flv.subarray(at, end - 1));
    const before = units.length;
    d.push(flv.subarray(end - 1, end));
    at = end;
    if (i >= 2 && i < 14) assert.equal(units.length, before + 1, `frame ${i - 2} emitted on its last byte`);
  }
});

test('a malformed stream is refused, not buffered without bound', () => {
  assert.throws(() => new FlvDemuxer(() => {}).push(Buffer.from('RIFF0000000000000')), FlvError);
  const huge = Buffer.from(flv.subarray(0, 13));
  const tag = Buffer.from([9, 0xff, 0xff, 0xff, 0, 0, 0, 0, 0, 0, 0]);
  assert.throws(() => new FlvDemuxer(() => {}).push(Buffer.concat([huge, tag])), FlvError);
});

test('the parameter sets are handed over before the first unit, so a viewer configures its decoder early', () => {
  const order: string[] = [];
  let config: Buffer | null = null;
  const d = new FlvDemuxer(
    () => order.push('unit'),
    (ps) => {
      config = ps;
      order.push('config');
    },
  );
  d.push(flv);
  assert.equal(order[0], 'config');
  assert.deepEqual(nalTypes(config!), [7, 8]);
});
