/**
 * The wall page's entry. It reads the wall key from its address's fragment (never sent over
 * HTTP), exchanges it with main for its own video token, then follows the wall's pushes. It
 * re-presents the key every few seconds, so that it finds its wall again after a host restart.
 */
import { createRoot } from 'react-dom/client';
import { api, rpc } from '../api/bridge';
import { tileState } from '../features/tiles/tile-state';
import { streamKey } from '../../common/stream-key';
import type { WallShown } from '../../common/contract';
import { chooseStream } from '../video/stream-choice';
import { isLargeWallTile } from './wall-tiles';
import { WallPage } from './WallPage';
import { useWall } from './wall-store';

const REOPEN_MS = 5000;
// A new key typed into the address: start again with it.
window.addEventListener('hashchange', () => location.reload());
const key = new URLSearchParams(location.hash.slice(1)).get('key') ?? '';
const st = useWall.getState;
document.documentElement.lang = st().locale;

async function open(): Promise<void> {
  if (!key) {
    st().setPhase('nokey');
    return;
  }
  const r = await rpc.wall.open({ key });
  if (r.ok) st().granted(r.value);
  else if (r.error.code !== 'disconnected') st().setPhase('refused');
}

/** What each tile shows, as the console's miniature tells it. */
function shownNow(): WallShown[] {
  const s = st();
  if (!s.wall) return [];
  return s.wall.tiles.map((t, i) => {
    const cam = t.cameraId === null ? undefined : s.cameras.find((c) => c.id === t.cameraId);
    if (!cam) return 'empty';
    const stream = chooseStream(cam, isLargeWallTile(s.wall!.layout, i));
    const pb = s.playback[i];
    const path = pb?.path === 'jsmpeg' ? 'mpeg1' : 'annexb';
    return tileState(cam.id, s.statuses[streamKey(cam.id, stream, path)], pb, s.now).state;
  });
}

let reported = '';
let reportedAt = 0;
api.on('wall:changed', (v) => st().setWall(v.state));
api.on('streams:status', (s) => st().setStatus(s));
api.on('cameras:changed', (v) => st().setCameras(v.cameras));
// Main knows this page afresh (the host restarted): present the key again now.
api.on('auth:session', () => void open());
setInterval(() => {
  st().tick(Date.now());
  if (st().phase !== 'open') return;
  const shown = shownNow();
  const text = shown.join(',');
  // Again every few seconds: after a host restart, main knows this page afresh.
  if (text !== reported || Date.now() - reportedAt > REOPEN_MS) {
    reported = text;
    reportedAt = Date.now();
    void rpc.wall.report({ shown });
  }
}, 1000);
setInterval(() => void open(), REOPEN_MS);
void open();
createRoot(document.getElementById('root')!).render(<WallPage />);
