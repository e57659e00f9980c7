/** The technician's import of the site map: a plan image with its reference points, or a tile folder. */
import { useRef, useState } from 'react';
import { useConsole, useT } from '../../console/console-store';
import { parseRefPoints } from './map-markers';

export function MapImportForm() {
  const t = useT();
  const sending = useConsole((s) => s.mapImport === 'sending');
  const { importPlan, importTiles } = useConsole.getState();
  const [kind, setKind] = useState<'plan' | 'tiles'>('plan');
  const [points, setPoints] = useState('');
  const [folder, setFolder] = useState('');
  const [syntax, setSyntax] = useState<number | null>(null);
  const file = useRef<HTMLInputElement>(null);

  const submit = async (): Promise<void> => {
    if (kind === 'tiles') {
      if (await importTiles(folder.trim())) setFolder('');
      return;
    }
    const f = file.current?.files?.[0];
    if (!f) return;
    const parsed = parseRefPoints(points);
    setSyntax(parsed.ok ? null : parsed.line);
    if (!parsed.ok) return;
    // No point at all still goes to main, which refuses it in words and changes nothing.
    if (await importPlan(f, parsed.points)) {
      setPoints('');
      if (file.current) file.current.value = '';
    }
  };

  return (
    <form
      className="map-import"
      data-testid="map-import"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('map.import.title')}</h3>
      <div className="row" role="radiogroup">
        <label className="check">
          <input
            type="radio"
            data-testid="map-import-kind-plan"
            checked={kind === 'plan'}
            onChange={() => setKind('plan')}
          />
          {t('map.import.plan')}
        </label>
        <label className="check">
          <input
            type="radio"
            data-testid="map-import-kind-tiles"
            checked={kind === 'tiles'}
            onChange={() => setKind('tiles')}
          />
          {t('map.import.tiles')}
        </label>
      </div>
      {kind === 'plan' ? (
        <>
          <label>
            {t('map.import.file')}
            <input
              ref={file}
              type="file"
              accept=".png,.jpg,.jpeg,image/png,image/jpeg"
              data-testid="map-import-file"
            />
          </label>
          <label>
            {t('map.import.points')}
            <textarea
              data-testid="map-ref-points"
              rows={3}
              placeholder="120 340 48.85660 2.35220"
              value={points}
              onChange={(e) => setPoints(e.target.value)}
            />
          </label>
          <p className="muted">{t('map.import.pointsHint')}</p>
          {syntax !== null && (
            <p className="bad" data-testid="map-ref-points-error">
              {t('map.import.pointsSyntax', { line: syntax })}
            </p>
          )}
        </>
      ) : (
        <label>
          {t('map.import.folder')}
          <input
            data-testid="map-import-folder"
            placeholder="/srv/plans/tuiles"
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
          />
        </label>
      )}
      <button type="submit" className="primary" data-testid="map-import-submit" disabled={sending}>
        {t('map.import.submit')}
      </button>
    </form>
  );
}
