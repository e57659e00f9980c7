/** The wall display's controls, driven on this PC or through the rack PC's link: one interface. */
import type { DisplayCommand, DisplayInfo } from '../../../../common/display';
import type { Result } from '../../../../common/result';
import type { RegistryActor } from '../../../records/registry/registry';

export interface DisplayControl {
  /** Null when no display is configured: the console then shows no display controls. */
  info(): DisplayInfo | null;
  send(cmd: DisplayCommand, by: RegistryActor): Promise<Result<null>>;
}

export const NO_DISPLAY: DisplayControl = {
  info: () => null,
  send: () => Promise.resolve({ ok: false, error: { code: 'display_not_configured' } }),
};
