/** The versions page and the comparison of two versions. */
export const versions = {
  title: 'Versioner',
  description:
    'Utvecklingsprogrammets versioner i ordning och en jämförelse mellan två av dem: tillkomna, utgångna, omformulerade och flyttade mål.',
  lead: 'Varje program bygger på ett tidigare och ersätter det när det börjar gälla. Jämförelsen visar vilka fokusområden, mål och strategier som har tillkommit, utgått, formulerats om eller flyttats – som en lista att klistra in i en tjänsteskrivelse.',
  caption: 'Programmens versioner',
  columns: {
    programme: 'Program',
    derivedFrom: 'Bygger på',
    replaces: 'Ersätter',
    status: 'Status',
    compare: 'Jämför',
  },
  compareHeading: 'Jämför två versioner',
  from: 'Från (äldre version)',
  to: 'Till (nyare version)',
  showDifferences: 'Visa skillnaderna',

  compareTitle: (from: string, to: string) => `Jämförelse Från ${from} till ${to}`,
  compareDescription: (from: string, to: string) =>
    `Vad som ändrats från ${from} till ${to}: fokusområden, mål och strategier som tillkommit, utgått, omformulerats eller flyttats.`,
  compareBreadcrumb: 'Jämförelse',
  compareHeadingFromTo: (from: string, to: string) => `Förändringar från ${from} till ${to}`,
  fromWord: 'Från',
  toWord: 'till',
  listHeading: 'Förändringar som föreslås från tidigare program',
  noChanges: 'Versionerna är lika: inga förändringar.',
  /** The list's own heading sentence; it is also the first line of the text to copy (always Swedish). */
  listIntro: 'Förändringar som föreslås från tidigare program är att:',
  /** Said on English pages, where the list stays Swedish (it is written for a Swedish memo). */
  listInSwedish: '',
  copyLabel: 'Samma lista som text att kopiera till en tjänsteskrivelse',
  goalsHeading: 'Målen i de två versionerna',
  matchedCaption: 'Mål som motsvarar varandra',
  goalIn: (slug: string) => `Mål i ${slug}`,
  matchedOn: 'Matchat på',
  change: 'Förändring',
  noMatched: 'Inga mål motsvarar varandra.',
  changedCaption: 'Mål som har utgått eller tillkommit',
  goal: 'Mål',
  focusArea: 'Fokusområde',
  noChanged: 'Inga mål har utgått eller tillkommit.',
  basis: {
    lineage: 'registrerad härkomst',
    same_text: 'samma lydelse',
    similar_text: 'liknande text',
    same_network: 'samma ansvariga nätverk',
    same_area: 'enda målet i samma område',
  },
  reworded: 'omformulerat',
  moved: 'flyttat',
  strategiesChanged: 'strategier ändrade',
  unchanged: 'oförändrat',
  removed: 'utgår',
  added: 'nytt',
};

export type VersionsTexts = typeof versions;
