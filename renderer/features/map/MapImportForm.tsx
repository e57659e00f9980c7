/**
 * The technician's import of the site map: a plan image with its reference points, or a tile folder.
 * The points are placed by clicking on the plan itself, then given their latitude and longitude; they
 * may also be typed, one a line (`x y latitude longitude`). Main gets the same points either way.
 */
import { useEffect, useRef, useState, type MouseEvent } from 'react';
import type { MapRefPoint } from '../../../common/contract';
import { formatNumber } from '../../../common/format';
import { selectors, useConsole, useT } from '../../console/console-store';
import { FileInput, useFileField } from '../../ui/FileInput';
import { parseRefPoints } from './map-markers';

/** A point clicked on the plan: its pixel, and what the technician typed for it. */
interface Placed {
  x: number;
  y: number;
  lat: string;
  lon: string;
}

/** What is typed for a point placed on the plan. */
const COORDS = ['lat', 'lon'] as const;

/** A coordinate as typed (a decimal comma accepted), or null. */
const degrees = (text: string, max: number): number | null => {
  const n = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(n) && Math.abs(n) <= max ? n : null;
};

/** The points clicked, as main takes them; or the 1-based number of the first incomplete one. */
export function placedPoints(
  placed: readonly Placed[],
): { ok: true; points: MapRefPoint[] } | { ok: false; point: number } {
  const points: MapRefPoint[] = [];
  for (let i = 0; i < placed.length; i++) {
    const p = placed[i]!;
    const lat = degrees(p.lat, 90);
    const lon = degrees(p.lon, 180);
    if (lat === null || lon === null) return { ok: false, point: i + 1 };
    points.push({ x: p.x, y: p.y, lat, lon });
  }
  return { ok: true, points };
}

function PlanPicker({
  url,
  placed,
  onPlace,
}: {
  url: string;
  placed: Placed[];
  onPlace(x: number, y: number): void;
}) {
  const t = useT();
  const img = useRef<HTMLImageElement>(null);
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);
  const click = (e: MouseEvent<HTMLImageElement>): void => {
    const el = img.current;
    if (!el || !el.naturalWidth) return;
    const box = el.getBoundingClientRect();
    const x = Math.round(((e.clientX - box.left) / box.width) * el.naturalWidth);
    const y = Math.round(((e.clientY - box.top) / box.height) * el.naturalHeight);
    onPlace(Math.min(el.naturalWidth, Math.max(0, x)), Math.min(el.naturalHeight, Math.max(0, y)));
  };
  return (
    <div className="plan-picker">
      <img
        ref={img}
        src={url}
        alt={t('map.import.previewAlt')}
        data-testid="map-import-preview"
        onLoad={(e) => setSize({ w: e.currentTarget.naturalWidth, h: e.currentTarget.naturalHeight })}
        onClick={click}
      />
      {size &&
        placed.map((p, i) => (
          <span
            key={i}
            className="plan-point"
            aria-hidden="true"
            style={{ left: `${(p.x / size.w) * 100}%`, top: `${(p.y / size.h) * 100}%` }}
          >
            {i + 1}
          </span>
        ))}
    </div>
  );
}

export function MapImportForm() {
  const t = useT();
  const locale = useConsole(selectors.locale);
  const sending = useConsole((s) => s.mapImport === 'sending');
  const { importPlan, importTiles } = useConsole.getState();
  const [kind, setKind] = useState<'plan' | 'tiles'>('plan');
  const [points, setPoints] = useState('');
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [folder, setFolder] = useState('');
  const [problem, setProblem] = useState<{
    key: 'map.import.pointsSyntax' | 'map.import.pointIncomplete';
    n: number;
  } | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const file = useFileField();
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  const pick = (f: File | null): void => {
    setPlaced([]);
    setPreview(f ? URL.createObjectURL(f) : null);
  };

  const submit = async (): Promise<void> => {
    if (kind === 'tiles') {
      if (await importTiles(folder.trim())) setFolder('');
      return;
    }
    const f = file.picked();
    if (!f) return;
    // Points placed on the plan come first; otherwise the typed lines.
    let chosen: MapRefPoint[];
    if (placed.length > 0) {
      const p = placedPoints(placed);
      setProblem(p.ok ? null : { key: 'map.import.pointIncomplete', n: p.point });
      if (!p.ok) return;
      chosen = p.points;
    } else {
      const p = parseRefPoints(points);
      setProblem(p.ok ? null : { key: 'map.import.pointsSyntax', n: p.line });
      if (!p.ok) return;
      chosen = p.points;
    }
    // No point at all still goes to main, which refuses it in words and changes nothing.
    if (await importPlan(f, chosen)) {
      setPoints('');
      setPlaced([]);
      setPreview(null);
      file.reset();
    }
  };
  const setPoint = (i: number, patch: Partial<Placed>): void =>
    setPlaced(placed.map((p, j) => (j === i ? { ...p, ...patch } : p)));

  return (
    <form
      className="map-import"
      data-testid="map-import"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3>{t('map.import.title')}</h3>
      <div className="row" role="radiogroup" aria-label={t('map.import.title')}>
        <label className="check">
          <input
            type="radio"
            name="map-import-kind"
            data-testid="map-import-kind-plan"
            checked={kind === 'plan'}
            onChange={() => setKind('plan')}
          />
          {t('map.import.plan')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="map-import-kind"
            data-testid="map-import-kind-tiles"
            checked={kind === 'tiles'}
            onChange={() => setKind('tiles')}
          />
          {t('map.import.tiles')}
        </label>
      </div>
      {kind === 'plan' ? (
        <>
          <FileInput
            field={file}
            label={t('map.import.file')}
            accept=".png,.jpg,.jpeg,image/png,image/jpeg"
            testid="map-import-file"
            onPick={pick}
          />
          {preview && (
            <>
              <p className="muted">{t('map.import.clickHint')}</p>
              <PlanPicker
                url={preview}
                placed={placed}
                onPlace={(x, y) => setPlaced([...placed, { x, y, lat: '', lon: '' }])}
              />
            </>
          )}
          {placed.length > 0 && (
            <ol className="ref-points" data-testid="map-ref-placed">
              {placed.map((p, i) => (
                <li key={i} data-testid={`map-ref-point-${i}`}>
                  <span className="muted">
                    {t('map.import.pixel', {
                      n: i + 1,
                      x: formatNumber(p.x, { locale, grouping: false }),
                      y: formatNumber(p.y, { locale, grouping: false }),
                    })}
                  </span>
                  {COORDS.map((c) => (
                    <label key={c}>
                      {t(`map.import.${c}`)}
                      <input
                        inputMode="decimal"
                        size={10}
                        data-testid={`map-ref-${c}-${i}`}
                        value={p[c]}
                        onChange={(e) => setPoint(i, { [c]: e.target.value })}
                      />
                    </label>
                  ))}
                  <button
                    type="button"
                    data-testid={`map-ref-remove-${i}`}
                    onClick={() => setPlaced(placed.filter((_, j) => j !== i))}
                  >
                    {t('map.import.remove')}
                  </button>
                </li>
              ))}
            </ol>
          )}
          <label>
            {t('map.import.points')}
            <textarea
              data-testid="map-ref-points"
              rows={2}
              placeholder="120 340 48.85660 2.35220"
              value={points}
              disabled={placed.length > 0}
              onChange={(e) => setPoints(e.target.value)}
            />
          </label>
          <p className="muted">{t('map.import.pointsHint')}</p>
          {problem && (
            <p className="bad" role="alert" data-testid="map-ref-points-error">
              {t(problem.key, { line: problem.n, point: problem.n })}
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
