/** The common instructions (Markdown or PDF, versioned), imported by the head of service. */
import { channel, event } from './spec';

/** An instructions file, before base64: well under the 8 MiB socket limit once encoded. */
export const MAX_INSTRUCTIONS_BYTES = 4 * 1024 * 1024;
export const MAX_CATEGORIES = 100;
export const MAX_CATEGORY_CHARS = 120;

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

/** One version and what it holds. */
export interface InstructionsRead {
  version: InstructionsVersionView;
  content: InstructionsContent;
}

export interface InstructionsImportInput {
  fileName: string;
  contentBase64: string;
  /** PDF only: the categories typed in the import form; none: the PDF's outline gives them. */
  categories?: string[];
}

export const instructionsChannels = {
  'instructions:get': channel<undefined, InstructionsView>(),
  'instructions:read': channel<{ version: number }, InstructionsRead>(),
  'instructions:import': channel<InstructionsImportInput, InstructionsView>(),
};

export const instructionsEvents = {
  'instructions:changed': event<InstructionsView>(),
};
