/**
 * The contacts list in the CIC's shared PostgreSQL store: one row, read from a copy loaded before
 * the store is handed out and kept live (NOTIFY on each save, everything read again after a lost
 * LISTEN connection). A save is validated as the file store's is; a refused list changes nothing.
 */
import type { ContactsInput, ContactsView } from '../../../common/contract';
import { ok, type Result } from '../../../common/result';
import { Signal } from '../../platform/signal';
import type { PgRecords } from '../../platform/storage/pg-records';
import { EMPTY_CONTACTS, validateContacts, type ContactStore } from './contacts-store';

const TOPIC = 'contacts';
export const CONTACTS_SCHEMA = `CREATE TABLE IF NOT EXISTS vigie_contacts (
  id integer PRIMARY KEY CHECK (id = 1), view jsonb NOT NULL)`;

export class PgContactStore implements ContactStore {
  private current: ContactsView = EMPTY_CONTACTS;
  private readonly changed = new Signal<[ContactsView]>();

  private constructor(private readonly db: PgRecords) {}

  static async open(db: PgRecords): Promise<PgContactStore> {
    const s = new PgContactStore(db);
    await db.follow(TOPIC, () => s.reread());
    return s;
  }

  private async reread(): Promise<void> {
    const r = await this.db.pool.query<{ view: ContactsView }>(
      'SELECT view FROM vigie_contacts WHERE id = 1',
    );
    const view = r.rows[0]?.view;
    // What the database holds is checked as a file would be: only a list this store could write.
    const checked = view && validateContacts({ entries: view.entries, procedure: view.procedure });
    this.current =
      view && checked?.ok
        ? { ...checked.value, updatedAt: view.updatedAt, updatedBy: view.updatedBy }
        : EMPTY_CONTACTS;
    this.changed.emit(this.current);
  }

  get(): ContactsView {
    return this.current;
  }

  async set(input: ContactsInput, by: string): Promise<Result<ContactsView>> {
    const checked = validateContacts(input);
    if (!checked.ok) return checked;
    const next: ContactsView = { ...checked.value, updatedAt: new Date().toISOString(), updatedBy: by };
    await this.db.tx(
      (c) =>
        c.query(
          `INSERT INTO vigie_contacts (id, view) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET view = excluded.view`,
          [JSON.stringify(next)],
        ),
      () => [[TOPIC, '1']],
    );
    this.current = next;
    return ok(next);
  }

  onChange(listener: (view: ContactsView) => void): () => void {
    return this.changed.on(listener);
  }
}
