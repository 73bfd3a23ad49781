import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { GoalIndicator } from '../domain/indicators/goal-indicator.js';
import type { Gender, ValueRow } from '../domain/indicators/indicator.js';
import type { NewIndicator } from '../storage/indicator.repository.js';

/**
 * The real demo values: SCB register statistics compiled for Södertörnsmodellen, 2000–2014
 * (data/sodertornsmodellen/, see data/demo/SOURCES.md). Loaded as our own (local) indicators with
 * their own definitions and source — they are not Kolada values.
 */
const DIR = fileURLToPath(new URL('../../data/sodertornsmodellen/', import.meta.url));
const UPSTREAM = 'github.com/open-numbers/ddf--sodertornsmodellen, commit 30d3fd27dca58d23b8ffe3a5cb67294141783325';
const LICENCE =
  'Källan anger ingen licens (datapaketets licensfält är tomt). Underliggande statistik: SCB:s registerdata, sammanställd för Södertörnskommunernas gemensamma statistikmodell.';

interface DemoSeries {
  definition: NewIndicator;
  /** The DDF indicator name; `_female`/`_male` files give K and M. */
  ddf: string;
  /** Multiplier from the file's unit to ours (shares 0–1 become percent). */
  scale: number;
}

const local = (
  key: string,
  ddf: string,
  fields: Pick<NewIndicator, 'title' | 'definition' | 'unit' | 'decimals' | 'aggregation' | 'weightKey'>,
  scale = 1,
): DemoSeries => ({
  ddf,
  scale,
  definition: {
    key,
    origin: 'local',
    byGender: true,
    source: `Södertörnsmodellen (SCB), ${UPSTREAM}, filerna ddf--datapoints--${ddf}[_female|_male]--by--{municipality,county,country}--year.csv.`,
    licence: LICENCE,
    ...fields,
  },
});

export const DEMO_SERIES: readonly DemoSeries[] = [
  local('sm-befolkning-25-64', 'population_aged_25_64', {
    title: 'Befolkning 25–64 år',
    definition: 'Antal invånare 25–64 år (Södertörnsmodellen, SCB). Vikt för medelvärdet av utbildningsnivån.',
    unit: 'invånare',
    decimals: 0,
    aggregation: 'sum',
    weightKey: null,
  }),
  local('sm-befolkning-20-64', 'population_aged_20_64', {
    title: 'Befolkning 20–64 år',
    definition: 'Antal invånare 20–64 år (Södertörnsmodellen, SCB). Vikt för medelvärdet av sysselsättningsgraden.',
    unit: 'invånare',
    decimals: 0,
    aggregation: 'sum',
    weightKey: null,
  }),
  local('sm-folkmangd', 'population_20xx_12_31', {
    title: 'Folkmängd 31 december',
    definition: 'Antal invånare den 31 december (Södertörnsmodellen, SCB). Riket saknas i källan.',
    unit: 'invånare',
    decimals: 0,
    aggregation: 'sum',
    weightKey: null,
  }),
  local(
    'sm-eftergymnasial-3ar-25-64',
    'post_secondary_education_min_3_years_aged_25_64',
    {
      title: 'Andel 25–64 år med minst tre års eftergymnasial utbildning',
      definition:
        'Andel av invånarna 25–64 år som har minst tre års eftergymnasial utbildning (Södertörnsmodellen, SCB). Källans andel (0–1) visas i procent.',
      unit: 'procent',
      decimals: 1,
      aggregation: 'mean',
      weightKey: 'sm-befolkning-25-64',
    },
    100,
  ),
  local(
    'sm-sysselsattningsgrad-20-64',
    'employment_rate_20_64',
    {
      title: 'Sysselsättningsgrad 20–64 år',
      definition:
        'Andel av invånarna 20–64 år som förvärvsarbetar (Södertörnsmodellen, SCB). Källans andel (0–1) visas i procent.',
      unit: 'procent',
      decimals: 1,
      aggregation: 'mean',
      weightKey: 'sm-befolkning-20-64',
    },
    100,
  ),
];

const GENDER_SUFFIX: Record<Gender, string> = { T: '', K: '_female', M: '_male' };
const LEVELS = ['municipality', 'county', 'country'] as const;

/** `0136_haninge` → 0136; Stockholms län → 0001 (Region Stockholm in Kolada); Sverige → 0000 (Riket). */
function areaCode(level: (typeof LEVELS)[number], key: string): string | null {
  if (level === 'municipality') return key.slice(0, 4);
  if (level === 'county') return key === '01_stockholms_lan' ? '0001' : null;
  return key === 'swe' ? '0000' : null;
}

function readFile(name: string): string[][] | null {
  try {
    return parse(readFileSync(DIR + name, 'utf8'), { from_line: 2 }) as string[][];
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null; // e.g. no population for Riket
    throw error;
  }
}

/** The values of every demo series for the given areas (the members, 0001 and 0000). */
export function demoValueRows(areaCodes: ReadonlySet<string>): ValueRow[] {
  const rows: ValueRow[] = [];
  for (const series of DEMO_SERIES) {
    for (const gender of ['T', 'K', 'M'] as const) {
      for (const level of LEVELS) {
        const file = readFile(`ddf--datapoints--${series.ddf}${GENDER_SUFFIX[gender]}--by--${level}--year.csv`);
        for (const [geo, year, value] of file ?? []) {
          const code = areaCode(level, geo!);
          if (code === null || !areaCodes.has(code)) continue;
          const number = value === undefined || value === '' ? null : Number(value) * series.scale;
          rows.push({
            indicatorKey: series.definition.key,
            areaCode: code,
            year: Number(year),
            gender,
            value: number !== null && Number.isFinite(number) ? number : null,
            status: null,
          });
        }
      }
    }
  }
  return rows;
}

/**
 * The 2013 programme's goal for 2025, "Är utbildningsnivån på Södertörn lika hög som genomsnittet
 * i Sverige", as a target: Södertörn's (population-weighted) share with ≥3 years of post-secondary
 * education at least as high as Riket's by 2025, from the programme's year 2013.
 */
export const DEMO_GOAL_TARGET = {
  programmeSlug: 'sup-2013',
  goalTitle: 'Höj utbildningsnivån på Södertörn',
  indicatorKey: 'sm-eftergymnasial-3ar-25-64',
  link: {
    measure: 'weighted_mean',
    areaCode: null,
    targetKind: 'relative',
    direction: 'higher',
    baseYear: 2013,
    baseValue: null,
    targetYear: 2025,
    targetValue: null,
    comparisonAreaCode: '0000',
    note: 'Programmets Mål 2025: ”Är utbildningsnivån på Södertörn lika hög som genomsnittet i Sverige.” Södertörn mäts som befolkningsviktat medelvärde (alla invånare 25–64 år i de åtta kommunerna).',
    source: 'Södertörns utvecklingsprogram (2013), Mål 2025; se data/demo/SOURCES.md.',
  } satisfies Omit<GoalIndicator, 'id' | 'goalId' | 'indicatorId'>,
};
