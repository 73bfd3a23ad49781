/** About the service, and the accessibility statement (tillgänglighetsredogörelse). */
export const about = {
  title: 'Om tjänsten',
  description:
    'Om samverkan: vad tjänsten gör, vem som driver den, varifrån uppgifterna kommer och under vilken licens programvaran är öppen källkod.',
  intro:
    'samverkan är en plattform där kommuner som samarbetar driver sitt gemensamma utvecklingsprogram genom hela cykeln: förslag, antagande i varje medlems kommunstyrelse, årliga planer, uppföljning med nyckeltal och revidering inför nästa mandatperiod.',
  dataHeading: 'Uppgifterna',
  data: (collaboration: string) =>
    `Demonstrationsdata är verkliga uppgifter om ${collaboration} och dess utvecklingsprogram 2013–2023, hämtade från samarbetets webbplats och en medlemskommuns tjänsteskrivelse. Källan anges vid varje program och beslut. Det som källorna inte säger – till exempel exakta beslutsdatum och paragrafer – visas som okänt och har inte fyllts i.`,
  /** On English pages only: which parts are in Swedish. */
  languages: '',
  openSourceHeading: 'Öppen källkod',
  openSource:
    'Programvaran är öppen källkod under licensen EUPL-1.2, den licens som svensk offentlig sektor använder för kod som delas.',
  apiHeading: 'Öppet API',
  apiBefore:
    'Programmen, besluten och jämförelserna finns också som JSON. Beskrivningen av gränssnittet (OpenAPI) finns på',

  accessibilityTitle: 'Tillgänglighetsredogörelse',
  accessibilityDescription:
    'Hur tillgänglig webbplatsen är enligt lagen om tillgänglighet till digital offentlig service, kända brister och hur du anmäler problem.',
  accessibilityIntro:
    'Den här webbplatsen ska vara tillgänglig enligt lagen (2018:1937) om tillgänglighet till digital offentlig service och standarden EN 301 549, som motsvarar WCAG 2.1 nivå AA.',
  howAccessibleHeading: 'Hur tillgänglig är webbplatsen?',
  howAccessible:
    'Varje sidmall testas automatiskt i en webbläsare med verktyget axe mot WCAG 2.1 nivå A och AA och ska ha noll avvikelser, även i formulärens felläge. Sidorna fungerar utan JavaScript, kan användas med enbart tangentbord och går att läsa på en 320 pixlar bred skärm. Automatiska tester hittar inte alla brister; vi tar gärna emot synpunkter.',
  knownIssuesHeading: 'Kända brister',
  knownIssues:
    'Tjänsteskrivelsen som följer med demonstrationsdata är inskannad text där bokstäverna å, ä och ö har skadats vid skanningen.',
  /** On English pages only: the Swedish content on the English pages. */
  knownIssuesEnglish: '',
  contactHeading: 'Om du inte kan använda något',
  contact:
    'Kontakta den organisation som driver tjänsten. Om du inte är nöjd med svaret kan du anmäla det till Myndigheten för digital förvaltning (Digg), som är tillsynsmyndighet.',
};

export type AboutTexts = typeof about;
