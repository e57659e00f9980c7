/**
 * The console's wall panel: a live miniature of the wall (same layout, same tile states), its
 * layouts, the push of the console's mosaic, presets, tours, and the technician's settings.
 */
import { useState, type CSSProperties, type DragEvent } from 'react';
import { WALL_GRID, WALL_TILES } from '../../../common/contract';
import type { Permission } from '../../../common/roles';
import { WALL_LAYOUTS } from '../../../common/wall';
import { useConsole, useT } from '../../console/console-store';
import { DND_CAMERA, DND_TILE } from '../../ui/dnd';
import { NONE } from '../../ui/empty';
import { Why, WhyButton, useWhyId } from '../../ui/form';
import { PanelFrame } from '../shell/PanelFrame';
import { WallDisplayControls } from './WallDisplayControls';
import { WallSettingsForm } from './WallSettingsForm';
import { WallTourForm } from './WallTourForm';
import { gridStyle, tileSpan } from '../mosaic/tile-grid';

function MiniTile({ index, style }: { index: number; style?: CSSProperties }) {
  const t = useT();
  const tile = useConsole((s) => s.wall?.state?.tiles[index]);
  const shown = useConsole((s) => s.wall?.shown[index]);
  const camera = useConsole((s) => s.cameras.find((c) => c.id === tile?.cameraId));
  const selected = useConsole((s) => s.wallSelected === index);
  const { wallApply, wallSelect } = useConsole.getState();
  const state = !tile || tile.cameraId === null ? 'empty' : (shown ?? 'connecting');
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    const cam = e.dataTransfer.getData(DND_CAMERA);
    const from = e.dataTransfer.getData(DND_TILE);
    const id = cam ? Number(cam) : from !== '' ? useConsole.getState().tiles[Number(from)] : null;
    if (id !== null && id !== undefined) void wallApply({ kind: 'tile', index, cameraId: id });
  };
  return (
    <div
      className={`mini-tile state-${state}${selected ? ' selected' : ''}`}
      style={style}
      data-testid={`wall-mini-tile-${index}`}
      data-camera-id={tile?.cameraId ?? ''}
      data-state={state}
      data-tour={tile?.tour ? 'true' : 'false'}
      title={
        camera
          ? `${camera.id} ${camera.name} — ${t(`state.${state === 'empty' ? 'connecting' : state}`)}`
          : t('wall.dropHere')
      }
      data-target={selected ? 'true' : undefined}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
      onClick={() => wallSelect(selected ? null : index)}
      onKeyDown={(e) => {
        if (e.key !== ' ') return;
        e.preventDefault();
        wallSelect(selected ? null : index);
      }}
    >
      {camera && <span className="tile-num">{camera.id}</span>}
      {camera && <span className="mini-name">{camera.name}</span>}
      {tile?.tour && <span className="mini-tour">{t('wall.tourMark')}</span>}
    </div>
  );
}

function Miniature() {
  const t = useT();
  const layout = useConsole((s) => s.wall?.state?.layout ?? null);
  const link = useConsole((s) => s.wall?.link ?? 'local');
  // No wall page has reported what it shows: none is connected to this wall.
  const noPage = useConsole((s) => (s.wall ? s.wall.shown.length === 0 : false));
  if (!layout)
    return (
      <p className="muted" data-testid="wall-no-state">
        {t('wall.noState')}
      </p>
    );
  const { cols, big } = WALL_GRID[layout];
  return (
    <>
      {noPage && (link === 'local' || link === 'up') && (
        <p className="wall-no-page" data-testid="wall-no-page">
          {t('wall.noPage')}
        </p>
      )}
      <div
        className={`mini-wall link-${link}${noPage ? ' no-page' : ''}`}
        data-testid="wall-mini"
        data-layout={layout}
        data-page={noPage ? 'none' : 'connected'}
        style={gridStyle(cols)}
      >
        {Array.from({ length: WALL_TILES[layout] }, (_, i) => (
          <MiniTile key={i} index={i} style={tileSpan(i, big)} />
        ))}
      </div>
    </>
  );
}

function Presets() {
  const t = useT();
  const presets = useConsole((s) => s.wall?.presets) ?? NONE;
  const { savePreset, recallPreset } = useConsole.getState();
  const [name, setName] = useState('');
  const why = useWhyId();
  const empty = !name.trim();
  return (
    <div className="wall-presets">
      <h3>{t('wall.presets')}</h3>
      <div className="row">
        <input
          data-testid="wall-preset-name"
          aria-label={t('wall.presetName')}
          placeholder={t('wall.presetName')}
          maxLength={60}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <WhyButton
          testid="wall-preset-save"
          off={empty}
          whyId={why}
          onClick={() => void savePreset(name).then((saved) => saved && setName(''))}
        >
          {t('wall.presetSave')}
        </WhyButton>
      </div>
      <Why id={why} reason={empty ? 'wall.presetNameWhy' : null} />
      <ul>
        {presets.map((p, i) => (
          <li key={p}>
            <button data-testid={`wall-preset-${p}`} onClick={() => void recallPreset(p)}>
              {p}
            </button>
            {i < 9 && <span className="muted"> Alt+{i + 1}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function WallPanel() {
  const t = useT();
  const perms: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  const wall = useConsole((s) => s.wall);
  const selected = useConsole((s) => s.wallSelected);
  const { pushMosaic, setWallLayout } = useConsole.getState();
  const drives = perms.includes('wall');
  return (
    <PanelFrame
      testid="wall-panel"
      className="wall-panel"
      title={t('wall.title')}
      closeTestid="wall-close"
      onClose={() => useConsole.getState().toggleWall()}
    >
      {drives && wall && wall.link !== 'local' && (
        <p className={`wall-link link-${wall.link}`} data-testid="wall-link" data-link={wall.link}>
          {t(`wall.link.${wall.link}`)}
        </p>
      )}
      {drives && wall?.displayMissing && (
        <p className="bad" data-testid="wall-display-missing">
          {t('wall.displayMissing', { display: wall.displayMissing })}
        </p>
      )}
      {drives && (
        <>
          <nav className="layouts" aria-label={t('layout.label')}>
            {WALL_LAYOUTS.map((l) => (
              <button
                key={l}
                data-testid={`wall-layout-${l}`}
                aria-pressed={l === wall?.state?.layout}
                onClick={() => setWallLayout(l)}
              >
                {l}
              </button>
            ))}
          </nav>
          <button data-testid="wall-push-mosaic" className="primary" onClick={() => void pushMosaic()}>
            {t('wall.pushMosaic')}
          </button>
          <Miniature />
          <WallDisplayControls />
          <p className="muted">
            {selected === null ? t('wall.hint') : t('wall.selected', { tile: selected + 1 })}
          </p>
          {selected !== null && <WallTourForm index={selected} />}
          <Presets />
        </>
      )}
      {perms.includes('settings') && <WallSettingsForm />}
    </PanelFrame>
  );
}
