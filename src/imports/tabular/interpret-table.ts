import { YEAR_MAX, YEAR_MIN, type Area, type Gender, type ValueRow } from '../../domain/indicators/indicator.js';
import type { ImportLookup } from './import-lookup.js';
import { cellAt, cellText, isBlank, type Cell, type ImportErrors, type SheetRow } from './sheet-rows.js';
import { parseSwedishNumber } from './swedish-number.js';

/**
 * Turns rows of cells into value rows: finds the header row, recognises the columns by their
 * Swedish (or English) names, and interprets every data row, collecting every error with its line.
 *
 * Two table shapes are read:
 * - LONG: one value per row, with columns for area, year and value (and optionally indicator,
 *   gender and status) — as Kolada exports and as databases write;
 * - WIDE: one row per area (and optionally gender), one column per year ("Kommun;2012;2013;2014"),
 *   as users build tables in Excel.
 */

type Role = 'indicator' | 'areaCode' | 'areaName' | 'year' | 'gender' | 'value' | 'status';

/** Header names per role after `normaliseHeader` (no case, spaces, punctuation or diacritics). */
const HEADER_NAMES: Record<Role, string[]> = {
  indicator: ['nyckeltal', 'nyckeltalsid', 'nyckeltalid', 'nyckeltalskod', 'kpi', 'kpiid', 'indikator', 'indicator'],
  areaCode: ['kommunkod', 'kod', 'omradeskod', 'regionkod', 'lanskod', 'kommunid', 'municipalityid', 'areacode'],
  areaName: ['kommun', 'kommunnamn', 'omrade', 'region', 'lan', 'municipality', 'area'],
  year: ['ar', 'artal', 'period', 'year'],
  gender: ['kon', 'gender', 'sex'],
  value: ['varde', 'utfall', 'value'],
  status: ['status'],
};

/** The names shown when a column is missing (the forms users most likely write). */
const SHOWN_NAMES = {
  indicator: '"Nyckeltal", "Nyckeltals-id", "KPI" eller "Indikator"',
  area: '"Kommun", "Kommunkod", "Kod", "Område", "Region" eller "Municipality"',
  year: '"År", "Period" eller "Year"',
  value: '"Värde", "Utfall" eller "Value"',
};

const HEADER_SCAN_ROWS = 10;

/** Rows of a note such as "Källa: SCB" under or above a table; skipped, not read as data. */
const NOTE = /^(källa|källor|anm|anmärkning|not|fotnot|kommentar|source|note)\b/i;

export function normaliseHeader(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

interface Layout {
  line: number;
  /** Columns in the header row; a data row with values beyond them is refused. */
  width: number;
  indicator?: number;
  area: number;
  gender?: number;
  status?: number;
  long?: { year: number; value: number };
  wide?: { column: number; year: number }[];
}

type HeaderAnalysis = { ok: true; layout: Layout } | { ok: false; recognised: number; problems: string[] };

function analyseHeader(row: SheetRow, needIndicatorColumn: boolean): HeaderAnalysis {
  const byRole = new Map<Role, { column: number; name: string }[]>();
  const years: { column: number; year: number }[] = [];
  row.cells.forEach((cell, column) => {
    const name = cellText(cell);
    const key = normaliseHeader(name);
    const role = (Object.keys(HEADER_NAMES) as Role[]).find((r) => HEADER_NAMES[r].includes(key));
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), { column, name }]);
    const year = yearOf(cell);
    if (year.ok) years.push({ column, year: year.year });
  });

  const problems: string[] = [];
  for (const [role, columns] of byRole) {
    if (columns.length > 1) {
      problems.push(
        `flera kolumner har samma betydelse: ${columns.map((c) => `"${c.name}"`).join(', ')}. Ta bort eller byt namn på alla utom en.`,
      );
      byRole.set(role, columns.slice(0, 1));
    }
  }
  const column = (role: Role) => byRole.get(role)?.[0]?.column;
  // A code column wins over a name column (Kolada's CSV has both "municipality_id" and "municipality").
  const area = column('areaCode') ?? column('areaName');
  const year = column('year');
  const value = column('value');
  const indicator = column('indicator');
  const isLong = year !== undefined || value !== undefined;

  if (area === undefined) problems.push(`kolumnen för kommun saknas. Skriv ${SHOWN_NAMES.area} i rubrikraden.`);
  if (isLong) {
    if (year === undefined) problems.push(`kolumnen för år saknas. Skriv ${SHOWN_NAMES.year} i rubrikraden.`);
    if (value === undefined) problems.push(`kolumnen för värde saknas. Skriv ${SHOWN_NAMES.value} i rubrikraden.`);
  } else if (years.length === 0) {
    problems.push(
      `kolumnerna för år och värde saknas. Skriv ${SHOWN_NAMES.year} och ${SHOWN_NAMES.value} i rubrikraden ` +
        '– eller en kolumn per år, till exempel "Kommun;2012;2013;2014".',
    );
  }
  if (!isLong) {
    const seenYears = new Set<number>();
    for (const y of years) {
      if (seenYears.has(y.year)) problems.push(`året ${y.year} finns i två kolumner.`);
      seenYears.add(y.year);
    }
  }
  if (needIndicatorColumn && indicator === undefined) {
    problems.push(`kolumnen för nyckeltal saknas. Skriv ${SHOWN_NAMES.indicator} i rubrikraden.`);
  }

  if (problems.length > 0) {
    // Only named columns count: a data row such as "Södertälje;2014;1" must not look like a header.
    return { ok: false, recognised: byRole.size, problems };
  }
  return {
    ok: true,
    layout: {
      line: row.line,
      width: row.cells.length,
      area: area!,
      indicator,
      gender: column('gender'),
      status: column('status'),
      ...(isLong
        ? { long: { year: year!, value: value! } }
        : { wide: years.map((y) => ({ column: y.column, year: y.year })) }),
    },
  };
}

function isNoteRow(row: SheetRow): boolean {
  const filled = row.cells.filter((c) => !isBlank(c));
  return filled.length === 1 && filled[0]!.kind === 'text' && NOTE.test(filled[0]!.text.trim());
}

/**
 * Finds the header among the first rows: a title line ("Andel behöriga lärare 2020") above the
 * table is common. When no row fits, the problems of the row that came closest are reported.
 */
export function findLayout(
  rows: SheetRow[],
  needIndicatorColumn: boolean,
): { ok: true; layout: Layout } | { ok: false; line: number | null; problems: string[] } {
  const candidates = rows.filter((r) => r.cells.some((c) => !isBlank(c))).slice(0, HEADER_SCAN_ROWS);
  let best: { line: number; recognised: number; problems: string[] } | undefined;
  for (const row of candidates) {
    const analysis = analyseHeader(row, needIndicatorColumn);
    if (analysis.ok) return analysis;
    if (!best || analysis.recognised > best.recognised) {
      best = { line: row.line, recognised: analysis.recognised, problems: analysis.problems };
    }
  }
  if (!best) return { ok: false, line: null, problems: ['Filen är tom.'] };
  return { ok: false, line: best.line, problems: best.problems };
}

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

function yearOf(cell: Cell): { ok: true; year: number } | { ok: false } {
  let year: number | undefined;
  if (cell.kind === 'number' && !cell.percent) year = cell.value;
  else if (cell.kind === 'text' && /^\s*\d{4}\s*$/.test(cell.text)) year = Number(cell.text);
  else if (cell.kind === 'date' && isFirstOfJanuary(cell.value)) year = cell.value.getUTCFullYear();
  return year !== undefined && Number.isInteger(year) && year >= YEAR_MIN && year <= YEAR_MAX
    ? { ok: true, year }
    : { ok: false };
}

function isFirstOfJanuary(d: Date): boolean {
  return d.getUTCMonth() === 0 && d.getUTCDate() === 1 && d.getUTCHours() === 0 && d.getUTCMinutes() === 0;
}

function parseYear(cell: Cell): Parsed<number> {
  if (isBlank(cell)) return { ok: false, message: 'året saknas.' };
  const year = yearOf(cell);
  if (year.ok) return { ok: true, value: year.year };
  if (cell.kind === 'date') {
    // Typing 2014 into a date-formatted cell stores 6 July 1905; never guess the year from a date.
    return {
      ok: false,
      message: `året är en datumcell (${cellText(cell)}). Skriv året som ett tal, till exempel 2014.`,
    };
  }
  return { ok: false, message: `året "${cellText(cell)}" är inte ett årtal mellan ${YEAR_MIN} och ${YEAR_MAX}.` };
}

function parseValue(cell: Cell): Parsed<number | null> {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, value: null };
    case 'number':
      // A percent-formatted Excel cell shows 45 % for the stored 0.45; the user means what is shown,
      // as "45 %" typed as text means 45. toPrecision drops the float noise of × 100 (0.145 × 100).
      return { ok: true, value: cell.percent ? Number((cell.value * 100).toPrecision(15)) : cell.value };
    case 'text': {
      const parsed = parseSwedishNumber(cell.text);
      if (parsed.ok) return { ok: true, value: parsed.value };
      return {
        ok: false,
        message:
          `värdet "${cellText(cell)}" är inte ett tal. Skriv till exempel 1234,5 eller 1 234,5 ` +
          '– eller lämna cellen tom om värde saknas.',
      };
    }
    case 'date':
      return { ok: false, message: `värdet är ett datum (${cellText(cell)}), inte ett tal.` };
    case 'error':
      // #N/A ("#SAKNAS!" in Swedish Excel) is Excel's own "no value"; other errors are broken formulas.
      if (cell.code === '#N/A') return { ok: true, value: null };
      return { ok: false, message: `cellen innehåller ett fel från Excel (${cell.code}), inte ett tal.` };
  }
}

const GENDER_WORDS: Record<string, Gender> = {
  '': 'T',
  t: 'T',
  totalt: 'T',
  total: 'T',
  tot: 'T',
  alla: 'T',
  samtliga: 'T',
  badakonen: 'T',
  k: 'K',
  kvinnor: 'K',
  kvinna: 'K',
  flickor: 'K',
  women: 'K',
  woman: 'K',
  female: 'K',
  f: 'K',
  m: 'M',
  man: 'M', // "Män" and "Man" alike once diacritics are gone
  pojkar: 'M',
  men: 'M',
  male: 'M',
};

const GENDER_NAMES: Record<Gender, string> = { T: 'totalt', K: 'kvinnor', M: 'män' };

function parseGender(cell: Cell): Parsed<Gender> {
  const gender = GENDER_WORDS[normaliseHeader(cellText(cell))];
  if (gender) return { ok: true, value: gender };
  return {
    ok: false,
    message: `könet "${cellText(cell)}" känns inte igen. Skriv T (totalt), K (kvinnor) eller M (män).`,
  };
}

function parseArea(cell: Cell, lookup: ImportLookup): Parsed<Area> {
  if (isBlank(cell)) return { ok: false, message: 'kommun saknas.' };
  if (cell.kind === 'number') {
    const area = Number.isInteger(cell.value) ? lookup.areaByCode(String(cell.value)) : undefined;
    return area ? { ok: true, value: area } : { ok: false, message: `kommunkoden "${cellText(cell)}" finns inte.` };
  }
  const text = cellText(cell);
  if (/^\d{1,4}$/.test(text)) {
    const area = lookup.areaByCode(text);
    return area ? { ok: true, value: area } : { ok: false, message: `kommunkoden "${text}" finns inte.` };
  }
  // SCB's tables write the code before the name: "0181 Södertälje", "01 Stockholms län".
  const coded = /^(\d{1,4})\s+(\D.*)$/.exec(text);
  if (coded) {
    const area = lookup.areaByCode(coded[1]!);
    if (!area) return { ok: false, message: `kommunkoden "${coded[1]}" finns inte.` };
    const named = lookup.areaByName(coded[2]!);
    if (named && named.code !== area.code) {
      return {
        ok: false,
        message: `koden och namnet i "${text}" stämmer inte överens (${area.code} är ${area.title}).`,
      };
    }
    return { ok: true, value: area };
  }
  const area = lookup.areaByName(text);
  return area ? { ok: true, value: area } : { ok: false, message: `kommunen "${text}" finns inte.` };
}

function statusOf(cell: Cell): string | null {
  return isBlank(cell) ? null : cellText(cell);
}

/**
 * Interprets the data rows under the header. Every problem is added to `errors`; the returned
 * rows are only meaningful when no error was added.
 */
export function interpretRows(
  rows: SheetRow[],
  layout: Layout,
  lookup: ImportLookup,
  defaultIndicator: { key: string; byGender: boolean } | undefined,
  errors: ImportErrors,
): { rows: ValueRow[]; dataRows: number } {
  const out: ValueRow[] = [];
  const seen = new Map<string, number>();
  let dataRows = 0;

  for (const row of rows) {
    if (row.line <= layout.line || row.cells.every(isBlank) || isNoteRow(row)) continue;
    dataRows++;
    const line = row.line;
    let rowOk = true;
    const fail = (message: string, column?: string) => {
      errors.add(line, message, column);
      rowOk = false;
    };

    if (row.cells.slice(layout.width).some((c) => !isBlank(c))) {
      // In a comma-separated file, "12,5" unquoted becomes two fields: never read it as 12.
      fail(
        'raden har fler fält än rubrikraden. Står det ett tal med decimalkomma i en kommaavgränsad fil? ' +
          'Sätt citattecken runt talet eller använd semikolon som avgränsare. Ta annars bort det som står utanför tabellen.',
      );
    }
    const area = parseArea(cellAt(row, layout.area), lookup);
    if (!area.ok) fail(area.message);

    let indicator = defaultIndicator;
    const indicatorCell = layout.indicator === undefined ? undefined : cellAt(row, layout.indicator);
    if (indicatorCell && !isBlank(indicatorCell)) {
      const text = cellText(indicatorCell);
      const found = lookup.indicator(text);
      if (!found) fail(`nyckeltalet "${text}" finns inte.`);
      else if (defaultIndicator && found.key !== defaultIndicator.key) {
        fail(`nyckeltalet "${text}" är inte det valda nyckeltalet ${defaultIndicator.key}.`);
      } else indicator = found;
    } else if (!indicator) {
      fail('nyckeltal saknas.');
    }

    let gender: Gender = 'T';
    if (layout.gender !== undefined) {
      const parsed = parseGender(cellAt(row, layout.gender));
      if (!parsed.ok) fail(parsed.message);
      else gender = parsed.value;
    }
    if (indicator && gender !== 'T' && !indicator.byGender) {
      fail(`nyckeltalet ${indicator.key} redovisas inte per kön, men raden gäller ${GENDER_NAMES[gender]}.`);
    }
    const status = layout.status === undefined ? null : statusOf(cellAt(row, layout.status));

    const values: { year: number; value: number | null }[] = [];
    if (layout.long) {
      const year = parseYear(cellAt(row, layout.long.year));
      if (!year.ok) fail(year.message);
      const value = parseValue(cellAt(row, layout.long.value));
      if (!value.ok) fail(value.message);
      if (year.ok && value.ok) values.push({ year: year.value, value: value.value });
    } else {
      for (const { column, year } of layout.wide ?? []) {
        const value = parseValue(cellAt(row, column));
        if (!value.ok) fail(value.message, String(year));
        else values.push({ year, value: value.value });
      }
    }

    if (!rowOk || !area.ok || !indicator) continue;
    for (const { year, value } of values) {
      const key = `${indicator.key}\u0000${area.value.code}\u0000${year}\u0000${gender}`;
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.add(
          line,
          `${area.value.title} ${year} (${GENDER_NAMES[gender]}) för ${indicator.key} finns redan på rad ${earlier}.`,
        );
        continue;
      }
      seen.set(key, line);
      out.push({ indicatorKey: indicator.key, areaCode: area.value.code, year, gender, value, status });
    }
  }
  return { rows: out, dataRows };
}
