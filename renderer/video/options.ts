/**
 * The page's query-string switches, read once into one typed object. They are for diagnostics,
 * the benchmark and tests; an operator never needs one.
 *   ?video=mpeg1|webcodecs   force the baseline (jsmpeg) or the WebCodecs path; default automatic
 *   ?render=worker-generator|generator|worker|page   force a WebCodecs render path (`?decode=page`
 *                            is the old name)
 *   ?bench=1                 fill window.__vigieStats for the benchmark
 *   ?overload=MS             test only: block the page thread MS ms (5000 at most), then free it 100 ms, again
 *   ?fullrate=1              every tile shows every frame, whatever its size
 */
import type { RenderPath } from './frame-sinks';

const RENDERS: readonly RenderPath[] = ['worker-generator', 'generator', 'worker', 'page'];

export type VideoPreference = 'auto' | 'mpeg1' | 'webcodecs';
export type RenderPreference = 'auto' | RenderPath;

export interface PageOptions {
  video: VideoPreference;
  render: RenderPreference;
  bench: boolean;
  overloadMs: number;
  fullRate: boolean;
}

export function parseOptions(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const video = q.get('video');
  const render = q.get('render') ?? (q.get('decode') === 'page' ? 'page' : null);
  const overload = Number(q.get('overload') ?? 0);
  return {
    video: video === 'mpeg1' || video === 'webcodecs' ? video : 'auto',
    render: RENDERS.includes(render as RenderPath) ? (render as RenderPath) : 'auto',
    bench: q.get('bench') === '1',
    overloadMs: Number.isFinite(overload) ? Math.max(0, Math.min(5000, Math.round(overload))) : 0,
    fullRate: q.get('fullrate') === '1',
  };
}

let cached: PageOptions | null = null;

/** This page's options (read from its address once). */
export function pageOptions(): PageOptions {
  cached ??= parseOptions(typeof location === 'undefined' ? '' : location.search);
  return cached;
}
