/**
 * One interface for the wall, whether it is on this PC or on a rack PC over the pinned mutual-TLS
 * link. The console's handlers drive this and never know which one they have.
 */
import type { Result } from '../../../common/result';
import type { WallCommand, WallLink, WallState } from '../../../common/wall';
import type { WallShown } from '../../../common/contract';
import type { RegistryActor } from '../../records/registry/registry';

export type { WallCommand };

export interface WallController {
  readonly kind: 'local' | 'remote';
  link(): WallLink;
  /** Last known state; null while a remote wall has never answered. */
  state(): WallState | null;
  /** Applies one command on the wall; `by` is recorded and named by the wall's viewing sessions. */
  apply(cmd: WallCommand, by: RegistryActor): Promise<Result<WallState>>;
  onChange(listener: (state: WallState | null, link: WallLink) => void): () => void;
  /** What the wall page shows per tile, when that page is on another PC (the rack PC's link). */
  shown?(): WallShown[];
  close(): Promise<void>;
  /** A remote wall: where it is, and the fingerprint it must show (the self-test reports both). */
  target?(): { address: string; fingerprint: string };
}
