/** The adoption pages: all programmes' adoption, and one programme's decisions. */
export const adoption = {
  indexTitle: 'Antagande',
  indexDescription:
    'Antagandet av varje utvecklingsprogram: hur många av medlemmarnas kommunstyrelser som har antagit det och sedan när det gäller.',
  indexLead:
    'Ett utvecklingsprogram gäller först när varje medlemskommuns kommunstyrelse har antagit det. Välj ett program för att se medlemmarnas beslut och registrera nya.',
  indexCaption: 'Programmens antagande',
  indexColumns: { programme: 'Program', adoptedBy: 'Antaget av', status: 'Status', when: 'När' },
  committeeAdopted: (adopted: boolean) => `Samarbetskommittén: ${adopted ? 'antaget' : 'inte antaget'}`,
  countOf: (adopted: number, required: number) => `${adopted} av ${required}`,

  title: (programme: string) => `Antagande: ${programme}`,
  description: (programme: string) =>
    `Vilka kommunstyrelser som har antagit ${programme}, vilka som återstår och när programmet började gälla, med datum, paragraf och källa för varje beslut.`,
  /** The file a recorded decision was confirmed from (shown to those who may open it). */
  sourceDocument: 'Källdokument',
  breadcrumb: 'Antagande',
  recorded: 'Beslutet är registrerat.',
  recordedCount: (adopted: number, members: number) =>
    `Registrerade beslut om att anta programmet: ${adopted} av ${members} medlemmar.`,
  remaining: (names: string) => ` Återstår: ${names}.`,
  appliesFrom:
    'Programmet gäller från den dag den sista kommunstyrelsen antog det, eller från giltighetsperiodens början om den är senare.',
  decidedByCommittee: 'Den här versionen beslutas av samarbetskommittén.',
  membersCaption: 'Medlemmarnas beslut',
  memberColumns: { member: 'Kommun', standing: 'Ställning', decisions: 'Beslut' },
  otherCaption: 'Övriga beslut',
  otherColumns: { body: 'Organ', decision: 'Beslut', note: 'Anteckning', source: 'Källa' },
  sources: 'Källor för besluten',
  draftNote: 'Programmet är ett utkast. Beslut kan registreras när det har föreslagits.',
  recordedByStaff: 'Beslut registreras av medlemskommunernas handläggare och samverkans sekretariat.',
  signIn: 'Logga in',
  signInToRecord: 'för att registrera ett beslut.',
  /** On English pages, where the (Swedish) decision form is not shown. */
  recordOnSwedishPage: '',
};

export type AdoptionTexts = typeof adoption;
