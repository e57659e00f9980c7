/** A wall tile's tour: the cameras it cycles through, and how long each stays. */
import { useState } from 'react';
import { useConsole, useT } from '../../console/console-store';
import { NumberField, Why, WhyButton, useWhyId } from '../../ui/form';

export function WallTourForm({ index }: { index: number }) {
  const t = useT();
  const tour = useConsole((s) => s.wall?.state?.tiles[index]?.tour ?? null);
  const { wallApply } = useConsole.getState();
  const [cameras, setCameras] = useState(tour ? tour.cameras.join(', ') : '');
  const [dwell, setDwell] = useState(tour ? String(tour.dwellSeconds) : '10');
  const ids = cameras
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number);
  const valid = ids.length >= 2 && ids.every((n) => Number.isInteger(n) && n > 0);
  const why = useWhyId();
  return (
    <div className="wall-tour" data-testid="wall-tour">
      <h3>{t('wall.tour', { tile: index + 1 })}</h3>
      <label>
        {t('wall.tourCameras')}
        <input data-testid="wall-tour-cameras" value={cameras} onChange={(e) => setCameras(e.target.value)} />
      </label>
      <NumberField
        label={t('wall.tourDwell')}
        testid="wall-tour-dwell"
        min={3}
        max={3600}
        value={dwell}
        onChange={setDwell}
      />
      <div className="row">
        <WhyButton
          testid="wall-tour-set"
          off={!valid}
          whyId={why}
          onClick={() =>
            void wallApply({
              kind: 'tour',
              index,
              tour: { cameras: ids, dwellSeconds: Math.round(Number(dwell)) },
            })
          }
        >
          {t('wall.tourStart')}
        </WhyButton>
        {tour && (
          <button
            data-testid="wall-tour-clear"
            onClick={() => void wallApply({ kind: 'tour', index, tour: null })}
          >
            {t('wall.tourStop')}
          </button>
        )}
      </div>
      <Why id={why} reason={valid ? null : 'wall.tourWhy'} />
    </div>
  );
}
