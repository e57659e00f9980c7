import type { ContactsInput, ContactsView } from '../../../common/contract';
import { rpc } from '../../api/bridge';
import type { ConsoleSlice } from '../../console/console-store';

/** The CSU's and the CIC's numbers and the CIC's procedure (issue 12). */
export interface ContactsSlice {
  contacts: ContactsView | null;
  applyContacts(v: ContactsView): void;
  loadContacts(): Promise<void>;
  saveContacts(input: ContactsInput): Promise<boolean>;
  resetContacts(): void;
}

export const createContactsSlice: ConsoleSlice<ContactsSlice> = (set, get) => ({
  contacts: null,
  applyContacts: (contacts) => set({ contacts }),
  loadContacts: async () => {
    const v = get().unwrap(await rpc.contacts.get());
    if (v) set({ contacts: v });
  },
  saveContacts: async (input) => {
    const v = get().unwrap(await rpc.contacts.set(input));
    if (v) set({ contacts: v, error: null });
    return v !== null;
  },
  resetContacts: () => set({ contacts: null }),
});
