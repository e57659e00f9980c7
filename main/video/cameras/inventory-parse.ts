/** Parses camera files (JSON or the annex's CSV) into a validated inventory, or precise problems. */
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import {
  cameraSchema,
  inventorySchema,
  type Camera,
  type Inventory,
  type InventoryProblem,
} from './inventory-schema';

export type ParseOutcome = { ok: true; inventory: Inventory } | { ok: false; problems: InventoryProblem[] };

const FIELD_LABELS: Record<string, string> = {
  id: 'numéro (id)',
  name: 'nom',
  site: 'site',
  zone: 'zone',
  'streams.main': 'flux principal',
  'streams.sub': 'sous-flux',
  ptz: 'PTZ',
  credentialsRef: 'référence d’identifiants',
  lat: 'latitude',
  lon: 'longitude',
};

const URL_MESSAGES: Record<string, string> = {
  url_control: 'adresse invalide : caractère de contrôle interdit',
  url_invalid: 'adresse illisible (forme attendue : rtsp://hôte/chemin)',
  url_host: 'adresse sans hôte',
};

/** The text rule's refusals (main/ipc/shapes.ts). */
const TEXT_MESSAGES: Record<string, string> = {
  text_control: 'caractère de contrôle interdit',
  text_ill_formed: 'texte mal formé (caractère Unicode incomplet)',
  text_bidi: 'caractère d’inversion du sens d’écriture interdit',
};

function describeIssue(issue: z.core.$ZodIssue): { code: string; message: string } {
  const ptz = issue.path[0] === 'ptz';
  if (issue.message === 'url_scheme')
    return {
      code: 'url_scheme',
      message: ptz
        ? 'adresse PTZ invalide (http:// ou https:// attendu)'
        : 'adresse de flux invalide (rtsp:// ou rtsps:// attendu)',
    };
  const url = URL_MESSAGES[issue.message];
  if (url) return { code: issue.message, message: url };
  const text = TEXT_MESSAGES[issue.message];
  if (text) return { code: issue.message, message: text };
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { code: 'required', message: 'champ obligatoire manquant' }
        : { code: 'invalid_type', message: `type incorrect (${issue.expected} attendu)` };
    case 'too_small':
      return { code: 'too_small', message: 'valeur vide ou trop petite' };
    case 'too_big':
      return { code: 'too_big', message: 'valeur trop grande' };
    case 'unrecognized_keys':
      return { code: 'unknown_field', message: `champ inconnu : ${issue.keys.join(', ')}` };
    case 'invalid_union':
      return { code: 'invalid', message: 'configuration PTZ invalide (type onvif ou pelco-d)' };
    default:
      return { code: 'invalid', message: 'valeur invalide' };
  }
}

function validateCameras(
  rows: { value: unknown; line?: number; entry?: number }[],
  demo: boolean,
): ParseOutcome {
  const problems: InventoryProblem[] = [];
  const cameras: Camera[] = [];
  const seen = new Map<number, number>();
  for (const row of rows) {
    const where = {
      ...(row.line !== undefined && { line: row.line }),
      ...(row.entry !== undefined && { entry: row.entry }),
    };
    const parsed = cameraSchema.safeParse(row.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join('.') || '(entrée)';
        const rawId = (row.value as { id?: unknown } | null)?.id;
        problems.push({
          ...where,
          ...(typeof rawId === 'number' && { cameraId: rawId }),
          field,
          ...describeIssue(issue),
        });
      }
      continue;
    }
    const cam = parsed.data;
    const first = seen.get(cam.id);
    if (first !== undefined) {
      problems.push({
        ...where,
        cameraId: cam.id,
        field: 'id',
        code: 'duplicate_id',
        message: `numéro ${cam.id} déjà utilisé (entrée ${first})`,
      });
      continue;
    }
    seen.set(cam.id, row.line ?? row.entry ?? 0);
    cameras.push(cam);
  }
  if (problems.length === 0 && cameras.length === 0) {
    problems.push({ field: 'cameras', code: 'empty', message: 'le fichier ne contient aucune caméra' });
  }
  return problems.length ? { ok: false, problems } : { ok: true, inventory: { demo, cameras } };
}

export function parseJsonInventory(raw: string): ParseOutcome {
  const text = raw.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(String(e));
    const line = m ? text.slice(0, Number(m[1])).split('\n').length : undefined;
    return {
      ok: false,
      problems: [
        {
          ...(line && { line }),
          field: '(fichier)',
          code: 'json_syntax',
          message: 'JSON illisible (erreur de syntaxe)',
        },
      ],
    };
  }
  const top = inventorySchema.safeParse(data);
  if (!top.success) {
    return {
      ok: false,
      problems: [{ field: 'cameras', code: 'json_shape', message: 'format attendu : { "cameras": [ … ] }' }],
    };
  }
  return validateCameras(
    top.data.cameras.map((value, i) => ({ value, entry: i + 1 })),
    top.data.demo ?? false,
  );
}

/** The separator is the header's most frequent of `;` (French Excel), `,` and tab. */
function delimiterOf(text: string): string {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string): number => header.split(c).length - 1;
  return [';', ',', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

type CsvRows =
  { ok: true; rows: { cells: string[]; line: number }[] } | { ok: false; problem: InventoryProblem };

/** RFC 4180 through csv-parse: quoted cells, doubled quotes, line breaks in cells, BOM. */
export function splitCsv(text: string): CsvRows {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: delimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as typeof records; // with `info`, each record comes as { record, info }
  } catch (e) {
    const line = e instanceof CsvError ? (e as CsvError & { lines?: number }).lines : undefined;
    return {
      ok: false,
      problem: {
        ...(line && { line }),
        field: '(fichier)',
        code: 'csv_syntax',
        message: 'CSV illisible (guillemets mal fermés ou mal placés)',
      },
    };
  }
  return {
    ok: true,
    // info.lines is where a record ends; a quoted cell may span several lines.
    rows: records.map(({ record, info }) => ({
      cells: record,
      line: info.lines - (record.join('').match(/\n/g)?.length ?? 0),
    })),
  };
}

const CSV_COLUMNS = [
  'id',
  'name',
  'site',
  'zone',
  'main',
  'sub',
  'ptz_type',
  'ptz_url',
  'ptz_port',
  'ptz_address',
  'credentialsRef',
  'lat',
  'lon',
] as const;

function num(v: string): number | string {
  const t = v.trim().replace(',', '.');
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : v;
}

const headerProblem = (field: string, code: string, message: string): ParseOutcome => ({
  ok: false,
  problems: [{ line: 1, field, code, message }],
});

export function parseCsvInventory(text: string): ParseOutcome {
  const split = splitCsv(text);
  if (!split.ok) return { ok: false, problems: [split.problem] };
  const [first, ...rows] = split.rows;
  const header = (first?.cells ?? []).map((h) => h.trim());
  const missing = ['id', 'name', 'site', 'main'].filter((c) => !header.includes(c));
  if (missing.length) {
    return headerProblem(
      missing.join(', '),
      'csv_header',
      `colonnes obligatoires absentes de l’en-tête : ${missing.join(', ')} (attendu : ${CSV_COLUMNS.join(';')})`,
    );
  }
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  if (unknown.length)
    return headerProblem(unknown.join(', '), 'unknown_field', `colonnes inconnues : ${unknown.join(', ')}`);
  const twice = [...new Set(header.filter((h, i) => h && header.indexOf(h) !== i))];
  if (twice.length) {
    return headerProblem(twice.join(', '), 'csv_duplicate_column', `colonne en double : ${twice.join(', ')}`);
  }
  const items: { value: unknown; line: number }[] = [];
  const problems: InventoryProblem[] = [];
  for (const { cells, line } of rows) {
    if (cells.every((c) => c.trim() === '')) continue;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim() !== '')) {
      problems.push({
        line,
        field: '(ligne)',
        code: 'csv_columns',
        message: `${cells.length} cellules pour ${header.length} colonnes`,
      });
      continue;
    }
    const get = (c: string): string => (cells[header.indexOf(c)] ?? '').trim();
    const value: Record<string, unknown> = {
      id: num(get('id')),
      name: get('name'),
      site: get('site'),
      zone: get('zone'),
      streams: { main: get('main'), ...(get('sub') && { sub: get('sub') }) },
    };
    const ptzType = get('ptz_type');
    if (ptzType === 'onvif') value.ptz = { type: 'onvif', url: get('ptz_url') };
    else if (ptzType) value.ptz = { type: ptzType, port: get('ptz_port'), address: num(get('ptz_address')) };
    if (get('credentialsRef')) value.credentialsRef = get('credentialsRef');
    if (get('lat')) value.lat = num(get('lat'));
    if (get('lon')) value.lon = num(get('lon'));
    if (value.name === '') delete value.name;
    if (value.site === '') delete value.site;
    if (get('id') === '') delete value.id;
    items.push({ value, line });
  }
  const outcome = validateCameras(items, false);
  return problems.length
    ? { ok: false, problems: [...problems, ...(outcome.ok ? [] : outcome.problems)] }
    : outcome;
}

export function parseInventoryFile(fileName: string, raw: string): ParseOutcome {
  const text = raw.replace(/^\uFEFF/, '');
  const looksJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
  return looksJson ? parseJsonInventory(text) : parseCsvInventory(text);
}

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field;
}

/** One line per problem, in French, naming the line/entry and the field. */
export function formatProblems(problems: InventoryProblem[]): string {
  return problems
    .slice(0, 20)
    .map((p) => {
      const where =
        p.line !== undefined ? `ligne ${p.line}` : p.entry !== undefined ? `entrée ${p.entry}` : 'fichier';
      const cam = p.cameraId !== undefined ? ` (caméra ${p.cameraId})` : '';
      return `${where}${cam}, champ « ${fieldLabel(p.field)} » : ${p.message}`;
    })
    .join('\n');
}
