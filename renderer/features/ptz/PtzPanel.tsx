/**
 * The PTZ panel, bound to the selected tile: take the camera (an operational event, notified to
 * the CSU by main before control is granted), its lease and countdown, extend and release, the
 * pad and zoom, the presets, and whether the post's joystick or keyboard is connected.
 * The arrow keys steer while the lease is held; keyup and window blur stop. Main enforces all of it.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { PtzDeviceView } from '../../../common/contract';
import { useConsole, useT } from '../../console/console-store';
import { Field, Why, WhyButton, useWhyId } from '../../ui/form';
import { ErrorNote } from '../shell/ErrorNote';
import { PtzLease } from './PtzLease';

const KEY_SPEED = 0.6;
const ARROWS: Record<string, [number, number]> = {
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
};

function deviceState(devices: PtzDeviceView[]): string {
  if (devices.length === 0) return 'none';
  if (devices.some((d) => d.state === 'connected')) return 'connected';
  return devices[0]!.state;
}

function useArrowKeys(cameraId: number | null): void {
  useEffect(() => {
    if (cameraId === null) return;
    const { ptzHold, ptzStop } = useConsole.getState();
    const keys = new Set<string>();
    const steer = (): void => {
      if (keys.size === 0) return ptzStop(cameraId, 'release');
      let pan = 0;
      let tilt = 0;
      for (const k of keys) {
        pan += ARROWS[k]![0];
        tilt += ARROWS[k]![1];
      }
      ptzHold(cameraId, pan * KEY_SPEED, tilt * KEY_SPEED, 0);
    };
    const down = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (!ARROWS[e.key] || target?.tagName === 'INPUT' || target?.tagName === 'TEXTAREA') return;
      e.preventDefault();
      if (keys.has(e.key)) return; // the OS's auto-repeat: main gets our own keepalive
      keys.add(e.key);
      steer();
    };
    const up = (e: KeyboardEvent): void => {
      if (keys.delete(e.key)) steer();
    };
    const blur = (): void => {
      keys.clear();
      ptzStop(cameraId, 'blur');
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') blur();
    };
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      document.removeEventListener('visibilitychange', hidden);
      if (keys.size) ptzStop(cameraId, 'release');
    };
  }, [cameraId]);
}

function Pad({ cameraId }: { cameraId: number }) {
  const t = useT();
  const { ptzHold, ptzStop } = useConsole.getState();
  const button = (id: string, glyph: string, label: string, pan: number, tilt: number, zoom: number) => (
    <button
      data-testid={`ptz-pad-${id}`}
      aria-label={label}
      title={label}
      onPointerDown={(e) => {
        e.currentTarget.setPointerCapture?.(e.pointerId);
        ptzHold(cameraId, pan, tilt, zoom);
      }}
      onPointerUp={() => ptzStop(cameraId, 'release')}
      onPointerCancel={() => ptzStop(cameraId, 'release')}
      onLostPointerCapture={() => ptzStop(cameraId, 'release')}
    >
      {glyph}
    </button>
  );
  return (
    <div className="ptz-pad">
      <span />
      {button('up', '▲', t('ptz.up'), 0, 1, 0)}
      <span />
      {button('left', '◀', t('ptz.left'), -1, 0, 0)}
      <span />
      {button('right', '▶', t('ptz.right'), 1, 0, 0)}
      <span />
      {button('down', '▼', t('ptz.down'), 0, -1, 0)}
      <span />
      {button('zoom-in', '+', t('ptz.zoomIn'), 0, 0, 1)}
      <span />
      {button('zoom-out', '−', t('ptz.zoomOut'), 0, 0, -1)}
    </div>
  );
}

/** The take form's two required fields: the operational event and the reason. */
const TAKE_FIELDS = [
  { key: 'eventRef', label: 'ptz.eventRef', testid: 'ptz-event-ref', maxLength: 80 },
  { key: 'reason', label: 'ptz.reason', testid: 'ptz-event-reason', maxLength: 300 },
] as const;
type Take = Record<(typeof TAKE_FIELDS)[number]['key'], string>;

function TakeForm({ cameraId, onDone }: { cameraId: number; onDone: () => void }) {
  const t = useT();
  const role = useConsole((s) => s.session?.role);
  const [values, setValues] = useState<Take>({ eventRef: '', reason: '' });
  const [override, setOverride] = useState(false);
  const [busy, setBusy] = useState(false);
  const [missing, setMissing] = useState({ eventRef: false, reason: false });
  const why = useWhyId();
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    // The console's own messages, in its language: no browser bubble.
    const gaps = { eventRef: values.eventRef.trim() === '', reason: values.reason.trim() === '' };
    setMissing(gaps);
    if (gaps.eventRef || gaps.reason) return;
    setBusy(true);
    const ok = await useConsole
      .getState()
      .takePtz({ cameraId, ...values, ...(override && { override: true }) });
    setBusy(false);
    if (ok) onDone();
  };
  return (
    <form className="ptz-take-form" noValidate onSubmit={(e) => void submit(e)} data-testid="ptz-take-form">
      {TAKE_FIELDS.map((f) => (
        <Field
          key={f.key}
          label={t(f.label)}
          required
          error={missing[f.key] ? 'form.missing' : null}
          testid={f.testid}
        >
          <input
            data-testid={f.testid}
            value={values[f.key]}
            maxLength={f.maxLength}
            aria-required="true"
            aria-invalid={missing[f.key] || undefined}
            onChange={(e) => {
              setValues({ ...values, [f.key]: e.target.value });
              setMissing({ ...missing, [f.key]: false });
            }}
          />
        </Field>
      ))}
      {role === 'supervisor' && (
        <label className="ptz-override">
          <input
            type="checkbox"
            data-testid="ptz-override"
            checked={override}
            onChange={(e) => setOverride(e.target.checked)}
          />
          {t('ptz.override')}
        </label>
      )}
      <p className="muted">{t('ptz.notifyFirst')}</p>
      <WhyButton className="primary" type="submit" testid="ptz-take-confirm" off={busy} whyId={why}>
        {busy ? t('ptz.notifying') : t('ptz.confirm')}
      </WhyButton>
      <Why id={why} reason={busy ? 'ptz.notifyingWhy' : null} />
      <button type="button" onClick={onDone}>
        {t('ptz.cancel')}
      </button>
    </form>
  );
}

export function PtzPanel() {
  const t = useT();
  const cameraId = useConsole((s) => s.tiles[s.solo ?? s.selected] ?? null);
  const camera = useConsole((s) => s.cameras.find((c) => c.id === cameraId));
  const lease = useConsole((s) => (cameraId === null ? undefined : s.leases[cameraId]));
  const login = useConsole((s) => s.session?.login);
  const post = useConsole((s) => s.ptz?.post);
  const devices = useConsole((s) => s.ptzDevices);
  const error = useConsole((s) => (cameraId === null ? undefined : s.ptzErrors[cameraId]));
  const presets = useConsole((s) => (cameraId === null ? undefined : s.presets[cameraId]));
  const [asking, setAsking] = useState(false);
  const ptzCamera = camera?.ptz ? camera.id : null;
  const mine = !!lease && lease.holder.login === login && lease.holder.post === post;
  const { loadPresets, releasePtz, extendPtz, gotoPreset } = useConsole.getState();

  // Main learns the selected camera from the shell (console/App.tsx), which shows this pane only for a PTZ camera.
  useEffect(() => setAsking(false), [ptzCamera]);
  useEffect(() => {
    if (mine && ptzCamera !== null) void loadPresets(ptzCamera);
  }, [mine, ptzCamera, loadPresets]);
  useArrowKeys(mine ? ptzCamera : null);

  const state = deviceState(devices);
  return (
    <section
      className="ptz-panel pane"
      data-testid="ptz-panel"
      data-surface="ptz"
      data-camera-id={ptzCamera ?? ''}
      aria-label={t('ptz.title')}
    >
      <h2>{t('ptz.title')}</h2>
      <ErrorNote surface="ptz" />
      <div
        className={`ptz-device device-${state}`}
        data-testid="ptz-device"
        data-state={state}
        title={devices
          .map((d) => `${t(`ptz.device.${d.kind}`)} : ${d.detail ?? d.reason ?? d.state}`)
          .join('\n')}
      >
        {t(`ptz.deviceState.${state === 'none' ? 'none' : state === 'connected' ? 'connected' : 'absent'}`)}
      </div>
      {ptzCamera !== null && camera && (
        <>
          <p className="ptz-camera">
            {camera.id} — {camera.name}
          </p>
          {error && (
            <p className="ptz-error" role="alert" data-testid="ptz-error" data-reason={error}>
              {t(`error.ptz_camera.${error}`)}
            </p>
          )}
          {lease && <PtzLease lease={lease} />}
          {mine ? (
            <>
              <div className="ptz-actions">
                <button data-testid="ptz-extend" onClick={() => void extendPtz(ptzCamera)}>
                  {t('ptz.extend')}
                </button>
                <button data-testid="ptz-release" onClick={() => void releasePtz(ptzCamera)}>
                  {t('ptz.release')}
                </button>
              </div>
              <Pad cameraId={ptzCamera} />
              <p className="muted">{t('ptz.keysHint')}</p>
              <div className="ptz-presets">
                {(presets ?? []).map((p) => (
                  <button
                    key={p.token}
                    data-testid={`ptz-preset-${p.token}`}
                    onClick={() => gotoPreset(ptzCamera, p.token)}
                  >
                    {p.name || p.token}
                  </button>
                ))}
              </div>
            </>
          ) : asking ? (
            <TakeForm cameraId={ptzCamera} onDone={() => setAsking(false)} />
          ) : (
            <button className="primary" data-testid="ptz-take" onClick={() => setAsking(true)}>
              {lease ? t('ptz.takeOver') : t('ptz.take')}
            </button>
          )}
        </>
      )}
    </section>
  );
}
