import { useMemo } from 'react';
import { selectors, useConsole, useT } from '../../console/console-store';
import { cameraTree } from './camera-tree';
import { DND_CAMERA } from '../../ui/dnd';

export function CameraTree() {
  const t = useT();
  const cameras = useConsole(selectors.cameras);
  const search = useConsole((s) => s.search);
  const mapSelected = useConsole((s) => s.mapSelected);
  const { setSearch, assign } = useConsole.getState();
  const tree = useMemo(() => cameraTree(cameras, search), [cameras, search]);
  return (
    <section className="tree" data-testid="camera-tree" aria-labelledby="tree-title">
      <h2 id="tree-title">{t('tree.title')}</h2>
      <input
        type="search"
        aria-label={t('tree.search')}
        data-testid="camera-search"
        placeholder={t('tree.search')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
      />
      {tree.length === 0 && <p className="muted">{t('tree.empty')}</p>}
      {tree.map((site) => (
        <details key={site.site} open>
          <summary>{site.site}</summary>
          {site.zones.map((z) => (
            <div key={z.zone} className="zone">
              {z.zone && <div className="zone-name">{z.zone}</div>}
              <ul role="listbox" aria-label={z.zone ? `${site.site} — ${z.zone}` : site.site}>
                {z.cameras.map((c) => (
                  <li
                    key={c.id}
                    role="option"
                    data-testid={`camera-${c.id}`}
                    aria-selected={mapSelected === c.id}
                    className={mapSelected === c.id ? 'picked' : undefined}
                    draggable
                    onDragStart={(e) => e.dataTransfer.setData(DND_CAMERA, String(c.id))}
                    onDoubleClick={() => assign(useConsole.getState().selected, c.id)}
                  >
                    <span className="cam-num">{c.id}</span> {c.name}
                    {c.ptz && <span className="cam-ptz">PTZ</span>}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
