/**
 * Where the post keeps its records: each domain declares its store's interface, and this is the one
 * place that picks the implementation: SQLite or a file in the data folder (a post on its own), or
 * the CIC's shared PostgreSQL (`--store postgres://…`) for what several posts share so far. Each
 * store is opened when its module is created, and closed by it; the shared connection closes last.
 */
import { FileContactStore, type ContactStore } from '../desk/contacts/contacts-store';
import { CONTACTS_SCHEMA, PgContactStore } from '../desk/contacts/pg-contacts-store';
import { SqliteIncidentStore, type IncidentStore } from '../desk/incidents/incident-store';
import { INCIDENTS_SCHEMA, PgIncidentStore } from '../desk/incidents/pg-incident-store';
import { SqliteInstructionStore, type InstructionStore } from '../desk/instructions/instructions-store';
import { SqliteOperationStore, type OperationStore } from '../desk/operations/operations-store';
import { createLogger } from '../platform/log/logger';
import { PgRecords } from '../platform/storage/pg-records';
import { shownStoreUrl } from '../platform/storage/store-url';
import { SqliteOperatorStore, type OperatorStore } from '../records/auth/operator-store';
import { OPERATORS_SCHEMA, PgOperatorStore } from '../records/auth/pg-operator-store';
import { StatusHistory, type StatusHistoryStore } from '../video/streams/status-history';
import { PgWallPresets, WALL_PRESETS_SCHEMA } from '../video/wall/pg-wall-presets';
import { WallPresets, type WallPresetStore } from '../video/wall/wall-presets';

const log = createLogger('store');
/** The shared store's tables, created by whichever post or command reaches the database first. */
export const SHARED_SCHEMA = [OPERATORS_SCHEMA, INCIDENTS_SCHEMA, CONTACTS_SCHEMA, WALL_PRESETS_SCHEMA].join(
  ';\n',
);

export interface PostStores {
  operators(): OperatorStore;
  statusHistory(): StatusHistoryStore;
  wallPresets(): WallPresetStore;
  instructions(): InstructionStore;
  incidents(): IncidentStore;
  contacts(): ContactStore;
  operations(): OperationStore;
  /** Lets go of what the stores share (the shared store's connections), after every module closed. */
  close(): Promise<void>;
}

/** This post's own records, in its data folder. */
export function localStores(dataDir: string): PostStores {
  return {
    operators: () => new SqliteOperatorStore(dataDir),
    statusHistory: () => new StatusHistory(dataDir),
    wallPresets: () => new WallPresets(dataDir),
    instructions: () => new SqliteInstructionStore(dataDir),
    incidents: () => new SqliteIncidentStore(dataDir),
    contacts: () => new FileContactStore(dataDir),
    operations: () => new SqliteOperationStore(dataDir),
    close: () => Promise.resolve(),
  };
}

/**
 * The CIC's shared store: accounts, incident reports, contacts and wall presets on PostgreSQL, live across posts; the
 * other records stay in this post's folder until they have their PostgreSQL implementation.
 * The accounts are read before this resolves: the first rights check already has them.
 */
export async function pgStores(url: string, dataDir: string): Promise<PostStores> {
  const db = await PgRecords.open(url, SHARED_SCHEMA);
  try {
    const operators = await PgOperatorStore.open(db);
    const contacts = await PgContactStore.open(db);
    const presets = await PgWallPresets.open(db);
    log.info(`shared store: ${shownStoreUrl(url)}`);
    return {
      ...localStores(dataDir),
      operators: () => operators,
      incidents: () => new PgIncidentStore(db),
      contacts: () => contacts,
      wallPresets: () => presets,
      close: () => db.close(),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}

/** The shared store when `store` is given, else the post's own. */
export function openStores(dataDir: string, store: string | undefined): Promise<PostStores> {
  return store === undefined ? Promise.resolve(localStores(dataDir)) : pgStores(store, dataDir);
}
