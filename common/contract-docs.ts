/**
 * The head of service's shared documents (issue 12): the common instructions (Markdown or PDF,
 * versioned), the incident reports ("signalements") whose categories they feed, and the CSU/CIC
 * contacts. Pure TypeScript, hooked into common/contract.ts. Main validates everything.
 */

/** An instructions file, before base64: well under the 8 MiB socket limit once encoded. */
export const MAX_INSTRUCTIONS_BYTES = 4 * 1024 * 1024;
export const MAX_CATEGORIES = 100;
export const MAX_CATEGORY_CHARS = 120;
export const MAX_DESCRIPTION_CHARS = 2000;
export const MAX_CONTACTS = 40;
export const MAX_PHONE_CHARS = 20;
export const MAX_PROCEDURE_CHARS = 4000;

export type InstructionsFormat = 'markdown' | 'pdf';

/** One category and, for Markdown, the instructions listed under it (raw Markdown inline text). */
export interface InstructionCategory {
  label: string;
  items: string[];
}

export interface InstructionsVersionView {
  version: number;
  fileName: string;
  format: InstructionsFormat;
  sha256: string;
  /** ISO. */
  importedAt: string;
  importedBy: string;
  categories: InstructionCategory[];
}

export interface InstructionsView {
  current: InstructionsVersionView | null;
  /** Every version kept, newest first. */
  versions: InstructionsVersionView[];
}

/** One version's text (Markdown, rendered by the renderer) or bytes (PDF, drawn by pdfjs-dist). */
export type InstructionsContent = { format: 'markdown'; text: string } | { format: 'pdf'; base64: string };

export interface InstructionsImportInput {
  fileName: string;
  contentBase64: string;
  /** PDF only: the categories typed in the import form; none: the PDF's outline gives them. */
  categories?: string[];
}

export const URGENCIES = ['normal', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];

export interface IncidentInput {
  category: string;
  cameras: number[];
  /** ISO time of the event (now by default, editable). */
  occurredAt: string;
  description: string;
  urgency: Urgency;
}

export interface IncidentView extends IncidentInput {
  id: number;
  /** ISO time it was filed. */
  reportedAt: string;
  reporter: { login: string; name: string; rank: string; service: string };
}

export interface IncidentFilter {
  category?: string;
  cameraId?: number;
  urgency?: Urgency;
  /** AAAA-MM-JJ, on the event's time. */
  from?: string;
  to?: string;
}

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

export interface DocsRequestMap {
  'instructions:get': undefined;
  'instructions:read': { version: number };
  'instructions:import': InstructionsImportInput;
  'incidents:report': IncidentInput;
  'incidents:list': IncidentFilter;
  'contacts:get': undefined;
  'contacts:set': ContactsInput;
}

export interface DocsResponseMap {
  'instructions:get': InstructionsView;
  'instructions:read': { version: InstructionsVersionView; content: InstructionsContent };
  'instructions:import': InstructionsView;
  'incidents:report': IncidentView;
  'incidents:list': IncidentView[];
  'contacts:get': ContactsView;
  'contacts:set': ContactsView;
}

export const DOCS_CHANNELS: { [C in keyof DocsRequestMap]: true } = {
  'instructions:get': true,
  'instructions:read': true,
  'instructions:import': true,
  'incidents:report': true,
  'incidents:list': true,
  'contacts:get': true,
  'contacts:set': true,
};

export interface DocsEventMap {
  'instructions:changed': InstructionsView;
  'incidents:added': IncidentView;
  'contacts:changed': ContactsView;
}

export const DOCS_EVENTS: { [E in keyof DocsEventMap]: true } = {
  'instructions:changed': true,
  'incidents:added': true,
  'contacts:changed': true,
};
