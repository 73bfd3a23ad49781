import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Area } from '../domain/indicators/indicator.js';
import type { AreaGroup, KoladaKpi } from '../storage/kolada-catalogue.repository.js';

/** The shipped copy of Kolada's catalogue (data/kolada/, see SOURCES.md): "Källa: Kolada". */
const DIR = fileURLToPath(new URL('../../data/kolada/', import.meta.url));

const readCsv = (file: string): Record<string, string>[] =>
  parse(readFileSync(DIR + file, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];

// The files were written by R's write.csv: logicals are TRUE/FALSE and missing text is NA.
const text = (v: string | undefined) => (v === undefined || v === 'NA' ? '' : v);

export function shippedKpis(): KoladaKpi[] {
  return readCsv('kpi_df.csv').map((r) => ({
    id: r.id!,
    title: text(r.title),
    description: text(r.description),
    isDividedByGender: r.is_divided_by_gender === 'TRUE',
    municipalityType: text(r.municipality_type),
    operatingArea: text(r.operating_area),
    auspice: text(r.auspice),
    publPeriod: text(r.publ_period),
    publicationDate: text(r.publication_date),
  }));
}

export function shippedAreas(): Area[] {
  return readCsv('munic.csv').map((r) => ({ code: r.id!, title: r.title!, type: r.type === 'L' ? 'L' : 'K' }));
}

export function shippedGroups(): AreaGroup[] {
  const groups = new Map<string, AreaGroup>();
  for (const r of readCsv('munic_g_members_long.csv')) {
    const id = r.group_id!;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, title: r.group_title!, members: [] }));
    group.members.push(r.member_id!);
  }
  return [...groups.values()];
}
