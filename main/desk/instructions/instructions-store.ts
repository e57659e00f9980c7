/**
 * Every imported version of the common instructions, kept (SQLite `instructions.db` in the data
 * directory, the file's bytes with it). A version is added in one transaction together with its
 * registry entry: either both exist or neither does. The newest version is the current one.
 */
import { createHash } from 'node:crypto';
import { DatabaseSync } from 'node:sqlite';
import type {
  InstructionCategory,
  InstructionsContent,
  InstructionsFormat,
  InstructionsVersionView,
  InstructionsView,
} from '../../../common/contract';
import { transaction } from '../../platform/storage/sqlite-transaction';
import { openDurableDb } from '../../platform/storage/durable-db';

export const INSTRUCTIONS_FILE = 'instructions.db';
const META =
  'SELECT version, file_name, format, sha256, imported_at, imported_by, categories FROM instructions';

interface MetaRow {
  version: number;
  file_name: string;
  format: InstructionsFormat;
  sha256: string;
  imported_at: string;
  imported_by: string;
  categories: string;
}

const view = (r: MetaRow): InstructionsVersionView => ({
  version: r.version,
  fileName: r.file_name,
  format: r.format,
  sha256: r.sha256,
  importedAt: r.imported_at,
  importedBy: r.imported_by,
  categories: JSON.parse(r.categories) as InstructionCategory[],
});

export interface NewVersion {
  fileName: string;
  format: InstructionsFormat;
  bytes: Buffer;
  importedBy: string;
  categories: InstructionCategory[];
}

/** Where the instructions' versions are kept (SQLite today). */
export interface InstructionStore {
  view(): InstructionsView;
  /** The current version's category labels (none before the first import). */
  categories(): string[];
  read(version: number): { version: InstructionsVersionView; content: InstructionsContent } | null;
  /** Adds the next version; `record` runs inside the transaction (the registry entry) and may throw. */
  add(v: NewVersion, record: (added: InstructionsVersionView) => void): InstructionsVersionView;
  close(): void;
}

export class SqliteInstructionStore implements InstructionStore {
  private readonly db: DatabaseSync;

  constructor(dataDir: string) {
    this.db = openDurableDb(
      dataDir,
      INSTRUCTIONS_FILE,
      `
      CREATE TABLE IF NOT EXISTS instructions (
        version INTEGER PRIMARY KEY, file_name TEXT NOT NULL, format TEXT NOT NULL, sha256 TEXT NOT NULL,
        imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, categories TEXT NOT NULL, content BLOB NOT NULL);
    `,
    );
  }

  view(): InstructionsView {
    const versions = (this.db.prepare(`${META} ORDER BY version DESC`).all() as unknown as MetaRow[]).map(
      view,
    );
    return { current: versions[0] ?? null, versions };
  }

  /** The current version's category labels (none before the first import). */
  categories(): string[] {
    return this.view().current?.categories.map((c) => c.label) ?? [];
  }

  read(version: number): { version: InstructionsVersionView; content: InstructionsContent } | null {
    const row = this.db
      .prepare(`${META.replace(' FROM', ', content FROM')} WHERE version = ?`)
      .get(version) as unknown as (MetaRow & { content: Uint8Array }) | undefined;
    if (!row) return null;
    const bytes = Buffer.from(row.content);
    const content: InstructionsContent =
      row.format === 'pdf'
        ? { format: 'pdf', base64: bytes.toString('base64') }
        : { format: 'markdown', text: bytes.toString('utf8') };
    return { version: view(row), content };
  }

  /** Adds the next version; `record` runs inside the transaction (the registry entry) and may throw. */
  add(v: NewVersion, record: (added: InstructionsVersionView) => void): InstructionsVersionView {
    return transaction(this.db, () => {
      const last = this.db.prepare('SELECT MAX(version) AS v FROM instructions').get() as {
        v: number | null;
      };
      const added: InstructionsVersionView = {
        version: (last.v ?? 0) + 1,
        fileName: v.fileName,
        format: v.format,
        sha256: createHash('sha256').update(v.bytes).digest('hex'),
        importedAt: new Date().toISOString(),
        importedBy: v.importedBy,
        categories: v.categories,
      };
      this.db
        .prepare('INSERT INTO instructions VALUES (?,?,?,?,?,?,?,?)')
        .run(
          added.version,
          added.fileName,
          added.format,
          added.sha256,
          added.importedAt,
          added.importedBy,
          JSON.stringify(added.categories),
          v.bytes,
        );
      record(added);
      return added;
    });
  }

  close(): void {
    this.db.close();
  }
}
