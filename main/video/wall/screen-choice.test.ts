/** Issue 9: the wall window's display, chosen by id or name, with a fallback, following plug/unplug. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  WallScreenKeeper,
  chooseDisplay,
  type ScreenChoice,
  type WallDisplayInfo,
  type WallScreen,
} from './screen-choice';

const console1: WallDisplayInfo = {
  id: '1',
  name: 'Dell U2720Q',
  bounds: { x: 0, y: 0, width: 2560, height: 1440 },
};
const barco: WallDisplayInfo = {
  id: '7',
  name: 'Barco UniSee',
  bounds: { x: 2560, y: 0, width: 3840, height: 2160 },
};
const spare: WallDisplayInfo = {
  id: '9',
  name: 'Spare',
  bounds: { x: -1920, y: 0, width: 1920, height: 1080 },
};

test('a display is chosen by id, then by name; a missing one falls back to a display that is not the console', () => {
  assert.deepEqual(chooseDisplay([console1, barco], '1', '7'), { display: barco, missing: null });
  assert.deepEqual(chooseDisplay([console1, barco], '1', ' barco unisee '), {
    display: barco,
    missing: null,
  });
  assert.deepEqual(chooseDisplay([console1, spare, barco], '1', null), { display: spare, missing: null });
  assert.deepEqual(chooseDisplay([console1, spare], '1', 'Barco UniSee'), {
    display: spare,
    missing: 'Barco UniSee',
  });
  // Only the console's display left: the wall never covers the console; it waits, and says so.
  assert.deepEqual(chooseDisplay([console1], '1', '7'), { display: null, missing: '7' });
  assert.deepEqual(chooseDisplay([console1], '1', null), { display: null, missing: null });
  assert.deepEqual(chooseDisplay([], '1', '7'), { display: null, missing: '7' });
});

class FakeScreen implements WallScreen {
  list: WallDisplayInfo[] = [console1, barco];
  private listener: (() => void) | null = null;
  displays(): WallDisplayInfo[] {
    return this.list;
  }
  primaryId(): string {
    return '1';
  }
  onChange(l: () => void): () => void {
    this.listener = l;
    return () => (this.listener = null);
  }
  set(list: WallDisplayInfo[]): void {
    this.list = list;
    this.listener?.();
  }
}

test('the wall follows displays being unplugged and plugged back, and the console is told', () => {
  const screen = new FakeScreen();
  const placed: string[] = [];
  const choices: ScreenChoice[] = [];
  const keeper = new WallScreenKeeper(
    screen,
    { place: (b) => placed.push(`${b.x},${b.y}`), hide: () => placed.push('hidden') },
    'Barco UniSee',
    (c) => choices.push(c),
  );
  assert.deepEqual(placed, ['2560,0']);
  assert.equal(choices.at(-1)?.missing, null);
  // The Barco is unplugged: fallback to another display, and a warning.
  screen.set([console1, spare]);
  assert.equal(placed.at(-1), '-1920,0');
  assert.equal(choices.at(-1)?.missing, 'Barco UniSee');
  // Only the console's display left: the wall hides rather than cover it.
  screen.set([console1]);
  assert.equal(placed.at(-1), 'hidden');
  assert.equal(choices.at(-1)?.missing, 'Barco UniSee');
  // Plugged back: the wall returns to it, the warning ends.
  screen.set([console1, barco]);
  assert.equal(placed.at(-1), '2560,0');
  assert.equal(choices.at(-1)?.missing, null);
  // A metrics change that moves nothing reports nothing new.
  const n = choices.length;
  screen.set([console1, barco]);
  assert.equal(choices.length, n);
  // The technician picks another display by id.
  screen.set([console1, barco, spare]);
  keeper.setWanted('9');
  assert.equal(placed.at(-1), '-1920,0');
  keeper.close();
  const count = placed.length;
  screen.set([console1, barco]);
  assert.equal(placed.length, count, 'closed: no longer follows');
});
