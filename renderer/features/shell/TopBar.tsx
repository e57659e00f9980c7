import { useRef, type ChangeEvent } from 'react';
import { LAYOUTS } from '../../../common/contract';
import { selectors, useConsole, useT } from '../../console/console-store';
import { OperatorBar } from './OperatorBar';

export function TopBar() {
  const t = useT();
  const layout = useConsole(selectors.layout);
  const demo = useConsole((s) => s.demo);
  const entry = useConsole((s) => s.entry);
  const entryMessage = useConsole((s) => s.entryMessage);
  const locale = useConsole(selectors.locale);
  const fullRate = useConsole((s) => s.fullRate);
  const { setLayout, setFullRate, setLocale, previewImport } = useConsole.getState();
  const file = useRef<HTMLInputElement>(null);
  const canImport = useConsole((s) => s.session?.permissions.includes('inventory') ?? false);
  const wallOpen = useConsole((s) => s.wallOpen);
  const canDocs = useConsole((s) => s.session?.permissions.includes('view') ?? false);
  const canOperate = useConsole((s) => s.session?.permissions.includes('operations') ?? false);
  const panel = useConsole((s) => s.panel);
  const canMap = useConsole((s) =>
    ['view', 'settings'].some((p) => s.session?.permissions.includes(p as 'view') ?? false),
  );
  const canReport = useConsole((s) => s.session?.permissions.includes('registry') ?? false);
  const canWall = useConsole((s) =>
    ['wall', 'settings'].some((p) => s.session?.permissions.includes(p as 'wall') ?? false),
  );

  const onFile = async (e: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const f = e.target.files?.[0];
    e.target.value = '';
    if (!f) return;
    await previewImport(f);
  };

  return (
    <header className="topbar">
      <h1>{t('app.title')}</h1>
      {demo && (
        <span className="demo-badge" data-testid="demo-badge" title={t('app.demoHint')}>
          {t('app.demo')}
        </span>
      )}
      <nav className="layouts" aria-label={t('layout.label')}>
        {LAYOUTS.map((l) => (
          <button
            key={l}
            data-testid={`layout-${l}`}
            aria-pressed={l === layout}
            onClick={() => setLayout(l)}
          >
            {l}
          </button>
        ))}
      </nav>
      <button
        data-testid="full-rate"
        aria-pressed={fullRate}
        title={t('layout.fullRateHint')}
        onClick={() => setFullRate(!fullRate)}
      >
        {t('layout.fullRate')}
      </button>
      <span className="entry" data-testid="camera-entry">
        {entry ? `${t('entry.prompt')} ${entry}` : (entryMessage ?? '')}
      </span>
      <span className="spacer" />
      {canWall && (
        <button
          data-testid="wall-toggle"
          aria-pressed={wallOpen}
          onClick={() => useConsole.getState().toggleWall()}
        >
          {t('wall.toggle')}
        </button>
      )}
      {canDocs && (
        <span className="docs-buttons">
          <button
            data-testid="instructions-button"
            onClick={() => useConsole.getState().setPanel('instructions')}
          >
            {t('instr.button')}
          </button>
          <button data-testid="incident-new" onClick={() => useConsole.getState().setIncidentFormOpen(true)}>
            {t('incident.new')}
          </button>
          <button data-testid="incidents-button" onClick={() => useConsole.getState().setPanel('incidents')}>
            {t('incidents.button')}
          </button>
          <button data-testid="contacts-button" onClick={() => useConsole.getState().setPanel('contacts')}>
            {t('contacts.button')}
          </button>
        </span>
      )}
      {canOperate && (
        <button data-testid="operations-button" onClick={() => useConsole.getState().setPanel('operations')}>
          {t('operations.button')}
        </button>
      )}
      {canMap && (
        <button
          data-testid="map-toggle"
          aria-pressed={panel === 'map'}
          onClick={() => useConsole.getState().setPanel(panel === 'map' ? 'none' : 'map')}
        >
          {t('map.toggle')}
        </button>
      )}
      <OperatorBar />
      {canReport && (
        <button data-testid="report-button" onClick={() => useConsole.getState().setPanel('report')}>
          {t('report.button')}
        </button>
      )}
      {canImport && (
        <button data-testid="import-button" onClick={() => file.current?.click()}>
          {t('import.button')}
        </button>
      )}
      <input
        ref={file}
        type="file"
        accept=".json,.csv,application/json,text/csv"
        hidden
        data-testid="import-file"
        onChange={(e) => void onFile(e)}
      />
      <button data-testid="lang-switch" onClick={() => setLocale(locale === 'fr' ? 'en' : 'fr')}>
        {t('lang.switch')}
      </button>
    </header>
  );
}
