/**
 * Where each tile of a layout sits, as CSS grid places it (row by row, the large first tile of
 * 1+N spanning `big` cells), and the tile an arrow key moves the selection to. Pure, for the
 * console's mosaic and the wall's miniature alike.
 */
import type { CSSProperties } from 'react';

export interface Cell {
  row: number;
  col: number;
  span: number;
}

export type Direction = 'up' | 'down' | 'left' | 'right';

/** A grid of `cols` columns and as many rows, each cell the same size. */
export function gridStyle(cols: number): CSSProperties {
  return { gridTemplateColumns: `repeat(${cols}, 1fr)`, gridTemplateRows: `repeat(${cols}, 1fr)` };
}

/** Tile `index`'s place: the large first tile spans `big` cells each way; the others, one. */
export function tileSpan(index: number, big: number): CSSProperties | undefined {
  return index === 0 && big > 1 ? { gridColumn: `span ${big}`, gridRow: `span ${big}` } : undefined;
}

/** Row-major auto-placement of `count` tiles on `cols` columns, the first spanning `big`×`big`. */
export function gridCells(cols: number, big: number, count: number): Cell[] {
  const taken = new Set<string>();
  const cells: Cell[] = [];
  let cursor = 0;
  for (let i = 0; i < count; i++) {
    const span = i === 0 ? big : 1;
    for (; ; cursor++) {
      const row = Math.floor(cursor / cols);
      const col = cursor % cols;
      if (col + span > cols) continue;
      let free = true;
      for (let r = 0; r < span && free; r++)
        for (let c = 0; c < span && free; c++) if (taken.has(`${row + r},${col + c}`)) free = false;
      if (!free) continue;
      for (let r = 0; r < span; r++) for (let c = 0; c < span; c++) taken.add(`${row + r},${col + c}`);
      cells.push({ row, col, span });
      break;
    }
  }
  return cells;
}

/**
 * The tile beside `index` in `dir`: the nearest one whose cells lie that way and overlap it on the
 * other axis; none at the edge (the selection stays).
 */
export function neighbour(cells: readonly Cell[], index: number, dir: Direction): number {
  const from = cells[index];
  if (!from) return index;
  const horizontal = dir === 'left' || dir === 'right';
  const sign = dir === 'right' || dir === 'down' ? 1 : -1;
  let best = index;
  let bestDistance = Infinity;
  cells.forEach((c, i) => {
    if (i === index) return;
    const [a0, a1, b0, b1] = horizontal
      ? [from.row, from.row + from.span, c.row, c.row + c.span]
      : [from.col, from.col + from.span, c.col, c.col + c.span];
    if (b1 <= a0 || b0 >= a1) return; // no overlap across
    const distance = horizontal
      ? sign > 0
        ? c.col - (from.col + from.span)
        : from.col - (c.col + c.span)
      : sign > 0
        ? c.row - (from.row + from.span)
        : from.row - (c.row + c.span);
    if (distance < 0) return;
    // Nearest first; at equal distance, the one closest to the start of the row or column.
    const tie = horizontal ? c.row : c.col;
    const score = distance * 100 + tie;
    if (score < bestDistance) {
      bestDistance = score;
      best = i;
    }
  });
  return best;
}
