/** PTZ drivers and the control loop. The public surface of main/ptz. */
export type { PtzDriver, PtzErrorCode, PtzPreset, PtzResult } from './driver';
export { connectOnvif, DEFAULT_MOVE_TIMEOUT_S, type OnvifTarget } from './onvif-driver';
export { openPelcoD, type PelcoTarget } from './pelco-d-driver';
export { openDriver, type DriverOptions } from './open-driver';
export { PtzControl, type ConsoleIntent, type ControlEvent, type PtzControlOptions } from './control';
export { DEFAULT_TIMING, systemClock, type Clock, type LoopTiming, type StopReason } from './camera-loop';
