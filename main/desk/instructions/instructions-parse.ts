/**
 * Reads an imported instructions file, or says precisely why not. Markdown: UTF-8, every `## `
 * heading is a category and the list items and paragraphs under it are its instructions. PDF:
 * the magic, a real parse (pdfjs-dist), and categories from the import form or else the outline.
 */
import MarkdownIt from 'markdown-it';
import {
  MAX_CATEGORIES,
  MAX_CATEGORY_CHARS,
  MAX_INSTRUCTIONS_BYTES,
  type InstructionCategory,
  type InstructionsFormat,
} from '../../../common/contract';
import type { ErrorReason } from '../../../common/errors';
import { textProblem, visibleText } from '../../../common/text';
import { readPdf } from './pdf-read';

export type InstructionsProblem = {
  reason: ErrorReason<'instructions_invalid'>;
  params?: Record<string, string | number>;
};
export type Parsed =
  | { ok: true; format: InstructionsFormat; categories: InstructionCategory[] }
  | { ok: false; problem: InstructionsProblem };

const fail = (reason: InstructionsProblem['reason'], params?: InstructionsProblem['params']): Parsed => ({
  ok: false,
  problem: { reason, ...(params && { params }) },
});

export function formatOf(fileName: string): InstructionsFormat | null {
  const ext = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  if (ext === 'pdf') return 'pdf';
  return null;
}

/** Labels once each, trimmed, bounded, under the text rule; the first problem found is the one told. */
export function checkCategories(labels: string[]): InstructionsProblem | null {
  if (labels.length === 0) return { reason: 'no_category' };
  if (labels.length > MAX_CATEGORIES)
    return { reason: 'too_many_categories', params: { max: MAX_CATEGORIES } };
  const seen = new Set<string>();
  for (const label of labels) {
    const text = textProblem(label);
    if (text) return { reason: 'category_text', params: { label: visibleText(label.slice(0, 40)), text } };
    if (label.length > MAX_CATEGORY_CHARS)
      return { reason: 'category_too_long', params: { label: label.slice(0, 40), max: MAX_CATEGORY_CHARS } };
    const key = label.toLocaleLowerCase('fr');
    if (seen.has(key)) return { reason: 'duplicate_category', params: { label } };
    seen.add(key);
  }
  return null;
}

const md = new MarkdownIt({ html: false, linkify: false });
const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

export function parseMarkdown(text: string): Parsed {
  const tokens = md.parse(text, {});
  const categories: InstructionCategory[] = [];
  let current: InstructionCategory | null = null;
  let inHeading: 'h2' | 'other' | null = null;
  let depth = 0; // list nesting: only an item's own paragraph is an instruction
  for (const t of tokens) {
    if (t.type === 'heading_open') inHeading = t.tag === 'h2' ? 'h2' : 'other';
    else if (t.type === 'heading_close') inHeading = null;
    else if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') depth++;
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') depth--;
    else if (t.type === 'inline') {
      if (inHeading === 'h2') {
        current = { label: clean(t.content), items: [] };
        categories.push(current);
      } else if (inHeading === null && current && depth <= 1 && clean(t.content))
        current.items.push(clean(t.content));
    }
  }
  const labels = categories.map((c) => c.label).filter((l) => l.length > 0);
  if (labels.length < categories.length) return fail('no_category');
  const problem = checkCategories(labels);
  return problem ? { ok: false, problem } : { ok: true, format: 'markdown', categories };
}

/** What main checks before handing a file to the parse (no parse runs for these). */
export function precheck(fileName: string, bytes: Buffer): InstructionsProblem | InstructionsFormat {
  if (bytes.length > MAX_INSTRUCTIONS_BYTES)
    return { reason: 'too_large', params: { max: MAX_INSTRUCTIONS_BYTES / (1024 * 1024) } };
  if (bytes.length === 0) return { reason: 'empty' };
  return formatOf(fileName) ?? { reason: 'format' };
}

/**
 * The file's bytes, whatever they claim to be. On a post this runs in a worker thread with a
 * deadline (main/jobs: `instructions.parse`), the Markdown as much as the PDF: a crafted file of
 * either kind must not stall the video.
 */
export async function parseInstructions(
  fileName: string,
  bytes: Buffer,
  formCategories: string[] | undefined,
): Promise<Parsed> {
  const format = precheck(fileName, bytes);
  if (typeof format !== 'string') return { ok: false, problem: format };
  if (format === 'markdown') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    } catch {
      return fail('encoding');
    }
    // Line endings are the file's, not its text: CRLF, CR, form and vertical feeds end lines.
    if (textProblem(text.replace(/\r\n?|[\f\v]/g, '\n'), { multiline: true })) return fail('encoding');
    return parseMarkdown(text);
  }
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-') return fail('not_pdf');
  const pdf = await readPdf(bytes);
  if (!pdf) return fail('pdf_unreadable');
  const typed = (formCategories ?? []).map(clean).filter((l) => l.length > 0);
  const labels = typed.length > 0 ? typed : pdf.outline.map(clean).filter((l) => l.length > 0);
  const problem = checkCategories(labels);
  if (problem) return { ok: false, problem };
  return { ok: true, format: 'pdf', categories: labels.map((label) => ({ label, items: [] })) };
}

/** The instructions' job by name: the post's table (main/app/post-jobs.ts) holds it. */
export const INSTRUCTIONS_JOBS = {
  'instructions.parse': {
    run: (p: { fileName: string; bytes: Uint8Array; categories?: string[] }) =>
      parseInstructions(p.fileName, Buffer.from(p.bytes), p.categories),
  },
};
export type InstructionsJobTable = typeof INSTRUCTIONS_JOBS;
