/** The access registry: consultation (paged), time slots viewed, exports, verification, checkpoints, requisitions. */
import { channel, event } from './spec';

/** Every event the registry records; its label lives in the catalogues (and in French for exports). */
export const REGISTRY_EVENTS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked_out',
  'auth.lock',
  'auth.unlock',
  'auth.unlock_failed',
  'view.start',
  'view.end',
  'inventory.change',
  'operator.create',
  'operator.update',
  'operator.unlock',
  'operator.disable',
  'operator.enable',
  'registry.consult',
  'registry.export',
  'registry.verify',
  'registry.checkpoint',
  'registry.purge',
  'registry.init',
  /** Written when the registry can write again: how long it could not, what it refused, what waited. */
  'registry.outage',
  'requisition',
  'app.start',
  'display.command',
  'wall.link_refused',
  'wall.layout',
  'wall.tile',
  'wall.push',
  'wall.preset',
  'wall.preset_save',
  'wall.tour',
  'wall.settings',
  'update.accept',
  'update.refuse',
  'selftest.run',
  'ptz.request',
  'ptz.notify',
  'ptz.grant',
  'ptz.refuse',
  'ptz.override',
  'ptz.extend',
  'ptz.release',
  'ptz.expire',
  'ptz.preempt',
  'instructions.import',
  'incident.report',
  'contacts.change',
  'operation.start',
  'operation.extend',
  'operation.due',
  'operation.close',
  'map.import',
  'report.generate',
] as const;
export type RegistryEventType = (typeof REGISTRY_EVENTS)[number];

export interface RegistryEntryView {
  seq: number;
  at: string;
  type: string;
  login: string;
  name: string;
  rank: string;
  service: string;
  cameraId: number | null;
  surface: string | null;
  data: string;
}

export interface ViewingSessionView {
  cameraId: number | null;
  surface: string | null;
  login: string;
  name: string;
  rank: string;
  service: string;
  start: string;
  end: string | null;
}

/** One page of entries, newest first (keyset on seq: `before` pages older, `after` newer). */
export interface RegistryPage {
  entries: RegistryEntryView[];
  /** Entries matching the filter, every page together. */
  total: number;
  hasNewer: boolean;
  hasOlder: boolean;
}
export const REGISTRY_PAGE_SIZE = 100;

export interface RegistryQueryInput extends RegistryFilterInput {
  before?: number;
  after?: number;
  /** The newest entry when the search was made: pages stay those of that moment. */
  upTo?: number;
}

/** A time slot viewed: one camera, one operator, its sessions merged where they overlap or touch. */
export interface ViewedSlotView {
  cameraId: number | null;
  login: string;
  name: string;
  rank: string;
  service: string;
  start: string;
  /** An open slot (a session still running) ends now. */
  end: string;
  open: boolean;
  sessions: number;
}

/** Merged slots, newest first, one page; and the newest viewing sessions as they were recorded. */
export interface RegistrySlotsPage {
  slots: ViewedSlotView[];
  /** 0-based page, and how many pages the filter gives. */
  page: number;
  pages: number;
  total: number;
  sessions: ViewingSessionView[];
}

/** What a registry verification can find wrong; the renderer and the CLI each put it in words. */
export const VERIFY_PROBLEMS = [
  'missing', // an entry is missing from the chain
  'altered', // an entry's MAC does not match
  'wiped', // the registry's first entry is gone (emptied or re-created without its key)
  'anchor-unproven', // the retention anchor is not the one the last chained purge recorded
  'checkpoint-unreadable',
  'checkpoint-foreign-key', // signed with a key that is not this post's
  'checkpoint-signature',
  'checkpoint-before-anchor', // the checkpoint's entry has been purged: it proves nothing any more
  'checkpoint-truncated', // entries the checkpoint vouched for are gone
  'checkpoint-mismatch',
] as const;
export type VerifyProblem = (typeof VERIFY_PROBLEMS)[number];

/** Entries `first` to `last` (the same for one entry) share one problem. */
export interface VerifyRange {
  first: number;
  last: number;
  problem: VerifyProblem;
  /** For checkpoint problems: the checkpoint's entry number, and how many entries are missing. */
  checkpointSeq?: number;
  missing?: number;
}

/** How many of the chain's altered or missing ranges a verification lists; it counts them all. */
export const VERIFY_RANGES_LISTED = 10;

export type VerifyView =
  | { ok: true; rows: number; head: { seq: number; mac: string } | null }
  | ({
      ok: false;
      rows: number;
      /** The first range listed, for callers that name one problem. */
      firstBadSeq: number;
      /**
       * Every range found, counted; listed: the chain's first ten (in entry order), then any problem
       * of the registry as a whole (its anchor, a checkpoint), which is never left out.
       */
      rangeCount: number;
      ranges: VerifyRange[];
    } & Omit<VerifyRange, 'first' | 'last'>);

export interface RegistryFilterInput {
  /** AAAA-MM-JJ */
  from?: string;
  to?: string;
  login?: string;
  cameraId?: number;
}

export interface RequisitionInput {
  number: string;
  authority: string;
  officer: string;
  cameras: number[];
  slots: string;
  copyRequested: boolean;
}

export const registryChannels = {
  'registry:query': channel<RegistryQueryInput, RegistryPage>(),
  'registry:slots': channel<RegistryFilterInput & { page?: number }, RegistrySlotsPage>(),
  'registry:export': channel<RegistryFilterInput & { format: 'csv' | 'pdf' }, { file: string }>(),
  'registry:verify': channel<undefined, VerifyView>(),
  'registry:checkpoint': channel<undefined, { file: string }>(),
  'registry:requisition': channel<RequisitionInput, RegistryEntryView>(),
  'registry:writable': channel<undefined, RegistryHealthView>(),
};

/**
 * Whether the registry can write (article 2: nothing is displayed that is not recorded). While it
 * cannot, a new login, an unlock or a new camera call is refused; pictures already recorded stay.
 * `disk_full`: the data directory's disk is full; `write_error`: any other write failure.
 */
/**
 * With `--store`: the link from this post's outbox to the CIC's shared registry. During an outage the
 * entries wait on the post (`queued`); nothing is refused for it.
 */
export type SharedRegistryView =
  | { state: 'connecting' | 'connected' | 'closed'; queued: number }
  | { state: 'outage'; since: string; reason: string; queued: number };

export type RegistryHealthView = (
  | { state: 'writing' }
  | {
      state: 'unable';
      reason: 'disk_full' | 'write_error';
      /** When the first write failed (ISO). */
      since: string;
      /** Accesses refused meanwhile (logins, unlocks, camera calls, recorded actions). */
      refused: number;
      /** Ends of access (end of viewing, logout, lock) kept in memory, written when space returns. */
      pending: number;
    }
) & { shared?: SharedRegistryView };

export const registryEvents = {
  'registry:health': event<RegistryHealthView>(),
};
