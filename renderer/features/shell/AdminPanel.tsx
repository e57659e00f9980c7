/**
 * The administration workspace: its sections as tabs, each under its own right (the camera list,
 * the accounts, the joystick and keyboard, the self-test). The tabs keep the test ids of the
 * top-bar buttons they replace (`operators-button`…).
 */
import type { Permission } from '../../../common/roles';
import { useMemo, type ReactNode } from 'react';
import { OperatorsPanel } from '../accounts/OperatorsPanel';
import { InputSettingsPanel } from '../input-settings/InputSettingsPanel';
import { SelftestPanel } from '../selftest/SelftestPanel';
import { useConsole, useT } from '../../console/console-store';
import type { MessageKey } from '../../i18n';
import { NONE } from '../../ui/empty';
import { PanelBoundary } from './PanelBoundary';
import { PanelFrame } from './PanelFrame';
import { adminSections, type AdminSection } from './workspace';

const TAB: Record<AdminSection, { testid: string; label: MessageKey }> = {
  admin: { testid: 'admin-cameras', label: 'admin.cameras' },
  operators: { testid: 'operators-button', label: 'shell.operators' },
  'input-settings': { testid: 'input-settings-button', label: 'input.button' },
  selftest: { testid: 'selftest-button', label: 'selftest.button' },
};

/** The camera list in force and its import (preview, then the differences to confirm). */
function CamerasSection() {
  const t = useT();
  const count = useConsole((s) => s.cameras.length);
  const demo = useConsole((s) => s.demo);
  const source = useConsole((s) => s.inventorySource);
  return (
    <PanelFrame testid="admin-cameras-panel" title={t('admin.cameras.title')} surface="admin">
      <p data-testid="admin-inventory" data-count={count}>
        {t(demo ? 'admin.cameras.demo' : 'admin.cameras.count', { count })}
        {source && ` — ${t('admin.cameras.source', { source })}`}
      </p>
      <p className="muted">{t('admin.cameras.hint')}</p>
      <button
        type="button"
        className="primary"
        data-testid="import-button"
        onClick={() => document.querySelector<HTMLInputElement>('[data-testid="import-file"]')?.click()}
      >
        {t('import.button')}
      </button>
    </PanelFrame>
  );
}

export function AdminPanel() {
  const t = useT();
  const permissions: readonly Permission[] = useConsole((s) => s.session?.permissions) ?? NONE;
  const panel = useConsole((s) => s.panel);
  const sections = useMemo(() => adminSections(permissions), [permissions]);
  const section: ReactNode =
    panel === 'admin' ? (
      <CamerasSection />
    ) : panel === 'operators' ? (
      <OperatorsPanel />
    ) : panel === 'input-settings' ? (
      <InputSettingsPanel />
    ) : panel === 'selftest' ? (
      <SelftestPanel />
    ) : null;
  return (
    <div className="admin" data-testid="admin-workspace">
      <div className="tabs" role="tablist" aria-label={t('nav.admin.title')}>
        {sections.map((s) => (
          <button
            key={s}
            type="button"
            role="tab"
            aria-selected={panel === s}
            data-testid={TAB[s].testid}
            onClick={() => useConsole.getState().setPanel(s)}
          >
            {t(TAB[s].label)}
          </button>
        ))}
      </div>
      <PanelBoundary name={panel} kind="pane" onClose={() => useConsole.getState().setPanel('none')}>
        {section}
      </PanelBoundary>
    </div>
  );
}
