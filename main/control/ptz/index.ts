/**
 * PTZ drivers and the control loop. The public surface of main/ptz.
 *
 * Wiring (for the lease and UI side): one `PtzControl` per post.
 *  - lease granted (CSU notified): `openDriver(camera.ptz, creds)` → on ok, `control.attach(id, driver)`;
 *    on a code, show it on the tile (ptz.unreachable, ptz.auth_refused, …);
 *  - tile selected: `control.select(id)`; every device's intents: `source.on('intent', i => control.handle(i))`;
 *  - `control.on('console', i => …)` for call-camera, step-camera, wall-preset and unmapped buttons;
 *  - `control.on('event', e => …)` for commands sent, stops (with reason) and error codes per camera;
 *  - lease end / expiry / pre-emption: `await control.detach(id, 'lease-end')` (Stop, then close);
 *  - blur, unplug, lock, logout: `await control.stopAll(reason)`; quit: `await control.close()`.
 * A camera that is not attached receives nothing: no lease, no command.
 */
export type { PtzDriver, PtzErrorCode, PtzPreset, PtzResult } from './driver';
export { connectOnvif, DEFAULT_MOVE_TIMEOUT_S, type OnvifTarget } from './onvif-driver';
export { openPelcoD, type PelcoTarget } from './pelco-d-driver';
export { openDriver, type DriverOptions } from './open-driver';
export { PtzControl, type ConsoleIntent, type ControlEvent, type PtzControlOptions } from './control';
export { DEFAULT_TIMING, systemClock, type Clock, type LoopTiming, type StopReason } from './camera-loop';
