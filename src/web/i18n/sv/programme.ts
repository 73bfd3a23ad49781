/** The start page, the programme list and a programme's page with its facts and documents. */
export const programme = {
  // ---- Start page
  startDescription: (name: string, members: number) =>
    `${name}: ${members} kommuners gemensamma utvecklingsprogram – vilket program som gäller, medlemmarna, organen och chefsnätverken, och var uppföljningen finns.`,
  startLead: (members: number, formalisedYear: number | null) =>
    `${members} kommuner driver ett gemensamt utvecklingsprogram${formalisedYear ? `; samarbetet formaliserades ${formalisedYear}` : ''}. Här finns programmen, medlemmarnas beslut om dem och skillnaderna mellan versionerna.`,
  inForceHeading: 'Gällande program',
  whoAdopted: 'Vilka har antagit programmet?',
  noneInForce: 'Inget program gäller i dag.',
  latestWithGoalsBefore: 'Det senaste programmet vars mål finns registrerade är',
  membersHeading: 'Medlemskommuner',
  municipalityCode: (code: string) => `(kommunkod ${code})`,
  organisationHeading: 'Organisation',
  networksHeading: 'Chefsnätverk och samarbeten',
  meetingsHeading: 'Återkommande möten',
  memoChange: (change: string) => `Förändring enligt programmet 2035: ${change}.`,

  // ---- Programme list
  listTitle: 'Program',
  listDescription:
    'Samverkans utvecklingsprogram, från det första till utkasten: status, giltighetsperiod, målår och vilket program som gäller i dag.',
  listHeading: 'Utvecklingsprogram',
  listLead: (collaboration: string) =>
    `${collaboration}s utvecklingsprogram, från det äldsta till det senaste. Ett program gäller när samtliga medlemmars kommunstyrelser har antagit det, och ersätts när ett senare program börjar gälla.`,
  newDraft: 'Nytt utkast',
  listCaption: 'Program och deras status',
  columns: { programme: 'Program', targetYear: 'Målår', validity: 'Giltighetsperiod', status: 'Status', when: 'När' },

  // ---- Facts
  facts: {
    status: 'Status',
    targetYear: 'Målår',
    validity: 'Giltighetsperiod',
    adoptedBy: 'Antas av',
    byEachBoard: 'Varje medlemskommuns kommunstyrelse',
    byCommittee: 'Samarbetskommittén',
    replaces: 'Ersätter',
    derivedFrom: 'Bygger på',
    successors: 'Efterföljare',
    source: 'Källa',
  },
  documentsHeading: 'Dokument',
  programmeDocument: 'Programdokumentet',
  memosLink: 'Tjänsteskrivelser till kommunstyrelserna',

  // ---- Programme page
  description: (name: string) =>
    `${name}: vision, övergripande mål, fokusområden, mål och strategier, genomgående perspektiv och antagandets status.`,
  editDraft: 'Redigera utkastet',
  adoptionAndDecisions: 'Antagande och beslut',
  compareWithPrevious: 'Jämför med föregående version',
  history: 'Ändringshistorik',
  newDraftFromThis: 'Nytt utkast utifrån detta program',
  proposeHeading: 'Föreslå programmet för beslut',
  proposableWhen: 'Programmet kan föreslås när detta är åtgärdat:',
  complete: 'Programmet är komplett. När det föreslås låses texten och medlemmarnas beslut kan registreras.',
  propose: 'Föreslå programmet',
  vision: 'Vision',
  overarchingGoal: 'Övergripande mål',
  perspectivesHeading: 'Genomgående perspektiv',
  noPerspectives: 'Inga perspektiv anges i källan för den här versionen.',
  focusAreasHeading: 'Fokusområden och mål',
  noFocusAreas: 'Programmet har inga fokusområden registrerade.',
  responsibleNetwork: 'Ansvarigt nätverk:',
  note: 'Anmärkning:',
  noGoalsInArea: 'Inga mål registrerade i området.',
  contributionTo: 'Bidrag till',
  notStated: 'Inte redovisat',
  strategies: 'Strategier:',
  noStrategies: 'Inga strategier finns i källan.',
  goalEvidence: 'Nyckeltal och måluppfyllelse',
  goalEvidenceContext: (goal: string) => ` för målet ${goal}`,
  continuesGoal: 'Fortsätter målet',
  continuesIn: 'Fortsätter i',
  /** A quoted goal "in" a programme: ”…” i Programmet (slug). */
  quote: ['”', '”'] as [string, string],
  inProgramme: 'i',
  statedChangesHeading: 'Förändringar från tidigare program, enligt programmet',
  aboutDataHeading: 'Om uppgifterna',
};

export type ProgrammeTexts = typeof programme;
