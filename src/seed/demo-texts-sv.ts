/**
 * Swedish wording for the parts of the demo file written in English (its descriptive notes). Users see
 * these texts, so they are translated here, faithfully; anything not listed is shown as the file has it.
 */

/** Event texts keyed by the event's name in the demo file. */
export const EVENT_TEXTS_SV: Record<string, { when?: string; audience?: string; content?: string }> = {
  Rådslaget: {
    when: 'Årligen, traditionellt i februari; värdkommunen roterar (Salem 2019, med temat infrastruktur).',
    audience: 'Beslutsfattare nationellt, regionalt och lokalt samt näringslivet.',
  },
  'Nyckeltalsdagen / nyckeltalskonferensen': {
    when: 'Vartannat år.',
    audience: 'Kommunstyrelsernas ordförande, nämndordförande och ledningsgrupper.',
    content:
      'Jämförande nyckeltal per verksamhetsområde, sammanställda ur officiella databaser: ekonomi, förskola, ' +
      'grundskola, gymnasieskola, äldreomsorg, funktionsnedsättning, individ- och familjeomsorg, kultur och fritid, ' +
      'gator och vägar, vatten och avlopp, lokalkostnader, miljö samt SCB:s medborgarundersökning.',
  },
  Södertörnskonferensen: {
    when: 'Årligen sedan 2010; temat 2019 var Utvecklingsprogram 2035; 2020 ställdes konferensen in.',
  },
  'Planeringskonferens (samarbetskommittén)': {
    when: 'Januari.',
    content:
      'Samarbetskommittén antar föregående års årsredovisning och bokslut samt kommande års verksamhetsplan med ' +
      'handlingsplan och budget, uppbyggd efter programmets målstruktur.',
  },
};

/** Body descriptions keyed by the body's id in the demo file. */
export const BODY_DESCRIPTIONS_SV: Record<string, string> = {
  samarbetskommitten:
    'De åtta kommunstyrelseordförandena. Ordförande och vice ordförande väljs för ett år i taget. ' +
    'Minst sex möten per år och en planeringskonferens i januari.',
  ledningsgruppen: 'De åtta kommundirektörerna. Bereder samarbetskommitténs möten. Minst sex möten per år.',
};

export const boardDescriptionSv = (memberName: string): string =>
  `Antar utvecklingsprogrammet för ${memberName}. Programmet gäller först när samtliga medlemskommuners ` +
  'kommunstyrelser har antagit det. Ärendet bereds av kommunstyrelseförvaltningen och ett utskott till kommunstyrelsen.';

export const boardCommitteeDescriptionSv = (memberName: string): string =>
  `Det utskott till kommunstyrelsen i ${memberName} som bereder ärendet inför kommunstyrelsens beslut. ` +
  'Utskottets namn varierar mellan kommunerna, till exempel kommunledningsutskottet eller arbetsutskottet.';

/** Editorial notes on focus areas, keyed by the note in the demo file. */
export const NOTES_SV: Record<string, string> = {
  'strategies not in the captured page': 'Strategierna finns inte med i den sparade källsidan.',
};

/** The demo file marks cut-off texts in English; the marker is shown to users. */
export const TRUNCATION_MARKER = { en: '(truncated in the source)', sv: '(texten är avkortad i källan)' };

/** Cross-cutting perspectives: the memo states them as sentences; the perspective is named by its subject. */
export const PERSPECTIVE_NAMES_SV: Record<string, string> = {
  'Hållbar utveckling ingår i samtliga fokusområden': 'Hållbar utveckling',
  'Klimatfrågan ska genomsyra alla målområden': 'Klimat',
};

/**
 * How each source of the demo file is cited to users: in Swedish, as the document or page it is. The
 * file's own `sources` are notes in English, and the memo's note is a path in the project's reference
 * material that an installation does not have. The memo carries no date or diarienummer in its scanned
 * text, and does not name its municipality; the citation says so rather than guessing.
 */
export const SOURCE_CITATIONS_SV: Record<string, string> = {
  memo:
    'Tjänsteskrivelse ”Södertörns utvecklingsprogram 2035”, kommunstyrelseförvaltningens förslag till ' +
    'kommunledningsutskottet för beslut i kommunstyrelsen, i en av medlemskommunerna (kommunen, datum och ' +
    'diarienummer framgår inte av den skannade texten)',
  'so-2013':
    'Södertörnskommunerna, sidan ”Utvecklingsprogram, 2013” (sodertornskommunerna.se/sidor/om-sodertornssamarbetet/utvecklingsprogram.html)',
  'so-2019':
    'Södertörnskommunerna, sidan Utvecklingsprogram, uppdaterad 2020-09-22 (sodertornskommunerna.se/sodertornssamarbetet/utvecklingsprogram.html)',
  'so-2021':
    'Södertörnskommunerna, sidan Utvecklingsprogram, uppdaterad 2022-05-30; justeringen beslutades 2021-01-14 ' +
    '(sodertornskommunerna.se/sodertornssamarbetet/utvecklingsprogram.html)',
  'so-vision-2008':
    'Södertörnskommunerna, sidan Vision och mål, uppdaterad 2014-05-28 (sodertornskommunerna.se/om-sodertornssamarbetet/vision-och-mal)',
  'so-vision-2021':
    'Södertörnskommunerna, sidan Vision och mål, uppdaterad 2021-01-11 (sodertornskommunerna.se/sodertornssamarbetet/vision-och-mal.html)',
  'so-2019-news':
    'Södertörnskommunerna, nyheten ”Nu är nya utvecklingsprogrammet sjösatt”, 2019-10-11 ' +
    '(sodertornskommunerna.se/arkiv/nyhetsarkiv/nyheter/2019-10-11-nu-ar-nya-utvecklingsprogrammet-sjosatt.html)',
  'so-2021-news':
    'Södertörnskommunerna, nyheten ”Hej då 2020, välkommen 2021”, 2021-03-08 ' +
    '(sodertornskommunerna.se/arkiv/nyhetsarkiv/nyheter/2021-03-08-hej-da-2020-valkommen-2021.html)',
  'so-org':
    'Södertörnskommunerna, sidan Organisation (sodertornskommunerna.se/sidor/om-sodertornssamarbetet/organisation.html)',
  'so-nyckeltal': 'Södertörnskommunerna, sidan Nyckeltal (sodertornskommunerna.se/sidor/nyckeltal.html)',
  'so-konferens':
    'Södertörnskommunerna, sidan Tidigare teman för Södertörnskonferenserna ' +
    '(sodertornskommunerna.se/konferenser/sodertornskonferensen/tidigare-teman-for-sodertornskonferenserna.html)',
  tyreso: 'Tyresö kommun, sidan om Södertörnssamarbetet (tyreso.se)',
  'tyreso-nyckeltal': 'Tyresö kommun, sidan Södertörns nyckeltal, 2016-11-07 (tyreso.se)',
  flemingsberg:
    'Flemingsberg Science, artikeln ”Södertörn – Sveriges hetaste näringslivsregion” ' +
    '(flemingsberg.se/aktuellt-sv/sodertorn-sveriges-hetaste-naringslivsregion/)',
  governo:
    'Governo, artikeln ”Nytt utvecklingsprogram för Södertörnssamverkan” (governo.se/nytt-utvecklingsprogram-for-sodertornssamverkan/)',
};
