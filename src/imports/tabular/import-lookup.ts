import { NATION_CODE, type Area } from '../../domain/indicators/indicator.js';

/** What an import needs to know about areas and indicators to turn a file's cells into `ValueRow`s. */
export interface ImportLookup {
  /** `'0136'`; a code that lost its leading zeros (`'136'`, as Excel does with numbers) is padded to four digits. */
  areaByCode(code: string): Area | undefined;
  /** The forms users write: "Södertälje", "Södertälje kommun", "Stockholms stad", "Stockholms län", "Riket", "Sverige". */
  areaByName(name: string): Area | undefined;
  /** Case-insensitive; returns the indicator's key as stored (e.g. `N00945` for `n00945`). */
  indicator(key: string): { key: string; byGender: boolean } | undefined;
}

/** Names of the nation besides Kolada's "Riket". */
const NATION_NAMES = [
  'riket',
  'hela riket',
  'sverige',
  'hela sverige',
  'hela landet',
  'landet',
  'sweden',
  'riket totalt',
];

/**
 * County names as SCB and Länsstyrelsen write them, by Kolada's region code; Kolada's titles are the
 * regions' own names ("Region Sörmland", "Västra Götalandsregionen"), users often write the county.
 */
const COUNTY_NAMES: Record<string, string> = {
  '0001': 'Stockholms län',
  '0003': 'Uppsala län',
  '0004': 'Södermanlands län',
  '0005': 'Östergötlands län',
  '0006': 'Jönköpings län',
  '0007': 'Kronobergs län',
  '0008': 'Kalmar län',
  '0009': 'Gotlands län',
  '0010': 'Blekinge län',
  '0012': 'Skåne län',
  '0013': 'Hallands län',
  '0014': 'Västra Götalands län',
  '0017': 'Värmlands län',
  '0018': 'Örebro län',
  '0019': 'Västmanlands län',
  '0020': 'Dalarnas län',
  '0021': 'Gävleborgs län',
  '0022': 'Västernorrlands län',
  '0023': 'Jämtlands län',
  '0024': 'Västerbottens län',
  '0025': 'Norrbottens län',
};

/** Suffixes of a municipality's official name ("Södertälje kommun", "Malmö stad"), tried after the exact name. */
const MUNICIPALITY_SUFFIXES = [' kommun', ' stad', ' municipality'];

/**
 * The key names are compared by: Unicode NFC (a file from a Mac may hold "ö" as o + combining
 * diaeresis), lower case, one space for any run of white space, and hyphens and dashes as spaces
 * ("Upplands-Bro" = "Upplands Bro"). Diacritics are kept: Håbo and Habo are different municipalities.
 */
export function normaliseAreaName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('sv')
    .replace(/[-\u2010-\u2015\u2212]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Pads a code of one to four digits to Kolada's four; undefined for anything else. */
export function padAreaCode(code: string): string | undefined {
  const c = code.trim();
  return /^\d{1,4}$/.test(c) ? c.padStart(4, '0') : undefined;
}

export function createImportLookup(areas: Area[], indicators: { key: string; byGender: boolean }[]): ImportLookup {
  const byCode = new Map(areas.map((a) => [a.code, a]));

  // Kolada's own titles win over every derived form; a derived form that would name two areas is dropped.
  const byTitle = new Map<string, Area>();
  for (const area of areas) byTitle.set(normaliseAreaName(area.title), area);
  const derived = new Map<string, Area | null>();
  const derive = (name: string, area: Area) => {
    const key = normaliseAreaName(name);
    if (byTitle.has(key)) return;
    const existing = derived.get(key);
    derived.set(key, existing === undefined || existing?.code === area.code ? area : null);
  };
  const nation = byCode.get(NATION_CODE);
  if (nation) for (const name of NATION_NAMES) derive(name, nation);
  for (const area of areas) {
    if (area.type !== 'L') continue;
    const county = COUNTY_NAMES[area.code];
    if (county) derive(county, area);
    // "Västra Götalandsregionen" is also called "Region Västra Götaland".
    const m = /^(.+)sregionen$/i.exec(area.title);
    if (m) derive(`Region ${m[1]}`, area);
  }

  const lookupName = (key: string): Area | undefined => byTitle.get(key) ?? derived.get(key) ?? undefined;

  const byKey = new Map(indicators.map((i) => [i.key.trim().toLowerCase(), i]));

  return {
    areaByCode(code) {
      const padded = padAreaCode(code);
      return padded === undefined ? undefined : byCode.get(padded);
    },
    areaByName(name) {
      const key = normaliseAreaName(name);
      if (key === '') return undefined;
      const exact = lookupName(key);
      if (exact) return exact;
      for (const suffix of MUNICIPALITY_SUFFIXES) {
        if (!key.endsWith(suffix)) continue;
        const stem = key.slice(0, -suffix.length).trim();
        // "Södertälje kommun", then the genitive "Stockholms stad" → Stockholm. The suffix says
        // municipality, so a region or the nation never matches this way.
        const hit = [stem, stem.endsWith('s') ? stem.slice(0, -1) : undefined]
          .map((s) => (s ? lookupName(s) : undefined))
          .find((a) => a?.type === 'K');
        if (hit) return hit;
      }
      return undefined;
    },
    indicator(key) {
      const hit = byKey.get(key.trim().toLowerCase());
      return hit && { key: hit.key, byGender: hit.byGender };
    },
  };
}
