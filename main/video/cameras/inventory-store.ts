/** The inventory in force, its validated imports and the traceable history of every change. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../../common/result';
import { err, ok, type Failure, type Result } from '../../../common/result';
import type {
  ImportPreview,
  InventoryChange,
  InventoryProblem,
  InventoryView,
} from '../../../common/contract';
import { createLogger } from '../../platform/log/logger';
import type { RegistryActor } from '../../records/registry/registry';
import { MAX_IMPORT_BYTES } from '../../../common/contract';
import { appendLineDurable, storageErrorCode, writeFileAtomic } from '../../platform/storage/atomic-write';
import { readFileSafe } from '../../platform/storage/safe-read';
import { isEmptyDiff, toView } from './inventory-diff';
import { checkImport, type CheckedImport } from './inventory-check';
import { tooLarge } from './inventory-decode';
import { formatProblems, parseInventoryFile } from './inventory-parse';
import type { Camera, Inventory } from './inventory-schema';

const log = createLogger('cameras');

interface Pending {
  fileName: string;
  inventory: Inventory;
  preview: ImportPreview;
}

export type InventoryListener = (
  view: InventoryView,
  change: InventoryChange | null,
  actor: RegistryActor | null,
) => void;

/** What the inventory keeps: the list in force and the history of its changes. */
export interface InventoryRecordStore {
  /** The list in force as last saved (its JSON text, unchecked); null when none was ever saved. */
  readCurrent(): string | null;
  /** A change: its history line first (a change that is not traced must not take effect), then the list. */
  save(change: InventoryChange, current: { source: string; savedAt: string; cameras: Camera[] }): void;
  history(): InventoryChange[];
}

/** The inventory's records as files in the data folder: `inventory.json` and its history in JSON lines. */
export class FileInventoryRecordStore implements InventoryRecordStore {
  private readonly currentFile: string;
  private readonly historyFile: string;

  constructor(dataDir: string) {
    this.currentFile = path.join(dataDir, 'inventory.json');
    this.historyFile = path.join(dataDir, 'inventory-history.jsonl');
  }

  readCurrent(): string | null {
    if (!fs.existsSync(this.currentFile)) return null;
    return fs.readFileSync(this.currentFile, 'utf8');
  }

  save(change: InventoryChange, current: { source: string; savedAt: string; cameras: Camera[] }): void {
    appendLineDurable(this.historyFile, JSON.stringify(change));
    writeFileAtomic(this.currentFile, JSON.stringify(current, null, 2));
  }

  history(): InventoryChange[] {
    if (!fs.existsSync(this.historyFile)) return [];
    return fs
      .readFileSync(this.historyFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as InventoryChange);
  }
}

export class InventoryStore {
  private inventory: Inventory = { demo: false, cameras: [] };
  private source = '';
  private loadedAt = new Date().toISOString();
  private lastError: AppError<InventoryProblem[]> | null = null;
  private readonly pending = new Map<string, Pending>();
  private readonly listeners = new Set<InventoryListener>();

  constructor(
    dataDir: string,
    private readonly demoFile: string,
    private readonly records: InventoryRecordStore = new FileInventoryRecordStore(dataDir),
  ) {}

  /**
   * Start-up: an explicit file, else the stored inventory, else (on a post never set up) the demo
   * cameras. A stored inventory that fails to load leaves the post with no cameras and an error
   * the console shows: never the demo. Without a file, all of it is done when init returns.
   */
  init(camerasFile?: string, demoAllowed = true): Promise<void> {
    const stored = this.readStored();
    if (stored === 'invalid') {
      this.lastError ??= err('stored_inventory_invalid').error;
    } else if (stored) {
      this.inventory = stored.inventory;
      this.source = stored.source;
    }
    if (camerasFile)
      return this.loadFile(camerasFile).then((r) => {
        if (!r.ok) this.lastError = r.error;
        this.logInForce();
      });
    if (stored === null && demoAllowed) {
      const demo = parseInventoryFile(this.demoFile, fs.readFileSync(this.demoFile, 'utf8'));
      if (!demo.ok) throw new Error(`demo inventory invalid: ${formatProblems(demo.problems)}`);
      this.inventory = { ...demo.inventory, demo: true };
      this.source = 'démo';
    }
    this.logInForce();
    return Promise.resolve();
  }

  private logInForce(): void {
    log.info(
      `inventory in force: ${this.inventory.cameras.length} cameras from ${this.source || '—'}${this.inventory.demo ? ' (demo)' : ''}`,
    );
  }

  private readStored(): { inventory: Inventory; source: string } | 'invalid' | null {
    let meta: { source?: unknown; cameras?: unknown } | null;
    try {
      const text = this.records.readCurrent();
      if (text === null) return null;
      meta = JSON.parse(text) as typeof meta;
    } catch (e) {
      log.error('stored inventory unreadable: the post starts with no cameras', e);
      return 'invalid';
    }
    const parsed = parseInventoryFile('inventory.json', JSON.stringify({ cameras: meta?.cameras ?? null }));
    if (!parsed.ok) {
      // Written by an older version with laxer checks (e.g. a control character in an address):
      // refused here, before any stream is spawned from it, and shown to the operator.
      log.error('stored inventory invalid: the post starts with no cameras', formatProblems(parsed.problems));
      this.lastError = err('stored_inventory_invalid', undefined, parsed.problems).error;
      return 'invalid';
    }
    const source = typeof meta?.source === 'string' ? meta.source : 'inventaire enregistré';
    return { inventory: parsed.inventory, source };
  }

  /** `--cameras FILE`: a regular file (a link named on the command line is followed), read within a deadline. */
  async loadFile(file: string): Promise<Result<InventoryView, InventoryProblem[]>> {
    const name = path.basename(file);
    const r = await readFileSafe(file, { maxBytes: MAX_IMPORT_BYTES, followLink: true });
    if (!r.ok && r.problem === 'too_large')
      return this.fail(err('invalid_inventory', { file: name }, [tooLarge()]));
    if (!r.ok) {
      log.warn(`camera file ${file} unreadable: ${r.problem}`);
      return this.fail(err('file_unreadable', { file: name }));
    }
    const prev = this.preview(name, r.bytes);
    if (!prev.ok) return prev;
    return this.apply(prev.value.previewId, file);
  }

  /** Decodes and validates a camera file's bytes, in-line; nothing changes until apply(). */
  preview(fileName: string, bytes: Uint8Array): Result<ImportPreview, InventoryProblem[]> {
    const against = this.inventory;
    return this.previewChecked(fileName, checkImport(fileName, bytes, this.diffBase()), against);
  }

  /** The cameras an import is compared with (none while the demo is in force), and the inventory they are. */
  diffBase(): readonly Camera[] {
    return this.inventory.demo ? [] : this.inventory.cameras;
  }

  inForce(): Inventory {
    return this.inventory;
  }

  /**
   * A preview from an import checked elsewhere (a worker thread, main/cameras/inventory-check.ts)
   * against `against`: if another import took effect meanwhile, its diff is stale and it is refused.
   */
  previewChecked(
    fileName: string,
    checked: CheckedImport,
    against: Inventory,
  ): Result<ImportPreview, InventoryProblem[]> {
    if (!checked.ok) {
      log.warn(`camera file ${fileName} refused:\n${formatProblems(checked.problems)}`);
      return this.fail(err('invalid_inventory', { file: fileName }, checked.problems));
    }
    if (against !== this.inventory) return err('preview_expired');
    const previewId = crypto.randomUUID();
    const preview: ImportPreview = {
      previewId,
      fileName,
      count: checked.inventory.cameras.length,
      diff: checked.diff,
    };
    this.pending.clear(); // only the latest preview can be confirmed
    this.pending.set(previewId, { fileName, inventory: checked.inventory, preview });
    return ok(preview);
  }

  apply(
    previewId: string,
    source?: string,
    actor: RegistryActor | null = null,
  ): Result<InventoryView, InventoryProblem[]> {
    const p = this.pending.get(previewId);
    if (!p) return err('preview_expired');
    this.pending.delete(previewId);
    const at = new Date().toISOString();
    const src = source ?? p.fileName;
    let change: InventoryChange | null = null;
    if (!isEmptyDiff(p.preview.diff) || this.inventory.demo) {
      change = { at, source: src, diff: p.preview.diff };
      try {
        // History first: a change that is not traced must not take effect.
        this.records.save(change, { source: src, savedAt: at, cameras: p.inventory.cameras });
      } catch (e) {
        return this.fail(err(storageErrorCode(e)));
      }
      log.info(
        `inventory changed from ${src}: +${p.preview.diff.added.length} -${p.preview.diff.removed.length} ~${p.preview.diff.changed.length}`,
      );
    }
    this.inventory = { demo: false, cameras: p.inventory.cameras };
    this.source = src;
    this.loadedAt = at;
    this.lastError = null;
    const view = this.view();
    for (const l of this.listeners) l(view, change, actor);
    return ok(view);
  }

  /**
   * A refused file or import: the caller gets the error, and the inventory in force is unchanged.
   * It is not the post's `lastError`, which says what is wrong with the inventory in force (start-up
   * only): an operator's refused file used to greet every console that logged in after it.
   */
  private fail(r: Failure<InventoryProblem[]>): Failure<InventoryProblem[]> {
    log.warn(`inventory not changed: ${r.error.code} ${JSON.stringify(r.error.params ?? {})}`);
    return r;
  }

  history(): InventoryChange[] {
    return this.records.history();
  }

  view(): InventoryView {
    return {
      cameras: this.inventory.cameras.map(toView),
      demo: this.inventory.demo,
      source: this.source,
      loadedAt: this.loadedAt,
      lastError: this.lastError,
    };
  }

  camera(id: number): Camera | undefined {
    return this.inventory.cameras.find((c) => c.id === id);
  }

  cameras(): readonly Camera[] {
    return this.inventory.cameras;
  }

  onChange(l: InventoryListener): () => void {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  }
}
