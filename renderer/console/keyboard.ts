/** CCTV-keyboard habit: type a camera number, Enter calls it onto the selected tile. */
import { translate } from '../i18n';
import { useConsole } from './console-store';

export function bindKeyboard(): void {
  window.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    const s = useConsole.getState();
    if (e.altKey && /^Digit[1-9]$/.test(e.code) && s.session?.permissions.includes('wall')) {
      // Alt+N recalls the wall's N-th preset.
      s.recallPresetByNumber(Number(e.code.slice(5)));
    } else if (/^[0-9]$/.test(e.key)) {
      s.setEntry((s.entry + e.key).slice(0, 6));
      s.setEntryMessage(null);
    } else if (e.key === 'Backspace') {
      s.setEntry(s.entry.slice(0, -1));
    } else if (e.key === 'Escape') {
      s.setEntry('');
      if (s.solo !== null) s.toggleSolo(s.solo);
    } else if (e.key === 'Enter' && s.entry) {
      const id = Number(s.entry);
      s.setEntry('');
      if (!s.cameras.some((c) => c.id === id))
        s.setEntryMessage(translate(s.locale, 'entry.unknown', { id }));
      else if (s.wallSelected !== null)
        void s.wallApply({ kind: 'tile', index: s.wallSelected, cameraId: id });
      else s.assign(s.solo ?? s.selected, id);
    } else return;
    e.preventDefault();
  });
}
