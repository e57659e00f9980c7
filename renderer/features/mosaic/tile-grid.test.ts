import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gridCells, gridStyle, neighbour, tileSpan } from './tile-grid';

test('tiles sit where CSS grid puts them, the large first tile of 1+N included', () => {
  assert.deepEqual(gridCells(2, 1, 4), [
    { row: 0, col: 0, span: 1 },
    { row: 0, col: 1, span: 1 },
    { row: 1, col: 0, span: 1 },
    { row: 1, col: 1, span: 1 },
  ]);
  // 1+5: the large tile takes 2×2 of a 3×3 grid, the five others go around it.
  assert.deepEqual(
    gridCells(3, 2, 6).map((c) => [c.row, c.col]),
    [
      [0, 0],
      [0, 2],
      [1, 2],
      [2, 0],
      [2, 1],
      [2, 2],
    ],
  );
});

test('an arrow key moves the selection to the tile beside it, and stays at the edge', () => {
  const g = gridCells(4, 1, 16);
  assert.equal(neighbour(g, 0, 'right'), 1);
  assert.equal(neighbour(g, 0, 'down'), 4);
  assert.equal(neighbour(g, 5, 'up'), 1);
  assert.equal(neighbour(g, 5, 'left'), 4);
  assert.equal(neighbour(g, 3, 'right'), 3);
  assert.equal(neighbour(g, 12, 'down'), 12);
  // 1+7: from the large tile, right goes to the first small tile beside it, down to the row below.
  const big = gridCells(4, 3, 8);
  assert.equal(neighbour(big, 0, 'right'), 1);
  assert.equal(neighbour(big, 0, 'down'), 4);
  assert.equal(neighbour(big, 2, 'left'), 0);
  assert.equal(neighbour(big, 5, 'left'), 4);
  assert.equal(neighbour(big, 6, 'up'), 0);
  assert.equal(neighbour(big, 4, 'up'), 0);
  assert.equal(neighbour(big, 7, 'up'), 3);
});

test('a 1+5 grid is three by three, its first tile two by two, the others one cell', () => {
  assert.deepEqual(gridStyle(3), {
    gridTemplateColumns: 'repeat(3, 1fr)',
    gridTemplateRows: 'repeat(3, 1fr)',
  });
  assert.deepEqual(tileSpan(0, 2), { gridColumn: 'span 2', gridRow: 'span 2' });
  assert.equal(tileSpan(1, 2), undefined);
  assert.equal(tileSpan(0, 1), undefined);
});
