/**
 * The CSU's and the CIC's phone numbers and the CIC's procedure for urgent events, edited by the
 * head of service (`contacts.json` in the data directory, written atomically). A number is digits,
 * spaces and a leading +; a refused list changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CONTACT_SITES,
  MAX_CONTACTS,
  MAX_PHONE_CHARS,
  MAX_PROCEDURE_CHARS,
  type ContactsInput,
  type ContactsView,
} from '../../../common/contract';
import { err, ok, type Result } from '../../../common/result';
import { textProblem } from '../../../common/text';
import type { Awaitable } from '../../platform/storage/awaitable';
import { writeFileAtomic } from '../../platform/storage/atomic-write';
import { createLogger } from '../../platform/log/logger';

const log = createLogger('contacts');
export const CONTACTS_FILE = 'contacts.json';
export const MAX_LABEL_CHARS = 80;
export const MAX_NOTES_CHARS = 200;
export const EMPTY_CONTACTS: ContactsView = { entries: [], procedure: '', updatedAt: null, updatedBy: null };

/** The contacts as they will be kept (trimmed), or the first line that is wrong (1-based). */
export function validateContacts(input: ContactsInput): Result<ContactsInput> {
  if (input.entries.length > MAX_CONTACTS)
    return err('contacts_invalid', { reason: 'label', max: MAX_CONTACTS });
  const entries: ContactsInput['entries'] = [];
  for (const [i, e] of input.entries.entries()) {
    const line = i + 1;
    const label = e.label.trim();
    const number = e.number.trim().replace(/\s+/g, ' ');
    const notes = e.notes.trim();
    if (!CONTACT_SITES.includes(e.site) || !label || label.length > MAX_LABEL_CHARS || textProblem(label))
      return err('contacts_invalid', { reason: 'label', line, max: MAX_LABEL_CHARS });
    const digits = number.replace(/\D/g, '').length;
    if (!/^\+?[0-9 ]+$/.test(number) || digits < 2 || number.length > MAX_PHONE_CHARS)
      return err('contacts_invalid', { reason: 'number', line, max: MAX_PHONE_CHARS });
    if (notes.length > MAX_NOTES_CHARS || textProblem(notes))
      return err('contacts_invalid', { reason: 'notes', line, max: MAX_NOTES_CHARS });
    entries.push({ site: e.site, label, number, notes });
  }
  const procedure = input.procedure.trim();
  if (procedure.length > MAX_PROCEDURE_CHARS || textProblem(procedure, { multiline: true }))
    return err('contacts_invalid', { reason: 'procedure', max: MAX_PROCEDURE_CHARS });
  return ok({ entries, procedure });
}

/**
 * Where the contacts list is kept: a JSON file in the post's folder, or the CIC's shared
 * PostgreSQL (pg-contacts-store.ts), read from a copy kept live by LISTEN/NOTIFY; its writes
 * answer with a promise.
 */
export interface ContactStore {
  get(): ContactsView;
  /** Validates and writes; throws (or rejects) only on a storage failure (the previous list stays). */
  set(input: ContactsInput, by: string): Awaitable<Result<ContactsView>>;
  /** Another post saved the list (shared store only). */
  onChange?(listener: (view: ContactsView) => void): () => void;
}

export class FileContactStore implements ContactStore {
  private readonly file: string;
  private current: ContactsView;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, CONTACTS_FILE);
    this.current = this.load();
  }

  /** A file that is not what this store wrote is reported and the list starts empty (17 stays shown). */
  private load(): ContactsView {
    if (!fs.existsSync(this.file)) return EMPTY_CONTACTS;
    try {
      const raw = JSON.parse(fs.readFileSync(this.file, 'utf8')) as ContactsView;
      const checked = validateContacts({ entries: raw.entries, procedure: raw.procedure });
      if (!checked.ok) throw new Error(checked.error.code);
      return {
        ...checked.value,
        updatedAt: typeof raw.updatedAt === 'string' ? raw.updatedAt : null,
        updatedBy: typeof raw.updatedBy === 'string' ? raw.updatedBy : null,
      };
    } catch (e) {
      log.error(
        `${CONTACTS_FILE} unreadable: the contacts start empty until the head of service saves them`,
        e,
      );
      return EMPTY_CONTACTS;
    }
  }

  get(): ContactsView {
    return this.current;
  }

  /** Validates and writes; throws only on a storage failure (the previous list stays). */
  set(input: ContactsInput, by: string): Result<ContactsView> {
    const checked = validateContacts(input);
    if (!checked.ok) return checked;
    const next: ContactsView = { ...checked.value, updatedAt: new Date().toISOString(), updatedBy: by };
    writeFileAtomic(this.file, JSON.stringify(next, null, 2));
    this.current = next;
    return ok(next);
  }
}
