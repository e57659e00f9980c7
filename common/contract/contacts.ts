/** The CSU and CIC contacts, and the CIC's procedure for an urgent event; edited by the head of service. */
import { channel, event } from './spec';

export const MAX_CONTACTS = 40;
export const MAX_PHONE_CHARS = 20;
export const MAX_PROCEDURE_CHARS = 4000;

export const CONTACT_SITES = ['csu', 'cic'] as const;
export type ContactSite = (typeof CONTACT_SITES)[number];

export interface ContactEntry {
  site: ContactSite;
  label: string;
  number: string;
  notes: string;
}

export interface ContactsInput {
  entries: ContactEntry[];
  /** The CIC's own procedure for an urgent event, shown with the 17 reminder on an urgent report. */
  procedure: string;
}

export interface ContactsView extends ContactsInput {
  updatedAt: string | null;
  updatedBy: string | null;
}

/** Police-secours: shown always, never editable. */
export const POLICE_SECOURS = '17';

export const contactsChannels = {
  'contacts:get': channel<undefined, ContactsView>(),
  'contacts:set': channel<ContactsInput, ContactsView>(),
};

export const contactsEvents = {
  'contacts:changed': event<ContactsView>(),
};
